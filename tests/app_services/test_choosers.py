"""The choosers of 07_choosing_services: documented facts with their sources, the ranking's properties (a strict total
order; dropping a requirement never rules a service out), validation, the critical-path model, and the explorers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services import choosers, explorers
from tests.support import check_explorer

CHOOSERS = list(choosers.CHOOSERS.values())


def requirements_of(chooser):
    """Random requirement dicts: any subset of the chooser's keys, each with one of its allowed values."""
    return st.dictionaries(
        st.sampled_from(list(chooser.requirements)), st.none(), max_size=len(chooser.requirements)
    ).flatmap(lambda keys: st.fixed_dictionaries({k: st.sampled_from(chooser.requirements[k]) for k in keys}))


any_chooser_and_requirements = st.sampled_from(CHOOSERS).flatmap(lambda c: st.tuples(st.just(c), requirements_of(c)))


# --- facts, each with its source -------------------------------------------------------------------------------------
def test_activemq_speaks_the_documented_protocols():
    # Amazon MQ Developer Guide, "Using Amazon MQ for ActiveMQ" (read 2026-12-03): AMQP, MQTT (and over WebSocket),
    # OpenWire, STOMP (and over WebSocket).
    for protocol in ("JMS / OpenWire", "AMQP 1.0", "MQTT", "STOMP"):
        assert choosers.rank(choosers.MESSAGING, {"protocol": protocol})[0].service == "Amazon MQ for ActiveMQ"


def test_batch_array_and_timeout_facts_are_in_the_reasons():
    # AWS Batch User Guide, "Array jobs": array size between 2 and 10,000; API Reference "JobTimeout": at least 60 s.
    reasons = choosers.JOB_COMPUTE.verdicts["AWS Batch on EC2"]
    assert "2 to 10,000" in reasons["fan_out"]["thousands of similar tasks"][1]
    assert "60 s minimum" in reasons["duration"]["over 15 minutes"][1]


def test_lambda_is_ruled_out_past_15_minutes():
    # Lambda quotas: function timeout 900 seconds (15 minutes).
    from awslab.app_services import lambda_scale

    assert lambda_scale.MAX_DURATION_MS == 900_000
    lam = next(r for r in choosers.rank(choosers.JOB_COMPUTE, {"duration": "over 15 minutes"}) if r.service == "Lambda")
    assert not lam.feasible and "900 s" in lam.why


def test_sagemaker_ai_is_the_current_name_and_transcribe_bills_per_second():
    # SageMaker AI Developer Guide, "Amazon SageMaker AI rename"; Amazon Transcribe pricing (1 s increments, 15 s min).
    assert "SageMaker AI" in choosers.AI.services and "SageMaker" not in choosers.AI.services
    assert (
        "per second" in choosers.AI_COST_UNITS["Transcribe"] and "15 s minimum" in choosers.AI_COST_UNITS["Transcribe"]
    )
    assert set(choosers.AI_COST_UNITS) == set(choosers.AI.services)


@pytest.mark.parametrize(
    ("chooser", "wanted", "first"),
    [
        (choosers.MESSAGING, {"protocol": "GraphQL"}, "AppSync"),
        (choosers.MESSAGING, {"source": "SaaS application"}, "AppFlow"),
        (
            choosers.MESSAGING,
            {"ordering": "strict, per key", "replay": "re-read past messages"},
            "Kinesis Data Streams",
        ),
        (choosers.MESSAGING, {"fan_out": "one consumer per message"}, "SQS standard"),
        (choosers.LOCATIONS, {"data_location": "must stay on our premises"}, "Outposts"),
        (choosers.LOCATIONS, {"users": "5G mobile devices"}, "Wavelength Zone"),
        (choosers.LOCATIONS, {"users": "in a metro far from a Region", "latency": "single-digit ms"}, "Local Zone"),
        (choosers.LOCATIONS, {"services": "the full AWS catalogue"}, "Region"),
        (choosers.JOB_COMPUTE, {"start": "milliseconds, per event"}, "Lambda"),
        (choosers.AI, {"input": "audio", "output": "a transcript"}, "Transcribe"),
        (choosers.AI, {"input": "text", "output": "speech audio"}, "Polly"),
        (choosers.AI, {"input": "image", "output": "labels, faces or moderation"}, "Rekognition"),
        (choosers.AI, {"output": "generated text or images"}, "Bedrock"),
        (choosers.AI, {"custom_model": "train or bring our own"}, "SageMaker AI"),
    ],
)
def test_textbook_cases(chooser, wanted, first):
    assert choosers.rank(chooser, wanted)[0].service == first


