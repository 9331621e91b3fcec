"""Side by side with moto's IAM evaluator (moto.iam.access_control.IAMPolicy) and a speed benchmark.

moto answers only part of the grammar: it ignores most condition operators (and treats a failed condition on an
Allow as a Deny), matches actions case-sensitively, knows '*' but not '?', and skips NotResource. The agreement
check therefore uses requests and identity policies inside that subset; there the two must agree exactly.
Run ``python tests/security/test_iam_moto.py`` to print the measured numbers.
"""

from __future__ import annotations

import json
import random
import time

from moto.iam.access_control import IAMPolicy, PermissionResult

from awslab.security.iam import evaluate
from awslab.security.iam_policy import compile_policy

ACCOUNT = "123456789012"
ACTIONS = [
    "s3:GetObject",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:ListBucket",
    "s3:GetBucketPolicy",
    "ec2:RunInstances",
    "ec2:TerminateInstances",
    "ec2:DescribeInstances",
    "iam:CreateUser",
    "iam:PassRole",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "kms:Decrypt",
    "kms:Encrypt",
    "sqs:SendMessage",
]
ACTION_PATTERNS = ACTIONS + ["s3:*", "s3:Get*", "s3:*Object", "ec2:Describe*", "dynamodb:*", "kms:*", "iam:*", "*"]
RESOURCES = [
    "arn:aws:s3:::app-data/reports/2026/q1.csv",
    "arn:aws:s3:::app-data",
    "arn:aws:s3:::logs/x.gz",
    f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abc",
    f"arn:aws:iam::{ACCOUNT}:user/alice",
    f"arn:aws:iam::{ACCOUNT}:role/app",
    f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/Orders",
    f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd",
    f"arn:aws:sqs:us-east-1:{ACCOUNT}:jobs",
]
RESOURCE_PATTERNS = RESOURCES + [
    "*",
    "arn:aws:s3:::app-data/*",
    "arn:aws:s3:::*",
    "arn:aws:ec2:*:*:instance/*",
    f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/*",
    f"arn:aws:iam::{ACCOUNT}:role/*",
]
CONDITIONS = [
    {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
    {"Bool": {"aws:SecureTransport": "true"}},
    {"StringLike": {"s3:prefix": "home/*"}},
    {"NumericLessThan": {"s3:max-keys": "100"}},
]


def realistic_policies(seed: int, count: int, moto_subset: bool) -> list[dict]:
    """Seeded corpus of identity policies shaped like real ones (3-8 statements, lists, wildcards, some denies)."""
    rnd = random.Random(seed)
    docs = []
    for _ in range(count):
        statements = []
        for _ in range(rnd.randint(3, 8)):
            statement = {
                "Effect": "Deny" if rnd.random() < 0.2 else "Allow",
                "Action": rnd.sample(ACTION_PATTERNS, rnd.randint(1, 4)),
                "Resource": rnd.sample(RESOURCE_PATTERNS, rnd.randint(1, 3)),
            }
            if rnd.random() < 0.1:
                element = "Action" if moto_subset else rnd.choice(["Action", "Resource"])
                statement["Not" + element] = statement.pop(element)
            if not moto_subset and rnd.random() < 0.3:
                statement["Condition"] = rnd.choice(CONDITIONS)
            statements.append(statement)
        docs.append({"Version": "2012-10-17", "Statement": statements})
    return docs


def requests(seed: int, count: int) -> list[tuple[int, str, str]]:
    rnd = random.Random(seed)
    return [(rnd.randrange(1 << 30), rnd.choice(ACTIONS), rnd.choice(RESOURCES)) for _ in range(count)]


def moto_decision(texts: list[str], action: str, resource: str, context: dict | None = None) -> str:
    """moto's own loop (IAMRequestBase.check_action_permitted) over IAMPolicy objects."""
    permitted = False
    for text in texts:
        result = IAMPolicy(text).is_action_permitted(action, resource, None, context)
        if result == PermissionResult.DENIED:
            return "explicitDeny"
        permitted = permitted or result == PermissionResult.PERMITTED
    return "allowed" if permitted else "implicitDeny"


def side_by_side(moto_subset: bool, n_requests: int = 2000, seed: int = 7) -> dict[str, float]:
    docs = realistic_policies(seed, 60, moto_subset)
    texts = [json.dumps(d) for d in docs]
    cases = []
    for pick, action, resource in requests(seed, n_requests):
        chosen = random.Random(pick).sample(range(len(docs)), 3)
        cases.append(([texts[i] for i in chosen], action, resource))
    context = {"aws:SourceIp": "203.0.113.9", "aws:SecureTransport": "true"}
    ours = [evaluate(t, a, r, context=context).decision for t, a, r in cases]
    theirs = [moto_decision(t, a, r, context) for t, a, r in cases]
    agree = sum(o == m for o, m in zip(ours, theirs, strict=True))

    compiled = [[compile_policy(t) for t in case[0]] for case in cases]
    start = time.perf_counter()
    for (_, a, r), docs_compiled in zip(cases, compiled, strict=True):
        evaluate(docs_compiled, a, r, context=context)
    ours_compiled_s = time.perf_counter() - start
    start = time.perf_counter()
    for t, a, r in cases:
        evaluate(t, a, r, context=context)
    ours_text_s = time.perf_counter() - start
    start = time.perf_counter()
    for t, a, r in cases:
        moto_decision(t, a, r, context)
    moto_s = time.perf_counter() - start
    return {
        "requests": n_requests,
        "agreement": agree / n_requests,
        "allowed_share": ours.count("allowed") / n_requests,
        "ours_per_s_compiled": n_requests / ours_compiled_s,
        "ours_per_s_json": n_requests / ours_text_s,
        "moto_per_s": n_requests / moto_s,
        "speed_ratio_json": moto_s / ours_text_s,
        "speed_ratio_compiled": moto_s / ours_compiled_s,
    }


def test_agrees_with_moto_where_moto_can_answer():
    result = side_by_side(moto_subset=True, n_requests=600)
    assert result["agreement"] == 1.0, result
    assert 0.05 < result["allowed_share"] < 0.95  # the corpus exercises both outcomes


def test_moto_disagrees_outside_its_subset_and_we_are_right_there():
    # Allow with a condition that holds: moto still returns DENIED for anything but StringEquals it cannot check.
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": "s3:GetObject",
                "Resource": "*",
                "Condition": {"StringEquals": {"s3:prefix": "home/"}},
            }
        ],
    }
    text = json.dumps(policy)
    assert (
        evaluate([text], "s3:GetObject", "arn:aws:s3:::b/k", context={"s3:prefix": "other/"}).decision == "implicitDeny"
    )
    assert moto_decision([text], "s3:GetObject", "arn:aws:s3:::b/k", {"s3:prefix": "other/"}) == "explicitDeny"
    # action names are case-insensitive in AWS, not in moto
    lower = json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:getobject", "Resource": "*"}]}
    )
    assert evaluate([lower], "s3:GetObject", "*").allowed
    assert moto_decision([lower], "s3:GetObject", "*") == "implicitDeny"


def test_benchmark_measures_both_evaluators():
    # Speed is measured, not asserted: CI machines are shared (`python -m awslab bench` reports the numbers).
    result = side_by_side(moto_subset=False, n_requests=200)
    assert result["requests"] == 200
    assert result["ours_per_s_compiled"] > 0 and result["ours_per_s_json"] > 0 and result["moto_per_s"] > 0


if __name__ == "__main__":
    for subset in (True, False):
        print("moto subset" if subset else "full corpus", side_by_side(subset, 5000))
