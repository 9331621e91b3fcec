"""The containers notebooks in the shared startup run (scenarios/startup.yaml): each ran, echoed the scenario's
values, and printed and recorded what the models compute for them. A bad value still stops a notebook early."""

from pathlib import Path

import pytest

from awslab.containers import ecr, ecs, eks, explorers, fargate
from tests.support import assert_echoed, printed, values_used
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "09_containers"
pytestmark = pytest.mark.notebooks


def test_images_and_ecs_in_the_startup_run(startup_run):
    key = "09_containers/01_images_and_ecs.ipynb"
    v = values_used(startup_run, key)
    assert_echoed(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    policy = ecr.sample_policy(keep_prod=v["keep_prod"], untagged_days=v["untagged_days"])
    evaluation = ecr.evaluate(policy, ecr.images_pushed_days_ago(list(ecr.SAMPLE_IMAGES)), now="2026-12-03T00:00:00Z")
    assert recorded["images_expired"] == len(evaluation.expired)
    cpu, memory = explorers.TASK_SIZES[v["task_size"]]
    placement = ecs.place_tasks(
        ecs.sample_task_definition(cpu, memory),
        v["tasks"],
        ecs.cluster(list(ecs.SAMPLE_CLUSTER), zones=3),
        placement_strategy=explorers.STRATEGIES[v["strategy"]],
        network_mode=v["network_mode"],
        seed=v["seed"],
    )
    assert (recorded["tasks_placed"], recorded["tasks_pending"]) == (placement.placed, placement.unplaced)
    text = printed(startup_run.folder, Path(key).name)
    assert f"placed {placement.placed} of {v['tasks']}, pending {placement.unplaced}" in text
    assert f"{len(evaluation.expired)} of 12 images expire" in text


def test_fargate_and_eks_in_the_startup_run(startup_run):
    key = "09_containers/02_fargate_and_eks.ipynb"
    v = values_used(startup_run, key)
    assert_echoed(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    comparison = fargate.compare_with_ec2(
        v["tasks"], v["cpu_units"], v["memory_mib"], utilisation=v["utilisation"], architecture=v["architecture"]
    )
    assert recorded["fargate_usd_per_hour"] == round(comparison.fargate_usd_per_hour, 4)
    assert recorded["ec2_usd_per_hour"] == round(comparison.ec2_usd_per_hour, 4)
    assert recorded["break_even_utilisation"] == round(comparison.break_even_utilisation, 4)
    assert recorded["task_usd_per_hour"] == round(
        fargate.task_usd_per_hour(v["cpu_units"], v["memory_mib"], architecture=v["architecture"]), 5
    )
    assert recorded["eks_control_plane_usd_per_month"] == eks.control_plane_usd(v["eks_clusters"])
    assert recorded["best_container_service"] == eks.choose().best
    text = printed(startup_run.folder, Path(key).name)
    assert f"cheaper now: {comparison.cheaper}" in text


def test_an_invalid_fargate_size_stops_with_the_allowed_range(tmp_path):
    result = awslab(
        "run",
        str(FOLDER / "02_fargate_and_eks.ipynb"),
        "--output",
        str(tmp_path),
        "-p",
        "cpu_units",
        "4096",
        "-p",
        "memory_mib",
        "32768",
    )
    assert result.returncode == 1
    assert "memory_mib=32768 is not valid with cpu_units=4096 (4 vCPU) on Fargate" in result.stdout
    assert "allowed 8192-30720 MiB in steps of 1024 MiB" in result.stdout
    assert "0 passed, 1 failed" in result.stdout
