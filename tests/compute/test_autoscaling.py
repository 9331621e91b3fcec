"""Auto Scaling policy arithmetic against AWS's documented examples, plus property tests."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute.autoscaling import (
    alarm_states,
    apply_step_scaling,
    choose_instance_to_terminate,
    choose_launch_az,
    scaling_adjustment,
    validate_step_adjustments,
)

# The scale-out and scale-in policies of the step-scaling example in
# https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html (alarm threshold 50).
SCALE_OUT = [
    {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 0},
    {"MetricIntervalLowerBound": 10, "MetricIntervalUpperBound": 20, "ScalingAdjustment": 10},
    {"MetricIntervalLowerBound": 20, "ScalingAdjustment": 30},
]
SCALE_IN = [
    {"MetricIntervalLowerBound": -10, "MetricIntervalUpperBound": 0, "ScalingAdjustment": 0},
    {"MetricIntervalLowerBound": -20, "MetricIntervalUpperBound": -10, "ScalingAdjustment": -10},
    {"MetricIntervalUpperBound": -20, "ScalingAdjustment": -30},
]


def test_documented_step_scaling_sequence():
    # 10 -> 11 (10% of 10), -> 14 (30% of 11 = 3.3 -> 3), -> 13 (10% of 14 = 1.4 -> 1), -> 10 (30% of 13 = 3.9 -> 3)
    capacity = apply_step_scaling(10, 60, 50, SCALE_OUT, "PercentChangeInCapacity")
    assert capacity == 11
    capacity = apply_step_scaling(capacity, 70, 50, SCALE_OUT, "PercentChangeInCapacity")
    assert capacity == 14
    capacity = apply_step_scaling(capacity, 40, 50, SCALE_IN, "PercentChangeInCapacity")
    assert capacity == 13
    capacity = apply_step_scaling(capacity, 30, 50, SCALE_IN, "PercentChangeInCapacity")
    assert capacity == 10


def test_band_between_alarms_keeps_capacity():
    for metric in (50, 55, 59.9):
        assert apply_step_scaling(10, metric, 50, SCALE_OUT, "PercentChangeInCapacity") == 10
    for metric in (45, 50):
        assert apply_step_scaling(10, metric, 50, SCALE_IN, "PercentChangeInCapacity") == 10
    # below the scale-out policy's lowest bound no step matches
    assert apply_step_scaling(10, 20, 50, SCALE_OUT, "ChangeInCapacity") == 10


def test_bound_inclusiveness_follows_api_reference():
    # API_StepAdjustment: lower 0 / upper 10 is 50 <= metric < 60; lower -10 / upper 0 is 40 < metric <= 50
    steps = [
        {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 1},
        {"MetricIntervalLowerBound": 10, "ScalingAdjustment": 5},
    ]
    assert apply_step_scaling(4, 60, 50, steps, "ChangeInCapacity") == 9
    assert apply_step_scaling(4, 59.999, 50, steps, "ChangeInCapacity") == 5
    down = [
        {"MetricIntervalLowerBound": -10, "MetricIntervalUpperBound": 0, "ScalingAdjustment": -1},
        {"MetricIntervalUpperBound": -10, "ScalingAdjustment": -3},
    ]
    assert apply_step_scaling(10, 40.001, 50, down, "ChangeInCapacity") == 9
    assert apply_step_scaling(10, 40, 50, down, "ChangeInCapacity") == 7


@pytest.mark.parametrize(
    ("current", "percent", "expected"),
    [
        (127, 10, 12),  # 12.7 rounds down to 12
        (67, 1, 1),  # 0.67 becomes 1
        (58, -1, -1),  # -0.58 becomes -1
        (667, -1, -6),  # -6.67 rounds toward zero to -6
        (10, 100, 10),
        (0, 50, 0),
    ],
)
def test_percent_rounding_rules(current, percent, expected):
    # as-scaling-simple-step.html, "Scaling adjustment types": 12.7 -> 12, .67 -> 1, -.58 -> -1, -6.67 -> -6
    assert scaling_adjustment(current, "PercentChangeInCapacity", percent) == expected


def test_min_adjustment_magnitude_example():
    # PutScalingPolicy: 25 percent of 4 instances is 1, MinAdjustmentMagnitude 2 scales out by 2
    assert scaling_adjustment(4, "PercentChangeInCapacity", 25) == 1
    assert scaling_adjustment(4, "PercentChangeInCapacity", 25, min_adjustment_magnitude=2) == 2
    assert scaling_adjustment(4, "PercentChangeInCapacity", -25, min_adjustment_magnitude=2) == -2
    assert scaling_adjustment(40, "PercentChangeInCapacity", 25, min_adjustment_magnitude=2) == 10


def test_change_and_exact_capacity():
    # Application Auto Scaling guide: capacity 3, adjustment 5 -> 8 (ChangeInCapacity) or 5 (ExactCapacity)
    assert scaling_adjustment(3, "ChangeInCapacity", 5) == 5
    assert scaling_adjustment(3, "ExactCapacity", 5) == 2
    assert scaling_adjustment(3, "ChangeInCapacity", -2) == -2


def test_step_result_is_clamped_to_min_and_max():
    assert apply_step_scaling(10, 90, 50, SCALE_OUT, "ChangeInCapacity", max_size=25) == 25
    assert apply_step_scaling(10, 0, 50, SCALE_IN, "ChangeInCapacity", min_size=2) == 2
    assert (
        apply_step_scaling(3, 80, 50, [{"MetricIntervalLowerBound": 0, "ScalingAdjustment": 7}], "ExactCapacity") == 7
    )


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"adjustment_type": "Percent"}, "adjustment_type"),
        ({"current_capacity": -1}, "current_capacity"),
        ({"adjustment_type": "ChangeInCapacity", "scaling_adjustment": 1.5}, "scaling_adjustment"),
        ({"adjustment_type": "ExactCapacity", "scaling_adjustment": -1}, "scaling_adjustment"),
        ({"adjustment_type": "ChangeInCapacity", "min_adjustment_magnitude": 2}, "min_adjustment_magnitude"),
        ({"min_adjustment_magnitude": 0}, "min_adjustment_magnitude"),
        ({"scaling_adjustment": -150}, "scaling_adjustment"),
    ],
)
def test_scaling_adjustment_rejects_bad_input(kwargs, name):
    args = {"current_capacity": 4, "adjustment_type": "PercentChangeInCapacity", "scaling_adjustment": 10}
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        scaling_adjustment(**args)


@pytest.mark.parametrize(
    ("steps", "words"),
    [
        (
            [
                {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 1},
                {"MetricIntervalLowerBound": 5, "ScalingAdjustment": 2},
            ],
            "overlap",
        ),
        (
            [
                {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 1},
                {"MetricIntervalLowerBound": 20, "ScalingAdjustment": 2},
            ],
            "gap",
        ),
        ([{"ScalingAdjustment": 1}], "both"),
        ([{"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 1}], "null upper"),
        ([{"MetricIntervalLowerBound": -10, "MetricIntervalUpperBound": 0, "ScalingAdjustment": -1}], "null lower"),
        ([{"MetricIntervalLowerBound": 10, "MetricIntervalUpperBound": 0, "ScalingAdjustment": 1}], "not above"),
        ([{"MetricIntervalLowerBound": 0, "Adjustment": 1}], "ScalingAdjustment"),
        ([], "non-empty"),
    ],
)
def test_step_adjustment_rules(steps, words):
    with pytest.raises(ValueError, match=words):
        validate_step_adjustments(steps)


def test_apply_step_scaling_rejects_min_above_max():
    with pytest.raises(ValueError, match="max_size"):
        apply_step_scaling(5, 70, 50, SCALE_OUT, "ChangeInCapacity", min_size=6, max_size=5)


def test_alarm_needs_m_of_n_breaching_datapoints():
    values = [80, 80, 40, 80, 80, 80]
    assert alarm_states(values, 70, "GreaterThanThreshold", 3).tolist() == [False, False, False, False, False, True]
    assert alarm_states(values, 70, "GreaterThanThreshold", 3, 2).tolist() == [False, False, True, True, True, True]
    assert alarm_states([70, 70], 70, "GreaterThanOrEqualToThreshold", 1).tolist() == [True, True]
    assert alarm_states([70, 70], 70, "GreaterThanThreshold", 1).tolist() == [False, False]
    with pytest.raises(ValueError, match="datapoints_to_alarm"):
        alarm_states(values, 70, "GreaterThanThreshold", 3, 4)
    with pytest.raises(ValueError, match="comparison"):
        alarm_states(values, 70, ">", 3)


def _inst(iid, az, version=1, launch=0, protected=False):
    return {
        "InstanceId": iid,
        "AvailabilityZone": az,
        "LaunchTemplateVersion": version,
        "LaunchMinute": launch,
        "ProtectedFromScaleIn": protected,
    }


def test_default_termination_policy_order():
    # AZ balance comes first, even against an older launch template elsewhere
    group = [_inst("i-1", "a", 1), _inst("i-2", "b", 2), _inst("i-3", "b", 2)]
    assert choose_instance_to_terminate(group) in {"i-2", "i-3"}
    # then the oldest launch template version within that AZ
    group = [_inst("i-1", "a", 1), _inst("i-2", "b", 1), _inst("i-3", "b", 2)]
    assert choose_instance_to_terminate(group) == "i-2"
    # then the instance closest to its next billing hour (launched at 0 and 50; now 100 -> 20 and 10 minutes left)
    group = [_inst("i-1", "a", 1, launch=0), _inst("i-2", "a", 1, launch=50)]
    assert choose_instance_to_terminate(group, now_minute=100) == "i-2"
    assert choose_instance_to_terminate(group, now_minute=115) == "i-1"
    # scale-in protection takes an instance out of the running
    group = [_inst("i-1", "a", 1, protected=True), _inst("i-2", "a", 2), _inst("i-3", "b", 3)]
    assert choose_instance_to_terminate(group) == "i-2"
    with pytest.raises(ValueError, match="ProtectedFromScaleIn"):
        choose_instance_to_terminate([_inst("i-1", "a", protected=True)])


def test_launch_goes_to_the_emptiest_az():
    assert choose_launch_az({"us-east-1a": 2, "us-east-1b": 1, "us-east-1c": 2}) == "us-east-1b"
    assert choose_launch_az({"us-east-1b": 0, "us-east-1a": 0}) == "us-east-1a"


@given(
    current=st.integers(0, 500),
    percent=st.floats(-100, 500, allow_nan=False),
    magnitude=st.one_of(st.none(), st.integers(1, 20)),
)
def test_percent_change_properties(current, percent, magnitude):
    change = scaling_adjustment(current, "PercentChangeInCapacity", percent, magnitude)
    raw = current * percent / 100
    if raw != 0:
        assert (change > 0) == (raw > 0)  # rounding never flips the direction
        assert abs(change) >= 1  # a non-zero request always moves at least one instance
    if magnitude is None:
        assert abs(change) <= max(abs(raw), 1)  # never more than asked, except the round-up to one
    elif percent != 0:
        assert abs(change) >= magnitude


@given(
    current=st.integers(0, 200),
    metric=st.floats(0, 100, allow_nan=False),
    low=st.integers(0, 50),
    span=st.integers(0, 100),
    kind=st.sampled_from(["ChangeInCapacity", "PercentChangeInCapacity"]),
)
def test_step_scaling_stays_within_min_and_max(current, metric, low, span, kind):
    high = low + span
    new = apply_step_scaling(current, metric, 50, SCALE_OUT if metric >= 50 else SCALE_IN, kind, low, high)
    if new != current:
        assert low <= new <= high
    if metric >= 50:
        assert new >= min(current, high)
    else:
        assert new <= max(current, low)
