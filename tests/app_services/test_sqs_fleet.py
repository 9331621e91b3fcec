"""Consumer-fleet simulation and the polling-cost model."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services.sqs_fleet import (
    SECONDS_PER_MONTH,
    polling_cost,
    simulate_consumer_fleet,
    visibility_timeout_sweep,
)


def test_same_seed_same_run_other_seed_other_run():
    a = simulate_consumer_fleet(50, 100, 60, seed=3, crash_probability=0.1)
    b = simulate_consumer_fleet(50, 100, 60, seed=3, crash_probability=0.1)
    c = simulate_consumer_fleet(50, 100, 60, seed=4, crash_probability=0.1)
    assert a.messages_sent == b.messages_sent and np.array_equal(a.visible, b.visible)
    assert (a.messages_sent, a.crashes) != (c.messages_sent, c.crashes)


def test_healthy_fleet_processes_everything_once():
    result = simulate_consumer_fleet(100, 200, 200, processing_distribution="constant", processing_seconds_mean=1)
    assert result.deleted == result.messages_sent
    assert result.receives == result.messages_sent
    assert result.duplicate_processings == 0
    assert result.latency_seconds_p50 >= 1.0


def test_work_longer_than_the_visibility_timeout_is_done_twice():
    # Received at t, t+4 and t+8 by idle consumers; each 10 s job's delete finds a newer receipt handle; the
    # fourth receive (t+12) moves the message to the dead-letter queue.
    result = simulate_consumer_fleet(
        1,
        100,
        50,
        processing_distribution="constant",
        processing_seconds_mean=10,
        visibility_timeout_seconds=4,
        max_receive_count=3,
    )
    assert result.dead_lettered == result.messages_sent
    assert result.processings == 3 * result.messages_sent
    assert result.messages_processed_more_than_once == result.messages_sent


def test_endless_redelivery_without_a_dead_letter_queue_is_refused():
    with pytest.raises(ValueError, match="max_receive_count"):
        simulate_consumer_fleet(
            1, 100, 50, processing_distribution="constant", processing_seconds_mean=10, visibility_timeout_seconds=4
        )


def test_each_crash_sends_its_message_to_the_dead_letter_queue_when_max_receive_count_is_one():
    result = simulate_consumer_fleet(
        20,
        200,
        100,
        processing_distribution="constant",
        processing_seconds_mean=1,
        crash_probability=0.2,
        max_receive_count=1,
        seed=5,
    )
    assert result.crashes > 0
    assert result.dead_lettered == result.crashes
    assert result.deleted + result.dead_lettered == result.messages_sent


def test_short_retention_expires_a_backlog():
    result = simulate_consumer_fleet(
        10, 300, 1, processing_distribution="constant", processing_seconds_mean=1, retention_seconds=60
    )
    assert result.expired > 0
    assert result.oldest_message_age_seconds.max() <= 60 + 1e-9


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"messages_per_second": 0}, "messages_per_second"),
        ({"consumers": 0}, "consumers"),
        ({"visibility_timeout_seconds": 43_201}, "visibility_timeout_seconds"),
        ({"processing_distribution": "gamma"}, "processing_distribution"),
        ({"crash_probability": 1.0}, "crash_probability"),
        ({"max_receive_count": 0}, "max_receive_count"),
        ({"retention_seconds": 30}, "retention_seconds"),
        ({"messages_per_second": 1e6, "duration_seconds": 100}, "messages_per_second"),
    ],
)
def test_bad_inputs_name_the_parameter(kwargs, name):
    arguments = {"messages_per_second": 10, "duration_seconds": 10, "consumers": 2, **kwargs}
    with pytest.raises(ValueError, match=name):
        simulate_consumer_fleet(**arguments)


@given(
    rate=st.floats(0.5, 50),
    consumers=st.integers(1, 40),
    timeout=st.floats(0.5, 30),
    mean=st.floats(0.05, 20),
    crash=st.floats(0, 0.5),
    receive_limit=st.one_of(st.none(), st.integers(1, 5)),
    distribution=st.sampled_from(["constant", "exponential", "lognormal"]),
    seed=st.integers(0, 10_000),
)
def test_fleet_invariants(rate, consumers, timeout, mean, crash, receive_limit, distribution, seed):
    result = simulate_consumer_fleet(
        rate,
        60,
        consumers,
        visibility_timeout_seconds=timeout,
        processing_seconds_mean=mean,
        processing_distribution=distribution,
        crash_probability=crash,
        max_receive_count=receive_limit,
        seed=seed,
        retention_seconds=120,
        sample_points=50,
    )
    # Every message ends deleted, dead-lettered or expired, and nothing is counted twice.
    assert result.deleted + result.dead_lettered + result.expired == result.messages_sent
    assert result.receives >= result.deleted
    assert result.processings >= result.deleted  # a deleted message was processed at least once
    assert (result.visible >= 0).all() and (result.in_flight >= 0).all()
    assert (result.oldest_message_age_seconds >= 0).all()
    assert result.oldest_message_age_seconds.max() <= min(result.end_seconds, 120) + 1e-9
    if crash == 0:
        assert result.crashes == 0
        assert result.in_flight.max() <= consumers
    if receive_limit is None:
        assert result.dead_lettered == 0


def test_a_million_messages_in_seconds():
    result = simulate_consumer_fleet(2000, 500, 2500, sample_points=100)
    assert result.messages_sent > 990_000
    assert result.deleted == result.messages_sent


def test_short_polling_an_idle_queue():
    cost = polling_cost(0, 1, 0, short_poll_interval_seconds=1)
    assert cost.receive_requests_per_month == pytest.approx(SECONDS_PER_MONTH)
    assert cost.empty_fraction == 1.0
    # 2,592,000 requests, the first million free, $0.40 per million after that
    assert cost.usd_per_month == pytest.approx((SECONDS_PER_MONTH - 1e6) / 1e6 * 0.40)


def test_long_polling_an_idle_queue_makes_one_request_per_wait():
    cost = polling_cost(0, 10, 20)
    assert cost.receive_requests_per_month == pytest.approx(10 * SECONDS_PER_MONTH / 20)
    assert cost.usd_per_month == pytest.approx(0.1184)


def test_long_polling_with_traffic():
    cost = polling_cost(1, 1, 20)
    assert cost.empty_fraction == pytest.approx(math.exp(-20))
    assert cost.receive_requests_per_month == pytest.approx(SECONDS_PER_MONTH / (1 - math.exp(-20)))
    fifo = polling_cost(1, 1, 20, fifo=True)
    assert fifo.usd_per_month > cost.usd_per_month


@given(rate=st.floats(0, 100), pollers=st.integers(1, 50), wait=st.floats(1, 20))
def test_long_polling_never_costs_more_than_short_polling(rate, pollers, wait):
    short = polling_cost(rate, pollers, 0)
    long = polling_cost(rate, pollers, wait)
    assert long.receive_requests_per_month <= short.receive_requests_per_month * (1 + 1e-6)
    assert 0 <= long.empty_fraction <= 1 and 0 <= short.empty_fraction <= 1
    # every message needs one non-empty receive
    for cost in (short, long):
        non_empty = cost.receive_requests_per_month - cost.empty_receives_per_month
        assert non_empty == pytest.approx(rate * SECONDS_PER_MONTH, rel=1e-6, abs=1e-3)


def test_polling_bad_inputs():
    with pytest.raises(ValueError, match="wait_time_seconds"):
        polling_cost(1, 1, 21)
    with pytest.raises(ValueError, match="pollers"):
        polling_cost(1, 0, 20)


def test_idempotent_consumer_applies_each_message_once():
    result = simulate_consumer_fleet(
        1,
        60,
        50,
        processing_distribution="constant",
        processing_seconds_mean=10,
        visibility_timeout_seconds=4,
        max_receive_count=3,
    )
    assert result.effects_naive == 3 * result.messages_sent
    assert result.effects_idempotent == result.messages_sent


def test_visibility_timeout_sweep_shows_fewer_duplicates_with_longer_timeouts():
    table = visibility_timeout_sweep(
        [1, 5, 60],
        5,
        120,
        consumers=30,
        processing_seconds_mean=3,
        processing_distribution="exponential",
        max_receive_count=10,
        retention_seconds=900,
        seed=2,
    )
    assert list(table["visibility_timeout_seconds"]) == [1.0, 5.0, 60.0]
    duplicates = list(table["duplicate_processings"])
    assert duplicates[0] > duplicates[1] > duplicates[2] == 0
    with pytest.raises(ValueError, match="timeouts_seconds"):
        visibility_timeout_sweep([], 5, 120, consumers=30)


def test_fast_path_agrees_with_the_general_simulation(monkeypatch):
    from awslab.app_services import sqs_fleet

    options = dict(processing_seconds_mean=2, processing_distribution="exponential", seed=9, sample_points=80)
    fast = simulate_consumer_fleet(30, 200, 70, visibility_timeout_seconds=43_200, **options)
    monkeypatch.setattr(sqs_fleet, "_first_come_first_served", lambda *args: None)
    general = simulate_consumer_fleet(30, 200, 70, visibility_timeout_seconds=43_200, **options)
    assert (fast.messages_sent, fast.deleted, fast.receives) == (
        general.messages_sent,
        general.deleted,
        general.receives,
    )
    assert np.array_equal(fast.visible, general.visible)
    assert np.array_equal(fast.in_flight, general.in_flight)
    assert np.allclose(fast.oldest_message_age_seconds, general.oldest_message_age_seconds)
    assert fast.latency_seconds_p99 == pytest.approx(general.latency_seconds_p99)
