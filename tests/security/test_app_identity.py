"""Identity for applications: STS session limits as the STS API Reference states them, Cognito token ranges, the
sign-in paths, and ABAC through the course's evaluator."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.security import app_identity, credentials, iam


# AWS STS API Reference, AssumeRole / AssumeRoleWithWebIdentity, DurationSeconds (read 2026-12-03): "if you specify
# a session duration of 12 hours, but your administrator set the maximum session duration to 6 hours, your
# operation fails"; "if you assume a role using role chaining and provide a DurationSeconds parameter value greater
# than one hour, the operation fails"; "By default, the value is set to 3600 seconds"; minimum 900 seconds.
def test_sts_documented_duration_examples():
    assert not app_identity.check_duration(12 * 3600, role_max_session_seconds=6 * 3600).valid
    assert app_identity.check_duration(12 * 3600, role_max_session_seconds=12 * 3600).granted_seconds == 43_200
    chained = app_identity.check_duration(3601, role_max_session_seconds=12 * 3600, role_chaining=True)
    assert not chained.valid and chained.reason == "role chaining caps a session at 3,600 s"
    assert app_identity.check_duration(None).granted_seconds == 3600
    assert not app_identity.check_duration(899).valid and app_identity.check_duration(900).valid
    with pytest.raises(ValueError, match="outside the allowed range"):
        app_identity.sign_in("saml", duration_seconds=12 * 3600, role_max_session_seconds=6 * 3600)


@given(
    requested=st.integers(min_value=1, max_value=200_000),
    role_max=st.integers(min_value=3600, max_value=43_200),
    chained=st.booleans(),
)
def test_duration_check_agrees_with_the_credentials_model(requested, role_max, chained):
    check = app_identity.check_duration(requested, role_max_session_seconds=role_max, role_chaining=chained)
    cap = 3600 if chained else role_max
    assert check.valid == (900 <= requested <= cap)
    try:
        granted = credentials.credential_lifetime(
            "AssumeRole", requested, role_max_session_seconds=role_max, role_chaining=chained
        ).granted_seconds
    except ValueError:
        granted = None
    assert check.granted_seconds == granted


# Amazon Cognito API Reference, TokenValidityUnitsType / UserPoolClientType (read 2026-12-03): ID and access tokens
# five minutes to one day, refresh tokens 60 minutes to 10 years, refresh default 30 days.
def test_cognito_token_ranges():
    assert app_identity.sign_in("user-pool", token_seconds=300).usable_seconds == 300
    assert app_identity.sign_in("user-pool", token_seconds=86_400).usable_seconds == 86_400
    with pytest.raises(ValueError, match="token_seconds=299 is outside the allowed range"):
        app_identity.sign_in("user-pool", token_seconds=299)
    with pytest.raises(ValueError, match="refresh_seconds"):
        app_identity.sign_in("user-pool", refresh_seconds=10 * 365 * 86_400 + 1)
    assert app_identity.sign_in("user-pool").renew_without_user_seconds == 30 * 86_400


def test_what_each_path_ends_with():
    table = app_identity.flow_table()
    assert table.loc["user-pool", "ends with"] == "JWTs" and not table.loc["user-pool", "signs AWS requests"]
    assert all(table.drop(index="user-pool")["signs AWS requests"])
    # GetOpenIdToken (Cognito Identity API Reference): "The OpenID token is valid for 10 minutes."
    basic = app_identity.sign_in("identity-pool-basic", duration_seconds=7200, role_max_session_seconds=7200)
    assert [s.call for s in basic.steps] == ["InitiateAuth", "GetId", "GetOpenIdToken", "AssumeRoleWithWebIdentity"]
    assert basic.steps[2].lifetime_seconds == 600 and basic.usable_seconds == 7200
    enhanced = app_identity.sign_in("identity-pool-enhanced")
    assert [s.call for s in enhanced.steps][-1] == "GetCredentialsForIdentity" and enhanced.usable_seconds == 3600
    with pytest.raises(ValueError, match="takes no duration"):
        app_identity.sign_in("identity-pool-enhanced", duration_seconds=7200)
    # IAM Roles Anywhere CreateProfile: durationSeconds 900 to 43200, default 3600
    assert app_identity.sign_in("roles-anywhere").usable_seconds == 3600
    assert app_identity.sign_in("roles-anywhere", duration_seconds=43_200).usable_seconds == 43_200
    with pytest.raises(ValueError, match="Roles Anywhere profile"):
        app_identity.sign_in("roles-anywhere", duration_seconds=43_201)
    guest = app_identity.sign_in("identity-pool-guest")
    assert "unauthenticated" in guest.steps[-1].returns and guest.renew_without_user_seconds is None


def test_bad_arguments_name_the_parameter():
    with pytest.raises(ValueError, match="flow='cognito' is not one of"):
        app_identity.sign_in("cognito")
    with pytest.raises(ValueError, match="role_max_session_seconds=50000 is outside the allowed range"):
        app_identity.check_duration(3600, role_max_session_seconds=50_000)
    with pytest.raises(ValueError, match="principal_tag=''"):
        app_identity.abac_decision("", "apollo")
    with pytest.raises(ValueError, match="tag_key"):
        app_identity.abac_policy("cost center")


# IAM User Guide, "IAM tutorial: Define permissions to access AWS resources based on tags" (read 2026-12-03): the
# tutorial's policy allows actions when aws:ResourceTag/access-project equals ${aws:PrincipalTag/access-project}.
TUTORIAL_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "secretsmanager:GetSecretValue",
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceTag/access-project": "${aws:PrincipalTag/access-project}"}},
        }
    ],
}


def test_the_abac_tutorial_through_the_evaluator():
    def decide(principal, resource):
        context = {"aws:PrincipalTag/access-project": principal, "aws:ResourceTag/access-project": resource}
        arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:peg-db"
        return iam.evaluate([TUTORIAL_POLICY], "secretsmanager:GetSecretValue", arn, context=context).decision

    assert decide("peg", "peg") == "allowed"
    assert decide("peg", "heart") == "implicitDeny"


@given(
    principal=st.one_of(st.none(), st.sampled_from(["apollo", "gemini", "Apollo"])),
    resource=st.one_of(st.none(), st.sampled_from(["apollo", "gemini", "Apollo"])),
)
def test_abac_allows_exactly_matching_present_tags(principal, resource):
    decision = app_identity.abac_decision(principal, resource).decision
    same = principal is not None and principal == resource
    assert decision == ("allowed" if same else "implicitDeny")


def test_abac_policy_is_valid_json_for_the_evaluator():
    text = json.dumps(app_identity.abac_policy("team"))
    result = iam.evaluate(
        [text],
        "ec2:StartInstances",
        "arn:aws:ec2:us-east-1:1:instance/i-1",
        context={"aws:PrincipalTag/team": "red", "aws:ResourceTag/team": "red"},
    )
    assert result.decision == "allowed"
    grid = app_identity.abac_grid(("red", "(none)"), ("red", "blue", "(none)"))
    assert grid.to_numpy().tolist() == [["allowed", "implicitDeny", "implicitDeny"]] + [["implicitDeny"] * 3]
