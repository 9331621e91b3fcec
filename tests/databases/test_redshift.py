"""Redshift: distribution styles over slices, join redistribution, zone-map block skipping, parallel COPY."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.databases import redshift as rs

PROPS = settings(max_examples=150, deadline=None)
key_arrays = st.lists(st.integers(0, 10**9), max_size=400).map(lambda v: np.array(v, dtype=np.int64))


@PROPS
@given(key_arrays, st.integers(1, 8), st.integers(1, 16))
def test_distribution_never_loses_or_duplicates_a_row_except_all(keys, nodes, per_node):
    for style in ("EVEN", "KEY"):
        dist = rs.distribute(keys, style, nodes=nodes, slices_per_node=per_node)
        assert dist.stored_rows == keys.size
        assert dist.slice_of_row.size == keys.size
        assert ((dist.slice_of_row >= 0) & (dist.slice_of_row < nodes * per_node)).all()
        assert np.array_equal(np.bincount(dist.slice_of_row, minlength=nodes * per_node), dist.rows_per_slice)
    everywhere = rs.distribute(keys, "ALL", nodes=nodes, slices_per_node=per_node)
    assert everywhere.stored_rows == keys.size * nodes  # one full copy per node
    assert (everywhere.rows_per_slice[::per_node] == keys.size).all()


@PROPS
@given(key_arrays, st.integers(1, 8), st.integers(1, 16))
def test_even_is_balanced_and_key_collocates_equal_keys(keys, nodes, per_node):
    even = rs.distribute(keys, "EVEN", nodes=nodes, slices_per_node=per_node)
    assert even.rows_per_slice.max() - even.rows_per_slice.min() <= 1
    key = rs.distribute(keys, "KEY", nodes=nodes, slices_per_node=per_node)
    for value in np.unique(keys)[:20]:
        assert np.unique(key.slice_of_row[keys == value]).size == 1
    assert key.skew >= 1.0 - 1e-12


def test_skewed_key_column_makes_key_distribution_uneven():
    keys = rs.sample_keys(100_000, 50, zipf_exponent=1.5, seed=1)
    assert rs.distribute(keys, "KEY", nodes=2, slices_per_node=2).skew > 1.3
    assert rs.distribute(keys, "EVEN", nodes=2, slices_per_node=2).skew == pytest.approx(1.0)
    uniform = rs.sample_keys(100_000, 10_000, seed=1)
    assert rs.distribute(uniform, "KEY", nodes=2, slices_per_node=2).skew < 1.05


def test_hash_is_stable_across_tables():
    # Two tables distributed on the same key value land on the same slice: that is what makes joins local.
    a = rs.distribute(np.array([42, 7, 42]), "KEY", nodes=4, slices_per_node=4).slice_of_row
    b = rs.distribute(np.array([7, 42]), "KEY", nodes=4, slices_per_node=4).slice_of_row
    assert a[0] == a[2] == b[1] and a[1] == b[0]


@pytest.mark.parametrize(
    "outer, inner, label",
    [
        ("KEY", "KEY", "DS_DIST_NONE"),
        ("EVEN", "ALL", "DS_DIST_ALL_NONE"),
        ("KEY", "ALL", "DS_DIST_ALL_NONE"),
        ("ALL", "EVEN", "DS_DIST_ALL_INNER"),
    ],
)
def test_join_labels_without_a_choice(outer, inner, label):
    plan = rs.join_redistribution(
        rs.sample_keys(5000, 500), rs.sample_keys(200, 200, seed=1), outer_style=outer, inner_style=inner
    )
    assert plan["label"] == label
    assert plan["rows_moved"] == (200 if label == "DS_DIST_ALL_INNER" else 0)


def test_join_chooses_between_redistribution_and_broadcast():
    fact, small_dim, big_dim = (
        rs.sample_keys(50_000, 1000),
        rs.sample_keys(100, 100, seed=1),
        rs.sample_keys(40_000, 1000, seed=2),
    )
    # A small inner table is cheaper to broadcast (100 rows x 2 nodes) than to reshuffle the fact table.
    assert rs.join_redistribution(fact, small_dim, outer_style="EVEN", inner_style="KEY")["label"] == "DS_BCAST_INNER"
    # A big inner table next to a KEY fact table is redistributed, about (1 - 1/slices) of its rows move.
    plan = rs.join_redistribution(fact, big_dim, outer_style="KEY", inner_style="EVEN", nodes=2, slices_per_node=2)
    assert plan["label"] == "DS_DIST_INNER"
    assert plan["rows_moved"] == pytest.approx(40_000 * 3 / 4, rel=0.05)
    both = rs.join_redistribution(fact, big_dim, outer_style="EVEN", inner_style="EVEN")
    assert set(both["options"]) <= set(rs.JOIN_LABELS)
    assert both["label"] in ("DS_DIST_BOTH", "DS_BCAST_INNER") and both["rows_moved"] == min(both["options"].values())


def test_compound_sort_skips_blocks_only_for_the_leading_column():
    none = rs.zone_map_scan(sort="none")
    compound_a = rs.zone_map_scan(sort="compound", a_range=(0, 99))
    compound_b = rs.zone_map_scan(sort="compound", a_range=None, b_range=(0, 99))
    interleaved_b = rs.zone_map_scan(sort="interleaved", a_range=None, b_range=(0, 99))
    assert none["fraction_scanned"] == 1.0
    assert compound_a["fraction_scanned"] <= 0.15
    assert compound_b["fraction_scanned"] > 0.95
    assert interleaved_b["fraction_scanned"] < 0.3
    assert compound_a["matching_rows"] == none["matching_rows"]


@PROPS
@given(
    st.sampled_from(rs.SORT_STYLES),
    st.integers(100, 5000),
    st.integers(1, 500),
    st.tuples(st.integers(0, 99), st.integers(0, 99)),
    st.booleans(),
    st.integers(0, 2**32 - 1),
)
def test_zone_maps_never_skip_a_matching_row(sort, rows, per_block, bounds, filter_b, seed):
    low, high = sorted(bounds)
    scan = rs.zone_map_scan(
        rows,
        rows_per_block=min(per_block, rows),
        sort=sort,
        a_range=None if filter_b else (low, high),
        b_range=(low, high) if filter_b else None,
        distinct_values=100,
        seed=seed,
    )
    assert scan["blocks_scanned"] * min(per_block, rows) >= scan["matching_rows"]
    assert scan["blocks_scanned"] >= (1 if scan["matching_rows"] else 0)
    assert 0 <= scan["fraction_scanned"] <= 1


def test_zone_map_comparison_and_bad_input():
    table = rs.zone_map_comparison(rows=20_000, rows_per_block=500)
    assert len(table) == 9 and set(table["sort"]) == set(rs.SORT_STYLES)
    with pytest.raises(ValueError, match="^a_range"):
        rs.zone_map_scan(a_range=(50, 10))
    with pytest.raises(ValueError, match="^sort"):
        rs.zone_map_scan(sort="zorder")


def test_copy_in_parallel():
    one = rs.copy_load(10, 1, nodes=2, slices_per_node=2)
    four = rs.copy_load(10, 4, nodes=2, slices_per_node=2)
    five = rs.copy_load(10, 5, nodes=2, slices_per_node=2)
    assert one["slice_utilization"] == pytest.approx(0.25)
    assert four["slice_utilization"] == pytest.approx(1.0)
    assert four["seconds"] < one["seconds"] / 3.5
    assert five["waves"] == 2 and five["seconds"] > four["seconds"]  # one straggler file needs a second wave
    assert rs.copy_load(10, 8)["seconds"] < four["seconds"] + 1
    sweep = rs.copy_sweep([1, 2, 4, 8])
    assert list(sweep["files"]) == [1, 2, 4, 8]


@PROPS
@given(st.floats(0, 1000), st.integers(1, 500), st.integers(1, 16), st.integers(1, 16))
def test_copy_utilization_bounds(size, files, nodes, per_node):
    result = rs.copy_load(size, files, nodes=nodes, slices_per_node=per_node)
    assert 0 < result["slice_utilization"] <= 1 + 1e-12
    if files % (nodes * per_node) == 0:
        assert result["slice_utilization"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    "call, parameter",
    [
        (lambda: rs.distribute(np.array([1]), "RANDOM"), "style"),
        (lambda: rs.distribute(np.array([1.5]), "KEY"), "keys"),
        (lambda: rs.distribute(np.array([1]), "KEY", nodes=0), "nodes"),
        (lambda: rs.copy_load(1, 0), "files"),
        (lambda: rs.copy_load(-1, 1), "total_size_gib"),
        (lambda: rs.sample_keys(-1, 5), "rows"),
    ],
)
def test_bad_input(call, parameter):
    with pytest.raises(ValueError, match=f"^{parameter}"):
        call()


def test_slices_per_node_constants():
    assert rs.SLICES_PER_NODE["ra3.4xlarge"] == 4 and rs.SLICES_PER_NODE["ra3.16xlarge"] == 16


ONE_QUEUE = [{"query_concurrency": 5}]
TWO_QUEUES = [{"query_group": ["long"], "query_concurrency": 3}, {"query_concurrency": 2}]


@pytest.mark.parametrize("seed", range(6))
def test_wlm_separate_queue_protects_short_queries(seed):
    shared = rs.simulate_wlm(ONE_QUEUE, seed=seed)
    split = rs.simulate_wlm(TWO_QUEUES, seed=seed)
    assert set(shared["queue"]) == {0} and set(split["queue"]) == {0, 1}
    assert (split.loc[split["query_group"] == "long", "queue"] == 0).all()
    short = lambda frame: frame.loc[frame["query_group"] == "short", "wait_s"]  # noqa: E731
    # Behind long queries in one shared queue, some short queries wait tens of seconds; in their own queue they
    # only ever wait for other short ones.
    assert short(split).max() < short(shared).max()
    assert (short(split) > 5).mean() < (short(shared) > 5).mean()
    assert np.array_equal(shared["run_s"], split["run_s"])  # same workload, different queues


@PROPS
@given(st.lists(st.integers(1, 6), min_size=1, max_size=3), st.floats(1, 60), st.floats(0, 1), st.integers(0, 999))
def test_wlm_never_runs_more_queries_than_slots(concurrency, rate, share, seed):
    queues = [
        {"query_group": ["long"] if i == 0 and len(concurrency) > 1 else [], "query_concurrency": c}
        for i, c in enumerate(concurrency)
    ]
    frame = rs.simulate_wlm(queues, rate, share, minutes=20, seed=seed)
    assert len(frame) == int(rate * 20)
    assert (frame["wait_s"] >= 0).all()
    for index, slots in enumerate(concurrency):
        mine = frame[frame["queue"] == index]
        starts = (mine["arrival_s"] + mine["wait_s"]).to_numpy()
        ends = starts + mine["run_s"].to_numpy()
        for start in starts[:50]:
            assert int(np.sum((starts <= start) & (ends > start + 1e-6))) <= slots


def test_wlm_bad_input():
    with pytest.raises(ValueError, match="^queues"):
        rs.simulate_wlm([])
    with pytest.raises(ValueError, match=r"^queues\[0\].query_concurrency"):
        rs.simulate_wlm([{"query_concurrency": 0}])
    with pytest.raises(ValueError, match="^queries_per_minute x minutes"):
        rs.simulate_wlm(ONE_QUEUE, queries_per_minute=1000, minutes=100)


def test_parse_wlm_json_accepts_the_parameter_shape_and_names_errors():
    queues = rs.parse_wlm_json('[{"query_group": ["short"], "query_concurrency": 2}, {"query_concurrency": 3}]')
    assert [q.get("query_concurrency") for q in queues] == [2, 3]
    with pytest.raises(ValueError, match="not valid JSON"):
        rs.parse_wlm_json("[{")
    with pytest.raises(ValueError, match="must be a JSON array, got an object"):
        rs.parse_wlm_json("{}")
    with pytest.raises(ValueError, match=r"wlm_json_configuration\[0\].query_group"):
        rs.parse_wlm_json('[{"query_group": "short"}]')


def test_zone_map_comparison_reuses_prebuilt_maps():
    settings = dict(rows=5000, rows_per_block=100, distinct_values=200, seed=1)
    maps = {s: rs.build_zone_maps(sort=s, **settings) for s in rs.SORT_STYLES}
    fresh = rs.zone_map_comparison((0, 19), (0, 19), **settings)
    reused = rs.zone_map_comparison((0, 19), (0, 19), maps_by_sort=maps)
    assert fresh.equals(reused)
