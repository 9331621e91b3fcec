"""IAM Condition element: operators, set operators (ForAllValues/ForAnyValue), ...IfExists, Null and policy variables.

Rules (IAM User Guide, reference_policies_elements_condition_operators and
reference_policies_condition-single-vs-multi-valued-context-keys, read 2026-11-27):

- operators, keys and values: different operators and different keys are ANDed; the values listed for one key
  are ORed, except for negated operators (StringNotEquals, NotIpAddress, ...) where the request value must match
  none of them (an AND of negations);
- a key missing from the request fails a positive operator and passes a negated one; ``...IfExists`` passes when
  the key is missing; ``Null`` tests presence itself;
- ``ForAllValues`` is true when every request value matches (and when the key is missing or empty);
  ``ForAnyValue`` is true when at least one request value matches (false when missing or empty);
- a multi-valued request key used without a set operator matches when any of its values matches (negated: when
  none does), which is what the service does and why AWS asks for an explicit set operator;
- policy variables ``${aws:username}`` (optionally ``${key, 'default'}``) are replaced in String* and Arn* values of
  Version 2012-10-17 policies; ``${*}``, ``${?}``, ``${$}`` stand for the literal characters.

References:
    - IAM User Guide, "IAM JSON policy elements: Condition operators",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html (read 2026-11-27)
    - IAM User Guide, "Single-valued vs. multivalued context keys",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html (read 2026-11-27)
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from awslab.security.arn import arn_like, glob_regex, wildcard_body
from awslab.validate import checked

SET_OPERATORS = ("ForAllValues", "ForAnyValue")

# base operator -> (value kind, negated)
OPERATORS: dict[str, tuple[str, bool]] = {
    "StringEquals": ("string", False),
    "StringNotEquals": ("string", True),
    "StringEqualsIgnoreCase": ("string_ic", False),
    "StringNotEqualsIgnoreCase": ("string_ic", True),
    "StringLike": ("string_like", False),
    "StringNotLike": ("string_like", True),
    "NumericEquals": ("numeric_eq", False),
    "NumericNotEquals": ("numeric_eq", True),
    "NumericLessThan": ("numeric_lt", False),
    "NumericLessThanEquals": ("numeric_le", False),
    "NumericGreaterThan": ("numeric_gt", False),
    "NumericGreaterThanEquals": ("numeric_ge", False),
    "DateEquals": ("date_eq", False),
    "DateNotEquals": ("date_eq", True),
    "DateLessThan": ("date_lt", False),
    "DateLessThanEquals": ("date_le", False),
    "DateGreaterThan": ("date_gt", False),
    "DateGreaterThanEquals": ("date_ge", False),
    "Bool": ("bool", False),
    "BinaryEquals": ("binary", False),
    "IpAddress": ("ip", False),
    "NotIpAddress": ("ip", True),
    "ArnEquals": ("arn", False),
    "ArnLike": ("arn", False),
    "ArnNotEquals": ("arn", True),
    "ArnNotLike": ("arn", True),
    "Null": ("null", False),
}
_VARIABLE_KINDS = {"string", "string_ic", "string_like", "arn"}
# No two parts of the pattern can take the same character, so a search is linear (a lazy key followed by \s* was
# quadratic: "${a" and 8,000 spaces took over a second); the key is stripped below.
_VARIABLE = re.compile(r"\$\{([^},']*)(?:,\s*'([^']*)'\s*)?\}")
_LITERAL_VARIABLES = {"*": "*", "?": "?", "$": "$"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclass(frozen=True)
class ConditionClause:
    """One (operator, key) pair of a Condition block with its parsed policy values.

    >>> compile_condition({"Bool": {"aws:MultiFactorAuthPresent": "true"}}, "Condition", "2012-10-17")[0].key
    'aws:MultiFactorAuthPresent'
    """

    operator: str
    base: str
    kind: str
    negated: bool
    set_operator: str | None
    if_exists: bool
    key: str
    values: tuple[Any, ...]
    has_variables: bool


@checked
def compile_condition(block: Any, where: str, version: str) -> tuple[ConditionClause, ...]:
    """Validate a Condition element and compile it into clauses; ValueError says what is wrong and where.

    >>> [c.operator for c in compile_condition({"StringEquals": {"aws:username": "alice"}}, "Condition", "2012-10-17")]
    ['StringEquals']
    """
    if not isinstance(block, dict):
        raise ValueError(f"{where} must be an object mapping condition operators to {{key: value}}, got {block!r}")
    clauses = []
    for operator, keys in block.items():
        if not isinstance(operator, str):
            raise ValueError(f"{where}: condition operator {operator!r} must be a string")
        base, set_operator, if_exists = _split_operator(operator, where)
        kind, negated = OPERATORS[base]
        here = f"{where}.{operator}"
        if not isinstance(keys, dict) or not keys:
            raise ValueError(f"{here} must be a non-empty object mapping condition keys to values, got {keys!r}")
        for key, raw in keys.items():
            if not isinstance(key, str) or not key.strip():
                raise ValueError(f"{here} has an empty condition key")
            raw_values = raw if isinstance(raw, list) else [raw]
            if not raw_values:
                raise ValueError(f"{here}[{key!r}] must list at least one value")
            values = tuple(_policy_value(kind, v, f"{here}[{key!r}]") for v in raw_values)
            has_vars = version == "2012-10-17" and kind in _VARIABLE_KINDS and any("${" in v for v in values)
            clauses.append(
                ConditionClause(operator, base, kind, negated, set_operator, if_exists, key, values, has_vars)
            )
    return tuple(clauses)


def _split_operator(operator: str, where: str) -> tuple[str, str | None, bool]:
    set_operator = None
    name = operator
    for prefix in SET_OPERATORS:
        if name.startswith(prefix + ":"):
            set_operator, name = prefix, name[len(prefix) + 1 :]
    if_exists = name.endswith("IfExists") and name != "IfExists"
    base = name[: -len("IfExists")] if if_exists else name
    if base not in OPERATORS or (base == "Null" and (if_exists or set_operator)):
        raise ValueError(
            f"{where}: condition operator {operator!r} is not one of: {', '.join(OPERATORS)} "
            "(optionally prefixed ForAllValues:/ForAnyValue: and suffixed IfExists; Null takes neither)"
        )
    return base, set_operator, if_exists


def _policy_value(kind: str, value: Any, where: str) -> Any:
    if isinstance(value, (dict, list)) or value is None:
        raise ValueError(f"{where}: condition value {value!r} must be a string, number or boolean")
    if kind in ("string", "string_ic", "string_like", "binary", "arn"):
        return _as_text(value)
    if kind.startswith("numeric"):
        return _as_number(value, where)
    if kind.startswith("date"):
        return _as_date(value, where)
    if kind in ("bool", "null"):
        return _as_bool(value, where)
    return _as_network(value, where)


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)


def _as_number(value: Any, where: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        return float(value)
    raise ValueError(f"{where}: {value!r} is not a number (Numeric operators need e.g. 10 or '2.5')")


def _as_date(value: Any, where: str) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        if abs(value) < 1e11:
            return datetime.fromtimestamp(value, UTC)
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and len(text) <= 11:
            return datetime.fromtimestamp(int(text), UTC)
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise ValueError(
        f"{where}: {value!r} is not a date (Date operators need ISO 8601 such as "
        "'2026-01-01T00:00:00Z' or epoch seconds)"
    )


def _as_bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError(f"{where}: {value!r} is not a boolean (use true/false or 'true'/'false')")


def _as_network(value: Any, where: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(value.strip() if isinstance(value, str) else "", strict=False)
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not an IP address or CIDR block such as '203.0.113.0/24'") from None


def _request_value(kind: str, value: Any, where: str) -> Any:
    if kind.startswith(("string", "binary", "arn")):
        if isinstance(value, (str, int, float, bool)) and not (isinstance(value, float) and not math.isfinite(value)):
            return _as_text(value)
        raise ValueError(f"{where}={value!r} must be a string")
    if kind == "ip":
        try:
            return ipaddress.ip_address(value.strip() if isinstance(value, str) else value)
        except ValueError:
            raise ValueError(f"{where}={value!r} is not an IP address such as '203.0.113.7'") from None
    return _policy_value(kind, value, where)


@dataclass(frozen=True)
class ExpandedText:
    """A policy string with its ${...} variables replaced: (piece, is_policy_text) segments, and the context keys
    that were needed but missing (the string then cannot match).

    >>> expand_variables("${aws:username}", {}).unresolved_keys
    ['aws:username']
    """

    segments: list[tuple[str, bool]]
    unresolved_keys: list[str]


@checked
def expand_variables(text: str, context: Mapping[str, Any]) -> ExpandedText:
    """Split ``text`` into (piece, is_policy_text) segments with ${...} replaced, and list the unresolved keys.

    Replaced values are literal (``is_policy_text`` False), so a '*' inside a user name never acts as a wildcard.

    >>> expand_variables("home/${aws:username}/*", {"aws:username": "alice"})
    ExpandedText(segments=[('home/', True), ('alice', False), ('/*', True)], unresolved_keys=[])
    """
    segments: list[tuple[str, bool]] = []
    missing: list[str] = []
    position = 0
    for match in _VARIABLE.finditer(text):
        key, default = match.group(1).strip(), match.group(2)
        if not key:  # "${}" names no variable: it stays policy text
            continue
        segments.append((text[position : match.start()], True))
        if key in _LITERAL_VARIABLES:
            segments.append((_LITERAL_VARIABLES[key], False))
        else:
            found = context.get(key.lower())
            if isinstance(found, list) and len(found) == 1:
                found = found[0]
            if isinstance(found, (str, int, float)) and not isinstance(found, bool):
                segments.append((str(found), False))
            elif default is not None:
                segments.append((default, False))
            else:
                missing.append(key)
        position = match.end()
    segments.append((text[position:], True))
    return ExpandedText(segments, missing)


@checked
def segments_regex(segments: list[tuple[str, bool]], ignore_case: bool = False) -> re.Pattern[str]:
    """A regex for expanded segments: wildcards in policy text, literal substituted values.

    >>> bool(segments_regex([("home/alice/", False), ("*", True)]).match("home/alice/a.txt"))
    True
    """
    body = wildcard_body(segments)
    return re.compile(f"^{body}$", re.DOTALL | (re.IGNORECASE if ignore_case else 0))


def _arn_match(policy: Any, request: str) -> bool:
    if isinstance(policy, re.Pattern):
        return policy.match(request) is not None
    return arn_like(policy, request)


def _like(policy: Any, request: str) -> bool:
    pattern = policy if isinstance(policy, re.Pattern) else glob_regex(policy)
    return pattern.match(request) is not None


def _in_network(policy: Any, request: Any) -> bool:
    return request.version == policy.version and request in policy


_COMPARATORS: dict[str, Callable[[Any, Any], bool]] = {
    "string": lambda p, r: p == r,
    "string_ic": lambda p, r: p.casefold() == r.casefold(),
    "string_like": _like,
    "binary": lambda p, r: p == r,
    "arn": _arn_match,
    "numeric_eq": lambda p, r: r == p,
    "numeric_lt": lambda p, r: r < p,
    "numeric_le": lambda p, r: r <= p,
    "numeric_gt": lambda p, r: r > p,
    "numeric_ge": lambda p, r: r >= p,
    "date_eq": lambda p, r: r == p,
    "date_lt": lambda p, r: r < p,
    "date_le": lambda p, r: r <= p,
    "date_gt": lambda p, r: r > p,
    "date_ge": lambda p, r: r >= p,
    "bool": lambda p, r: p == r,
    "ip": _in_network,
}


@checked
def unresolved_variables(clause: ConditionClause, context: Mapping[str, Any]) -> tuple[str, ...]:
    """The context keys that the clause's policy variables name and the request lacks (no default given).

    AWS: a variable that cannot be resolved may make the whole statement invalid (IAM User Guide, "IAM policy
    elements: Variables and tags"), so such a clause never holds, whatever its operator (a negated operator must not
    turn "no value" into a match).

    >>> clause = compile_condition({"StringNotLike": {"s3:prefix": "home/${aws:username}/*"}}, "Condition", "2012-10-17")[0]
    >>> unresolved_variables(clause, {})
    ('aws:username',)
    >>> evaluate_clause(clause, {"s3:prefix": "payroll/"}, [])
    False
    """
    if not clause.has_variables:
        return ()
    keys: list[str] = []
    for value in clause.values:
        keys.extend(expand_variables(value, context).unresolved_keys)
    return tuple(dict.fromkeys(keys))


def _resolved_values(clause: ConditionClause, context: Mapping[str, Any], missing: list[str]) -> list[Any] | None:
    if not clause.has_variables:
        return list(clause.values)
    resolved = []
    for value in clause.values:
        expanded = expand_variables(value, context)
        segments = expanded.segments
        if expanded.unresolved_keys:
            missing.extend(expanded.unresolved_keys)
            return None
        if clause.kind == "string_like":
            resolved.append(segments_regex(segments))
        else:
            resolved.append("".join(piece for piece, _ in segments))
    return resolved


@checked
def evaluate_clause(clause: ConditionClause, context: Mapping[str, Any], missing: list[str]) -> bool:
    """Decide one clause against a context keyed by lower-case condition key; absent keys go into ``missing``.

    >>> clause = compile_condition({"StringEquals": {"aws:username": "alice"}}, "Condition", "2012-10-17")[0]
    >>> evaluate_clause(clause, {"aws:username": "alice"}, [])
    True
    """
    raw = context.get(clause.key.lower())
    present = raw is not None
    if not present:
        missing.append(clause.key)
    if clause.kind == "null":
        is_null = not present or (isinstance(raw, list) and not raw)
        return any(v == is_null for v in clause.values)
    if not present:
        if clause.if_exists or clause.set_operator == "ForAllValues":
            return True
        if clause.set_operator == "ForAnyValue":
            return False
        return clause.negated
    where = f"context[{clause.key!r}]"
    request_values = [_request_value(clause.kind, v, where) for v in (raw if isinstance(raw, list) else [raw])]
    policy_values = _resolved_values(clause, context, missing)
    if policy_values is None:  # a policy variable without a value: the clause cannot hold (see unresolved_variables)
        return False
    compare = _COMPARATORS[clause.kind]

    def hits(request: Any) -> bool:
        return any(compare(p, request) for p in policy_values)

    if clause.set_operator == "ForAllValues":
        return all(hits(r) != clause.negated for r in request_values)
    if clause.set_operator == "ForAnyValue":
        return any(hits(r) != clause.negated for r in request_values)
    matched = any(hits(r) for r in request_values)
    return not matched if clause.negated else matched
