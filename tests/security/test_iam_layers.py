"""The evaluator's layers (awslab.security.layers): AWS's documented examples for each layer, cited by page, and the
invariants: a Deny never widens access, an SCP level never widens access, and with no new layer the answer is the
one-account evaluator's."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.security import iam, layers, organizations
from awslab.security.exercises import governance
from awslab.security.iam import evaluate

A = "111122223333"
B = "444455556666"
MGMT = "999988887777"
USER = f"arn:aws:iam::{A}:user/ShirleyRodriguez"
ROLE = f"arn:aws:iam::{A}:role/Reader"
SESSION = f"arn:aws:sts::{A}:assumed-role/Reader/app"
BUCKET_OBJECT = "arn:aws:s3:::example-bucket/k"


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(action="*", resource="*", **extra):
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action="*", resource="*", **extra):
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


FULL = organizations.FULL_AWS_ACCESS
RCP_FULL = organizations.RCP_FULL_AWS_ACCESS


# --- Permissions boundaries (IAM User Guide, "Permissions boundaries for IAM entities",
# https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html, read 2026-12-03) ------------
SHIRLEY_BOUNDARY = doc(allow(["s3:*", "cloudwatch:*", "ec2:*"]))


def test_boundary_example_shirley_cannot_create_a_user_her_policy_allows():
    # The page's example: a boundary of S3, CloudWatch and EC2; her permissions policy allows iam:CreateUser; the
    # operation fails.
    result = evaluate([doc(allow("iam:CreateUser"))], "iam:CreateUser", "*", principal=USER,
                      permissions_boundary=SHIRLEY_BOUNDARY)  # fmt: skip
    assert result.decision == "implicitDeny"
    assert result.layer == "permissions_boundary" and result.reason == "no Allow in the permissions boundary"
    # ... and a boundary alone grants nothing.
    alone = evaluate([], "s3:GetObject", BUCKET_OBJECT, principal=USER, permissions_boundary=SHIRLEY_BOUNDARY)
    assert alone.decision == "implicitDeny" and alone.layer == "policies"
    both = evaluate([doc(allow("s3:GetObject"))], "s3:GetObject", BUCKET_OBJECT, principal=USER,
                    permissions_boundary=SHIRLEY_BOUNDARY)  # fmt: skip
    assert both.allowed


def test_boundary_page_resource_policy_naming_the_user_arn_is_not_limited():
    # "Resource-based policies": within an account, a resource-based policy that names the IAM user ARN is not
    # limited by an implicit deny in the identity policy or the boundary; one that names a role ARN is.
    names_user = doc(allow("s3:GetObject", BUCKET_OBJECT, Principal={"AWS": USER}))
    result = evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_user], principal=USER,
                      permissions_boundary=doc(allow("ec2:*")))  # fmt: skip
    assert result.allowed and result.layer == "resource_policies"
    names_role = doc(allow("s3:GetObject", BUCKET_OBJECT, Principal={"AWS": ROLE}))
    limited = evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_role], principal=SESSION,
                       permissions_boundary=doc(allow("ec2:*")))  # fmt: skip
    assert limited.decision == "implicitDeny" and limited.layer == "permissions_boundary"
    names_session = doc(allow("s3:GetObject", BUCKET_OBJECT, Principal={"AWS": SESSION}))
    direct = evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_session], principal=SESSION,
                      permissions_boundary=doc(allow("ec2:*")))  # fmt: skip
    assert direct.allowed


def test_an_explicit_deny_in_a_boundary_wins_even_over_a_resource_policy_naming_the_user():
    names_user = doc(allow("s3:GetObject", BUCKET_OBJECT, Principal={"AWS": USER}))
    result = evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_user], principal=USER,
                      permissions_boundary=doc(allow(), deny("s3:*")))  # fmt: skip
    assert result.decision == "explicitDeny" and result.layer == "permissions_boundary"


# --- Session policies (IAM User Guide, "Policies and permissions in AWS Identity and Access Management", session
# policies, https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session, read 2026-12-03) -
def test_session_policy_limits_the_role_and_cannot_add_to_it():
    role_policy = doc(allow(["s3:GetObject", "s3:PutObject"]))
    session = [doc(allow("s3:GetObject"))]
    assert evaluate([role_policy], "s3:GetObject", BUCKET_OBJECT, principal=SESSION, session_policies=session).allowed
    put = evaluate([role_policy], "s3:PutObject", BUCKET_OBJECT, principal=SESSION, session_policies=session)
    assert put.decision == "implicitDeny" and put.layer == "session_policies"
    # "You cannot use session policies to grant more permissions than those allowed by the identity-based policy."
    wider = evaluate([doc(allow("s3:GetObject"))], "ec2:RunInstances", "*", principal=SESSION,
                     session_policies=[FULL])  # fmt: skip
    assert wider.decision == "implicitDeny" and wider.layer == "policies"


def test_session_page_resource_policy_naming_the_session_is_not_limited_but_naming_the_role_is():
    session = [doc(allow("ec2:*"))]
    names_session = doc(allow("s3:GetObject", BUCKET_OBJECT, Principal={"AWS": SESSION}))
    assert evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_session], principal=SESSION,
                    session_policies=session).allowed  # fmt: skip
    names_role = doc(allow("s3:GetObject", BUCKET_OBJECT, Principal={"AWS": ROLE}))
    limited = evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_role], principal=SESSION,
                       session_policies=session)  # fmt: skip
    assert limited.decision == "implicitDeny" and limited.layer == "session_policies"


# --- SCPs (AWS Organizations User Guide, "SCP evaluation",
# https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html, and
# "Service control policies (SCPs)", read 2026-12-03) -------------------------------------------------------------
ADMIN = [organizations.ADMINISTRATOR_ACCESS]


def member(action, scps, principal=USER, **kw):
    return evaluate(ADMIN, action, "*", principal=principal, scps=scps, management_account=MGMT, **kw)


def test_scp_deny_strategy_a_deny_at_an_ou_blocks_the_accounts_below():
    # FullAWSAccess everywhere, plus a Deny of S3 on the OU: everything but S3.
    scps = [[FULL], [FULL, doc(deny("s3:*"))], [FULL]]
    blocked = member("s3:GetObject", scps)
    assert blocked.decision == "explicitDeny" and blocked.reason == "denied by an SCP at level 1 (Statement[0])"
    assert member("ec2:RunInstances", scps).allowed


def test_scp_allow_strategy_every_level_must_allow():
    # Allow-list strategy: FullAWSAccess replaced by an Allow of EC2 at the OU and EC2 + S3 at the account: only EC2.
    scps = [[FULL], [doc(allow("ec2:*"))], [doc(allow(["ec2:*", "s3:*"]))]]
    assert member("ec2:RunInstances", scps).allowed
    s3 = member("s3:GetObject", scps)
    assert s3.decision == "implicitDeny" and s3.reason == "no Allow in the SCPs at level 1"
    # Disjoint allow lists (S3 at the OU, EC2 at the account): nothing passes.
    disjoint = [[FULL], [doc(allow("s3:*"))], [doc(allow("ec2:*"))]]
    assert not member("s3:GetObject", disjoint).allowed and not member("ec2:RunInstances", disjoint).allowed


def test_scps_never_grant():
    result = evaluate([], "s3:GetObject", BUCKET_OBJECT, principal=USER, scps=[[FULL]])
    assert result.decision == "implicitDeny" and result.layer == "policies"


def test_scps_limit_a_member_root_user_but_never_the_management_account():
    scps = [[FULL, organizations.DENY_ROOT_USER]]
    member_root = member("ec2:RunInstances", scps, principal=f"arn:aws:iam::{A}:root")
    assert member_root.decision == "explicitDeny" and member_root.layer == "scps"
    management_root = member("ec2:RunInstances", scps, principal=f"arn:aws:iam::{MGMT}:root")
    assert management_root.allowed
    assert next(x for x in management_root.layers if x.name == "scps").status == "does not apply"
    management_user = member("s3:GetObject", [[doc(allow("ec2:*"))]], principal=f"arn:aws:iam::{MGMT}:user/ops")
    assert management_user.allowed


def test_scps_do_not_restrict_service_linked_roles():
    slr = f"arn:aws:sts::{A}:assumed-role/AWSServiceRoleForOrganizations/session"
    assert member("s3:GetObject", [[doc(deny())]], principal=slr).allowed
    assert member("s3:GetObject", [[doc(deny())]], principal=SESSION).decision == "explicitDeny"


# --- RCPs (AWS Organizations User Guide, "Resource control policies (RCPs)" and "RCP evaluation",
# https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html, read 2026-12-03; the
# identity-perimeter sample from the AWS KMS Developer Guide, "Resource control policies in AWS KMS") --------------
PARTNER = f"arn:aws:iam::{B}:user/partner"
PARTNER_READ = doc(allow("s3:GetObject", "arn:aws:s3:::example-bucket/*", Principal={"AWS": f"arn:aws:iam::{B}:root"}))
PERIMETER = [[RCP_FULL, organizations.identity_perimeter_rcp("o-a1b2c3d4e5")]]


def partner_read(rcps, context, resource_account=A):
    return evaluate([doc(allow("s3:GetObject"))], "s3:GetObject", BUCKET_OBJECT, resource_policies=[PARTNER_READ],
                    principal=PARTNER, rcps=rcps, context=context, resource_account=resource_account,
                    management_account=MGMT)  # fmt: skip


def test_rcp_identity_perimeter_denies_outsiders_even_with_a_bucket_policy():
    outside = partner_read(PERIMETER, {"aws:PrincipalIsAWSService": False})
    assert outside.decision == "explicitDeny" and outside.layer == "rcps"
    inside = partner_read(PERIMETER, {"aws:PrincipalIsAWSService": False, "aws:PrincipalOrgID": "o-a1b2c3d4e5"})
    assert inside.allowed


def test_rcps_do_not_affect_resources_of_the_management_account():
    result = partner_read(PERIMETER, {"aws:PrincipalIsAWSService": False}, resource_account=MGMT)
    assert result.allowed
    assert (
        next(x for x in result.layers if x.name == "rcps").note
        == "RCPs do not affect resources in the management account"
    )


def test_rcps_apply_to_aws_service_principals_unless_the_rcp_exempts_them():
    bucket = doc(
        allow("s3:PutObject", "arn:aws:s3:::example-bucket/*", Principal={"Service": "logging.s3.amazonaws.com"})
    )
    deny_all = [[RCP_FULL, doc(deny(Principal="*"))]]
    service = "logging.s3.amazonaws.com"
    blocked = evaluate([], "s3:PutObject", BUCKET_OBJECT, resource_policies=[bucket], principal=service,
                       rcps=deny_all, resource_account=A)  # fmt: skip
    assert blocked.decision == "explicitDeny" and blocked.layer == "rcps"
    exempt = evaluate([], "s3:PutObject", BUCKET_OBJECT, resource_policies=[bucket], principal=service,
                      rcps=PERIMETER, context={"aws:PrincipalIsAWSService": True}, resource_account=A)  # fmt: skip
    assert exempt.allowed
    # SCPs, by contrast, do not apply to a service principal at all.
    assert evaluate([], "s3:PutObject", BUCKET_OBJECT, resource_policies=[bucket], principal=service,
                    scps=[[doc(deny())]]).allowed  # fmt: skip


def test_rcps_do_not_restrict_service_linked_roles():
    slr = f"arn:aws:iam::{A}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
    result = evaluate([doc(allow())], "s3:GetObject", BUCKET_OBJECT, principal=slr, rcps=[[doc(deny(Principal="*"))]])
    assert result.allowed


# --- Cross-account (IAM User Guide, "Cross-account policy evaluation logic",
# https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html,
# read 2026-12-03): both the identity side in the caller's account and the resource-based policy must allow -------
def test_cross_account_needs_both_sides():
    identity = [doc(allow("s3:GetObject", "arn:aws:s3:::example-bucket/*"))]
    args = dict(principal=PARTNER, resource_account=A)
    both = evaluate(identity, "s3:GetObject", BUCKET_OBJECT, resource_policies=[PARTNER_READ], **args)
    assert both.allowed
    no_bucket_policy = evaluate(identity, "s3:GetObject", BUCKET_OBJECT, **args)
    assert no_bucket_policy.decision == "implicitDeny" and no_bucket_policy.layer == "resource_policies"
    no_identity = evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[PARTNER_READ], **args)
    assert no_identity.decision == "implicitDeny" and no_identity.layer == "policies"
    # Naming the user directly does not spare the identity side across accounts, nor the boundary.
    names_user = doc(allow("s3:GetObject", "arn:aws:s3:::example-bucket/*", Principal={"AWS": PARTNER}))
    assert not evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_user], **args).allowed
    capped = evaluate(identity, "s3:GetObject", BUCKET_OBJECT, resource_policies=[names_user],
                      permissions_boundary=doc(allow("ec2:*")), **args)  # fmt: skip
    assert capped.layer == "permissions_boundary"


def test_cross_account_is_read_from_the_resource_arn_when_it_has_an_account():
    queue = f"arn:aws:sqs:us-east-1:{A}:orders"
    identity = [doc(allow("sqs:SendMessage"))]
    assert not evaluate(identity, "sqs:SendMessage", queue, principal=PARTNER).allowed
    queue_policy = doc(allow("sqs:SendMessage", queue, Principal={"AWS": B}))
    assert evaluate(identity, "sqs:SendMessage", queue, principal=PARTNER, resource_policies=[queue_policy]).allowed


# --- KMS key policies (AWS KMS Developer Guide, "Default key policy",
# https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html, read 2026-12-03) ---------------------
KEY = f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ENABLE_IAM = doc(
    {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:root"},
     "Action": "kms:*", "Resource": "*"}
)  # fmt: skip


def test_kms_iam_policies_count_only_when_the_key_policy_allows_the_account():
    identity = [doc(allow("kms:Decrypt"))]
    assert evaluate(identity, "kms:Decrypt", KEY, principal=USER, resource_policies=[ENABLE_IAM]).allowed
    admins_only = doc(allow("kms:*", Principal={"AWS": f"arn:aws:iam::{A}:role/KeyAdmin"}))
    ignored = evaluate(identity, "kms:Decrypt", KEY, principal=USER, resource_policies=[admins_only])
    assert ignored.decision == "implicitDeny" and ignored.layer == "resource_policies"
    assert "IAM policies do not count" in ignored.reason
    # A key policy that names the user grants access by itself.
    names_user = doc(allow("kms:Decrypt", Principal={"AWS": USER}))
    assert evaluate([], "kms:Decrypt", KEY, principal=USER, resource_policies=[names_user]).allowed
    # Even the root user needs the key policy.
    root = f"arn:aws:iam::{A}:root"
    assert not evaluate([], "kms:Decrypt", KEY, principal=root, resource_policies=[admins_only]).allowed
    assert evaluate([], "kms:Decrypt", KEY, principal=root, resource_policies=[ENABLE_IAM]).allowed


# --- Role trust policies (IAM User Guide, "IAM roles" and "Cross-account policy evaluation logic") ----------------
ROLE_ARN = f"arn:aws:iam::{A}:role/Deploy"


def trust(principal):
    return doc({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"})


def test_trust_policy_must_name_the_caller_or_its_account():
    may_assume = [doc(allow("sts:AssumeRole", ROLE_ARN))]
    assert evaluate(may_assume, "sts:AssumeRole", ROLE_ARN, principal=USER, resource_policies=[trust(A)]).allowed
    account_only = evaluate([], "sts:AssumeRole", ROLE_ARN, principal=USER, resource_policies=[trust(A)])
    assert account_only.decision == "implicitDeny"
    assert evaluate([], "sts:AssumeRole", ROLE_ARN, principal=USER, resource_policies=[trust(USER)]).allowed
    nobody = evaluate(may_assume, "sts:AssumeRole", ROLE_ARN, principal=USER, resource_policies=[trust(B)])
    assert nobody.decision == "implicitDeny" and nobody.layer == "resource_policies"
    # Across accounts: the trust policy names account B, and B's user needs its own Allow.
    assert evaluate(may_assume, "sts:AssumeRole", ROLE_ARN, principal=PARTNER, resource_policies=[trust(B)]).allowed
    assert not evaluate([], "sts:AssumeRole", ROLE_ARN, principal=PARTNER, resource_policies=[trust(B)]).allowed


# --- The scenarios of the notebook --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "decision", "layer"),
    [
        ("developer with AdministratorAccess, capped by a boundary", "implicitDeny", "permissions_boundary"),
        ("member-account root user blocked by an SCP", "explicitDeny", "scps"),
        ("cross-account S3 read without a bucket policy", "implicitDeny", "resource_policies"),
        ("KMS key policy without IAM permissions", "implicitDeny", "resource_policies"),
        ("RCP keeps outsiders out despite a bucket policy", "explicitDeny", "rcps"),
    ],
)
def test_each_scenario_fails_at_its_layer_and_its_fix_works(name, decision, layer):
    result = organizations.evaluate_scenario(name)
    assert (result.decision, result.layer) == (decision, layer)
    assert sum(x.deciding for x in result.layers) == 1
    assert organizations.evaluate_scenario(name, fixed=True).allowed


def test_explain_and_trace_cover_every_layer():
    result = organizations.evaluate_scenario("member-account root user blocked by an SCP")
    assert result.explain().endswith("decided by the SCPs: denied by an SCP at level 0 (Sid DenyRootUser)")
    sources = {t.source for t in result.trace}
    assert {"scps[0]", "scps[1]", "scps[2]"} <= sources
    assert [x.name for x in result.layers] == list(layers.LAYERS)


def test_single_account_results_gain_a_layer_and_a_reason():
    result = evaluate([doc(allow("s3:*"), {**deny("s3:DeleteObject"), "Sid": "NoDelete"})], "s3:DeleteObject", "*")
    assert (result.layer, result.reason) == ("policies", "denied by an identity-based policy (Sid NoDelete)")
    assert evaluate([], "s3:GetObject", "*").reason == "no identity-based or resource-based policy allows it"
    assert "decided by" not in result.explain()


def test_levels_for_account_walks_from_the_root_and_refuses_gaps():
    parents = {A: "ou-ab12-prod0001", "ou-ab12-prod0001": "r-ab12"}
    attached = {"r-ab12": [FULL, organizations.DENY_ROOT_USER], "ou-ab12-prod0001": [FULL], A: [FULL]}
    levels = organizations.levels_for_account(A, parents, attached)
    assert [len(level) for level in levels] == [2, 1, 1]
    with pytest.raises(ValueError, match="not to the organization root"):
        organizations.levels_for_account(A, {A: "ou-ab12-prod0001"}, attached)
    with pytest.raises(ValueError, match="cycle"):
        organizations.levels_for_account(A, {A: "ou-ab12-prod0001", "ou-ab12-prod0001": "ou-ab12-prod0001"}, attached)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(scps={"Statement": []}), "scps must be a list of levels"),
        (dict(scps=[[]]), "scps[0] must be a non-empty list of policy documents"),
        (dict(rcps=[[{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}]]), "needs Principal"),
        (dict(permissions_boundary=[FULL]), "permissions_boundary must be one policy document"),
        (dict(resource_account="12345"), "resource_account='12345' must be a 12-digit AWS account ID"),
        (dict(management_account=123456789012), "management_account"),
        (dict(session_policies=[{"Statement": {"Effect": "Allow", "Action": "*"}}]), "needs Resource or NotResource"),
    ],
)
def test_bad_layers_are_refused_with_the_parameter_named(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message.replace("[", r"\[").replace("]", r"\]")):
        evaluate([], "s3:GetObject", "*", **kwargs)


# --- Exercises: the model's answers pass, others fail ----------------------------------------------------------------
def test_governance_exercises():
    assert governance.which_layer.check("permissions boundary").right
    assert not governance.which_layer.check("session policies").right
    assert governance.region_count.check(governance.allowed_under_region_guardrail()).right
    assert not governance.region_count.check(6).right
    assert governance.allowed_under_region_guardrail(("ap-southeast-2", "sa-east-1")) == 4


# --- Properties ------------------------------------------------------------------------------------------------------
ACTIONS = ["s3:GetObject", "s3:PutObject", "ec2:RunInstances", "iam:CreateUser"]
RESOURCES = ["*", "arn:aws:s3:::b/k", "arn:aws:s3:::b/*"]
statements = st.builds(
    lambda effect, action, resource: {"Effect": effect, "Action": action, "Resource": resource},
    st.sampled_from(["Allow", "Deny"]),
    st.sampled_from([*ACTIONS, "s3:*", "*"]),
    st.sampled_from(RESOURCES),
)
documents = st.lists(statements, min_size=1, max_size=3).map(lambda s: doc(*s))
resource_statements = st.builds(
    lambda s, who: {**s, "Principal": {"AWS": who}},
    statements,
    st.sampled_from([USER, f"arn:aws:iam::{A}:root", f"arn:aws:iam::{B}:root", "*", ROLE]),
)
resource_documents = st.lists(resource_statements, min_size=1, max_size=2).map(lambda s: doc(*s))
principals = st.sampled_from([USER, SESSION, PARTNER, f"arn:aws:iam::{A}:root", f"arn:aws:iam::{MGMT}:user/ops"])
scp_levels = st.lists(st.lists(documents, min_size=1, max_size=2), max_size=3)
requests = st.fixed_dictionaries(
    {
        "policies": st.lists(documents, max_size=2),
        "action": st.sampled_from(ACTIONS),
        "resource": st.sampled_from(["arn:aws:s3:::b/k", "*"]),
        "principal": principals,
        "resource_policies": st.lists(resource_documents, max_size=1),
        "scps": st.none() | scp_levels,
        "rcps": st.none() | st.lists(st.lists(resource_documents, min_size=1, max_size=1), max_size=2),
        "permissions_boundary": st.none() | documents,
        "session_policies": st.none() | st.lists(documents, max_size=1),
        "resource_account": st.sampled_from([A, B]),
        "management_account": st.sampled_from([MGMT, None]),
    }
)
LAYER_KEYS = ("policies", "resource_policies", "permissions_boundary", "session_policies")


def run(request):
    request = dict(request)
    return evaluate(request.pop("policies"), request.pop("action"), request.pop("resource"), **request)


@given(requests, st.sampled_from(LAYER_KEYS + ("scps", "rcps")), statements)
def test_adding_a_deny_never_widens_access(request, where, extra):
    before = run(request)
    deny_statement = {**extra, "Effect": "Deny"}
    changed = dict(request)
    if where in ("scps", "rcps"):
        levels = changed[where] or [[FULL if where == "scps" else RCP_FULL]]
        level = dict(enumerate(levels)).get(0)
        extra_doc = doc({**deny_statement, "Principal": "*"} if where == "rcps" else deny_statement)
        changed[where] = [[*level, extra_doc], *levels[1:]]
        if request[where] is None:  # a new layer of FullAWSAccess + Deny: compare with FullAWSAccess alone
            before = run({**request, where: [[FULL if where == "scps" else RCP_FULL]]})
    elif where == "permissions_boundary":
        if changed[where] is None:
            return
        changed[where] = doc(*changed[where]["Statement"], deny_statement)
    elif where == "resource_policies":
        changed[where] = [*changed[where], doc({**deny_statement, "Principal": "*"})]
    else:
        changed[where] = [*(changed[where] or []), doc(deny_statement)]
    after = run(changed)
    assert not after.allowed or before.allowed


@given(requests, st.lists(documents, min_size=1, max_size=2))
def test_adding_an_scp_level_never_widens_access(request, level):
    before = run(request)
    after = run({**request, "scps": [*(request["scps"] or []), level]})
    assert not after.allowed or before.allowed


@given(
    st.lists(documents, max_size=2),
    st.sampled_from(ACTIONS),
    st.sampled_from(RESOURCES[:2]),
    st.sampled_from([USER, SESSION, None]),
    st.lists(resource_documents, max_size=1),
)
def test_with_no_new_layer_the_result_is_the_single_account_one(policies, action, resource, principal, rps):
    one_account = evaluate(policies, action, resource, resource_policies=rps, principal=principal)
    layered = layers.evaluate_layers(policies, action, resource, resource_policies=rps, principal=principal)
    assert layered.decision == one_account.decision
    assert layered.matched_statements == one_account.matched_statements


def test_the_single_account_path_stays_the_single_account_path():
    # No layer, no principal: evaluate never reaches the layers module (the fast path the bench times).
    result = iam.evaluate([doc(allow())], "s3:GetObject", "*")
    assert result.layers == () and type(result) is iam.Evaluation


def test_layered_trace_keeps_the_one_account_order():
    identity = [doc(allow("s3:GetObject"))]
    bucket = [doc(allow("s3:GetObject", BUCKET_OBJECT, Principal="*"))]
    one = evaluate(identity, "s3:GetObject", BUCKET_OBJECT, resource_policies=bucket, principal=USER)
    layered = layers.evaluate_layers(identity, "s3:GetObject", BUCKET_OBJECT, resource_policies=bucket, principal=USER)
    assert layered.matched_statements == one.matched_statements and len(one.matched_statements) == 2


def test_another_accounts_root_user_needs_only_the_resource_side():
    other_root = f"arn:aws:iam::{B}:root"
    assert evaluate([], "s3:GetObject", BUCKET_OBJECT, resource_policies=[PARTNER_READ], principal=other_root,
                    resource_account=A).allowed  # fmt: skip
    assert not evaluate([], "s3:GetObject", BUCKET_OBJECT, principal=other_root, resource_account=A).allowed
