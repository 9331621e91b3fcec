"""Hot partitions: a seeded simulation of skewed partition-key writes against per-partition limits.

Every write is assumed to be an item of 1 KB or less (one write unit). A table's provisioned WCU is split evenly
over its partitions, and no partition can serve more than 1,000 WCU, so a few hot keys throttle while the table as
a whole still has capacity to spare. Write sharding (a random suffix 0..N-1 on the partition key) spreads each hot
key over up to N partitions.

References:
    - Amazon DynamoDB Developer Guide, "Burst and adaptive capacity",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.databases.dynamodb import PARTITION_MAX_WCU, initial_partitions
from awslab.validate import checked

# Burst capacity: DynamoDB keeps up to 300 seconds of unused read and write capacity per partition.
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html (read 2026-11-27)
BURST_SECONDS = 300
MAX_SIMULATED_SECONDS = 3600
MAX_DISTINCT_KEYS = 100_000


@dataclass(frozen=True)
class HotPartitionResult:
    """Per-second, per-partition write units: demanded, served and throttled (arrays of shape seconds x partitions).

    >>> simulate_hot_partitions(seconds=10, seed=0).partitions
    4
    """

    partitions: int
    write_capacity_units: float
    capacity_per_partition_wcu: float
    write_shards: int
    demand: np.ndarray
    served: np.ndarray
    throttled: np.ndarray
    partition_share: np.ndarray

    @property
    def total_requests(self) -> int:
        """Writes attempted over the whole run."""
        return int(self.demand.sum())

    @property
    def throttled_fraction(self) -> float:
        """Share of writes rejected with ProvisionedThroughputExceededException."""
        total = self.demand.sum()
        return float(self.throttled.sum() / total) if total else 0.0

    @property
    def table_utilization(self) -> float:
        """Served writes as a share of the table's provisioned WCU over the run."""
        return float(self.served.sum() / (self.write_capacity_units * self.demand.shape[0]))


@checked
def zipf_shares(distinct_keys: int, zipf_exponent: float) -> np.ndarray:
    """Request share of each key when popularity falls as 1/rank**exponent (0 = uniform).

    >>> zipf_shares(3, 1.0).round(3).tolist()
    [0.545, 0.273, 0.182]
    """
    keys = validate.integer("distinct_keys", distinct_keys, minimum=1, maximum=MAX_DISTINCT_KEYS)
    exponent = validate.number("zipf_exponent", zipf_exponent, minimum=0, maximum=3)
    weights = 1.0 / np.arange(1, keys + 1, dtype=float) ** exponent
    return weights / weights.sum()


@checked
def simulate_hot_partitions(
    write_capacity_units: float = 4000,
    writes_per_second: float = 3000,
    *,
    distinct_keys: int = 1000,
    zipf_exponent: float = 1.2,
    write_shards: int = 1,
    partitions: int | None = None,
    seconds: int = 120,
    burst_seconds: int = BURST_SECONDS,
    adaptive_capacity: bool = False,
    seed: int = 0,
) -> HotPartitionResult:
    """Simulate ``seconds`` of Poisson writes with Zipf-skewed partition keys against a provisioned table.

    ``partitions`` defaults to the classic count for the table's WCU. ``adaptive_capacity`` lets hot partitions
    borrow the table's unused capacity, still never above 1,000 WCU per partition.

    >>> round(simulate_hot_partitions(seconds=30, seed=0).throttled_fraction, 3)
    0.028
    """
    wcu = validate.number("write_capacity_units", write_capacity_units, minimum=1, maximum=1e9, unit="WCU")
    rate = validate.number("writes_per_second", writes_per_second, minimum=0, maximum=1e9, unit="writes/s")
    shards = validate.integer("write_shards", write_shards, minimum=1, maximum=1000)
    count = (
        initial_partitions(0, wcu)
        if partitions is None
        else validate.integer("partitions", partitions, minimum=1, maximum=10_000)
    )
    steps = validate.integer("seconds", seconds, minimum=1, maximum=MAX_SIMULATED_SECONDS, unit="s")
    burst = validate.integer("burst_seconds", burst_seconds, minimum=0, maximum=BURST_SECONDS, unit="s")
    if not isinstance(adaptive_capacity, bool):
        raise ValueError(f"adaptive_capacity must be True or False, got {adaptive_capacity!r}")
    shares = zipf_shares(distinct_keys, zipf_exponent)
    rng = np.random.default_rng(seed)
    # DynamoDB hashes each (key, suffix) to a partition; a seeded uniform draw stands in for its hash function.
    placement = rng.integers(0, count, size=(shares.size, shards))
    partition_share = np.bincount(placement.ravel(), weights=np.repeat(shares / shards, shards), minlength=count)
    partition_share = partition_share / partition_share.sum()
    totals = rng.poisson(rate, size=steps)
    demand = rng.multinomial(totals, partition_share).astype(float)

    capacity = min(wcu / count, PARTITION_MAX_WCU)
    served = np.zeros_like(demand)
    bucket = np.full(count, capacity * burst)
    for t in range(steps):
        base = np.minimum(demand[t], capacity)
        extra = np.minimum(demand[t] - base, np.minimum(bucket, PARTITION_MAX_WCU - base))
        bucket = np.minimum(bucket - extra + (capacity - base), capacity * burst)
        served[t] = base + extra
        if adaptive_capacity:
            spare = max(0.0, wcu - served[t].sum())
            room = np.minimum(demand[t] - served[t], PARTITION_MAX_WCU - served[t])
            wanted = room.sum()
            if wanted > 0 and spare > 0:
                served[t] += room * min(1.0, spare / wanted)
    served = np.floor(served + 1e-9)
    return HotPartitionResult(count, wcu, capacity, shards, demand, served, demand - served, partition_share)
