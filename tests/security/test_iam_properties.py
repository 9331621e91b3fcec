"""Hypothesis properties of the IAM evaluator: deny monotonicity, no spurious allows, never crashing."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from awslab.security.iam import evaluate

ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "ec2:RunInstances", "iam:CreateUser"]
ACTION_PATTERNS = ACTIONS + ["s3:*", "*", "s3:Get*", "S3:getobject", "ec2:Run?nstances", "iam:*User"]
RESOURCES = ["arn:aws:s3:::b/k", "arn:aws:s3:::b/other", "arn:aws:s3:::b", "arn:aws:ec2:us-east-1:123456789012:x/y"]
RESOURCE_PATTERNS = RESOURCES + ["*", "arn:aws:s3:::b/*", "arn:aws:s3:::?/k", "arn:aws:ec2:*:*:*"]
CONTEXT = {
    "aws:SourceIp": "203.0.113.5",
    "aws:MultiFactorAuthPresent": True,
    "s3:max-keys": 5,
    "aws:TagKeys": ["env", "team"],
}
CONDITIONS = [
    {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
    {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
    {"Bool": {"aws:MultiFactorAuthPresent": "false"}},
    {"NumericLessThan": {"s3:max-keys": "3"}},
    {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team", "x"]}},
    {"ForAnyValue:StringLike": {"aws:TagKeys": "c*"}},
    {"StringEqualsIfExists": {"aws:RequestedRegion": "eu-west-1"}},
    {"Null": {"aws:TokenIssueTime": "true"}},
]

action_field = st.one_of(
    st.sampled_from(ACTION_PATTERNS), st.lists(st.sampled_from(ACTION_PATTERNS), min_size=1, max_size=3)
)
resource_field = st.one_of(
    st.sampled_from(RESOURCE_PATTERNS), st.lists(st.sampled_from(RESOURCE_PATTERNS), min_size=1, max_size=3)
)


@st.composite
def statements(draw):
    statement = {"Effect": draw(st.sampled_from(["Allow", "Deny"]))}
    statement["NotAction" if draw(st.booleans()) and draw(st.booleans()) else "Action"] = draw(action_field)
    statement["NotResource" if draw(st.booleans()) and draw(st.booleans()) else "Resource"] = draw(resource_field)
    if draw(st.booleans()):
        statement["Condition"] = draw(st.sampled_from(CONDITIONS))
    return statement


policies = st.lists(
    st.lists(statements(), min_size=1, max_size=4).map(lambda s: {"Version": "2012-10-17", "Statement": s}),
    min_size=0,
    max_size=3,
)
requests = st.tuples(st.sampled_from(ACTIONS), st.sampled_from(RESOURCES), st.booleans())


@given(policies, requests)
def test_adding_a_matching_deny_never_allows(docs, request):
    action, resource, with_context = request
    context = CONTEXT if with_context else None
    deny = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": action, "Resource": resource}]}
    assert evaluate(docs + [deny], action, resource, context=context).decision == "explicitDeny"


@given(policies, statements(), requests)
def test_a_new_statement_only_allows_if_it_allows_itself(docs, extra, request):
    action, resource, with_context = request
    context = CONTEXT if with_context else None
    before = evaluate(docs, action, resource, context=context).decision
    after = evaluate(
        docs + [{"Version": "2012-10-17", "Statement": [extra]}], action, resource, context=context
    ).decision
    alone = evaluate([{"Version": "2012-10-17", "Statement": [extra]}], action, resource, context=context).decision
    if before != "allowed" and after == "allowed":
        assert alone == "allowed"
    if before == "explicitDeny":
        assert after == "explicitDeny"
    if before == "allowed":
        assert after in ("allowed", "explicitDeny")


@given(policies, requests, st.randoms(use_true_random=False))
def test_order_of_policies_and_statements_does_not_matter(docs, request, rnd):
    action, resource, _ = request
    shuffled = [{"Version": "2012-10-17", "Statement": rnd.sample(d["Statement"], len(d["Statement"]))} for d in docs]
    rnd.shuffle(shuffled)
    assert (
        evaluate(docs, action, resource, context=CONTEXT).decision
        == evaluate(shuffled, action, resource, context=CONTEXT).decision
    )


@given(policies, requests)
def test_action_case_never_matters(docs, request):
    action, resource, _ = request
    upper = evaluate(docs, action.upper(), resource, context=CONTEXT)
    assert upper.decision == evaluate(docs, action.lower(), resource, context=CONTEXT).decision


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "Allow",
            "Deny",
            "*",
            "s3:GetObject",
            "2012-10-17",
            "arn:aws:s3:::b/*",
            "StringEquals",
            "Bool",
            "ForAllValues:StringLike",
            "IpAddress",
            "aws:SourceIp",
            "${aws:username}",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "Version",
                    "Statement",
                    "Effect",
                    "Action",
                    "NotAction",
                    "Resource",
                    "NotResource",
                    "Condition",
                    "Principal",
                    "Sid",
                    "Id",
                    "StringEquals",
                    "aws:SourceIp",
                    "AWS",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@given(json_values, st.booleans(), st.booleans())
def test_never_crashes_on_arbitrary_json(document, as_text, as_resource_policy):
    payload = json.dumps(document) if as_text else document
    try:
        if as_resource_policy:
            result = evaluate(
                [],
                "s3:GetObject",
                "arn:aws:s3:::b/k",
                context=CONTEXT,
                resource_policies=[payload],
                principal="arn:aws:iam::1:user/a",
            )
        else:
            result = evaluate([payload], "s3:GetObject", "arn:aws:s3:::b/k", context=CONTEXT)
    except ValueError:
        return
    assert result.decision in ("allowed", "explicitDeny", "implicitDeny")


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "aws:SourceIp",
                "aws:CurrentTime",
                "s3:max-keys",
                "aws:TagKeys",
                "aws:MultiFactorAuthPresent",
                "aws:TokenIssueTime",
            ]
        ),
        json_values,
        max_size=4,
    )
)
def test_never_crashes_on_arbitrary_context(context):
    docs = [
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": c}]}
        for c in CONDITIONS
    ]
    docs.append(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Deny",
                    "Action": "*",
                    "Resource": "*",
                    "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}},
                }
            ],
        }
    )
    try:
        result = evaluate(docs, "s3:GetObject", "arn:aws:s3:::b/k", context=context)
    except ValueError:
        return
    assert result.decision in ("allowed", "explicitDeny", "implicitDeny")
