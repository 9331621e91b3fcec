"""``GroupSimulation`` gives the numbers ``simulate_group`` gave before it became a state class (200 set-ups)."""

import json
from pathlib import Path

import pytest

from awslab.compute import asg_sim
from tests.compute.asg_golden_cases import CASES, digest, setup

GOLDEN = json.loads((Path(__file__).parent / "golden" / "asg_runs.json").read_text())


def test_the_golden_file_covers_every_case():
    assert len(GOLDEN) == CASES


@pytest.mark.parametrize("case", range(CASES))
def test_same_run_as_before_the_refactor(case):
    assert digest(setup(case)) == GOLDEN[case]


def test_stepping_by_hand_equals_the_wrapper():
    kwargs = setup(7)
    sim = asg_sim.GroupSimulation(**kwargs)
    for minute in range(len(kwargs["load_rps"])):
        sim.step(minute)
    assert sim.result() == asg_sim.simulate_group(**kwargs)


def test_minutes_must_come_in_order():
    sim = asg_sim.GroupSimulation([10.0] * 5, [])
    sim.step(0)
    with pytest.raises(ValueError, match="minute=2 is not the next minute to simulate; expected 1"):
        sim.step(2)
    for minute in range(1, 5):
        sim.step(minute)
    with pytest.raises(ValueError, match="expected 5"):
        sim.step(5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"policies": ["not a policy"]}, r"policies\[0\] must be a dict"),
        ({"policies": {"PolicyType": "SimpleScaling"}}, "policies must be a list"),
        (
            {"policies": [{"PolicyType": "TargetTrackingScaling", "TargetTrackingConfiguration": [60]}]},
            r"policies\[0\].TargetTrackingConfiguration must be a dict with TargetValue",
        ),
        ({"scheduled_actions": [5]}, r"scheduled_actions\[0\] must be a dict"),
        ({"instance_refresh": 30}, "instance_refresh must be a dict with StartMinute"),
    ],
)
def test_bad_shapes_are_rejected_by_name(kwargs, message):
    arguments = {"load_rps": [10.0] * 5, "policies": [], **kwargs}
    with pytest.raises(ValueError, match=message):
        asg_sim.simulate_group(**arguments)
