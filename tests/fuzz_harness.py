"""The fuzz of generic bad values over every public model function (tests/test_fuzz.py runs it; run this module alone
to print the counts: ``python -m tests.fuzz_harness``).

Each public function is first called as its own ``>>>`` example calls it (recorded while the examples run), then once
per (parameter, bad value) with that one argument replaced. A call may answer, or raise ValueError/TypeError with a
message that names the parameter; anything else (another exception, a RecursionError, a generic message such as
"'<' not supported", a call that runs past the time limit) is a finding.
"""

from __future__ import annotations

import copy
import dataclasses
import doctest
import importlib
import inspect
import math
import signal
import sys
from collections import Counter
from dataclasses import dataclass, field

from awslab.validate import GENERIC_MESSAGE
from tests.test_purity import MODULES

TIME_LIMIT_S = 2.0
GENERIC = GENERIC_MESSAGE


class _Other:
    """A wrong-typed object that is no AWS shape at all."""

    def __repr__(self) -> str:
        return "<_Other>"


@dataclass(frozen=True)
class _Stranger:
    """A result-like dataclass from elsewhere: wrong-typed for every parameter."""

    name: str = "stranger"
    size: int = 1


def _nested(depth: int) -> object:
    value: object = "x"
    for i in range(depth):
        value = {"a": [value]} if i % 2 else [{"b": value}]
    return value


BAD_VALUES: list[tuple[str, object]] = [
    ("None", None),
    ("'x'", "x"),
    ("''", ""),
    ("-1", -1),
    ("0", 0),
    ("nan", math.nan),
    ("inf", math.inf),
    ("1e30", 1e30),
    ("[]", []),
    ("{}", {}),
    ("[None]", [None]),
    ("{'x': None}", {"x": None}),
    ("nested junk", _nested(60)),
    ("object", _Other()),
    ("dataclass", _Stranger()),
    ("True", True),
]


class _Timeout(BaseException):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise _Timeout


def public_functions() -> list[tuple[str, str, object]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.startswith("_") or not inspect.isfunction(value) or value.__module__ != name:
                continue
            found.append((name, attr, value))
    return found


def record_example_calls(functions) -> dict[object, dict]:
    """The first call each function gets while the modules' ``>>>`` examples run: its arguments, by parameter name."""
    by_code = {inspect.unwrap(f).__code__: f for _, _, f in functions}
    recorded: dict[object, dict] = {}

    def profile(frame, event, arg):  # noqa: ARG001
        if event != "call":
            return
        func = by_code.get(frame.f_code)
        if func is None or func in recorded:
            return
        try:
            arguments = {p: frame.f_locals[p] for p in inspect.signature(func).parameters if p in frame.f_locals}
            recorded[func] = copy.deepcopy(arguments)
        except Exception:  # noqa: BLE001 - an argument that cannot be copied: that function falls back to defaults
            recorded[func] = None

    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for name in MODULES:
        module = importlib.import_module(name)
        for test in finder.find(module):
            sys.setprofile(profile)
            try:
                runner.run(test, out=lambda _text: None)
            finally:
                sys.setprofile(None)
    return {f: a for f, a in recorded.items() if a is not None}


@dataclass
class Finding:
    where: str
    parameter: str
    bad: str
    outcome: str

    def __str__(self) -> str:
        return f"{self.where}({self.parameter}={self.bad}): {self.outcome}"


@dataclass
class Report:
    calls: int = 0
    clear: int = 0
    answered: int = 0
    findings: list[Finding] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)

    @property
    def other(self) -> int:
        return len(self.findings)

    def summary(self) -> str:
        return (
            f"{self.calls} calls: {self.clear} clear errors, {self.answered} answered, {self.other} other outcomes "
            f"({', '.join(f'{k} {n}' for k, n in self.kinds.most_common())})"
        )


def _call(func, arguments: dict):
    signature = inspect.signature(func)
    args, kwargs = [], {}
    for p in signature.parameters.values():
        if p.name not in arguments:
            continue
        value = arguments[p.name]
        if p.kind is p.VAR_POSITIONAL:
            args.extend(value if isinstance(value, tuple) else [value])
        elif p.kind is p.VAR_KEYWORD:
            kwargs.update(value if isinstance(value, dict) else {})
        elif p.kind is p.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[p.name] = value
    return func(*args, **kwargs)


def _names(parameter: str) -> set[str]:
    words = {parameter, parameter.replace("_", " "), parameter.replace("_", "")}
    camel = "".join(w.capitalize() for w in parameter.split("_"))
    return {w.lower() for w in words | {camel}}


def classify(func, parameter: str, arguments: dict, report: Report, where: str, bad: str, strict_name: bool) -> None:
    report.calls += 1
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
    outcome = None
    try:
        _call(func, arguments)
        report.answered += 1
        return
    except _Timeout:
        outcome = f"ran past {TIME_LIMIT_S:g} s"
    except RecursionError:
        outcome = "RecursionError"
    except (ValueError, TypeError) as exc:
        message = str(exc)
        lowered = message.lower()
        # a ``where``/``name`` argument is the caller's own name for the value in messages ("policy", "Condition",
        # "MessageGroupId"): a message naming it names the value
        for label_parameter in ("where", "name"):
            label = arguments.get(label_parameter) if parameter != label_parameter else None
            if isinstance(label, str) and label and label.lower() in lowered:
                lowered += f" {parameter.lower()}"
        if GENERIC.search(message):
            outcome = f"generic {type(exc).__name__}: {message[:160]}"
        elif strict_name and not any(n in lowered for n in _names(parameter)):
            outcome = f"message does not name {parameter}: {type(exc).__name__}: {message[:160]}"
        elif not strict_name and not any(any(n in lowered for n in _names(p)) for p in arguments):
            outcome = f"message names no parameter: {type(exc).__name__}: {message[:160]}"
        else:
            report.clear += 1
            return
    except Exception as exc:  # noqa: BLE001 - what the fuzz is looking for
        outcome = f"{type(exc).__name__}: {str(exc)[:160]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    report.kinds[outcome.split(":")[0].split(" ")[0]] += 1
    report.findings.append(Finding(where, parameter, bad, outcome))


def run_fuzz(functions=None) -> Report:
    functions = functions if functions is not None else public_functions()
    examples = record_example_calls(functions)
    report = Report()
    for module, attr, func in functions:
        parameters = [
            p for p in inspect.signature(func).parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        base = examples.get(func)
        strict = base is not None
        if base is None:  # no example call recorded: defaults where there are some, the bad value everywhere else
            base = {p.name: p.default for p in parameters if p.default is not p.empty}
        for p in parameters:
            for label, value in BAD_VALUES:
                arguments = copy.deepcopy(base)
                arguments[p.name] = copy.deepcopy(value) if not dataclasses.is_dataclass(value) else value
                if not strict:
                    for q in parameters:
                        arguments.setdefault(q.name, copy.deepcopy(value))
                classify(func, p.name, arguments, report, f"{module}.{attr}", label, strict)
    return report


if __name__ == "__main__":
    result = run_fuzz()
    print(result.summary())
    for finding in result.findings:
        print(finding)
