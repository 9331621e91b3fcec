"""Buying compute: what each commitment covers after the fleet changes, and sizing a commitment against usage.

AWS's documented examples:
- Cost Explorer API, "CoverageNormalizedUnits": an xlarge uses 8 normalized units and a 2xlarge 16, so a 2xlarge
  uses twice as much of a reservation
  (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_CoverageNormalizedUnits.html).
- Cost Explorer API, "SavingsPlansUtilization": UtilizationPercentage = UsedCommitment / TotalCommitment.
- Savings Plans API, "SavingsPlans": commitment 0.001 to 5,000 USD per hour.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute import ec2, pricing
from awslab.cost import commitments as c


def test_normalized_units_follow_the_cost_explorer_example():
    assert c.normalization_factor("m5.xlarge") == 8 and c.normalization_factor("m5.2xlarge") == 16
    assert c.normalization_factor("m5.2xlarge") == 2 * c.normalization_factor("m5.xlarge")
    assert c.normalization_factor("c5.large") == 4 and c.NORMALIZATION_FACTORS["nano"] == 0.25


def test_utilisation_is_used_over_total_commitment():
    o = c.commitment_outcome([10.0, 0.0], 3.0, discount=0.5)  # hour 1 uses 3 of 3, hour 2 uses 0 of 3
    assert o.used_commitment_usd == 3.0 and o.commitment_usd == 6.0 and o.utilisation == 0.5


def test_commitment_limit_from_the_savings_plans_api():
    assert c.SAVINGS_PLAN_MAX_COMMITMENT_USD_PER_HOUR == 5000
    with pytest.raises(ValueError, match="commitment_usd_per_hour=5001"):
        c.commitment_outcome([1.0], 5001)


def test_standard_ri_discount_is_the_compute_chapters_offering():
    offer = pricing.OFFERINGS["1-year No Upfront"]
    assert c.STANDARD_RI_DISCOUNT == pytest.approx(
        1 - offer.recurring_usd_per_hour / pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR
    )
    assert c.DEFAULT_DISCOUNTS["Standard RI (regional)"] == c.DEFAULT_DISCOUNTS["EC2 Instance Savings Plan"]


def test_spot_discount_matches_the_compute_chapters_spot_model():
    import inspect

    assert (
        c.DEFAULT_DISCOUNTS["Spot"] == inspect.signature(pricing.spot_price_process).parameters["mean_discount"].default
    )


def test_prices_come_from_the_compute_table():
    first = c.compare_purchases(c.changing_fleet(12, 12))[0]
    m5_xlarge = next(t.usd_per_hour for t in ec2.DEFAULT_INSTANCE_TYPES if t.name == "m5.xlarge")
    assert first.total_usd == pytest.approx(4 * m5_xlarge * 12 * 730)


def test_only_compute_savings_plan_survives_a_family_and_region_move():
    by = {r.option: r for r in c.compare_purchases(c.changing_fleet(6, 6))}
    last = {name: r.phases[-1].covered_fraction for name, r in by.items()}
    assert last["Compute Savings Plan"] == 1.0
    assert last["EC2 Instance Savings Plan"] == last["Standard RI (regional)"] == last["Convertible RI (regional)"] == 0
    assert by["EC2 Instance Savings Plan"].savings_usd < 0 < by["Compute Savings Plan"].savings_usd


def test_convertible_follows_the_family_not_the_region():
    by = {r.option: r for r in c.compare_purchases(c.changing_fleet(4, 8))}
    assert [p.covered_fraction for p in by["Convertible RI (regional)"].phases] == [1.0, 1.0, 0.0]
    assert [p.covered_fraction for p in by["Standard RI (regional)"].phases] == [1.0, 0.0, 0.0]


def test_standard_ri_size_flexibility_covers_a_resize_in_the_family():
    fleet = [
        {"Months": 6, "InstanceType": "m5.xlarge", "Region": "us-east-1", "InstanceCount": 4},
        {"Months": 6, "InstanceType": "m5.4xlarge", "Region": "us-east-1", "InstanceCount": 2},  # 64 units
    ]
    ri = {r.option: r for r in c.compare_purchases(fleet)}["Standard RI (regional)"]
    assert [p.covered_fraction for p in ri.phases] == [1.0, 0.5]  # 32 reserved units of 64 running


def test_no_change_means_the_tighter_commitment_wins():
    by = {r.option: r for r in c.compare_purchases(c.changing_fleet(12, 12))}
    assert by["EC2 Instance Savings Plan"].savings_usd > by["Compute Savings Plan"].savings_usd > 0


def test_bad_fleets_are_named():
    with pytest.raises(ValueError, match="add up to 12 months"):
        c.parse_fleet([{"Months": 3, "InstanceType": "m5.large", "Region": "us-east-1", "InstanceCount": 1}])
    with pytest.raises(ValueError, match=r"phases\[0\]\.InstanceType='x1.huge' is not in the price table"):
        c.parse_fleet([{"Months": 12, "InstanceType": "x1.huge", "Region": "us-east-1", "InstanceCount": 1}])
    with pytest.raises(ValueError, match="missing InstanceCount"):
        c.parse_fleet([{"Months": 12, "InstanceType": "m5.large", "Region": "us-east-1"}])
    with pytest.raises(ValueError, match="discounts key"):
        c.compare_purchases(c.EXAMPLE_FLEET, discounts={"Magic Plan": 0.9})


def test_offering_rate_reads_the_ec2_shape():
    rate = c.offering_rate({"InstanceType": "m5.large", "Duration": 31536000, "FixedPrice": 0.0, "UsagePrice": 0.06})
    assert rate.effective_usd_per_hour == 0.06 and rate.breakeven_utilization == pytest.approx(0.625)
    with pytest.raises(ValueError, match="RecurringCharges"):
        c.offering_rate({"InstanceType": "m5.large", "Duration": 31536000, "RecurringCharges": [{"Amount": 1}]})


def test_best_commitment_rule_on_a_two_level_history():
    usage = [10.0] * 30 + [2.0] * 70  # at 50 % off: 5 USD/h for 30 hours, 1 USD/h for 70
    assert c.best_commitment(usage, discount=0.5) == 1.0  # reached in 100 % of hours; 5 only in 30 % < 50 %
    assert c.best_commitment(usage, discount=0.75) == 2.5  # 25 % of hours suffice: the busy hours, 10 x 0.25
    assert c.break_even_commitment(usage, discount=0.5) == pytest.approx(3.5)


usages = st.lists(st.floats(min_value=0, max_value=50, allow_nan=False), min_size=1, max_size=200)
discounts = st.floats(min_value=0.05, max_value=0.7)
levels = st.floats(min_value=0, max_value=60)


@given(usages, discounts, levels, levels)
def test_more_commitment_never_raises_on_demand_spend_and_commitment_spend_is_monotone(usage, d, a, b):
    low, high = sorted((a, b))
    lo, hi = c.commitment_outcome(usage, low, discount=d), c.commitment_outcome(usage, high, discount=d)
    assert hi.on_demand_usd <= lo.on_demand_usd + 1e-9
    assert hi.commitment_usd >= lo.commitment_usd
    assert hi.coverage >= lo.coverage - 1e-12


@given(usages, discounts, levels)
def test_utilisation_and_coverage_stay_in_range(usage, d, level):
    o = c.commitment_outcome(usage, level, discount=d)
    assert 0 <= o.utilisation <= 1 and 0 <= o.coverage <= 1
    assert o.unused_commitment_usd >= -1e-9


@given(usages, discounts)
def test_no_commitment_saves_nothing_and_the_best_beats_every_level(usage, d):
    assert c.commitment_outcome(usage, 0, discount=d).savings_usd == 0
    best = c.commitment_outcome(usage, c.best_commitment(usage, discount=d), discount=d).savings_usd
    for o in c.commitment_sweep(usage, [x * max(usage) / 10 for x in range(12)], discount=d):
        assert o.savings_usd <= best + 1e-6


@given(usages, discounts)
def test_savings_are_non_negative_up_to_the_break_even(usage, d):
    even = c.break_even_commitment(usage, discount=d)
    for share in (0.25, 0.5, 0.9):
        assert c.commitment_outcome(usage, even * share, discount=d).savings_usd >= -1e-6


@given(st.integers(0, 12), st.integers(0, 12))
def test_compute_savings_plan_covers_at_least_as_much_as_any_commitment(family, region):
    results = c.compare_purchases(c.changing_fleet(family, region))
    compute = next(r for r in results if r.option == "Compute Savings Plan")
    for r in results:
        if r.option not in ("On-Demand", "Spot"):
            for mine, theirs in zip(compute.phases, r.phases, strict=True):
                assert mine.covered_fraction >= theirs.covered_fraction
