"""Step Functions interpreter: the ASL documentation's worked examples (cited per page), Choice rules, Retry waits,
Catch, Map/Parallel, bounds, and properties of the virtual clock and the history."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services import stepfunctions as sfn

IO = "Example: Manipulating state data with paths (input-output-example.html)"
INPUTPATH = "InputPath, Parameters and ResultSelector (input-output-inputpath-params.html)"
RESULTPATH = "Specifying state output using ResultPath (input-output-resultpath.html)"
CHOICE = "Choice workflow state (state-choice.html)"
ERRORS = "Handling errors in Step Functions workflows (concepts-error-handling.html)"
INTRINSICS = "Intrinsic functions for JSONPath states (intrinsic-functions.html)"


def one_state(state: dict) -> dict:
    return {"StartAt": "S", "States": {"S": {**state, "End": True}}}


def test_io_worked_example():  # IO: InputPath $.lambda, ResultPath $.data.lambdaresult, OutputPath $.data
    state_input = {
        "comment": "An input comment.",
        "data": {"val1": 23, "val2": 17},
        "extra": "foo",
        "lambda": {"who": "AWS Step Functions"},
    }
    machine = one_state(
        {
            "Type": "Task",
            "Resource": "hello",
            "InputPath": "$.lambda",
            "ResultPath": "$.data.lambdaresult",
            "OutputPath": "$.data",
        }
    )
    hello = lambda event: f"Hello, {event['who']}!"  # noqa: E731 - the page's Lambda function
    result = sfn.run(machine, state_input, tasks={"hello": hello})
    assert result.output == {"val1": 23, "val2": 17, "lambdaresult": "Hello, AWS Step Functions!"}, IO


def test_inputpath_example():
    state_input = {
        "comment": "Example for InputPath.",
        "dataset1": {"val1": 1, "val2": 2, "val3": 3},
        "dataset2": {"val1": "a", "val2": "b", "val3": "c"},
    }
    out = sfn.run(one_state({"Type": "Pass", "InputPath": "$.dataset2"}), state_input).output
    assert out == {"val1": "a", "val2": "b", "val3": "c"}, INPUTPATH


def test_parameters_example():
    state_input = {
        "comment": "Example for Parameters.",
        "product": {
            "details": {"color": "blue", "size": "small", "material": "cotton"},
            "availability": "in stock",
            "sku": "2317",
            "cost": "$23",
        },
    }
    parameters = {
        "comment": "Selecting what I care about.",
        "MyDetails": {"size.$": "$.product.details.size", "exists.$": "$.product.availability", "StaticValue": "foo"},
    }
    out = sfn.run(one_state({"Type": "Pass", "Parameters": parameters}), state_input).output
    assert out == {
        "comment": "Selecting what I care about.",
        "MyDetails": {"size": "small", "exists": "in stock", "StaticValue": "foo"},
    }, INPUTPATH


def test_result_selector_example():
    task_result = {
        "resourceType": "elasticmapreduce",
        "resource": "createCluster.sync",
        "output": {
            "SdkHttpMetadata": {"HttpStatusCode": 200},
            "SdkResponseMetadata": {"RequestId": "1234-5678-9012"},
            "ClusterId": "AKIAIOSFODNN7EXAMPLE",
        },
    }
    machine = one_state(
        {
            "Type": "Task",
            "Resource": "emr",
            "ResultPath": "$.EMROutput",
            "ResultSelector": {"ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType"},
        }
    )
    out = sfn.run(machine, {}, tasks={"emr": lambda _: task_result}).output
    assert out == {"EMROutput": {"ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce"}}, INPUTPATH


RESULTPATH_INPUT = {
    "comment": "This is a test of the input and output of a Task state.",
    "details": "Default example",
    "who": "AWS Step Functions",
}


@pytest.mark.parametrize(
    ("result_path", "expected"),
    [
        ("$", "Hello, AWS Step Functions!"),
        ("$.taskresult", {**RESULTPATH_INPUT, "taskresult": "Hello, AWS Step Functions!"}),
        (None, RESULTPATH_INPUT),
        ("$.strings.lambdaresult", {**RESULTPATH_INPUT, "strings": {"lambdaresult": "Hello, AWS Step Functions!"}}),
    ],
)
def test_resultpath_examples(result_path, expected):
    machine = one_state({"Type": "Task", "Resource": "hello", "ResultPath": result_path})
    out = sfn.run(machine, RESULTPATH_INPUT, tasks={"hello": lambda e: f"Hello, {e['who']}!"}).output
    assert out == expected, RESULTPATH


CHOICE_STATE = {
    "Type": "Choice",
    "Choices": [
        {"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"},
        {"Variable": "$.value", "NumericEquals": 0, "Next": "ValueIsZero"},
        {
            "And": [
                {"Variable": "$.value", "NumericGreaterThanEquals": 20},
                {"Variable": "$.value", "NumericLessThan": 30},
            ],
            "Next": "ValueInTwenties",
        },
    ],
    "Default": "DefaultState",
}


@pytest.mark.parametrize(
    ("state_input", "expected"),
    [
        ({"type": "Private", "value": 22}, "ValueInTwenties"),  # the page's own input
        ({"type": "Public", "value": 22}, "Public"),
        ({"type": "Private", "value": 0}, "ValueIsZero"),
        ({"type": "Private", "value": 35}, "DefaultState"),
    ],
)
def test_choice_page_example(state_input, expected):
    assert sfn.next_state(CHOICE_STATE, state_input) == expected, CHOICE


@pytest.mark.parametrize(
    ("rule", "state_input", "holds"),
    [
        ({"Variable": "$.foo", "StringMatches": "log-*.txt"}, {"foo": "log-2026.txt"}, True),
        ({"Variable": "$.foo", "StringMatches": "log-*.txt"}, {"foo": "log-2026.csv"}, False),
        ({"Variable": "$.foo", "StringMatches": "a\\*b"}, {"foo": "a*b"}, True),
        ({"Variable": "$.foo", "NumericEqualsPath": "$.bar"}, {"foo": 3, "bar": 3}, True),
        ({"Variable": "$.foo", "NumericLessThanPath": "$.bar"}, {"foo": 3, "bar": 2}, False),
        ({"Variable": "$.foo", "StringEquals": "3"}, {"foo": 3}, False),  # types differ: no match, no error
        ({"Variable": "$.t", "TimestampLessThan": "2026-01-01T00:00:00Z"}, {"t": "2025-12-31T23:59:59Z"}, True),
        (
            {"Variable": "$.t", "TimestampGreaterThanEqualsPath": "$.u"},
            {"t": "2026-01-01T01:00:00+01:00", "u": "2026-01-01T00:00:00Z"},
            True,
        ),
        ({"Variable": "$.b", "BooleanEquals": True}, {"b": True}, True),
        ({"Variable": "$.b", "BooleanEquals": True}, {"b": 1}, False),
        ({"Variable": "$.x", "IsPresent": False}, {}, True),
        ({"Variable": "$.x", "IsNull": True}, {"x": None}, True),
        ({"Variable": "$.x", "IsNumeric": True}, {"x": 1.5}, True),
        ({"Variable": "$.x", "IsString": True}, {"x": 1}, False),
        ({"Variable": "$.x", "IsBoolean": True}, {"x": False}, True),
        ({"Variable": "$.x", "IsTimestamp": True}, {"x": "2016-03-14T01:59:00Z"}, True),
        ({"Variable": "$.x", "IsTimestamp": True}, {"x": "yesterday"}, False),
        (
            {"Or": [{"Variable": "$.a", "NumericLessThan": 0}, {"Variable": "$.a", "NumericGreaterThan": 9}]},
            {"a": 10},
            True,
        ),
        ({"Variable": "$.s", "StringLessThanEquals": "b"}, {"s": "ab"}, True),
    ],
)
def test_choice_rules(rule, state_input, holds):
    state = {"Type": "Choice", "Choices": [{**rule, "Next": "Yes"}], "Default": "No"}
    assert sfn.next_state(state, state_input) == ("Yes" if holds else "No"), CHOICE


def test_no_choice_matched_and_missing_variable():
    state = {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "One"}]}
    with pytest.raises(sfn.StatesError) as info:
        sfn.next_state(state, {"n": 2})
    assert info.value.error == "States.NoChoiceMatched"
    with pytest.raises(sfn.StatesError, match="Invalid path"):
        sfn.next_state(state, {"m": 1})
    machine = {"StartAt": "C", "States": {"C": state, "One": {"Type": "Succeed"}}}
    assert sfn.run(machine, {"n": 2}).error == "States.NoChoiceMatched"


def test_retry_intervals_documented():  # ERRORS: "waits 3 seconds, then 4.5 seconds"; defaults 1 s, 3 attempts, x2
    assert sfn.retry_intervals(
        {"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 1.5}, 10
    ) == [3.0, 4.5], ERRORS
    assert sfn.retry_intervals({"ErrorEquals": ["States.ALL"]}, 10) == [1.0, 2.0, 4.0], ERRORS
    assert sfn.retry_intervals({"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}, 10) == [], ERRORS
    capped = {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 6, "MaxDelaySeconds": 10}
    assert sfn.retry_intervals(capped, 6) == [2.0, 4.0, 8.0, 10.0, 10.0, 10.0]


@pytest.mark.parametrize(
    "retrier",
    [
        {},
        {"ErrorEquals": []},
        {"ErrorEquals": ["States.ALL", "X"]},
        {"ErrorEquals": ["X"], "BackoffRate": 0.5},
        {"ErrorEquals": ["X"], "IntervalSeconds": 0},
        {"ErrorEquals": ["X"], "JitterStrategy": "SOME"},
        {"ErrorEquals": ["X"], "MaxDelaySeconds": 0},
    ],
)
def test_bad_retriers(retrier):
    with pytest.raises(ValueError):
        sfn.retry_intervals(retrier, 3)


class Flaky:
    def __init__(self, failures: int, error: type[Exception] = TimeoutError):
        self.failures, self.error, self.calls = failures, error, 0

    def __call__(self, event):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error("not yet")
        return {"ok": self.calls}


def test_retry_then_success_advances_the_virtual_clock():
    flaky = Flaky(2)
    machine = one_state(
        {
            "Type": "Task",
            "Resource": "f",
            "Retry": [{"ErrorEquals": ["TimeoutError"], "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 1.5}],
        }
    )
    result = sfn.run(machine, {}, tasks={"f": flaky})
    assert result.status == "SUCCEEDED" and result.output == {"ok": 3}
    assert result.seconds == 7.5 and flaky.calls == 3
    assert [e.type for e in result.history].count("TaskFailed") == 2


def test_catch_puts_the_error_at_its_result_path():
    machine = {
        "StartAt": "T",
        "States": {
            "T": {
                "Type": "Task",
                "Resource": "f",
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recover"}],
                "End": True,
            },
            "Recover": {"Type": "Pass", "End": True},
        },
    }
    result = sfn.run(machine, {"order": 1}, tasks={"f": Flaky(9, ValueError)})
    assert result.status == "SUCCEEDED"
    assert result.output == {"order": 1, "error": {"Error": "ValueError", "Cause": "not yet"}}, ERRORS


def test_retries_exhausted_then_fail():
    machine = one_state({"Type": "Task", "Resource": "f", "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}]})
    result = sfn.run(machine, {}, tasks={"f": Flaky(5)})
    assert (result.status, result.error, result.seconds) == ("FAILED", "TimeoutError", 1.0)


def test_fail_state():
    machine = {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "OrderRejected", "Cause": "no stock"}}}
    result = sfn.run(machine, {})
    assert (result.status, result.error, result.cause) == ("FAILED", "OrderRejected", "no stock")


def test_wait_seconds_path_and_timestamps():
    machine = {
        "StartAt": "W1",
        "States": {
            "W1": {"Type": "Wait", "Seconds": 10, "Next": "W2"},
            "W2": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "W3"},
            "W3": {"Type": "Wait", "Timestamp": "2026-01-01T00:01:00Z", "Next": "W4"},
            "W4": {"Type": "Wait", "TimestampPath": "$.until", "End": True},
        },
    }
    result = sfn.run(machine, {"delay": 5, "until": "2026-01-01T00:02:00Z"}, start_time="2026-01-01T00:00:00Z")
    assert result.seconds == 120.0
    waits = [e.seconds for e in result.history if e.type == "WaitStateExited"]
    assert waits == [10.0, 15.0, 60.0, 120.0]


def test_parallel_and_map():
    machine = {
        "StartAt": "P",
        "States": {
            "P": {
                "Type": "Parallel",
                "Next": "M",
                "ResultPath": "$.both",
                "Branches": [
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": True}}},
                    {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": 2, "End": True}}},
                ],
            },
            "M": {
                "Type": "Map",
                "ItemsPath": "$.items",
                "MaxConcurrency": 2,
                "ResultPath": "$.doubled",
                "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
                "ItemProcessor": {"StartAt": "D", "States": {"D": {"Type": "Task", "Resource": "double", "End": True}}},
                "End": True,
            },
        },
    }
    out = sfn.run(machine, {"items": [1, 2, 3]}, tasks={"double": lambda e: e["value"] * 2 + e["index"] * 0}).output
    assert out == {"items": [1, 2, 3], "both": [1, 2], "doubled": [2, 4, 6]}


def test_intrinsics():
    parameters = {
        "greeting.$": "States.Format('Hello, {}! You have {} items.', $.name, $.count)",
        "parsed.$": "States.StringToJson($.raw)",
        "list.$": "States.Array($.name, 1, 'two')",
        "length.$": "States.ArrayLength($.items)",
        "sum.$": "States.MathAdd($.count, 10)",
        "text.$": "States.JsonToString($.items)",
    }
    out = sfn.run(
        one_state({"Type": "Pass", "Parameters": parameters}),
        {"name": "Ana", "count": 3, "raw": '{"a": 1}', "items": [1, 2]},
    ).output
    assert out == {
        "greeting": "Hello, Ana! You have 3 items.",
        "parsed": {"a": 1},
        "list": ["Ana", 1, "two"],
        "length": 2,
        "sum": 13,
        "text": "[1,2]",
    }, INTRINSICS


def test_history_limit_stops_an_endless_loop():
    machine = {"StartAt": "Loop", "States": {"Loop": {"Type": "Pass", "Next": "Loop"}}}
    result = sfn.run(machine, {}, max_history_events=1000)
    assert result.status == "FAILED" and "1,000 events" in result.cause
    assert len(result.history) == 1000
    assert sfn.MAX_HISTORY_EVENTS == 25_000


@pytest.mark.parametrize(
    ("definition", "words"),
    [
        ({"StartAt": "X", "States": {}}, "non-empty States"),
        ({"StartAt": "X", "States": {"A": {"Type": "Pass", "End": True}}}, "StartAt"),
        ({"StartAt": "A", "States": {"A": {"Type": "Loop", "End": True}}}, "Type must be"),
        ({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}, "Next naming"),
        ({"StartAt": "A", "States": {"A": {"Type": "Wait", "End": True}}}, "exactly one of Seconds"),
        (
            {
                "StartAt": "A",
                "States": {
                    "A": {
                        "Type": "Map",
                        "MaxConcurrency": -1,
                        "End": True,
                        "ItemProcessor": {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}},
                    }
                },
            },
            "MaxConcurrency",
        ),
        ("{not json", "not valid JSON"),
    ],
)
def test_bad_definitions(definition, words):
    with pytest.raises(ValueError, match=words):
        sfn.run(definition, {})


def test_missing_task_is_a_runtime_error():
    result = sfn.run(one_state({"Type": "Task", "Resource": "nope"}), {})
    assert result.error == "States.Runtime"


def test_workflow_cost():
    cost = sfn.workflow_cost(1_000_000, 10, duration_ms=500, memory_mb=64)
    assert cost.standard_usd == pytest.approx((10_000_000 - 4_000) * 0.000025)
    assert cost.express_usd == pytest.approx(1.0 + 1_000_000 * (64 / 1024) * 0.5 * 0.00001667)
    assert cost.cheaper == "Express"
    slow = sfn.workflow_cost(1_000, 3, duration_ms=300_000, memory_mb=1024)
    assert slow.cheaper == "Standard"


@given(st.integers(0, 50), st.integers(1, 9), st.integers(1, 4))
def test_history_is_ordered_and_the_clock_adds_the_waits(loops, seconds, steps):
    states = {f"W{i}": {"Type": "Wait", "Seconds": seconds, "Next": f"W{i + 1}"} for i in range(steps)}
    states[f"W{steps}"] = {"Type": "Succeed"}
    result = sfn.run({"StartAt": "W0", "States": states}, {"loops": loops})
    times = [e.seconds for e in result.history]
    assert times == sorted(times)
    assert result.seconds == seconds * steps
    assert result.state_transitions == steps + 1
    assert result.output == {"loops": loops}


@given(st.integers(0, 6), st.integers(1, 5), st.floats(1.0, 3.0), st.integers(1, 8))
def test_retry_waits_grow_and_respect_the_cap(attempts, interval, rate, cap):
    retrier = {
        "ErrorEquals": ["States.ALL"],
        "IntervalSeconds": interval,
        "MaxAttempts": attempts,
        "BackoffRate": rate,
        "MaxDelaySeconds": cap,
    }
    waits = sfn.retry_intervals(retrier, 10)
    assert len(waits) == attempts
    assert waits == sorted(waits) and all(w <= cap for w in waits)


@pytest.mark.parametrize(
    ("failures", "status", "seconds"),
    [(0, "SUCCEEDED", 600.0), (2, "SUCCEEDED", 630.0), (3, "SUCCEEDED", 670.0), (4, "FAILED", 670.0)],
)
def test_order_workflow(failures, status, seconds):
    # fraud hold 600 s; retries wait 10, 20, 40 s; a fourth decline is caught into the Rejected Fail state
    order = {"order_id": "A-1", "total_usd": 1500, "items": ["book", "lamp"]}
    result = sfn.run(sfn.ORDER_WORKFLOW, order, tasks=sfn.order_tasks(failures))
    assert (result.status, result.seconds) == (status, seconds)
    if status == "SUCCEEDED":
        assert result.output == [["shipped book", "shipped lamp"], "receipt for A-1"]
    else:
        assert result.error == "OrderRejected" and result.states_visited[-1] == "Rejected"
    small = sfn.run(sfn.ORDER_WORKFLOW, {**order, "total_usd": 10}, tasks=sfn.order_tasks(0))
    assert "FraudHold" not in small.states_visited and small.seconds == 0


class Raises:
    """A task that raises the given error names in turn, then succeeds."""

    def __init__(self, *errors: str):
        self.errors, self.calls = list(errors), 0

    def __call__(self, event):
        self.calls += 1
        if self.errors:
            raise sfn.StatesError(self.errors.pop(0), "boom")
        return "done"


def test_complex_retry_example():  # ERRORS: ErrorA, ErrorB, ErrorC, ErrorB, ErrorB -> waits 1, 2, 5, 4, then Z
    machine = {
        "StartAt": "X",
        "States": {
            "X": {
                "Type": "Task",
                "Resource": "x",
                "Next": "Y",
                "Retry": [
                    {"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2.0, "MaxAttempts": 2},
                    {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5},
                ],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Z"}],
            },
            "Y": {"Type": "Succeed"},
            "Z": {"Type": "Pass", "End": True},
        },
    }
    task = Raises("ErrorA", "ErrorB", "ErrorC", "ErrorB", "ErrorB")
    result = sfn.run(machine, {}, tasks={"x": task})
    assert result.seconds == 1 + 2 + 5 + 4, ERRORS
    assert result.states_visited == ["X", "Z"] and task.calls == 5, ERRORS
    assert result.output == {"Error": "ErrorB", "Cause": "boom"}  # no ResultPath: the error output replaces the input


def test_retry_everything_but_timeout_example():  # ERRORS: a MaxAttempts 0 retrier before States.ALL
    retry = [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 0}, {"ErrorEquals": ["States.ALL"]}]
    machine = one_state({"Type": "Task", "Resource": "x", "Retry": retry})
    assert sfn.run(machine, {}, tasks={"x": Raises("States.Timeout")}).status == "FAILED", ERRORS
    other = sfn.run(machine, {}, tasks={"x": Raises("Oops", "Oops")})
    assert (other.status, other.seconds) == ("SUCCEEDED", 3.0), ERRORS


@pytest.mark.parametrize("error_equals", [["HandledError"], ["States.TaskFailed"]])
def test_catch_examples(error_equals):  # ERRORS: "Handling a failure using Catch", both variants
    machine = {
        "StartAt": "HelloWorld",
        "States": {
            "HelloWorld": {
                "Type": "Task",
                "Resource": "fail",
                "Catch": [{"ErrorEquals": error_equals, "Next": "fallback"}],
                "End": True,
            },
            "fallback": {"Type": "Pass", "Result": "Hello, AWS Step Functions!", "End": True},
        },
    }
    result = sfn.run(machine, {}, tasks={"fail": Raises("HandledError")})
    assert result.output == "Hello, AWS Step Functions!", ERRORS


def test_catch_with_result_path_keeps_the_input():  # ERRORS: ResultPath "$.error-info" on the first catcher
    catch = [
        {"ErrorEquals": ["java.lang.Exception"], "ResultPath": "$.error-info", "Next": "RecoveryState"},
        {"ErrorEquals": ["States.ALL"], "Next": "EndState"},
    ]
    machine = {
        "StartAt": "T",
        "States": {
            "T": {"Type": "Task", "Resource": "t", "Catch": catch, "End": True},
            "RecoveryState": {"Type": "Pass", "End": True},
            "EndState": {"Type": "Pass", "End": True},
        },
    }
    java = sfn.run(machine, {"order": 1}, tasks={"t": Raises("java.lang.Exception")})
    assert java.output == {"order": 1, "error-info": {"Error": "java.lang.Exception", "Cause": "boom"}}, ERRORS
    other = sfn.run(machine, {"order": 1}, tasks={"t": Raises("Other")})
    assert other.output == {"Error": "Other", "Cause": "boom"} and other.states_visited[-1] == "EndState", ERRORS


def test_states_all_does_not_retry_runtime_errors():
    machine = one_state({"Type": "Task", "Resource": "x", "Retry": [{"ErrorEquals": ["States.ALL"]}]})
    for error in ("States.Runtime", "States.DataLimitExceeded"):
        assert sfn.run(machine, {}, tasks={"x": Raises(error)}).seconds == 0


@pytest.mark.parametrize(
    ("rule", "yes", "no"),
    [
        ({"Variable": "$.foo", "NumericEquals": 1}, 1, 2),
        ({"Variable": "$.foo", "StringEquals": "MyString"}, "MyString", "mystring"),
        ({"Variable": "$.foo", "StringGreaterThan": "MyStringABC"}, "MyStringABD", "MyStringABB"),
        (
            {"Variable": "$.foo", "TimestampEquals": "2001-01-01T12:00:00Z"},
            "2001-01-01T12:00:00Z",
            "2001-01-01T12:00:01Z",
        ),
        ({"Variable": "$.foo", "NumericEquals": 1}, 1.0, "1"),  # "doesn't attempt to match a numeric field to a string"
        ({"Variable": "$.foo", "StringEquals": "2016-08-18T17:33:00Z"}, "2016-08-18T17:33:00Z", "x"),
    ],
)
def test_choice_rule_examples(rule, yes, no):  # CHOICE: the page's one-rule examples
    state = {"Type": "Choice", "Choices": [{**rule, "Next": "FirstMatchState"}], "Default": "Other"}
    assert sfn.next_state(state, {"foo": yes}) == "FirstMatchState", CHOICE
    assert sfn.next_state(state, {"foo": no}) == "Other", CHOICE


def test_choice_example_without_type_fails():  # CHOICE: "If the state input doesn't contain $.type, the execution fails"
    machine = {
        "StartAt": "C",
        "States": {
            "C": CHOICE_STATE,
            **{n: {"Type": "Succeed"} for n in ("Public", "ValueIsZero", "ValueInTwenties", "DefaultState")},
        },
    }
    assert sfn.run(machine, {"value": 22}).error == "States.Runtime", CHOICE
    assert sfn.run(machine, {"type": "Private", "value": 22}).states_visited == ["C", "ValueInTwenties"], CHOICE


def test_io_example_without_outputpath():  # IO: the intermediate document the page shows before OutputPath
    state_input = {
        "comment": "An input comment.",
        "data": {"val1": 23, "val2": 17},
        "extra": "foo",
        "lambda": {"who": "AWS Step Functions"},
    }
    machine = one_state(
        {"Type": "Task", "Resource": "hello", "InputPath": "$.lambda", "ResultPath": "$.data.lambdaresult"}
    )
    out = sfn.run(machine, state_input, tasks={"hello": lambda e: f"Hello, {e['who']}!"}).output
    assert out == {**state_input, "data": {"val1": 23, "val2": 17, "lambdaresult": "Hello, AWS Step Functions!"}}, IO
