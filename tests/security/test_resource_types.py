"""The IAM grid marks cells whose action does not act on that kind of resource (issue 17: GetObject on a bucket ARN)."""

import pytest

from awslab.security import iam, presets


@pytest.mark.parametrize(
    ("action", "resource", "applies"),
    [
        ("s3:GetObject", "arn:aws:s3:::reports/q3.csv", True),
        ("s3:GetObject", "arn:aws:s3:::reports", False),
        ("s3:ListBucket", "arn:aws:s3:::reports", True),
        ("s3:ListBucket", "arn:aws:s3:::reports/q3.csv", False),
        ("ec2:StartInstances", "arn:aws:s3:::reports", False),
        ("sts:AssumeRole", "arn:aws:iam::123456789012:role/admin", True),
        ("s3:GetObject", "*", True),
    ],
)
def test_action_applies_to(action, resource, applies):
    assert iam.action_applies_to(action, resource) is applies


def test_grid_marks_impossible_requests_and_keeps_the_rest():
    resources = [r.strip() for r in presets.GRID_RESOURCES.split(",")]
    plain = iam.evaluate_grid([presets.DEMO_POLICY], presets.DEMO_ACTIONS, resources, context=presets.DEMO_CONTEXT)
    typed = iam.evaluate_grid(
        [presets.DEMO_POLICY], presets.DEMO_ACTIONS, resources, context=presets.DEMO_CONTEXT, resource_types=True
    )
    assert typed.loc["s3:GetObject", "arn:aws:s3:::reports"] == iam.NOT_APPLICABLE
    assert typed.loc["s3:ListBucket", "arn:aws:s3:::reports/alice/a.csv"] == iam.NOT_APPLICABLE
    assert typed.loc["s3:ListBucket", "arn:aws:s3:::reports"] == "allowed"
    kept = typed != iam.NOT_APPLICABLE
    assert (typed[kept] == plain[kept]).sum().sum() == kept.sum().sum()
    with pytest.raises(ValueError, match="resource_types"):
        iam.evaluate_grid([presets.DEMO_POLICY], ["s3:GetObject"], ["*"], resource_types="yes")
