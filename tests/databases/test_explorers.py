"""Databases explorers: each builds, updates quickly, has a kernel-free face and shows the model's message on bad input."""

import json
import time

import pytest

from awslab import quiz, ui
from awslab.databases import chooser, rds
from awslab.databases import dynamodb as ddb
from awslab.databases import explorers as ex

# name -> (expected static step labels of the main control, a bad typed value, the start of the model's message)
CASES = {
    "explore_recovery": (
        list(rds.RECOVERY_SETUPS),
        {"database_size_gib": -1},
        "database_size_gib=-1 is outside the allowed range",
    ),
    "explore_failover": (
        ["0 s", "5 s", "30 s", "60 s", "120 s", "300 s"],
        {"detection_seconds": -5},
        "detection_seconds",
    ),
    "explore_replica_lag": (
        ["200 writes/s", "400 writes/s", "600 writes/s", "800 writes/s", "1,000 writes/s", "1,200 writes/s"],
        {"apply_writes_per_second": 0},
        "apply_writes_per_second=0 is outside the allowed range",
    ),
    "explore_storage_autoscaling": (
        ["2 GiB/day", "5 GiB/day", "8 GiB/day", "12 GiB/day", "16 GiB/day"],
        {"max_allocated_storage_gib": 50},
        "max_allocated_storage_gib=50 is outside the allowed range",
    ),
    "explore_capacity": (
        [f"{s:,} bytes" for s in ex.ITEM_SIZES_BYTES],
        {"items": 101},
        "item_sizes_bytes has 101 items; one batch reads 1 to 100",
    ),
    "explore_capacity_cost": (
        ["1", "1.5", "2", "3", "4", "5", "7", "10"],
        {"reads_per_second": -1},
        "reads_per_second=-1 is outside the allowed range",
    ),
    "explore_hot_partitions": (
        ["1", "2", "3", "5", "10", "20"],
        {"write_capacity_units": 0},
        "write_capacity_units=0 is outside the allowed range",
    ),
    "explore_query_vs_scan": (
        ["1", "10", "100", "1,000", "10,000"],
        {"table_items": 0},
        "table_items=0 is outside the allowed range",
    ),
    "explore_cache_aside": (
        [f"{s:,} items" for s in ex.CACHE_SIZES_ITEMS],
        {"db_latency_ms": -1},
        "db_latency_ms=-1 is outside the allowed range",
    ),
    "explore_node_failure": (
        ["1", "2", "3", "4", "6", "8", "12", "20"],
        {"requests_per_second": -1},
        "requests_per_second=-1 is outside the allowed range",
    ),
    "explore_redis_failover": (
        ["0", "1", "2", "3", "4", "5"],
        {"detection_seconds": -1},
        "detection_seconds=-1 is outside the allowed range",
    ),
    "explore_distribution": (
        ["0", "0.25", "0.5", "0.75", "1", "1.25", "1.5", "1.75", "2"],
        {"rows": -1},
        "rows=-1 is outside the allowed range",
    ),
    "explore_join": (["1", "2", "4", "8", "16"], {"dimension_rows": -5}, "rows=-5 is outside the allowed range"),
    "explore_zone_maps": (
        ["1 %", "2 %", "5 %", "10 %", "25 %", "50 %", "100 %"],
        {"filter_start": 2000},
        "a_range=2000 is outside the allowed range (0 to 999)",
    ),
    "explore_copy": (
        ["1", "2", "4", "8", "16"],
        {"total_size_gib": -1},
        "total_size_gib=-1 is outside the allowed range",
    ),
    "explore_serverless": (
        ["business day", "spiky", "idle nights", "steady"],
        {"min_capacity": 0.75},
        "MinCapacity=0.75 is not a multiple of 0.5 ACU",
    ),
    "explore_proxy": (
        ["0", "0.1", "0.25", "0.5", "0.75", "1"],
        {"max_connections": 0},
        "max_connections=0 is outside the allowed range",
    ),
    "explore_global_writes": (
        ["0 ms", "100 ms", "250 ms", "500 ms", "800 ms", "1,000 ms", "2,000 ms"],
        {"lag_ms": -5},
        "lag_ms=-5 is outside the allowed range",
    ),
    "explore_chooser": (
        list(chooser.PRESETS),
        {"top": 0},
        "top=0 is outside the allowed range (1 to 11)",
    ),
    "explore_wlm": (
        [f"{n} per minute" for n in (10, 20, 30, 45, 60)],
        {"wlm_json": "[{"},
        "wlm_json_configuration is not valid JSON",
    ),
}


