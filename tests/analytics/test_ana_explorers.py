"""Every analytics explorer builds, updates fast, has its static steps, and shows the model's message."""

from __future__ import annotations

import json
import time

import pytest

from awslab.analytics import explorers

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
    started = time.perf_counter()
    explorer = factory()
    assert explorer.error is None and explorer.main == main
    assert explorer.last_view.numbers and explorer.last_view.figure.layout.title.text
    control = next(c for c in explorer.controls if c.name == main)
    timings = []
    for value in control.steps()[:4]:
        tick = time.process_time()
        explorer.set(**{main: value})
        timings.append(time.process_time() - tick)
        assert explorer.error is None
    # CPU time of an update (model + figure): wall time on a shared machine would measure the neighbours too.
    assert sorted(timings)[len(timings) // 2] < 0.05, timings
    figure = explorer.static_figure()
    assert time.perf_counter() - started < 10
    menu = figure.layout.sliders[0].steps if figure.layout.sliders else figure.layout.updatemenus[0].buttons
    assert [step.label for step in menu] == labels
    assert len(json.dumps(figure.to_plotly_json(), default=str)) < 150_000
    good = dict(explorer.last_view.numbers)
    explorer.set(**bad)
    assert explorer.error is not None and message in explorer.error
    assert explorer.last_view.numbers == good


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
