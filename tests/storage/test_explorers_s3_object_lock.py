"""The Object Lock notebook's explorers: build, update fast, static steps, and the model's message for a bad value."""

import pytest

from awslab.storage import explorers
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_object_lock,
        "check_day",
        ["0 days", "10 days", "29 days", "30 days", "31 days", "60 days"],
        {"retention_days": 0},
        "retention_days=0 is outside the allowed range",
    ),
    (
        explorers.explore_prefix_rates,
        "prefixes",
        ["1", "2", "4", "8", "16"],
        {"get_rps": -1.0},
        "get_rps=-1.0 is outside the allowed range",
    ),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer_contract(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_the_legal_hold_blocks_even_the_bypassing_admin():
    numbers = explorers.explore_object_lock(legal_hold=True).last_view.numbers
    assert numbers["that admin sending the bypass header"].startswith("no: a legal hold is on")
