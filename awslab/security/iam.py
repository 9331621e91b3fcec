"""IAM policy evaluator that explains its verdict, like the IAM Policy Simulator but offline.

Evaluation logic for one account (IAM User Guide, reference_policies_evaluation-logic, read 2026-11-27):
every request starts as an implicit deny; an explicit Deny in any identity-based or resource-based policy wins;
otherwise an Allow in either kind of policy allows; otherwise the implicit deny stands. The other layers
(Organizations RCPs and SCPs, permissions boundaries, session policies), cross-account requests (both sides must
allow), KMS key policies, role trust policies and the root user are :mod:`awslab.security.layers`' work: ``evaluate``
hands a request there when it carries any of them, and the Evaluation then names the layer that decided.

The verdict uses the Policy Simulator's words: ``allowed``, ``explicitDeny``, ``implicitDeny``; it lists every
statement that matched and the context keys that conditions asked for but the request did not carry.

References:
    - IAM User Guide, "Policy evaluation logic",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (read 2026-11-27)
    - Service Authorization Reference, "Actions, resources, and condition keys for Amazon S3" (the resource type
      each action acts on), https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
      (read 2026-12-03)
"""

from __future__ import annotations

import json
import re
import reprlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from awslab import validate
from awslab.security.iam_conditions import evaluate_clause, expand_variables, segments_regex, unresolved_variables
from awslab.security.iam_policy import CompiledPolicy, CompiledStatement, compile_policy
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

DECISIONS = ("allowed", "explicitDeny", "implicitDeny")
_LAYER_WORDS = {
    "rcps": "RCPs",
    "scps": "SCPs",
    "resource_policies": "resource-based policy",
    "policies": "identity-based policies",
    "permissions_boundary": "permissions boundary",
    "session_policies": "session policies",
}
_ROOT = re.compile(r"^arn:[^:]+:iam::(\d{12}):root$")
_ROLE = re.compile(r"^arn:([^:]+):iam::(\d{12}):role/(?:.*/)?([^/]+)$")
_SESSION = re.compile(r"^arn:([^:]+):sts::(\d{12}):assumed-role/([^/]+)/.+$")
_USER = re.compile(r"^arn:[^:]+:iam::\d{12}:user/(?:.*/)?([^/]+)$")
_ACCOUNT = re.compile(r"^arn:[^:]+:[^:]+:[^:]*:(\d{12}):")
_CONTEXT_SCALARS = (str, int, float, bool, datetime)


@dataclass(frozen=True)
class MatchedStatement:
    """A statement whose action, resource, principal and conditions all matched the request.

    >>> policy = {"Statement": {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}
    >>> evaluate([policy], "s3:GetObject", "*").matched_statements[0].sid
    'Read'
    """

    source: str
    policy_index: int
    statement_index: int
    sid: str | None
    effect: str


@dataclass(frozen=True)
class StatementTrace:
    """How one statement fared: each test in order; None means the test was not reached.

    >>> policy = {"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}
    >>> evaluate([policy], "s3:PutObject", "*").trace[0].reason
    'Action does not cover the action'
    """

    source: str
    policy_index: int
    statement_index: int
    sid: str | None
    effect: str
    action_matched: bool
    resource_matched: bool | None
    principal_matched: bool | None
    conditions_matched: bool | None
    missing_context_keys: tuple[str, ...]
    reason: str

    @property
    def matched(self) -> bool:
        """True when every test passed, so the statement's Effect applies."""
        return bool(
            self.action_matched
            and self.resource_matched is not False
            and self.principal_matched is not False
            and self.conditions_matched is not False
        )


