"""Malformed policy documents and arguments raise ValueError saying what is wrong and where."""

from __future__ import annotations

import pytest

from awslab.security.iam import evaluate
from awslab.security.iam_policy import compile_policy

OK = {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


BAD_DOCUMENTS = [
    ("not json", "{not json", "policies[0] is not valid JSON"),
    ("a list", [OK], "policies[0] must be a policy document"),
    ("no statement", {"Version": "2012-10-17"}, "no Statement"),
    ("empty statement list", doc(), "at least one statement"),
    ("bad version", {"Version": "2012-10-18", "Statement": [OK]}, "policies[0].Version='2012-10-18'"),
    ("unknown top key", {"Version": "2012-10-17", "Statement": [OK], "Statements": []}, "'Statements'"),
    ("lower-case effect", doc({**OK, "Effect": "allow"}), "policies[0].Statement[0].Effect='allow'"),
    ("missing effect", doc({"Action": "s3:*", "Resource": "*"}), "Statement[0].Effect=None"),
    ("both Action and NotAction", doc({**OK, "NotAction": "iam:*"}), "both Action and NotAction"),
    ("no action", doc({"Effect": "Allow", "Resource": "*"}), "needs Action or NotAction"),
    ("action without service", doc({**OK, "Action": "GetObject"}), "'service:ActionName'"),
    ("empty action list", doc({**OK, "Action": []}), "Statement[0].Action must list"),
    ("non-string action", doc({**OK, "Action": [1]}), "Statement[0].Action: 1"),
    ("no resource in identity policy", doc({"Effect": "Allow", "Action": "s3:*"}), "needs Resource or NotResource"),
    ("resource not an ARN", doc({**OK, "Resource": "examplebucket"}), "must be '*' or an ARN"),
    ("short ARN", doc({**OK, "Resource": "arn:aws:s3:bucket"}), "must be '*' or an ARN"),
    ("principal in identity policy", doc({**OK, "Principal": "*"}), "not allowed in an identity-based policy"),
    ("unknown element", doc({**OK, "Condtion": {}}), "unknown element 'Condtion'"),
    ("duplicate Sid", doc({**OK, "Sid": "A"}, {**OK, "Sid": "A"}), "repeated: A"),
    ("statement not object", doc("Allow"), "Statement[0] must be an object"),
    ("unknown operator", doc({**OK, "Condition": {"StringEqual": {"k": "v"}}}), "'StringEqual' is not one of"),
    ("Null with IfExists", doc({**OK, "Condition": {"NullIfExists": {"k": "true"}}}), "Null takes neither"),
    ("condition not object", doc({**OK, "Condition": ["x"]}), "Statement[0].Condition must be an object"),
    ("condition value null", doc({**OK, "Condition": {"StringEquals": {"k": None}}}), "must be a string, number"),
    ("bad number", doc({**OK, "Condition": {"NumericLessThan": {"s3:max-keys": "ten"}}}), "'ten' is not a number"),
    ("bad date", doc({**OK, "Condition": {"DateLessThan": {"aws:CurrentTime": "soon"}}}), "'soon' is not a date"),
    ("bad bool", doc({**OK, "Condition": {"Bool": {"aws:SecureTransport": "yes"}}}), "'yes' is not a boolean"),
    ("bad CIDR", doc({**OK, "Condition": {"IpAddress": {"aws:SourceIp": "300.1.1.1/8"}}}), "not an IP address"),
    ("empty condition value list", doc({**OK, "Condition": {"StringEquals": {"k": []}}}), "at least one value"),
]


@pytest.mark.parametrize(("name", "document", "message"), BAD_DOCUMENTS, ids=[b[0] for b in BAD_DOCUMENTS])
def test_malformed_documents_are_rejected_with_where(name, document, message):
    with pytest.raises(ValueError, match=None) as error:
        evaluate([document], "s3:GetObject", "arn:aws:s3:::b/k")
    assert message in str(error.value)


def test_resource_policy_needs_principal():
    with pytest.raises(ValueError, match=r"resource_policies\[0\]\.Statement\[0\] needs Principal or NotPrincipal"):
        evaluate([], "s3:GetObject", "arn:aws:s3:::b/k", resource_policies=[doc(OK)])


@pytest.mark.parametrize("principal", ["alice", {"AWS": "arn:aws:iam::123456789012:user/*"}, {"Group": "x"}])
def test_bad_principals(principal):
    with pytest.raises(ValueError, match=r"resource_policies\[0\]\.Statement\[0\]\.Principal"):
        evaluate([], "s3:GetObject", "*", resource_policies=[doc({**OK, "Principal": principal})])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"action": "GetObject"}, "action='GetObject'"),
        ({"action": "s3:"}, "action='s3:'"),
        ({"resource": ""}, "resource=''"),
        ({"principal": 5}, "principal=5"),
        ({"context": ["aws:SourceIp"]}, "context must be a dict"),
        ({"context": {"aws:SourceIp": {"nested": 1}}}, "context['aws:SourceIp']"),
        ({"context": {"aws:SourceIp": "not-an-ip"}}, "context['aws:SourceIp']='not-an-ip'"),
    ],
)
def test_bad_arguments_name_the_parameter(kwargs, message):
    policy = doc({**OK, "Action": "s3:*", "Condition": {"IpAddressIfExists": {"aws:SourceIp": "10.0.0.0/8"}}})
    args = {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", **kwargs}
    with pytest.raises(ValueError) as error:
        evaluate(
            [policy], args["action"], args["resource"], context=args.get("context"), principal=args.get("principal")
        )
    assert message in str(error.value)


def test_policies_must_be_a_list():
    with pytest.raises(ValueError, match="policies must be a list"):
        evaluate(42, "s3:GetObject", "*")


def test_missing_version_defaults_to_2008_and_compiles():
    compiled = compile_policy({"Statement": OK})
    assert compiled.version == "2008-10-17" and len(compiled.statements) == 1


def test_pasted_policy_text_is_bounded_in_size_and_nesting():
    from awslab.security.iam_policy import compile_policy

    with pytest.raises(ValueError, match="policy is nested too deeply"):
        compile_policy("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValueError, match="policy is .* characters long"):
        compile_policy(" " * 300_000)
