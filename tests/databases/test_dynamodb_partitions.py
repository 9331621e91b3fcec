"""Hot-partition simulation: conservation, per-partition limits, and write sharding as the fix."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.databases import dynamodb_partitions as hp

PROPS = settings(max_examples=60, deadline=None)


@PROPS
@given(
    st.floats(min_value=1, max_value=20_000),
    st.floats(min_value=0, max_value=20_000),
    st.integers(min_value=1, max_value=500),
    st.floats(min_value=0, max_value=2),
    st.integers(min_value=1, max_value=20),
    st.booleans(),
    st.integers(min_value=0, max_value=300),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_no_write_is_lost_and_limits_hold(wcu, rate, keys, skew, shards, adaptive, burst, seed):
    result = hp.simulate_hot_partitions(
        wcu,
        rate,
        distinct_keys=keys,
        zipf_exponent=skew,
        write_shards=shards,
        seconds=30,
        burst_seconds=burst,
        adaptive_capacity=adaptive,
        seed=seed,
    )
    assert np.array_equal(result.served + result.throttled, result.demand)
    assert (result.throttled >= 0).all() and (result.served >= 0).all()
    assert (result.served <= hp.PARTITION_MAX_WCU + 1e-9).all()
    if not adaptive and burst == 0:
        assert (result.served <= result.capacity_per_partition_wcu + 1e-9).all()
    assert (
        result.served.sum(axis=1).max()
        <= max(wcu, result.partitions * result.capacity_per_partition_wcu) * (1 + burst) + 1e-6
    )
    assert result.partition_share.sum() == pytest.approx(1.0)
    assert 0.0 <= result.throttled_fraction <= 1.0


def test_uniform_keys_within_capacity_are_not_throttled():
    result = hp.simulate_hot_partitions(4000, 2000, distinct_keys=1000, zipf_exponent=0, burst_seconds=0, seed=3)
    assert result.partitions == 4 and result.capacity_per_partition_wcu == 1000
    assert result.throttled.sum() == 0


def test_one_hot_key_throttles_while_the_table_has_room_and_sharding_fixes_it():
    hot = hp.simulate_hot_partitions(4000, 3000, distinct_keys=1000, zipf_exponent=1.2, burst_seconds=0, seed=1)
    assert hot.throttled_fraction > 0.02
    assert hot.table_utilization < 0.75  # capacity was there, on the wrong partitions
    sharded = hp.simulate_hot_partitions(
        4000, 3000, distinct_keys=1000, zipf_exponent=1.2, write_shards=10, burst_seconds=0, seed=1
    )
    assert sharded.throttled_fraction < hot.throttled_fraction / 10


def test_single_key_is_capped_at_one_partition_without_sharding():
    # All writes on one key: at most 1,000 WCU however much the table has (plus nothing from other partitions).
    result = hp.simulate_hot_partitions(10_000, 5000, distinct_keys=1, burst_seconds=0, seed=0)
    assert result.served.sum(axis=1).max() <= 1000
    spread = hp.simulate_hot_partitions(10_000, 5000, distinct_keys=1, write_shards=50, burst_seconds=0, seed=0)
    assert spread.served.sum() > 3 * result.served.sum()


def test_burst_and_adaptive_capacity_only_reduce_throttling():
    base = hp.simulate_hot_partitions(4000, 3000, distinct_keys=1000, zipf_exponent=1.2, burst_seconds=0, seed=5)
    burst = hp.simulate_hot_partitions(4000, 3000, distinct_keys=1000, zipf_exponent=1.2, burst_seconds=300, seed=5)
    adaptive = hp.simulate_hot_partitions(
        4000, 3000, distinct_keys=1000, zipf_exponent=1.2, burst_seconds=0, adaptive_capacity=True, seed=5
    )
    assert burst.throttled.sum() <= base.throttled.sum()
    assert adaptive.throttled.sum() <= base.throttled.sum()
    assert np.array_equal(base.demand, burst.demand)


def test_same_seed_same_run_different_seed_different_run():
    a = hp.simulate_hot_partitions(seed=7)
    b = hp.simulate_hot_partitions(seed=7)
    c = hp.simulate_hot_partitions(seed=8)
    assert np.array_equal(a.demand, b.demand) and not np.array_equal(a.demand, c.demand)


def test_zipf_shares():
    assert hp.zipf_shares(4, 0).tolist() == [0.25] * 4
    shares = hp.zipf_shares(3, 1)
    assert shares[0] == pytest.approx(shares[1] * 2) == pytest.approx(shares[2] * 3)


@pytest.mark.parametrize(
    "kwargs, parameter",
    [
        ({"write_capacity_units": 0}, "write_capacity_units"),
        ({"write_shards": 0}, "write_shards"),
        ({"seconds": 100_000}, "seconds"),
        ({"burst_seconds": 301}, "burst_seconds"),
        ({"adaptive_capacity": "yes"}, "adaptive_capacity"),
        ({"distinct_keys": 0}, "distinct_keys"),
        ({"zipf_exponent": -1}, "zipf_exponent"),
        ({"partitions": 0}, "partitions"),
    ],
)
def test_bad_input_names_the_parameter(kwargs, parameter):
    with pytest.raises(ValueError, match=f"^{parameter}"):
        hp.simulate_hot_partitions(**kwargs)
