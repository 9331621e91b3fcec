"""No pasted input can hang or crash a kernel (issue 18, section 3).

Every parser and matcher that takes learner text gets adversarial shapes: huge strings, ``*`` storms such as
``a*a*a*...b`` against long ARNs, deep nesting, many statements or rules, long condition lists. Each call must
answer, or refuse with a ValueError/TypeError, within TIME_LIMIT_S of CPU time (CPU time of this process, so that
the other work on a shared machine cannot make the test flaky; a hang or a backtracking blow-up shows as CPU).
"""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services import sns
from awslab.databases import dynamodb, redshift
from awslab.management import cloudformation as cf
from awslab.networking import firewall
from awslab.security import iam
from awslab.security.arn import arn_like, glob_regex
from awslab.storage import cloudfront, s3_lifecycle

TIME_LIMIT_S = 1.0  # 'well under a second' on an idle machine; CPU time still grows a little under load


def bounded(call, *args, **kwargs):
    """Run one call; it must answer or raise ValueError/TypeError, within the time limit. Returns the answer or
    the exception."""
    start = time.process_time()
    try:
        outcome = call(*args, **kwargs)
    except (ValueError, TypeError) as exc:
        outcome = exc
    spent = time.process_time() - start
    assert spent < TIME_LIMIT_S, f"{getattr(call, '__name__', call)} took {spent:.2f} s of CPU"
    return outcome


def _deep_text(depth: int) -> str:
    """JSON text nested ``depth`` levels (json.dumps itself would recurse too deeply)."""
    return (
        '{"a": ' * (depth // 2) + "[" * (depth - depth // 2) + '"x"' + "]" * (depth - depth // 2) + "}" * (depth // 2)
    )


def _nested(depth: int, leaf: object = "x") -> object:
    value = leaf
    for i in range(depth):
        value = {"a": value} if i % 2 else [value]
    return value


storms = st.integers(min_value=1, max_value=400)
lengths = st.integers(min_value=1, max_value=50_000)


# --- Wildcards ----------------------------------------------------------------------------------------------------
@given(stars=storms, length=lengths, letter=st.sampled_from("a?"))
def test_star_storms_against_long_arns_answer_at_once(stars, length, letter):
    pattern = "arn:aws:s3:::" + f"{letter}*" * stars + "b"
    arn = "arn:aws:s3:::" + "a" * length
    assert bounded(lambda: glob_regex(pattern).match(arn) is None)
    assert bounded(arn_like, pattern, arn) is False


@given(pattern=st.text(alphabet="ab*?", max_size=12), text=st.text(alphabet="ab", max_size=12))
def test_the_linear_wildcard_matcher_agrees_with_fnmatch(pattern, text):
    import fnmatch

    assert bool(glob_regex(pattern).match(text)) == fnmatch.fnmatchcase(text, pattern)


@given(stars=storms, length=lengths)
def test_iam_evaluate_with_star_storms_and_long_requests(stars, length):
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "s3:" + "G*" * stars + "x", "Resource": "arn:aws:s3:::" + "a*" * stars + "b"},
            {
                "Effect": "Deny",
                "Action": "*",
                "Resource": "*",
                "Condition": {"StringLike": {"aws:username": ["a*" * stars + "b"] * 20}},
            },
        ],
    }
    outcome = bounded(
        iam.evaluate,
        [policy],
        "s3:" + "G" * length,
        "arn:aws:s3:::" + "a" * length,
        context={"aws:username": "a" * length},
    )
    assert not isinstance(outcome, Exception) and outcome.decision == "implicitDeny"