# --- properties ------------------------------------------------------------------------------------------------------
@given(any_chooser_and_requirements)
def test_ranking_is_a_strict_total_order(case):
    chooser, wanted = case
    ranking = choosers.rank(chooser, wanted)
    assert sorted(r.service for r in ranking) == sorted(chooser.services)  # every service once
    assert [r.rank for r in ranking] == list(range(1, len(ranking) + 1))
    keys = [(not r.feasible, -r.score, chooser.services.index(r.service)) for r in ranking]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)  # sorted, no ties left
    assert choosers.rank(chooser, dict(reversed(list(wanted.items())))) == ranking  # key order does not matter


@given(any_chooser_and_requirements, st.data())
def test_dropping_a_requirement_never_rules_a_service_out(case, data):
    chooser, wanted = case
    if not wanted:
        return
    dropped = data.draw(st.sampled_from(list(wanted)))
    fewer = {k: v for k, v in wanted.items() if k != dropped}
    before = {r.service for r in choosers.rank(chooser, wanted) if r.feasible}
    after = {r.service for r in choosers.rank(chooser, fewer) if r.feasible}
    assert before <= after


@given(any_chooser_and_requirements)
def test_any_is_the_same_as_leaving_the_key_out(case):
    chooser, wanted = case
    stated = {k: v for k, v in wanted.items() if v != choosers.ANY}
    assert choosers.rank(chooser, wanted) == choosers.rank(chooser, stated)


def test_every_verdict_names_a_known_requirement_and_value():
    for chooser in CHOOSERS:
        for service, table in chooser.verdicts.items():
            for key, values in table.items():
                assert key in chooser.requirements, (service, key)
                for value, (points, reason) in values.items():
                    assert value in chooser.requirements[key] and value != choosers.ANY, (service, key, value)
                    assert points in (None, 0, 1, 2) and reason, (service, key, value)


# --- validation ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ({"colour": "blue"}, "requirement 'colour' is not one of the messaging requirements: ordering"),
        ({"protocol": "SOAP"}, "protocol='SOAP' is not allowed; protocol may be one of: any, AWS API (HTTPS)"),
        ("ordering", "must be a dict"),
    ],
)
def test_bad_requirements_name_the_key_the_value_and_what_is_allowed(wanted, message):
    with pytest.raises(ValueError) as error:
        choosers.rank(choosers.MESSAGING, wanted)
    assert message in str(error.value)


# --- the critical path --------------------------------------------------------------------------------------------------
def segments(depth=2):
    """Random nested segments whose children lie inside their parent (as X-Ray records them)."""

    def build(draw, start, end, level, counter):
        counter[0] += 1
        segment = {"name": f"s{counter[0]}", "start_time": start, "end_time": end}
        if level < depth and end > start:
            children = []
            for _ in range(draw(st.integers(0, 3))):
                a = draw(st.floats(start, end, allow_nan=False))
                b = draw(st.floats(a, end, allow_nan=False))
                children.append(build(draw, round(a, 6), round(b, 6), level + 1, counter))
            if children:
                segment["subsegments"] = children
        return segment

    @st.composite
    def strategy(draw):
        length = draw(st.floats(0.001, 10, allow_nan=False))
        return build(draw, 0.0, round(length, 6), 0, [0])

    return strategy()


