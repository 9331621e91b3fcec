"""Boundary checks shared by every model: one wording for every bad-input message.

Each check returns the value it accepted (converted where that is its job) or raises
``ValueError`` naming the parameter, the value given and what is allowed.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
import re
import reprlib
import sys
import threading
import types
import typing
from collections import abc
from collections.abc import Callable, Iterable
from typing import Any


def number(
    name: str,
    value: Any,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    unit: str = "",
    exclusive_minimum: bool = False,
    minimum_name: str = "",
    maximum_name: str = "",
) -> float:
    """Return ``value`` as a float if it is a finite number within [minimum, maximum].

    A bound that is another parameter's value is named (``maximum_name="peak_rps"``), so the message says which.

    >>> number("base_rps", 900, minimum=0, maximum=800, maximum_name="peak_rps")
    Traceback (most recent call last):
    ...
    ValueError: base_rps=900 is outside the allowed range (0 to peak_rps=800)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(
            f"{name} must be a finite number"
            f"{_range_text(minimum, maximum, unit, exclusive_minimum, minimum_name, maximum_name)}, got {value!r}"
        )
    too_low = minimum is not None and (value <= minimum if exclusive_minimum else value < minimum)
    too_high = maximum is not None and value > maximum
    if too_low or too_high:
        raise ValueError(
            f"{name}={value!r} is outside the allowed range"
            f"{_range_text(minimum, maximum, unit, exclusive_minimum, minimum_name, maximum_name)}"
        )
    return float(value)


