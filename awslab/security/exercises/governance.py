"""Exercises for 06_governance, answered by the layered evaluator and the Organizations presets.

>>> which_layer.answer
'permissions boundary'

References:
    - IAM User Guide, "Permissions boundaries for IAM entities",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html (read 2026-12-03)
    - AWS Organizations User Guide, "Service control policy examples" (the Region guardrail with NotAction),
      https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.security import iam, organizations
from awslab.security.layers import LAYER_LABELS


def _which_layer() -> str:
    request = organizations.scenario_request("developer with AdministratorAccess, capped by a boundary")
    request["action"] = "iam:CreateUser"
    request["session_policies"] = [organizations.FULL_AWS_ACCESS]
    result = iam.evaluate(request.pop("policies"), request.pop("action"), request.pop("resource"), **request)
    return LAYER_LABELS[result.layer]


which_layer = exercises.choice(
    "governance-1",
    "Which layer says no?",
    task=(
        "dev-alice (AdministratorAccess, the S3/CloudWatch/EC2 boundary of the first scenario) now works through a "
        "session whose session policy allows everything (`Action: *`). She calls `iam:CreateUser`. Which layer "
        "decides the implicit deny?"
    ),
    choices=tuple(LAYER_LABELS.values()),
    answer=_which_layer(),
    hint="A session policy can only take away; check what the boundary allows.",
    solution=(
        "The permissions boundary: the identity policy and the session policy both allow iam:CreateUser, but the "
        "boundary holds no Allow for it, and every one of the three must allow."
    ),
)


REGION_REQUESTS = (
    ("ec2:RunInstances", "us-east-1"),
    ("ec2:RunInstances", "ap-southeast-2"),
    ("s3:PutObject", "eu-west-1"),
    ("iam:CreateRole", "ap-southeast-2"),
    ("dynamodb:PutItem", "sa-east-1"),
    ("sts:AssumeRole", "sa-east-1"),
)


def allowed_under_region_guardrail(allowed_regions: tuple[str, ...] = ("us-east-1", "eu-west-1")) -> int:
    """How many of REGION_REQUESTS an administrator role of a member account may make under the region SCP.

    >>> allowed_under_region_guardrail()
    4
    """
    if not isinstance(allowed_regions, (list, tuple)):
        raise ValueError(f"allowed_regions={allowed_regions!r} must be a list of Region codes such as 'us-east-1'")
    scps = [[organizations.FULL_AWS_ACCESS, organizations.region_guardrail(list(allowed_regions))]]
    principal = f"arn:aws:sts::{organizations.PROD}:assumed-role/Admin/ops"
    return sum(
        iam.evaluate(
            [organizations.ADMINISTRATOR_ACCESS],
            action,
            "*",
            context={"aws:RequestedRegion": region},
            principal=principal,
            scps=scps,
            management_account=organizations.MANAGEMENT,
        ).allowed
        for action, region in REGION_REQUESTS
    )


region_count = exercises.number(
    "governance-2",
    "Count what a Region guardrail lets through",
    task=(
        "An administrator role in a member account has AdministratorAccess. The organization root carries "
        "FullAWSAccess and the Region guardrail SCP allowing us-east-1 and eu-west-1 (global services exempt: "
        + ", ".join(organizations.GLOBAL_ACTIONS)
        + "). How many of these requests are allowed? "
        + "; ".join(f"`{a}` in {r}" for a, r in REGION_REQUESTS)
    ),
    answer=allowed_under_region_guardrail(),
    hint="The Deny uses NotAction: the listed global services are never denied by it, wherever they are called.",
    solution=(
        "4: RunInstances in us-east-1, PutObject in eu-west-1, and iam:CreateRole and sts:AssumeRole (global "
        "services, outside the Deny's NotAction) are allowed; RunInstances in ap-southeast-2 and PutItem in "
        "sa-east-1 are denied by the SCP."
    ),
)
