"""The containers exercises: each answer is what the chapter's models compute, and a wrong answer is not accepted."""

import pytest

from awslab.containers import ecr, ecs, eks, fargate
from awslab.containers.exercises import fargate_and_eks, images_and_ecs

NOW = "2026-12-03T00:00:00Z"
EXPECTED = [
    (
        images_and_ecs.lifecycle_outcome,
        len(
            ecr.evaluate(
                ecr.sample_policy(2, 5, 4), ecr.images_pushed_days_ago(list(ecr.SAMPLE_IMAGES)), now=NOW
            ).expired
        ),
        "12",
    ),
    (
        images_and_ecs.awsvpc_density,
        ecs.place_tasks(
            ecs.sample_task_definition(256, 512), 40, ecs.cluster(list(ecs.SAMPLE_CLUSTER)), network_mode="awsvpc"
        ).placed,
        "40",
    ),
    (images_and_ecs.fewest_instances, "binpack on memory", "random"),
    (fargate_and_eks.smallest_memory, "8192", "4096"),
    (fargate_and_eks.month_of_fargate, 5 * 730 * (2 * 0.04048 + 4 * 0.004445), "100"),
    (fargate_and_eks.break_even, 100 * 10 * 0.096 / (20 * fargate.task_usd_per_hour(1024, 2048)), "50"),
    (fargate_and_eks.eks_fee, 3 * 12 * 730 * 0.60, str(eks.control_plane_usd(3, months=12))),
]


@pytest.mark.parametrize("exercise, right, wrong", EXPECTED, ids=[e[0].id for e in EXPECTED])
def test_the_model_answer_passes_and_a_wrong_one_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_ids_are_prefixed_with_the_notebook_topic():
    ids = [e[0].id for e in EXPECTED]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(("images-ecs-", "fargate-eks-")) for i in ids)