def integer(
    name: str,
    value: Any,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    unit: str = "",
    minimum_name: str = "",
    maximum_name: str = "",
) -> int:
    """Return ``value`` as an int if it is a whole number within [minimum, maximum] (bounds named as in number)."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ValueError(
                f"{name} must be a whole number"
                f"{_range_text(minimum, maximum, unit, False, minimum_name, maximum_name)}, got {value!r}"
            )
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValueError(
            f"{name}={value!r} is outside the allowed range"
            f"{_range_text(minimum, maximum, unit, False, minimum_name, maximum_name)}"
        )
    return int(value)


def dataframe(name: str, value: Any, columns: Iterable[str] = ()) -> Any:
    """Return ``value`` if it is a pandas DataFrame holding ``columns`` (a model's own table, passed back in).

    >>> dataframe("timeline", [1, 2])
    Traceback (most recent call last):
    ...
    TypeError: timeline must be a pandas DataFrame, got [1, 2]
    """
    pandas = sys.modules.get("pandas")
    if pandas is None or not isinstance(value, pandas.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {reprlib.repr(value)}")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ValueError(
            f"{name} lacks the column(s) {', '.join(missing)}; it has: {', '.join(map(str, value.columns))}"
        )
    return value


def choice(name: str, value: Any, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed`` (exact match)."""
    options = list(allowed)
    if value not in options:
        raise ValueError(f"{name}={value!r} is not one of: {', '.join(map(str, options))}")
    return value


def _range_text(
    minimum: float | None,
    maximum: float | None,
    unit: str,
    exclusive_minimum: bool,
    minimum_name: str = "",
    maximum_name: str = "",
) -> str:
    suffix = f" {unit}" if unit else ""
    low_text = (
        f"{minimum_name}={minimum:g}"
        if minimum_name and minimum is not None
        else f"{minimum:g}"
        if minimum is not None
        else ""
    )
    high_text = (
        f"{maximum_name}={maximum:g}"
        if maximum_name and maximum is not None
        else f"{maximum:g}"
        if maximum is not None
        else ""
    )
    if minimum is not None and maximum is not None:
        low = f"more than {low_text}" if exclusive_minimum else low_text
        return f" ({low} to {high_text}{suffix})"
    if minimum is not None:
        return f" ({'>' if exclusive_minimum else '>='} {low_text}{suffix})"
    if maximum is not None:
        return f" (<= {high_text}{suffix})"
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


# Arguments checked against the function's own annotations, so that a wrong-typed argument gets one clear message
# naming the function, the parameter, the value and what is allowed, instead of an AttributeError deep inside.
def checked(func: Callable | None = None, *, infinite: tuple[str, ...] = ()) -> Callable:
    """Check every argument given to ``func`` against its annotation before the call (defaults are trusted).

    Numbers must be finite (NaN and infinity are refused), ``bool`` must be a real bool, a ``list[dict]`` must hold
    dicts, a dataclass parameter must get that dataclass; ``Any``/``object`` and unresolvable names are not checked.

    >>> @checked
    ... def area(width: float, tags: list[str] | None = None) -> float:
    ...     return width * width
    >>> area(2)
    4
    >>> area(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: area: width must be a finite number, got nan
    >>> area(2, tags=["a", 1])
    Traceback (most recent call last):
    ...
    TypeError: area: tags[1] must be a string, got 1
    """
    if func is None:  # used as @checked(infinite=(...)): those parameters may be +/- infinity (never NaN)
        return functools.partial(checked, infinite=infinite)

    def compile_checks() -> None:
        signature = inspect.signature(func)
        positional, by_name = [], {}
        for p in signature.parameters.values():
            check = _checker_for(func, p.name, p.name in infinite)
            # values of these exact types pass without a call (the common case, and fast)
            passes = _PASSING_TYPES.get(_annotation_of(func, p.name), ()) if check and p.name != "seed" else ()
            entry = (p.name, check, passes)
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
                positional.append(entry)
            if p.kind is not p.POSITIONAL_ONLY and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                by_name[p.name] = entry
        # only the parameters that are checked; positions kept so that zip() pairs them with the arguments
        last = max((i for i, (_, check, _) in enumerate(positional) if check is not None), default=-1)
        compiled.append(positional[: last + 1])
        compiled.append(by_name)

    compiled: list = []
    name_of = func.__name__

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if not compiled:
            compile_checks()
        try:
            for (name, check, passes), value in zip(compiled[0], args, strict=False):
                if check is not None and type(value) not in passes:
                    check(name_of, name, value)
            if kwargs:
                by_name = compiled[1]
                for name, value in kwargs.items():
                    entry = by_name.get(name)
                    if entry is not None and entry[1] is not None and type(value) not in entry[2]:
                        entry[1](name_of, name, value)
        except (TypeError, ValueError) as problem:
            # The function's own check, where it has one, knows the AWS shape better: its clear message wins.
            # Anything else it does with the bad argument (a crash, a generic message, an answer) gives ours.
            try:
                func(*args, **kwargs)
            except (TypeError, ValueError) as own:
                where = str(problem).split(": ", 1)[1].split(" must be ", 1)[0]
                if not GENERIC_MESSAGE.search(str(own)) and where.split("[", 1)[0] in str(own):
                    raise
            except Exception:  # noqa: BLE001 - a crash on a bad argument: the clear message below replaces it
                pass
            raise problem from None
        return func(*args, **kwargs)

    wrapper.__checked__ = True
    return wrapper


# Messages Python itself gives, which name no parameter: a model must never let one reach the learner.
GENERIC_MESSAGE = re.compile(
    r"not supported between|object is not iterable|unhashable|object is not subscriptable|has no attribute"
    r"|object is not callable|unsupported operand|can't multiply|must be real number|argument must be"
    r"|cannot unpack|takes \d+ positional|got an unexpected keyword|object cannot be interpreted"
    r"|list indices must be|string indices must be|missing \d+ required|can only concatenate"
    r"|could not convert|invalid literal|must be str, not|expected str|object of type .* has no len"
)


def _annotation_of(func: Callable, parameter: str) -> Any:
    annotation = inspect.unwrap(func).__annotations__.get(parameter, Any)
    return annotation if isinstance(annotation, str) else getattr(annotation, "__name__", None)


# Annotation text -> exact types that always pass its check (int passes a float annotation: it is always finite).
_PASSING_TYPES: dict[Any, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int,),
    "bool": (bool,),
    "str | None": (str, type(None)),
    "int | None": (int, type(None)),
    "float | None": (int, type(None)),
    "bool | None": (bool, type(None)),
    "Any": (),
}


