"""Step Functions: an interpreter for Amazon States Language (JSONPath flavour) on a virtual clock, and workflow costs.

:func:`run` executes a state machine definition in ASL's own JSON shape: Pass, Task (the caller supplies Python
callables keyed by ``Resource``), Choice, Wait (Seconds, Timestamp, SecondsPath, TimestampPath, on a virtual clock),
Parallel, Map, Succeed and Fail; InputPath, Parameters / ItemSelector (``"key.$"`` fields, the context object ``$$``
and the intrinsic functions States.Format, States.StringToJson, States.JsonToString, States.Array,
States.ArrayLength and States.MathAdd), ResultSelector, ResultPath and OutputPath; Retry and Catch. Branches and Map
iterations run one after another (the virtual clock adds their waits), so MaxConcurrency is validated but changes
nothing. The execution history (state entered/exited, task scheduled/failed, at virtual seconds) comes back frozen.

:func:`next_state` evaluates a Choice state's rules; :func:`retry_intervals` gives the waits a retrier makes (jitter
off); :func:`workflow_cost` compares Standard (per state transition) and Express (per request and GB-second) pricing.

References:
    - AWS Step Functions Developer Guide, "Choice workflow state",
      https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html (read 2026-12-03)
    - AWS Step Functions Developer Guide, "Processing input and output in Step Functions" and "Example: Manipulating
      state data with paths in Step Functions workflows",
      https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html (read 2026-12-03)
    - AWS Step Functions Developer Guide, "Handling errors in Step Functions workflows",
      https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html (read 2026-12-03)
    - AWS Step Functions Developer Guide, "Intrinsic functions for JSONPath states in Step Functions",
      https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html (read 2026-12-03)
    - AWS Step Functions Developer Guide, "Step Functions service quotas",
      https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (read 2026-12-03)
    - AWS Step Functions Developer Guide, "Choosing workflow type in Step Functions",
      https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html (read 2026-12-03)
    - AWS Step Functions Developer Guide, "Continue long-running workflows using Step Functions API (recommended)"
      ("Standard Workflow executions have a maximum duration of one year and 25,000 events"),
      https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-continue-new.html (read 2026-12-03)
    - AWS Step Functions Pricing, https://aws.amazon.com/step-functions/pricing/ (us-east-1; see PRICES_READ; the
      page's rates are not in our documentation store, so the prices stay marked as not re-verified)
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from awslab import validate
from awslab.validate import checked

# Step Functions service quotas (service-quotas.html), read 2026-12-03.
MAX_HISTORY_EVENTS = 25_000  # "Maximum execution history size": 25,000 events in one Standard execution
STANDARD_MAX_SECONDS = 365 * 24 * 3600  # a Standard execution runs at most one year
EXPRESS_MAX_SECONDS = 5 * 60  # an Express execution runs at most five minutes
MAX_RETRY_INTERVAL = 99_999_999
MAX_DELAY_SECONDS_LIMIT = 31_622_400  # MaxDelaySeconds: at most 31,622,400 s (366 days)
# Prices, us-east-1, USD. The pricing page did not come back from our documentation search on 2026-12-03, so these are
# the list prices as last published there (Standard $0.025 per 1,000 state transitions; Express $1.00 per million
# requests and $0.00001667 per GB-second for the first tier, billed in 64 MB and 100 ms steps). Override them.
PRICES_READ = "list prices as last published on aws.amazon.com/step-functions/pricing (not re-verified 2026-12-03)"
STANDARD_USD_PER_TRANSITION = 0.000025
STANDARD_FREE_TRANSITIONS = 4_000  # per month, free tier
EXPRESS_USD_PER_REQUEST = 0.000001
EXPRESS_USD_PER_GB_SECOND = 0.00001667
EXPRESS_MEMORY_STEP_MB = 64
EXPRESS_DURATION_STEP_MS = 100

STATE_TYPES = ("Pass", "Task", "Choice", "Wait", "Parallel", "Map", "Succeed", "Fail")
MAX_DEFINITION_CHARS = 1_048_576  # a definition is at most 1 MB (CreateStateMachine)
MAX_STATES = 10_000  # our bound on states per definition (branches included)


class StatesError(ValueError):
    """A runtime error in ASL terms (``error`` such as ``States.NoChoiceMatched``, and a ``cause``).

    >>> str(StatesError("States.Timeout", "too slow"))
    'States.Timeout: too slow'
    """

    def __init__(self, error: str, cause: str = ""):
        super().__init__(f"{error}: {cause}" if cause else error)
        self.error, self.cause = error, cause


# ---- JSONPath (the subset ASL uses: $, .name, ['name'], [index]) -----------------------------------------------------
_PATH_TOKEN = re.compile(r"\.([A-Za-z0-9_\-@$:]+)|\['([^']*)'\]|\[(\d+)\]")
_MISSING = object()


def _path_steps(path: str) -> list:
    if not isinstance(path, str) or not path.startswith("$"):
        raise StatesError("States.Runtime", f"{path!r} is not a JSONPath (it must start with '$')")
    steps, position = [], 1
    while position < len(path):
        match = _PATH_TOKEN.match(path, position)
        if not match:
            raise StatesError("States.Runtime", f"JSONPath {path!r} is not supported at {path[position:]!r}")
        name, quoted, index = match.groups()
        steps.append(int(index) if index is not None else (name if name is not None else quoted))
        position = match.end()
    return steps


def _get(data: Any, path: str, context: dict | None = None) -> Any:
    """The value at ``path`` (``$$...`` reads the context object), or _MISSING."""
    if path.startswith("$$"):
        data, path = (context or {}), path[1:]
    value = data
    for step in _path_steps(path):
        if isinstance(step, int):
            if not isinstance(value, list) or step >= len(value):
                return _MISSING
        elif not isinstance(value, dict) or step not in value:
            return _MISSING
        value = value[step]
    return value


def _must_get(data: Any, path: str, context: dict | None, error: str) -> Any:
    value = _get(data, path, context)
    if value is _MISSING:
        raise StatesError(error, f"the JSONPath {path!r} could not be found in the input")
    return value


def _put(data: Any, path: str, value: Any) -> Any:
    """ResultPath: a copy of ``data`` with ``value`` placed at ``path`` (objects created on the way)."""
    steps = _path_steps(path)
    if not steps:
        return value
    root = copy.deepcopy(data) if isinstance(data, dict) else {}
    node = root
    for step in steps[:-1]:
        if isinstance(step, int):
            raise StatesError("States.ResultPathMatchFailure", f"ResultPath {path!r} may not index into arrays")
        if not isinstance(node.get(step), dict):
            node[step] = {}
        node = node[step]
    if isinstance(steps[-1], int):
        raise StatesError("States.ResultPathMatchFailure", f"ResultPath {path!r} may not index into arrays")
    node[steps[-1]] = value
    return root


# ---- intrinsic functions --------------------------------------------------------------------------------------------
_INTRINSIC_TOKEN = re.compile(
    r"\s*(?:(States\.[A-Za-z]+)\(|('(?:\\.|[^'\\])*')|(-?\d+(?:\.\d+)?)|(\$\$?[^,\s)]*)|(\))|(,))"
)


def _intrinsic(text: str, data: Any, context: dict | None) -> Any:
    value, end = _parse_call(text, 0, data, context)
    if text[end:].strip():
        raise StatesError("States.IntrinsicFailure", f"unexpected text after the call: {text[end:]!r}")
    return value


def _parse_call(text: str, position: int, data: Any, context: dict | None) -> tuple[Any, int]:
    match = _INTRINSIC_TOKEN.match(text, position)
    if not match or not match.group(1):
        raise StatesError("States.IntrinsicFailure", f"{text!r} is not an intrinsic function call")
    name, position, args = match.group(1), match.end(), []
    while True:
        token = _INTRINSIC_TOKEN.match(text, position)
        if not token:
            raise StatesError("States.IntrinsicFailure", f"cannot read the arguments of {text!r}")
        call, literal, number, path, close, comma = token.groups()
        if close:
            position = token.end()
            break
        if comma:
            position = token.end()
            continue
        if call:
            value, position = _parse_call(text, token.start(), data, context)
        else:
            position = token.end()
            if literal is not None:
                value = re.sub(r"\\(.)", r"\1", literal[1:-1])
            elif number is not None:
                value = float(number) if "." in number else int(number)
            else:
                value = _must_get(data, path, context, "States.IntrinsicFailure")
        args.append(value)
    return _call(name, args), position


def _call(name: str, args: list) -> Any:
    if name == "States.Format":
        if not args or not isinstance(args[0], str):
            raise StatesError("States.IntrinsicFailure", "States.Format needs a template string first")
        pieces = re.split(r"(?<!\\)\{\}", args[0])
        if len(pieces) - 1 != len(args) - 1:
            raise StatesError("States.IntrinsicFailure", "States.Format: the number of {} and of arguments differ")
        out = pieces[0]
        for piece, arg in zip(pieces[1:], args[1:], strict=True):
            out += (arg if isinstance(arg, str) else json.dumps(arg, separators=(",", ":"))) + piece
        return out
    if name == "States.StringToJson":
        try:
            return json.loads(args[0])
        except (IndexError, TypeError, json.JSONDecodeError):
            raise StatesError("States.IntrinsicFailure", "States.StringToJson needs one JSON string") from None
    if name == "States.JsonToString":
        return json.dumps(args[0] if args else None, separators=(",", ":"))
    if name == "States.Array":
        return list(args)
    if name == "States.ArrayLength":
        if len(args) != 1 or not isinstance(args[0], list):
            raise StatesError("States.IntrinsicFailure", "States.ArrayLength needs one array")
        return len(args[0])
    if name == "States.MathAdd":
        if len(args) != 2 or not all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in args):
            raise StatesError("States.IntrinsicFailure", "States.MathAdd needs two numbers")
        return args[0] + args[1]
    raise StatesError("States.IntrinsicFailure", f"intrinsic function {name} is not supported here")


def _payload(template: Any, data: Any, context: dict | None) -> Any:
    """Parameters / ItemSelector / ResultSelector: fields ending in ``.$`` take a path or an intrinsic's value."""
    if isinstance(template, dict):
        out = {}
        for key, value in template.items():
            if key.endswith(".$"):
                if not isinstance(value, str):
                    raise StatesError("States.Runtime", f"the value of {key!r} must be a path or intrinsic function")
                if value.startswith("States."):
                    out[key[:-2]] = _intrinsic(value, data, context)
                else:
                    out[key[:-2]] = _must_get(data, value, context, "States.Runtime")
            else:
                out[key] = _payload(value, data, context)
        return out
    if isinstance(template, list):
        return [_payload(v, data, context) for v in template]
    return template