@given(spaces=st.integers(min_value=1, max_value=150_000), opened=st.integers(min_value=1, max_value=50))
def test_iam_policy_variables_with_unclosed_and_padded_placeholders(spaces, opened):
    resource = "arn:aws:s3:::" + ("${a" + " " * (spaces // opened)) * opened
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": resource}]}
    outcome = bounded(iam.evaluate, [policy], "s3:GetObject", "arn:aws:s3:::b/k", context={"aws:username": "al"})
    assert isinstance(outcome, ValueError) or outcome.decision == "implicitDeny"


@given(statements=st.integers(min_value=1, max_value=3000), values=st.integers(min_value=1, max_value=200))
def test_iam_many_statements_and_long_condition_lists(statements, values):
    statement = {
        "Effect": "Allow",
        "Action": ["s3:Get*", "s3:List*"],
        "Resource": "arn:aws:s3:::bucket/*",
        "Condition": {"StringLike": {"s3:prefix": [f"home/user{i}/*" for i in range(values)]}},
    }
    text = json.dumps({"Version": "2012-10-17", "Statement": [statement] * statements})
    outcome = bounded(iam.evaluate, [text], "s3:GetObject", "arn:aws:s3:::bucket/k", context={"s3:prefix": "x"})
    # either evaluated, or refused as too large: never a hang
    assert isinstance(outcome, ValueError) or outcome.decision == "implicitDeny"


@given(depth=st.integers(min_value=1, max_value=5000))
def test_iam_refuses_deep_policies(depth):
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    policy["Statement"][0]["Condition"] = {"StringEquals": {"aws:username": _nested(depth)}}
    text = (
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", '
        f'"Condition": {{"StringEquals": {{"aws:username": {_deep_text(depth)}}}}}}}]}}'
    )
    for document in (policy, text):
        outcome = bounded(iam.evaluate, [document], "s3:GetObject", "*")
        assert isinstance(outcome, Exception) or outcome.decision in ("allowed", "implicitDeny")


def test_iam_refuses_a_huge_paste():
    outcome = bounded(iam.evaluate, ["{" + " " * 5_000_000 + "}"], "s3:GetObject", "*")
    assert isinstance(outcome, ValueError) and "characters long" in str(outcome)


@given(stars=storms, length=lengths, patterns=st.integers(min_value=1, max_value=60))
def test_cloudfront_path_patterns(stars, length, patterns):
    path = "/" + "a" * length
    pattern_list = ["/" + "a*" * stars + "b"] * patterns
    outcome = bounded(cloudfront.match_cache_behavior, path, pattern_list)
    assert isinstance(outcome, ValueError) or outcome == "*"


# --- CloudFormation ---------------------------------------------------------------------------------------------
@given(depth=st.integers(min_value=1, max_value=20_000))
def test_cloudformation_deep_templates(depth):
    for text in ("[" * depth + "]" * depth, "{" * depth, "Resources:\n" + "- " * depth + "x"):
        assert isinstance(bounded(cf.creation_order, text), ValueError)
    nested = {"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": _nested(depth)}}}
    outcome = bounded(cf.creation_order, nested)
    assert isinstance(outcome, ValueError) or outcome == ["Q"]


@given(width=st.integers(min_value=2, max_value=12), levels=st.integers(min_value=2, max_value=12))
def test_cloudformation_refuses_yaml_alias_bombs(width, levels):
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    lines.append("Resources: {Q: {Type: 'AWS::SQS::Queue'}}")
    outcome = bounded(cf.creation_order, "\n".join(lines))
    assert isinstance(outcome, ValueError) and "alias" in str(outcome)


@given(count=st.integers(min_value=1, max_value=700), chain=st.booleans(), yaml_text=st.booleans())
def test_cloudformation_many_resources_and_long_chains(count, chain, yaml_text):
    resources = {
        f"R{i}": {"Type": "AWS::SQS::Queue", **({"DependsOn": f"R{i - 1}"} if chain and i else {})}
        for i in range(count)
    }
    template = {"Resources": resources}
    if yaml_text:
        text = "Resources:\n" + "".join(
            f"  {name}:\n    Type: AWS::SQS::Queue\n"
            + (f"    DependsOn: {body['DependsOn']}\n" if "DependsOn" in body else "")
            for name, body in resources.items()
        )
    else:
        text = json.dumps(template)
    for given_template in (template, text):
        outcome = bounded(cf.creation_order, given_template)
        assert isinstance(outcome, ValueError) or len(outcome) == count


def test_cloudformation_circular_chain_of_500_is_named_quickly():
    resources = {f"R{i}": {"Type": "AWS::SQS::Queue", "DependsOn": f"R{(i + 1) % 500}"} for i in range(500)}
    outcome = bounded(cf.creation_order, {"Resources": resources})
    assert isinstance(outcome, ValueError) and "circular" in str(outcome)


# --- S3 lifecycle, SNS, security groups, WLM, DynamoDB ----------------------------------------------------------
@given(rules=st.integers(min_value=1, max_value=1500), prefix_length=st.integers(min_value=0, max_value=3000))
def test_lifecycle_many_rules_and_long_prefixes(rules, prefix_length):
    rule = {
        "ID": "r",
        "Status": "Enabled",
        "Filter": {"Prefix": "p" * prefix_length},
        "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}, {"Days": 90, "StorageClass": "GLACIER"}],
        "Expiration": {"Days": 365},
    }
    policy = json.dumps({"Rules": [rule] * rules})
    outcome = bounded(s3_lifecycle.object_timeline, policy, 1024**2, key="p" * prefix_length + "/k")
    assert isinstance(outcome, ValueError) or outcome.expiration_day == 365