@given(segments())
def test_critical_path_is_no_longer_than_the_segments(trace):
    cp = choosers.critical_path(trace)
    assert cp.total_ms <= cp.segments_ms + 1e-6
    assert cp.total_ms == pytest.approx((trace["end_time"] - trace["start_time"]) * 1000)
    assert sum(cp.self_ms.values()) == pytest.approx(cp.total_ms, abs=1e-3)  # the path's own times add up
    assert all(v >= -1e-9 for v in cp.self_ms.values()) and cp.path[0] == trace["name"]
    durations = {r["name"]: r["end_ms"] - r["start_ms"] for r in choosers.waterfall(trace)}
    assert all(cp.self_ms[name] <= durations[name] + 1e-3 for name in cp.self_ms)


def test_the_parallel_call_leaves_the_path_when_it_is_faster():
    slow_tax = choosers.critical_path(choosers.checkout_trace(inventory_ms=80, tax_ms=200))
    slow_inventory = choosers.critical_path(choosers.checkout_trace(inventory_ms=500, tax_ms=200))
    assert "tax rates (HTTPS)" in slow_tax.path and "inventory (DynamoDB)" not in slow_tax.path
    assert "inventory (DynamoDB)" in slow_inventory.path and "pricing (Lambda)" not in slow_inventory.path
    assert slow_tax.total_ms == 820.0 and slow_inventory.total_ms == 1080.0  # 70 + 500 + 10 + 420 + 80


@pytest.mark.parametrize(
    ("trace", "message"),
    [
        ({"name": "a", "start_time": 2, "end_time": 1}, "end_time=1 is before start_time=2"),
        ({"name": "a", "start_time": 0}, "missing 'end_time'"),
        (
            {
                "name": "a",
                "start_time": 0,
                "end_time": 1,
                "subsegments": [{"name": "a", "start_time": 0, "end_time": 1}],
            },
            "unique in the trace",
        ),
        ({"name": "a", "start_time": float("nan"), "end_time": 1}, "start_time=nan must be a number"),
    ],
)
def test_bad_traces_are_refused(trace, message):
    with pytest.raises(ValueError) as error:
        choosers.critical_path(trace)
    assert message in str(error.value)


# --- explorers ---------------------------------------------------------------------------------------------------------
CASES = [
    (
        explorers.explore_messaging,
        "protocol",
        list(choosers.MESSAGING.requirements["protocol"]),
        {"protocol": "SOAP"},
        "protocol='SOAP' is not allowed",
    ),
    (
        explorers.explore_location,
        "users",
        list(choosers.LOCATIONS.requirements["users"]),
        {"users": "Mars"},
        "users='Mars' is not allowed",
    ),
    (
        explorers.explore_jobs,
        "duration",
        list(choosers.JOB_COMPUTE.requirements["duration"]),
        {"gpu": "maybe"},
        "gpu='maybe' is not allowed",
    ),
    (
        explorers.explore_ai,
        "input",
        list(choosers.AI.requirements["input"]),
        {"output": "poetry"},
        "output='poetry' is not allowed",
    ),
    (
        explorers.explore_trace,
        "tax_ms",
        ["50 ms", "100 ms", "200 ms", "300 ms", "400 ms", "600 ms"],
        {"payment_ms": 9000},
        "payment_ms=9000 is outside the allowed range",
    ),
]


@pytest.mark.parametrize(("factory", "main", "labels", "bad", "message"), CASES)
def test_explorer_contract(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_explorer_numbers_are_the_models():
    ex = explorers.explore_messaging(protocol="MQTT", replay="re-read past messages")
    ranking = choosers.rank(choosers.MESSAGING, {"protocol": "MQTT", "replay": "re-read past messages"})
    assert ex.last_view.numbers["feasible"] == f"{sum(r.feasible for r in ranking)} of {len(ranking)}"
    assert ex.last_view.numbers["first"] == "nothing fits every requirement"  # no broker with MQTT replays
    cp = choosers.critical_path(choosers.checkout_trace(tax_ms=600))
    assert explorers.explore_trace(tax_ms=600).last_view.numbers["response time"] == f"{cp.total_ms:,.0f} ms"
