"""Every cost explorer builds, updates fast, has its static steps, and shows the model's message."""

from __future__ import annotations

import pytest

from awslab.cost import explorers, transfer
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_fleet_purchases,
        "family_change_month",
        [str(i) for i in range(13)],
        {"region_change_month": 13},
        "region_change_month=13 is outside the allowed range",
    ),
    (
        explorers.explore_commitment,
        "commitment_usd_per_hour",
        [f"{v:g} USD/h" for v in explorers.COMMITMENT_STEPS],
        {"discount": 0.99},
        "discount=0.99 is outside the allowed range",
    ),
    (
        explorers.explore_transfer_move,
        "share",
        ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"],
        {"share": 1.5},
        "share=1.5 is outside the allowed range",
    ),
    (
        explorers.explore_s3_choice,
        "gets_per_month",
        ["0", "0.1", "0.5", "1", "2", "5", "10", "30", "100"],
        {"object_size_kib": -1},
        "object_size_kib=-1 is outside the allowed range",
    ),
    (
        explorers.explore_dynamodb_choice,
        "peak_to_average",
        ["1", "1.5", "2", "3", "4", "6", "8", "10"],
        {"reads_per_second": -3},
        "reads_per_second=-3 is outside the allowed range",
    ),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_fleet_explorer_prefers_the_tight_plan_when_nothing_changes():
    explorer = explorers.explore_fleet_purchases(family_change_month=12, region_change_month=12)
    assert explorer.last_view.numbers["cheapest commitment"].startswith("EC2 Instance Savings Plan")


def test_transfer_explorer_shows_each_move():
    explorer = explorers.explore_transfer_move()
    for move in transfer.MOVES:
        explorer.set(move=move)
        assert explorer.error is None and explorer.last_view.numbers["saving"].startswith("$")


def test_commitment_slider_reaches_a_large_fleets_peak():
    explorer = explorers.explore_commitment(commitment_usd_per_hour=3.0, base_instances=40, peak_instances=120)
    control = next(c for c in explorer.controls if c.name == "commitment_usd_per_hour")
    assert explorer.error is None and control.max >= 121 * explorers.M5_LARGE_USD_PER_HOUR
