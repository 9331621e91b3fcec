"""Boundary checks shared by every model: one wording for every bad-input message.

Each check returns the value it accepted (converted where that is its job) or raises
``ValueError`` naming the parameter, the value given and what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any


def number(
    name: str,
    value: Any,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    unit: str = "",
    exclusive_minimum: bool = False,
) -> float:
    """Return ``value`` as a float if it is a finite number within [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(
            f"{name} must be a finite number{_range_text(minimum, maximum, unit, exclusive_minimum)}, got {value!r}"
        )
    too_low = minimum is not None and (value <= minimum if exclusive_minimum else value < minimum)
    too_high = maximum is not None and value > maximum
    if too_low or too_high:
        raise ValueError(
            f"{name}={value!r} is outside the allowed range{_range_text(minimum, maximum, unit, exclusive_minimum)}"
        )
    return float(value)


def integer(name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None, unit: str = "") -> int:
    """Return ``value`` as an int if it is a whole number within [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ValueError(
                f"{name} must be a whole number{_range_text(minimum, maximum, unit, False)}, got {value!r}"
            )
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValueError(f"{name}={value!r} is outside the allowed range{_range_text(minimum, maximum, unit, False)}")
    return int(value)


def choice(name: str, value: Any, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed`` (exact match)."""
    options = list(allowed)
    if value not in options:
        raise ValueError(f"{name}={value!r} is not one of: {', '.join(map(str, options))}")
    return value


def _range_text(minimum: float | None, maximum: float | None, unit: str, exclusive_minimum: bool) -> str:
    suffix = f" {unit}" if unit else ""
    if minimum is not None and maximum is not None:
        low = f"more than {minimum:g}" if exclusive_minimum else f"{minimum:g}"
        return f" ({low} to {maximum:g}{suffix})"
    if minimum is not None:
        return f" ({'>' if exclusive_minimum else '>='} {minimum:g}{suffix})"
    if maximum is not None:
        return f" (<= {maximum:g}{suffix})"
    return ""


# Learner text pasted into a box: bounded before it is parsed, so no paste can hang or exhaust a kernel.
MAX_JSON_CHARS = 200_000
MAX_JSON_DEPTH = 32
_JSON_KINDS = {dict: "a JSON object", list: "a JSON array"}


def json_document(
    name: str,
    value: Any,
    *,
    expect: type | tuple[type, ...] = (dict, list),
    max_chars: int = MAX_JSON_CHARS,
    max_depth: int = MAX_JSON_DEPTH,
) -> Any:
    """Return a JSON document given as text (or already parsed) if it is of the ``expect`` type(s) and within bounds.

    >>> json_document("policy", '{"Version": "2012-10-17", "Statement": []}')
    {'Version': '2012-10-17', 'Statement': []}
    >>> json_document("rules", '{"a": 1', expect=list)
    Traceback (most recent call last):
    ...
    ValueError: rules is not valid JSON: Expecting ',' delimiter (line 1, column 8)
    """
    import json

    expected = expect if isinstance(expect, tuple) else (expect,)
    wanted = " or ".join(_JSON_KINDS.get(t, t.__name__) for t in expected)
    if isinstance(value, (bytes, bytearray)):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        if len(value) > max_chars:
            raise ValueError(f"{name} is {len(value):,} characters long; at most {max_chars:,} are allowed")
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
        except RecursionError:
            raise ValueError(f"{name} is nested too deeply; at most {max_depth} levels are allowed") from None
    _check_depth(name, value, max_depth)
    if not isinstance(value, expected):
        raise ValueError(f"{name} must be {wanted}, got {_json_type(value)}")
    return value


def json_objects(name: str, value: Any, **bounds: int) -> list[dict]:
    """A JSON array of objects (one object alone counts as a list of one), from text or parsed data.

    >>> json_objects("entries", '{"RuleNumber": 100}')
    [{'RuleNumber': 100}]
    """
    document = json_document(name, value, expect=(dict, list), **bounds)
    items = [document] if isinstance(document, dict) else document
    bad = next((i for i, item in enumerate(items) if not isinstance(item, dict)), None)
    if bad is not None:
        raise ValueError(f"{name} must be a JSON array of objects; item {bad} is {_json_type(items[bad])}")
    return items


def _check_depth(name: str, value: Any, max_depth: int) -> None:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > max_depth:
                raise ValueError(f"{name} is nested too deeply; at most {max_depth} levels are allowed")
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)