def test_every_explorer_is_covered():
    assert sorted(CASES) == sorted(name for name in dir(ex) if name.startswith("explore_"))


@pytest.mark.parametrize("name", list(CASES))
def test_explorer_builds_and_updates_quickly(name):
    explorer = getattr(ex, name)()
    assert isinstance(explorer, ui.Explorer)
    assert explorer.error is None and explorer.last_view.numbers
    start = time.thread_time()
    explorer._refresh()
    # 50 ms is the budget on a quiet machine; the margin absorbs a shared CI runner.
    assert time.thread_time() - start < 0.25


@pytest.mark.parametrize("name", list(CASES))
def test_static_face_has_the_expected_steps_and_stays_small(name):
    labels, _, _ = CASES[name]
    explorer = getattr(ex, name)()
    start = time.thread_time()
    figure = explorer.static_figure()
    assert time.thread_time() - start < 3.0
    menus = figure.layout.sliders or figure.layout.updatemenus
    steps = menus[0].steps if figure.layout.sliders else menus[0].buttons
    assert [s.label for s in steps] == labels
    text = figure.to_json()
    assert len(text) < 150_000 and "bdata" not in text
    visible = [trace.visible for trace in figure.data]
    assert visible.count(True) >= 1 and visible.count(False) >= 1


@pytest.mark.parametrize("name", list(CASES))
def test_bad_typed_value_shows_the_model_message_and_keeps_the_last_view(name):
    _, bad, message = CASES[name]
    explorer = getattr(ex, name)()
    good = explorer.last_view
    assert explorer.widget is not None  # the live panel exists, as in JupyterLab
    explorer.set(**bad)
    assert explorer.error is not None and explorer.error.startswith(message.split("=")[0])
    assert message in explorer.error
    assert "awslab-error" in explorer._error_box.value
    assert explorer.last_view is good


def test_values_passed_in_join_the_static_steps():
    figure = ex.explore_cache_aside(cache_capacity_items=1500, ttl_seconds=45).static_figure()
    slider = figure.layout.sliders[0]
    assert slider.steps[slider.active].label == "1,500 items"
    ttl = ex.explore_cache_aside(ttl_seconds=45).controls[1]
    assert ttl.value == 45.0 and ("45 s", 45.0) in ttl.pairs()


def test_capacity_explorer_reports_the_model_numbers():
    explorer = ex.explore_capacity(item_size_bytes=6000, items=10, consistency="strong")
    numbers = explorer.last_view.numbers
    assert numbers["10 × GetItem"] == f"{10 * ddb.read_capacity_units(6000):g} units" == "20 units"
    assert numbers["Query (same items)"] == f"{ddb.query_read_capacity_units([6000] * 10):g} units" == "15 units"
    assert numbers["10 × PutItem"] == "60 units"


def test_sharding_explorer_shows_throttling_fall():
    explorer = ex.explore_hot_partitions(write_shards=1, zipf_exponent=1.6)
    unsharded = float(explorer.last_view.numbers["writes throttled"].rstrip("%"))
    explorer.set(write_shards=20)
    sharded = float(explorer.last_view.numbers["writes throttled"].rstrip("%"))
    assert unsharded > 5 and sharded < unsharded / 2


def test_zone_map_explorer_compound_skips_on_a_not_on_b():
    numbers = ex.explore_zone_maps(filter_percent=10).last_view.numbers
    assert numbers["compound, filter on b only"] == "100% of blocks"
    assert int(numbers["compound, filter on a"].split("%")[0]) <= 15


def test_wlm_explorer_separate_queue_cuts_short_waits():
    numbers = ex.explore_wlm().last_view.numbers
    one = float(numbers["one queue, 5 slots: short queries' p95 wait"].split()[0])
    two = float(numbers["your configuration: short queries' p95 wait"].split()[0])
    assert two < one


def test_mimebundle_has_both_faces():
    bundle = ex.explore_failover()._repr_mimebundle_()
    assert set(bundle) == {"text/plain", ui.WIDGET_MIME, ui.PLOTLY_MIME}
    json.dumps(bundle[ui.PLOTLY_MIME])


@pytest.mark.parametrize(
    "name", ["rds_aurora", "dynamodb", "elasticache", "redshift", "aurora_serverless_proxy", "global_tables_chooser"]
)
def test_quizzes_are_exam_style(name):
    loaded = quiz.load(name, "awslab.databases")
    assert len(loaded.questions) >= 5
    assert any(q.multiple for q in loaded.questions) and any(not q.multiple for q in loaded.questions)
