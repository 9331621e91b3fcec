"""IAM policy documents: validate the JSON grammar and compile statements for fast evaluation.

Grammar (IAM User Guide, reference_policies_grammar and reference_policies_elements_*, read 2026-11-27):
a document has ``Version`` (2012-10-17 or 2008-10-17; missing means 2008-10-17), an optional ``Id`` and
``Statement`` (one object or a non-empty list). A statement has an optional ``Sid``, ``Effect`` (Allow or Deny),
exactly one of ``Action``/``NotAction``, one of ``Resource``/``NotResource`` (required in identity-based policies;
trust policies omit it), exactly one of ``Principal``/``NotPrincipal`` in resource-based policies (never in
identity-based ones) and an optional ``Condition``. Action names are case-insensitive; ARNs are case-sensitive.

References:
    - IAM User Guide, "Grammar of the IAM JSON policy language",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html (read 2026-11-27)
    - IAM User Guide, "IAM JSON policy element reference",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html (read 2026-12-03)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from awslab import validate
from awslab.security.arn import glob_regex
from awslab.security.iam_conditions import ConditionClause, compile_condition
from awslab.validate import checked

VERSIONS = ("2012-10-17", "2008-10-17")
DEFAULT_VERSION = "2008-10-17"
POLICY_KINDS = ("identity", "resource")
_TOP_KEYS = ("Version", "Id", "Statement")
_STATEMENT_KEYS = (
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
)
_PRINCIPAL_TYPES = ("AWS", "Service", "Federated", "CanonicalUser")
_ACTION = re.compile(r"^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$")
_ACCOUNT_ID = re.compile(r"^\d{12}$")


@dataclass(frozen=True)
class CompiledStatement:
    """One validated statement, with its action and resource patterns compiled to regular expressions.

    >>> compile_policy({"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}).statements[0].actions
    ('s3:Get*',)
    """

    index: int
    sid: str | None
    effect: str
    actions: tuple[str, ...]
    not_action: bool
    action_regex: re.Pattern[str]
    resources: tuple[str, ...] | None
    not_resource: bool
    resource_regex: re.Pattern[str] | None
    resource_has_variables: bool
    principals: tuple[tuple[str, str], ...] | None
    not_principal: bool
    conditions: tuple[ConditionClause, ...]


@dataclass(frozen=True)
class CompiledPolicy:
    """A validated policy document ready for :func:`awslab.security.iam.evaluate`.

    >>> compile_policy({"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}).version
    '2008-10-17'
    """

    kind: str
    version: str
    policy_id: str | None
    statements: tuple[CompiledStatement, ...]
    document: dict[str, Any]


@checked
def load_document(document: Any, where: str) -> dict[str, Any]:
    """Return the policy as a dict, parsing JSON text; ValueError for anything that is not a JSON object.

    Text goes through :func:`awslab.validate.json_document` (bounded size and nesting, so no paste can exhaust
    the kernel); a parsed document is checked for depth the same way.

    >>> load_document('{"Version": "2012-10-17", "Statement": []}', "policy")
    {'Version': '2012-10-17', 'Statement': []}
    >>> load_document("[]", "policies[0]")
    Traceback (most recent call last):
    ...
    ValueError: policies[0] must be a policy document (a JSON object with Version and Statement), got list
    """
    document = validate.json_document(where, document, expect=object)
    if not isinstance(document, dict):
        raise ValueError(
            f"{where} must be a policy document (a JSON object with Version and Statement), "
            f"got {type(document).__name__}"
        )
    return document


@checked
def compile_policy(document: Any, kind: str = "identity", where: str = "policy") -> CompiledPolicy:
    """Validate ``document`` (dict or JSON text) as an identity- or resource-based policy and compile it.

    >>> len(compile_policy('{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}').statements)
    1
    """
    if isinstance(document, CompiledPolicy):
        if document.kind != kind:
            raise ValueError(f"{where} was compiled as a {document.kind}-based policy, expected {kind}-based")
        return document
    if kind not in POLICY_KINDS:
        raise ValueError(f"kind={kind!r} is not one of: {', '.join(POLICY_KINDS)}")
    doc = load_document(document, where)
    for key in doc:
        if key not in _TOP_KEYS:
            raise ValueError(f"{where}: unknown top-level element {key!r}; allowed: {', '.join(_TOP_KEYS)}")
    version = doc.get("Version", DEFAULT_VERSION)
    if version not in VERSIONS:
        raise ValueError(f"{where}.Version={version!r} is not one of: {', '.join(VERSIONS)}")
    policy_id = doc.get("Id")
    if policy_id is not None and not isinstance(policy_id, str):
        raise ValueError(f"{where}.Id must be a string, got {policy_id!r}")
    if "Statement" not in doc:
        raise ValueError(f"{where} has no Statement element")
    raw = doc["Statement"]
    statements = raw if isinstance(raw, list) else [raw]
    if not statements:
        raise ValueError(f"{where}.Statement must hold at least one statement")
    compiled = tuple(
        _compile_statement(s, i, kind, version, f"{where}.Statement[{i}]") for i, s in enumerate(statements)
    )
    sids = [s.sid for s in compiled if s.sid is not None]
    duplicates = sorted({s for s in sids if sids.count(s) > 1})
    if duplicates:
        raise ValueError(f"{where}: Sid values must be unique within a policy, repeated: {', '.join(duplicates)}")
    return CompiledPolicy(kind, version, policy_id, compiled, doc)


def _compile_statement(statement: Any, index: int, kind: str, version: str, where: str) -> CompiledStatement:
    if not isinstance(statement, dict):
        raise ValueError(f"{where} must be an object, got {statement!r}")
    for key in statement:
        if key not in _STATEMENT_KEYS:
            raise ValueError(f"{where}: unknown element {key!r}; allowed: {', '.join(_STATEMENT_KEYS)}")
    sid = statement.get("Sid")
    if sid is not None and (not isinstance(sid, str) or not re.fullmatch(r"[A-Za-z0-9 _.-]*", sid)):
        raise ValueError(f"{where}.Sid={sid!r} must be a string of letters, digits, spaces, '_', '.' or '-'")
    effect = statement.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise ValueError(f"{where}.Effect={effect!r} is not one of: Allow, Deny")
    action_key = _exactly_one(statement, "Action", "NotAction", where, required=True)
    actions = _string_list(statement[action_key], f"{where}.{action_key}")
    for action in actions:
        if action != "*" and not _ACTION.match(action):
            raise ValueError(
                f"{where}.{action_key}: {action!r} must be '*' or 'service:ActionName' "
                "(wildcards * and ? allowed in the action name)"
            )
    action_regex = re.compile("|".join(glob_regex(a.lower()).pattern for a in actions), re.DOTALL)
    resource_key = _exactly_one(statement, "Resource", "NotResource", where, required=kind == "identity")
    resources = None
    resource_regex = None
    has_variables = False
    if resource_key:
        resources = _string_list(statement[resource_key], f"{where}.{resource_key}")
        for resource in resources:
            if resource != "*" and (not resource.startswith("arn:") or len(resource.split(":", 5)) != 6):
                raise ValueError(
                    f"{where}.{resource_key}: {resource!r} must be '*' or an ARN "
                    "arn:partition:service:region:account:resource (wildcards allowed)"
                )
        has_variables = version == "2012-10-17" and any("${" in r for r in resources)
        if not has_variables:
            resource_regex = re.compile("|".join(glob_regex(r).pattern for r in resources), re.DOTALL)
    principal_key = _exactly_one(statement, "Principal", "NotPrincipal", where, required=kind == "resource")
    if principal_key and kind == "identity":
        raise ValueError(
            f"{where}: {principal_key} is not allowed in an identity-based policy (the principal is "
            "the identity the policy is attached to); pass resource policies as resource_policies"
        )
    principals = _principals(statement[principal_key], f"{where}.{principal_key}") if principal_key else None
    conditions = (
        compile_condition(statement["Condition"], f"{where}.Condition", version) if "Condition" in statement else ()
    )
    return CompiledStatement(
        index,
        sid,
        effect,
        actions,
        action_key == "NotAction",
        action_regex,
        resources,
        resource_key == "NotResource",
        resource_regex,
        has_variables,
        principals,
        principal_key == "NotPrincipal",
        conditions,
    )


def _exactly_one(statement: dict[str, Any], first: str, second: str, where: str, required: bool) -> str | None:
    if first in statement and second in statement:
        raise ValueError(f"{where} has both {first} and {second}; use exactly one")
    if first in statement:
        return first
    if second in statement:
        return second
    if required:
        raise ValueError(f"{where} needs {first} or {second}")
    return None


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ValueError(f"{where} must list at least one value")
    for item in items:
        if not isinstance(item, str) or not item:
            raise ValueError(f"{where}: {item!r} must be a non-empty string")
    return tuple(items)


def _principals(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if value == "*":
        return (("AWS", "*"),)
    if not isinstance(value, dict) or not value:
        raise ValueError(
            f'{where} must be \'*\' or an object such as {{"AWS": "arn:aws:iam::123456789012:root"}}, got {value!r}'
        )
    principals = []
    for principal_type, names in value.items():
        if principal_type not in _PRINCIPAL_TYPES:
            raise ValueError(f"{where}: principal type {principal_type!r} is not one of: {', '.join(_PRINCIPAL_TYPES)}")
        for name in _string_list(names, f"{where}.{principal_type}"):
            if principal_type == "AWS" and _ACCOUNT_ID.match(name):
                name = f"arn:aws:iam::{name}:root"
            elif principal_type == "AWS" and name != "*" and not name.startswith("arn:"):
                raise ValueError(f"{where}.AWS: {name!r} must be '*', a 12-digit account ID or an ARN")
            if "*" in name and name != "*":
                raise ValueError(f"{where}.{principal_type}: {name!r} may not contain wildcards (only '*' alone)")
            principals.append((principal_type, name))
    return tuple(principals)
