"""Kinesis: shard sizing, hash-key routing, resharding and hot partition keys."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.analytics.kinesis import (
    HASH_KEY_MAX,
    create_shards,
    hash_key,
    hot_key_workload,
    merge_shards,
    reshard_hot_shards,
    shard_for_key,
    shard_load,
    shards_needed,
    split_shard,
)


@pytest.mark.parametrize(
    "rps, kb, consumers, expected",
    [
        (1000, 1, 1, 1),  # exactly one shard's write quota (1,000 records/s)
        (1001, 1, 1, 2),  # one record over
        (2000, 1, 3, 3),  # write needs 2, three readers need 2000*3/2048 -> 3
        (100, 10, 1, 1),  # 1,000 KiB/s fits in 1,024 KiB/s
        (200, 10, 1, 2),  # 2,000 KiB/s needs two shards for bandwidth
        (500, 4, 5, 5),  # reads: 2,000 KiB/s * 5 readers / 2,048 -> 4.9 -> 5
        (0, 1, 1, 1),  # a stream has at least one shard
    ],
)
def test_shards_needed(rps, kb, consumers, expected):
    # Sizing rule from the Kinesis Data Streams Developer Guide: max(write KiB/1024, records/1000, read KiB/2048).
    assert shards_needed(rps, kb, consumers) == expected


def test_enhanced_fan_out_readers_add_no_shards():
    assert shards_needed(500, 4, 5, enhanced_fan_out=True) == 2
    with pytest.raises(ValueError, match="consumers"):
        shards_needed(500, 4, 21, enhanced_fan_out=True)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"records_per_second": -1}, "records_per_second"),
        ({"average_record_kb": 0}, "average_record_kb"),
        ({"average_record_kb": 10_241}, "average_record_kb"),
        ({"consumers": 0}, "consumers"),
    ],
)
def test_shards_needed_bad_inputs(kwargs, name):
    arguments = {"records_per_second": 10, "average_record_kb": 1, "consumers": 1, **kwargs}
    with pytest.raises(ValueError, match=name):
        shards_needed(**arguments)


@given(rps=st.floats(0, 1e6), kb=st.floats(0.01, 1024), consumers=st.integers(1, 20))
def test_shards_needed_is_enough_and_minimal(rps, kb, consumers):
    shards = shards_needed(rps, kb, consumers)
    write = rps * kb

    def fits(n: int, slack: float) -> bool:
        return write <= 1024 * n + slack and rps <= 1000 * n + slack and write * consumers <= 2048 * n + slack

    assert fits(shards, 1e-6)
    assert shards == 1 or not fits(shards - 1, -1e-5)
    assert shards_needed(rps * 2, kb, consumers) >= shards


def test_hash_key_is_md5_of_the_partition_key():
    assert hash_key("a") == int(hashlib.md5(b"a").hexdigest(), 16)
    with pytest.raises(ValueError, match="partition_key"):
        hash_key("")


def test_create_shards_covers_the_hash_space_evenly():
    shards = create_shards(4)
    assert shards[0]["HashKeyRange"]["StartingHashKey"] == "0"
    assert shards[-1]["HashKeyRange"]["EndingHashKey"] == str(HASH_KEY_MAX)
    assert shards[1]["HashKeyRange"]["StartingHashKey"] == str(2**126)
    assert [s["ShardId"] for s in shards] == [f"shardId-00000000000{i}" for i in range(4)]


def _covers(shards):
    ranges = sorted(
        (int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"])) for s in shards
    )
    assert ranges[0][0] == 0 and ranges[-1][1] == HASH_KEY_MAX
    assert all(a[1] + 1 == b[0] for a, b in zip(ranges, ranges[1:], strict=False))


def test_split_and_merge():
    shards = split_shard(create_shards(2), "shardId-000000000000")
    assert [s["ShardId"] for s in shards] == ["shardId-000000000002", "shardId-000000000003", "shardId-000000000001"]
    _covers(shards)
    merged = merge_shards(shards, "shardId-000000000002", "shardId-000000000003")
    assert len(merged) == 2 and merged[0]["ShardId"] == "shardId-000000000004"
    _covers(merged)
    with pytest.raises(ValueError, match="adjacent"):
        merge_shards(shards, "shardId-000000000002", "shardId-000000000001")
    with pytest.raises(ValueError, match="shard_id"):
        split_shard(shards, "shardId-999999999999")
    with pytest.raises(ValueError, match="new_starting_hash_key"):
        split_shard(shards, "shardId-000000000001", 0)


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 50)), max_size=12), st.integers(1, 8))
def test_resharding_always_partitions_the_hash_space(steps, initial):
    shards = create_shards(initial)
    for split, pick in steps:
        if split or len(shards) == 1:
            shards = split_shard(shards, shards[pick % len(shards)]["ShardId"])
        else:
            first = pick % (len(shards) - 1)
            shards = merge_shards(shards, shards[first]["ShardId"], shards[first + 1]["ShardId"])
        _covers(shards)
        key = f"key-{pick}"
        owner = shard_for_key(key, shards)
        owned = next(s for s in shards if s["ShardId"] == owner)["HashKeyRange"]
        assert int(owned["StartingHashKey"]) <= hash_key(key) <= int(owned["EndingHashKey"])


def test_hot_key_overloads_one_shard_and_salting_spreads_it():
    shards = create_shards(4)
    hot = hot_key_workload(3000, 100, 0.5, shards, seed=1)
    assert hot.load["records_per_second"].sum() == pytest.approx(3000)
    assert hot.load["utilisation"].max() > 1.0 and hot.throttled_fraction > 0
    salted = hot_key_workload(3000, 100, 0.5, shards, salt_suffixes=16, seed=1)
    assert salted.throttled_fraction < hot.throttled_fraction


def test_splitting_cannot_help_a_single_key_above_one_shard():
    shards = create_shards(1)
    rates = {"only-key": 1500.0}
    for _ in range(4):
        owner = shard_for_key("only-key", shards)
        shards = split_shard(shards, owner)
    load = shard_load(rates, 1.0, shards)
    assert load["throttled_records_per_second"].sum() == pytest.approx(500.0)


def test_shard_load_bad_inputs():
    with pytest.raises(ValueError, match="average_record_kb"):
        shard_load({"a": 1}, 0, create_shards(1))
    with pytest.raises(ValueError, match="hot_key_share"):
        hot_key_workload(10, 10, 1.5, create_shards(1))


def test_resharding_relieves_a_stream_without_a_single_overloaded_key():
    workload = hot_key_workload(6000, 200, 0.1, create_shards(2), seed=3)
    steps = reshard_hot_shards(workload.key_records_per_second, 1.0, create_shards(2))
    assert steps[0].throttled_fraction > 0.5
    assert steps[-1].throttled_fraction == 0.0
    assert steps[-1].load["utilisation"].max() <= 1.0


def test_resharding_stops_at_a_single_hot_key():
    # The hot key sends 1,800 records/s; its shard can take 1,000, so 800 of 6,000 are rejected whatever we split.
    workload = hot_key_workload(6000, 200, 0.3, create_shards(2), seed=3)
    steps = reshard_hot_shards(workload.key_records_per_second, 1.0, create_shards(2))
    assert steps[-1].action.startswith("stop")
    assert steps[-1].throttled_fraction == pytest.approx(800 / 6000)


@given(
    st.dictionaries(st.text("abcdefgh", min_size=1, max_size=6), st.floats(0, 1500), min_size=1, max_size=25),
    st.integers(1, 3),
)
def test_resharding_never_increases_throttling(rates, initial):
    steps = reshard_hot_shards(rates, 1.0, create_shards(initial), max_shards=12)
    fractions = [step.throttled_fraction for step in steps]
    assert all(later <= earlier + 1e-9 for earlier, later in zip(fractions, fractions[1:], strict=False))
    for step in steps:
        _covers(step.shards)
        assert step.load["records_per_second"].sum() == pytest.approx(sum(rates.values()))


def test_shard_requirements_name_the_binding_quota():
    from awslab.analytics.kinesis import shard_requirements

    needs = shard_requirements(1000, 1.0, consumers=8)
    assert needs == {
        "write bandwidth (1 MiB/s)": pytest.approx(1000 / 1024),
        "write records (1,000/s)": pytest.approx(1.0),
        "read bandwidth (2 MiB/s shared)": pytest.approx(1000 * 8 / 2048),
    }
    assert shard_requirements(1000, 1.0, consumers=8, enhanced_fan_out=True)["read bandwidth (2 MiB/s shared)"] == 0
    assert shards_needed(1000, 1.0, consumers=8) == 4
    assert shards_needed(1000, 1.0, consumers=8, enhanced_fan_out=True) == 1
