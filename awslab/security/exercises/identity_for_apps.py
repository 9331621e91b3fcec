"""Exercises for 07_identity_for_apps; answers come from :mod:`awslab.security.app_identity` and the evaluator.

References:
    - AWS STS API Reference, "AssumeRole" (DurationSeconds, role chaining),
      https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (read 2026-12-03)
    - Amazon Cognito Developer Guide, "Identity pools authentication flow",
      https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html (read 2026-12-03)
    - IAM User Guide, "IAM policy elements: Variables and tags",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html (read 2026-12-03)
"""

from __future__ import annotations

import json

from awslab import exercises, validate
from awslab.security import app_identity, iam

_ENHANCED = app_identity.sign_in("identity-pool-enhanced")
credential_hours = exercises.number(
    "identity-for-apps-1",
    "How long do a mobile app's credentials last?",
    task=(
        "A mobile app signs its users in with a Cognito user pool and trades the ID token for AWS credentials "
        "through the identity pool's **enhanced** flow. For how many hours can it sign S3 requests before it must "
        "call `GetCredentialsForIdentity` again?"
    ),
    answer=_ENHANCED.usable_seconds / 3600,
    unit="h",
    hint="GetCredentialsForIdentity has no duration parameter.",
    solution=f"{_ENHANCED.usable_seconds / 3600:g} h: the enhanced flow always hands out one-hour credentials; "
    "choose the basic flow (AssumeRoleWithWebIdentity yourself) for another length.",
)

_CHAINED = app_identity.check_duration(7200, role_max_session_seconds=4 * 3600, role_chaining=True)
_CHOICES = (
    "granted for 2 hours",
    "granted for 4 hours",
    "refused: role chaining caps a session at 3,600 s",
    "refused: above the role's MaxSessionDuration",
)
chained_duration = exercises.choice(
    "identity-for-apps-2",
    "A chained AssumeRole",
    task=(
        "A role's MaxSessionDuration is 4 hours. A CI job that already runs under another role's temporary "
        "credentials calls `AssumeRole` on it with `DurationSeconds=7200`. What does STS do?"
    ),
    choices=_CHOICES,
    answer="granted for 2 hours" if _CHAINED.valid else f"refused: {_CHAINED.reason}",
    hint="Credentials of one role used to assume another: that is role chaining.",
    solution=f"STS refuses: {_CHAINED.reason}. Ask for 3,600 s or less, or start from non-role credentials.",
)

_CASES = (
    ("red", "red", "allowed"),
    ("red", "blue", "implicitDeny"),
    (None, "red", "implicitDeny"),
    ("red", None, "implicitDeny"),
)


def _abac_check(value):
    document = validate.json_document("policy", value)
    for principal, resource, want in _CASES:
        context = {}
        if principal is not None:
            context["aws:PrincipalTag/team"] = principal
        if resource is not None:
            context["aws:ResourceTag/team"] = resource
        got = iam.evaluate(
            [document], "ec2:StopInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", context=context
        ).decision
        if got != want:
            return False, (
                f"caller team={principal!r}, instance team={resource!r}: the evaluator says {got}, "
                f"the task wants {want}"
            )
    return True, "the evaluator allows only a caller whose team tag equals the instance's"


abac_policy = exercises.code(
    "identity-for-apps-3",
    "Write an ABAC policy",
    task=(
        "Write an identity policy (JSON text) that allows `ec2:StopInstances` on any instance only when the "
        "instance's `team` tag equals the caller's own `team` principal tag, without naming any team. Check it "
        "with `ex.abac_policy.check(text)`."
    ),
    checker=_abac_check,
    hint="Compare `aws:ResourceTag/team` with the policy variable `${aws:PrincipalTag/team}` in a StringEquals "
    "condition (policy Version 2012-10-17, or variables are not replaced).",
    solution="```json\n" + json.dumps(app_identity.abac_policy("team"), indent=1) + "\n```\n(ec2:StartInstances "
    "in the Action list is allowed too.)",
)
