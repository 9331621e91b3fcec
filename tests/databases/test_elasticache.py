"""ElastiCache: cache-aside conservation and monotonicity, key remapping on node loss, node-failure load spike."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.databases import elasticache as ec

PROPS = settings(max_examples=100, deadline=None)


@PROPS
@given(
    st.integers(1, 3000),
    st.floats(1, 10_000),
    st.integers(1, 500),
    st.floats(0, 2),
    st.integers(0, 600),
    st.floats(0, 30),
    st.integers(0, 2**32 - 1),
)
def test_cache_aside_conserves_requests(requests, rate, keys, skew, capacity, ttl, seed):
    result = ec.simulate_cache_aside(
        requests, rate, keys, zipf_exponent=skew, cache_capacity_items=capacity, ttl_seconds=ttl, seed=seed
    )
    assert result.hit_count + result.miss_count == result.requests == requests
    assert result.cold_misses + result.expired_misses + result.capacity_misses == result.miss_count
    assert min(result.cold_misses, result.expired_misses, result.capacity_misses, result.evictions) >= 0
    assert result.db_reads_per_second.sum() == result.miss_count
    assert result.cold_misses <= keys
    assert 0.0 <= result.hit_ratio <= 1.0


@PROPS
@given(st.integers(0, 300), st.integers(0, 300), st.integers(0, 2**32 - 1))
def test_lru_without_ttl_never_loses_hits_when_the_cache_grows(small, large, seed):
    # LRU is a stack algorithm: a bigger cache holds a superset of a smaller one's keys on the same trace.
    small, large = sorted((small, large))
    a = ec.simulate_cache_aside(2000, 500, 400, zipf_exponent=1.0, cache_capacity_items=small, ttl_seconds=0, seed=seed)
    b = ec.simulate_cache_aside(2000, 500, 400, zipf_exponent=1.0, cache_capacity_items=large, ttl_seconds=0, seed=seed)
    assert b.hit_count >= a.hit_count
    assert np.array_equal(a.request_times_s, b.request_times_s)


@PROPS
@given(st.floats(0.001, 20), st.floats(0.001, 20), st.integers(0, 2**32 - 1))
def test_longer_ttl_never_loses_hits_when_nothing_is_evicted(short, long, seed):
    short, long = sorted((short, long))
    a = ec.simulate_cache_aside(
        2000, 200, 300, zipf_exponent=1.0, cache_capacity_items=10_000, ttl_seconds=short, seed=seed
    )
    b = ec.simulate_cache_aside(
        2000, 200, 300, zipf_exponent=1.0, cache_capacity_items=10_000, ttl_seconds=long, seed=seed
    )
    assert b.hit_count >= a.hit_count
    assert a.evictions == b.evictions == 0


def test_edge_cases():
    empty = ec.simulate_cache_aside(1000, cache_capacity_items=0)
    assert empty.hit_count == 0 and empty.mean_latency_ms == pytest.approx(0.5 + 10.5)
    one_key = ec.simulate_cache_aside(1000, distinct_keys=1, ttl_seconds=0)
    assert one_key.hit_count == 999 and one_key.cold_misses == 1
    assert one_key.mean_latency_ms == pytest.approx((1000 * 0.5 + 10.5) / 1000)
    expiring = ec.simulate_cache_aside(1000, requests_per_second=10, distinct_keys=1, ttl_seconds=1)
    assert expiring.expired_misses > 0 and expiring.capacity_misses == 0


def test_sweep_rises_with_size_and_ttl():
    sweep = ec.cache_aside_sweep([100, 1000, 5000], [2, 300], requests=20_000, seed=2)
    assert (sweep["hits"] + sweep["misses"] == sweep["requests"]).all()
    for _, group in sweep.groupby("ttl_seconds"):
        assert list(group["hit_ratio"]) == sorted(group["hit_ratio"])
        assert list(group["mean_latency_ms"]) == sorted(group["mean_latency_ms"], reverse=True)
    at_5000 = sweep[sweep["cache_capacity_items"] == 5000].set_index("ttl_seconds")["hit_ratio"]
    assert at_5000[300] > at_5000[2]


@pytest.mark.parametrize(
    "kwargs, parameter",
    [
        ({"requests": 0}, "requests"),
        ({"requests_per_second": 0}, "requests_per_second"),
        ({"cache_capacity_items": -1}, "cache_capacity_items"),
        ({"ttl_seconds": -1}, "ttl_seconds"),
        ({"distinct_keys": 0}, "distinct_keys"),
    ],
)
def test_cache_bad_input(kwargs, parameter):
    with pytest.raises(ValueError, match=f"^{parameter}"):
        ec.simulate_cache_aside(**kwargs)


@pytest.mark.parametrize("nodes", [2, 4, 10, 20])
def test_consistent_hashing_moves_about_one_nth_and_modulo_moves_most(nodes):
    consistent = ec.remapped_key_fraction(nodes, "consistent", seed=nodes)
    modulo = ec.remapped_key_fraction(nodes, "modulo", seed=nodes)
    assert consistent == pytest.approx(1 / nodes, rel=0.35)
    assert modulo == pytest.approx((nodes - 1) / nodes, abs=0.01)
    assert modulo > consistent or nodes == 2


def test_remap_bad_input():
    with pytest.raises(ValueError, match="^nodes"):
        ec.remapped_key_fraction(1)
    with pytest.raises(ValueError, match="^hashing"):
        ec.remapped_key_fraction(4, "ring")


def test_node_failure_spike_shrinks_with_more_nodes():
    few = ec.memcached_node_failure(nodes=2, requests_per_second=10_000, hit_ratio=0.9)
    many = ec.memcached_node_failure(nodes=20, requests_per_second=10_000, hit_ratio=0.9)
    assert few["db_reads_per_second"].iloc[0] == pytest.approx(1000)
    assert few["db_reads_per_second"].max() == pytest.approx(1000 + 10_000 * 0.9 / 2)
    assert many["db_reads_per_second"].max() == pytest.approx(1000 + 10_000 * 0.9 / 20)
    assert few["db_reads_per_second"].iloc[-1] < few["db_reads_per_second"].max()
    assert (few["db_reads_per_second"] >= few["baseline_db_reads_per_second"] - 1e-9).all()


def test_engine_table_and_redis_failover():
    table = ec.engine_comparison().set_index("feature")
    assert not table.loc["Replication and read replicas", "Memcached"]
    assert table.loc["Replication and read replicas", "Valkey / Redis OSS"]
    timeline = ec.redis_failover_timeline()
    assert timeline[-1]["end_s"] == 55
    with pytest.raises(ValueError, match="^promotion_seconds"):
        ec.redis_failover_timeline(promotion_seconds=-5)
    alone = ec.redis_failover_timeline(replicas=0)
    assert "replace" in alone[1]["phase"] and alone[-1]["end_s"] == 625
    with pytest.raises(ValueError, match="^replicas"):
        ec.redis_failover_timeline(replicas=6)
