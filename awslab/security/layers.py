"""Every layer of IAM policy evaluation: Organizations RCPs and SCPs, resource-based policies, identity-based policies,
permissions boundaries and session policies, within one account and across accounts.

:func:`awslab.security.iam.evaluate` hands a request here when any of these layers (or ``resource_account`` /
``management_account``) is given, and when the request itself needs more than the one-account rule: a caller from
another account than the resource's, a KMS key, a role's trust policy (``sts:AssumeRole*``) or an account's root user.
The logic follows the IAM User Guide's evaluation pages (read 2026-12-03):

1. **Deny evaluation.** An applicable ``Deny`` in any layer (RCPs, SCPs, resource-based, identity-based, boundary,
   session) decides: explicit deny.
2. **RCPs** (``rcps``: levels from the organization root down to the resource's account, each a list of documents):
   every level must hold an ``Allow`` for the request. RCPs limit access to resources in *member* accounts: never the
   management account's resources, never requests made by service-linked roles (the RCP page lists the exceptions;
   we could not re-read that list on 2026-12-03, so this one is unverified here). They do apply to AWS service
   principals (that is why AWS's sample RCPs carry an ``aws:PrincipalIsAWSService`` condition). They never grant.
3. **SCPs** (``scps``: levels from the root down to the principal's account): every level must allow. SCPs limit the
   principals of member accounts, the root user included; never the management account's users and roles, never
   service-linked roles, never a service principal. They never grant.
4. **Resource-based policy.** Within one account an ``Allow`` that names the caller's own ARN (an IAM user ARN, a role
   session ARN, a federated user session ARN) grants access by itself: an implicit deny in the identity-based
   policies, the permissions boundary or the session policies does not limit it. An ``Allow`` that names the *role*
   ARN counts like an identity-based permission and stays limited by the boundary and session policies. An ``Allow``
   that names the account (``arn:aws:iam::111122223333:root``) grants nothing itself: it lets the account's own IAM
   policies decide.
5. **Identity-based policies**, capped by the **permissions boundary** and the **session policies**: an action is
   allowed only if the identity policies *and* the boundary *and* the session policies allow it. The root user needs
   no identity policy in its own account.
6. **Cross-account** (the caller's account differs from ``resource_account`` or the account in the resource ARN):
   both sides must allow: the caller's identity side (identity policies within boundary and session policies) and
   the resource-based policy (naming the caller, its role or its account).
7. **KMS keys and role trust policies** must allow access themselves: IAM policies count for a key only when the key
   policy allows the account (its root principal); a role can be assumed only when its trust policy names the
   caller or the caller's account (then the caller's IAM policies must allow ``sts:AssumeRole`` too).

What is not modelled: which services support RCPs (pass RCPs only for a request to a supported service: S3, STS,
KMS, SQS and Secrets Manager at launch, more since); AWS managed KMS keys (RCPs do not apply to them, and their key
policies are AWS's); VPC endpoint policies; ACLs; grants; the few root-user tasks SCPs cannot restrict.

>>> boundary = {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}
>>> admin = {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
>>> result = evaluate_layers([admin], "ec2:RunInstances", "*", permissions_boundary=boundary)
>>> result.decision, result.layer, result.reason
('implicitDeny', 'permissions_boundary', 'no Allow in the permissions boundary')

References:
    - IAM User Guide, "How AWS enforcement code logic evaluates requests to allow or deny access",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
      (read 2026-12-03)
    - IAM User Guide, "Policy evaluation for requests within a single account",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
      (read 2026-12-03)
    - IAM User Guide, "Cross-account policy evaluation logic",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
      (read 2026-12-03)
    - IAM User Guide, "Permissions boundaries for IAM entities",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html (read 2026-12-03)
    - IAM User Guide, "Policies and permissions in AWS Identity and Access Management" (session policies),
      https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session (read 2026-12-03)
    - AWS Organizations User Guide, "Service control policies (SCPs)" and "SCP evaluation",
      https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html (read 2026-12-03)
    - AWS Organizations User Guide, "Resource control policies (RCPs)" and "RCP evaluation",
      https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html (read 2026-12-03)
    - AWS KMS Developer Guide, "Default key policy" (allows the account's root principal, which enables IAM
      policies) and "Resource control policies in AWS KMS",
      https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html (read 2026-12-03)
    - IAM User Guide, "IAM roles" (a role's trust policy is the resource-based policy that says who may assume it),
      https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html (read 2026-12-03)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from awslab.security import iam
from awslab.security.iam_policy import CompiledPolicy, CompiledStatement
from awslab.validate import checked

# The layers in the order AWS's evaluation page walks them, named as evaluate()'s arguments.
LAYERS = ("rcps", "scps", "resource_policies", "policies", "permissions_boundary", "session_policies")
LAYER_LABELS = {
    "rcps": "RCPs",
    "scps": "SCPs",
    "resource_policies": "resource-based policy",
    "policies": "identity-based policies",
    "permissions_boundary": "permissions boundary",
    "session_policies": "session policies",
}
STATUSES = ("allow", "deny", "no allow", "not given", "does not apply")

_ACCOUNT_ID = re.compile(r"^\d{12}$")
_KMS_KEY = re.compile(r"^arn:[^:]+:kms:[^:]*:(\d{12}):key/.+$")
_ROLE_RESOURCE = re.compile(r"^arn:[^:]+:iam::(\d{12}):role/.+$")
_FEDERATED = re.compile(r"^arn:[^:]+:sts::\d{12}:federated-user/.+$")
_SERVICE_PRINCIPAL = re.compile(r"^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$")
_SERVICE_LINKED_ROLE = re.compile(r"^arn:[^:]+:iam::\d{12}:role/aws-service-role/.+$")
_SERVICE_LINKED_SESSION = re.compile(r"^arn:[^:]+:sts::\d{12}:assumed-role/AWSServiceRoleFor[^/]*/.+$")


@dataclass(frozen=True)
class LayeredEvaluation(iam.Evaluation):
    """An :class:`awslab.security.iam.Evaluation` that went through the layers: it names the deciding layer, says
    why, and holds each layer's :class:`LayerOutcome`.

    >>> evaluate_layers([], "s3:GetObject", "*", scps=[[{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}]]).layer
    'policies'
    """

    decided_by: str = field(default="policies", repr=False, compare=False)
    why: str = field(default="", repr=False, compare=False)
    outcomes: tuple = field(default=(), repr=False, compare=False)

    @property
    def layers(self) -> tuple:
        """How each layer answered, in AWS's order (LAYERS)."""
        return self.outcomes

    @property
    def layer(self) -> str:
        """The layer that decided, named as evaluate()'s argument."""
        return self.decided_by

    @property
    def reason(self) -> str:
        """Why, in a few words."""
        return self.why


