"""Every application-services explorer builds, updates fast, has its static steps, and shows the model's message."""

from __future__ import annotations

import pytest

from awslab.app_services import explorers
from tests.support import check_explorer

# (factory, main control, expected static step labels, a bad typed value, a fragment of the model's message)
CASES = [
    (
        explorers.explore_visibility_timeout,
        "visibility_timeout_seconds",
        [f"{v} s" for v in explorers.VISIBILITY_STEPS_SECONDS],
        {"max_receive_count": 0},
        "max_receive_count=0 is outside the allowed range (1 to 1000)",
    ),
    (
        explorers.explore_polling,
        "wait_time_seconds",
        ["0 s", "1 s", "2 s", "5 s", "10 s", "20 s"],
        {"messages_per_second": -1},
        "messages_per_second=-1 is outside the allowed range",
    ),
    (
        explorers.explore_fanout,
        "total_usd",
        ["50 USD", "250 USD", "500 USD", "999 USD", "1,000 USD", "2,500 USD", "5,000 USD"],
        {"fraud_filter_policy": '{"total_usd": [{"between": [1, 2]}]}'},
        "between",
    ),
    (
        explorers.explore_workflow,
        "charge_failures",
        ["0", "1", "2", "3", "4", "5"],
        {"max_attempts": 0},
        "max_attempts=0 is outside the allowed range (1 to 100)",
    ),
    (
        explorers.explore_throttling,
        "burst_limit",
        [
            "0 requests",
            "100 requests",
            "200 requests",
            "400 requests",
            "800 requests",
            "1,200 requests",
            "2,000 requests",
        ],
        {"rate_limit": -5},
        "rate_limit=-5 is outside the allowed range",
    ),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_visibility_explorer_shows_duplicates_when_the_timeout_is_short():
    explorer = explorers.explore_visibility_timeout(visibility_timeout_seconds=60, seed=3)
    long_timeout = int(explorer.last_view.numbers["duplicate processings"].replace(",", ""))
    explorer.set(visibility_timeout_seconds=2)
    short_timeout = int(explorer.last_view.numbers["duplicate processings"].replace(",", ""))
    assert long_timeout == 0 < short_timeout


def test_fanout_explorer_follows_the_filter():
    explorer = explorers.explore_fanout(total_usd=250)
    assert explorer.last_view.numbers["copies in fraud-review"] == "0"
    explorer.set(total_usd=1000)
    assert explorer.last_view.numbers["copies in fraud-review"] == "1"
    explorer.set(fraud_filter_policy='{"total_usd": [{"exists": true}]}', total_usd=5)
    assert explorer.last_view.numbers["copies in fraud-review"] == "1"
    explorer.set(fraud_filter_policy="{not json")
    assert explorer.error.startswith("filter_policy is not valid JSON")
