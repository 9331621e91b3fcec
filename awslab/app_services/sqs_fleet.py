"""Consumer fleets on an SQS standard queue, and what polling costs.

``simulate_consumer_fleet`` is an event simulation of producers and consumers around one queue: each consumer
receives one message at a time, works on it for a random time, and deletes it, unless it crashes first or its work
outlasts the visibility timeout, in which case the message becomes visible again and may be processed twice.
``polling_cost`` compares short and long polling by the number of (billable) empty receives.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.app_services.sqs import (
    MAX_RECEIVE_COUNT_MAX,
    RETENTION_MAX_SECONDS,
    RETENTION_MIN_SECONDS,
    VISIBILITY_TIMEOUT_MAX_SECONDS,
)

if TYPE_CHECKING:
    import pandas as pd

# List prices, us-east-1, https://aws.amazon.com/sqs/pricing/ (first tier; the first 1 million requests a month
# are free). Checked 2026-11-27 against 2026 summaries of that page. Every 64 KiB chunk of a payload counts as one
# request.
STANDARD_USD_PER_MILLION_REQUESTS = 0.40
FIFO_USD_PER_MILLION_REQUESTS = 0.50
FREE_REQUESTS_PER_MONTH = 1_000_000
LONG_POLL_WAIT_MAX_SECONDS = 20
SECONDS_PER_MONTH = 30 * 24 * 3600

PROCESSING_DISTRIBUTIONS = ("constant", "exponential", "lognormal")
_DELETED, _DEAD_LETTERED, _EXPIRED = 1, 2, 3


@dataclass(frozen=True)
class FleetResult:
    """Outcome of a consumer-fleet run: message totals and queue metrics sampled on ``times_seconds``."""

    messages_sent: int
    deleted: int
    dead_lettered: int
    expired: int
    receives: int
    crashes: int
    processings: int  # completed pieces of work, duplicates included
    duplicate_processings: int  # processings beyond the first for the same message
    messages_processed_more_than_once: int
    end_seconds: float
    times_seconds: np.ndarray
    visible: np.ndarray
    in_flight: np.ndarray
    oldest_message_age_seconds: np.ndarray
    latency_seconds_p50: float  # send to successful delete
    latency_seconds_p99: float

    @property
    def effects_naive(self) -> int:
        """Side effects a consumer that is not idempotent applies: one per processing, duplicates included."""
        return self.processings

    @property
    def effects_idempotent(self) -> int:
        """Side effects an idempotent consumer applies (it skips message ids it has already handled)."""
        return self.processings - self.duplicate_processings


def _processing_times(rng: np.random.Generator, size: int, distribution: str, mean: float, sigma: float) -> list:
    if distribution == "constant":
        return [mean] * size
    if distribution == "exponential":
        return rng.exponential(mean, size).tolist()
    # lognormal with the requested mean: mean = exp(mu + sigma^2 / 2)
    return rng.lognormal(math.log(mean) - sigma**2 / 2, sigma, size).tolist()


def simulate_consumer_fleet(
    messages_per_second: float,
    duration_seconds: float,
    consumers: int,
    *,
    visibility_timeout_seconds: float = 30,
    processing_seconds_mean: float = 1.0,
    processing_distribution: str = "lognormal",
    processing_sigma: float = 0.5,
    crash_probability: float = 0.0,
    restart_seconds: float = 10.0,
    max_receive_count: int | None = None,
    retention_seconds: float = 345_600,
    producers: int = 1,
    sample_points: int = 200,
    seed: int = 0,
) -> FleetResult:
    """Seeded simulation of ``producers`` sending Poisson traffic (total ``messages_per_second``) to ``consumers``.

    A consumer takes the oldest visible message; a crash (probability ``crash_probability`` per receive) drops the
    work part-way and keeps the consumer down ``restart_seconds``; work longer than the visibility timeout lets a
    second consumer receive the message, and the first consumer's delete then fails (its receipt handle is stale).
    Messages whose receive count reached ``max_receive_count`` go to the dead-letter queue when next received.
    Producers stop at ``duration_seconds``; the run continues until every message is settled.
    """
    rate = validate.number(
        "messages_per_second", messages_per_second, minimum=0, exclusive_minimum=True, maximum=1e6, unit="messages/s"
    )
    duration = validate.number(
        "duration_seconds", duration_seconds, minimum=0, exclusive_minimum=True, maximum=1e7, unit="s"
    )
    n_consumers = validate.integer("consumers", consumers, minimum=1, maximum=10_000)
    timeout = validate.number(
        "visibility_timeout_seconds",
        visibility_timeout_seconds,
        minimum=0,
        exclusive_minimum=True,
        maximum=VISIBILITY_TIMEOUT_MAX_SECONDS,
        unit="s",
    )
    mean = validate.number(
        "processing_seconds_mean",
        processing_seconds_mean,
        minimum=0,
        exclusive_minimum=True,
        maximum=VISIBILITY_TIMEOUT_MAX_SECONDS,
        unit="s",
    )
    validate.choice("processing_distribution", processing_distribution, PROCESSING_DISTRIBUTIONS)
    sigma = validate.number("processing_sigma", processing_sigma, minimum=0, maximum=3)
    p_crash = validate.number("crash_probability", crash_probability, minimum=0, maximum=0.99)
    restart = validate.number("restart_seconds", restart_seconds, minimum=0, maximum=86_400, unit="s")
    if max_receive_count is not None:
        max_receive_count = validate.integer(
            "max_receive_count", max_receive_count, minimum=1, maximum=MAX_RECEIVE_COUNT_MAX
        )
    retention = validate.number(
        "retention_seconds", retention_seconds, minimum=RETENTION_MIN_SECONDS, maximum=RETENTION_MAX_SECONDS, unit="s"
    )
    n_producers = validate.integer("producers", producers, minimum=1, maximum=10_000)
    samples = validate.integer("sample_points", sample_points, minimum=2, maximum=100_000)
    expected = rate * duration
    if expected > 5e6:
        raise ValueError(f"messages_per_second * duration_seconds = {expected:g} messages; at most 5e6 per run")

    rng = np.random.default_rng(seed)
    # Each producer sends a Poisson stream; their merge is the queue's arrival stream.
    per_producer = [
        np.cumsum(rng.exponential(n_producers / rate, int(expected / n_producers * 1.2 + 50)))
        for _ in range(n_producers)
    ]
    sent_arr = np.sort(np.concatenate([a[a < duration] for a in per_producer]))
    sent = sent_arr.tolist()
    n = len(sent)

    chunk = max(n, 1024)
    work = _processing_times(rng, chunk, processing_distribution, mean, sigma)
    crash_at = np.where(rng.random(chunk) < p_crash, rng.random(chunk), -1.0).tolist()
    k = 0
    receive_cap = 20 * n + 100_000
    if p_crash == 0 and n and max(work[:n]) <= timeout:
        fast = _first_come_first_served(sent_arr, work[:n], n_consumers, retention)
        if fast is not None:
            return _summarise(*fast, samples, duration)

    retry: list[tuple[float, int]] = []  # messages visible again; fresh arrivals are read from ``sent`` in order
    next_new = 0
    free = [0.0] * n_consumers
    receive_count = [0] * n
    pending_delete = [math.inf] * n  # when a slow consumer's delete lands, if nobody receives the message first
    processed = [0] * n
    final_time = [math.inf] * n
    final_state = [0] * n
    vis_start: list[float] = []
    vis_end: list[float] = []
    fly_start: list[float] = []
    fly_end: list[float] = []
    receives = crashes = 0
    heappop, heappush, heapreplace = heapq.heappop, heapq.heappush, heapq.heapreplace

    while next_new < n or retry:
        if retry and (next_new == n or retry[0][0] < sent[next_new]):
            ready_at, i = heappop(retry)
        else:
            ready_at = sent[next_new]
            i = next_new
            next_new += 1
        start = free[0] if free[0] > ready_at else ready_at
        expires = sent[i] + retention
        settle = None
        if expires <= start and expires <= pending_delete[i]:
            settle, state = expires, _EXPIRED
        elif pending_delete[i] <= start:
            settle, state = pending_delete[i], _DELETED
        elif max_receive_count is not None and receive_count[i] >= max_receive_count:
            settle, state = start, _DEAD_LETTERED
        if settle is not None:
            vis_start.append(ready_at)
            vis_end.append(settle if settle > ready_at else ready_at)
            final_time[i], final_state[i] = settle, state
            continue
        vis_start.append(ready_at)
        vis_end.append(start)
        receives += 1
        if receives > receive_cap:
            raise ValueError(
                f"more than {receive_cap:,} receives for {n:,} messages: messages keep coming back "
                "(work longer than visibility_timeout_seconds, or crashes) and only expire after "
                "retention_seconds; set max_receive_count or a longer visibility timeout"
            )
        receive_count[i] += 1
        if k == len(work):
            work = _processing_times(rng, chunk, processing_distribution, mean, sigma)
            crash_at = np.where(rng.random(chunk) < p_crash, rng.random(chunk), -1.0).tolist()
            k = 0
        seconds, crash_fraction = work[k], crash_at[k]
        k += 1
        fly_start.append(start)
        pending_delete[i] = math.inf
        visible_again = start + timeout
        if crash_fraction >= 0:
            crashes += 1
            fly_end.append(visible_again if visible_again < expires else expires)
            heappush(retry, (visible_again, i))
            heapreplace(free, start + crash_fraction * seconds + restart)
            continue
        done = start + seconds
        processed[i] += 1
        if seconds <= timeout:
            if done <= expires:
                fly_end.append(done)
                final_time[i], final_state[i] = done, _DELETED
            else:  # retention ran out while the message was in flight: the delete finds nothing
                fly_end.append(expires)
                final_time[i], final_state[i] = expires, _EXPIRED
        else:
            fly_end.append(visible_again if visible_again < expires else expires)
            pending_delete[i] = done
            heappush(retry, (visible_again, i))
        heapreplace(free, done)

    return _summarise(
        sent_arr,
        final_time,
        final_state,
        processed,
        vis_start,
        vis_end,
        fly_start,
        fly_end,
        receives,
        crashes,
        samples,
        duration,
    )


def _first_come_first_served(sent_arr: np.ndarray, work: list, consumers: int, retention: float) -> tuple | None:
    """The fleet when every message is received once and deleted: no crashes, all work within the timeout.

    Then the queue is a plain first-come-first-served queue with ``consumers`` servers, and one short loop over
    the free-consumer heap gives every start time; the rest is array arithmetic. Returns None if a message
    would wait past the retention period (the general simulation handles expiry).
    """
    free = [0.0] * consumers
    starts = []
    heapreplace = heapq.heapreplace
    append = starts.append
    for t, seconds in zip(sent_arr.tolist(), work, strict=True):
        first_free = free[0]
        start = first_free if first_free > t else t
        append(start)
        heapreplace(free, start + seconds)
    start_arr = np.asarray(starts)
    if (start_arr - sent_arr).max() >= retention:
        return None
    done = start_arr + np.asarray(work)
    n = len(starts)
    return (
        sent_arr,
        done,
        np.full(n, _DELETED),
        np.ones(n, dtype=np.int64),
        sent_arr,
        start_arr,
        start_arr,
        done,
        n,
        0,
    )


def _summarise(
    sent_arr: np.ndarray,
    final_time: list,
    final_state: list,
    processed: list,
    vis_start: list,
    vis_end: list,
    fly_start: list,
    fly_end: list,
    receives: int,
    crashes: int,
    samples: int,
    duration: float,
) -> FleetResult:
    final = np.asarray(final_time, dtype=float)
    states = np.asarray(final_state, dtype=np.int8)
    work_done = np.asarray(processed, dtype=np.int64)
    end = float(max(final.max(initial=0.0), duration))
    times = np.linspace(0.0, end, samples)

    def occupancy(starts: list, ends: list) -> np.ndarray:
        began = np.searchsorted(np.sort(np.asarray(starts, dtype=float)), times, side="right")
        ended = np.searchsorted(np.sort(np.asarray(ends, dtype=float)), times, side="right")
        return began - ended

    # The oldest unsettled message at t is the first i with final_i > t; a running maximum of final times is
    # non-decreasing, so one searchsorted finds it for every sample.
    if len(final):
        first = np.searchsorted(np.maximum.accumulate(final), times, side="right")
        present = first < len(final)
        safe = np.minimum(first, len(final) - 1)
        alive = present & (sent_arr[safe] <= times)
        oldest = np.where(alive, times - sent_arr[safe], 0.0)
    else:
        oldest = np.zeros_like(times)
    deleted = states == _DELETED
    latency = final[deleted] - sent_arr[deleted]
    return FleetResult(
        messages_sent=len(final),
        deleted=int(deleted.sum()),
        dead_lettered=int((states == _DEAD_LETTERED).sum()),
        expired=int((states == _EXPIRED).sum()),
        receives=receives,
        crashes=crashes,
        processings=int(work_done.sum()),
        duplicate_processings=int(np.maximum(work_done - 1, 0).sum()),
        messages_processed_more_than_once=int((work_done > 1).sum()),
        end_seconds=end,
        times_seconds=times,
        visible=occupancy(vis_start, vis_end),
        in_flight=occupancy(fly_start, fly_end),
        oldest_message_age_seconds=oldest,
        latency_seconds_p50=float(np.percentile(latency, 50)) if len(latency) else 0.0,
        latency_seconds_p99=float(np.percentile(latency, 99)) if len(latency) else 0.0,
    )


def visibility_timeout_sweep(
    timeouts_seconds: list[float],
    messages_per_second: float,
    duration_seconds: float,
    consumers: int,
    **fleet_options: object,
) -> pd.DataFrame:
    """One fleet run per visibility timeout (same seed): duplicates, dead letters and latency, one row each."""
    import pandas as pd

    if not timeouts_seconds:
        raise ValueError("timeouts_seconds must list at least one visibility timeout")
    rows = []
    for timeout in timeouts_seconds:
        result = simulate_consumer_fleet(
            messages_per_second, duration_seconds, consumers, visibility_timeout_seconds=timeout, **fleet_options
        )
        rows.append(
            {
                "visibility_timeout_seconds": float(timeout),
                "duplicate_processings": result.duplicate_processings,
                "dead_lettered": result.dead_lettered,
                "expired": result.expired,
                "receives": result.receives,
                "latency_seconds_p50": result.latency_seconds_p50,
                "latency_seconds_p99": result.latency_seconds_p99,
                "peak_oldest_message_age_seconds": float(result.oldest_message_age_seconds.max()),
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class PollingCost:
    """Receive requests a month for one polling setup, and their list price in USD (us-east-1)."""

    wait_time_seconds: float
    receive_requests_per_month: float
    empty_receives_per_month: float
    empty_fraction: float
    usd_per_month: float


def polling_cost(
    messages_per_second: float,
    pollers: int,
    wait_time_seconds: float,
    *,
    short_poll_interval_seconds: float = 0.05,
    fifo: bool = False,
    usd_per_million_requests: float | None = None,
) -> PollingCost:
    """ReceiveMessage requests a month for ``pollers`` each polling in a loop, with Poisson arrivals.

    Short polling (``wait_time_seconds`` 0) sends a request every ``short_poll_interval_seconds`` (faster if
    messages arrive faster), and every message takes one non-empty receive; long polling
    holds each request until a message arrives or ``wait_time_seconds`` pass. With arrivals split evenly, a
    poller sees rate r = messages_per_second / pollers; a long poll lasts on average (1 - e^(-rW)) / r and is empty
    with probability e^(-rW). One message per receive is assumed (the worst case for request count).
    """
    rate = validate.number("messages_per_second", messages_per_second, minimum=0, maximum=1e7, unit="messages/s")
    n = validate.integer("pollers", pollers, minimum=1, maximum=100_000)
    wait = validate.number(
        "wait_time_seconds", wait_time_seconds, minimum=0, maximum=LONG_POLL_WAIT_MAX_SECONDS, unit="s"
    )
    interval = validate.number(
        "short_poll_interval_seconds", short_poll_interval_seconds, minimum=0.001, maximum=60, unit="s"
    )
    price = (
        (FIFO_USD_PER_MILLION_REQUESTS if fifo else STANDARD_USD_PER_MILLION_REQUESTS)
        if usd_per_million_requests is None
        else validate.number("usd_per_million_requests", usd_per_million_requests, minimum=0, unit="USD")
    )
    r = rate / n
    if wait == 0:
        # Every message costs one non-empty receive; the rest of the fixed-rate polls come back empty.
        requests_per_second = max(1 / interval, r)
        empty_fraction = 1 - r / requests_per_second
    elif r == 0:
        requests_per_second, empty_fraction = 1 / wait, 1.0
    else:
        empty_fraction = math.exp(-r * wait)
        requests_per_second = r / -math.expm1(-r * wait)
    requests = requests_per_second * n * SECONDS_PER_MONTH
    billable = max(requests - FREE_REQUESTS_PER_MONTH, 0.0)
    return PollingCost(wait, requests, requests * empty_fraction, empty_fraction, billable / 1e6 * price)
