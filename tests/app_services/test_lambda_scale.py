"""Lambda at scale: the documented scaling rate, reserved/provisioned concurrency, async retries, event source
mappings, and the invariants (never above the limit; every request accounted for) as properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services import lambda_scale as ls

SCALING = "Lambda scaling behavior (scaling-behavior.html)"
ASYNC = "How Lambda handles errors and retries with asynchronous invocation (invocation-async-error-handling.html)"


def test_documented_constants():
    assert (ls.SCALING_ENVIRONMENTS, ls.SCALING_WINDOW_SECONDS) == (1_000, 10), SCALING
    assert ls.ACCOUNT_CONCURRENCY == 1_000
    assert ls.ASYNC_RETRY_DELAYS_SECONDS == (60, 120) and ls.MAX_EVENT_AGE_SECONDS == 6 * 3600, ASYNC


def test_burst_scaling_rate_is_1000_per_10_seconds():
    # 1 s requests at 50,000 rps with a 100,000 account limit: environments grow by at most 1,000 per 10 s window
    r = ls.simulate_spike([50_000] * 30, duration_ms=1000, account_limit=100_000)
    for start in range(0, 20):
        assert r.environments[start + 10] - r.environments[start] <= 1_000 + 1, SCALING
    assert 1_000 <= r.environments[0] <= 1_100  # the full allowance at once, then the continuous refill
    assert r.environments[29] >= 3_000


def test_reserved_concurrency_caps_and_provisioned_avoids_cold_starts():
    profile = ls.spike_profile(10, 2000, seconds=60)
    capped = ls.simulate_spike(profile, duration_ms=500, reserved=200)
    assert capped.peak_concurrency == 200 and capped.throttled > 0
    warm = ls.simulate_spike(profile, duration_ms=500, provisioned=800)
    cold = ls.simulate_spike(profile, duration_ms=500)
    assert warm.cold_starts < cold.cold_starts
    assert warm.succeeded == cold.succeeded  # same limit, so the same throughput


def test_async_events_wait_instead_of_being_throttled():
    profile = ls.spike_profile(0, 3000, seconds=120, start_second=0, length_seconds=10)
    sync = ls.simulate_spike(profile, duration_ms=1000, reserved=500)
    queued = ls.simulate_spike(profile, duration_ms=1000, reserved=500, invocation="async")
    assert sync.throttled > 0 and queued.throttled == 0
    assert queued.succeeded == queued.requests  # the backlog drains within the two minutes


def test_async_max_event_age_drops_old_events():
    profile = [2000] * 100 + [0] * 20
    r = ls.simulate_spike(profile, duration_ms=1000, reserved=100, invocation="async", max_event_age_seconds=60)
    assert r.expired > 0
    assert r.requests == r.succeeded + r.expired + r.pending + r.failed_to_destination


def test_async_function_errors_are_retried_twice_then_go_to_the_destination():
    r = ls.simulate_spike([100] * 10 + [0] * 200, duration_ms=100, invocation="async", error_rate=1.0)
    assert r.retries == 2 * 1000 and r.failed_to_destination == 1000 and r.succeeded == 0, ASYNC
    none = ls.simulate_spike([100] * 10, duration_ms=100, invocation="async", error_rate=1.0, max_retry_attempts=0)
    assert none.retries == 0 and none.failed_to_destination == 1000


def test_function_limit():
    assert ls.function_limit(account_limit=1000, reserved_by_others=400) == 600
    with pytest.raises(ValueError, match="reserved"):
        ls.function_limit(account_limit=1000, reserved=950)  # 100 must stay unreserved


def test_bad_inputs():
    with pytest.raises(ValueError, match="requests_per_second"):
        ls.simulate_spike([-1, 2])
    with pytest.raises(ValueError, match="provisioned"):
        ls.simulate_spike([1], reserved=10, provisioned=20)
    with pytest.raises(ValueError, match="batching_window_seconds"):
        ls.sqs_batches(100, batch_size=100)
    with pytest.raises(ValueError, match="batch_size"):
        ls.sqs_batches(100, batch_size=11, batching_window_seconds=1, fifo=True)
    with pytest.raises(ValueError, match="parallelization_factor"):
        ls.stream_batches(100, shards=1, parallelization_factor=11)


def test_event_source_mappings():
    sqs = ls.sqs_batches(1000, batch_size=100, batching_window_seconds=20, records_per_second=10)
    assert (sqs.invocations, sqs.seconds_to_fill_batch, sqs.invoke_after_seconds) == (10, 10.0, 10.0)
    kinesis = ls.stream_batches(1_000, shards=2, batch_size=100, parallelization_factor=10)
    assert kinesis.concurrent_invocations == 10  # 10 batches, 20 allowed at once


def test_cost_uses_compute_prices():
    r = ls.simulate_spike([100] * 10, duration_ms=200)
    from awslab.compute import lambda_cost

    assert (
        ls.spike_cost_usd(r, duration_ms=200)
        == lambda_cost.lambda_monthly_cost(1000, 200, 512, free_tier=False).total_usd
    )


@given(
    st.lists(st.integers(0, 4000), min_size=1, max_size=40),
    st.sampled_from([50, 200, 1000, 3000]),
    st.one_of(st.none(), st.integers(0, 500)),
    st.sampled_from(["sync", "async"]),
    st.floats(0, 0.5),
    st.integers(0, 2**16),
)
def test_invariants(profile, duration_ms, reserved, invocation, error_rate, seed):
    provisioned = 0 if reserved is None else reserved // 2
    r = ls.simulate_spike(
        profile,
        duration_ms=duration_ms,
        reserved=reserved,
        provisioned=provisioned,
        invocation=invocation,
        error_rate=error_rate,
        seed=seed,
    )
    assert r.peak_concurrency <= r.limit
    assert np.all(r.environments <= r.limit)
    assert r.requests == r.succeeded + r.throttled + r.failed_to_destination + r.expired + r.pending
    if invocation == "async":
        assert r.throttled == 0
    again = ls.simulate_spike(
        profile,
        duration_ms=duration_ms,
        reserved=reserved,
        provisioned=provisioned,
        invocation=invocation,
        error_rate=error_rate,
        seed=seed,
    )
    assert (again.succeeded, again.retries) == (r.succeeded, r.retries)  # seeded: deterministic
