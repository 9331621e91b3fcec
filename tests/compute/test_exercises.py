"""The compute exercises: each answer is what the chapter's models compute, and the classic wrong answer fails."""

import pytest

from awslab.compute import autoscaling, beanstalk, ec2, elb, lambda_cost, placement, pricing
from awslab.compute import exercises as ex

_T3 = next(t for t in ec2.DEFAULT_INSTANCE_TYPES if t.name == "t3.xlarge")
_OD = pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR
_R3 = pricing.OFFERINGS["3-year No Upfront"]
_R1 = pricing.OFFERINGS["1-year No Upfront"]

EXPECTED = [
    # (exercise, the model's answer, the mistake the hint warns about)
    (ex.right_size_winner, ec2.right_size(3, 10, 0.2).best.name, "t3.xlarge"),
    (ex.t3_surplus_month, ec2.surplus_usd_per_hour(_T3, 3.0) * ec2.HOURS_PER_MONTH, "109.5"),
    (
        ex.breakeven_three_year,
        100 * ec2.breakeven_utilization(_OD, _R3.upfront_usd, _R3.recurring_usd_per_hour, _R3.term_hours),
        str(100 * ec2.breakeven_utilization(_OD, _R1.upfront_usd, _R1.recurring_usd_per_hour, _R1.term_hours)),
    ),
    (
        ex.partition_loss,
        100 * placement.rack_failure_loss(placement.place("partition", 12, ["a", "b"], partitions_per_az=3)),
        "33.3 %",
    ),
    (ex.percent_rounding, 9 + autoscaling.scaling_adjustment(9, "PercentChangeInCapacity", 30), "12"),
    (ex.scale_in_victim, "i-b1", "i-b3"),
    (ex.cross_zone_off_share, 100 * elb.traffic_share({"a": 2, "b": 6}, False)["a"], "12.5%"),
    (ex.unhealthy_delay, elb.detection_delay_seconds(elb.HealthCheckConfig(10, 5, 3, 3))[0], "30 s"),
    (ex.lambda_bill, lambda_cost.lambda_monthly_cost(20e6, 200, 1024).total_usd, "70.67"),
    (
        ex.rolling_capacity,
        100 * beanstalk.deployment_timeline("Rolling", 10, batch_size=25).min_capacity_fraction,
        "75",
    ),
]


@pytest.mark.parametrize("exercise, right, wrong", EXPECTED, ids=[e[0].id for e in EXPECTED])
def test_the_model_answer_passes_and_a_wrong_one_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_hand_worked_answers_agree_with_the_models():
    # worked by hand from the notebooks' rules: (3 - 0.4 x 4) x 0.05 x 730; 0.041 / 0.096; 2 of 12; floor(2.7) = 2;
    # 0.5 / 2; 3 x 10 + 5; (19e6 x 0.20 / 1e6) + (4e6 - 400,000) x 0.0000166667; 7 of 10 serving
    hand = [51.1, 100 * 0.041 / 0.096, 100 * 2 / 12, 11, 25, 35, 3.8 + 3.6e6 * 0.0000166667, 70]
    numbers = [e for e, _, _ in EXPECTED if e.kind == "number"]
    assert [e.check(h).right for e, h in zip(numbers, hand, strict=True)] == [True] * len(hand)


def test_ids_are_prefixed_with_the_notebook_topic():
    ids = [e[0].id for e in EXPECTED]
    assert len(set(ids)) == len(ids)
    prefixes = ("ec2-basics-", "paying-for-ec2-", "auto-scaling-", "load-balancing-", "lambda-beanstalk-")
    assert all(i.startswith(prefixes) for i in ids)
