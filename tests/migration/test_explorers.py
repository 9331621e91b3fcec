"""Every migration explorer builds, updates fast, has its static steps, and shows the model's message."""

from __future__ import annotations

import pytest

from awslab.migration import explorers
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_strategy,
        "time_pressure",
        ["low", "medium", "high"],
        {"time_pressure": "urgent"},
        "time_pressure='urgent' is not one of: low, medium, high",
    ),
    (
        explorers.explore_cutover,
        "writes_per_second",
        [f"{v:,g} changes/s" for v in explorers.WRITES_STEPS],
        {"apply_per_second": -1},
        "apply_per_second=-1 is outside the allowed range",
    ),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_strategy_explorer_follows_the_deadline():
    explorer = explorers.explore_strategy(target_operating_model="cloud-native")
    explorer.set(time_pressure="high")
    assert explorer.last_view.numbers["recommended"].startswith("rehost")
    explorer.set(time_pressure="low")
    assert explorer.last_view.numbers["recommended"].startswith("refactor")


def test_cutover_explorer_says_when_replication_falls_behind():
    explorer = explorers.explore_cutover(writes_per_second=1500, apply_per_second=1000)
    assert explorer.last_view.numbers["caught up"] == "never"
    assert explorer.last_view.numbers["replication"].startswith("falls behind")
