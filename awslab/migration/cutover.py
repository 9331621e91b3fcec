"""A DMS full-load-and-CDC cutover, as arithmetic: can ongoing replication keep up, and how long is the downtime?

While DMS runs the full load it caches the changes made to each table; after the load it applies them, then keeps
applying new changes (change data capture, CDC). Writes arrive at ``writes_per_second``; the task applies at most
``apply_per_second``. The backlog of unapplied changes then grows or shrinks at their difference:

    backlog(t) = max(0, backlog(t0) + (writes - apply) * (t - t0))        lag = backlog / apply   (seconds)

If the apply rate is below the write rate the backlog, and the lag, grow without end: the migration never catches
up and a cutover means a long outage. If it is above, the lag falls to a floor (``floor_seconds``: DMS's own
latency, which AWS does not promise: there is no SLA for CDC latency, and it can reach minutes). At cutover the
application stops writing, the backlog drains at the apply rate, and the switch (connection strings, DNS, checks)
takes ``switch_minutes``. All rates here are inputs to judge, **not AWS figures**: measure them on a test task
(CloudWatch's ``CDCLatencySource`` and ``CDCLatencyTarget`` show the lag).

>>> plan = cutover_plan(500, full_load_gib_per_hour=100, writes_per_second=200, apply_per_second=1000)
>>> plan.keeps_up, plan.full_load_hours, plan.catch_up_hours, plan.downtime_minutes
(True, 5.0, 1.25, 15.08)

References:
    - AWS DMS User Guide, "Creating tasks for ongoing replication using AWS DMS" (CDC collects changes from the
      database logs with the engine's native API; not real-time replication; no SLA for CDC latency, which can reach
      several minutes or more), https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Task.CDC.html (read 2026-12-03).
    - AWS DMS User Guide, "Homogeneous data migrations" (full load, full load and CDC, CDC only; native tools such as
      mydumper/myloader and mongodump/mongorestore),
      https://docs.aws.amazon.com/dms/latest/userguide/dm-migrating-data-mysql.html (read 2026-12-03).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from awslab import validate


@dataclass(frozen=True)
class CutoverPlan:
    """The full load, the catch-up, the lag when you cut over, and the downtime.

    ``catch_up_hours`` is ``math.inf`` when replication cannot keep up; the downtime then grows with every hour
    you wait (the queue drains only once the writes stop).

    >>> cutover_plan(100, full_load_gib_per_hour=50, writes_per_second=900, apply_per_second=600).keeps_up
    False
    """

    full_load_hours: float
    backlog_after_load: float  # changes cached during the full load
    keeps_up: bool
    catch_up_hours: float
    lag_at_cutover_seconds: float
    downtime_minutes: float
    hours: tuple[float, ...]  # a timeline from the start of the full load to the cutover
    lag_seconds: tuple[float, ...]


@validate.checked
def backlog(start: float, writes_per_second: float, apply_per_second: float, seconds: float) -> float:
    """Unapplied changes after ``seconds`` of CDC that started with ``start`` of them (never below zero).

    >>> backlog(1000, 50, 100, 10), backlog(1000, 50, 100, 100)
    (500.0, 0.0)
    """
    return max(0.0, float(start) + (writes_per_second - apply_per_second) * seconds)


def cutover_plan(
    database_gib: float,
    *,
    full_load_gib_per_hour: float,
    writes_per_second: float,
    apply_per_second: float,
    cutover_after_hours: float = 24.0,
    floor_seconds: float = 5.0,
    switch_minutes: float = 15.0,
    points: int = 49,
) -> CutoverPlan:
    """Plan a full-load-and-CDC migration of ``database_gib`` and a cutover ``cutover_after_hours`` after it starts.

    >>> p = cutover_plan(500, full_load_gib_per_hour=100, writes_per_second=200, apply_per_second=150)
    >>> p.keeps_up, p.catch_up_hours, p.downtime_minutes
    (False, inf, 795.0)
    """
    database_gib = validate.number("database_gib", database_gib, minimum=0.001, maximum=1_000_000, unit="GiB")
    rate = validate.number(
        "full_load_gib_per_hour", full_load_gib_per_hour, minimum=0.001, maximum=100_000, unit="GiB/h"
    )
    writes = validate.number("writes_per_second", writes_per_second, minimum=0, maximum=10_000_000, unit="changes/s")
    apply = validate.number("apply_per_second", apply_per_second, minimum=0.001, maximum=10_000_000, unit="changes/s")
    floor = validate.number("floor_seconds", floor_seconds, minimum=0, maximum=3600, unit="s")
    switch = validate.number("switch_minutes", switch_minutes, minimum=0, maximum=1440, unit="min")
    validate.integer("points", points, minimum=2, maximum=1000)
    load_h = database_gib / rate
    after = validate.number("cutover_after_hours", cutover_after_hours, minimum=0, maximum=24 * 365, unit="h")
    after = max(after, load_h)  # no cutover before the full load is done
    cached = writes * load_h * 3600
    keeps_up = apply > writes
    catch_up_h = cached / (apply - writes) / 3600 if keeps_up else math.inf

    def lag_at(hour: float) -> float:
        if hour <= load_h:  # during the load the changes pile up in the cache
            queued = writes * hour * 3600
        else:
            queued = backlog(cached, writes, apply, (hour - load_h) * 3600)
        return max(floor, queued / apply)

    hours = tuple(round(after * i / (points - 1), 4) for i in range(points))
    lags = tuple(round(lag_at(h), 2) for h in hours)
    at_cutover = lag_at(after)
    downtime = at_cutover / 60 + switch  # stop the writes, drain what is queued, switch
    return CutoverPlan(
        full_load_hours=round(load_h, 2),
        backlog_after_load=round(cached, 1),
        keeps_up=keeps_up,
        catch_up_hours=round(catch_up_h, 2) if math.isfinite(catch_up_h) else math.inf,
        lag_at_cutover_seconds=round(at_cutover, 2),
        downtime_minutes=round(downtime, 2),
        hours=hours,
        lag_seconds=lags,
    )
