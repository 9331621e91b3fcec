"""Hand-checked IAM evaluation cases: every element, every operator family, and AWS's documented examples."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
import pytest

from awslab.security.iam import evaluate, evaluate_grid, trace_table

ACCOUNT = "123456789012"
ALICE = f"arn:aws:iam::{ACCOUNT}:user/alice"
BUCKET = "arn:aws:s3:::examplebucket"
OBJECT = "arn:aws:s3:::examplebucket/photos/cat.jpg"


def doc(*statements: dict) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def st(effect: str = "Allow", action="s3:GetObject", resource="*", condition=None, **extra) -> dict:
    statement = {"Effect": effect, "Action": action, "Resource": resource, **extra}
    if condition is not None:
        statement["Condition"] = condition
    return statement


def cond(operator: str, key: str, value) -> dict:
    return {operator: {key: value}}


def decide(statements, action="s3:GetObject", resource=OBJECT, context=None, **kwargs) -> str:
    return evaluate([doc(*statements)], action, resource, context=context, **kwargs).decision


# ---------------------------------------------------------------- elements: Effect, Action, Resource, Not*
ELEMENT_CASES = [
    ("no statement matches -> implicit deny", [st(action="s3:PutObject")], "s3:GetObject", OBJECT, "implicitDeny"),
    ("exact allow", [st()], "s3:GetObject", OBJECT, "allowed"),
    ("action case-insensitive", [st(action="S3:getobject")], "s3:GetObject", OBJECT, "allowed"),
    ("request action case-insensitive", [st()], "S3:GETOBJECT", OBJECT, "allowed"),
    ("action wildcard *", [st(action="s3:Get*")], "s3:GetObjectAcl", OBJECT, "allowed"),
    ("action wildcard ?", [st(action="s3:GetObjec?")], "s3:GetObject", OBJECT, "allowed"),
    ("? is exactly one char", [st(action="s3:GetObjec?")], "s3:GetObjectAcl", OBJECT, "implicitDeny"),
    ("action list", [st(action=["s3:PutObject", "s3:GetObject"])], "s3:GetObject", OBJECT, "allowed"),
    ("other service", [st(action="s3:*")], "ec2:RunInstances", "*", "implicitDeny"),
    ("star action", [st(action="*")], "ec2:RunInstances", "*", "allowed"),
    ("prefix is not a wildcard", [st(action="s3:Get")], "s3:GetObject", OBJECT, "implicitDeny"),
    ("resource exact", [st(resource=OBJECT)], "s3:GetObject", OBJECT, "allowed"),
    ("resource * spans /", [st(resource="arn:aws:s3:::examplebucket/*")], "s3:GetObject", OBJECT, "allowed"),
    ("bucket ARN does not cover objects", [st(resource=BUCKET)], "s3:GetObject", OBJECT, "implicitDeny"),
    ("resource case-sensitive", [st(resource="arn:aws:s3:::ExampleBucket/*")], "s3:GetObject", OBJECT, "implicitDeny"),
    ("resource ?", [st(resource="arn:aws:s3:::examplebucke?/*")], "s3:GetObject", OBJECT, "allowed"),
    (
        "resource wildcard across colons",
        [st(action="logs:*", resource="arn:aws:logs:*:*:*")],
        "logs:PutLogEvents",
        f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:app:log-stream:x",
        "allowed",
    ),
    (
        "resource list",
        [st(resource=["arn:aws:s3:::other/*", "arn:aws:s3:::examplebucket/photos/*"])],
        "s3:GetObject",
        OBJECT,
        "allowed",
    ),
    ("deny beats allow", [st(), st("Deny")], "s3:GetObject", OBJECT, "explicitDeny"),
    (
        "deny on other resource does not apply",
        [st(), st("Deny", resource="arn:aws:s3:::other/*")],
        "s3:GetObject",
        OBJECT,
        "allowed",
    ),
    ("deny alone is explicit", [st("Deny")], "s3:GetObject", OBJECT, "explicitDeny"),
    (
        "NotAction allows everything else",
        [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}],
        "s3:GetObject",
        OBJECT,
        "allowed",
    ),
    (
        "NotAction excludes listed",
        [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}],
        "iam:CreateUser",
        "*",
        "implicitDeny",
    ),
    (
        "NotAction case-insensitive",
        [{"Effect": "Allow", "NotAction": "IAM:*", "Resource": "*"}],
        "iam:createuser",
        "*",
        "implicitDeny",
    ),
    (
        "NotResource allows other resources",
        [{"Effect": "Allow", "Action": "s3:*", "NotResource": BUCKET + "/*"}],
        "s3:GetObject",
        "arn:aws:s3:::other/x",
        "allowed",
    ),
    (
        "NotResource excludes listed",
        [{"Effect": "Allow", "Action": "s3:*", "NotResource": BUCKET + "/*"}],
        "s3:GetObject",
        OBJECT,
        "implicitDeny",
    ),
    (
        "Deny with NotResource protects all but one",
        [st(action="s3:*"), {"Effect": "Deny", "Action": "s3:*", "NotResource": BUCKET + "/*"}],
        "s3:GetObject",
        "arn:aws:s3:::other/x",
        "explicitDeny",
    ),
    (
        "Deny NotAction exempts listed actions",
        [st(action="*"), {"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "*"}],
        "s3:GetObject",
        OBJECT,
        "allowed",
    ),
    ("single statement object (not list)", None, "s3:GetObject", OBJECT, "allowed"),
]


@pytest.mark.parametrize(
    ("name", "statements", "action", "resource", "expected"), ELEMENT_CASES, ids=[c[0] for c in ELEMENT_CASES]
)
def test_elements(name, statements, action, resource, expected):
    if statements is None:
        policy = {"Version": "2012-10-17", "Statement": st()}
        assert evaluate([policy], action, resource).decision == expected
    else:
        assert decide(statements, action, resource) == expected


# ---------------------------------------------------------------- condition operators
NOW = "2026-06-15T12:00:00Z"
CONDITION_CASES = [
    # String
    ("StringEquals hit", "StringEquals", "s3:prefix", "home/", {"s3:prefix": "home/"}, True),
    ("StringEquals is case-sensitive", "StringEquals", "s3:prefix", "Home/", {"s3:prefix": "home/"}, False),
    ("StringEquals values are ORed", "StringEquals", "s3:prefix", ["a", "home/"], {"s3:prefix": "home/"}, True),
    ("StringEquals missing key", "StringEquals", "s3:prefix", "home/", {}, False),
    ("StringNotEquals differs", "StringNotEquals", "s3:prefix", "a", {"s3:prefix": "b"}, True),
    ("StringNotEquals is AND of negations", "StringNotEquals", "s3:prefix", ["a", "b"], {"s3:prefix": "b"}, False),
    ("StringNotEquals missing key is true", "StringNotEquals", "s3:prefix", "a", {}, True),
    (
        "StringEqualsIgnoreCase",
        "StringEqualsIgnoreCase",
        "aws:PrincipalTag/team",
        "OPS",
        {"aws:PrincipalTag/team": "ops"},
        True,
    ),
    (
        "StringNotEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase",
        "aws:PrincipalTag/team",
        "OPS",
        {"aws:PrincipalTag/team": "ops"},
        False,
    ),
    ("StringLike *", "StringLike", "s3:prefix", "home/*", {"s3:prefix": "home/alice/x"}, True),
    ("StringLike ?", "StringLike", "s3:prefix", "v?", {"s3:prefix": "v1"}, True),
    ("StringLike case-sensitive", "StringLike", "s3:prefix", "HOME/*", {"s3:prefix": "home/x"}, False),
    ("StringEquals treats * literally", "StringEquals", "s3:prefix", "home/*", {"s3:prefix": "home/x"}, False),
    ("StringNotLike", "StringNotLike", "s3:prefix", "tmp/*", {"s3:prefix": "home/x"}, True),
    (
        "condition key names are case-insensitive",
        "StringEquals",
        "AWS:SOURCEVPC",
        "vpc-1",
        {"aws:SourceVpc": "vpc-1"},
        True,
    ),
    # Numeric
    ("NumericLessThan", "NumericLessThan", "s3:max-keys", "10", {"s3:max-keys": 9}, True),
    ("NumericLessThan boundary", "NumericLessThan", "s3:max-keys", "10", {"s3:max-keys": "10"}, False),
    ("NumericLessThanEquals boundary", "NumericLessThanEquals", "s3:max-keys", 10, {"s3:max-keys": 10}, True),
    ("NumericGreaterThan", "NumericGreaterThan", "s3:max-keys", 10, {"s3:max-keys": 10.5}, True),
    ("NumericGreaterThanEquals", "NumericGreaterThanEquals", "s3:max-keys", 10, {"s3:max-keys": 9}, False),
    ("NumericEquals int vs float", "NumericEquals", "s3:max-keys", "10", {"s3:max-keys": 10.0}, True),
    ("NumericNotEquals", "NumericNotEquals", "s3:max-keys", ["1", "2"], {"s3:max-keys": 3}, True),
    ("NumericNotEquals hit", "NumericNotEquals", "s3:max-keys", ["1", "2"], {"s3:max-keys": 2}, False),
    # Date
    ("DateLessThan", "DateLessThan", "aws:CurrentTime", "2027-01-01T00:00:00Z", {"aws:CurrentTime": NOW}, True),
    ("DateGreaterThan", "DateGreaterThan", "aws:CurrentTime", "2027-01-01T00:00:00Z", {"aws:CurrentTime": NOW}, False),
    ("DateEquals epoch vs ISO", "DateEquals", "aws:EpochTime", "1781524800", {"aws:EpochTime": NOW}, True),
    ("DateNotEquals", "DateNotEquals", "aws:CurrentTime", NOW, {"aws:CurrentTime": "2026-06-15T12:00:01Z"}, True),
    (
        "Date from datetime",
        "DateGreaterThanEquals",
        "aws:CurrentTime",
        NOW,
        {"aws:CurrentTime": datetime(2026, 6, 15, 12, tzinfo=UTC)},
        True,
    ),
    ("DateLessThanEquals", "DateLessThanEquals", "aws:CurrentTime", NOW, {"aws:CurrentTime": NOW}, True),
    # Bool
    ("Bool true", "Bool", "aws:MultiFactorAuthPresent", "true", {"aws:MultiFactorAuthPresent": True}, True),
    ("Bool string", "Bool", "aws:SecureTransport", "false", {"aws:SecureTransport": "false"}, True),
    ("Bool mismatch", "Bool", "aws:SecureTransport", "true", {"aws:SecureTransport": False}, False),
    ("Bool missing key", "Bool", "aws:MultiFactorAuthPresent", "false", {}, False),
    # Binary
    ("BinaryEquals", "BinaryEquals", "key", "QmluYXJ5VmFsdWU=", {"key": "QmluYXJ5VmFsdWU="}, True),
    # IP
    ("IpAddress in CIDR", "IpAddress", "aws:SourceIp", "203.0.113.0/24", {"aws:SourceIp": "203.0.113.7"}, True),
    ("IpAddress outside", "IpAddress", "aws:SourceIp", "203.0.113.0/24", {"aws:SourceIp": "198.51.100.7"}, False),
    ("IpAddress single address", "IpAddress", "aws:SourceIp", "192.168.0.1", {"aws:SourceIp": "192.168.0.1"}, True),
    ("IpAddress IPv6", "IpAddress", "aws:SourceIp", "2001:db8::/32", {"aws:SourceIp": "2001:db8::1"}, True),
    ("IPv4 never in IPv6 range", "IpAddress", "aws:SourceIp", "::/0", {"aws:SourceIp": "10.0.0.1"}, False),
    (
        "NotIpAddress",
        "NotIpAddress",
        "aws:SourceIp",
        ["192.0.2.0/24", "203.0.113.0/24"],
        {"aws:SourceIp": "198.51.100.1"},
        True,
    ),
    (
        "NotIpAddress inside one range",
        "NotIpAddress",
        "aws:SourceIp",
        ["192.0.2.0/24", "203.0.113.0/24"],
        {"aws:SourceIp": "203.0.113.1"},
        False,
    ),
    # ARN
    (
        "ArnLike per-segment",
        "ArnLike",
        "aws:SourceArn",
        "arn:aws:sns:*:123456789012:topic-*",
        {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:topic-a"},
        True,
    ),
    (
        "ArnLike * stays in its segment",
        "ArnLike",
        "aws:SourceArn",
        "arn:aws:sns:*:topic-a",
        {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:topic-a"},
        False,
    ),
    ("ArnEquals", "ArnEquals", "aws:SourceArn", "arn:aws:s3:::bucket", {"aws:SourceArn": "arn:aws:s3:::bucket"}, True),
    (
        "ArnNotEquals",
        "ArnNotEquals",
        "aws:SourceArn",
        "arn:aws:s3:::bucket",
        {"aws:SourceArn": "arn:aws:s3:::b2"},
        True,
    ),
    ("ArnNotLike hit", "ArnNotLike", "aws:SourceArn", "arn:aws:s3:::b*", {"aws:SourceArn": "arn:aws:s3:::b2"}, False),
    ("ArnLike request not an ARN", "ArnLike", "aws:SourceArn", "arn:aws:s3:::*", {"aws:SourceArn": "bucket"}, False),
    # IfExists
    ("IfExists missing key passes", "StringEqualsIfExists", "ec2:InstanceType", "t3.micro", {}, True),
    (
        "IfExists present key is checked",
        "StringEqualsIfExists",
        "ec2:InstanceType",
        "t3.micro",
        {"ec2:InstanceType": "m5.large"},
        False,
    ),
    ("BoolIfExists", "BoolIfExists", "aws:MultiFactorAuthPresent", "false", {}, True),
    ("NumericLessThanIfExists present", "NumericLessThanIfExists", "s3:max-keys", 5, {"s3:max-keys": 4}, True),
    # Null
    ("Null true when missing", "Null", "aws:TokenIssueTime", "true", {}, True),
    ("Null true when present is false", "Null", "aws:TokenIssueTime", "true", {"aws:TokenIssueTime": NOW}, False),
    ("Null false when present", "Null", "aws:TokenIssueTime", "false", {"aws:TokenIssueTime": NOW}, True),
    ("Null on empty list", "Null", "aws:TagKeys", "true", {"aws:TagKeys": []}, True),
    # Set operators
    (
        "ForAllValues subset",
        "ForAllValues:StringEquals",
        "aws:TagKeys",
        ["env", "team"],
        {"aws:TagKeys": ["env"]},
        True,
    ),
    (
        "ForAllValues not subset",
        "ForAllValues:StringEquals",
        "aws:TagKeys",
        ["env", "team"],
        {"aws:TagKeys": ["env", "cost"]},
        False,
    ),
    ("ForAllValues missing key is true", "ForAllValues:StringEquals", "aws:TagKeys", ["env"], {}, True),
    ("ForAllValues empty list is true", "ForAllValues:StringEquals", "aws:TagKeys", ["env"], {"aws:TagKeys": []}, True),
    ("ForAnyValue overlap", "ForAnyValue:StringEquals", "aws:TagKeys", ["env"], {"aws:TagKeys": ["cost", "env"]}, True),
    ("ForAnyValue no overlap", "ForAnyValue:StringEquals", "aws:TagKeys", ["env"], {"aws:TagKeys": ["cost"]}, False),
    ("ForAnyValue missing key is false", "ForAnyValue:StringEquals", "aws:TagKeys", ["env"], {}, False),
    (
        "ForAllValues:StringLike",
        "ForAllValues:StringLike",
        "aws:TagKeys",
        "Created*",
        {"aws:TagKeys": ["CreatedBy", "CreatedAt"]},
        True,
    ),
    (
        "ForAllValues:StringNotEquals none forbidden",
        "ForAllValues:StringNotEquals",
        "aws:TagKeys",
        ["secret"],
        {"aws:TagKeys": ["env", "team"]},
        True,
    ),
    (
        "ForAllValues:StringNotEquals one forbidden",
        "ForAllValues:StringNotEquals",
        "aws:TagKeys",
        ["secret"],
        {"aws:TagKeys": ["env", "secret"]},
        False,
    ),
    (
        "ForAnyValue:StringNotEquals some differ",
        "ForAnyValue:StringNotEquals",
        "aws:TagKeys",
        ["env"],
        {"aws:TagKeys": ["env", "x"]},
        True,
    ),
    (
        "ForAnyValue:StringNotEquals all equal",
        "ForAnyValue:StringNotEquals",
        "aws:TagKeys",
        ["env"],
        {"aws:TagKeys": ["env"]},
        False,
    ),
    (
        "multi-valued key without set operator: any",
        "StringEquals",
        "aws:TagKeys",
        "env",
        {"aws:TagKeys": ["x", "env"]},
        True,
    ),
    (
        "multi-valued key, negated, without set operator: none",
        "StringNotEquals",
        "aws:TagKeys",
        "env",
        {"aws:TagKeys": ["x", "env"]},
        False,
    ),
]


@pytest.mark.parametrize(
    ("name", "operator", "key", "value", "context", "holds"), CONDITION_CASES, ids=[c[0] for c in CONDITION_CASES]
)
def test_condition_operators(name, operator, key, value, context, holds):
    decision = decide([st(condition=cond(operator, key, value))], context=context)
    assert decision == ("allowed" if holds else "implicitDeny")
    # the same condition on a Deny flips allowed into explicitDeny exactly when it holds
    both = decide([st(), st("Deny", condition=cond(operator, key, value))], context=context)
    assert both == ("explicitDeny" if holds else "allowed")


def test_operators_and_keys_are_anded():
    condition = {
        "StringEquals": {"aws:PrincipalTag/team": "ops", "aws:RequestedRegion": "us-east-1"},
        "Bool": {"aws:SecureTransport": "true"},
    }
    full = {"aws:PrincipalTag/team": "ops", "aws:RequestedRegion": "us-east-1", "aws:SecureTransport": True}
    assert decide([st(condition=condition)], context=full) == "allowed"
    for drop in full:
        partial = {k: v for k, v in full.items() if k != drop}
        assert decide([st(condition=condition)], context=partial) == "implicitDeny", drop


def test_missing_context_keys_are_reported_like_the_policy_simulator():
    condition = {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "Bool": {"aws:MultiFactorAuthPresent": "true"}}
    result = evaluate([doc(st(condition=condition))], "s3:GetObject", OBJECT, context={"aws:SourceIp": "203.0.113.9"})
    assert result.decision == "implicitDeny"
    assert result.missing_context_keys == ("aws:MultiFactorAuthPresent",)
    # a statement whose action does not match asks for nothing
    other = evaluate([doc(st(action="s3:PutObject", condition=condition))], "s3:GetObject", OBJECT)
    assert other.missing_context_keys == ()


# ---------------------------------------------------------------- AWS documented examples
def test_aws_example_deny_outside_ip_ranges():
    # IAM User Guide, reference_policies_examples_aws_deny-ip ("Denies access to AWS based on the source IP").
    policy = doc(
        {
            "Effect": "Deny",
            "Action": "*",
            "Resource": "*",
            "Condition": {
                "NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]},
                "Bool": {"aws:ViaAWSService": "false"},
            },
        },
        st(action="ec2:*"),
    )
    inside = {"aws:SourceIp": "192.0.2.10", "aws:ViaAWSService": False}
    outside = {"aws:SourceIp": "198.51.100.10", "aws:ViaAWSService": False}
    via_service = {"aws:SourceIp": "198.51.100.10", "aws:ViaAWSService": True}
    assert evaluate([policy], "ec2:StopInstances", "*", context=inside).decision == "allowed"
    assert evaluate([policy], "ec2:StopInstances", "*", context=outside).decision == "explicitDeny"
    assert evaluate([policy], "ec2:StopInstances", "*", context=via_service).decision == "allowed"


def test_aws_example_allow_between_dates():
    # IAM User Guide, reference_policies_examples_aws-dates ("Allows access within specific dates").
    policy = doc(
        st(
            action="ec2:*",
            condition={
                "DateGreaterThan": {"aws:CurrentTime": "2020-04-01T00:00:00Z"},
                "DateLessThan": {"aws:CurrentTime": "2020-06-30T23:59:59Z"},
            },
        )
    )
    assert evaluate([policy], "ec2:DescribeInstances", "*", context={"aws:CurrentTime": "2020-05-01T00:00:00Z"}).allowed
    assert not evaluate(
        [policy], "ec2:DescribeInstances", "*", context={"aws:CurrentTime": "2020-07-01T00:00:00Z"}
    ).allowed


def test_aws_example_mfa_bool_if_exists_deny():
    # IAM User Guide, reference_policies_examples_aws_mfa-dates / condition_operators (BoolIfExists with MFA):
    # deny everything unless MFA was used; long-term access keys carry no MFA key, so IfExists denies them too.
    policy = doc(
        st(action="*"),
        {
            "Effect": "Deny",
            "NotAction": "iam:ChangePassword",
            "Resource": "*",
            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
        },
    )
    assert evaluate([policy], "s3:ListBucket", BUCKET, context={"aws:MultiFactorAuthPresent": True}).allowed
    assert (
        evaluate([policy], "s3:ListBucket", BUCKET, context={"aws:MultiFactorAuthPresent": False}).decision
        == "explicitDeny"
    )
    assert evaluate([policy], "s3:ListBucket", BUCKET).decision == "explicitDeny"
    assert evaluate([policy], "iam:ChangePassword", "*").allowed


def test_aws_example_home_folder_with_policy_variable():
    # IAM User Guide, reference_policies_examples_s3_home-directory-console (${aws:username}).
    policy = doc(
        st(
            action="s3:ListBucket",
            resource="arn:aws:s3:::amzn-s3-demo-bucket",
            condition={"StringLike": {"s3:prefix": ["", "home/", "home/${aws:username}/*"]}},
        ),
        st(
            action="s3:*",
            resource=[
                "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}",
                "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*",
            ],
        ),
    )
    bob = f"arn:aws:iam::{ACCOUNT}:user/bob"
    mine = "arn:aws:s3:::amzn-s3-demo-bucket/home/bob/notes.txt"
    theirs = "arn:aws:s3:::amzn-s3-demo-bucket/home/alice/notes.txt"
    assert evaluate([policy], "s3:GetObject", mine, principal=bob).allowed
    assert not evaluate([policy], "s3:GetObject", theirs, principal=bob).allowed
    bucket = "arn:aws:s3:::amzn-s3-demo-bucket"
    assert evaluate([policy], "s3:ListBucket", bucket, context={"s3:prefix": "home/bob/x"}, principal=bob).allowed
    assert not evaluate([policy], "s3:ListBucket", bucket, context={"s3:prefix": "home/alice/"}, principal=bob).allowed
    unknown = evaluate([policy], "s3:GetObject", mine)
    assert unknown.decision == "implicitDeny" and "aws:username" in unknown.missing_context_keys
    # in Version 2008-10-17 a ${...} is literal text
    old = {"Version": "2008-10-17", "Statement": [st(action="s3:*", resource="arn:aws:s3:::b/${aws:username}")]}
    assert evaluate([old], "s3:GetObject", "arn:aws:s3:::b/${aws:username}", principal=bob).allowed


def test_policy_variable_default_and_literal_star():
    policy = doc(st(resource="arn:aws:s3:::b/${aws:PrincipalTag/team, 'shared'}/${*}"))
    assert evaluate([policy], "s3:GetObject", "arn:aws:s3:::b/shared/*").allowed
    assert not evaluate([policy], "s3:GetObject", "arn:aws:s3:::b/shared/x").allowed  # ${*} is a literal '*'
    assert evaluate([policy], "s3:GetObject", "arn:aws:s3:::b/ops/*", context={"aws:PrincipalTag/team": "ops"}).allowed


def test_aws_example_principal_tag_condition():
    # IAM User Guide, reference_policies_elements_condition_operators (String condition operators example).
    policy = doc(
        st(
            action="iam:*AccessKey*",
            resource=f"arn:aws:iam::{ACCOUNT}:user/*",
            condition={"StringEquals": {"aws:PrincipalTag/job-category": "iamuser-admin"}},
        )
    )
    target = f"arn:aws:iam::{ACCOUNT}:user/bob"
    assert evaluate(
        [policy], "iam:CreateAccessKey", target, context={"aws:PrincipalTag/job-category": "iamuser-admin"}
    ).allowed
    missing = evaluate([policy], "iam:CreateAccessKey", target)
    assert missing.decision == "implicitDeny"
    assert missing.missing_context_keys == ("aws:PrincipalTag/job-category",)


def test_aws_example_forallvalues_deny_tag_prefixes():
    # IAM User Guide, reference_policies_condition_examples-multi-valued-context-keys (Deny with ForAllValues).
    policy = doc(
        st(action="iam:*"),
        st(
            "Deny",
            action=["iam:TagUser", "iam:TagRole"],
            condition={"ForAllValues:StringLike": {"aws:TagKeys": ["key1*"]}},
        ),
    )
    assert (
        evaluate([policy], "iam:TagUser", "*", context={"aws:TagKeys": ["key1a", "key1b"]}).decision == "explicitDeny"
    )
    assert evaluate([policy], "iam:TagUser", "*", context={"aws:TagKeys": ["key1a", "key2"]}).allowed
    # ForAllValues is true with no keys at all: the Deny fires (the docs' warning)
    assert evaluate([policy], "iam:TagUser", "*").decision == "explicitDeny"


def test_aws_example_deny_temporary_credentials_with_null():
    # IAM User Guide, reference_policies_elements_condition_operators (Null: aws:TokenIssueTime).
    policy = doc(st(action="ec2:*"), st("Deny", action="ec2:*", condition={"Null": {"aws:TokenIssueTime": "false"}}))
    assert evaluate([policy], "ec2:RunInstances", "*").allowed
    assert evaluate([policy], "ec2:RunInstances", "*", context={"aws:TokenIssueTime": NOW}).decision == "explicitDeny"


def test_syllabus_style_sample_with_json_text():
    text = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Stmt1441716043000",
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:ListBucket"],
                    "Condition": {"IpAddress": {"aws:SourceIp": "192.168.0.1"}},
                    "Resource": ["arn:aws:s3:::my_public_bucket/*"],
                }
            ],
        }
    )
    hit = evaluate([text], "s3:GetObject", "arn:aws:s3:::my_public_bucket/a", context={"aws:SourceIp": "192.168.0.1"})
    assert hit.allowed and hit.matched_statements[0].sid == "Stmt1441716043000"


# ---------------------------------------------------------------- resource-based policies and Principal
def bucket_policy(*statements: dict) -> dict:
    return doc(*statements)


def test_resource_policy_alone_allows_named_user():
    rp = bucket_policy(st(resource=BUCKET + "/*", Principal={"AWS": ALICE}))
    result = evaluate([], "s3:GetObject", OBJECT, resource_policies=[rp], principal=ALICE)
    assert result.allowed
    assert result.matched_statements[0].source == "resource_policies"


def test_resource_policy_other_principal_does_not_apply():
    rp = bucket_policy(st(resource=BUCKET + "/*", Principal={"AWS": f"arn:aws:iam::{ACCOUNT}:user/bob"}))
    assert evaluate([], "s3:GetObject", OBJECT, resource_policies=[rp], principal=ALICE).decision == "implicitDeny"
    assert evaluate([], "s3:GetObject", OBJECT, resource_policies=[rp]).decision == "implicitDeny"


def test_resource_policy_public_star():
    rp = bucket_policy(st(resource=BUCKET + "/*", Principal="*"))
    assert evaluate([], "s3:GetObject", OBJECT, resource_policies=[rp]).allowed
    rp2 = bucket_policy(st(resource=BUCKET + "/*", Principal={"AWS": "*"}))
    assert evaluate([], "s3:GetObject", OBJECT, resource_policies=[rp2], principal=ALICE).allowed


def test_resource_policy_deny_beats_identity_allow():
    rp = bucket_policy(
        st(
            "Deny",
            action="s3:*",
            resource=BUCKET + "/*",
            Principal="*",
            condition={"Bool": {"aws:SecureTransport": "false"}},
        )
    )
    identity = [doc(st(action="s3:*"))]
    assert (
        evaluate(
            identity,
            "s3:GetObject",
            OBJECT,
            context={"aws:SecureTransport": False},
            resource_policies=[rp],
            principal=ALICE,
        ).decision
        == "explicitDeny"
    )
    assert evaluate(
        identity, "s3:GetObject", OBJECT, context={"aws:SecureTransport": True}, resource_policies=[rp], principal=ALICE
    ).allowed


def test_account_principal_delegates_allow_but_deny_covers_everyone_in_it():
    root = f"arn:aws:iam::{ACCOUNT}:root"
    allow_account = bucket_policy(st(resource=BUCKET + "/*", Principal={"AWS": ACCOUNT}))
    assert (
        evaluate([], "s3:GetObject", OBJECT, resource_policies=[allow_account], principal=ALICE).decision
        == "implicitDeny"
    )
    assert evaluate([], "s3:GetObject", OBJECT, resource_policies=[allow_account], principal=root).allowed
    deny_account = bucket_policy(st("Deny", resource=BUCKET + "/*", Principal={"AWS": root}))
    assert (
        evaluate([doc(st())], "s3:GetObject", OBJECT, resource_policies=[deny_account], principal=ALICE).decision
        == "explicitDeny"
    )


def test_role_principal_covers_its_sessions():
    role = f"arn:aws:iam::{ACCOUNT}:role/app/Reader"
    session = f"arn:aws:sts::{ACCOUNT}:assumed-role/Reader/i-0abc"
    rp = bucket_policy(st(resource=BUCKET + "/*", Principal={"AWS": role}))
    assert evaluate([], "s3:GetObject", OBJECT, resource_policies=[rp], principal=session).allowed
    other = f"arn:aws:sts::{ACCOUNT}:assumed-role/Writer/i-0abc"
    assert not evaluate([], "s3:GetObject", OBJECT, resource_policies=[rp], principal=other).allowed


def test_service_principal_and_trust_policy_without_resource():
    trust = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }
    role = f"arn:aws:iam::{ACCOUNT}:role/Reader"
    assert evaluate([], "sts:AssumeRole", role, resource_policies=[trust], principal="ec2.amazonaws.com").allowed
    assert not evaluate([], "sts:AssumeRole", role, resource_policies=[trust], principal="lambda.amazonaws.com").allowed


def test_not_principal():
    rp = bucket_policy({"Effect": "Deny", "NotPrincipal": {"AWS": ALICE}, "Action": "s3:*", "Resource": "*"})
    identity = [doc(st(action="s3:*"))]
    assert evaluate(identity, "s3:GetObject", OBJECT, resource_policies=[rp], principal=ALICE).allowed
    bob = f"arn:aws:iam::{ACCOUNT}:user/bob"
    assert evaluate(identity, "s3:GetObject", OBJECT, resource_policies=[rp], principal=bob).decision == "explicitDeny"


# ---------------------------------------------------------------- explanation, trace and grid
def test_every_matched_statement_is_listed_and_deciding_ones_flagged():
    result = evaluate(
        [
            doc({"Sid": "A", **st()}, {"Sid": "B", **st(action="s3:*")}),
            doc({"Sid": "D", **st("Deny", resource=BUCKET + "/photos/*")}),
        ],
        "s3:GetObject",
        OBJECT,
    )
    assert result.decision == "explicitDeny"
    assert [m.sid for m in result.matched_statements] == ["A", "B", "D"]
    assert [m.sid for m in result.deciding_statements] == ["D"]
    text = result.explain()
    assert "explicitDeny" in text and "(D)" in text
    table = trace_table(result)
    assert list(table["matched"]) == [True, True, True]


def test_trace_says_which_test_failed():
    result = evaluate(
        [
            doc(
                st(action="s3:PutObject"),
                st(resource=BUCKET),
                st(condition=cond("Bool", "aws:SecureTransport", "true")),
            )
        ],
        "s3:GetObject",
        OBJECT,
        context={"aws:SecureTransport": False},
    )
    reasons = [t.reason for t in result.trace]
    assert "Action does not cover" in reasons[0]
    assert "Resource does not cover" in reasons[1]
    assert "condition Bool on aws:SecureTransport is false" == reasons[2]
    assert result.trace[2].action_matched and result.trace[2].conditions_matched is False


def test_grid_matches_single_evaluations():
    policy = doc(st(action="s3:Get*", resource=BUCKET + "/*"), st("Deny", action="s3:*", resource=BUCKET + "/secret/*"))
    actions = ["s3:GetObject", "s3:PutObject", "s3:getobjectacl"]
    resources = [OBJECT, BUCKET + "/secret/k", "arn:aws:s3:::other/x"]
    grid = evaluate_grid([policy], actions, resources)
    assert isinstance(grid, pd.DataFrame) and grid.shape == (3, 3)
    for action in actions:
        for resource in resources:
            assert grid.loc[action, resource] == evaluate([policy], action, resource).decision
    assert grid.loc["s3:GetObject", OBJECT] == "allowed"
    assert grid.loc["s3:PutObject", BUCKET + "/secret/k"] == "explicitDeny"
    assert grid.loc["s3:PutObject", OBJECT] == "implicitDeny"
