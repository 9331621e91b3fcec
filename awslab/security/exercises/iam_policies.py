"""Exercises for 02_iam_policies: a policy to write (checked by awslab.security.iam.evaluate), a decision to predict
and a session length, all answered by the chapter's evaluator and credentials model.

>>> reports_writer.check(REPORTS_WRITER_SOLUTION).right
True
>>> demo_delete.answer, chained_session.answer
('explicitDeny', 3600)

References:
    - IAM User Guide, "Policy evaluation logic",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (read 2026-12-03)
    - IAM User Guide, "Methods to assume a role" (role chaining limits a session to one hour),
      https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html (read 2026-11-27)
"""

from __future__ import annotations

import json

from awslab import exercises
from awslab.security import credentials, iam, presets

BUCKET = "arn:aws:s3:::reports"
# (action, resource, should it be allowed?)
REPORTS_WRITER_PROBES = (
    ("s3:GetObject", f"{BUCKET}/2026/q3.csv", True),
    ("s3:PutObject", f"{BUCKET}/2026/q4.csv", True),
    ("s3:ListBucket", BUCKET, True),
    ("s3:DeleteObject", f"{BUCKET}/2026/q3.csv", False),
    ("s3:DeleteObjectVersion", f"{BUCKET}/2026/q3.csv", False),
    ("s3:GetObject", "arn:aws:s3:::payroll/salaries.csv", False),
    ("s3:PutObject", "arn:aws:s3:::payroll/salaries.csv", False),
    ("s3:PutBucketPolicy", BUCKET, False),
    ("s3:DeleteBucket", BUCKET, False),
    ("iam:CreateUser", "*", False),
)
REPORTS_WRITER_SOLUTION = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": BUCKET},
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": f"{BUCKET}/*"},
    ],
}


def _reports_writer(value) -> tuple[bool, str]:
    if isinstance(value, (dict, str)):
        policies = [value]
    else:
        return False, f"give one policy document (a dict or JSON text), not {type(value).__name__}"
    try:
        wrong = [
            f"{action} on {resource} is {decision.decision} (want {'allowed' if want else 'denied'})"
            for action, resource, want in REPORTS_WRITER_PROBES
            if (decision := iam.evaluate(policies, action, resource)).allowed != want
        ]
    except ValueError as error:
        return False, f"IAM would refuse that policy: {error}"
    if wrong:
        return False, "; ".join(wrong[:3]) + (f" (and {len(wrong) - 3} more)" if len(wrong) > 3 else "")
    return True, f"all {len(REPORTS_WRITER_PROBES)} test requests get the decision they should"


reports_writer = exercises.code(
    "iam-policies-1",
    "Upload and read, but never delete",
    task=(
        "Write an identity-based policy (a dict or JSON text) that lets an analyst list the bucket `reports`, read "
        "and upload its objects, but not delete them, and allows nothing else (no other bucket, no bucket "
        "settings, no IAM). The check evaluates it against "
        + ", ".join(f"`{a}` on `{r}`" for a, r, _ in REPORTS_WRITER_PROBES)
        + "."
    ),
    checker=_reports_writer,
    hint=(
        "Paste your draft into the policy explorer and try the actions. `s3:ListBucket` applies to the bucket ARN, "
        "object actions to `arn:aws:s3:::reports/*`: one statement per resource type. `s3:*` or `s3:Put*` "
        "let through more than you mean."
    ),
    solution=(
        "Two Allow statements: `s3:ListBucket` on `arn:aws:s3:::reports`, and `s3:GetObject` plus `s3:PutObject` "
        "on `arn:aws:s3:::reports/*`. Deletes need no Deny: nothing allows them, so the implicit deny stands. "
        "In JSON: `" + json.dumps(REPORTS_WRITER_SOLUTION) + "`"
    ),
)

DEMO_DELETE = ("s3:DeleteObject", "arn:aws:s3:::reports/alice/old.csv")
DEMO_DELETE_CONTEXT = {"aws:username": "alice", "aws:SourceIp": "198.51.100.7", "aws:MultiFactorAuthPresent": True}

demo_delete = exercises.choice(
    "iam-policies-2",
    "Predict the demo policy's decision",
    task=(
        "alice signed in with MFA from 198.51.100.7 and calls `s3:DeleteObject` on "
        "`arn:aws:s3:::reports/alice/old.csv`. What does the demo policy (the one the policy explorer starts "
        "from) decide?"
    ),
    choices=iam.DECISIONS,
    answer=iam.evaluate([presets.DEMO_POLICY], *DEMO_DELETE, context=DEMO_DELETE_CONTEXT).decision,
    hint="Read the policy's four statements: is there a Deny whose condition holds for this address? A Deny wins.",
    solution=(
        "explicitDeny: `DeleteInOwnFolder` allows the delete, but `NeverDeleteFromOutside` denies s3:DeleteObject "
        "whenever the source IP is *not* in 203.0.113.0/24, and 198.51.100.7 is outside it. A matching Deny beats "
        "any Allow; MFA does not matter here."
    ),
)

chained_session = exercises.number(
    "iam-policies-3",
    "How long does a chained session last?",
    task=(
        "A role's owner raised its MaxSessionDuration to 12 hours. A Lambda function, already running as another "
        "role, assumes it (role chaining). What is the longest DurationSeconds STS grants?"
    ),
    answer=credentials.credential_lifetime(
        "AssumeRole", None, role_max_session_seconds=credentials.ROLE_MAX_SESSION_SECONDS_LIMIT, role_chaining=True
    ).maximum_seconds,
    unit="s",
    tolerance=0,
    hint="Read the lifetime table under 'How long temporary credentials live': one rule overrides the role's maximum.",
    solution=(
        "3,600 s: role chaining caps the session at one hour whatever the role's MaxSessionDuration (43,200 s here "
        "applies only to a first hop, e.g. a user assuming the role)."
    ),
)