@dataclass(frozen=True)
class LayerOutcome:
    """How one layer answered: ``status`` is one of STATUSES, ``note`` says why in a few words.

    >>> evaluate_layers([], "s3:GetObject", "*").layers[3].status
    'no allow'
    """

    name: str
    label: str
    status: str
    note: str
    deciding: bool


def needs_layers(action: str, resource: str, principal: str | None) -> bool:
    """Whether a request with no extra layer still needs this module: a root user, a caller from another account,
    a KMS key or a role's trust policy.

    >>> needs_layers("s3:GetObject", "arn:aws:s3:::b/k", "arn:aws:iam::111122223333:user/alice")
    False
    >>> needs_layers("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k1", "arn:aws:iam::111122223333:user/alice")
    True
    """
    if not isinstance(principal, str) or not isinstance(resource, str) or not isinstance(action, str):
        return False
    if iam._ROOT.match(principal) or _KMS_KEY.match(resource):
        return True
    if action[:14].lower() == "sts:assumerole" and _ROLE_RESOURCE.match(resource):
        return True
    caller, owner = iam._ACCOUNT.match(principal), iam._ACCOUNT.match(resource)
    return bool(caller and owner and caller.group(1) != owner.group(1))


def _account_id(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ACCOUNT_ID.match(value):
        raise ValueError(f"{name}={value!r} must be a 12-digit AWS account ID such as '111122223333', or None")
    return value


def _levels(value: Any, name: str) -> list[list[CompiledPolicy]] | None:
    """SCPs/RCPs: a sequence of levels (root first), each a sequence of policy documents (a single document is a
    level of one)."""
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        raise ValueError(
            f"{name} must be a list of levels from the organization root down to the account, each a list of "
            f"policy documents, got {type(value).__name__}"
        )
    kind = "resource" if name == "rcps" else "identity"
    levels = []
    for i, level in enumerate(value):
        if isinstance(level, (dict, str, CompiledPolicy)):
            level = [level]
        if not isinstance(level, (list, tuple)) or not level:
            raise ValueError(
                f"{name}[{i}] must be a non-empty list of policy documents (every root, OU and account has at least "
                f"one policy attached, FullAWSAccess by default), got {level!r:.60}"
            )
        levels.append(iam._compile_all(list(level), kind, f"{name}[{i}]"))
    return levels


def _principal_kind(principal: str | None) -> str:
    if principal is None:
        return "unknown"
    if iam._ROOT.match(principal):
        return "root"
    if iam._USER.match(principal):
        return "user"
    if iam._SESSION.match(principal) or iam._ROLE.match(principal):
        return "role session"
    if _FEDERATED.match(principal):
        return "federated user"
    if _SERVICE_PRINCIPAL.match(principal):
        return "service"
    return "other"


def _names_caller(statement: CompiledStatement, principal: str | None) -> bool:
    """A matched Allow names the caller itself (its ARN or '*'), not only its role."""
    if statement.principals is None or statement.not_principal:
        return True
    return any(name == "*" or name == principal for _, name in statement.principals)


class _Layer:
    """The statements of one layer (or one SCP/RCP level) checked against the request."""

    __slots__ = ("allows", "denies", "steps")

    def __init__(self) -> None:
        self.allows: list[CompiledStatement] = []
        self.denies: list[tuple[int, CompiledStatement]] = []
        self.steps: list[tuple[str, int, CompiledStatement, Any]] = []


def _run(
    source: str,
    compiled: list[CompiledPolicy],
    request: tuple,
    matched: list,
    missing: list,
) -> _Layer:
    action_lower, resource, principal, ctx = request
    layer = _Layer()
    for policy_index, policy in enumerate(compiled):
        for statement in policy.statements:
            check = iam._check(statement, action_lower, resource, principal, ctx)
            layer.steps.append((source, policy_index, statement, check))
            if check.action_matched and check.missing_context_keys:
                missing.extend(check.missing_context_keys)
            if check.matched:
                matched.append(
                    iam.MatchedStatement(source, policy_index, statement.index, statement.sid, statement.effect)
                )
                if statement.effect == "Deny":
                    layer.denies.append((policy_index, statement))
                else:
                    layer.allows.append(statement)
    return layer


def _sid(statement: CompiledStatement) -> str:
    return f" (Sid {statement.sid})" if statement.sid else f" (Statement[{statement.index}])"


@checked
def evaluate_layers(
    policies: Any,
    action: str,
    resource: str,
    *,
    context: dict[str, Any] | None = None,
    resource_policies: Any = None,
    principal: str | None = None,
    scps: Any = None,
    rcps: Any = None,
    permissions_boundary: Any = None,
    session_policies: Any = None,
    resource_account: str | None = None,
    management_account: str | None = None,
) -> LayeredEvaluation:
    """Evaluate one request through every layer; the Evaluation says which layer decided and why.

    Arguments as :func:`awslab.security.iam.evaluate`, plus ``scps``/``rcps`` (levels root -> account, each a list of
    documents), ``permissions_boundary`` (one document), ``session_policies`` (documents), ``resource_account`` and
    ``management_account`` (12-digit IDs).

    >>> deny_root = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
    ...     {"Effect": "Deny", "Action": "*", "Resource": "*",
    ...      "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}]}
    >>> r = evaluate_layers([], "ec2:RunInstances", "*", principal="arn:aws:iam::222233334444:root",
    ...                     scps=[[deny_root]])
    >>> r.decision, r.reason
    ('explicitDeny', 'denied by an SCP at level 0 (Statement[1])')
    """
    if not isinstance(action, str) or action.count(":") != 1 or not all(action.split(":")):
        raise ValueError(f"action={action!r} must be 'service:ActionName', such as 's3:GetObject'")
    if not isinstance(resource, str) or not resource:
        raise ValueError(f"resource={resource!r} must be an ARN such as 'arn:aws:s3:::bucket/key' or '*'")
    if principal is not None and (not isinstance(principal, str) or not principal):
        raise ValueError(
            f"principal={principal!r} must be an ARN such as 'arn:aws:iam::123456789012:user/Alice', "
            "a service principal or None"
        )
    resource_account = _account_id("resource_account", resource_account)
    management_account = _account_id("management_account", management_account)
    identity = iam._compile_all(policies, "identity", "policies")
    resource_side = iam._compile_all(resource_policies, "resource", "resource_policies")
    scp_levels = _levels(scps, "scps")
    rcp_levels = _levels(rcps, "rcps")
    if permissions_boundary is not None and not isinstance(permissions_boundary, (dict, str, CompiledPolicy)):
        raise ValueError(
            "permissions_boundary must be one policy document (dict or JSON text), "
            f"got {type(permissions_boundary).__name__}"
        )
    boundary = iam._compile_all(permissions_boundary, "identity", "permissions_boundary")
    session = iam._compile_all(session_policies, "identity", "session_policies")
    ctx = iam._build_context(context, principal)

    kind = _principal_kind(principal)
    caller_match = iam._ACCOUNT.match(principal) if principal else None
    caller_account = caller_match.group(1) if caller_match else None
    owner_match = iam._ACCOUNT.match(resource)
    owner_account = resource_account or (owner_match.group(1) if owner_match else None) or caller_account
    cross = bool(caller_account and owner_account and caller_account != owner_account)
    service_linked = bool(
        principal and (_SERVICE_LINKED_ROLE.match(principal) or _SERVICE_LINKED_SESSION.match(principal))
    )
    action_lower = action.lower()
    is_key = bool(_KMS_KEY.match(resource))
    is_trust = action_lower.startswith("sts:assumerole") and bool(_ROLE_RESOURCE.match(resource))

    request = (action_lower, resource, principal, ctx)
    matched: list = []
    missing: list = []
    rcp_runs = [_run(f"rcps[{i}]", level, request, matched, missing) for i, level in enumerate(rcp_levels or [])]
    scp_runs = [_run(f"scps[{i}]", level, request, matched, missing) for i, level in enumerate(scp_levels or [])]
    ident = _run("policies", identity, request, matched, missing)  # identity first: the one-account order
    res = _run("resource_policies", resource_side, request, matched, missing)
    pb = _run("permissions_boundary", boundary, request, matched, missing)
    sp = _run("session_policies", session, request, matched, missing)

    # Who the layers apply to.
    if rcp_levels is None:
        rcp_note = None
    elif service_linked:
        rcp_note = "RCPs do not restrict service-linked roles"
    elif owner_account is not None and owner_account == management_account:
        rcp_note = "RCPs do not affect resources in the management account"
    else:
        rcp_note = ""
    if scp_levels is None:
        scp_note = None
    elif service_linked:
        scp_note = "SCPs do not restrict service-linked roles"
    elif kind == "service":
        scp_note = "SCPs limit principals of member accounts, not AWS service principals"
    elif caller_account is not None and caller_account == management_account:
        scp_note = "SCPs do not affect users or roles in the management account"
    else:
        scp_note = ""

    # How the resource-based policy names the caller: itself, its role, or its account.
    res_direct = any(_names_caller(s, principal) for s in res.allows)
    res_role = bool(res.allows) and not res_direct
    res_account = res_direct or res_role
    if caller_account and kind != "root" and not res_account:
        root = f"arn:aws:iam::{caller_account}:root"
        account_request = (action_lower, resource, root, ctx)
        for policy in resource_side:
            for statement in policy.statements:
                if statement.effect == "Allow" and iam._check(statement, *account_request).matched:
                    res_account = True
                    break
            if res_account:
                break
    if kind == "root" and res.allows:
        res_account = True
    id_allow = bool(ident.allows) or kind == "root"  # the root user holds every permission of its own account
    pb_ok = not boundary or bool(pb.allows) or kind == "root"
    sp_ok = not session or bool(sp.allows) or kind == "root"
    container = "key policy" if is_key else "trust policy" if is_trust else "resource-based policy"

    status: dict[str, tuple[str, str]] = {}
    decision, layer, reason = "implicitDeny", "policies", ""

    def give(name: str, state: str, note: str) -> None:
        status[name] = (state, note)

    # 1. Deny evaluation, across every layer that applies.
    denial = None
    for i, run in enumerate(rcp_runs):
        if rcp_note == "" and run.denies and denial is None:
            denial = ("rcps", f"denied by an RCP at level {i}{_sid(run.denies[0][1])}")
    for i, run in enumerate(scp_runs):
        if scp_note == "" and run.denies and denial is None:
            denial = ("scps", f"denied by an SCP at level {i}{_sid(run.denies[0][1])}")
    deny_labels = {
        "resource_policies": f"the {container}",
        "policies": "an identity-based policy",
        "permissions_boundary": "the permissions boundary",
        "session_policies": "a session policy",
    }
    for name, run in (
        ("resource_policies", res),
        ("policies", ident),
        ("permissions_boundary", pb),
        ("session_policies", sp),
    ):
        if run.denies and denial is None:
            denial = (name, f"denied by {deny_labels[name]}{_sid(run.denies[0][1])}")

    def level_state(runs: list[_Layer], note: str | None, label: str) -> tuple[str, str, int | None]:
        if note is None:
            return "not given", "", None
        if note:
            return "does not apply", note, None
        for i, run in enumerate(runs):
            if run.denies:
                return "deny", f"Deny at level {i}", i
        for i, run in enumerate(runs):
            if not run.allows:
                return "no allow", f"no Allow in the {label} at level {i}", i
        return "allow", f"every level ({len(runs)}) allows", None

    rcp_state = level_state(rcp_runs, rcp_note, "RCPs")
    scp_state = level_state(scp_runs, scp_note, "SCPs")
    give("rcps", *rcp_state[:2])
    give("scps", *scp_state[:2])

    def simple(run: _Layer, given: bool, applies: bool = True, note_allow: str = "allows") -> tuple[str, str]:
        if not given:
            return ("not given", "")
        if not applies:
            return ("does not apply", "")
        if run.denies:
            return ("deny", "a Deny matches")
        return ("allow", note_allow) if run.allows else ("no allow", "no Allow matches")

    # Resource-based layer status (how it named the caller).
    if not resource_side:
        give("resource_policies", "not given", f"no {container}" if (is_key or is_trust or cross) else "")
    elif res.denies:
        give("resource_policies", "deny", "a Deny matches")
    elif res_direct:
        give("resource_policies", "allow", "names the caller")
    elif res_role:
        give("resource_policies", "allow", "names the caller's role")
    elif res_account:
        give("resource_policies", "allow", "names the caller's account: its IAM policies decide")
    else:
        give("resource_policies", "no allow", "no Allow for the caller or its account")
    if kind == "root":
        give("policies", "allow", "the root user needs no identity policy in its own account")
    elif kind == "service":
        give("policies", "does not apply", "an AWS service principal has no identity policies")
    else:
        give("policies", *simple(ident, True))
    give("permissions_boundary", *simple(pb, bool(boundary), kind != "root"))
    give("session_policies", *simple(sp, bool(session), kind != "root"))

    if denial is not None:
        decision, (layer, reason) = "explicitDeny", denial
    elif rcp_state[0] == "no allow":
        layer, reason = "rcps", rcp_state[1]
    elif scp_state[0] == "no allow":
        layer, reason = "scps", scp_state[1]
    elif kind == "service":
        if res_direct:
            decision, layer, reason = "allowed", "resource_policies", f"the {container} names the service"
        else:
            layer, reason = "resource_policies", f"no {container} statement names the service"
    elif cross:
        if not res_account:
            layer = "resource_policies"
            reason = (
                f"cross-account: no {container} in account {owner_account} allows the caller"
                if resource_side
                else f"cross-account: account {owner_account}'s resource has no {container} that allows the caller"
            )
        elif not id_allow:
            layer, reason = "policies", f"cross-account: no identity-based policy in account {caller_account} allows it"
        elif not pb_ok:
            layer, reason = "permissions_boundary", "no Allow in the permissions boundary"
        elif not sp_ok:
            layer, reason = "session_policies", "no Allow in the session policies"
        else:
            decision, layer = "allowed", "policies"
            reason = f"cross-account: the {container} and the caller's identity-based policies both allow it"
    else:
        iam_counts = res_account if (is_key or is_trust) else True
        identity_path = iam_counts and (id_allow or res_role) and pb_ok and sp_ok
        if res_direct:
            decision, layer = "allowed", "resource_policies"
            reason = f"the {container} names the caller itself, so no identity policy is needed"
        elif identity_path:
            decision, layer = "allowed", "policies" if id_allow else "resource_policies"
            if kind == "root" and not ident.allows:
                reason = "the root user has full access in its own account"
            elif id_allow:
                reason = "an identity-based policy allows it"
            else:
                reason = f"the {container} names the caller's role"
            limits = [n for n, given in (("permissions boundary", boundary), ("session policies", session)) if given]
            if limits and kind != "root":
                verb = "allow" if len(limits) > 1 or limits == ["session policies"] else "allows"
                reason += ", and the " + " and the ".join(limits) + f" {verb} it too"
        elif (is_key or is_trust) and not iam_counts:
            layer = "resource_policies"
            if is_key:
                reason = (
                    "the key policy does not allow the account (its root principal), so IAM policies do not count"
                    if id_allow
                    else "no key policy statement allows the caller or its account"
                )
            else:
                reason = "the role's trust policy names neither the caller nor its account"
        elif (id_allow or res_role) and not pb_ok:
            layer, reason = "permissions_boundary", "no Allow in the permissions boundary"
        elif (id_allow or res_role) and not sp_ok:
            layer, reason = "session_policies", "no Allow in the session policies"
        else:
            layer, reason = "policies", "no identity-based or resource-based policy allows it"

    outcomes = tuple(
        LayerOutcome(name, LAYER_LABELS[name], status[name][0], status[name][1], name == layer) for name in LAYERS
    )
    steps = [step for run in (*rcp_runs, *scp_runs, ident, res, pb, sp) for step in run.steps]
    return LayeredEvaluation(
        decision,
        action,
        resource,
        principal,
        tuple(matched),
        tuple(dict.fromkeys(missing)),
        tuple(steps),
        decided_by=layer,
        why=reason,
        outcomes=outcomes,
    )