@dataclass(frozen=True, slots=True)
class StatementCheck:
    """The outcome of testing one statement against a request: each test in order (None: not reached).

    >>> StatementCheck(False, None, None, None, (), "Action does not cover the action").matched
    False
    """

    action_matched: bool
    resource_matched: bool | None
    principal_matched: bool | None
    conditions_matched: bool | None
    missing_context_keys: tuple[str, ...]
    reason: str

    @property
    def matched(self) -> bool:
        """True when every test passed, so the statement's Effect applies."""
        return bool(
            self.action_matched
            and self.resource_matched is not False
            and self.principal_matched is not False
            and self.conditions_matched is not False
        )


@dataclass(frozen=True, slots=True)
class EvaluationStep:
    """One statement evaluated: where it came from (``policies`` or ``resource_policies``, which policy), the
    compiled statement and its :class:`StatementCheck`.

    >>> step = evaluate([{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}], "s3:GetObject", "*").steps[0]
    >>> step.source, step.policy_index, step.check.reason
    ('policies', 0, 'matched: Allow applies')
    """

    source: str
    policy_index: int
    statement: CompiledStatement
    check: StatementCheck


@dataclass(frozen=True)
class Evaluation:
    """The verdict for one request: decision, matched statements, missing context keys and a per-statement trace.

    >>> policy = {"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}
    >>> print(evaluate([policy], "s3:GetObject", "arn:aws:s3:::b/k").explain())
    s3:GetObject on arn:aws:s3:::b/k: allowed
      policies[0].Statement[0] Allow: matched: Allow applies
    """

    decision: str
    action: str
    resource: str
    principal: str | None
    matched_statements: tuple[MatchedStatement, ...]
    missing_context_keys: tuple[str, ...]
    raw_steps: tuple[tuple[str, int, CompiledStatement, StatementCheck], ...] = field(repr=False, compare=False)

    @property
    def layers(self) -> tuple:
        """How each layer answered (:class:`awslab.security.layers.LayerOutcome`); empty for a one-account request."""
        return ()

    @property
    def layer(self) -> str:
        """The layer that decided, named as evaluate()'s argument (``policies``, ``resource_policies``, ``scps``,
        ``rcps``, ``permissions_boundary``, ``session_policies``); for a one-account implicit deny, ``policies``."""
        effect = "Deny" if self.decision == "explicitDeny" else "Allow"
        sources = [m.source for m in self.matched_statements if m.effect == effect]
        return sources[0] if sources else "policies"

    @property
    def reason(self) -> str:
        """Why, in a few words: "denied by an SCP at level 2 (Sid DenyRoot)", "no Allow in the permissions
        boundary", "an identity-based policy allows it"."""
        if self.decision == "implicitDeny":
            return "no identity-based or resource-based policy allows it"
        kind = "an identity-based policy" if self.layer == "policies" else "a resource-based policy"
        first = self.deciding_statements[0]
        sid = f" (Sid {first.sid})" if first.sid else f" (Statement[{first.statement_index}])"
        return f"denied by {kind}{sid}" if self.decision == "explicitDeny" else f"{kind} allows it{sid}"

    @cached_property
    def steps(self) -> tuple[EvaluationStep, ...]:
        """One EvaluationStep per statement, in evaluation order (built on first use: evaluation stays fast)."""
        return tuple(EvaluationStep(*raw) for raw in self.raw_steps)

    @cached_property
    def trace(self) -> tuple[StatementTrace, ...]:
        """One StatementTrace per statement, in evaluation order (built on first use: evaluation stays fast)."""
        return tuple(
            StatementTrace(
                step.source,
                step.policy_index,
                step.statement.index,
                step.statement.sid,
                step.statement.effect,
                step.check.action_matched,
                step.check.resource_matched,
                step.check.principal_matched,
                step.check.conditions_matched,
                step.check.missing_context_keys,
                step.check.reason,
            )
            for step in self.steps
        )

    @property
    def allowed(self) -> bool:
        """True only for the decision 'allowed'."""
        return self.decision == "allowed"

    @property
    def deciding_statements(self) -> tuple[MatchedStatement, ...]:
        """The matched statements whose effect produced the decision (none for an implicit deny)."""
        effect = {"allowed": "Allow", "explicitDeny": "Deny"}.get(self.decision)
        return tuple(m for m in self.matched_statements if m.effect == effect)

    def explain(self) -> str:
        """A few lines of plain text: the decision, then why, statement by statement."""
        lines = [f"{self.action} on {self.resource}: {self.decision}"]
        for step in self.trace:
            label = f"{step.source}[{step.policy_index}].Statement[{step.statement_index}]"
            label += f" ({step.sid})" if step.sid else ""
            lines.append(f"  {label} {step.effect}: {step.reason}")
        if self.missing_context_keys:
            lines.append(f"  missing context keys: {', '.join(self.missing_context_keys)}")
        if self.layers:
            lines.append(f"  decided by the {_LAYER_WORDS.get(self.layer, self.layer)}: {self.reason}")
        return "\n".join(lines)


