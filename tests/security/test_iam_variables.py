"""Policy variables that cannot be resolved never fail open (issue 18).

IAM User Guide, "IAM policy elements: Variables and tags" (reference_policies_variables, read 2026-12-03): if AWS
cannot resolve a variable, the entire statement may be invalid; use ...IfExists to avoid that. The model treats such a
statement as invalid for the request: it neither allows nor denies, whatever element (Resource, NotResource,
Condition) or operator (negated or not) holds the variable.
"""

import json

from awslab.security.iam import evaluate

BOB = "arn:aws:iam::123456789012:user/bob"
ROLE = "arn:aws:sts::123456789012:assumed-role/app/session"  # a role session has no aws:username


def policy(**statement):
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", **statement}]}


def test_not_resource_with_an_unresolved_variable_does_not_allow_everything_else():
    home = policy(NotResource="arn:aws:s3:::home/${aws:username}/*")
    for principal in (None, ROLE):
        result = evaluate([home], "s3:GetObject", "arn:aws:s3:::payroll/secret", principal=principal)
        assert result.decision == "implicitDeny", principal
        assert "aws:username" in result.missing_context_keys
        assert "no value" in result.explain()
    # with a user name the variable resolves and NotResource works as written
    assert evaluate([home], "s3:GetObject", "arn:aws:s3:::payroll/secret", principal=BOB).allowed
    assert not evaluate([home], "s3:GetObject", "arn:aws:s3:::home/bob/notes", principal=BOB).allowed


def test_resource_with_an_unresolved_variable_matches_nothing_even_beside_a_literal():
    mixed = policy(Resource=["arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::public/*"])
    assert not evaluate([mixed], "s3:GetObject", "arn:aws:s3:::public/a").allowed  # the statement is invalid
    assert evaluate([mixed], "s3:GetObject", "arn:aws:s3:::public/a", principal=BOB).allowed


def test_negated_condition_with_an_unresolved_variable_does_not_hold():
    for operator in ("StringNotLike", "StringNotEquals", "ArnNotLike"):
        guarded = policy(Resource="*", Condition={operator: {"s3:prefix": "home/${aws:username}/*"}})
        result = evaluate([guarded], "s3:GetObject", "arn:aws:s3:::b/k", context={"s3:prefix": "payroll/"})
        assert result.decision == "implicitDeny", operator
        resolved = evaluate(
            [guarded], "s3:GetObject", "arn:aws:s3:::b/k", context={"s3:prefix": "payroll/"}, principal=BOB
        )
        assert resolved.allowed, operator


def test_a_default_value_resolves_the_variable():
    shared = policy(NotResource="arn:aws:s3:::home/${aws:username, 'nobody'}/*")
    assert evaluate([shared], "s3:GetObject", "arn:aws:s3:::payroll/secret").allowed
    assert not evaluate([shared], "s3:GetObject", "arn:aws:s3:::home/nobody/x").allowed


def test_a_deny_with_an_unresolved_variable_is_invalid_too():
    allow_all = {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}
    deny_others = {"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::home/${aws:username}/*"}
    both = {"Version": "2012-10-17", "Statement": [allow_all, deny_others]}
    # the Deny cannot be evaluated without a user name: AWS treats it as invalid, so only the Allow applies
    result = evaluate([both], "s3:GetObject", "arn:aws:s3:::payroll/secret", principal=ROLE)
    assert result.decision == "allowed" and "aws:username" in result.missing_context_keys
    assert evaluate([both], "s3:GetObject", "arn:aws:s3:::payroll/secret", principal=BOB).decision == "explicitDeny"


def test_compiled_policies_are_cached_by_content_and_never_stale():
    from awslab.security import iam

    document = policy(Resource="arn:aws:s3:::b/*")
    assert evaluate([document], "s3:GetObject", "arn:aws:s3:::b/k").allowed
    # (the same content may already have been compiled by an earlier test in this process: ask the cache, whichever)
    first = iam._compile_all([document], "identity", "policies")[0]
    assert iam._compile_all([document], "identity", "policies")[0] is first  # same dict: no recompilation
    twin = json.loads(json.dumps(document))  # a new dict, same content
    assert iam._compile_all([twin], "identity", "policies")[0] is first
    assert iam._compile_all([json.dumps(document, separators=(",", ":"))], "identity", "policies")[0] is first
    document["Statement"][0]["Effect"] = "Deny"  # changed in place after it was evaluated
    assert evaluate([document], "s3:GetObject", "arn:aws:s3:::b/k").decision == "explicitDeny"
    document["Statement"][0]["Resource"] = "arn:aws:s3:::other/*"
    assert evaluate([document], "s3:GetObject", "arn:aws:s3:::b/k").decision == "implicitDeny"


def test_a_non_string_leaf_changed_in_place_is_recompiled():
    document = policy(Resource="*", Condition={"Bool": {"aws:SecureTransport": True}})
    assert evaluate([document], "s3:GetObject", "*", context={"aws:SecureTransport": True}).allowed
    document["Statement"][0]["Condition"]["StringEquals"] = {"aws:x": 1}  # 1 == True must not reuse the old one
    del document["Statement"][0]["Condition"]["Bool"]
    assert not evaluate([document], "s3:GetObject", "*", context={"aws:x": "True"}).allowed
    assert evaluate([document], "s3:GetObject", "*", context={"aws:x": "1"}).allowed
