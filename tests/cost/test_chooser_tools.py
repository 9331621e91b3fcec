"""Storage and database choices call the storage and databases models; the cost tools' models.

- AWS::Budgets::BudgetsAction (CloudFormation): ActionType APPLY_IAM_POLICY | APPLY_SCP_POLICY | RUN_SSM_DOCUMENTS.
- Trusted Advisor API (Support User Guide): Business, Enterprise On-Ramp or Enterprise Support today; Business
  Support+ from 2027.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.cost import chooser, tools
from awslab.databases import dynamodb
from awslab.storage import ebs_sizing, s3_lifecycle


def test_s3_choice_is_the_lifecycle_models_ranking():
    table = s3_lifecycle.compare_policies(
        s3_lifecycle.PRESET_POLICIES,
        object_count=1000,
        object_size_bytes=1024 * 1024,
        horizon_days=365,
        access=s3_lifecycle.AccessPattern(gets_per_month=2, half_life_days=30),
    )
    choice = chooser.s3_choice(1000, 1024, 2)
    assert choice.pick == table.iloc[0]["policy"]
    assert choice.monthly_usd == pytest.approx(table.iloc[0]["total"] / (365 / 30), rel=1e-4)


def test_hot_objects_stay_in_standard():
    assert chooser.s3_choice(1000, 1024, 100, half_life_days=0).pick == "stay in STANDARD"


def test_ebs_choice_is_the_ebs_models_cheapest_fit():
    cheapest = next(o for o in ebs_sizing.choose_volume(500, 4000, 200) if o.qualifies)
    assert chooser.ebs_choice(500, 4000, 200).pick == cheapest.volume_type == "gp3"
    with pytest.raises(ValueError, match="no EBS volume type sustains"):
        chooser.ebs_choice(1, 10**6, 10)


def test_dynamodb_choice_is_the_capacity_models_answer():
    cost = dynamodb.capacity_mode_cost(100, 25, 1024, peak_to_average=4)
    choice = chooser.dynamodb_choice(100, 25, 1024, peak_to_average=4)
    assert choice.pick == cost.cheaper_mode == "on-demand"
    assert dict(choice.options)["provisioned"] == pytest.approx(cost.provisioned_usd_per_month)


def test_budget_action_types_and_alerts():
    assert tools.BUDGET_ACTION_TYPES == ("APPLY_IAM_POLICY", "APPLY_SCP_POLICY", "RUN_SSM_DOCUMENTS")
    alerts = tools.budget_alerts(tools.EXAMPLE_BUDGET, tools.EXAMPLE_NOTIFICATIONS, actual_usd=85, forecasted_usd=120)
    assert [(a.threshold_usd, a.fires) for a in alerts] == [(80.0, True), (100.0, True)]
    absolute = [
        {
            "NotificationType": "ACTUAL",
            "ComparisonOperator": "GREATER_THAN",
            "Threshold": 50,
            "ThresholdType": "ABSOLUTE_VALUE",
        }
    ]
    assert tools.budget_alerts(tools.EXAMPLE_BUDGET, absolute, actual_usd=51, forecasted_usd=0)[0].fires
    with pytest.raises(ValueError, match="ComparisonOperator"):
        tools.budget_alerts(
            tools.EXAMPLE_BUDGET, [{"NotificationType": "ACTUAL", "Threshold": 1}], actual_usd=1, forecasted_usd=1
        )


def test_trusted_advisor_cost_checks_need_a_business_level_plan():
    for plan in ("Basic", "Developer"):
        assert not set(tools.COST_CHECKS) & set(tools.trusted_advisor_checks(plan))
    for plan in ("Business", "Enterprise On-Ramp", "Enterprise", "Business Support+"):
        assert set(tools.COST_CHECKS) <= set(tools.trusted_advisor_checks(plan))
    assert set(tools.PLANS_ENDING_2027_01_01) == {"Developer", "Business", "Enterprise On-Ramp"}


def test_an_unactivated_tag_allocates_nothing():
    assert tools.allocate_by_tag(tools.EXAMPLE_LINE_ITEMS, "team", activated=False).by_value == {}
    aws_tag = [{"lineItem/UnblendedCost": "5", "resourceTags/aws:createdBy": "Root"}]
    assert tools.allocate_by_tag(aws_tag, "createdBy", aws_generated=True).by_value == {"Root": 5.0}


@given(st.lists(st.floats(min_value=0, max_value=10**6, allow_nan=False), min_size=1, max_size=20))
def test_consolidation_only_loses_the_extra_free_allowances(gbs):
    org = tools.consolidated_egress(gbs)
    extra_allowances = (len(gbs) - 1) * 100 * 0.09
    assert org.consolidated_usd <= org.separate_usd + extra_allowances + 1e-6


@given(st.lists(st.tuples(st.sampled_from(["a", "b", ""]), st.floats(min_value=0, max_value=1000)), max_size=30))
def test_allocation_adds_up(rows):
    items = [{"lineItem/UnblendedCost": str(cost), "resourceTags/user:team": team} for team, cost in rows]
    split = tools.allocate_by_tag(items, "team")
    assert sum(split.by_value.values()) + split.untagged_usd == pytest.approx(split.total_usd, abs=1e-4)
