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
