"""DynamoDB global tables as a simulation: replicas in several Regions, asynchronous replication (MREC) with
last-writer-wins, and what multi-Region strong consistency (MRSC) changes; plus the TTL, PITR and DAX facts.

One item, written in several Regions. Each write is stamped with its time and applied at once in its own Region; it
reaches every other replica ``lag_ms`` later. A replica keeps the write with the newest timestamp (ties: the Region
name, our assumption; DynamoDB's internal tie-break is not documented). A read-modify-write (a counter) in two
Regions inside the lag window builds on a stale copy, and last-writer-wins silently drops one increment: "lost
updates". Under MRSC a write succeeds only once it is replicated to another Region, so every write sees the latest
value (and pays a cross-Region round trip in latency).

References:
    - Amazon DynamoDB Developer Guide, "How DynamoDB global tables work" (MREC replicates typically within a second;
      concurrent updates resolved per item by the latest internal timestamp, last writer wins; MRSC writes are
      replicated synchronously to at least one other Region before they succeed; the mode is fixed at creation,
      MREC by default), https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html
      (read 2026-12-03)
    - AWS Prescriptive Guidance, "Overview of global tables" (MRSC introduced June 2025; items replicate
      individually, not as transactions; conflicts are not logged),
      https://docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html (read 2026-12-03)
    - AWS CDK API Reference, "CfnGlobalTable.GlobalTableWitnessProperty" (an MRSC table has three replicas, or two
      replicas and a witness, within one Region set: US, EU or AP),
      https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_dynamodb.CfnGlobalTable.GlobalTableWitnessProperty.html
      (read 2026-12-03); AWS SDK Code Examples, "MRSC global tables" (the table must be empty when MRSC is enabled),
      https://docs.aws.amazon.com/code-library/latest/ug/dynamodb_example_dynamodb_Scenario_MRSCGlobalTables_section.html
      (read 2026-12-03)
    - Amazon DynamoDB API Reference, "UpdateTimeToLive" (expired items are deleted on a best-effort basis, typically
      within two days; until then they still appear in reads, queries and scans; a TTL change takes up to an hour),
      https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html (read 2026-12-03)
    - Amazon DynamoDB API Reference, "PointInTimeRecoverySpecification" and "PointInTimeRecoveryDescription"
      (RecoveryPeriodInDays 1 to 35, default 35; LatestRestorableDateTime typically 5 minutes before now),
      https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html
      (read 2026-12-03); Developer Guide, "Enable point-in-time recovery" (the price does not depend on the period)
    - Amazon DynamoDB Developer Guide, "DAX and DynamoDB consistency models" and "DAX: How it works" (write-through;
      eventually consistent reads served from the item and query caches; strongly consistent reads pass through to
      DynamoDB uncached; three or more nodes in several AZs for production),
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html (read 2026-12-03)
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd

from awslab import validate

MODES = ("MREC", "MRSC")
MRSC_REGION_SETS = {
    "US": ("us-east-1", "us-east-2", "us-west-2"),
    "EU": ("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
    "AP": ("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"),
}
MRSC_REGIONS = 3  # three replicas, or two replicas and one witness
TTL_TYPICAL_DELETION_DAYS = 2  # "typically within two days" (UpdateTimeToLive)
TTL_CHANGE_HOURS = 1
PITR_RECOVERY_DAYS_RANGE = (1, 35)
PITR_RECOVERY_DAYS_DEFAULT = 35
PITR_LATEST_RESTORABLE_MINUTES = 5  # "typically 5 minutes before the current time"


@validate.checked
def mrsc_layout(replicas: list[str], witness: str | None = None) -> dict:
    """Check an MRSC layout: exactly three Regions (replicas plus an optional witness), all in one Region set.

    >>> mrsc_layout(["us-east-1", "us-east-2"], witness="us-west-2")["region_set"]
    'US'
    >>> mrsc_layout(["us-east-1", "eu-west-1", "us-west-2"])
    Traceback (most recent call last):
    ...
    ValueError: replicas ['us-east-1', 'eu-west-1', 'us-west-2'] span Region sets; MRSC needs one set (US, EU or AP)
    """
    regions = list(replicas) + ([witness] if witness else [])
    if len(regions) != MRSC_REGIONS or len(set(regions)) != MRSC_REGIONS or len(replicas) < 2:
        raise ValueError(
            f"replicas {list(replicas)} with witness {witness!r}: MRSC needs three Regions, three replicas or two "
            "replicas and a witness"
        )
    sets = {name for name, members in MRSC_REGION_SETS.items() for r in regions if r in members}
    unknown = [r for r in regions if not any(r in m for m in MRSC_REGION_SETS.values())]
    if unknown or len(sets) != 1:
        raise ValueError(
            f"replicas {regions} span Region sets; MRSC needs one set (US, EU or AP)"
            if not unknown
            else f"Region(s) {unknown} (replicas or witness) are in no MRSC Region set (US, EU or AP)"
        )
    return {"replicas": list(replicas), "witness": witness, "region_set": sets.pop()}


@dataclass(frozen=True)
class Write:
    """One write of the item: where, when (ms), the value it read from its replica and the value it wrote.

    >>> Write("us-east-1", 10.0, 1, 0).value
    1
    """

    region: str
    time_ms: float
    value: int
    base: int  # the value the writer read before adding 1


@dataclass(frozen=True)
class ReplicationRun:
    """Every write, every replica's final value, and what last-writer-wins did to the counter.

    >>> run = simulate_counter({"us-east-1": [0.0], "eu-west-1": [100.0]}, lag_ms=500)
    >>> run.final, run.increments, run.lost_updates
    ({'eu-west-1': 1, 'us-east-1': 1}, 2, 1)
    """

    writes: tuple[Write, ...]
    final: dict[str, int]
    winner: Write
    mode: str
    lag_ms: float

    @property
    def increments(self) -> int:
        return len(self.writes)

    @property
    def converged(self) -> bool:
        return len(set(self.final.values())) == 1

    @property
    def lost_updates(self) -> int:
        return self.increments - next(iter(self.final.values()))

    def frame(self) -> pd.DataFrame:
        """One row per write in time order; ``stale_read`` marks a write that had not seen every earlier one.

        >>> simulate_counter({"a": [0.0], "b": [10.0]}, lag_ms=50).frame()["stale_read"].tolist()
        [False, True]
        """
        rows = [{"region": w.region, "time_ms": w.time_ms, "read": w.base, "wrote": w.value} for w in self.writes]
        return pd.DataFrame(rows).assign(stale_read=self.stale_reads())

    def stale_reads(self) -> list[bool]:
        """Per write in time order: had it not seen every earlier write (so its increment is lost)?

        >>> simulate_counter({"a": [0.0], "b": [10.0]}, lag_ms=5).stale_reads()
        [False, False]
        """
        return [w.base < i for i, w in enumerate(self.writes)]


@validate.checked
def simulate_counter(
    write_times_ms: dict[str, list[float]], *, lag_ms: float = 800, mode: str = "MREC"
) -> ReplicationRun:
    """Increments of one counter item from several Regions: each write reads its local replica and writes value + 1.

    MREC: local apply, delivery to the others after ``lag_ms``, last writer wins. MRSC: every write sees the latest
    value (it is replicated before it succeeds), so no increment is lost.

    >>> simulate_counter({"us-east-1": [0.0], "eu-west-1": [100.0]}, lag_ms=500, mode="MRSC").lost_updates
    0
    """
    validate.choice("mode", mode, MODES)
    validate.number("lag_ms", lag_ms, minimum=0, maximum=600_000, unit="ms")
    regions = sorted(write_times_ms)
    if len(regions) < 2:
        raise ValueError(f"write_times_ms has {len(regions)} Region(s); a global table has two or more")
    events = []  # (time, order, kind, payload): deliveries (order 0) land before a write at the same instant
    for region in regions:
        for t in write_times_ms[region]:
            validate.number("write time", t, minimum=0, unit="ms")
            events.append((float(t), 1, region, "write"))
    heapq.heapify(events)
    state = {r: (-1.0, "", 0) for r in regions}  # (timestamp, region, value): the item as each replica holds it
    writes: list[Write] = []
    latest = (-1.0, "", 0)
    while events:
        t, _, region, kind = heapq.heappop(events)
        if kind == "write":
            base = latest[2] if mode == "MRSC" else state[region][2]
            stamp = (t, region, base + 1)
            writes.append(Write(region, t, base + 1, base))
            state[region] = max(state[region], stamp)
            latest = max(latest, stamp)
            if mode == "MRSC":
                state = {r: max(state[r], stamp) for r in regions}
                continue
            for other in regions:
                if other != region:
                    heapq.heappush(events, (t + lag_ms, 0, other, stamp))
        else:
            state[region] = max(state[region], kind)  # last writer wins: keep the newest (timestamp, Region)
    final = {r: state[r][2] for r in regions}
    winner = max(writes, key=lambda w: (w.time_ms, w.region, w.value))  # same stamp in one Region: the later write
    return ReplicationRun(tuple(writes), final, winner, mode, float(lag_ms))


@validate.checked
def random_writes(regions: tuple[str, ...] = ("us-east-1", "eu-west-1"), *, writes_per_second: float = 2.0,
                  seconds: float = 30.0, seed: int = 0) -> dict[str, list[float]]:  # fmt: skip
    """Poisson write times (ms) per Region, seeded.

    >>> w = random_writes(seconds=10, seed=1)
    >>> sorted(w), all(0 <= t < 10_000 for ts in w.values() for t in ts)
    (['eu-west-1', 'us-east-1'], True)
    """
    validate.number("writes_per_second", writes_per_second, minimum=0, maximum=1000)
    validate.number("seconds", seconds, minimum=1, maximum=3600, unit="s")
    validate.integer("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    out = {}
    for region in regions:
        n = rng.poisson(writes_per_second * seconds)
        out[region] = sorted(round(float(t), 3) for t in rng.uniform(0, seconds * 1000, n))
    return out


def lost_update_sweep(lags_ms, *, writes_per_second: float = 2.0, seconds: float = 30.0, seed: int = 0) -> pd.DataFrame:
    """Lost increments under MREC (and MRSC) as the replication lag grows.

    >>> lost_update_sweep([0, 1000], seed=2)["mrec_lost"].tolist()[0]
    0
    """
    if isinstance(lags_ms, (str, bytes, dict)) or not isinstance(lags_ms, (list, tuple, np.ndarray)):
        raise ValueError(f"lags_ms must be a list of lags in ms, got {lags_ms!r:.80}")
    for i, lag in enumerate(lags_ms):
        validate.number(f"lags_ms[{i}]", lag, minimum=0, maximum=600_000, unit="ms")
    validate.number("writes_per_second", writes_per_second, minimum=0, maximum=1000, exclusive_minimum=True)
    writes = random_writes(writes_per_second=writes_per_second, seconds=seconds, seed=seed)
    if not any(writes.values()):
        raise ValueError(f"writes_per_second={writes_per_second!r} over {seconds!r} s gave no writes to replicate")
    rows = []
    for lag in lags_ms:
        mrec = simulate_counter(writes, lag_ms=lag)
        mrsc = simulate_counter(writes, lag_ms=lag, mode="MRSC")
        rows.append({"lag_ms": lag, "increments": mrec.increments, "mrec_final": mrec.final[sorted(mrec.final)[0]],
                     "mrec_lost": mrec.lost_updates, "mrsc_lost": mrsc.lost_updates})  # fmt: skip
    return pd.DataFrame(rows)


def ttl_deleted_share(hours_after_expiry: float, *, typical_days: float = TTL_TYPICAL_DELETION_DAYS) -> float:
    """A teaching curve, not AWS's: the share of expired items deleted after ``hours`` (linear to the typical bound).

    >>> ttl_deleted_share(24), ttl_deleted_share(72)
    (0.5, 1.0)
    """
    validate.number("hours_after_expiry", hours_after_expiry, minimum=0, unit="h")
    validate.number("typical_days", typical_days, minimum=0, unit="days", exclusive_minimum=True)
    return min(1.0, hours_after_expiry / (typical_days * 24))


def pitr_window(recovery_period_in_days: int = PITR_RECOVERY_DAYS_DEFAULT, *, table_age_days: float = 365) -> dict:
    """Earliest and latest restorable points (days and minutes before now) for a PITR setting.

    >>> pitr_window(7, table_age_days=3)
    {'RecoveryPeriodInDays': 7, 'earliest_days_ago': 3.0, 'latest_minutes_ago': 5}
    """
    low, high = PITR_RECOVERY_DAYS_RANGE
    validate.integer("recovery_period_in_days", recovery_period_in_days, minimum=low, maximum=high)
    validate.number("table_age_days", table_age_days, minimum=0, unit="days")
    return {
        "RecoveryPeriodInDays": recovery_period_in_days,
        "earliest_days_ago": float(min(recovery_period_in_days, table_age_days)),
        "latest_minutes_ago": PITR_LATEST_RESTORABLE_MINUTES,
    }


def dax_read_path(consistent_read: bool, cached: bool) -> str:
    """Where a DAX GetItem is answered.

    >>> dax_read_path(True, True)
    'passes through to DynamoDB (strongly consistent reads are not cached)'
    """
    if consistent_read:
        return "passes through to DynamoDB (strongly consistent reads are not cached)"
    return "answered from the DAX item cache" if cached else "cache miss: read from DynamoDB, then cached"
