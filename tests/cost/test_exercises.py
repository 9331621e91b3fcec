"""The cost exercises: ids unique and prefixed by topic, the model's answer passes, a wrong one fails."""

import pytest

from awslab.cost import chooser, commitments, exercises, tools, transfer
from awslab.exercises import Exercise

ALL = {name: value for name, value in vars(exercises).items() if isinstance(value, Exercise)}


def test_ids_are_unique_and_prefixed():
    ids = [e.id for e in ALL.values()]
    assert len(ids) == len(set(ids)) == 9
    assert all(i.startswith(("buying-compute-", "data-transfer-", "cost-tools-")) for i in ids)


@pytest.mark.parametrize(
    "exercise, right, wrong",
    [
        (exercises.buying_compute_family_move, "Compute Savings Plan", "Convertible RI (regional)"),
        (
            exercises.buying_compute_best_commitment,
            commitments.best_commitment(commitments.usage_history(4, 12, weeks=4), discount=0.28),
            1.152,
        ),
        (exercises.buying_compute_size_flexibility, 8, 4),
        (exercises.data_transfer_nat, transfer.transfer_bill({"nat_gateways": 1, "s3_via_nat_gb": 1000}).total_usd, 45),
        (exercises.data_transfer_egress, 1742.7, 1791.0),
        (exercises.data_transfer_cheapest_s3_path, "gateway endpoint", "interface endpoint"),
        (exercises.cost_tools_dynamodb, chooser.dynamodb_choice(100, 25, 1024, peak_to_average=4).pick, "provisioned"),
        (exercises.cost_tools_consolidated, tools.consolidated_egress([8000, 8000]).saving_usd, 0),
        (exercises.cost_tools_budget, "ACTUAL only", "both"),
    ],
    ids=lambda v: v.id if isinstance(v, Exercise) else None,
)
def test_right_passes_wrong_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right
