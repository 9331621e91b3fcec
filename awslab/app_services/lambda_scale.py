"""Lambda at scale: a traffic spike against concurrency limits, burst scaling, reserved and provisioned concurrency,
throttling, asynchronous retries, and event source mapping batches.

:func:`simulate_spike` steps through time in 100 ms steps. A request needs one execution environment for its
duration. Environments come from provisioned concurrency (already warm) or are created on demand (a cold start), at
most :data:`SCALING_ENVIRONMENTS` per :data:`SCALING_WINDOW_SECONDS` per function (refilled continuously, never
banked), and never more than the function's limit: its reserved concurrency if set, else the account's unreserved
pool. A synchronous request that finds no environment is throttled (HTTP 429, the caller must retry). An asynchronous
event waits in Lambda's internal queue until capacity frees up, and is dropped when older than the maximum event age;
a function error is retried up to MaximumRetryAttempts times (1 minute, then 2 minutes later), and an event that still
fails goes to the on-failure destination. Every request ends served, throttled, failed to the destination, expired,
or still pending: nothing is lost, and concurrency never exceeds the limit (tests check both).

References:
    - AWS Lambda Developer Guide, "Lambda scaling behavior",
      https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Understanding Lambda function scaling",
      https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "How Lambda handles errors and retries with asynchronous invocation",
      https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Configuring error handling settings for Lambda asynchronous invocations",
      https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Lambda parameters for Amazon SQS event source mappings",
      https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Using Lambda with Amazon SQS" and "How Lambda processes records from Kinesis Data
      Streams", https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
      https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Lambda parameters for Amazon Kinesis Data Streams event source mappings"
      (BatchSize default 100, maximum 10,000; ParallelizationFactor default 1, maximum 10),
      https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Lambda parameters for Amazon DynamoDB event source mappings" (BatchSize default
      100, maximum 10,000; ParallelizationFactor default 1, maximum 10),
      https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html (read 2026-12-03)
    - Amazon EventBridge User Guide, "How EventBridge retries delivering events" (by default 24 hours and up to 185
      attempts, exponential back-off with jitter), https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
      (read 2026-12-03)
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.compute import lambda_cost
from awslab.validate import checked

# Lambda scaling behavior, read 2026-12-03: "for each function, your concurrency scaling rate is 1,000 execution
# environment instances every 10 seconds"; Lambda refills it continuously and does not bank unused scaling.
SCALING_ENVIRONMENTS = 1_000
SCALING_WINDOW_SECONDS = 10
ACCOUNT_CONCURRENCY = lambda_cost.DEFAULT_CONCURRENCY_PER_REGION  # 1,000 by default, raised on request
MIN_UNRESERVED = 100  # Lambda keeps at least 100 units unreserved for functions without reserved concurrency
# Asynchronous invocation, read 2026-12-03: function errors are retried twice by default, one minute then two minutes
# later; retry attempts 0-2; maximum event age up to (and by default) 6 hours, at least 60 s.
ASYNC_RETRY_DELAYS_SECONDS = (60, 120)
MAX_ASYNC_RETRIES = 2
MAX_EVENT_AGE_SECONDS = 6 * 3600
MIN_EVENT_AGE_SECONDS = 60
STEP_SECONDS = 0.1
MAX_SIM_SECONDS = 3_600
MAX_DURATION_MS = 900_000  # the 15-minute function timeout
# Event source mappings, read 2026-12-03 (with-sqs.html, with-kinesis.html, with-ddb.html).
ESM_LIMITS = {
    "sqs": {"default_batch": 10, "max_batch": 10_000, "max_batch_fifo": 10, "max_window_seconds": 300},
    "kinesis": {"default_batch": 100, "max_batch": 10_000, "max_window_seconds": 300, "max_parallelization": 10},
    "dynamodb": {"default_batch": 100, "max_batch": 10_000, "max_window_seconds": 300, "max_parallelization": 10},
}


@dataclass(frozen=True)
class SpikeResult:
    """What a traffic profile did to a function: per-second series and the outcome of every request.

    >>> r = simulate_spike([100] * 5, duration_ms=200)
    >>> r.succeeded, r.throttled, r.peak_concurrency
    (500, 0, 20)
    """

    seconds: np.ndarray
    arrivals: np.ndarray  # requests arriving each second
    started: np.ndarray  # invocations started each second (first tries and retries)
    throttled_per_second: np.ndarray
    concurrency: np.ndarray  # peak busy environments within each second
    environments: np.ndarray  # environments existing at the end of each second (warm or busy)
    cold_starts_per_second: np.ndarray
    limit: int
    requests: int
    succeeded: int
    throttled: int  # synchronous requests refused with 429
    failed_to_destination: int  # asynchronous events that failed every attempt
    expired: int  # asynchronous events older than the maximum event age, dropped
    pending: int  # asynchronous events still queued or waiting for a retry when the simulation ends
    retries: int  # asynchronous retries after a function error
    cold_starts: int

    @property
    def peak_concurrency(self) -> int:
        """The most environments busy at once."""
        return int(self.concurrency.max()) if len(self.concurrency) else 0

    @property
    def throttle_rate(self) -> float:
        """Throttled share of the requests (synchronous)."""
        return self.throttled / self.requests if self.requests else 0.0


@checked
def spike_profile(
    baseline_rps: float, peak_rps: float, *, seconds: int = 120, start_second: int = 20, length_seconds: int = 30
) -> np.ndarray:
    """Requests per second: a baseline with a rectangular spike (a launch, a sale, a retry storm).

    >>> spike_profile(10, 1000, seconds=6, start_second=2, length_seconds=2).tolist()
    [10, 10, 1000, 1000, 10, 10]
    """
    validate.number("baseline_rps", baseline_rps, minimum=0, maximum=1e6, unit="requests/s")
    validate.number("peak_rps", peak_rps, minimum=0, maximum=1e6, unit="requests/s")
    validate.integer("seconds", seconds, minimum=1, maximum=MAX_SIM_SECONDS, unit="s")
    validate.integer("start_second", start_second, minimum=0, maximum=seconds, unit="s")
    validate.integer("length_seconds", length_seconds, minimum=0, maximum=MAX_SIM_SECONDS, unit="s")
    profile = np.full(seconds, int(round(baseline_rps)), dtype=np.int64)
    profile[start_second : start_second + length_seconds] = int(round(peak_rps))
    return profile


@checked
def function_limit(
    *, account_limit: int = ACCOUNT_CONCURRENCY, reserved: int | None = None, reserved_by_others: int = 0
) -> int:
    """The most concurrent executions a function can reach: its reserved concurrency, else the unreserved pool.

    >>> function_limit(), function_limit(reserved=50), function_limit(reserved_by_others=300)
    (1000, 50, 700)
    """
    validate.integer("account_limit", account_limit, minimum=MIN_UNRESERVED, maximum=10_000_000)
    validate.integer("reserved_by_others", reserved_by_others, minimum=0, maximum=account_limit - MIN_UNRESERVED)
    if reserved is not None:
        validate.integer("reserved", reserved, minimum=0, maximum=account_limit - MIN_UNRESERVED - reserved_by_others)
        return reserved
    return account_limit - reserved_by_others


@checked
def simulate_spike(  # noqa: C901 - one loop that keeps every request's outcome
    requests_per_second: list | np.ndarray,
    *,
    duration_ms: float = 200,
    account_limit: int = ACCOUNT_CONCURRENCY,
    reserved: int | None = None,
    reserved_by_others: int = 0,
    provisioned: int = 0,
    warm_environments: int = 0,
    invocation: str = "sync",
    error_rate: float = 0.0,
    max_retry_attempts: int = MAX_ASYNC_RETRIES,
    max_event_age_seconds: int = MAX_EVENT_AGE_SECONDS,
    seed: int = 0,
) -> SpikeResult:
    """Play a traffic profile (requests per second) against one function; see the module docstring for the rules.

    >>> r = simulate_spike([0, 20_000, 20_000], duration_ms=1000, reserved=None)
    >>> r.throttled > 0, r.peak_concurrency <= 1000
    (True, True)
    """
    arrivals = np.asarray(requests_per_second)
    if arrivals.ndim != 1 or not 1 <= len(arrivals) <= MAX_SIM_SECONDS:
        raise ValueError(f"requests_per_second must be a list of 1-{MAX_SIM_SECONDS} per-second counts")
    if not np.issubdtype(arrivals.dtype, np.number) or not np.all(np.isfinite(arrivals)) or np.any(arrivals < 0):
        raise ValueError("requests_per_second must hold finite, non-negative numbers")
    if np.any(arrivals > 1_000_000):
        raise ValueError("requests_per_second values must be at most 1,000,000 per second")
    arrivals = np.rint(arrivals).astype(np.int64)
    validate.number("duration_ms", duration_ms, minimum=1, maximum=MAX_DURATION_MS, unit="ms")
    limit = function_limit(account_limit=account_limit, reserved=reserved, reserved_by_others=reserved_by_others)
    validate.integer("provisioned", provisioned, minimum=0, maximum=limit)
    validate.integer("warm_environments", warm_environments, minimum=0, maximum=limit - provisioned)
    validate.choice("invocation", invocation, ("sync", "async"))
    validate.number("error_rate", error_rate, minimum=0, maximum=1)
    validate.integer("max_retry_attempts", max_retry_attempts, minimum=0, maximum=MAX_ASYNC_RETRIES)
    validate.integer(
        "max_event_age_seconds",
        max_event_age_seconds,
        minimum=MIN_EVENT_AGE_SECONDS,
        maximum=MAX_EVENT_AGE_SECONDS,
        unit="s",
    )
    validate.integer("seed", seed, minimum=0, maximum=2**32 - 1)
    rng = np.random.default_rng(seed)

    steps_per_second = round(1 / STEP_SECONDS)
    busy_steps = max(1, math.ceil(duration_ms / 1000 / STEP_SECONDS))
    total_steps = len(arrivals) * steps_per_second
    finishing = np.zeros(total_steps + busy_steps + 1, dtype=np.int64)  # environments freed at each step
    environments = provisioned + warm_environments
    tokens = float(SCALING_ENVIRONMENTS)
    refill = SCALING_ENVIRONMENTS / SCALING_WINDOW_SECONDS * STEP_SECONDS
    busy = 0
    queue: deque = deque()  # async: [arrival_step, count, attempt] waiting for capacity (FIFO)
    retry_at: dict[int, list] = {}  # async: step -> [(arrival_step, count, attempt)] after a function error
    max_age_steps = max_event_age_seconds * steps_per_second
    n = len(arrivals)
    started_s = np.zeros(n, dtype=np.int64)
    throttled_s = np.zeros(n, dtype=np.int64)
    concurrency_s = np.zeros(n, dtype=np.int64)
    environments_s = np.zeros(n, dtype=np.int64)
    cold_s = np.zeros(n, dtype=np.int64)
    succeeded = throttled = failed = expired = retries = 0

    for step in range(total_steps):
        second = step // steps_per_second
        busy -= finishing[step]
        tokens = min(float(SCALING_ENVIRONMENTS), tokens + refill)
        share = arrivals[second] // steps_per_second + (
            1 if step % steps_per_second < arrivals[second] % steps_per_second else 0
        )
        # who wants an environment now: due retries first, then the queue, then new arrivals
        demand: list = []
        demand.extend(retry_at.pop(step, []))
        if invocation == "async":
            while queue and step - queue[0][0] > max_age_steps:
                expired += queue.popleft()[1]
            demand.extend(queue)
            queue.clear()
        if share:
            demand.append([step, int(share), 0])
        free = environments - busy
        can_create = max(0, min(int(tokens), limit - environments))
        for index, entry in enumerate(demand):
            if free <= 0 and can_create <= 0:  # no capacity left this step: the rest waits or is throttled
                if invocation == "async":
                    queue.extend(demand[index:])
                else:
                    refused = sum(int(e[1]) for e in demand[index:])
                    throttled += refused
                    throttled_s[second] += refused
                break
            arrival, count, attempt = entry[0], int(entry[1]), entry[2]
            if invocation == "async" and step - arrival > max_age_steps:
                expired += count
                continue
            warm = min(count, free)
            cold = min(count - warm, can_create)
            go = warm + cold
            free -= warm
            if cold:
                can_create -= cold
                tokens -= cold
                environments += cold
                cold_s[second] += cold
            busy += go
            finishing[step + busy_steps] += go
            started_s[second] += go
            errors = int(rng.binomial(go, error_rate)) if error_rate > 0 and go else 0
            succeeded += go - errors
            if errors:
                if invocation == "async" and attempt < max_retry_attempts:
                    retries += errors
                    due = step + busy_steps + ASYNC_RETRY_DELAYS_SECONDS[attempt] * steps_per_second
                    retry_at.setdefault(due, []).append([arrival, errors, attempt + 1])
                else:
                    failed += errors  # sync: the caller sees the error; async: on-failure destination
            rest = count - go
            if rest:
                if invocation == "sync":
                    throttled += rest
                    throttled_s[second] += rest
                else:
                    queue.append([arrival, rest, attempt])
        concurrency_s[second] = max(concurrency_s[second], busy)
        environments_s[second] = environments

    while queue and total_steps - queue[0][0] > max_age_steps:
        expired += queue.popleft()[1]
    pending = sum(entry[1] for entry in queue) + sum(e[1] for entries in retry_at.values() for e in entries)
    return SpikeResult(
        seconds=np.arange(n),
        arrivals=arrivals,
        started=started_s,
        throttled_per_second=throttled_s,
        concurrency=concurrency_s,
        environments=environments_s,
        cold_starts_per_second=cold_s,
        limit=limit,
        requests=int(arrivals.sum()),
        succeeded=int(succeeded),
        throttled=int(throttled),
        failed_to_destination=int(failed),
        expired=int(expired),
        pending=int(pending),
        retries=int(retries),
        cold_starts=int(cold_s.sum()),
    )


@checked
def spike_cost_usd(result: SpikeResult, *, duration_ms: float, memory_mb: int = 512) -> float:
    """On-demand compute cost of the invocations a simulation started (compute's Lambda prices, no free tier).

    >>> round(spike_cost_usd(simulate_spike([100] * 10), duration_ms=200), 6)
    0.001867
    """
    bill = lambda_cost.lambda_monthly_cost(int(result.started.sum()), duration_ms, memory_mb, free_tier=False)
    return bill.total_usd


@dataclass(frozen=True)
class PollingPlan:
    """How an event source mapping turns records into invocations.

    >>> sqs_batches(1000, batch_size=10, records_per_second=200).invocations
    100
    """

    source: str
    batch_size: int
    invocations: int
    seconds_to_fill_batch: float  # how long a batch takes to fill at the given rate
    invoke_after_seconds: float  # when the first batch goes: full, or when the batching window closes
    concurrent_invocations: int


@checked
def sqs_batches(
    messages: int,
    *,
    batch_size: int = 10,
    batching_window_seconds: float = 0,
    records_per_second: float = 1.0,
    fifo: bool = False,
) -> PollingPlan:
    """SQS event source mapping: batch size (1-10,000; 1-10 for FIFO; over 10 needs a batching window of >= 1 s).

    >>> sqs_batches(25, batch_size=10, batching_window_seconds=5, records_per_second=1).invoke_after_seconds
    5.0
    """
    limits = ESM_LIMITS["sqs"]
    validate.integer("messages", messages, minimum=0, maximum=10**9)
    validate.integer("batch_size", batch_size, minimum=1, maximum=limits["max_batch_fifo" if fifo else "max_batch"])
    validate.number(
        "batching_window_seconds", batching_window_seconds, minimum=0, maximum=limits["max_window_seconds"], unit="s"
    )
    if fifo and batching_window_seconds:
        raise ValueError(
            f"batching_window_seconds={batching_window_seconds}: FIFO queues do not support a batching window"
        )
    if batch_size > 10 and batching_window_seconds < 1:
        raise ValueError(f"batch_size={batch_size} over 10 needs batching_window_seconds of at least 1 s")
    validate.number("records_per_second", records_per_second, minimum=1e-6, maximum=1e7, exclusive_minimum=False)
    fill = batch_size / records_per_second
    after = float(min(fill, batching_window_seconds)) if batching_window_seconds else 0.0
    return PollingPlan(
        "sqs",
        batch_size,
        math.ceil(messages / batch_size),
        round(fill, 6),
        round(after, 6),
        math.ceil(messages / batch_size),
    )


@checked
def stream_batches(
    records: int,
    *,
    shards: int,
    batch_size: int = 100,
    parallelization_factor: int = 1,
    batching_window_seconds: float = 0,
    records_per_second: float = 1.0,
    source: str = "kinesis",
) -> PollingPlan:
    """Kinesis / DynamoDB Streams mapping: at most shards x ParallelizationFactor (1-10) batches run at once.

    >>> stream_batches(10_000, shards=4, batch_size=100, parallelization_factor=2).concurrent_invocations
    8
    """
    validate.choice("source", source, ("kinesis", "dynamodb"))
    limits = ESM_LIMITS[source]
    validate.integer("records", records, minimum=0, maximum=10**9)
    validate.integer("shards", shards, minimum=1, maximum=100_000)
    validate.integer("batch_size", batch_size, minimum=1, maximum=limits["max_batch"])
    validate.integer("parallelization_factor", parallelization_factor, minimum=1, maximum=limits["max_parallelization"])
    validate.number(
        "batching_window_seconds", batching_window_seconds, minimum=0, maximum=limits["max_window_seconds"], unit="s"
    )
    validate.number("records_per_second", records_per_second, minimum=1e-6, maximum=1e7)
    fill = batch_size / records_per_second
    after = float(min(fill, batching_window_seconds)) if batching_window_seconds else 0.0
    batches = math.ceil(records / batch_size)
    return PollingPlan(
        source, batch_size, batches, round(fill, 6), round(after, 6), min(batches, shards * parallelization_factor)
    )