# Compiling a policy costs far more than evaluating it, so compiled policies are cached, safely (issue 24):
# - the key is a document's canonical JSON text: compact separators, no ASCII escaping, key order kept (the order of
#   a Condition's operators shows in explanations, so documents that differ only in key order compile apart). A dict
#   is dumped to it (C speed); JSON text is parsed and dumped once, its exact text remembered in a small LRU cache, so
#   the same document as a dict, as compact text or as pretty-printed text is compiled once. JSON text tells 1, 1.0
#   and true apart, so a changed leaf is always a new key;
# - a dict seen before is found by its id() and reused only while it still equals a private deep copy taken when it
#   was compiled, so a dict changed in place after an evaluation is compiled again. Equality alone would let 1 stand
#   for True or 1.0, so this path is taken only for documents whose leaves are all strings (strings only equal
#   strings); the copy is taken only when the document is compiled, so a request that builds its policy afresh pays
#   one dump and one lookup;
# - a new dict with the same strings-only content (each request building its policy afresh) is found without a dump:
#   among the few documents compiled with the same outline (Version, number of statements, the first one's Sid and
#   Effect), by equality with their private copies;
# - every cache is bounded (least recently used or oldest entries go first).
_COMPILED_BY_ID: dict[int, tuple[dict, str, CompiledPolicy]] = {}
_CACHE_SIZE = 1024
_BY_TEXT: OrderedDict[tuple[str, str], CompiledPolicy] = OrderedDict()  # (canonical text, kind) -> compiled
_BY_OUTLINE: dict[tuple, list[tuple[dict, str, CompiledPolicy]]] = {}  # outline -> up to 8 strings-only documents
_compile = compile_policy.__wrapped__  # the arguments are checked here; skip the per-call annotation check


def _outline(document: dict) -> tuple | None:
    """A cheap, hashable summary of a policy document (None when it is not the usual shape); equal documents have
    equal outlines, so only documents with this outline need an equality check."""
    statements = document.get("Statement")
    first = statements[0] if type(statements) is list and statements else statements
    if type(first) is not dict:
        return None
    outline = (
        len(document),
        document.get("Version"),
        len(statements) if type(statements) is list else -1,
        first.get("Sid"),
        first.get("Effect"),
    )
    return outline if all(v is None or type(v) in (str, int) for v in outline) else None


def _remember(document: dict, snapshot: dict, kind: str, compiled: CompiledPolicy) -> None:
    if len(_COMPILED_BY_ID) >= _CACHE_SIZE:
        _COMPILED_BY_ID.pop(next(iter(_COMPILED_BY_ID)))
    _COMPILED_BY_ID[id(document)] = (snapshot, kind, compiled)
    outline = _outline(snapshot)
    if outline is not None:
        if outline not in _BY_OUTLINE and len(_BY_OUTLINE) >= _CACHE_SIZE:
            _BY_OUTLINE.pop(next(iter(_BY_OUTLINE)))
        bucket = _BY_OUTLINE.setdefault(outline, [])
        bucket.insert(0, (snapshot, kind, compiled))
        del bucket[8:]


