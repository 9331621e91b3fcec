"""The event-driven explorers (04-06) keep the explorer contract, and print what their models compute."""

from __future__ import annotations

import pytest

from awslab.app_services import eventbridge, explorers, lambda_scale, stepfunctions
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_event_pattern,
        "preset",
        list(eventbridge.PRESET_PATTERNS),
        {"custom_pattern": '{"source": []}'},
        "empty arrays are not allowed",
    ),
    (
        explorers.explore_workflow_cost,
        "executions_per_month",
        ["1000", "10000", "100000", "1000000", "10000000", "100000000"],
        {"duration_ms": 400_000},
        "duration_ms=400000 is outside the allowed range",
    ),
    (
        explorers.explore_retry,
        "backoff_rate",
        ["1", "1.5", "2", "2.5", "3"],
        {"max_delay_seconds": -5},
        "MaxDelaySeconds",
    ),
    (
        explorers.explore_spike,
        "provisioned",
        ["0", "100", "250", "500", "750", "1,000"],
        {"reserved": 5000},
        "reserved=5000 is outside the allowed range",
    ),
]


@pytest.mark.parametrize(("factory", "main", "labels", "bad", "message"), CASES)
def test_explorer_contract(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_numbers_are_the_models():
    ex = explorers.explore_event_pattern(preset="anything from AWS (prefix aws.)")
    expected = sum(r["matches"] for r in eventbridge.match_table({"source": [{"prefix": "aws."}]}))
    assert ex.last_view.numbers["events matched"] == f"{expected} of {len(eventbridge.SAMPLE_EVENTS)}"
    cost = stepfunctions.workflow_cost(100_000, 10, duration_ms=2000, memory_mb=64)
    ex = explorers.explore_workflow_cost(executions_per_month=100_000)
    assert ex.last_view.numbers["Express"] == f"{cost.express_usd:,.2f} USD/month"
    ex = explorers.explore_spike(provisioned=500, reserved=700)
    profile = lambda_scale.spike_profile(50, 4000, seconds=60, start_second=10, length_seconds=30)
    result = lambda_scale.simulate_spike(profile, duration_ms=500, reserved=700, provisioned=500)
    assert ex.last_view.numbers["throttled (429)"].startswith(f"{result.throttled:,} ")
