"""The Auto Scaling group simulator: invariants, cooldowns, warm-up, schedules, health and billing."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute.asg_sim import compare_policy_sets, daily_load, simulate_group

OUT = {
    "PolicyName": "out",
    "PolicyType": "SimpleScaling",
    "AdjustmentType": "ChangeInCapacity",
    "ScalingAdjustment": 2,
    "Cooldown": 300,
    "Alarm": {"Threshold": 70, "ComparisonOperator": "GreaterThanThreshold", "EvaluationPeriods": 2, "Period": 60},
}
IN = {
    "PolicyName": "in",
    "PolicyType": "SimpleScaling",
    "AdjustmentType": "ChangeInCapacity",
    "ScalingAdjustment": -1,
    "Cooldown": 300,
    "Alarm": {"Threshold": 30, "ComparisonOperator": "LessThanThreshold", "EvaluationPeriods": 5, "Period": 60},
}
STEP = {
    "PolicyName": "step",
    "PolicyType": "StepScaling",
    "AdjustmentType": "PercentChangeInCapacity",
    "MinAdjustmentMagnitude": 1,
    "StepAdjustments": [
        {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 20, "ScalingAdjustment": 25},
        {"MetricIntervalLowerBound": 20, "ScalingAdjustment": 100},
    ],
    "Alarm": {
        "Threshold": 70,
        "ComparisonOperator": "GreaterThanOrEqualToThreshold",
        "EvaluationPeriods": 1,
        "Period": 60,
    },
}
TARGET = {
    "PolicyName": "tt",
    "PolicyType": "TargetTrackingScaling",
    "TargetTrackingConfiguration": {"TargetValue": 50.0},
}


def step_load(low=100.0, high=600.0, up_at=60, down_at=180, minutes=300):
    return [high if up_at <= m < down_at else low for m in range(minutes)]


def test_simple_scaling_respects_cooldown():
    run = simulate_group(
        step_load(),
        [OUT, IN],
        min_size=1,
        max_size=20,
        desired_capacity=2,
        instance_capacity_rps=100,
        bootstrap_minutes=3,
    )
    outs = [a for a in run.activities if a["policy"] == "out"]
    assert len(outs) >= 2
    # the first action comes after two breaching one-minute periods
    assert outs[0]["minute"] == 61
    for first, second in zip(outs, outs[1:], strict=False):
        assert second["minute"] >= first["cooldown_until"]
        assert second["minute"] - first["minute"] >= 3 + 5  # bootstrap then the 300 s cooldown


def test_target_tracking_scales_out_fast_and_in_slowly():
    run = simulate_group(
        step_load(),
        [TARGET],
        min_size=1,
        max_size=20,
        desired_capacity=2,
        instance_capacity_rps=100,
        bootstrap_minutes=3,
        instance_warmup_minutes=2,
    )
    first_out = next(a for a in run.activities if a["to"] > a["from"])
    assert first_out["minute"] == 62  # three one-minute breaches: 60, 61, 62
    assert first_out["to"] == 12  # 600 req/s at 50 % of 100 req/s each
    assert run.dropped_rps[60] > 0 and run.dropped_rps[66] == 0
    first_in = next(a for a in run.activities if a["to"] < a["from"] and a["minute"] > 180)
    assert first_in["minute"] - 180 >= 14  # fifteen low minutes before scaling in
    assert run.desired[-1] == 2


def test_step_scaling_sized_by_breach():
    run = simulate_group(
        step_load(high=300, minutes=120),
        [STEP],
        min_size=1,
        max_size=40,
        desired_capacity=4,
        instance_capacity_rps=100,
        bootstrap_minutes=2,
        instance_warmup_minutes=0,
    )
    first = next(a for a in run.activities if a["kind"] == "step")
    # 300 req/s on 4 x 100 is 75 % CPU: 5 points over the threshold -> +25 % of 4 = 1
    assert (first["minute"], first["from"], first["to"]) == (60, 4, 5)
    big = simulate_group(
        step_load(high=380, minutes=120),
        [STEP],
        min_size=1,
        max_size=40,
        desired_capacity=4,
        instance_capacity_rps=100,
        bootstrap_minutes=2,
        instance_warmup_minutes=0,
    )
    first_big = next(a for a in big.activities if a["kind"] == "step")
    assert (first_big["from"], first_big["to"]) == (4, 8)  # 95 % CPU: 25 points over -> +100 %


def test_step_scaling_does_not_repeat_while_instances_are_pending():
    run = simulate_group(
        step_load(high=380, minutes=120),
        [STEP],
        min_size=1,
        max_size=40,
        desired_capacity=4,
        instance_capacity_rps=100,
        bootstrap_minutes=5,
        instance_warmup_minutes=0,
    )
    steps = [a for a in run.activities if a["kind"] == "step"]
    # during the 5 pending minutes the alarm keeps firing, but the base is still 4, so the target stays 8
    assert steps[0]["to"] == 8 and all(a["minute"] >= 65 for a in steps[1:])


def test_scheduled_action_changes_bounds_and_desired():
    run = simulate_group(
        [50.0] * 120,
        [],
        min_size=1,
        max_size=4,
        desired_capacity=1,
        scheduled_actions=[
            {"ScheduledActionName": "morning", "StartMinute": 30, "MinSize": 5, "MaxSize": 10},
            {"ScheduledActionName": "evening", "StartMinute": 90, "MinSize": 1, "MaxSize": 4, "DesiredCapacity": 2},
        ],
    )
    assert run.desired[29] == 1 and run.desired[30] == 5 and run.min_size[30] == 5
    assert run.desired[90] == 2 and run.max_size[90] == 4
    assert [a["policy"] for a in run.activities if a["kind"] == "scheduled"] == ["morning", "evening"]


def test_unhealthy_instances_are_replaced():
    run = simulate_group(
        [200.0] * 600,
        [],
        min_size=4,
        max_size=4,
        desired_capacity=4,
        failures_per_instance_hour=0.5,
        health_detection_minutes=2,
        seed=7,
    )
    replaced = [i for i in run.instances if i["EndReason"] == "health check replacement"]
    assert replaced
    for inst in replaced:
        assert inst["EndMinute"] - inst["FailedMinute"] == 2
    assert all(d == 4 for d in run.desired)
    assert sum(1 for i in run.instances if i["EndMinute"] is None) == 4


def test_scale_in_keeps_azs_balanced():
    run = simulate_group(
        [50.0] * 10,
        [],
        min_size=0,
        max_size=9,
        desired_capacity=9,
        scheduled_actions=[{"StartMinute": 5, "DesiredCapacity": 4}],
    )
    living = [i for i in run.instances if i["EndMinute"] is None]
    per_az = {}
    for inst in living:
        per_az[inst["AvailabilityZone"]] = per_az.get(inst["AvailabilityZone"], 0) + 1
    assert sorted(per_az.values()) == [1, 1, 2]


def test_per_second_and_per_hour_billing():
    run = simulate_group([50.0] * 90, [], min_size=2, max_size=2, desired_capacity=2, usd_per_hour=0.1)
    assert run.cost_billed_per_second_usd == pytest.approx(2 * 1.5 * 0.1)
    assert run.cost_billed_per_hour_usd == pytest.approx(2 * 2 * 0.1)
    # a 61-minute instance bills 61 minutes per second but two hours per hour
    short = simulate_group(
        [50.0] * 200,
        [],
        min_size=0,
        max_size=3,
        desired_capacity=0,
        usd_per_hour=0.6,
        scheduled_actions=[{"StartMinute": 10, "DesiredCapacity": 1}, {"StartMinute": 71, "DesiredCapacity": 0}],
    )
    assert short.cost_billed_per_second_usd == pytest.approx(0.61)
    assert short.cost_billed_per_hour_usd == pytest.approx(1.2)


def test_instance_refresh_keeps_min_healthy():
    run = simulate_group(
        [300.0] * 240,
        [],
        min_size=10,
        max_size=10,
        desired_capacity=10,
        instance_capacity_rps=100,
        bootstrap_minutes=3,
        instance_warmup_minutes=2,
        instance_refresh={"StartMinute": 20, "MinHealthyPercentage": 80},
    )
    living = [i for i in run.instances if i["EndMinute"] is None]
    assert len(living) == 10 and all(i["LaunchTemplateVersion"] == 2 for i in living)
    assert min(run.in_service[20:]) >= 8
    assert sum(1 for i in run.instances if i["EndReason"] == "instance refresh") == 10


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"min_size": 5, "max_size": 2}, "max_size"),
        ({"desired_capacity": 50}, "desired_capacity"),
        ({"policies": [{"PolicyType": "Magic"}]}, "PolicyType"),
        (
            {
                "policies": [
                    {"PolicyType": "SimpleScaling", "AdjustmentType": "ChangeInCapacity", "ScalingAdjustment": 1}
                ]
            },
            "Alarm",
        ),
        ({"policies": [{**OUT, "Alarm": {**OUT["Alarm"], "Period": 90}}]}, "Period"),
        ({"policies": [{**TARGET, "TargetTrackingConfiguration": {"TargetValue": 0}}]}, "TargetValue"),
        ({"load_rps": [-1.0]}, "load_rps"),
        ({"scheduled_actions": [{"StartMinute": 3, "MinSize": 9, "MaxSize": 2}]}, "MaxSize"),
    ],
)
def test_simulator_rejects_bad_input(kwargs, name):
    args = {"load_rps": [10.0] * 10, "policies": [], "min_size": 1, "max_size": 10, "desired_capacity": 2}
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        simulate_group(**args)


def test_daily_load_is_seeded_with_a_daytime_peak():
    load = daily_load(peak_rps=800, base_rps=100, seed=1, noise_fraction=0)
    assert len(load) == 1440 and max(load) == pytest.approx(800) and min(load) == pytest.approx(100)
    assert load.index(max(load)) == 720
    assert daily_load(seed=2) == daily_load(seed=2) != daily_load(seed=3)


def test_scale_out_fast_scale_in_slowly_pays_for_itself():
    # a spiky day: one fast, cautious pair of simple policies against a slow one-instance-at-a-time pair
    load = daily_load(peak_rps=900, base_rps=100, seed=4, spike_minute=600, spike_rps=600)
    slow_out = {**OUT, "ScalingAdjustment": 1, "Alarm": {**OUT["Alarm"], "EvaluationPeriods": 5}}
    fast_in = {**IN, "Cooldown": 60, "Alarm": {**IN["Alarm"], "EvaluationPeriods": 1}}
    table = compare_policy_sets(
        load,
        {"fast out, slow in": [OUT, IN], "slow out, fast in": [slow_out, fast_in], "target tracking": [TARGET]},
        min_size=2,
        max_size=20,
        desired_capacity=2,
        instance_capacity_rps=100,
    )
    rows = table.set_index("policies")
    assert rows.loc["fast out, slow in", "dropped_requests"] < rows.loc["slow out, fast in", "dropped_requests"]
    assert rows.loc["target tracking", "dropped_requests"] < rows.loc["slow out, fast in", "dropped_requests"]
    assert (rows["cost_billed_per_hour_usd"] >= rows["cost_billed_per_second_usd"]).all()
    with pytest.raises(ValueError, match="policy_sets"):
        compare_policy_sets(load, {})


policies_strategy = st.lists(st.sampled_from([OUT, IN, STEP, TARGET]), max_size=3, unique_by=lambda p: p["PolicyName"])


@given(
    load=st.lists(st.floats(0, 2000), min_size=30, max_size=30),
    policies=policies_strategy,
    lo=st.integers(0, 5),
    span=st.integers(0, 10),
    boot=st.integers(0, 6),
    fail=st.floats(0, 2),
    schedule=st.lists(st.tuples(st.integers(0, 239), st.integers(0, 6), st.integers(0, 10)), max_size=3),
    seed=st.integers(0, 1000),
)
def test_capacity_stays_within_min_and_max(load, policies, lo, span, boot, fail, schedule, seed):
    minutes = [x for x in load for _ in range(8)]  # 240 minutes of stepwise load
    actions = [{"StartMinute": m, "MinSize": a, "MaxSize": a + b} for m, a, b in schedule]
    run = simulate_group(
        minutes,
        policies,
        min_size=lo,
        max_size=lo + span,
        desired_capacity=lo,
        bootstrap_minutes=boot,
        failures_per_instance_hour=fail,
        scheduled_actions=actions,
        seed=seed,
    )
    for minute, (d, low, high) in enumerate(zip(run.desired, run.min_size, run.max_size, strict=True)):
        assert low <= d <= high, minute
    alive_at_end = sum(1 for i in run.instances if i["EndMinute"] is None)
    assert alive_at_end == run.desired[-1]
    assert run.cost_billed_per_hour_usd >= run.cost_billed_per_second_usd - 1e-9


@given(
    load=st.lists(st.floats(0, 1500), min_size=24, max_size=24),
    cooldown=st.integers(0, 900),
    boot=st.integers(0, 8),
    periods=st.integers(1, 4),
    seed=st.integers(0, 100),
)
def test_no_simple_policy_action_inside_its_cooldown(load, cooldown, boot, periods, seed):
    minutes = [x for x in load for _ in range(10)]
    out = {**OUT, "Cooldown": cooldown, "Alarm": {**OUT["Alarm"], "EvaluationPeriods": periods}}
    inn = {**IN, "Cooldown": cooldown}
    run = simulate_group(
        minutes,
        [out, inn],
        min_size=1,
        max_size=30,
        desired_capacity=2,
        bootstrap_minutes=boot,
        failures_per_instance_hour=0.5,
        seed=seed,
    )
    # the cooldown belongs to the group: it holds back every simple policy, not only the one that acted
    acts = [a for a in run.activities if a["kind"] == "simple"]
    for first, second in zip(acts, acts[1:], strict=False):
        assert second["minute"] >= first["cooldown_until"]
    for a in acts:
        assert not math.isinf(a["cooldown_until"])
        assert a["cooldown_until"] >= a["minute"] + cooldown / 60 - 1e-9
