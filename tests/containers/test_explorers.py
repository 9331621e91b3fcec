"""Every containers explorer builds, updates fast, has its static steps, and shows the model's message."""

from __future__ import annotations

import pytest

from awslab.containers import explorers, fargate
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_placement,
        "tasks",
        ["1", "4", "8", "12", "16", "20", "24", "30", "40"],
        {"tasks": -1},
        "count=-1 is outside the allowed range",
    ),
    (
        explorers.explore_lifecycle,
        "keep_prod",
        [str(i) for i in range(1, 7)],
        {"keep_any": 0},
        "keep_any=0 is outside the allowed range",
    ),
    (
        explorers.explore_fargate_cost,
        "utilisation",
        ["0.2", "0.4", "0.6", "0.8", "0.9", "1"],
        {"utilisation": 2},
        "utilisation=2 is outside the allowed range",
    ),
    (explorers.explore_chooser, "kubernetes", ["0", "1", "2", "3"], {"kubernetes": -1}, "is outside the allowed range"),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_placement_explorer_shows_pending_tasks_with_awsvpc_and_their_cure():
    explorer = explorers.explore_placement(tasks=20, size="0.25 vCPU, 0.5 GiB", network_mode="awsvpc")
    assert explorer.last_view.numbers["placed"] == "13 of 20"  # 2+2+2+3+2+2 ENIs
    explorer.set(trunking=True)
    assert explorer.last_view.numbers["placed"] == "20 of 20"


def test_fargate_explorer_agrees_with_the_model_and_refuses_arm_spot():
    explorer = explorers.explore_fargate_cost(utilisation=0.9, tasks=20, size="1 vCPU, 8 GiB")
    result = fargate.compare_with_ec2(20, 1024, 8192, utilisation=0.9)
    assert explorer.last_view.numbers["cheaper"] == result.cheaper
    explorer.set(architecture="arm", spot=True)
    assert "Spot runs Linux/x86 tasks only" in explorer.error


def test_chooser_explorer_moves_to_eks_and_drops_app_runner_for_new_customers():
    explorer = explorers.explore_chooser()
    assert "App Runner" not in explorer.last_view.numbers["ranking"]
    explorer.set(kubernetes=3)
    assert explorer.last_view.numbers["best fit"] == "EKS"
    explorer.set(new_customer=False, kubernetes=0, operations=3)
    assert "App Runner" in explorer.last_view.numbers["ranking"]
