"""SWF order workflow history, and API Gateway's token bucket."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services.apigateway import simulate_traffic, token_bucket
from awslab.app_services.swf import ORDER_ACTIVITIES, Activity, simulate_order_workflow


def test_order_workflow_retries_the_failing_activity_then_completes():
    run = simulate_order_workflow()
    assert run.status == "COMPLETED"
    assert run.attempts == {"VerifyOrder": 1, "ChargeCreditCard": 3, "ShipOrder": 1, "RecordCompletion": 1}
    types = run.event_types()
    assert types[0] == "WorkflowExecutionStarted" and types[-1] == "WorkflowExecutionCompleted"
    assert types.count("ActivityTaskFailed") == 2
    assert types.count("TimerFired") == 2
    assert types.count("ActivityTaskCompleted") == 4


def test_history_shape_and_references():
    run = simulate_order_workflow()
    for position, event in enumerate(run.history, start=1):
        assert event["eventId"] == position
        key = event["eventType"][0].lower() + event["eventType"][1:] + "EventAttributes"
        assert key in event
    times = [e["eventTimestamp"] for e in run.history]
    assert times == sorted(times)
    by_id = {e["eventId"]: e for e in run.history}
    for event in run.history:
        attributes = next(v for k, v in event.items() if k.endswith("EventAttributes"))
        if "scheduledEventId" in attributes:
            assert by_id[attributes["scheduledEventId"]]["eventType"].endswith("Scheduled")


def test_too_many_failures_fail_the_workflow():
    activities = (Activity("Charge", 1.0, forced_failures=5),)
    run = simulate_order_workflow(activities, max_attempts=3)
    assert run.status == "FAILED"
    assert run.event_types()[-1] == "WorkflowExecutionFailed"
    assert run.attempts == {"Charge": 3}


def test_timeout_is_recorded():
    run = simulate_order_workflow((Activity("Slow", 100.0, start_to_close_timeout_seconds=10),), max_attempts=1)
    assert "ActivityTaskTimedOut" in run.event_types() and run.status == "FAILED"


def test_workflow_duration_adds_up():
    # 4 activities, 2 retries: decision tasks, waits, work and timers all add to the clock.
    run = simulate_order_workflow(decision_seconds=0, poll_wait_seconds=0, retry_delay_seconds=10)
    work = sum(a.duration_seconds for a in ORDER_ACTIVITIES) + 2 * 5.0  # two failed charge attempts
    assert run.duration_seconds == pytest.approx(work + 2 * 10)


def test_workflow_bad_inputs():
    with pytest.raises(ValueError, match="max_attempts"):
        simulate_order_workflow(max_attempts=0)
    with pytest.raises(ValueError, match="failure_probability"):
        Activity("x", 1, failure_probability=1.5)
    with pytest.raises(ValueError, match="activities"):
        simulate_order_workflow(())


@given(p=st.floats(0, 1), attempts=st.integers(1, 5), seed=st.integers(0, 1000))
def test_workflow_invariants(p, attempts, seed):
    activities = (Activity("A", 1.0, failure_probability=p), Activity("B", 2.0, failure_probability=p))
    run = simulate_order_workflow(activities, max_attempts=attempts, seed=seed)
    types = run.event_types()
    assert types.count("ActivityTaskScheduled") == types.count("ActivityTaskStarted")
    closed = sum(types.count(t) for t in ("ActivityTaskCompleted", "ActivityTaskFailed", "ActivityTaskTimedOut"))
    assert closed == types.count("ActivityTaskStarted")
    assert all(n <= attempts for n in run.attempts.values())
    assert (run.status == "COMPLETED") == (types.count("ActivityTaskCompleted") == len(activities))
    if p == 0:
        assert run.status == "COMPLETED"


def test_token_bucket_burst_then_rate():
    # 100 requests at once into a bucket of 10 refilled at 5/s: 10 pass at t=0.
    result = token_bucket([0.0] * 100, rate_limit=5, burst_limit=10)
    assert int(result.accepted.sum()) == 10
    # Spread over 10 s at 20/s, the bucket passes its 10-token burst plus 5/s.
    spread = token_bucket(np.arange(200) / 20.0, rate_limit=5, burst_limit=10)
    assert int(spread.accepted.sum()) == pytest.approx(10 + 5 * 10, abs=2)
    assert spread.throttled == 200 - int(spread.accepted.sum())


def test_token_bucket_under_the_rate_never_throttles():
    assert token_bucket(np.arange(100) * 0.25, rate_limit=5, burst_limit=1).throttled == 0


def test_traffic_spike_is_throttled():
    calm = simulate_traffic(50, 60, rate_limit=100, burst_limit=200, seed=1)
    spiky = simulate_traffic(
        50,
        60,
        rate_limit=100,
        burst_limit=200,
        spike_requests_per_second=1000,
        spike_start_seconds=20,
        spike_duration_seconds=5,
        seed=1,
    )
    assert calm.throttled == 0 and spiky.throttled > 0
    assert int(spiky.offered_per_second.sum()) == len(spiky.arrival_seconds)


def test_throttle_bad_inputs():
    with pytest.raises(ValueError, match="burst_limit"):
        token_bucket([0.0], rate_limit=1, burst_limit=-1)
    with pytest.raises(ValueError, match="arrival_seconds"):
        token_bucket([-1.0], rate_limit=1, burst_limit=1)
    with pytest.raises(ValueError, match="spike_duration_seconds"):
        simulate_traffic(1, 10, rate_limit=1, burst_limit=1, spike_start_seconds=8, spike_duration_seconds=5)


@given(times=st.lists(st.floats(0, 20), max_size=300), rate=st.floats(0, 50), burst=st.integers(0, 50))
def test_token_bucket_never_exceeds_burst_plus_rate(times, rate, burst):
    result = token_bucket(times, rate, burst)
    accepted = result.arrival_seconds[result.accepted]
    # In any window [a, b] no more than burst + rate * (b - a) requests pass.
    for start in accepted[:20]:
        for end in accepted[-20:]:
            if end >= start:
                passed = int(((accepted >= start) & (accepted <= end)).sum())
                assert passed <= burst + rate * (end - start) + 1e-9
    assert (result.tokens_after >= 0).all() and (result.tokens_after <= burst + 1e-9).all()