# ---- Choice -------------------------------------------------------------------------------------------------------
_COMPARISONS = {
    "String": ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"),
    "Numeric": ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"),
    "Timestamp": ("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"),
    "Boolean": ("Equals",),
}
_TYPE_TESTS = ("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp")
_OPERATORS = {f"{kind}{op}": kind for kind, ops in _COMPARISONS.items() for op in ops}
_OPERATORS["StringMatches"] = "String"
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _timestamp(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not _TIMESTAMP.match(value):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _string_matches(value: str, pattern: str) -> bool:
    regex = "".join(
        ".*" if part == "*" else re.escape(part.replace("\\*", "*").replace("\\\\", "\\"))
        for part in re.split(r"((?<!\\)\*)", pattern)
    )
    return re.fullmatch(regex, value, flags=re.DOTALL) is not None


def _compare(kind: str, op: str, left: Any, right: Any) -> bool:
    if kind == "String":
        if not (isinstance(left, str) and isinstance(right, str)):
            return False
    elif kind == "Numeric":
        if not (_is_number(left) and _is_number(right)):
            return False
    elif kind == "Boolean":
        return isinstance(left, bool) and isinstance(right, bool) and left is right
    else:
        left, right = _timestamp(left), _timestamp(right)
        if left is None or right is None:
            return False
    if op == "Equals":
        return left == right
    if op == "LessThan":
        return left < right
    if op == "GreaterThan":
        return left > right
    if op == "LessThanEquals":
        return left <= right
    return left >= right


def _rule_holds(rule: dict, data: Any, where: str) -> bool:  # noqa: C901 - one branch per rule kind
    if not isinstance(rule, dict):
        raise ValueError(f"{where}: a choice rule must be an object, got {rule!r}")
    if "And" in rule or "Or" in rule:
        key = "And" if "And" in rule else "Or"
        rules = rule[key]
        if not isinstance(rules, list) or not rules:
            raise ValueError(f"{where}: {key} takes a non-empty list of rules")
        results = (_rule_holds(r, data, f"{where}.{key}[{i}]") for i, r in enumerate(rules))
        return all(results) if key == "And" else any(results)
    if "Not" in rule:
        return not _rule_holds(rule["Not"], data, f"{where}.Not")
    variable = rule.get("Variable")
    if not isinstance(variable, str):
        raise ValueError(f"{where}: a comparison needs a Variable (a JSONPath), got {variable!r}")
    operators = [
        k for k in rule if k in _OPERATORS or k in _TYPE_TESTS or (k.endswith("Path") and k[:-4] in _OPERATORS)
    ]
    if len(operators) != 1:
        raise ValueError(f"{where}: a comparison needs exactly one operator (such as StringEquals), got {sorted(rule)}")
    operator = operators[0]
    expected = rule[operator]
    value = _get(data, variable)
    if operator in _TYPE_TESTS:
        if not isinstance(expected, bool):
            raise ValueError(f"{where}: {operator} takes true or false, got {expected!r}")
        if operator == "IsPresent":
            return (value is not _MISSING) is expected
        if value is _MISSING:
            return False
        test = {
            "IsNull": value is None,
            "IsNumeric": _is_number(value),
            "IsString": isinstance(value, str),
            "IsBoolean": isinstance(value, bool),
            "IsTimestamp": _timestamp(value) is not None,
        }[operator]
        return test is expected
    if value is _MISSING:
        raise StatesError("States.Runtime", f"Invalid path {variable!r}: state_input has no such field")
    if operator.endswith("Path"):
        operator = operator[:-4]
        expected = _must_get(data, expected, None, "States.Runtime")
    kind = _OPERATORS[operator]
    if operator == "StringMatches":
        if not isinstance(expected, str):
            raise ValueError(f"{where}: StringMatches takes a string pattern, got {expected!r}")
        return isinstance(value, str) and _string_matches(value, expected)
    return _compare(kind, operator[len(kind) :], value, expected)


@checked
def next_state(choice_state: dict, state_input: Any) -> str:
    """The state a Choice state goes to for this input (its first matching rule's Next, else Default).

    Raises :class:`StatesError` ``States.NoChoiceMatched`` when no rule matches and there is no Default.

    >>> state = {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Big"}],
    ...          "Default": "Small"}
    >>> next_state(state, {"n": 42}), next_state(state, {"n": 3})
    ('Big', 'Small')
    """
    choices = choice_state.get("Choices")
    if choice_state.get("Type", "Choice") != "Choice" or not isinstance(choices, list) or not choices:
        raise ValueError("choice_state must be a Choice state with a non-empty Choices list")
    for index, rule in enumerate(choices):
        if not isinstance(rule, dict) or not isinstance(rule.get("Next"), str):
            raise ValueError(f"Choices[{index}] must be a rule object with a Next state name")
        if _rule_holds(rule, state_input, f"Choices[{index}]"):
            return rule["Next"]
    if isinstance(choice_state.get("Default"), str):
        return choice_state["Default"]
    raise StatesError("States.NoChoiceMatched", "no choice rule matched and the state has no Default")


# ---- Retry ----------------------------------------------------------------------------------------------------------
def _check_retrier(retrier: dict, where: str) -> dict:
    errors = retrier.get("ErrorEquals")
    if not isinstance(errors, list) or not errors or not all(isinstance(e, str) for e in errors):
        raise ValueError(f"{where}: ErrorEquals must be a non-empty list of error names")
    if "States.ALL" in errors and len(errors) > 1:
        raise ValueError(f"{where}: States.ALL must appear alone in ErrorEquals")
    interval = retrier.get("IntervalSeconds", 1)
    attempts = retrier.get("MaxAttempts", 3)
    rate = retrier.get("BackoffRate", 2.0)
    validate.integer(f"{where}.IntervalSeconds", interval, minimum=1, maximum=MAX_RETRY_INTERVAL, unit="s")
    validate.integer(f"{where}.MaxAttempts", attempts, minimum=0, maximum=MAX_RETRY_INTERVAL)
    validate.number(f"{where}.BackoffRate", rate, minimum=1.0, maximum=1e6)
    cap = retrier.get("MaxDelaySeconds")
    if cap is not None:
        validate.integer(f"{where}.MaxDelaySeconds", cap, minimum=1, maximum=MAX_DELAY_SECONDS_LIMIT, unit="s")
    jitter = retrier.get("JitterStrategy", "NONE")
    validate.choice(f"{where}.JitterStrategy", jitter, ("NONE", "FULL"))
    return {"errors": errors, "interval": interval, "attempts": attempts, "rate": float(rate), "cap": cap}


@checked
def retry_intervals(retrier: dict, attempts: int) -> list[float]:
    """Seconds a retrier waits before each of up to ``attempts`` retries (jitter off; at most MaxAttempts of them).

    >>> retry_intervals({"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 3, "MaxAttempts": 2,
    ...                  "BackoffRate": 1.5}, 5)
    [3.0, 4.5]
    """
    spec = _check_retrier(retrier, "retrier")
    validate.integer("attempts", attempts, minimum=0, maximum=10_000)
    waits = []
    for n in range(min(attempts, spec["attempts"])):
        wait = spec["interval"] * spec["rate"] ** n
        if spec["cap"] is not None:
            wait = min(wait, spec["cap"])
        waits.append(float(min(wait, 1e18)))
    return waits


def _error_matches(names: list[str], error: str) -> bool:
    if "States.ALL" in names:  # States.ALL matches neither States.Runtime nor States.DataLimitExceeded
        return error not in ("States.Runtime", "States.DataLimitExceeded")
    return error in names or (error.startswith("States.") is False and "States.TaskFailed" in names)


# ---- the interpreter ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HistoryEvent:
    """One entry of an execution's history: what happened, in which state, at which virtual second.

    >>> HistoryEvent("PassStateEntered", "Start", 0.0).type
    'PassStateEntered'
    """

    type: str
    state: str
    seconds: float
    detail: str = ""


@dataclass(frozen=True)
class Execution:
    """The result of :func:`run`: status, output (or error and cause), history and counts.

    >>> run({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}, {"a": 1}).output
    {'a': 1}
    """

    status: str  # SUCCEEDED or FAILED
    output: Any
    error: str | None
    cause: str | None
    history: tuple[HistoryEvent, ...]
    seconds: float
    state_transitions: int

    @property
    def states_visited(self) -> list[str]:
        """Names of the states entered, in order (including those inside branches and iterations)."""
        return [e.state for e in self.history if e.type.endswith("StateEntered")]


class _Run:
    def __init__(self, tasks: dict, max_events: int, start: dt.datetime, execution_input: Any):
        self.tasks, self.max_events, self.start = tasks, max_events, start
        self.clock, self.history, self.transitions = 0.0, [], 0
        self.execution_input = execution_input

    def log(self, kind: str, state: str, detail: str = "") -> None:
        if len(self.history) >= self.max_events:
            raise _HistoryFull
        self.history.append(HistoryEvent(kind, state, round(self.clock, 6), detail))

    def context(self, name: str, retry_count: int = 0, item: tuple | None = None) -> dict:
        entered = (self.start + dt.timedelta(seconds=self.clock)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        ctx = {
            "Execution": {"Input": self.execution_input, "StartTime": self.start.strftime("%Y-%m-%dT%H:%M:%SZ")},
            "State": {"Name": name, "EnteredTime": entered, "RetryCount": retry_count},
        }
        if item is not None:
            ctx["Map"] = {"Item": {"Index": item[0], "Value": item[1]}}
        return ctx


class _HistoryFull(Exception):
    pass


def _check_machine(machine: Any, where: str, budget: list[int]) -> None:
    if not isinstance(machine, dict) or not isinstance(machine.get("States"), dict) or not machine["States"]:
        raise ValueError(f"{where}: a state machine needs a non-empty States object")
    if machine.get("StartAt") not in machine["States"]:
        raise ValueError(f"{where}: StartAt {machine.get('StartAt')!r} is not one of its states")
    for name, state in machine["States"].items():
        budget[0] += 1
        if budget[0] > MAX_STATES:
            raise ValueError(f"definition has more than {MAX_STATES} states")
        here = f"{where}.States.{name}"
        if not isinstance(state, dict) or state.get("Type") not in STATE_TYPES:
            raise ValueError(f"{here}: Type must be one of {', '.join(STATE_TYPES)}")
        kind = state["Type"]
        if kind not in ("Choice", "Succeed", "Fail"):
            if state.get("End") is not True and state.get("Next") not in machine["States"]:
                raise ValueError(f"{here}: needs End: true or a Next naming one of its states")
        if kind == "Choice":
            targets = [c.get("Next") for c in state.get("Choices", []) if isinstance(c, dict)]
            targets += [state["Default"]] if "Default" in state else []
            if not state.get("Choices") or any(t not in machine["States"] for t in targets):
                raise ValueError(f"{here}: Choices must be non-empty and every Next/Default one of its states")
        for index, retrier in enumerate(state.get("Retry", [])):
            _check_retrier(retrier, f"{here}.Retry[{index}]")
        for index, catcher in enumerate(state.get("Catch", [])):
            if not isinstance(catcher, dict) or catcher.get("Next") not in machine["States"]:
                raise ValueError(f"{here}.Catch[{index}]: Next must name one of its states")
        if kind == "Parallel":
            branches = state.get("Branches")
            if not isinstance(branches, list) or not branches:
                raise ValueError(f"{here}: Branches must be a non-empty list of state machines")
            for index, branch in enumerate(branches):
                _check_machine(branch, f"{here}.Branches[{index}]", budget)
        if kind == "Map":
            processor = state.get("ItemProcessor", state.get("Iterator"))
            _check_machine(processor, f"{here}.ItemProcessor", budget)
            if "MaxConcurrency" in state:
                validate.integer(f"{here}.MaxConcurrency", state["MaxConcurrency"], minimum=0, maximum=10_000)
        if kind == "Wait":
            fields = [k for k in ("Seconds", "Timestamp", "SecondsPath", "TimestampPath") if k in state]
            if len(fields) != 1:
                raise ValueError(
                    f"{here}: a Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath"
                )
            if "Seconds" in state:
                validate.integer(f"{here}.Seconds", state["Seconds"], minimum=0, maximum=STANDARD_MAX_SECONDS)
            if "Timestamp" in state and _timestamp(state["Timestamp"]) is None:
                raise ValueError(f"{here}: Timestamp {state['Timestamp']!r} is not an ISO 8601 timestamp")


def _effective_input(state: dict, raw: Any, ctx: dict) -> Any:
    if "InputPath" in state:
        data = {} if state["InputPath"] is None else _must_get(raw, state["InputPath"], ctx, "States.Runtime")
    else:
        data = raw
    return data


def _finish(state: dict, raw: Any, result: Any, ctx: dict) -> Any:
    if "ResultSelector" in state:
        result = _payload(state["ResultSelector"], result, ctx)
    if "ResultPath" in state and state["ResultPath"] is None:
        combined = raw
    else:
        combined = _put(raw, state.get("ResultPath", "$"), result)
    if "OutputPath" in state:
        return {} if state["OutputPath"] is None else _must_get(combined, state["OutputPath"], ctx, "States.Runtime")
    return combined


def _run_machine(machine: dict, data: Any, run: _Run, item: tuple | None = None) -> Any:
    name = machine["StartAt"]
    while True:
        state = machine["States"][name]
        kind = state["Type"]
        run.transitions += 1
        run.log(f"{kind}StateEntered", name)
        retries: dict[int, int] = {}  # retries made by each retrier: its backoff exponent
        per_error: dict[tuple[int, str], int] = {}  # retries of each error name by each retrier: against MaxAttempts
        while True:
            ctx = run.context(name, sum(retries.values()), item)
            try:
                output, following = _execute(kind, state, name, data, run, ctx, item)
                break
            except StatesError as failure:
                if kind == "Task":
                    run.log("TaskFailed", name, failure.error)
                retrier_index = next(
                    (
                        i
                        for i, r in enumerate(state.get("Retry", []))
                        if _error_matches(r["ErrorEquals"], failure.error)
                    ),
                    None,
                )
                if retrier_index is not None:
                    spec = _check_retrier(state["Retry"][retrier_index], name)
                    done = retries.get(retrier_index, 0)
                    key = (retrier_index, failure.error)
                    if per_error.get(key, 0) < spec["attempts"]:
                        wait = spec["interval"] * spec["rate"] ** done
                        run.clock += min(wait, spec["cap"]) if spec["cap"] is not None else wait
                        retries[retrier_index] = done + 1
                        per_error[key] = per_error.get(key, 0) + 1
                        run.transitions += 1  # a retry is billed as a state transition
                        continue
                catcher = next(
                    (c for c in state.get("Catch", []) if _error_matches(c.get("ErrorEquals", []), failure.error)),
                    None,
                )
                if catcher is None:
                    raise
                error_output = {"Error": failure.error, "Cause": failure.cause}
                if "ResultPath" in catcher and catcher["ResultPath"] is None:
                    output = data
                else:
                    output = _put(data, catcher.get("ResultPath", "$"), error_output)
                following = catcher["Next"]
                break
        if kind not in ("Fail",):
            run.log(f"{kind}StateExited", name)
        if following is None:
            return output
        data, name = output, following


def _execute(kind: str, state: dict, name: str, raw: Any, run: _Run, ctx: dict, item: tuple | None):  # noqa: C901
    following = None if state.get("End") is True else state.get("Next")
    if kind == "Succeed":
        data = _effective_input(state, raw, ctx)
        return (_finish({"OutputPath": state["OutputPath"]}, data, data, ctx) if "OutputPath" in state else data), None
    if kind == "Fail":
        raise StatesError(state.get("Error", "States.Fail"), state.get("Cause", ""))
    if kind == "Choice":
        data = _effective_input(state, raw, ctx)
        target = next_state(state, data)
        out = _must_get(data, state["OutputPath"], ctx, "States.Runtime") if state.get("OutputPath") else data
        return out, target
    data = _effective_input(state, raw, ctx)
    if kind == "Wait":
        if "Seconds" in state:
            seconds = state["Seconds"]
        elif "SecondsPath" in state:
            seconds = _must_get(data, state["SecondsPath"], ctx, "States.Runtime")
            if not _is_number(seconds) or seconds < 0:
                raise StatesError("States.Runtime", f"SecondsPath gave {seconds!r}, not a non-negative number")
        else:
            text = state.get("Timestamp") or _must_get(data, state["TimestampPath"], ctx, "States.Runtime")
            moment = _timestamp(text)
            if moment is None:
                raise StatesError("States.Runtime", f"{text!r} is not an ISO 8601 timestamp")
            seconds = max(0.0, (moment - run.start).total_seconds() - run.clock)
        run.clock += float(seconds)
        return (
            _must_get(data, state["OutputPath"], ctx, "States.Runtime") if state.get("OutputPath") else data
        ), following
    if "Parameters" in state and kind != "Map":
        data = _payload(state["Parameters"], data, ctx)
    if kind == "Pass":
        result = state["Result"] if "Result" in state else data
        return _finish({k: v for k, v in state.items() if k != "ResultSelector"}, raw, result, ctx), following
    if kind == "Task":
        resource = state.get("Resource")
        function = run.tasks.get(resource)
        if function is None:
            raise StatesError("States.Runtime", f"no task callable was supplied for Resource {resource!r}")
        run.log("TaskScheduled", name, str(resource))
        try:
            result = function(copy.deepcopy(data))
        except StatesError:
            raise
        except Exception as exc:  # noqa: BLE001 - a task's exception is the task's error, by class name (as Lambda)
            raise StatesError(getattr(exc, "error", type(exc).__name__), str(exc)) from None
        run.log("TaskSucceeded", name)
        return _finish(state, raw, result, ctx), following
    if kind == "Parallel":
        results = []
        for branch in state["Branches"]:
            results.append(_run_machine(branch, copy.deepcopy(data), run))
        return _finish(state, raw, results, ctx), following
    # Map
    items = _must_get(data, state.get("ItemsPath", "$"), ctx, "States.Runtime")
    if not isinstance(items, list):
        raise StatesError("States.Runtime", f"ItemsPath must select an array, got {type(items).__name__}")
    processor = state.get("ItemProcessor", state.get("Iterator"))
    selector = state.get("ItemSelector", state.get("Parameters"))
    results = []
    for index, value in enumerate(items):
        item_ctx = run.context(name, 0, (index, value))
        item_input = _payload(selector, data, item_ctx) if selector is not None else value
        run.log("MapIterationStarted", name, str(index))
        results.append(_run_machine(processor, item_input, run, (index, value)))
    return _finish(state, raw, results, ctx), following


@checked
def run(
    definition: dict | str,
    state_input: Any = None,
    *,
    tasks: dict | None = None,
    max_history_events: int = MAX_HISTORY_EVENTS,
    start_time: str = "2026-01-01T00:00:00Z",
) -> Execution:
    """Run a state machine definition (ASL JSON) on ``state_input``; tasks map a Resource to a Python callable.

    >>> machine = {"StartAt": "Add", "States": {"Add": {"Type": "Task", "Resource": "add", "End": True,
    ...            "ResultPath": "$.sum"}}}
    >>> run(machine, {"a": 2, "b": 3}, tasks={"add": lambda x: x["a"] + x["b"]}).output
    {'a': 2, 'b': 3, 'sum': 5}
    """
    definition = validate.json_document("definition", definition, expect=dict, max_chars=MAX_DEFINITION_CHARS)
    _check_machine(definition, "definition", [0])
    state_input = {} if state_input is None else validate.json_document("state_input", state_input)
    validate.integer("max_history_events", max_history_events, minimum=3, maximum=MAX_HISTORY_EVENTS)
    start = _timestamp(start_time)
    if start is None:
        raise ValueError(f"start_time={start_time!r} must be an ISO 8601 timestamp such as 2026-01-01T00:00:00Z")
    tasks = tasks or {}
    for key, function in tasks.items():
        if not callable(function):
            raise TypeError(f"tasks[{key!r}] must be callable, got {type(function).__name__}")
    execution = _Run(tasks, max_history_events, start, copy.deepcopy(state_input))
    status, output, error, cause = "SUCCEEDED", None, None, None
    try:
        execution.log("ExecutionStarted", "")
        output = _run_machine(definition, copy.deepcopy(state_input), execution)
        execution.log("ExecutionSucceeded", "")
    except StatesError as failure:
        status, error, cause = "FAILED", failure.error, failure.cause
        if len(execution.history) < max_history_events:
            execution.log("ExecutionFailed", "", failure.error)
    except _HistoryFull:
        status, error = "FAILED", "States.Runtime"
        cause = f"the execution history reached {max_history_events:,} events"
    return Execution(
        status, output, error, cause, tuple(execution.history), round(execution.clock, 6), execution.transitions
    )


# ---- Standard vs Express cost -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkflowCost:
    """Monthly cost of a workflow as Standard and as Express, in USD (us-east-1 list prices, overridable).

    >>> workflow_cost(1_000_000, 10, duration_ms=500, memory_mb=64).standard_usd
    249.9
    """

    executions: int
    standard_usd: float
    express_usd: float
    express_request_usd: float
    express_duration_usd: float

    @property
    def cheaper(self) -> str:
        """'Express' or 'Standard' (Standard on a tie)."""
        return "Express" if self.express_usd < self.standard_usd else "Standard"


@checked
def workflow_cost(
    executions_per_month: int,
    transitions_per_execution: int,
    *,
    duration_ms: float,
    memory_mb: float = 64,
    usd_per_transition: float = STANDARD_USD_PER_TRANSITION,
    free_transitions: int = STANDARD_FREE_TRANSITIONS,
    usd_per_request: float = EXPRESS_USD_PER_REQUEST,
    usd_per_gb_second: float = EXPRESS_USD_PER_GB_SECOND,
) -> WorkflowCost:
    """The month's bill for one workflow run as Standard (per transition) and as Express (requests + GB-seconds).

    Express bills memory in 64 MB steps and duration in 100 ms steps (rounded up); the Express free tier and the
    cheaper GB-second tiers beyond the first are left out (conservative).

    >>> c = workflow_cost(1_000_000, 10, duration_ms=500, memory_mb=64)
    >>> round(c.express_usd, 2), c.cheaper
    (1.52, 'Express')
    """
    validate.integer("executions_per_month", executions_per_month, minimum=0, maximum=10**12)
    validate.integer("transitions_per_execution", transitions_per_execution, minimum=1, maximum=MAX_HISTORY_EVENTS)
    validate.number("duration_ms", duration_ms, minimum=0, maximum=EXPRESS_MAX_SECONDS * 1000, unit="ms")
    validate.number("memory_mb", memory_mb, minimum=1, maximum=1_000_000, unit="MB")
    for name, value in (
        ("usd_per_transition", usd_per_transition),
        ("usd_per_request", usd_per_request),
        ("usd_per_gb_second", usd_per_gb_second),
    ):
        validate.number(name, value, minimum=0, maximum=1.0, unit="USD")
    validate.integer("free_transitions", free_transitions, minimum=0, maximum=10**12)
    transitions = executions_per_month * transitions_per_execution
    standard = max(0, transitions - free_transitions) * usd_per_transition
    billed_mb = math.ceil(memory_mb / EXPRESS_MEMORY_STEP_MB) * EXPRESS_MEMORY_STEP_MB
    billed_ms = max(1, math.ceil(duration_ms / EXPRESS_DURATION_STEP_MS)) * EXPRESS_DURATION_STEP_MS
    gb_seconds = executions_per_month * (billed_mb / 1024) * (billed_ms / 1000)
    requests = executions_per_month * usd_per_request
    duration = gb_seconds * usd_per_gb_second
    return WorkflowCost(
        executions_per_month, round(standard, 6), round(requests + duration, 6), round(requests, 6), round(duration, 6)
    )


# ---- the notebook's order workflow (the SWF order example, as a state machine) --------------------------------------
ORDER_WORKFLOW = {
    "Comment": "Verify, charge (retried), then ship each item in parallel with a receipt; large orders wait.",
    "StartAt": "VerifyOrder",
    "States": {
        "VerifyOrder": {"Type": "Task", "Resource": "verify", "ResultPath": "$.verified", "Next": "IsLarge"},
        "IsLarge": {
            "Type": "Choice",
            "Choices": [
                {"Variable": "$.verified", "BooleanEquals": False, "Next": "Rejected"},
                {"Variable": "$.total_usd", "NumericGreaterThanEquals": 1000, "Next": "FraudHold"},
            ],
            "Default": "ChargeCard",
        },
        "FraudHold": {"Type": "Wait", "Seconds": 600, "Next": "ChargeCard"},
        "ChargeCard": {
            "Type": "Task",
            "Resource": "charge",
            "Parameters": {"amount.$": "$.total_usd", "note.$": "States.Format('order {}', $.order_id)"},
            "ResultSelector": {"charge_id.$": "$.id"},
            "ResultPath": "$.payment",
            "Retry": [
                {
                    "ErrorEquals": ["CardDeclinedTemporarily"],
                    "IntervalSeconds": 10,
                    "MaxAttempts": 3,
                    "BackoffRate": 2.0,
                }
            ],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Rejected"}],
            "Next": "Fulfil",
        },
        "Fulfil": {
            "Type": "Parallel",
            "ResultPath": "$.fulfilment",
            "Branches": [
                {
                    "StartAt": "ShipItems",
                    "States": {
                        "ShipItems": {
                            "Type": "Map",
                            "ItemsPath": "$.items",
                            "MaxConcurrency": 5,
                            "ItemProcessor": {
                                "StartAt": "Ship",
                                "States": {"Ship": {"Type": "Task", "Resource": "ship", "End": True}},
                            },
                            "End": True,
                        }
                    },
                },
                {"StartAt": "Receipt", "States": {"Receipt": {"Type": "Task", "Resource": "receipt", "End": True}}},
            ],
            "Next": "Done",
        },
        "Done": {"Type": "Succeed", "OutputPath": "$.fulfilment"},
        "Rejected": {"Type": "Fail", "Error": "OrderRejected", "Cause": "verification or payment failed"},
    },
}


class CardDeclinedTemporarily(Exception):
    """The card network asked us to try again (a retriable task error in the order workflow).

    >>> CardDeclinedTemporarily("busy").args
    ('busy',)
    """


def order_tasks(charge_failures: int = 0) -> dict:
    """Python callables for ORDER_WORKFLOW's Resources; the charge fails ``charge_failures`` times first.

    >>> sorted(order_tasks())
    ['charge', 'receipt', 'ship', 'verify']
    """
    validate.integer("charge_failures", charge_failures, minimum=0, maximum=100)
    calls = {"charge": 0}

    def charge(request):
        calls["charge"] += 1
        if calls["charge"] <= charge_failures:
            raise CardDeclinedTemporarily(f"attempt {calls['charge']}: try again")
        return {"id": f"ch-{calls['charge']}", "amount": request["amount"]}

    return {
        "verify": lambda order: bool(order.get("items")),
        "charge": charge,
        "ship": lambda item: f"shipped {item}",
        "receipt": lambda order: f"receipt for {order['order_id']}",
    }
