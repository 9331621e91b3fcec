"""Seeded outage simulation: redundant copies that fail and get repaired, with optional common-cause failures.

Each copy alternates exponentially distributed up times (mean ``mtbf_hours``) and repair times (mean
``mttr_hours``); its long-run availability is MTBF / (MTBF + MTTR). A common cause (a bad deployment, a shared
dependency) with its own MTBF takes every copy down at once. The service is up in a minute when at least one copy
is up and no common-cause outage is running. Time runs on a one-minute grid, vectorised with numpy.

References:
    - AWS Well-Architected Framework, "Reliability",
      https://docs.aws.amazon.com/wellarchitected/latest/framework/reliability.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

MINUTES_PER_YEAR = 365 * 24 * 60
_COMMON_CAUSE_STREAM = 1_000_000  # spawn key of the common-cause random stream, apart from the copies' keys


@dataclass(frozen=True)
class OutageSimulation:
    """Result of simulate_outages: availability, downtime and outages of the service over the horizon.

    >>> sim = simulate_outages(100, 1, copies=2, years=0.1, seed=0)
    >>> sim.outage_count, round(sim.availability, 5)
    (0, 1.0)
    """

    minutes: int
    availability: float
    downtime_minutes: int
    outage_count: int
    longest_outage_minutes: int
    up: tuple[bool, ...] | None  # per-minute service state when keep_timeline=True


def _timeline(rng: np.random.Generator, minutes: int, up_mean_min: float, down_mean_min: float) -> np.ndarray:
    """Boolean per-minute up/down timeline of one alternating renewal process starting up."""
    expected_cycles = minutes / (up_mean_min + down_mean_min)
    n = int(expected_cycles + 10 * np.sqrt(expected_cycles + 1) + 10)
    while True:
        ups = rng.exponential(up_mean_min, n)
        downs = rng.exponential(down_mean_min, n)
        edges = np.cumsum(np.column_stack([ups, downs]).ravel())
        if edges[-1] >= minutes:
            break
        n *= 2
    # minute t is up when an even number of state changes happened at or before its midpoint
    changes = np.searchsorted(edges, np.arange(minutes) + 0.5)
    return changes % 2 == 0


def _stream(seed: int, key: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(key,)))


@checked
def simulate_outages(
    mtbf_hours: float,
    mttr_hours: float,
    copies: int = 1,
    years: float = 1.0,
    common_cause_mtbf_hours: float | None = None,
    common_cause_mttr_hours: float = 1.0,
    seed: int = 0,
    keep_timeline: bool = False,
) -> OutageSimulation:
    """Simulate a service of ``copies`` redundant units for ``years`` on a one-minute grid (seeded).

    Copy k always draws from the same random stream, so adding a copy with the same seed never removes uptime.

    >>> sim = simulate_outages(100, 1, years=1.0, seed=0)
    >>> sim.outage_count, sim.longest_outage_minutes
    (83, 220)
    """
    mtbf = validate.number("mtbf_hours", mtbf_hours, minimum=0, exclusive_minimum=True, unit="hours")
    mttr = validate.number("mttr_hours", mttr_hours, minimum=0, exclusive_minimum=True, unit="hours")
    n = validate.integer("copies", copies, minimum=1, maximum=8)
    span = validate.number("years", years, minimum=0, maximum=10, exclusive_minimum=True, unit="years")
    seed = validate.integer("seed", seed, minimum=0)
    minutes = max(1, int(round(span * MINUTES_PER_YEAR)))
    up = np.zeros(minutes, dtype=bool)
    for k in range(n):
        up |= _timeline(_stream(seed, k), minutes, mtbf * 60, mttr * 60)
    if common_cause_mtbf_hours is not None:
        cc_mtbf = validate.number(
            "common_cause_mtbf_hours", common_cause_mtbf_hours, minimum=0, exclusive_minimum=True, unit="hours"
        )
        cc_mttr = validate.number(
            "common_cause_mttr_hours", common_cause_mttr_hours, minimum=0, exclusive_minimum=True, unit="hours"
        )
        up &= _timeline(_stream(seed, _COMMON_CAUSE_STREAM), minutes, cc_mtbf * 60, cc_mttr * 60)
    down = ~up
    starts = np.flatnonzero(down & ~np.concatenate(([False], down[:-1])))
    ends = np.flatnonzero(down & ~np.concatenate((down[1:], [False])))
    lengths = ends - starts + 1
    return OutageSimulation(
        minutes=minutes,
        availability=float(up.mean()),
        downtime_minutes=int(down.sum()),
        outage_count=int(starts.size),
        longest_outage_minutes=int(lengths.max()) if lengths.size else 0,
        up=tuple(bool(x) for x in up) if keep_timeline else None,
    )


@checked
def steady_state_availability(mtbf_hours: float, mttr_hours: float) -> float:
    """Long-run availability of one repairable unit: MTBF / (MTBF + MTTR).

    >>> round(steady_state_availability(100, 1), 6)
    0.990099
    """
    mtbf = validate.number("mtbf_hours", mtbf_hours, minimum=0, exclusive_minimum=True, unit="hours")
    mttr = validate.number("mttr_hours", mttr_hours, minimum=0, exclusive_minimum=True, unit="hours")
    return mtbf / (mtbf + mttr)
