"""Application-services figures: drawn from model results, titled, plain-list data (no base64 arrays)."""

from __future__ import annotations

import json

import plotly.graph_objects as go

from awslab.app_services import figures
from awslab.app_services.apigateway import simulate_traffic
from awslab.app_services.sns import Topic
from awslab.app_services.sqs import SimulatedQueue
from awslab.app_services.sqs_fleet import polling_cost, simulate_consumer_fleet
from awslab.app_services.swf import simulate_order_workflow


def _check(fig: go.Figure) -> dict:
    assert isinstance(fig, go.Figure)
    assert fig.layout.title.text
    stored = json.loads(fig.to_json())
    assert "bdata" not in json.dumps(stored["data"])  # plain lists, not base64-packed arrays
    return stored


def test_fleet_figure():
    result = simulate_consumer_fleet(20, 60, 10, sample_points=30)
    stored = _check(figures.fleet_figure(result))
    assert len(stored["data"]) == 3 and len(stored["data"][0]["x"]) == 30
    assert "time (s)" in json.dumps(stored["layout"])


def test_polling_figure():
    stored = _check(figures.polling_figure([polling_cost(1, 5, w) for w in (0, 5, 20)]))
    assert stored["data"][0]["x"] == ["short poll", "long poll 5 s", "long poll 20 s"]


def test_fanout_figure_greys_filtered_subscriptions():
    topic = Topic("orders")
    topic.subscribe("sqs", "q1", queue=SimulatedQueue())
    topic.subscribe("sqs", "q2", queue=SimulatedQueue(), filter_policy={"big": ["yes"]})
    deliveries = topic.publish("order", 0)
    stored = _check(figures.fanout_figure(topic, deliveries))
    colors = [trace["line"]["color"] for trace in stored["data"] if trace.get("mode") == "lines"]
    assert colors[0] != colors[1]


def test_workflow_and_throttle_figures():
    _check(figures.workflow_figure(simulate_order_workflow()))
    result = simulate_traffic(
        50,
        20,
        rate_limit=60,
        burst_limit=10,
        spike_requests_per_second=200,
        spike_start_seconds=5,
        spike_duration_seconds=3,
    )
    stored = _check(figures.throttle_figure(result, 60, 10))
    assert sum(stored["data"][1]["y"]) == result.throttled


def test_visibility_sweep_figure():
    from awslab.app_services.sqs_fleet import visibility_timeout_sweep

    table = visibility_timeout_sweep(
        [1, 5, 30], 5, 60, consumers=20, processing_seconds_mean=3, max_receive_count=10, retention_seconds=600
    )
    stored = _check(figures.visibility_sweep_figure(table))
    assert stored["data"][0]["x"] == [1.0, 5.0, 30.0]