@given(depth=st.integers(min_value=1, max_value=5000))
def test_lifecycle_and_sns_refuse_deep_json(depth):
    deep = _nested(depth)
    assert bounded(s3_lifecycle.parse_lifecycle, {"Rules": [{"Status": "Enabled", "Filter": deep}]}) is not None
    for policy in ({"k": deep}, '{"k": ' + _deep_text(depth) + "}"):
        bounded(sns.parse_filter_policy, policy, "MessageBody")
    body = '{"k": ' + _deep_text(depth) + "}"
    outcome = bounded(sns.policy_matches, {"k": ["x"]}, body=body, scope="MessageBody")
    assert outcome in (True, False) or isinstance(outcome, Exception)


@given(
    keys=st.integers(min_value=1, max_value=200),
    values=st.integers(min_value=1, max_value=400),
    ors=st.integers(min_value=0, max_value=30),
)
def test_sns_wide_policies_and_or_storms(keys, values, ors):
    policy: dict = {f"k{i}": [{"prefix": "a" * 50}] * values for i in range(keys)}
    for _ in range(ors):
        policy = {"$or": [policy, {"z": ["y"]}]}
    attributes = {f"k{i}": {"DataType": "String", "StringValue": "a" * 10_000} for i in range(min(keys, 10))}
    outcome = bounded(sns.policy_matches, policy, attributes)
    assert isinstance(outcome, ValueError) or outcome in (True, False)


@given(rules=st.integers(min_value=1, max_value=1500), ranges=st.integers(min_value=1, max_value=50))
def test_security_groups_with_many_rules(rules, ranges):
    permission = {
        "IpProtocol": "tcp",
        "FromPort": 22,
        "ToPort": 22,
        "IpRanges": [{"CidrIp": f"10.{i % 256}.0.0/16"} for i in range(ranges)],
    }
    groups = [{"GroupId": "sg-1", "IpPermissions": [permission] * rules}]
    outcome = bounded(
        firewall.evaluate_security_groups, groups, egress=False, protocol="tcp", port=443, address="8.8.8.8"
    )
    assert isinstance(outcome, ValueError) or not outcome.allowed
    entries = [
        firewall.nacl_entry(i + 1, "deny", egress=False, cidr="10.0.0.0/8", from_port=22)
        for i in range(min(rules, 32766))
    ]
    outcome = bounded(firewall.evaluate_nacl, entries, egress=False, protocol="tcp", port=443, address="8.8.8.8")
    assert isinstance(outcome, ValueError) or not outcome.allowed


@given(queues=st.integers(min_value=1, max_value=5000), groups=st.integers(min_value=0, max_value=5000))
def test_redshift_wlm_json(queues, groups):
    text = json.dumps([{"query_group": ["g"] * groups, "query_concurrency": 5}] * queues)
    outcome = bounded(redshift.parse_wlm_json, text)
    assert isinstance(outcome, ValueError) or len(outcome) == queues <= redshift.MAX_WLM_QUEUES
    bounded(redshift.parse_wlm_json, "[" * 100_000)


@given(depth=st.integers(min_value=1, max_value=5000), width=st.integers(min_value=1, max_value=20_000))
def test_dynamodb_deep_and_wide_items(depth, width):
    value: dict = {"S": "leaf"}
    for _ in range(depth):
        value = {"L": [value]}
    bounded(dynamodb.attribute_value_bytes, value)
    item = {f"a{i}": {"N": "1" * 38} for i in range(width)}
    outcome = bounded(dynamodb.item_size_bytes, item)
    assert isinstance(outcome, int)


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (redshift.parse_wlm_json, "x" * 10_000_000),
        (cf.load_template, "x" * 10_000_000),
        (sns.parse_filter_policy, "[" * 10_000_000),
        (s3_lifecycle.parse_lifecycle, '{"Rules": [' + "{}," * 3_000_000 + "{}]}"),
    ],
)
def test_huge_pastes_are_refused_by_size(call, text):
    outcome = bounded(call, text)
    assert isinstance(outcome, ValueError) and "characters long" in str(outcome)
