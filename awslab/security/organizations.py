"""AWS Organizations for the evaluator: the policy hierarchy of an account, AWS's default and sample SCPs and RCPs, and
the exam's classic layered-permission scenarios as presets.

An organization is a tree: the root, organizational units (OUs, nested up to five levels below the root) and accounts.
SCPs and RCPs attach to any node; a request is measured against every node on the path from the root down to the
account, one *level* per node (:func:`levels_for_account`). AWS attaches ``FullAWSAccess`` (SCPs) and
``RCPFullAWSAccess`` (RCPs) to every node when the policy type is enabled, so a guardrail is written as a Deny next to
them; detaching FullAWSAccess from a node without another Allow there blocks everything below it.

>>> levels_for_account("111122223333", {"111122223333": "ou-prod", "ou-prod": "r-root"},
...                    {"r-root": [FULL_AWS_ACCESS], "ou-prod": [FULL_AWS_ACCESS], "111122223333": [FULL_AWS_ACCESS]})[0]
[{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}]

References:
    - AWS Organizations User Guide, "Service control policies (SCPs)", "SCP evaluation" (FullAWSAccess, inheritance),
      https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
      (read 2026-12-03)
    - AWS Organizations User Guide, "Resource control policies (RCPs)", "RCP evaluation" (RCPFullAWSAccess cannot be
      detached), https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
      (read 2026-12-03)
    - AWS Organizations User Guide, "Quotas and service limits" (OUs nest at most five levels below the root),
      https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html (read 2026-12-03)
    - AWS KMS Developer Guide, "Resource control policies in AWS KMS" (the identity-perimeter sample RCP),
      https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html (read 2026-12-03)
    - AWS KMS Developer Guide, "Default key policy" (the "Enable IAM User Permissions" statement),
      https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html (read 2026-12-03)
    - AWS Managed Policy Reference, "AdministratorAccess",
      https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html (read 2026-12-03)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from awslab.security import iam
from awslab.validate import checked

MAX_OU_DEPTH = 5  # OUs below the root (Organizations quotas, read 2026-12-03)
_TARGET = re.compile(r"^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|ou-[a-z0-9-]{1,40}|\d{12})$")

FULL_AWS_ACCESS = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
RCP_FULL_AWS_ACCESS = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}],
}
ADMINISTRATOR_ACCESS = FULL_AWS_ACCESS  # the AWS managed policy has the same single statement
DENY_ROOT_USER = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "DenyRootUser",
            "Effect": "Deny",
            "Action": "*",
            "Resource": "*",
            "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}},
        }
    ],
}
DENY_LEAVE_ORGANIZATION = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "DenyLeaveOrg", "Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}
    ],
}
# Global services excluded from a Region guardrail (a short list for the course; AWS's sample lists more).
GLOBAL_ACTIONS = ("iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*", "route53:*")


@checked
def region_guardrail(allowed_regions: list[str]) -> dict[str, Any]:
    """An SCP that denies every action outside ``allowed_regions`` except those of global services (GLOBAL_ACTIONS).

    >>> region_guardrail(["eu-west-1"])["Statement"][0]["Condition"]
    {'StringNotEquals': {'aws:RequestedRegion': ['eu-west-1']}}
    """
    if not allowed_regions or not all(re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d+", r) for r in allowed_regions):
        raise ValueError(f"allowed_regions={allowed_regions!r} must list one or more Region codes such as 'us-east-1'")
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DenyOutsideAllowedRegions",
                "Effect": "Deny",
                "NotAction": list(GLOBAL_ACTIONS),
                "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": list(allowed_regions)}},
            }
        ],
    }


def identity_perimeter_rcp(org_id: str) -> dict[str, Any]:
    """AWS's sample RCP: deny access to the organization's resources from principals outside it (AWS services
    exempt through aws:PrincipalIsAWSService).

    >>> identity_perimeter_rcp("o-a1b2c3d4e5")["Statement"][0]["Sid"]
    'RCPEnforceIdentityPerimeter'
    """
    if not isinstance(org_id, str) or not re.fullmatch(r"o-[a-z0-9]{10,32}", org_id):
        raise ValueError(f"org_id={org_id!r} must be an organization ID such as 'o-a1b2c3d4e5'")
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "RCPEnforceIdentityPerimeter",
                "Effect": "Deny",
                "Principal": "*",
                "Action": ["s3:*", "kms:*", "sqs:*", "sts:AssumeRole", "secretsmanager:*"],
                "Resource": "*",
                "Condition": {
                    "StringNotEqualsIfExists": {"aws:PrincipalOrgID": org_id},
                    "Bool": {"aws:PrincipalIsAWSService": "false"},
                },
            }
        ],
    }


@checked
def levels_for_account(account_id: str, parents: dict[str, str], attached: dict[str, list[Any]]) -> list[list[Any]]:
    """The SCP (or RCP) levels for ``account_id``: the policies attached to each node from the root down to the
    account. ``parents`` maps each child id (account or OU) to its parent's id (what ``ListParents`` returns);
    ``attached`` maps a node id to its policy documents (``ListPoliciesForTarget`` + ``DescribePolicy``).

    >>> levels_for_account("111122223333", {"111122223333": "r-ab12"}, {"r-ab12": [FULL_AWS_ACCESS], "111122223333": []})
    Traceback (most recent call last):
    ...
    ValueError: node '111122223333' has no policy attached: AWS requires at least one on every root, OU and account
    """
    if not isinstance(account_id, str) or not re.fullmatch(r"\d{12}", account_id):
        raise ValueError(f"account_id={account_id!r} must be a 12-digit account ID")
    path = [account_id]
    while path[-1] in parents:
        parent = parents[path[-1]]
        if not isinstance(parent, str) or not _TARGET.match(parent):
            raise ValueError(f"parents[{path[-1]!r}]={parent!r} must be a root (r-...) or OU (ou-...) id")
        if parent in path or len(path) > MAX_OU_DEPTH + 1:
            raise ValueError(
                f"parents makes a path longer than the root, {MAX_OU_DEPTH} OU levels and the account "
                f"(or a cycle) at {parent!r}"
            )
        path.append(parent)
    if not path[-1].startswith("r-"):
        raise ValueError(f"parents leads from {account_id!r} to {path[-1]!r}, not to the organization root (r-...)")
    levels = []
    for node in reversed(path):
        documents = attached.get(node)
        if not documents:
            raise ValueError(
                f"node {node!r} has no policy attached: AWS requires at least one on every root, OU and account"
            )
        if not isinstance(documents, list):
            raise ValueError(f"attached[{node!r}] must be a list of policy documents, got {type(documents).__name__}")
        levels.append(list(documents))
    return levels


@dataclass(frozen=True)
class Scenario:
    """One request through the layers, as the exam tells it, with the change that fixes it.

    >>> SCENARIOS["developer with AdministratorAccess, capped by a boundary"].request["action"]
    'iam:CreateUser'
    """

    title: str
    story: str
    request: dict[str, Any]
    fix: str
    fixed: dict[str, Any] = field(default_factory=dict)


MANAGEMENT = "111111111111"
PROD = "222222222222"
DEV = "333333333333"
PARTNER = "444444444444"
ORG_ID = "o-exampleorg1"
KEY_ARN = f"arn:aws:kms:us-east-1:{PROD}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ORG_SCPS = [[FULL_AWS_ACCESS, DENY_ROOT_USER], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS]]  # root, OU Workloads, account

_DEV_BOUNDARY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "DeveloperBoundary", "Effect": "Allow", "Action": ["s3:*", "cloudwatch:*", "ec2:*"], "Resource": "*"}
    ],
}
_ANALYST_READ = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-reports/*"}],
}
_KEY_ADMIN_ONLY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "KeyAdministrators",
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{PROD}:role/KeyAdmin"},
            "Action": "kms:*",
            "Resource": "*",
        }
    ],
}
_KEY_DEFAULT = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{PROD}:root"},
            "Action": "kms:*",
            "Resource": "*",
        },
        _KEY_ADMIN_ONLY["Statement"][0],
    ],
}
_APP_DECRYPT = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:Encrypt"], "Resource": "*"}],
}
_PARTNER_BUCKET_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "PartnerRead",
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{PARTNER}:root"},
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::prod-reports/*",
        }
    ],
}
_CROSS = {
    "policies": [_ANALYST_READ],
    "action": "s3:GetObject",
    "resource": "arn:aws:s3:::prod-reports/2026/q3.csv",
    "principal": f"arn:aws:sts::{PARTNER}:assumed-role/Analyst/alice",
    "resource_account": PROD,
}

SCENARIOS: dict[str, Scenario] = {
    "developer with AdministratorAccess, capped by a boundary": Scenario(
        "Boundary caps an administrator",
        "A developer's user has AdministratorAccess, and a permissions boundary that allows S3, CloudWatch and EC2 "
        "only. Creating an IAM user is outside the boundary.",
        {
            "policies": [ADMINISTRATOR_ACCESS],
            "action": "iam:CreateUser",
            "resource": f"arn:aws:iam::{DEV}:user/new-hire",
            "principal": f"arn:aws:iam::{DEV}:user/dev-alice",
            "permissions_boundary": _DEV_BOUNDARY,
            "scps": ORG_SCPS,
            "management_account": MANAGEMENT,
        },
        "Ask for an action inside the boundary (s3:PutObject).",
        {"action": "s3:PutObject", "resource": "arn:aws:s3:::dev-scratch/notes.txt"},
    ),
    "member-account root user blocked by an SCP": Scenario(
        "SCP blocks a member's root user",
        "The organization root carries an SCP that denies everything to any root user. The root user of a member "
        "account tries to launch an instance: nothing in its own account limits it, the SCP does.",
        {
            "policies": [],
            "action": "ec2:RunInstances",
            "resource": f"arn:aws:ec2:us-east-1:{PROD}:instance/*",
            "principal": f"arn:aws:iam::{PROD}:root",
            "scps": ORG_SCPS,
            "management_account": MANAGEMENT,
        },
        "The same request from the management account's root user: SCPs never limit the management account.",
        {"resource": f"arn:aws:ec2:us-east-1:{MANAGEMENT}:instance/*", "principal": f"arn:aws:iam::{MANAGEMENT}:root"},
    ),
    "cross-account S3 read without a bucket policy": Scenario(
        "Cross-account read, no bucket policy",
        "An analyst role in a partner account may read prod-reports/* by its own policy, but the bucket in the "
        "production account has no bucket policy: across accounts both sides must allow.",
        dict(_CROSS),
        "Add a bucket policy that allows the partner account (its root principal) to s3:GetObject.",
        {"resource_policies": [_PARTNER_BUCKET_POLICY]},
    ),
    "KMS key policy without IAM permissions": Scenario(
        "Key policy ignores IAM",
        "An application user's IAM policy allows kms:Decrypt on every key, but the key policy names only the key "
        "administrators' role: without the account in the key policy, IAM policies do not count.",
        {
            "policies": [_APP_DECRYPT],
            "action": "kms:Decrypt",
            "resource": KEY_ARN,
            "principal": f"arn:aws:iam::{PROD}:user/app",
            "resource_policies": [_KEY_ADMIN_ONLY],
        },
        "Use the default key policy, whose first statement allows the account root principal (IAM policies count).",
        {"resource_policies": [_KEY_DEFAULT]},
    ),
    "RCP keeps outsiders out despite a bucket policy": Scenario(
        "RCP overrides a bucket policy",
        "The bucket policy lets the partner account read, but the organization's identity-perimeter RCP denies "
        "access from principals outside the organization.",
        {
            **_CROSS,
            "resource_policies": [_PARTNER_BUCKET_POLICY],
            "rcps": [[RCP_FULL_AWS_ACCESS, identity_perimeter_rcp(ORG_ID)], [RCP_FULL_AWS_ACCESS]],
            "context": {"aws:PrincipalIsAWSService": False},
            "management_account": MANAGEMENT,
        },
        "The partner joins the organization: the request now carries aws:PrincipalOrgID = the organization's ID.",
        {"context": {"aws:PrincipalIsAWSService": False, "aws:PrincipalOrgID": ORG_ID}},
    ),
}


@checked
def scenario_request(scenario: str, fixed: bool = False) -> dict[str, Any]:
    """The keyword arguments of :func:`awslab.security.iam.evaluate` for ``scenario`` (with its fix applied).

    >>> scenario_request("KMS key policy without IAM permissions")["action"]
    'kms:Decrypt'
    """
    if scenario not in SCENARIOS:
        raise ValueError(f"scenario={scenario!r} is not one of: {', '.join(SCENARIOS)}")
    if not isinstance(fixed, bool):
        raise ValueError(f"fixed={fixed!r} must be True or False")
    preset = SCENARIOS[scenario]
    return {**preset.request, **(preset.fixed if fixed else {})}


@checked
@lru_cache(maxsize=64)
def evaluate_scenario(scenario: str, fixed: bool = False) -> iam.Evaluation:
    """Evaluate a preset scenario through every layer.

    >>> evaluate_scenario("member-account root user blocked by an SCP").reason
    'denied by an SCP at level 0 (Sid DenyRootUser)'
    >>> evaluate_scenario("member-account root user blocked by an SCP", fixed=True).decision
    'allowed'
    """
    request = scenario_request(scenario, fixed)
    return iam.evaluate(request.pop("policies"), request.pop("action"), request.pop("resource"), **request)


# The lab's organization: root -> Workloads OU -> Prod OU -> the prod account, and the requests tried against it.
LAB_REQUESTS = (
    ("admin role", "ec2:RunInstances", "us-east-1"),
    ("admin role", "ec2:RunInstances", "ap-southeast-2"),
    ("admin role", "iam:CreateRole", "ap-southeast-2"),
    ("admin role", "organizations:LeaveOrganization", "us-east-1"),
    ("root user", "ec2:RunInstances", "us-east-1"),
)


@checked
def lab_scps(allowed_regions: list[str], deny_root_user: bool = True) -> list[list[dict[str, Any]]]:
    """The SCP levels the lab attaches: root (FullAWSAccess, and DenyRootUser if asked), Workloads OU (FullAWSAccess
    and the Region guardrail), Prod OU (FullAWSAccess and DenyLeaveOrganization), the account (FullAWSAccess).

    >>> [len(level) for level in lab_scps(["us-east-1"])]
    [2, 2, 2, 1]
    """
    if not isinstance(deny_root_user, bool):
        raise ValueError(f"deny_root_user={deny_root_user!r} must be True or False")
    root = [FULL_AWS_ACCESS, DENY_ROOT_USER] if deny_root_user else [FULL_AWS_ACCESS]
    return [root, [FULL_AWS_ACCESS, region_guardrail(allowed_regions)], [FULL_AWS_ACCESS, DENY_LEAVE_ORGANIZATION],
            [FULL_AWS_ACCESS]]  # fmt: skip


@checked
def guardrail_table(scps: list[list[Any]], account_id: str, management_account: str) -> list[dict[str, str]]:
    """Each of LAB_REQUESTS from ``account_id`` (an administrator role with AdministratorAccess, or the root user)
    under ``scps``: who, action, Region, decision, deciding layer and reason.

    >>> rows = guardrail_table(lab_scps(["us-east-1"]), PROD, MANAGEMENT)
    >>> [row["decision"] for row in rows]
    ['allowed', 'explicitDeny', 'allowed', 'explicitDeny', 'explicitDeny']
    """
    for name, value in (("account_id", account_id), ("management_account", management_account)):
        if not isinstance(value, str) or not re.fullmatch(r"\d{12}", value):
            raise ValueError(f"{name}={value!r} must be a 12-digit account ID")
    callers = {
        "admin role": f"arn:aws:sts::{account_id}:assumed-role/Admin/ops",
        "root user": f"arn:aws:iam::{account_id}:root",
    }
    rows = []
    for who, action, region in LAB_REQUESTS:
        result = iam.evaluate(
            [ADMINISTRATOR_ACCESS] if who == "admin role" else [],
            action,
            "*",
            context={"aws:RequestedRegion": region},
            principal=callers[who],
            scps=scps,
            management_account=management_account,
        )
        rows.append(
            {
                "who": who,
                "action": action,
                "Region": region,
                "decision": result.decision,
                "layer": result.layer,
                "reason": result.reason,
            }
        )
    return rows


def scenario_table() -> list[dict[str, str]]:
    """Every preset scenario: its decision, the deciding layer and why, and the decision once fixed.

    >>> scenario_table()[0]["deciding layer"]
    'permissions_boundary'
    """
    rows = []
    for name, scenario in SCENARIOS.items():
        result, fixed = evaluate_scenario(name), evaluate_scenario(name, fixed=True)
        rows.append(
            {
                "scenario": scenario.title,
                "decision": result.decision,
                "deciding layer": result.layer,
                "reason": result.reason,
                "after the fix": fixed.decision,
            }
        )
    return rows
