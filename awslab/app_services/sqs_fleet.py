"""Consumer fleets on an SQS standard queue, and what polling costs.

``simulate_consumer_fleet`` is an event simulation of producers and consumers around one queue: each consumer
receives one message at a time, works on it for a random time, and deletes it, unless it crashes first or its work
outlasts the visibility timeout, in which case the message becomes visible again and may be processed twice.
``polling_cost`` compares short and long polling by the number of (billable) empty receives.

References:
    - Amazon SQS pricing (us-east-1 list prices),
      https://aws.amazon.com/sqs/pricing/ (read 2026-11-27)
    - Amazon SQS Developer Guide, "Amazon SQS standard queue quotas" (long-poll wait up to 20 s),
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html (read 2026-12-03)
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
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
from awslab.validate import checked

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
    """Outcome of a consumer-fleet run: message totals and queue metrics sampled on ``times_seconds``.

    >>> r = simulate_consumer_fleet(5, 60, 3, seed=1)
    >>> (r.messages_sent, r.deleted, r.effects_idempotent)
    (301, 301, 301)
    """

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


@dataclass(frozen=True)
class FleetSettings:
    """The validated knobs of one consumer-fleet run (see :func:`simulate_consumer_fleet` for each one's meaning).

    >>> FleetSettings.checked(5, 60, 2).visibility_timeout_seconds
    30.0
    """

    messages_per_second: float
    duration_seconds: float
    consumers: int
    visibility_timeout_seconds: float = 30.0
    processing_seconds_mean: float = 1.0
    processing_distribution: str = "lognormal"
    processing_sigma: float = 0.5
    crash_probability: float = 0.0
    restart_seconds: float = 10.0
    max_receive_count: int | None = None
    retention_seconds: float = 345_600.0
    producers: int = 1
    sample_points: int = 200

    @classmethod
    def checked(
        cls,
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
    ) -> FleetSettings:
        """The settings after every boundary check (ValueError naming the parameter, the value and the range)."""
        rate = validate.number(
            "messages_per_second",
            messages_per_second,
            minimum=0,
            exclusive_minimum=True,
            maximum=1e6,
            unit="messages/s",
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
            "retention_seconds",
            retention_seconds,
            minimum=RETENTION_MIN_SECONDS,
            maximum=RETENTION_MAX_SECONDS,
            unit="s",
        )
        n_producers = validate.integer("producers", producers, minimum=1, maximum=10_000)
        samples = validate.integer("sample_points", sample_points, minimum=2, maximum=100_000)
        expected = rate * duration
        if expected > 5e6:
            raise ValueError(f"messages_per_second * duration_seconds = {expected:g} messages; at most 5e6 per run")
        return cls(
            rate,
            duration,
            n_consumers,
            visibility_timeout_seconds=timeout,
            processing_seconds_mean=mean,
            processing_distribution=processing_distribution,
            processing_sigma=sigma,
            crash_probability=p_crash,
            restart_seconds=restart,
            max_receive_count=max_receive_count,
            retention_seconds=retention,
            producers=n_producers,
            sample_points=samples,
        )


@dataclass(frozen=True)
class FleetHistory:
    """What happened to each message, before it is summarised: settle times and states, work done, the intervals
    each message spent visible and in flight, and the receive and crash counts.

    >>> history = _first_come_first_served(np.array([0.0, 1.0]), [0.5, 0.5], 1, 60.0)
    >>> history.receives, history.final_seconds.tolist()
    (2, [0.5, 1.5])
    """

    sent_seconds: np.ndarray
    final_seconds: Sequence[float]
    final_state: Sequence[int]
    processed: Sequence[int]
    visible_start: Sequence[float]
    visible_end: Sequence[float]
    in_flight_start: Sequence[float]
    in_flight_end: Sequence[float]
    receives: int
    crashes: int


class ConsumerFleet:
    """The event simulation's state: the queue (fresh arrivals in order, a heap of messages visible again), the
    consumers' free times (a heap), and per message its receive count, pending delete and final state.

    >>> settings = FleetSettings.checked(1, 60, 50, processing_distribution="constant", processing_seconds_mean=10,
    ...                                  visibility_timeout_seconds=4, max_receive_count=3)
    >>> fleet = ConsumerFleet(settings, np.array([0.0]), np.random.default_rng(0))
    >>> history = fleet.run()
    >>> history.receives, history.processed, history.final_state  # received 3 times, then dead-lettered
    (3, [3], [2])
    """

    def __init__(self, settings: FleetSettings, sent_seconds: np.ndarray, rng: np.random.Generator) -> None:
        self.settings = settings
        self.rng = rng
        self.sent_arr = sent_seconds
        self.sent = sent_seconds.tolist()
        n = len(self.sent)
        self.chunk = max(n, 1024)
        self.work: list = []
        self.crash_at: list = []
        self.k = 0
        self.draw()
        self.retry: list[tuple[float, int]] = []  # visible again; fresh arrivals are read from ``sent`` in order
        self.next_new = 0
        self.free = [0.0] * settings.consumers
        self.receive_count = [0] * n
        self.pending_delete = [math.inf] * n  # when a slow consumer's delete lands, unless someone receives first
        self.processed = [0] * n
        self.final_time = [math.inf] * n
        self.final_state = [0] * n
        self.vis_start: list[float] = []
        self.vis_end: list[float] = []
        self.fly_start: list[float] = []
        self.fly_end: list[float] = []
        self.receives = 0
        self.crashes = 0

    def draw(self) -> None:
        """The next chunk of processing times and crash points (a crash point < 0 means no crash)."""
        s = self.settings
        self.work = _processing_times(
            self.rng, self.chunk, s.processing_distribution, s.processing_seconds_mean, s.processing_sigma
        )
        self.crash_at = np.where(
            self.rng.random(self.chunk) < s.crash_probability, self.rng.random(self.chunk), -1.0
        ).tolist()
        self.k = 0

    def all_within_timeout(self) -> bool:
        """True when no consumer crashes and every message's first piece of work ends within the timeout."""
        n = len(self.sent)
        return (
            self.settings.crash_probability == 0
            and n > 0
            and max(self.work[:n]) <= self.settings.visibility_timeout_seconds
        )

    def next_message(self) -> tuple[float, int]:
        """The message a free consumer gets next: the earliest of the retry heap and the next fresh arrival."""
        retry = self.retry
        if retry and (self.next_new == len(self.sent) or retry[0][0] < self.sent[self.next_new]):
            return heapq.heappop(retry)
        i = self.next_new
        self.next_new += 1
        return self.sent[i], i

    def settled_before_receive(self, i: int, ready_at: float, start: float) -> bool:
        """Settle message ``i`` if it expired, its late delete landed, or it goes to the dead-letter queue."""
        expires = self.sent[i] + self.settings.retention_seconds
        pending = self.pending_delete[i]
        limit = self.settings.max_receive_count
        if expires <= start and expires <= pending:
            settle, state = expires, _EXPIRED
        elif pending <= start:
            settle, state = pending, _DELETED
        elif limit is not None and self.receive_count[i] >= limit:
            settle, state = start, _DEAD_LETTERED
        else:
            return False
        self.vis_start.append(ready_at)
        self.vis_end.append(settle if settle > ready_at else ready_at)
        self.final_time[i], self.final_state[i] = settle, state
        return True

    def receive(self, i: int, ready_at: float, start: float) -> None:
        """A consumer receives message ``i`` at ``start`` and works on it (or crashes part-way)."""
        self.vis_start.append(ready_at)
        self.vis_end.append(start)
        self.receives += 1
        n = len(self.sent)
        receive_cap = 20 * n + 100_000
        if self.receives > receive_cap:
            raise ValueError(
                f"more than {receive_cap:,} receives for {n:,} messages: messages keep coming back "
                "(work longer than visibility_timeout_seconds, or crashes) and only expire after "
                "retention_seconds; set max_receive_count or a longer visibility timeout"
            )
        self.receive_count[i] += 1
        if self.k == len(self.work):
            self.draw()
        seconds, crash_fraction = self.work[self.k], self.crash_at[self.k]
        self.k += 1
        self.fly_start.append(start)
        self.pending_delete[i] = math.inf
        timeout = self.settings.visibility_timeout_seconds
        expires = self.sent[i] + self.settings.retention_seconds
        visible_again = start + timeout
        if crash_fraction >= 0:
            self.crashes += 1
            self.fly_end.append(visible_again if visible_again < expires else expires)
            heapq.heappush(self.retry, (visible_again, i))
            heapq.heapreplace(self.free, start + crash_fraction * seconds + self.settings.restart_seconds)
            return
        done = start + seconds
        self.processed[i] += 1
        if seconds <= timeout:
            if done <= expires:
                self.fly_end.append(done)
                self.final_time[i], self.final_state[i] = done, _DELETED
            else:  # retention ran out while the message was in flight: the delete finds nothing
                self.fly_end.append(expires)
                self.final_time[i], self.final_state[i] = expires, _EXPIRED
        else:
            self.fly_end.append(visible_again if visible_again < expires else expires)
            self.pending_delete[i] = done
            heapq.heappush(self.retry, (visible_again, i))
        heapq.heapreplace(self.free, done)

    def run(self) -> FleetHistory:
        """Hand messages to free consumers until every message is settled."""
        n = len(self.sent)
        while self.next_new < n or self.retry:
            ready_at, i = self.next_message()
            first_free = self.free[0]
            start = first_free if first_free > ready_at else ready_at
            if not self.settled_before_receive(i, ready_at, start):
                self.receive(i, ready_at, start)
        return FleetHistory(
            self.sent_arr,
            self.final_time,
            self.final_state,
            self.processed,
            self.vis_start,
            self.vis_end,
            self.fly_start,
            self.fly_end,
            self.receives,
            self.crashes,
        )


@checked
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

    >>> result = simulate_consumer_fleet(20, 60, 10, crash_probability=0.05, max_receive_count=3, seed=1)
    >>> result.messages_sent, result.deleted, result.crashes, result.duplicate_processings
    (1176, 1176, 71, 0)
    """
    settings = FleetSettings.checked(
        messages_per_second,
        duration_seconds,
        consumers,
        visibility_timeout_seconds=visibility_timeout_seconds,
        processing_seconds_mean=processing_seconds_mean,
        processing_distribution=processing_distribution,
        processing_sigma=processing_sigma,
        crash_probability=crash_probability,
        restart_seconds=restart_seconds,
        max_receive_count=max_receive_count,
        retention_seconds=retention_seconds,
        producers=producers,
        sample_points=sample_points,
    )
    rng = np.random.default_rng(seed)
    fleet = ConsumerFleet(settings, _arrivals(rng, settings), rng)
    history = None
    if fleet.all_within_timeout():
        history = _first_come_first_served(
            fleet.sent_arr, fleet.work[: len(fleet.sent)], settings.consumers, settings.retention_seconds
        )
    return _summarise(history or fleet.run(), settings.sample_points, settings.duration_seconds)


def _arrivals(rng: np.random.Generator, settings: FleetSettings) -> np.ndarray:
    """Each producer sends a Poisson stream; their merge, sorted, is the queue's arrival stream."""
    n_producers, rate, duration = settings.producers, settings.messages_per_second, settings.duration_seconds
    expected = rate * duration
    per_producer = [
        np.cumsum(rng.exponential(n_producers / rate, int(expected / n_producers * 1.2 + 50)))
        for _ in range(n_producers)
    ]
    return np.sort(np.concatenate([a[a < duration] for a in per_producer]))


def _first_come_first_served(sent_arr: np.ndarray, work: list, consumers: int, retention: float) -> FleetHistory | None:
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
    return FleetHistory(
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


def _summarise(history: FleetHistory, samples: int, duration: float) -> FleetResult:
    sent_arr = history.sent_seconds
    final = np.asarray(history.final_seconds, dtype=float)
    states = np.asarray(history.final_state, dtype=np.int8)
    work_done = np.asarray(history.processed, dtype=np.int64)
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
        receives=history.receives,
        crashes=history.crashes,
        processings=int(work_done.sum()),
        duplicate_processings=int(np.maximum(work_done - 1, 0).sum()),
        messages_processed_more_than_once=int((work_done > 1).sum()),
        end_seconds=end,
        times_seconds=times,
        visible=occupancy(history.visible_start, history.visible_end),
        in_flight=occupancy(history.in_flight_start, history.in_flight_end),
        oldest_message_age_seconds=oldest,
        latency_seconds_p50=float(np.percentile(latency, 50)) if len(latency) else 0.0,
        latency_seconds_p99=float(np.percentile(latency, 99)) if len(latency) else 0.0,
    )


@checked
def visibility_timeout_sweep(
    timeouts_seconds: list[float],
    messages_per_second: float,
    duration_seconds: float,
    *,
    consumers: int,
    **fleet_options: object,
) -> pd.DataFrame:
    """One fleet run per visibility timeout (same seed): duplicates, dead letters and latency, one row each.

    >>> visibility_timeout_sweep([1, 30], 5, 60, consumers=5, processing_seconds_mean=2, max_receive_count=5, seed=1)["duplicate_processings"].tolist()
    [10, 0]
    """
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
    """Receive requests a month for one polling setup, and their list price in USD (us-east-1).

    >>> round(polling_cost(1, 1, 20).empty_fraction, 9)
    2e-09
    """

    wait_time_seconds: float
    receive_requests_per_month: float
    empty_receives_per_month: float
    empty_fraction: float
    usd_per_month: float


@checked
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

    >>> round(polling_cost(0, 10, 20).usd_per_month, 4)
    0.1184
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
