"""Identity for applications: what each sign-in path ends with (JWTs or temporary AWS credentials) and for how long,
whether a requested STS session duration is allowed, and attribute-based access control (ABAC) with tags.

A Cognito *user pool* is a user directory: a sign-in gives the app three JSON Web Tokens (ID, access, refresh) that
your own API (or API Gateway's Cognito authorizer) checks; they cannot sign an AWS API request. A Cognito *identity
pool* trades a proof of sign-in (a user pool ID token, an OIDC ID token, a SAML assertion, or nothing for guests) for
temporary AWS credentials of an IAM role. SAML 2.0 and OIDC federation reach STS directly
(AssumeRoleWithSAML / AssumeRoleWithWebIdentity); IAM Roles Anywhere trades an X.509 certificate for credentials.

Limits used here (all read 2026-12-03):

- STS AssumeRole / AssumeRoleWithSAML / AssumeRoleWithWebIdentity: DurationSeconds from 900 s up to the role's
  maximum session duration, which is 1 to 12 hours; default 3,600 s; role chaining caps a session at 1 hour
  (constants in :mod:`awslab.security.credentials`, checked again on the STS API Reference pages below).
- Cognito user pool app client: ID and access tokens valid from 5 minutes to 1 day (default 1 hour); refresh token
  from 60 minutes to 10 years (default 30 days).
- Cognito identity pool: the enhanced flow's GetCredentialsForIdentity takes no duration (credentials for one hour,
  as AWS re:Post explains); the basic flow's GetOpenIdToken token is valid for 10 minutes and the app then calls
  AssumeRoleWithWebIdentity itself with a DurationSeconds of its choice.
- IAM Roles Anywhere profile: durationSeconds from 900 to 43,200 s, default 3,600 s.

References:
    - AWS STS API Reference, "AssumeRoleWithWebIdentity",
      https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (read 2026-12-03)
    - AWS STS API Reference, "AssumeRole" (DurationSeconds, role chaining),
      https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (read 2026-12-03)
    - IAM User Guide, "Methods to assume a role",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html (read 2026-12-03)
    - Amazon Cognito API Reference, "TokenValidityUnitsType" and "UserPoolClientType",
      https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html
      (read 2026-12-03)
    - Amazon Cognito Developer Guide, "Identity pools authentication flow",
      https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html (read 2026-12-03)
    - Amazon Cognito Identity API Reference, "GetOpenIdToken",
      https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdToken.html (read 2026-12-03)
    - AWS re:Post, "How to increase expiration time of Cognito identity pool credentials",
      https://repost.aws/questions/QUl8Ul9iDrRt2qXkCeRV75Hg (read 2026-12-03)
    - IAM Roles Anywhere User Guide, "CreateSession API" and API Reference "CreateProfile",
      https://docs.aws.amazon.com/rolesanywhere/latest/userguide/authentication-create-session.html (read 2026-12-03)
    - IAM User Guide, "Define permissions based on attributes with ABAC authorization",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html
      (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from awslab import validate
from awslab.security import credentials, iam
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

TOKEN_MIN_SECONDS = 300  # ID and access tokens: 5 minutes ...
TOKEN_MAX_SECONDS = 86_400  # ... to 1 day
TOKEN_DEFAULT_SECONDS = 3_600  # 1 hour unless the app client says otherwise
REFRESH_MIN_SECONDS = 3_600  # refresh tokens: 60 minutes ...
REFRESH_MAX_SECONDS = 10 * 365 * 86_400  # ... to 10 years
REFRESH_DEFAULT_SECONDS = 30 * 86_400  # 30 days
ENHANCED_FLOW_SECONDS = 3_600  # GetCredentialsForIdentity: no duration parameter, one hour
OPENID_TOKEN_SECONDS = 600  # GetOpenIdToken: valid for 10 minutes
ROLES_ANYWHERE_RANGE_SECONDS = (900, 43_200)  # profile durationSeconds
ROLES_ANYWHERE_DEFAULT_SECONDS = 3_600

FLOWS = {
    "user-pool": "Cognito user pool sign-in (web app calling its own API)",
    "identity-pool-enhanced": "user pool + identity pool, enhanced flow (mobile app calling S3)",
    "identity-pool-basic": "user pool + identity pool, basic flow (app calls STS itself)",
    "identity-pool-guest": "identity pool guest (unauthenticated) access",
    "oidc": "OIDC provider token -> AssumeRoleWithWebIdentity (e.g. a CI pipeline)",
    "saml": "SAML 2.0 IdP assertion -> AssumeRoleWithSAML (workforce federation)",
    "roles-anywhere": "IAM Roles Anywhere: X.509 certificate -> CreateSession (on-premises server)",
}


@dataclass(frozen=True)
class Step:
    """One hop of a sign-in: who is called, with which API, what comes back, and how long it lasts (s, or None).

    >>> sign_in("user-pool").steps[0].returns
    'ID token + access token (JWTs) + refresh token'
    """

    service: str
    call: str
    returns: str
    lifetime_seconds: int | None


@dataclass(frozen=True)
class SignIn:
    """Where a sign-in path ends: the steps, what the app holds at the end, and for how long.

    ``aws_credentials`` says whether the app can sign AWS API requests (SigV4) at the end; ``usable_seconds`` is
    how long what it holds lasts; ``renew_without_user_seconds`` how long the app can renew silently (a refresh
    token's life), or None where the identity provider's own session decides.

    >>> s = sign_in("identity-pool-enhanced")
    >>> s.aws_credentials, s.usable_seconds
    (True, 3600)
    """

    flow: str
    description: str
    steps: tuple[Step, ...]
    ends_with: str
    aws_credentials: bool
    usable_seconds: int
    renew_without_user_seconds: int | None


@checked
def sign_in(
    flow: str,
    *,
    duration_seconds: int | None = None,
    role_max_session_seconds: int = credentials.ROLE_MAX_SESSION_SECONDS_DEFAULT,
    token_seconds: int = TOKEN_DEFAULT_SECONDS,
    refresh_seconds: int = REFRESH_DEFAULT_SECONDS,
) -> SignIn:
    """The hops of sign-in path ``flow`` (a key of :data:`FLOWS`) and what the app ends with.

    ``duration_seconds`` is the DurationSeconds (or Roles Anywhere durationSeconds) the app asks for, None for the
    default; a value outside the allowed range is refused with STS's rule. ``token_seconds`` is the app client's
    ID/access token validity, ``refresh_seconds`` its refresh token validity.

    >>> sign_in("saml", duration_seconds=7200, role_max_session_seconds=43200).usable_seconds
    7200
    >>> sign_in("user-pool").aws_credentials
    False
    """
    flow = validate.choice("flow", flow, FLOWS)
    token = validate.integer(
        "token_seconds", token_seconds, minimum=TOKEN_MIN_SECONDS, maximum=TOKEN_MAX_SECONDS, unit="s"
    )
    refresh = validate.integer(
        "refresh_seconds", refresh_seconds, minimum=REFRESH_MIN_SECONDS, maximum=REFRESH_MAX_SECONDS, unit="s"
    )
    pool = Step("Cognito user pool", "InitiateAuth", "ID token + access token (JWTs) + refresh token", token)

    def sts(api: str) -> int:
        return credentials.credential_lifetime(
            api, duration_seconds, "iam-user", role_max_session_seconds=role_max_session_seconds
        ).granted_seconds

    if flow == "user-pool":
        steps = (
            pool,
            Step(
                "your API (API Gateway Cognito authorizer)",
                "Authorization: <access token>",
                "the API checks the JWT's signature and expiry",
                None,
            ),
        )
        return SignIn(flow, FLOWS[flow], steps, "JWTs", False, token, refresh)
    if flow in ("identity-pool-enhanced", "identity-pool-guest"):
        if duration_seconds is not None:
            raise ValueError(
                f"duration_seconds={duration_seconds!r}: GetCredentialsForIdentity (enhanced flow) takes no duration; "
                "use the basic flow to choose one"
            )
        guest = flow == "identity-pool-guest"
        first = () if guest else (pool,)
        steps = first + (
            Step("Cognito identity pool", "GetId", "identity ID", None),
            Step(
                "Cognito identity pool",
                "GetCredentialsForIdentity",
                "temporary AWS credentials of the " + ("unauthenticated" if guest else "authenticated") + " role",
                ENHANCED_FLOW_SECONDS,
            ),
        )
        return SignIn(
            flow, FLOWS[flow], steps, "AWS credentials", True, ENHANCED_FLOW_SECONDS, None if guest else refresh
        )
    if flow == "identity-pool-basic":
        granted = sts("AssumeRoleWithWebIdentity")
        steps = (
            pool,
            Step("Cognito identity pool", "GetId", "identity ID", None),
            Step("Cognito identity pool", "GetOpenIdToken", "Cognito OpenID token", OPENID_TOKEN_SECONDS),
            Step("AWS STS", "AssumeRoleWithWebIdentity", "temporary AWS credentials", granted),
        )
        return SignIn(flow, FLOWS[flow], steps, "AWS credentials", True, granted, refresh)
    if flow == "oidc":
        granted = sts("AssumeRoleWithWebIdentity")
        steps = (
            Step("OIDC identity provider", "(provider sign-in)", "OIDC ID token (JWT)", None),
            Step("AWS STS", "AssumeRoleWithWebIdentity", "temporary AWS credentials", granted),
        )
        return SignIn(flow, FLOWS[flow], steps, "AWS credentials", True, granted, None)
    if flow == "saml":
        granted = sts("AssumeRoleWithSAML")
        steps = (
            Step("SAML 2.0 identity provider", "(provider sign-in)", "signed SAML assertion", None),
            Step("AWS STS", "AssumeRoleWithSAML", "temporary AWS credentials", granted),
        )
        return SignIn(flow, FLOWS[flow], steps, "AWS credentials", True, granted, None)
    low, high = ROLES_ANYWHERE_RANGE_SECONDS
    granted = (
        ROLES_ANYWHERE_DEFAULT_SECONDS
        if duration_seconds is None
        else validate.integer(
            "duration_seconds", duration_seconds, minimum=low, maximum=high, unit="s for an IAM Roles Anywhere profile"
        )
    )
    steps = (
        Step("your certificate authority", "(issue certificate)", "X.509 certificate + private key", None),
        Step("IAM Roles Anywhere", "CreateSession (signed with the private key)", "temporary AWS credentials", granted),
    )
    return SignIn(flow, FLOWS[flow], steps, "AWS credentials", True, granted, None)


@checked
def flow_table(*, role_max_session_seconds: int = credentials.ROLE_MAX_SESSION_SECONDS_DEFAULT) -> pd.DataFrame:
    """Every sign-in path at its defaults: what the app ends with, for how long, and how long it can renew alone.

    >>> float(flow_table().loc["saml", "usable (h)"])
    1.0
    """
    import pandas as pd

    rows = {}
    for flow in FLOWS:
        s = sign_in(flow, role_max_session_seconds=role_max_session_seconds)
        renew = s.renew_without_user_seconds
        rows[flow] = {
            "ends with": s.ends_with,
            "signs AWS requests": s.aws_credentials,
            "usable (h)": round(s.usable_seconds / 3600, 2),
            "silent renewal": "identity provider decides" if renew is None else f"{renew / 86400:g} days",
            "calls": " -> ".join(step.call for step in s.steps),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


# --- Session duration validity -------------------------------------------------------------------------------
@dataclass(frozen=True)
class DurationCheck:
    """Whether STS accepts a DurationSeconds: ``valid``, the seconds granted (None if refused) and why.

    >>> check_duration(7200, role_max_session_seconds=3600).valid
    False
    """

    requested_seconds: int | None
    valid: bool
    granted_seconds: int | None
    reason: str


@checked
def check_duration(
    requested_seconds: int | None,
    *,
    role_max_session_seconds: int = credentials.ROLE_MAX_SESSION_SECONDS_DEFAULT,
    role_chaining: bool = False,
) -> DurationCheck:
    """Would AssumeRole* accept DurationSeconds=``requested_seconds`` (None: omitted) for this role? Never raises
    for a refused duration: it says why, as STS's error would.

    >>> check_duration(5400, role_max_session_seconds=43200, role_chaining=True).reason
    'role chaining caps a session at 3,600 s'
    >>> check_duration(None, role_max_session_seconds=43200).granted_seconds
    3600
    """
    role_max = validate.integer(
        "role_max_session_seconds",
        role_max_session_seconds,
        minimum=credentials.ROLE_MAX_SESSION_SECONDS_DEFAULT,
        maximum=credentials.ROLE_MAX_SESSION_SECONDS_LIMIT,
        unit="s",
    )
    if not isinstance(role_chaining, bool):
        raise TypeError(f"role_chaining={role_chaining!r} must be True or False")
    if requested_seconds is None:
        return DurationCheck(None, True, credentials.ROLE_MAX_SESSION_SECONDS_DEFAULT, "omitted: the default 3,600 s")
    requested = validate.integer("requested_seconds", requested_seconds, minimum=1, maximum=10**7, unit="s")
    if requested < credentials.MIN_SESSION_SECONDS:
        return DurationCheck(requested, False, None, "below the 900 s minimum")
    if role_chaining and requested > credentials.ROLE_CHAINING_MAX_SECONDS:
        return DurationCheck(requested, False, None, "role chaining caps a session at 3,600 s")
    if requested > role_max:
        return DurationCheck(requested, False, None, f"above the role's MaxSessionDuration ({role_max:,} s)")
    return DurationCheck(requested, True, requested, "within 900 s and the role's maximum")


# --- ABAC with tags ------------------------------------------------------------------------------------------
ABAC_TAG_KEY = "project"


@lru_cache(maxsize=8)
def _abac_policy_text(tag_key: str) -> str:
    import json

    return json.dumps(abac_policy(tag_key))


@checked
def abac_policy(tag_key: str = ABAC_TAG_KEY) -> dict:
    """An ABAC identity policy: start, stop and describe EC2 instances whose ``tag_key`` tag equals the caller's own
    ``tag_key`` principal tag (IAM policy variable ``${aws:PrincipalTag/<key>}``).

    >>> abac_policy()["Statement"][0]["Condition"]
    {'StringEquals': {'aws:ResourceTag/project': '${aws:PrincipalTag/project}'}}
    """
    if not isinstance(tag_key, str) or not tag_key.isidentifier() or len(tag_key) > 64:
        raise ValueError(f"tag_key={tag_key!r} must be a short tag key such as 'project' (letters, digits, _)")
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "SameProjectOnly",
                "Effect": "Allow",
                "Action": ["ec2:StartInstances", "ec2:StopInstances"],
                "Resource": "arn:aws:ec2:*:*:instance/*",
                "Condition": {"StringEquals": {f"aws:ResourceTag/{tag_key}": f"${{aws:PrincipalTag/{tag_key}}}"}},
            }
        ],
    }


@checked
def abac_decision(
    principal_tag: str | None,
    resource_tag: str | None,
    *,
    action: str = "ec2:StopInstances",
    tag_key: str = ABAC_TAG_KEY,
) -> iam.Evaluation:
    """The evaluator's decision for a caller tagged ``principal_tag`` acting on an instance tagged ``resource_tag``
    (None: that tag is absent), through :func:`awslab.security.iam.evaluate` with the tags as context keys.

    >>> abac_decision("apollo", "apollo").decision, abac_decision("apollo", "gemini").decision
    ('allowed', 'implicitDeny')
    """
    for name, value in (("principal_tag", principal_tag), ("resource_tag", resource_tag)):
        if value is not None and (not isinstance(value, str) or not value or len(value) > 256):
            raise ValueError(f"{name}={value!r} must be a tag value of 1 to 256 characters, or None for no tag")
    context = {}
    if principal_tag is not None:
        context[f"aws:PrincipalTag/{tag_key}"] = principal_tag
    if resource_tag is not None:
        context[f"aws:ResourceTag/{tag_key}"] = resource_tag
    return iam.evaluate(
        [_abac_policy_text(tag_key)], action, "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", context=context
    )


@checked
def abac_grid(principal_tags: tuple[str, ...], resource_tags: tuple[str, ...]) -> pd.DataFrame:
    """Decisions for every (caller's tag, instance's tag) pair; "(none)" stands for an absent tag.

    >>> abac_grid(("apollo",), ("apollo", "(none)")).loc["apollo"].tolist()
    ['allowed', 'implicitDeny']
    """
    import pandas as pd

    if not principal_tags or not resource_tags or len(principal_tags) > 20 or len(resource_tags) > 20:
        raise ValueError("principal_tags and resource_tags must each hold 1 to 20 tag values")

    def tag(value: str) -> str | None:
        return None if value == "(none)" else value

    rows = {p: [abac_decision(tag(p), tag(r)).decision for r in resource_tags] for p in principal_tags}
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(resource_tags))
