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