def canonical_json(document: Any) -> str:
    """The cache key of a policy document: compact JSON, key order kept (ValueError/TypeError if not JSON data).

    >>> canonical_json('{ "Version": "2012-10-17",  "Statement": [] }')
    '{"Version":"2012-10-17","Statement":[]}'
    >>> canonical_json({"Version": "2012-10-17", "Statement": []})
    '{"Version":"2012-10-17","Statement":[]}'
    """
    if isinstance(document, str):
        document = validate.json_document("document", document)
    try:
        return json.dumps(document, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise ValueError(f"document must be JSON data (a policy document as a dict or JSON text): {error}") from None


@lru_cache(maxsize=_CACHE_SIZE)
def _canonical_text(text: str) -> str | None:
    try:
        return canonical_json(validate.json_document("policy", text, expect=dict))
    except (ValueError, TypeError, RecursionError):
        return None  # not a JSON object: the compiler says what is wrong, naming the caller's argument


def _compile_canonical(text: str, kind: str, where: str) -> tuple[CompiledPolicy, bool]:
    """The compiled policy for canonical ``text``, and whether it was compiled now (False: from the cache)."""
    key = (text, kind)
    compiled = _BY_TEXT.get(key)
    if compiled is not None:
        _BY_TEXT.move_to_end(key)
        return compiled, False
    try:
        compiled = _compile(text, kind, "policy")
    except ValueError:
        compiled = _compile(text, kind, where)  # raises the same error, naming the caller's argument
    _BY_TEXT[key] = compiled
    if len(_BY_TEXT) > _CACHE_SIZE:
        _BY_TEXT.popitem(last=False)
    return compiled, True


def _strings_only(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if not all(type(k) is str for k in item):
                return False
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif type(item) is not str:
            return False
    return True


def _compile_document(document: Any, kind: str, where: str) -> CompiledPolicy:
    if type(document) is dict:
        cached = _COMPILED_BY_ID.get(id(document))
        if cached is not None and cached[1] == kind and cached[0] == document:
            return cached[2]
        outline = _outline(document)
        for snapshot, snapshot_kind, compiled in _BY_OUTLINE.get(outline, ()) if outline is not None else ():
            if snapshot_kind == kind and snapshot == document:  # strings only: equal means the same JSON
                return compiled
        try:
            text = canonical_json(document)
        except (TypeError, ValueError, RecursionError):  # not JSON data or too deep: the compiler says what is wrong
            return _compile(document, kind, where)
        if len(text) > validate.MAX_JSON_CHARS:
            return _compile(document, kind, where)
        compiled, new = _compile_canonical(text, kind, where)
        if new or cached is not None:  # remember this dict (again, if it changed in place) by its id
            snapshot = json.loads(text)
            if _strings_only(snapshot):
                _remember(document, snapshot, kind, compiled)
            elif cached is not None:
                del _COMPILED_BY_ID[id(document)]
        return compiled
    if isinstance(document, str):
        if len(document) > validate.MAX_JSON_CHARS:
            return _compile(document, kind, where)  # refused with the size message
        text = _canonical_text(document)
        if text is None:
            return _compile(document, kind, where)
        return _compile_canonical(text, kind, where)[0]
    return _compile(document, kind, where)


def _compile_all(policies: Any, kind: str, name: str) -> list[CompiledPolicy]:
    if policies is None:
        return []
    if isinstance(policies, (dict, str, CompiledPolicy)):
        policies = [policies]
    if not isinstance(policies, (list, tuple)):
        raise ValueError(
            f"{name} must be a list of policy documents (dict or JSON text), got {type(policies).__name__}"
        )
    compiled = []
    by_id = _COMPILED_BY_ID
    for i, document in enumerate(policies):
        kind_of = type(document)
        if kind_of is dict:
            cached = by_id.get(id(document))
            if cached is not None and cached[1] == kind and cached[0] == document:
                compiled.append(cached[2])
                continue
        elif kind_of is CompiledPolicy and document.kind == kind:
            compiled.append(document)
            continue
        compiled.append(_compile_document(document, kind, f"{name}[{i}]"))
    return compiled


@checked
def build_context(context: Mapping[str, Any] | None, principal: str | None) -> dict[str, Any]:
    """Validate the request context and key it by lower-case name (condition keys are case-insensitive).

    When a principal ARN is given, aws:PrincipalArn, aws:PrincipalAccount and (for IAM users) aws:username are
    filled in unless the context already has them, as AWS does for every signed request.

    >>> build_context({"aws:SourceIp": "198.51.100.7"}, "arn:aws:iam::123456789012:user/alice")
    {'aws:sourceip': '198.51.100.7', 'aws:principalarn': 'arn:aws:iam::123456789012:user/alice', 'aws:principalaccount': '123456789012', 'aws:username': 'alice'}
    """
    if context is None:
        context = {}
    if not isinstance(context, Mapping):
        raise ValueError(f"context must be a dict of condition keys to values, got {type(context).__name__}")
    lowered: dict[str, Any] = {}
    for key, value in context.items():
        if not isinstance(key, str) or not key:
            raise ValueError(f"context key {key!r} must be a non-empty string such as 'aws:SourceIp'")
        values = value if isinstance(value, list) else [value]
        for item in values:
            if item is not None and not isinstance(item, _CONTEXT_SCALARS):
                raise ValueError(
                    f"context[{key!r}]={value!r} must be a string, number, boolean, datetime or a list of those"
                )
        lowered[key.lower()] = value
    if principal:
        lowered.setdefault("aws:principalarn", principal)
        account = _ACCOUNT.match(principal)
        if account:
            lowered.setdefault("aws:principalaccount", account.group(1))
        user = _USER.match(principal)
        if user:
            lowered.setdefault("aws:username", user.group(1))
    return lowered


_build_context = build_context.__wrapped__


def _principal_matches(statement: CompiledStatement, principal: str | None) -> bool:
    if statement.principals is None:
        return True
    hit = any(_one_principal(kind, name, principal, statement.effect) for kind, name in statement.principals)
    return not hit if statement.not_principal else hit


def _one_principal(kind: str, name: str, principal: str | None, effect: str) -> bool:
    if name == "*":
        return True
    if principal is None:
        return False
    if name == principal:
        return True
    if kind != "AWS":
        return False
    root = _ROOT.match(name)
    if root:
        # Naming an account delegates to that account's own identity policies: an Allow grants nothing to its
        # users by itself, but a Deny applies to every principal of the account.
        account = _ACCOUNT.match(principal)
        return effect == "Deny" and account is not None and account.group(1) == root.group(1)
    role, session = _ROLE.match(name), _SESSION.match(principal)
    return bool(role and session and role.groups() == session.groups())


def _resource_matches(
    statement: CompiledStatement, resource: str, context: Mapping[str, Any], missing: list[str]
) -> bool | None:
    """True/False: the Resource (or NotResource) element covers the resource or not; None: one of its policy
    variables has no value in this request, so the statement is invalid for it (never a match, for either
    element: a NotResource must not turn "no value" into "every resource")."""
    if statement.resources is None:
        return True
    if statement.resource_regex is not None:
        hit = statement.resource_regex.match(resource) is not None
    else:
        hit = False
        expansions = [expand_variables(pattern, context) for pattern in statement.resources]
        unresolved = [key for expanded in expansions for key in expanded.unresolved_keys]
        if unresolved:
            missing.extend(unresolved)
            return None
        hit = any(segments_regex(expanded.segments).match(resource) for expanded in expansions)
    return not hit if statement.not_resource else hit


_ACTION_MISS = StatementCheck(False, None, None, None, (), "Action does not cover the action")
_NOT_ACTION_MISS = StatementCheck(False, None, None, None, (), "NotAction lists the action")
_MATCHED: dict[tuple, MatchedStatement] = {}  # immutable results, shared between evaluations
_RESOURCE_MISS = StatementCheck(True, False, None, None, (), "Resource does not cover the resource")
_NOT_RESOURCE_MISS = StatementCheck(True, False, None, None, (), "NotResource lists the resource")
_PLAIN_MATCH = {e: StatementCheck(True, True, None, None, (), f"matched: {e} applies") for e in ("Allow", "Deny")}


def _check(
    statement: CompiledStatement, action_lower: str, resource: str, principal: str | None, context: Mapping[str, Any]
) -> StatementCheck:
    """Test one statement: action, resource, principal and conditions outcomes, missing keys and the reason."""
    if (statement.action_regex.match(action_lower) is not None) == statement.not_action:
        return _NOT_ACTION_MISS if statement.not_action else _ACTION_MISS
    missing: list[str] = []
    covered = _resource_matches(statement, resource, context, missing)
    if covered is None:
        element = "NotResource" if statement.not_resource else "Resource"
        keys = ", ".join(dict.fromkeys(missing))
        return StatementCheck(
            True,
            False,
            None,
            None,
            tuple(dict.fromkeys(missing)),
            f"{element} uses a policy variable with no value in this request ({keys}): the statement is invalid",
        )
    if not covered:
        if not missing:
            return _NOT_RESOURCE_MISS if statement.not_resource else _RESOURCE_MISS
        element = "NotResource lists" if statement.not_resource else "Resource does not cover"
        return StatementCheck(True, False, None, None, tuple(dict.fromkeys(missing)), f"{element} the resource")
    if statement.principals is None and not statement.conditions and not missing:
        return _PLAIN_MATCH[statement.effect]
    if not _principal_matches(statement, principal):
        return StatementCheck(
            True, True, False, None, tuple(dict.fromkeys(missing)), "Principal does not name the caller"
        )
    principal_ok = None if statement.principals is None else True
    for clause in statement.conditions:
        unresolved = unresolved_variables(clause, context)
        if unresolved:
            missing.extend(unresolved)
            return StatementCheck(
                True,
                True,
                principal_ok,
                False,
                tuple(dict.fromkeys(missing)),
                f"condition {clause.operator} on {clause.key} uses a policy variable with no value in this request "
                f"({', '.join(unresolved)}): the statement is invalid",
            )
        if not evaluate_clause(clause, context, missing):
            missing.extend(later.key for later in statement.conditions if later.key.lower() not in context)
            return StatementCheck(
                True,
                True,
                principal_ok,
                False,
                tuple(dict.fromkeys(missing)),
                f"condition {clause.operator} on {clause.key} is false",
            )
    conditions_ok = True if statement.conditions else None
    return StatementCheck(
        True,
        True,
        principal_ok,
        conditions_ok,
        tuple(dict.fromkeys(missing)),
        f"matched: {statement.effect} applies",
    )


def _layers():
    from awslab.security import layers

    return layers


@checked
def evaluate(
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
) -> Evaluation:
    """Evaluate one request against identity-based ``policies`` and ``resource_policies``, and any further layer.

    ``policies``/``resource_policies``: lists of policy documents (dict or JSON text); ``action`` like
    "s3:GetObject" (case-insensitive); ``resource`` an ARN or "*"; ``context`` maps condition keys to a value or a
    list of values; ``principal`` is the caller's ARN (matched against resource policies' Principal).
    ``scps``/``rcps`` (levels from the organization root to the account, each a list of documents),
    ``permissions_boundary`` (one document), ``session_policies``, ``resource_account`` and ``management_account``
    (12-digit IDs) bring in every layer of AWS's evaluation, as do a caller from another account, a KMS key, a role's
    trust policy and the root user: :mod:`awslab.security.layers` then decides and names the deciding layer.
    Malformed documents or arguments raise ValueError saying what is wrong and where.

    >>> policy = {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}
    >>> evaluate([policy], "s3:DeleteObject", "arn:aws:s3:::b/k").decision
    'explicitDeny'
    >>> evaluate([policy], "s3:GetObject", "*", permissions_boundary={"Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}}).reason
    'no Allow in the permissions boundary'
    """
    if (
        scps is not None
        or rcps is not None
        or permissions_boundary is not None
        or session_policies is not None
        or resource_account is not None
        or management_account is not None
        or (principal is not None and _layers().needs_layers(action, resource, principal))
    ):
        return _layers().evaluate_layers.__wrapped__(
            policies,
            action,
            resource,
            context=context,
            resource_policies=resource_policies,
            principal=principal,
            scps=scps,
            rcps=rcps,
            permissions_boundary=permissions_boundary,
            session_policies=session_policies,
            resource_account=resource_account,
            management_account=management_account,
        )
    identity = _compile_all(policies, "identity", "policies")
    resource_side = (
        () if resource_policies is None else _compile_all(resource_policies, "resource", "resource_policies")
    )
    if not isinstance(action, str) or action.count(":") != 1 or not all(action.split(":")):
        raise ValueError(f"action={action!r} must be 'service:ActionName', such as 's3:GetObject'")
    if not isinstance(resource, str) or not resource:
        raise ValueError(f"resource={resource!r} must be an ARN such as 'arn:aws:s3:::bucket/key' or '*'")
    if principal is not None and (not isinstance(principal, str) or not principal):
        raise ValueError(
            f"principal={principal!r} must be an ARN such as 'arn:aws:iam::123456789012:user/Alice', "
            "a service principal or None"
        )
    ctx = _build_context(context, principal)
    action_lower = action.lower()
    steps = []
    matched = []
    missing: list[str] = []
    for source, compiled in (("policies", identity), ("resource_policies", resource_side)):
        for policy_index, policy in enumerate(compiled):
            for statement in policy.statements:
                check = _check(statement, action_lower, resource, principal, ctx)
                steps.append((source, policy_index, statement, check))
                if check.action_matched:
                    if check.missing_context_keys:
                        missing.extend(check.missing_context_keys)
                    if check.matched:
                        key = (source, policy_index, statement.index, statement.sid, statement.effect)
                        found = _MATCHED.get(key)
                        if found is None:
                            if len(_MATCHED) >= 4096:
                                _MATCHED.clear()
                            found = _MATCHED[key] = MatchedStatement(*key)
                        matched.append(found)
    if any(m.effect == "Deny" for m in matched):
        decision = "explicitDeny"
    elif matched:
        decision = "allowed"
    else:
        decision = "implicitDeny"
    return Evaluation(
        decision, action, resource, principal, tuple(matched), tuple(dict.fromkeys(missing)), tuple(steps)
    )


# Which kind of S3 resource an action acts on (Service Authorization Reference, list_amazons3, read 2026-12-03):
# object actions need an object ARN (arn:aws:s3:::bucket/key), bucket actions the bucket ARN. Actions not listed
# here are treated as applying to any ARN of their own service; an action never applies to another service's ARN,
# except STS role actions on IAM role ARNs.
S3_OBJECT_ACTIONS = frozenset(
    {
        "GetObject",
        "PutObject",
        "DeleteObject",
        "GetObjectAcl",
        "PutObjectAcl",
        "GetObjectVersion",
        "DeleteObjectVersion",
        "GetObjectTagging",
        "PutObjectTagging",
        "RestoreObject",
        "AbortMultipartUpload",
    }
)
S3_BUCKET_ACTIONS = frozenset(
    {
        "ListBucket",
        "ListBucketVersions",
        "ListBucketMultipartUploads",
        "CreateBucket",
        "DeleteBucket",
        "GetBucketLocation",
        "GetBucketPolicy",
        "PutBucketPolicy",
        "DeleteBucketPolicy",
        "GetBucketVersioning",
        "PutBucketVersioning",
        "PutBucketPublicAccessBlock",
        "GetBucketAcl",
        "PutBucketAcl",
    }
)
_CROSS_SERVICE = {"sts": {"iam"}}
NOT_APPLICABLE = "n/a"


@checked
def action_applies_to(action: str, resource: str) -> bool:
    """Whether a request for ``action`` on ``resource`` can exist (its resource type matches); "*" fits any action.

    >>> action_applies_to("s3:GetObject", "arn:aws:s3:::reports"), action_applies_to("s3:ListBucket", "arn:aws:s3:::reports")
    (False, True)
    """
    if resource == "*" or ":" not in action:
        return True
    service, name = action.split(":", 1)
    parts = resource.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        return True
    arn_service = parts[2]
    if arn_service != service and arn_service not in _CROSS_SERVICE.get(service, ()):
        return False
    if service == "s3":
        is_object = "/" in parts[5]
        if name in S3_OBJECT_ACTIONS:
            return is_object
        if name in S3_BUCKET_ACTIONS:
            return not is_object
    return True


@checked
def evaluate_grid(
    policies: Any,
    actions: Iterable[str],
    resources: Iterable[str],
    *,
    context: dict[str, Any] | None = None,
    resource_policies: Any = None,
    principal: str | None = None,
    resource_types: bool = False,
) -> pd.DataFrame:
    """Decision for every (action, resource) pair: a DataFrame indexed by action with one column per resource.

    ``resource_types`` True marks "n/a" the cells where the action does not act on that kind of resource
    (``s3:GetObject`` on a bucket ARN, ``ec2:StartInstances`` on an S3 ARN): no such request exists, so a decision
    there would mislead.

    >>> policy = {"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}
    >>> evaluate_grid([policy], ["s3:GetObject", "s3:PutObject"], ["*"])["*"].tolist()
    ['allowed', 'implicitDeny']
    >>> evaluate_grid([policy], ["s3:GetObject"], ["arn:aws:s3:::b"], resource_types=True).iloc[0, 0]
    'n/a'
    """
    import pandas as pd

    identity = _compile_all(policies, "identity", "policies")
    resource_side = (
        () if resource_policies is None else _compile_all(resource_policies, "resource", "resource_policies")
    )
    for label, given in (("actions", actions), ("resources", resources)):
        if isinstance(given, (str, dict)):
            raise ValueError(f"{label} must be a list of strings, got {reprlib.repr(given)}")
    action_list, resource_list = list(actions), list(resources)
    if not action_list or not resource_list:
        raise ValueError(
            f"actions and resources must each list at least one item, got {len(action_list)} actions "
            f"and {len(resource_list)} resources"
        )
    if not isinstance(resource_types, bool):
        raise ValueError(f"resource_types must be True or False, got {resource_types!r}")
    rows = {
        a: [
            NOT_APPLICABLE
            if resource_types and not action_applies_to(a, r)
            else evaluate(
                identity, a, r, context=context, resource_policies=resource_side, principal=principal
            ).decision
            for r in resource_list
        ]
        for a in action_list
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=resource_list)


@checked
def trace_table(evaluation: Evaluation) -> pd.DataFrame:
    """The trace as a table: one row per statement with each test's outcome and the reason.

    >>> policy = {"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}
    >>> trace_table(evaluate([policy], "s3:GetObject", "*"))["matched"].tolist()
    [True]
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "policy": f"{t.source}[{t.policy_index}]",
                "statement": t.statement_index,
                "Sid": t.sid or "",
                "Effect": t.effect,
                "action": t.action_matched,
                "resource": t.resource_matched,
                "principal": t.principal_matched,
                "conditions": t.conditions_matched,
                "matched": t.matched,
                "reason": t.reason,
            }
            for t in evaluation.trace
        ]
    )
