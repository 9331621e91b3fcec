"""Kinesis Data Streams: how many shards, which shard a partition key lands on, hot shards and resharding.

Shards are described in ListShards' shape: {"ShardId", "HashKeyRange": {"StartingHashKey", "EndingHashKey"}},
hash keys as decimal strings of 128-bit integers. A record's shard is the one whose range holds the MD5 of its
partition key, read as an unsigned 128-bit integer.

References:
    - Amazon Kinesis Data Streams Developer Guide, "Quotas and limits",
      https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html (read 2026-12-03)
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

# Per-shard quotas: Kinesis Data Streams Developer Guide, "Quotas and limits", read 2026-11-27.
SHARD_WRITE_KIB_PER_SECOND = 1024  # 1 MiB/s
SHARD_WRITE_RECORDS_PER_SECOND = 1000
SHARD_READ_KIB_PER_SECOND = 2048  # 2 MiB/s, shared by all standard consumers of the shard
ENHANCED_FAN_OUT_MAX_CONSUMERS = 20  # each registered consumer gets its own 2 MiB/s per shard
RECORD_MAX_KIB = 10_240  # 10 MiB after UpdateMaxRecordSize (default 1 MiB); "Handle large records", 2026-11-27
HASH_KEY_MAX = 2**128 - 1


@checked
def shard_requirements(
    records_per_second: float, average_record_kb: float, consumers: int = 1, *, enhanced_fan_out: bool = False
) -> dict[str, float]:
    """Shards each quota alone calls for (fractional): write KiB/s, write records/s and shared read KiB/s.

    Sizes are in KiB (the AWS sizing formula divides by 1024 and 2048). With enhanced fan-out each consumer has
    its own read pipe, so the read need is 0.

    >>> shard_requirements(3000, 0.5, consumers=2)
    {'write bandwidth (1 MiB/s)': 1.46484375, 'write records (1,000/s)': 3.0, 'read bandwidth (2 MiB/s shared)': 1.46484375}
    """
    rate = validate.number("records_per_second", records_per_second, minimum=0, maximum=1e9, unit="records/s")
    size = validate.number(
        "average_record_kb", average_record_kb, minimum=0, exclusive_minimum=True, maximum=RECORD_MAX_KIB, unit="KiB"
    )
    limit = ENHANCED_FAN_OUT_MAX_CONSUMERS if enhanced_fan_out else 1000
    readers = validate.integer("consumers", consumers, minimum=1, maximum=limit)
    write_kib = rate * size
    return {
        "write bandwidth (1 MiB/s)": write_kib / SHARD_WRITE_KIB_PER_SECOND,
        "write records (1,000/s)": rate / SHARD_WRITE_RECORDS_PER_SECOND,
        "read bandwidth (2 MiB/s shared)": 0.0 if enhanced_fan_out else write_kib * readers / SHARD_READ_KIB_PER_SECOND,
    }


@checked
def shards_needed(
    records_per_second: float, average_record_kb: float, consumers: int = 1, *, enhanced_fan_out: bool = False
) -> int:
    """Shards for a stream: enough for the write bandwidth, the write record rate and the shared read bandwidth.

    >>> shards_needed(3000, 0.5, consumers=2)
    3
    """
    needs = shard_requirements(records_per_second, average_record_kb, consumers, enhanced_fan_out=enhanced_fan_out)
    # round() first so that 2.0000000000000004 counts as 2 shards, not 3
    return max(1, math.ceil(round(max(needs.values()), 9)))


@checked
def hash_key(partition_key: str) -> int:
    """The 128-bit hash key Kinesis derives from a partition key (MD5).

    >>> hash_key("user-42") < HASH_KEY_MAX
    True
    """
    if not isinstance(partition_key, str) or not 1 <= len(partition_key) <= 256:
        raise ValueError(f"partition_key={partition_key!r} must be a string of 1-256 characters")
    return int.from_bytes(hashlib.md5(partition_key.encode("utf-8")).digest(), "big")


def _shard(index: int, start: int, end: int) -> dict:
    return {
        "ShardId": f"shardId-{index:012d}",
        "HashKeyRange": {"StartingHashKey": str(start), "EndingHashKey": str(end)},
    }


@checked
def create_shards(shard_count: int) -> list[dict]:
    """The open shards of a new stream: the hash key space split evenly, as CreateStream does.

    >>> [(s["ShardId"], s["HashKeyRange"]["StartingHashKey"][:6]) for s in create_shards(2)]
    [('shardId-000000000000', '0'), ('shardId-000000000001', '170141')]
    """
    count = validate.integer("shard_count", shard_count, minimum=1, maximum=20_000)
    step = (HASH_KEY_MAX + 1) // count
    return [_shard(i, i * step, HASH_KEY_MAX if i == count - 1 else (i + 1) * step - 1) for i in range(count)]


def _next_index(shards: list[dict]) -> int:
    return max(int(s["ShardId"].split("-")[1]) for s in shards) + 1


def _find(shards: list[dict], shard_id: str, name: str = "shard_id") -> int:
    for position, shard in enumerate(shards):
        if shard.get("ShardId") == shard_id:
            return position
    open_ids = ", ".join(str(s.get("ShardId")) for s in shards) or "none"
    raise ValueError(f"{name}={shard_id!r} is not one of the open shards given in shards: {open_ids}")


@checked
def split_shard(shards: list[dict], shard_id: str, new_starting_hash_key: int | None = None) -> list[dict]:
    """SplitShard: the parent closes and two children share its range (split at the midpoint by default).

    >>> [s["ShardId"] for s in split_shard(create_shards(2), "shardId-000000000000")]
    ['shardId-000000000002', 'shardId-000000000003', 'shardId-000000000001']
    """
    position = _find(shards, shard_id)
    start = int(shards[position]["HashKeyRange"]["StartingHashKey"])
    end = int(shards[position]["HashKeyRange"]["EndingHashKey"])
    split = (start + end + 1) // 2 if new_starting_hash_key is None else new_starting_hash_key
    if not isinstance(split, int) or not start < split <= end:
        raise ValueError(
            f"new_starting_hash_key={split!r} must lie inside the shard's range, above {start} and at most {end}"
        )
    index = _next_index(shards)
    children = [_shard(index, start, split - 1), _shard(index + 1, split, end)]
    return shards[:position] + children + shards[position + 1 :]


@checked
def merge_shards(shards: list[dict], shard_id: str, adjacent_shard_id: str) -> list[dict]:
    """MergeShards: two shards with adjacent hash key ranges close and one child takes both ranges.

    >>> [s["ShardId"] for s in merge_shards(create_shards(2), "shardId-000000000000", "shardId-000000000001")]
    ['shardId-000000000002']
    """
    first, second = sorted(
        (_find(shards, shard_id), _find(shards, adjacent_shard_id, "adjacent_shard_id")),
        key=lambda p: int(shards[p]["HashKeyRange"]["StartingHashKey"]),
    )
    low, high = shards[first]["HashKeyRange"], shards[second]["HashKeyRange"]
    if int(low["EndingHashKey"]) + 1 != int(high["StartingHashKey"]):
        raise ValueError(
            f"adjacent_shard_id={adjacent_shard_id!r} is not adjacent to {shard_id!r}: their hash "
            "key ranges do not touch"
        )
    child = _shard(_next_index(shards), int(low["StartingHashKey"]), int(high["EndingHashKey"]))
    rest = [s for p, s in enumerate(shards) if p not in (first, second)]
    rest.append(child)
    return sorted(rest, key=lambda s: int(s["HashKeyRange"]["StartingHashKey"]))


@checked
def shard_for_key(partition_key: str, shards: list[dict]) -> str:
    """The ShardId whose hash key range holds the partition key's MD5.

    >>> shard_for_key("user-42", create_shards(4))
    'shardId-000000000001'
    """
    key = hash_key(partition_key)
    for shard in shards:
        if int(shard["HashKeyRange"]["StartingHashKey"]) <= key <= int(shard["HashKeyRange"]["EndingHashKey"]):
            return shard["ShardId"]
    raise ValueError("shards do not cover the whole hash key space")


@checked
def shard_load(key_records_per_second: dict[str, float], average_record_kb: float, shards: list[dict]) -> pd.DataFrame:
    """Per-shard write load and throttling for steady per-partition-key record rates.

    Columns: ShardId, records_per_second, kib_per_second, utilisation (the larger of the two write quotas' shares)
    and throttled_records_per_second (what PutRecords would reject with ProvisionedThroughputExceeded).

    >>> load = shard_load({"a": 800.0, "b": 400.0}, 1.0, create_shards(1))
    >>> int(load["records_per_second"].iloc[0])
    1200
    """
    import pandas as pd

    size = validate.number(
        "average_record_kb", average_record_kb, minimum=0, exclusive_minimum=True, maximum=RECORD_MAX_KIB, unit="KiB"
    )
    rates = {shard["ShardId"]: 0.0 for shard in shards}
    for key, rate in key_records_per_second.items():
        rates[shard_for_key(key, shards)] += validate.number(f"rate of key {key!r}", rate, minimum=0, unit="records/s")
    frame = pd.DataFrame({"ShardId": list(rates), "records_per_second": list(rates.values())})
    frame["kib_per_second"] = frame["records_per_second"] * size
    frame["utilisation"] = np.maximum(
        frame["records_per_second"] / SHARD_WRITE_RECORDS_PER_SECOND,
        frame["kib_per_second"] / SHARD_WRITE_KIB_PER_SECOND,
    )
    accepted = np.minimum(1.0, 1.0 / np.maximum(frame["utilisation"], 1e-12))
    frame["throttled_records_per_second"] = frame["records_per_second"] * (1 - accepted)
    return frame


@dataclass(frozen=True)
class HotKeyResult:
    """The key rates a workload produces and the per-shard load they cause.

    >>> result = hot_key_workload(3000, 200, 0.4, create_shards(4), seed=0)
    >>> round(result.throttled_fraction, 3)
    0.203
    """

    key_records_per_second: dict[str, float]
    load: pd.DataFrame

    @property
    def throttled_fraction(self) -> float:
        """Share of all records rejected for exceeding a shard's write quota."""
        total = self.load["records_per_second"].sum()
        return float(self.load["throttled_records_per_second"].sum() / total) if total else 0.0


@checked
def hot_key_workload(
    total_records_per_second: float,
    keys: int,
    hot_key_share: float,
    shards: list[dict],
    *,
    average_record_kb: float = 1.0,
    salt_suffixes: int = 1,
    seed: int = 0,
) -> HotKeyResult:
    """One hot partition key takes ``hot_key_share`` of the traffic; the rest spreads over ``keys`` - 1 keys.

    ``salt_suffixes`` > 1 writes the hot key as "<key>-0" ... "<key>-(n-1)", spreading it over several shards, the
    usual cure when splitting shards cannot help (one key always maps to one shard). Cold keys get random
    (seeded) names and a Dirichlet-distributed share of the cold traffic.

    >>> result = hot_key_workload(3000, 200, 0.4, create_shards(4), seed=0)
    >>> max(result.key_records_per_second.values())
    1200.0
    """
    total = validate.number(
        "total_records_per_second", total_records_per_second, minimum=0, maximum=1e8, unit="records/s"
    )
    n_keys = validate.integer("keys", keys, minimum=1, maximum=100_000)
    share = validate.number("hot_key_share", hot_key_share, minimum=0, maximum=1)
    salts = validate.integer("salt_suffixes", salt_suffixes, minimum=1, maximum=10_000)
    rng = np.random.default_rng(seed)
    rates: dict[str, float] = {}
    hot_names = ["hot-customer"] if salts == 1 else [f"hot-customer-{i}" for i in range(salts)]
    for name in hot_names:
        rates[name] = total * share / salts
    if n_keys > 1:
        weights = rng.dirichlet(np.ones(n_keys - 1)) * total * (1 - share)
        for index, weight in enumerate(weights.tolist()):
            rates[f"customer-{rng.integers(1 << 40):010x}-{index}"] = weight
    elif share < 1:
        raise ValueError(f"keys=1 leaves no cold key for the remaining {1 - share:.0%} of traffic; use keys >= 2")
    return HotKeyResult(rates, shard_load(rates, average_record_kb, shards))


@dataclass(frozen=True)
class ReshardStep:
    """One step of resharding: the open shards after it, their load, and what was done.

    >>> result = hot_key_workload(3000, 200, 0.4, create_shards(4), seed=0)
    >>> steps = reshard_hot_shards(result.key_records_per_second, 1.0, create_shards(4))
    >>> steps[0].action, round(steps[0].throttled_fraction, 3)
    ('start', 0.203)
    """

    action: str
    shards: list[dict]
    load: pd.DataFrame

    @property
    def throttled_fraction(self) -> float:
        """Share of all records rejected at this step."""
        total = self.load["records_per_second"].sum()
        return float(self.load["throttled_records_per_second"].sum() / total) if total else 0.0


@checked
def reshard_hot_shards(
    key_records_per_second: dict[str, float], average_record_kb: float, shards: list[dict], *, max_shards: int = 64
) -> list[ReshardStep]:
    """Split the busiest over-quota shard, one SplitShard at a time, until no shard is over its write quota.

    Each split falls between the shard's keys so that the two children carry as equal a load as the keys allow
    (an even hash split could leave all the load on one side). Shards over quota that hold a single key are left
    alone, since no split can divide one partition key (key salting is the cure); the run stops when only such
    shards remain over quota, or at ``max_shards``.

    >>> result = hot_key_workload(3000, 200, 0.4, create_shards(4), seed=0)
    >>> steps = reshard_hot_shards(result.key_records_per_second, 1.0, create_shards(4))
    >>> len(steps), len(steps[-1].shards), round(steps[-1].throttled_fraction, 3)
    (4, 6, 0.067)
    """
    limit = validate.integer("max_shards", max_shards, minimum=1, maximum=10_000)
    steps = [ReshardStep("start", shards, shard_load(key_records_per_second, average_record_kb, shards))]
    hashes = {key: hash_key(key) for key in key_records_per_second}
    while len(shards) < limit:
        load = steps[-1].load
        over = load[load["utilisation"] > 1.0]
        if over.empty:
            break
        owner = {key: shard_for_key(key, shards) for key in key_records_per_second}
        candidates = []
        for shard_id in over.sort_values("utilisation", ascending=False)["ShardId"]:
            owned = sorted(
                (hashes[k], rate) for k, rate in key_records_per_second.items() if owner[k] == shard_id and rate > 0
            )
            if len(owned) >= 2:
                candidates.append((shard_id, owned))
        if not candidates:
            steps.append(
                ReshardStep(
                    f"stop: {', '.join(over['ShardId'])} each carry one hot key; splitting cannot divide a key",
                    shards,
                    load,
                )
            )
            break
        busiest, owned = candidates[0]
        total, running, cut = sum(rate for _, rate in owned), 0.0, 1
        for index, (_, rate) in enumerate(owned[:-1], start=1):
            running += rate
            cut = index
            if running >= total / 2:
                break
        split_at = (owned[cut - 1][0] + owned[cut][0] + 1) // 2
        shards = split_shard(shards, busiest, max(split_at, owned[cut - 1][0] + 1))
        steps.append(
            ReshardStep(f"split {busiest}", shards, shard_load(key_records_per_second, average_record_kb, shards))
        )
    return steps
