"""Every analytics explorer builds, updates fast, has its static steps, and shows the model's message."""

from __future__ import annotations

import pytest

from awslab.analytics import explorers
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_shards,
        "consumers",
        [str(i) for i in range(1, 11)],
        {"records_per_second": -5},
        "records_per_second=-5 is outside the allowed range",
    ),
    (
        explorers.explore_hot_key,
        "hot_key_share",
        ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"],
        {"salt_suffixes": 0},
        "salt_suffixes=0 is outside the allowed range (1 to 10000)",
    ),
    (
        explorers.explore_emr_costs,
        "jobs_per_month",
        ["0", "10", "30", "60", "100", "150", "200", "250", "300", "340", "360"],
        {"data_gb": -1},
        "data_gb=-1 is outside the allowed range",
    ),
    (
        explorers.explore_pipeline,
        "aggregate_failures",
        ["0", "1", "2", "3", "4", "5"],
        {"logs_ready_minutes": -1},
        "precondition_true_at_minutes['LogsReady']=-1 is outside the allowed range",
    ),
    (
        explorers.explore_transfer,
        "bandwidth_mbps",
        [label for label, _ in explorers.BANDWIDTH_CHOICES_MBPS],
        {"data_tb": -1},
        "data_tb=-1 is outside the allowed range",
    ),
    (
        explorers.explore_layouts,
        "days",
        [str(d) for d in explorers.athena.DAYS_STEPS],
        {"queries_per_day": -1},
        "queries_per_day=-1 is outside the allowed range",
    ),
    (
        explorers.explore_minimum,
        "kb_per_query",
        [f"{k:,} KB" for k in explorers.athena.KB_STEPS],
        {"queries_per_day": -5},
        "queries_per_day=-5 is outside the allowed range",
    ),
    (
        explorers.explore_glue_run,
        "minutes",
        [f"{m:g} min" for m in explorers.lake.MINUTE_STEPS],
        {"workers": 0},
        "number_of_workers=0 is outside the allowed range",
    ),
    (
        explorers.explore_permissions,
        "principal",
        ["analyst", "finance", "data-engineer", "auditor"],
        {"columns": "price"},
        "columns=['price']: orders has order_id",
    ),
    (
        explorers.explore_streaming,
        "scenario",
        list(explorers.streaming_choice_scenarios()),
        {"retention_days": -1},
        "retention_days=-1 is outside the allowed range",
    ),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_emr_explorer_switches_to_persistent_near_saturation():
    explorer = explorers.explore_emr_costs()
    assert explorer.last_view.numbers["cheaper"] == "transient"
    explorer.set(jobs_per_month=360)
    assert explorer.last_view.numbers["cheaper"] == "persistent"


def test_shard_explorer_enhanced_fan_out_removes_the_read_need():
    explorer = explorers.explore_shards(consumers=8, records_per_second=1000, average_record_kb=1)
    assert explorer.last_view.numbers["the binding quota"].startswith("read bandwidth")
    assert explorer.last_view.numbers["shards needed"] == "4"
    explorer.set(enhanced_fan_out=True)
    assert explorer.last_view.numbers["shards needed"] == "1"


def test_transfer_explorer_recommends_devices_on_slow_links():
    explorer = explorers.explore_transfer(bandwidth_mbps=50, data_tb=100)
    assert explorer.last_view.numbers["faster"] == "device"
    explorer.set(bandwidth_mbps=10_000)
    assert explorer.last_view.numbers["faster"] == "network"


def test_layouts_explorer_partitioned_layouts_follow_the_days():
    explorer = explorers.explore_layouts(days=1)
    one = explorer.last_view.numbers["cheapest"]
    explorer.set(days=365)
    assert explorer.last_view.numbers["cheapest"] != one
    assert explorer.last_view.numbers["CSV"] == "657.0 GB, USD 3.2850 a query"  # a row format is read whole


def test_minimum_explorer_is_flat_below_10_mb():
    explorer = explorers.explore_minimum(kb_per_query=1)
    small = explorer.last_view.numbers["billed"]
    explorer.set(kb_per_query=9_000)
    assert explorer.last_view.numbers["billed"] == small == "10 MB (the minimum): USD 0.00005 a query"


def test_permissions_explorer_names_the_refused_column():
    explorer = explorers.explore_permissions(principal="finance", table="orders", columns="order_id, amount")
    assert explorer.last_view.numbers["verdict"] == "allowed"
    explorer.set(columns="card_number")
    assert explorer.last_view.numbers["verdict"] == "denied: card_number has no grant"


def test_streaming_explorer_long_retention_rules_out_kinesis():
    explorer = explorers.explore_streaming(retention_days=400)
    assert explorer.last_view.numbers["pick"].startswith("Amazon MSK")
    assert "365-day maximum" in explorer.last_view.numbers["Kinesis Data Streams on-demand"]
