"""ARN parsing and building (IAM User Guide, reference-arns)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.security.arn import arn_like, build_arn, parse_arn


@pytest.mark.parametrize(
    ("arn", "parts", "kind", "rid"),
    [
        (
            "arn:aws:s3:::my_corporate_bucket/*",
            ("aws", "s3", "", "", "my_corporate_bucket/*"),
            None,
            "my_corporate_bucket/*",
        ),
        ("arn:aws:iam::123456789012:user/David", ("aws", "iam", "", "123456789012", "user/David"), "user", "David"),
        (
            "arn:aws:dynamodb:us-east-1:123456789012:table/tablename",
            ("aws", "dynamodb", "us-east-1", "123456789012", "table/tablename"),
            "table",
            "tablename",
        ),
        (
            "arn:aws:logs:us-east-1:123456789012:log-group:app:*",
            ("aws", "logs", "us-east-1", "123456789012", "log-group:app:*"),
            "log-group",
            "app:*",
        ),
        (
            "arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0abc",
            ("aws-cn", "ec2", "cn-north-1", "123456789012", "instance/i-0abc"),
            "instance",
            "i-0abc",
        ),
        ("arn:aws-us-gov:s3:::b", ("aws-us-gov", "s3", "", "", "b"), None, "b"),
        (
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
            ("aws", "iam", "", "aws", "policy/ReadOnlyAccess"),
            "policy",
            "ReadOnlyAccess",
        ),
    ],
)
def test_parse_documented_examples(arn, parts, kind, rid):
    parsed = parse_arn(arn)
    assert (parsed.partition, parsed.service, parsed.region, parsed.account, parsed.resource) == parts
    assert parsed.resource_type == kind and parsed.resource_id == rid
    assert str(parsed) == arn


@pytest.mark.parametrize(
    ("arn", "message"),
    [
        ("aws:s3:::b", "six colon-separated parts"),
        ("urn:aws:s3:::b:", "must start with 'arn:'"),
        ("arn:amazon:s3:::b", "partition='amazon'"),
        ("arn:aws:S3:::b", "service='S3'"),
        ("arn:aws:s3:useast1::b", "region='useast1'"),
        ("arn:aws:iam::12345:user/x", "account='12345'"),
        ("arn:aws:s3:::", "empty resource"),
        (42, "arn must be a string"),
    ],
)
def test_parse_rejects_malformed(arn, message):
    with pytest.raises(ValueError) as error:
        parse_arn(arn)
    assert message in str(error.value)


def test_build_checks_parts():
    assert (
        build_arn("aws", "sqs", "eu-west-1", account="123456789012", resource="queue1")
        == "arn:aws:sqs:eu-west-1:123456789012:queue1"
    )
    with pytest.raises(ValueError, match="account"):
        build_arn("aws", "sqs", "eu-west-1", account="1234", resource="queue1")


def test_arn_like_is_per_segment():
    assert arn_like("arn:aws:sqs:*:123456789012:q?", "arn:aws:sqs:us-east-1:123456789012:q1")
    assert not arn_like("arn:aws:sqs:*:q1", "arn:aws:sqs:us-east-1:123456789012:q1")


@given(
    region=st.sampled_from(["", "us-east-1", "eu-central-1", "ap-southeast-2"]),
    account=st.one_of(st.just(""), st.from_regex(r"\A\d{12}\Z")),
    resource=st.text(min_size=1, max_size=30).filter(lambda s: "\x00" not in s),
)
def test_build_parse_roundtrip(region, account, resource):
    arn = build_arn("aws", "s3", region, account=account, resource=resource)
    parsed = parse_arn(arn)
    assert (parsed.region, parsed.account, parsed.resource) == (region, account, resource)
