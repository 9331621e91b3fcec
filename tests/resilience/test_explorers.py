"""Every resilience explorer builds, updates fast, has its static steps, and shows the model's message."""

import pytest

from awslab.resilience import explorers
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_strategies,
        "backup_interval_hours",
        ["1 h", "4 h", "12 h", "24 h"],
        {"dns_ttl_seconds": -30},
        "design.dns_ttl_seconds=-30 is outside the allowed range",
    ),
    (
        explorers.explore_grader,
        "rto_target_minutes",
        ["1 min", "5 min", "15 min", "30 min", "60 min", "120 min", "240 min"],
        {"rpo_target_minutes": -1},
        "targets['RpoInMinutes']=-1 is outside the allowed range",
    ),
    (
        explorers.explore_review,
        "strategy",
        ["backup and restore", "pilot light", "warm standby", "multi-site active/active"],
        {"dr_drill_days_ago": -5},
        "dr_drill_days_ago=-5 is outside the allowed range",
    ),
    (
        explorers.explore_failover_path,
        "failure_threshold",
        [str(i) for i in range(1, 11)],
        {"dns_ttl_seconds": 100_000},
        "design.dns_ttl_seconds=100000 is outside the allowed range",
    ),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_grader_explorer_says_why_each_rung_fails():
    explorer = explorers.explore_grader()  # the example: RTO 15 min, RPO 1 min, $500
    numbers = explorer.last_view.numbers
    assert numbers["cheapest that meets all"] == "none"
    assert numbers["multi-site active/active"] == "RPO 15 min > 1 min: set by the objects"
    explorer.set(rpo_target_minutes=15, rto_target_minutes=30, budget_usd_per_month=250)
    assert explorer.last_view.numbers["cheapest that meets all"] == "pilot light"


def test_global_accelerator_shortens_the_failover_path():
    explorer = explorers.explore_failover_path(dns_ttl_seconds=300)
    assert explorer.last_view.numbers["detect + redirect"] == "1.5 min + 5.0 min = 6.5 min"
    explorer.set(failover="global_accelerator")
    assert explorer.last_view.numbers["detect + redirect"] == "1.5 min + 0.0 min = 1.5 min"