def _checker_for(func: Callable, parameter: str, infinite: bool = False) -> Callable | None:
    inner = inspect.unwrap(func)
    annotation = inner.__annotations__.get(parameter, Any)
    if isinstance(annotation, str):
        namespace = dict(vars(typing))
        namespace.update(inner.__globals__)
        try:
            annotation = eval(annotation, namespace)  # noqa: S307 - the module's own annotation text
        except Exception:  # noqa: BLE001 - a name only imported for type checkers (pd.DataFrame): not checked
            return None
    _INFINITE.allowed = infinite
    try:
        test, wanted = _test_for(annotation)
    finally:
        _INFINITE.allowed = False
    if test is None:
        return None
    if parameter == "seed":  # a random seed: numpy accepts only whole numbers >= 0 (one rule for every model)
        test = _seed_test(test)

    def check(function: str, name: str, value: Any) -> None:
        problem = test(value, name)
        if problem is not None:
            where, kind, expected = problem
            shown = reprlib.repr(value if where == name else _pick(value, where, name))
            raise kind(f"{function}: {where} must be {expected}, got {shown}")

    return check


def _seed_test(test: Callable) -> Callable:
    def seed_test(value, name):
        problem = test(value, name)
        if problem is None and isinstance(value, numbers.Integral) and value < 0:
            return name, ValueError, "a whole number >= 0 (a random seed)"
        return problem

    return seed_test


def _pick(value: Any, where: str, name: str) -> Any:
    """The element a nested problem points at (``rules[3]`` -> value[3])."""
    for part in re.findall(r"\[(.*?)\]", where[len(name) :]):
        try:
            value = value[int(part)] if isinstance(value, (list, tuple)) else value[_unquote(part)]
        except Exception:  # noqa: BLE001 - fall back to showing the whole value
            return value
    return value


def _unquote(text: str) -> Any:
    return text[1:-1] if text[:1] in "'\"" else text


_INFINITE = threading.local()  # set while one parameter's test is built: its floats may be infinite


def _test_for(annotation: Any):  # noqa: C901 - one branch per kind of annotation
    """(test, description): test(value, name) returns None when ``value`` fits, else (where, exception, wanted)."""
    if annotation in (Any, object, inspect.Parameter.empty) or isinstance(annotation, typing.TypeVar):
        return None, ""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation)]
        allow_none = type(None) in members
        tests = [_test_for(a) for a in members if a is not type(None)]
        if any(t is None for t, _ in tests):
            return None, ""
        wanted = " or ".join(w for _, w in tests) + (" or None" if allow_none else "")

        def union(value, name):
            if value is None and allow_none:
                return None
            problems = [t(value, name) for t, _ in tests]
            if any(p is None for p in problems):
                return None
            nested = [p for p in problems if p[0] != name]  # the value had a right shape but a wrong element
            return nested[0] if len(nested) == 1 else (name, TypeError, wanted)

        return union, wanted
    if annotation is type(None):
        return (lambda value, name: None if value is None else (name, TypeError, "None")), "None"
    if annotation is bool:
        return (
            lambda value, name: None if isinstance(value, (bool, _np_bool())) else (name, TypeError, "True or False")
        ), "True or False"
    if annotation is float:
        if _INFINITE.allowed:
            return _number_not_nan, "a number"
        return _finite_number, "a finite number"
    if annotation is int:
        return _whole_number, "a whole number"
    if annotation is str:
        return (lambda value, name: None if isinstance(value, str) else (name, TypeError, "a string")), "a string"
    if annotation is bytes:
        return (
            lambda value, name: None if isinstance(value, (bytes, bytearray)) else (name, TypeError, "bytes")
        ), "bytes"
    if origin is None and isinstance(annotation, type):
        if annotation.__module__ == "numpy" and annotation.__name__ == "ndarray":
            return _array, "an array of numbers"
        if annotation in (dict, list, tuple, set, frozenset):
            return _container(annotation, None, None)
        label = f"a {annotation.__name__}"
        return (lambda value, name: None if isinstance(value, annotation) else (name, TypeError, label)), label
    if origin is typing.Literal:
        options = typing.get_args(annotation)
        label = "one of " + ", ".join(map(repr, options))
        return (lambda value, name: None if value in options else (name, ValueError, label)), label
    args = typing.get_args(annotation)
    if origin in (
        list,
        tuple,
        set,
        frozenset,
        dict,
        abc.Sequence,
        abc.Mapping,
        abc.Iterable,
        abc.Collection,
        abc.MutableMapping,
        abc.MutableSequence,
        abc.Set,
    ):
        return _container(origin, args, annotation)
    if origin is type:
        return None, ""
    return None, ""


def _np_bool():
    numpy = sys.modules.get("numpy")
    return numpy.bool_ if numpy is not None else bool


