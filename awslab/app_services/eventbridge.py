"""EventBridge event patterns: a content-filtering matcher that follows AWS's documented rules, and the limits.

:func:`matches` decides whether an event pattern (in EventBridge's own JSON shape) matches an event, the way a rule
on an event bus decides whether to send the event to its targets. Supported: exact values (strings, numbers,
``true``/``false``/``null``, the empty string), arrays in the event (any element may match), ``prefix`` and ``suffix``
(each also with ``equals-ignore-case``), ``equals-ignore-case``, ``wildcard``, ``anything-but`` (a value, a list of
strings or of numbers, and its ``prefix``/``suffix``/``wildcard``/``equals-ignore-case`` forms), ``numeric`` ranges,
``exists``, ``cidr`` (IPv4 and IPv6), ``$or`` and nested fields.

Where the documentation is silent we follow AWS's open-source matcher (aws/event-ruler): a nested pattern matched
against an array of objects must be satisfied by one element of that array; an empty array in the event has no
values (``exists: false`` matches it); ``anything-but`` needs the field to be present.

Bounds: a pattern is at most :data:`MAX_PATTERN_CHARS` characters as JSON (the EventBridge quota), nested at most
:data:`MAX_PATTERN_DEPTH` levels, with at most :data:`MAX_PATTERN_VALUES` values; wildcards are matched segment by
segment (no backtracking), so matching time grows linearly with the value's length.

References:
    - Amazon EventBridge User Guide, "Amazon EventBridge event patterns",
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html (read 2026-12-03)
    - Amazon EventBridge User Guide, "Content filtering in Amazon EventBridge event patterns",
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
      (read 2026-12-03)
    - Amazon EventBridge User Guide, "Comparison operators for use in event patterns in Amazon EventBridge",
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html (read 2026-12-03)
    - Amazon EventBridge User Guide, "Arrays in Amazon EventBridge event patterns",
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html (read 2026-12-03)
    - Amazon EventBridge User Guide, "Matching null values and empty strings in Amazon EventBridge event patterns",
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-null-values.html (read 2026-12-03)
    - Amazon EventBridge User Guide, "Amazon EventBridge quotas",
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html (read 2026-12-03)
    - Amazon EventBridge API Reference, "PutEvents",
      https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html (read 2026-12-03)
    - Amazon EventBridge User Guide, "How EventBridge retries delivering events" (a rule target is retried for 24
      hours and up to 185 times by default),
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html (read 2026-12-03)
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from awslab import validate
from awslab.validate import checked

# Amazon EventBridge quotas (eb-quota.html), read 2026-12-03.
MAX_PATTERN_CHARS = 2048  # "Event pattern size": the largest event pattern, in characters
MAX_TARGETS_PER_RULE = 5  # "Targets per rule"
MAX_RULES_PER_BUS = 300  # "Number of rules" per event bus (100 in af-south-1 and eu-south-1)
MAX_PUT_EVENTS_ENTRIES = 10  # PutEvents: at most 10 entries per request (API reference, Entries array)
MAX_EVENT_ENTRY_BYTES = 256 * 1024  # PutEvents: an entry is at most 256 KB (API reference)
# Content filtering page (read 2026-12-03): numeric matching "is limited to values between -1.0e9 and +1.0e9
# inclusive, with 15 digits of precision, or six digits to the right of the decimal point". AWS's open-source matcher
# (aws/event-ruler) has since widened the range to +/-5.0e9; the docs do not settle which the service enforces, so we
# accept bounds up to 5.0e9 and compare at six decimal places.
NUMERIC_LIMIT = 5.0e9
NUMERIC_DECIMALS = 6
MAX_PATTERN_DEPTH = 20  # our bound: nested fields and $or
MAX_PATTERN_VALUES = 1000  # our bound: values in all the matcher lists of one pattern

NAMED_MATCHERS = (
    "prefix",
    "suffix",
    "equals-ignore-case",
    "wildcard",
    "anything-but",
    "numeric",
    "exists",
    "cidr",
)
_NUMERIC_OPERATORS = ("<", "<=", "=", ">=", ">")

_ABSENT = object()


@dataclass(frozen=True)
class _Matcher:
    kind: str  # "exact", "prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", ...
    value: Any
    ignore_case: bool = False
    negated_kind: str = ""  # for anything-but: "values", "prefix", "suffix", "wildcard", "equals-ignore-case"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _where(path: tuple[str, ...]) -> str:
    return ".".join(("pattern", *path))


def _wildcard_segments(text: str, where: str) -> tuple[str, ...]:
    """Split a wildcard pattern on unescaped ``*`` (``\\*`` is a literal star, ``\\\\`` a backslash)."""
    segments, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            if index + 1 < len(text) and text[index + 1] in "*\\":
                current.append(text[index + 1])
                index += 2
                continue
            raise ValueError(f"{where}: wildcard {text!r} has a backslash that escapes neither '*' nor '\\'")
        if char == "*":
            if index + 1 < len(text) and text[index + 1] == "*":
                raise ValueError(f"{where}: wildcard {text!r} has consecutive '*' characters, which are not allowed")
            segments.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    segments.append("".join(current))
    return tuple(segments)


def _wildcard_match(segments: tuple[str, ...], value: str) -> bool:
    if len(segments) == 1:
        return value == segments[0]
    first, last = segments[0], segments[-1]
    if len(value) < len(first) + len(last) or not value.startswith(first) or not value.endswith(last):
        return False
    position, end = len(first), len(value) - len(last)
    for middle in segments[1:-1]:  # leftmost placement is always safe when the only operator is '*'
        found = value.find(middle, position, end)
        if found < 0:
            return False
        position = found + len(middle)
    return True


def _string_or_strings(value: Any, where: str, operator: str) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{where}: {operator} takes a string or a non-empty list of strings, got {value!r}")
    return tuple(values)


def _parse_anything_but(value: Any, where: str) -> _Matcher:
    if isinstance(value, dict):
        if len(value) != 1:
            raise ValueError(f"{where}: anything-but takes one operator, got {sorted(value)}")
        ((name, inner),) = value.items()
        if name == "wildcard":
            texts = _string_or_strings(inner, where, "anything-but wildcard")
            return _Matcher("anything-but", tuple(_wildcard_segments(t, where) for t in texts), negated_kind=name)
        if name in ("prefix", "suffix", "equals-ignore-case"):
            texts = _string_or_strings(inner, where, f"anything-but {name}")
            if name != "equals-ignore-case" and "" in texts:
                raise ValueError(f"{where}: anything-but {name} may not be an empty string")
            return _Matcher("anything-but", texts, negated_kind=name)
        raise ValueError(
            f"{where}: anything-but takes a value, a list, or one of prefix, suffix, wildcard, equals-ignore-case;"
            f" got {name!r}"
        )
    values = value if isinstance(value, list) else [value]
    if not values:
        raise ValueError(f"{where}: anything-but needs at least one value")
    if all(isinstance(v, str) for v in values) or all(_is_number(v) for v in values):
        return _Matcher("anything-but", tuple(values), negated_kind="values")
    raise ValueError(f"{where}: anything-but values must be all strings or all numbers, got {value!r}")


def _parse_numeric(value: Any, where: str) -> _Matcher:
    if not isinstance(value, list) or len(value) not in (2, 4):
        raise ValueError(f"{where}: numeric takes [op, number] or [op, number, op, number], got {value!r}")
    pairs = []
    for operator, number in zip(value[::2], value[1::2], strict=True):
        if operator not in _NUMERIC_OPERATORS:
            raise ValueError(f"{where}: numeric operator {operator!r} is not one of {', '.join(_NUMERIC_OPERATORS)}")
        if not _is_number(number) or not math.isfinite(number) or abs(number) > NUMERIC_LIMIT:
            raise ValueError(f"{where}: numeric bound {number!r} must be a number from -5.0e9 to 5.0e9")
        pairs.append((operator, round(float(number), NUMERIC_DECIMALS)))
    if len(pairs) == 2:
        lower = [p for p in pairs if p[0] in (">", ">=")]
        upper = [p for p in pairs if p[0] in ("<", "<=")]
        if len(lower) != 1 or len(upper) != 1:
            raise ValueError(f"{where}: a two-part numeric range needs one lower (> or >=) and one upper (< or <=)")
        if lower[0][1] > upper[0][1]:
            raise ValueError(f"{where}: numeric range {value!r} has its lower bound above its upper bound")
    return _Matcher("numeric", tuple(pairs))


def _parse_named(item: dict, where: str) -> _Matcher:
    if len(item) != 1:
        raise ValueError(f"{where}: a matcher object has exactly one operator, got {sorted(item)}")
    ((name, value),) = item.items()
    if name in ("prefix", "suffix"):
        if isinstance(value, dict):
            if list(value) != ["equals-ignore-case"] or not isinstance(value["equals-ignore-case"], str):
                raise ValueError(f'{where}: {name} takes a string or {{"equals-ignore-case": string}}, got {value!r}')
            return _Matcher(name, value["equals-ignore-case"].lower(), ignore_case=True)
        if not isinstance(value, str):
            raise ValueError(f"{where}: {name} takes a string, got {value!r}")
        return _Matcher(name, value)
    if name == "equals-ignore-case":
        if not isinstance(value, str):
            raise ValueError(f"{where}: equals-ignore-case takes a string, got {value!r}")
        return _Matcher(name, value.lower())
    if name == "wildcard":
        if not isinstance(value, str):
            raise ValueError(f"{where}: wildcard takes a string, got {value!r}")
        return _Matcher(name, _wildcard_segments(value, where))
    if name == "anything-but":
        return _parse_anything_but(value, where)
    if name == "numeric":
        return _parse_numeric(value, where)
    if name == "exists":
        if not isinstance(value, bool):
            raise ValueError(f"{where}: exists takes true or false, got {value!r}")
        return _Matcher(name, value)
    if name == "cidr":
        if not isinstance(value, str):
            raise ValueError(f"{where}: cidr takes a string such as '10.0.0.0/24', got {value!r}")
        try:
            return _Matcher(name, ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ValueError(f"{where}: cidr {value!r} is not an IPv4 or IPv6 network") from None
    raise ValueError(f"{where}: unknown matcher {name!r}; EventBridge knows {', '.join(NAMED_MATCHERS)}")


class _Budget:
    def __init__(self) -> None:
        self.values = 0

    def spend(self, count: int, where: str) -> None:
        self.values += count
        if self.values > MAX_PATTERN_VALUES:
            raise ValueError(f"{where}: the pattern has more than {MAX_PATTERN_VALUES} values")


def _compile(node: Any, path: tuple[str, ...], budget: _Budget) -> tuple:
    """A pattern object as a tuple of (key, sub-pattern or matchers) and ("$or", alternatives) entries."""
    where = _where(path)
    if not isinstance(node, dict):
        raise ValueError(f"{where}: a pattern level must be a JSON object, got {type(node).__name__}")
    if not node:
        raise ValueError(f"{where}: an empty object matches nothing; name at least one field")
    if len(path) > MAX_PATTERN_DEPTH:
        raise ValueError(f"{where}: the pattern is nested more than {MAX_PATTERN_DEPTH} levels")
    entries = []
    for key, value in node.items():
        here = (*path, key)
        if key == "$or":
            if not isinstance(value, list) or len(value) < 2:
                raise ValueError(f"{_where(here)}: $or takes a list of two or more pattern objects")
            entries.append(("$or", "or", tuple(_compile(alt, here, budget) for alt in value)))
        elif isinstance(value, dict):
            entries.append((key, "object", _compile(value, here, budget)))
        elif isinstance(value, list):
            if not value:
                raise ValueError(f"{_where(here)}: empty arrays are not allowed in an event pattern")
            budget.spend(len(value), _where(here))
            matchers = []
            for item in value:
                if isinstance(item, dict):
                    matchers.append(_parse_named(item, _where(here)))
                elif item is None or isinstance(item, (str, bool)) or _is_number(item):
                    matchers.append(_Matcher("exact", item))
                else:
                    raise ValueError(f"{_where(here)}: a pattern array holds values or matcher objects, got {item!r}")
            entries.append((key, "leaf", tuple(matchers)))
        else:
            raise ValueError(f"{_where(here)}: must be an object or an array, got {value!r}")
    return tuple(entries)


@lru_cache(maxsize=256)
def _compiled_from_text(text: str) -> tuple:
    pattern = validate.json_document("pattern", text, expect=dict, max_chars=MAX_PATTERN_CHARS)
    return _compile(pattern, (), _Budget())


def _compiled(pattern: Any) -> tuple:
    import json

    if isinstance(pattern, (str, bytes, bytearray)):
        text = pattern.decode("utf-8", "replace") if isinstance(pattern, (bytes, bytearray)) else pattern
        return _compiled_from_text(text)
    pattern = validate.json_document("pattern", pattern, expect=dict)
    try:
        text = json.dumps(pattern, sort_keys=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"pattern is not a JSON document: {exc}") from None
    return _compiled_from_text(text)


def _leaf_values(value: Any) -> list | None:
    """The scalar values at a field (arrays flattened); None when the field holds an object (not a leaf)."""
    if isinstance(value, dict):
        return None
    if isinstance(value, list):
        out: list = []
        for item in value:
            if isinstance(item, list):
                out.extend(_leaf_values(item) or [])
            elif not isinstance(item, dict):
                out.append(item)
        return out
    return [value]


def _numeric_ok(pairs: tuple, number: float) -> bool:
    number = round(float(number), NUMERIC_DECIMALS)
    for operator, bound in pairs:
        if operator == "<" and not number < bound:
            return False
        if operator == "<=" and not number <= bound:
            return False
        if operator == "=" and not number == bound:
            return False
        if operator == ">=" and not number >= bound:
            return False
        if operator == ">" and not number > bound:
            return False
    return True


def _string_test(kind: str, texts: tuple, value: str) -> bool:
    if kind == "prefix":
        return any(value.startswith(t) for t in texts)
    if kind == "suffix":
        return any(value.endswith(t) for t in texts)
    if kind == "equals-ignore-case":
        lowered = value.lower()
        return any(lowered == t.lower() for t in texts)
    return any(_wildcard_match(segments, value) for segments in texts)  # wildcard


def _value_matches(matcher: _Matcher, value: Any) -> bool:  # noqa: C901 - one branch per operator
    kind = matcher.kind
    if kind == "exact":
        wanted = matcher.value
        if wanted is None or isinstance(wanted, bool):
            return value is wanted
        if isinstance(wanted, str):
            return isinstance(value, str) and value == wanted
        return _is_number(value) and round(float(value), NUMERIC_DECIMALS) == round(float(wanted), NUMERIC_DECIMALS)
    if kind == "numeric":
        return _is_number(value) and math.isfinite(value) and _numeric_ok(matcher.value, value)
    if kind == "cidr":
        if not isinstance(value, str):
            return False
        try:
            return ipaddress.ip_address(value) in matcher.value
        except ValueError:
            return False
    if kind == "anything-but":
        if matcher.negated_kind == "values":
            if isinstance(value, str) or _is_number(value):
                probe = [v for v in matcher.value if isinstance(v, str) == isinstance(value, str)]
                if isinstance(value, str):
                    return value not in probe
                return all(round(float(value), NUMERIC_DECIMALS) != round(float(v), NUMERIC_DECIMALS) for v in probe)
            return True
        if not isinstance(value, str):
            return True
        return not _string_test(matcher.negated_kind, matcher.value, value)
    if not isinstance(value, str):
        return False
    if kind in ("prefix", "suffix") and matcher.ignore_case:
        return _string_test(kind, (matcher.value,), value.lower())
    if kind == "equals-ignore-case":
        return value.lower() == matcher.value
    if kind in ("prefix", "suffix"):
        return _string_test(kind, (matcher.value,), value)
    return _wildcard_match(matcher.value, value)  # wildcard


def _field_matches(matchers: tuple, value: Any) -> bool:
    leaves = None if value is _ABSENT else _leaf_values(value)
    for matcher in matchers:
        if matcher.kind == "exists":
            present = leaves is not None and len(leaves) > 0
            if present == matcher.value:
                return True
            continue
        if leaves and any(_value_matches(matcher, leaf) for leaf in leaves):
            return True
    return False


def _object_matches(entries: tuple, event: Any) -> bool:
    if isinstance(event, list):  # a nested pattern against an array of objects: one element must satisfy it
        return any(_object_matches(entries, item) for item in event if isinstance(item, (dict, list)))
    if not isinstance(event, dict):
        return _all_absent_ok(entries)
    for key, kind, sub in entries:
        if kind == "or":
            if not any(_object_matches(alternative, event) for alternative in sub):
                return False
        elif kind == "object":
            if not (_object_matches(sub, event[key]) if key in event else _all_absent_ok(sub)):
                return False
        elif not _field_matches(sub, event.get(key, _ABSENT)):
            return False
    return True


def _all_absent_ok(entries: tuple) -> bool:
    """True when a nested pattern matches even with its whole parent absent (only exists:false leaves)."""
    for _key, kind, sub in entries:
        if kind == "leaf" and not _field_matches(sub, _ABSENT):
            return False
        if kind == "object" and not _all_absent_ok(sub):
            return False
        if kind == "or" and not any(_all_absent_ok(alternative) for alternative in sub):
            return False
    return True


@checked
def check_pattern(pattern: dict | str) -> dict:
    """Return the pattern (parsed) if EventBridge would accept it, else raise ValueError naming what is wrong.

    >>> check_pattern('{"source": ["aws.ec2"]}')
    {'source': ['aws.ec2']}
    >>> check_pattern({"detail": {"state": []}})
    Traceback (most recent call last):
    ...
    ValueError: pattern.detail.state: empty arrays are not allowed in an event pattern
    """
    _compiled(pattern)
    return validate.json_document("pattern", pattern, expect=dict)


@checked
def matches(pattern: dict | str, event: dict | str) -> bool:
    """Whether an EventBridge event pattern matches an event (both dicts or JSON text).

    >>> matches({"source": ["aws.ec2"], "detail": {"state": [{"anything-but": "pending"}]}},
    ...         {"source": "aws.ec2", "detail": {"state": "running"}})
    True
    >>> matches('{"detail": {"size": [{"numeric": [">", 100]}]}}', '{"detail": {"size": 42}}')
    False
    """
    compiled = _compiled(pattern)
    event = validate.json_document("event", event, expect=dict)
    return _object_matches(compiled, event)


@checked
def matching_rules(rules: dict, event: dict | str) -> list[str]:
    """The names of the rules (name -> event pattern) whose pattern matches the event, in the order given.

    >>> matching_rules({"ec2": {"source": ["aws.ec2"]}, "s3": {"source": ["aws.s3"]}}, {"source": "aws.s3"})
    ['s3']
    """
    event = validate.json_document("event", event, expect=dict)
    if len(rules) > MAX_RULES_PER_BUS:
        raise ValueError(f"rules has {len(rules)} entries; an event bus holds at most {MAX_RULES_PER_BUS} rules")
    matched = []
    for name, pattern in rules.items():
        try:
            if matches(pattern, event):
                matched.append(name)
        except ValueError as error:
            raise ValueError(f"rules[{name!r}]: {error}") from None
    return matched


# ---- presets the notebook and its explorer read -----------------------------------------------------------------------
SAMPLE_EVENTS = {
    "EC2 instance stopped (us-east-1)": {
        "source": "aws.ec2",
        "detail-type": "EC2 Instance State-change Notification",
        "region": "us-east-1",
        "detail": {"instance-id": "i-0abc", "state": "stopped"},
    },
    "EC2 instance running (eu-west-1)": {
        "source": "aws.ec2",
        "detail-type": "EC2 Instance State-change Notification",
        "region": "eu-west-1",
        "detail": {"instance-id": "i-0def", "state": "running"},
    },
    "S3 object created (photo.PNG)": {
        "source": "aws.s3",
        "detail-type": "Object Created",
        "region": "us-east-1",
        "detail": {"bucket": {"name": "uploads"}, "object": {"key": "img/photo.PNG", "size": 48_213}},
    },
    "order placed, 1,250 USD": {
        "source": "com.shop.orders",
        "detail-type": "OrderPlaced",
        "region": "us-east-1",
        "detail": {"total_usd": 1250, "country": "FR", "items": ["book", "lamp"], "coupon": None},
    },
    "order placed, 40 USD, test": {
        "source": "com.shop.orders",
        "detail-type": "OrderPlaced",
        "region": "us-east-1",
        "detail": {"total_usd": 40, "country": "US", "items": ["pen"], "test": True},
    },
    "console sign-in from 10.0.0.7": {
        "source": "aws.signin",
        "detail-type": "AWS Console Sign In via CloudTrail",
        "region": "us-east-1",
        "detail": {"sourceIPAddress": "10.0.0.7", "userIdentity": {"type": "IAMUser"}},
    },
}

PRESET_PATTERNS = {
    "EC2 stopped or terminated": {"source": ["aws.ec2"], "detail": {"state": ["stopped", "terminated"]}},
    "anything from AWS (prefix aws.)": {"source": [{"prefix": "aws."}]},
    "images, any case (suffix .png)": {"detail": {"object": {"key": [{"suffix": {"equals-ignore-case": ".png"}}]}}},
    "big real orders (numeric, exists)": {
        "source": ["com.shop.orders"],
        "detail": {"total_usd": [{"numeric": [">=", 1000]}], "test": [{"exists": False}]},
    },
    "not in the US regions": {"region": [{"anything-but": {"prefix": "us-"}}]},
    "office network sign-ins (cidr)": {"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/24"}]}},
    "orders with a lamp or from FR ($or)": {
        "source": ["com.shop.orders"],
        "$or": [{"detail": {"items": ["lamp"]}}, {"detail": {"country": ["FR"]}}],
    },
}


@checked
def match_table(pattern: dict | str) -> list[dict]:
    """Which of the sample events a pattern matches: rows of {"event", "matches"}.

    >>> [r["event"] for r in match_table({"source": ["aws.s3"]}) if r["matches"]]
    ['S3 object created (photo.PNG)']
    """
    _compiled(pattern)
    return [{"event": name, "matches": matches(pattern, event)} for name, event in SAMPLE_EVENTS.items()]