def _finite_number(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return name, TypeError, "a finite number"
    if not math.isfinite(value):
        return name, ValueError, "a finite number"
    return None


def _number_not_nan(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return name, TypeError, "a number"
    if math.isnan(value):
        return name, ValueError, "a number (not NaN)"
    return None


def _whole_number(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        return name, TypeError, "a whole number"
    return None


def _array(value, name):
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.ndarray):
        if value.dtype.kind not in "biuf":
            return name, TypeError, "an array of numbers"
        return None
    if isinstance(value, (list, tuple)):
        return _elements(value, name, _finite_number)
    return name, TypeError, "an array of numbers"


def _elements(value, name, test):
    for i, item in enumerate(value):
        problem = test(item, f"{name}[{i}]")
        if problem is not None:
            return problem
    return None


_CONTAINER_WORDS = {
    list: "a list",
    tuple: "a tuple",
    set: "a set",
    frozenset: "a set",
    dict: "a dict",
    abc.Sequence: "a list",
    abc.MutableSequence: "a list",
    abc.Mapping: "a dict",
    abc.MutableMapping: "a dict",
    abc.Iterable: "a list",
    abc.Collection: "a list",
    abc.Set: "a set",
}


def _container(origin, args, annotation):
    word = _CONTAINER_WORDS[origin]
    mapping = origin in (dict, abc.Mapping, abc.MutableMapping)
    accepts = {
        list: (list, _ndarray_type()),
        tuple: (tuple, list),
        set: (set, frozenset),
        frozenset: (set, frozenset),
        dict: (dict,),
        abc.Sequence: (list, tuple),
        abc.MutableSequence: (list,),
        abc.Mapping: (abc.Mapping,),
        abc.MutableMapping: (abc.MutableMapping,),
        abc.Iterable: (abc.Iterable,),
        abc.Collection: (abc.Collection,),
        abc.Set: (abc.Set,),
    }[origin]
    if origin is abc.Sequence:  # a numpy array or a range is a sequence too; a string is not what is meant
        accepts = (abc.Sequence, _ndarray_type())
    element_tests: list = []
    if args:
        if mapping:
            key_test, key_word = _test_for(args[0])
            value_test, value_word = _test_for(args[1]) if len(args) > 1 else (None, "")
            element_tests = [key_test, value_test]
            wanted = (
                f"{word} of {key_word or 'keys'} to {value_word or 'values'}" if (key_test or value_test) else f"{word}"
            )
        elif origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):
            element_tests = [_test_for(a)[0] for a in args]
            wanted = f"a tuple of {len(args)}"
        else:
            element_test, element_word = _test_for(args[0])
            element_tests = [element_test]
            wanted = f"{word} of {_plural(element_word)}" if element_test else word
    else:
        wanted = word

    def test(value, name):
        if isinstance(value, (str, bytes)) or not isinstance(value, accepts):
            return name, TypeError, wanted
        if not element_tests or not any(element_tests):
            return None
        if mapping:
            key_test, value_test = element_tests
            for key, item in value.items():
                if key_test is not None and (problem := key_test(key, f"{name} key {key!r}")) is not None:
                    return name, TypeError, wanted
                if value_test is not None and (problem := value_test(item, f"{name}[{key!r}]")) is not None:
                    return problem
            return None
        if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):
            if len(value) != len(element_tests):
                return name, TypeError, wanted
            for i, (item, item_test) in enumerate(zip(value, element_tests, strict=True)):
                if item_test is not None and (problem := item_test(item, f"{name}[{i}]")) is not None:
                    return problem
            return None
        if origin is abc.Iterable and not isinstance(value, (list, tuple, set, frozenset, dict)):
            return None  # a generator: checking it would consume it
        numpy = sys.modules.get("numpy")
        if numpy is not None and isinstance(value, numpy.ndarray):
            return None
        return _elements(value, name, element_tests[0])

    return test, wanted


def _ndarray_type():
    numpy = sys.modules.get("numpy")
    return numpy.ndarray if numpy is not None else list


def _plural(word: str) -> str:
    word = word.removeprefix("a ").removeprefix("an ")
    return {
        "finite number": "finite numbers",
        "whole number": "whole numbers",
        "string": "strings",
        "True or False": "booleans",
    }.get(word, word + "s" if not word.endswith("s") else word)
