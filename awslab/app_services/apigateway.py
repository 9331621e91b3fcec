"""API Gateway throttling as a token bucket: steady rate (rateLimit) plus burst capacity (burstLimit).

A request takes one token; tokens refill at ``rate_limit`` per second up to ``burst_limit``; a request that finds
the bucket empty gets HTTP 429 Too Many Requests.

References:
    - Amazon API Gateway Developer Guide, "Amazon API Gateway quotas",
      https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (read 2026-11-27)
    - Amazon API Gateway Developer Guide, "Throttle requests to your REST APIs for better throughput in API Gateway",
      https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

# Account-level throttle per Region (most Regions, us-east-1 among them; some newer Regions get 2,500 / 1,250):
# API Gateway Developer Guide, "Amazon API Gateway quotas" and "Throttle requests to your REST APIs", read 2026-11-27.
ACCOUNT_RATE_LIMIT_PER_SECOND = 10_000
ACCOUNT_BURST_LIMIT = 5_000
MAX_REQUESTS_PER_RUN = 2_000_000


@dataclass(frozen=True)
class ThrottleResult:
    """Which requests passed, and per-second counts for drawing.

    >>> r = token_bucket([0.0, 0.0, 0.0, 0.5], rate_limit=2, burst_limit=2)
    >>> r.accepted.tolist()
    [True, True, False, True]
    """

    arrival_seconds: np.ndarray
    accepted: np.ndarray  # bool per request
    tokens_after: np.ndarray  # tokens left just after each request was decided
    second_starts: np.ndarray
    offered_per_second: np.ndarray
    accepted_per_second: np.ndarray
    throttled_per_second: np.ndarray

    @property
    def throttled(self) -> int:
        """Requests answered 429."""
        return int((~self.accepted).sum())


@checked
def token_bucket(arrival_seconds: np.ndarray | list[float], rate_limit: float, burst_limit: int) -> ThrottleResult:
    """Decide each request (arrival times in s, any order) against a bucket that starts full.

    >>> token_bucket([0.0, 0.0, 0.0], rate_limit=1, burst_limit=2).accepted.tolist()
    [True, True, False]
    """
    rate = validate.number("rate_limit", rate_limit, minimum=0, maximum=1e7, unit="requests/s")
    burst = validate.integer("burst_limit", burst_limit, minimum=0, maximum=10_000_000, unit="requests")
    times = np.sort(np.asarray(arrival_seconds, dtype=float))
    if times.size > MAX_REQUESTS_PER_RUN:
        raise ValueError(f"arrival_seconds has {times.size} requests; at most {MAX_REQUESTS_PER_RUN} per run")
    if times.size and (not np.isfinite(times).all() or times[0] < 0):
        raise ValueError("arrival_seconds must be finite times >= 0 s")
    accepted = np.zeros(times.size, dtype=bool)
    left = np.zeros(times.size)
    tokens, last = float(burst), 0.0
    for index, t in enumerate(times.tolist()):
        tokens = min(float(burst), tokens + (t - last) * rate)
        last = t
        if tokens >= 1.0:
            tokens -= 1.0
            accepted[index] = True
        left[index] = tokens
    seconds = int(np.ceil(times[-1])) + 1 if times.size else 1
    bins = np.arange(seconds + 1, dtype=float)
    offered = np.histogram(times, bins)[0]
    passed = np.histogram(times[accepted], bins)[0]
    return ThrottleResult(times, accepted, left, bins[:-1], offered, passed, offered - passed)


@checked
def simulate_traffic(
    base_requests_per_second: float,
    duration_seconds: float,
    *,
    rate_limit: float,
    burst_limit: int,
    spike_requests_per_second: float = 0.0,
    spike_start_seconds: float = 0.0,
    spike_duration_seconds: float = 0.0,
    seed: int = 0,
) -> ThrottleResult:
    """Poisson traffic at a base rate plus an optional spike, through the token bucket (seeded).

    >>> r = simulate_traffic(20, 10, rate_limit=50, burst_limit=100, spike_requests_per_second=300, spike_start_seconds=2, spike_duration_seconds=3, seed=1)
    >>> int(r.throttled_per_second.sum()) > 0
    True
    """
    base = validate.number(
        "base_requests_per_second", base_requests_per_second, minimum=0, maximum=1e6, unit="requests/s"
    )
    duration = validate.number(
        "duration_seconds", duration_seconds, minimum=0, exclusive_minimum=True, maximum=86_400, unit="s"
    )
    spike = validate.number(
        "spike_requests_per_second", spike_requests_per_second, minimum=0, maximum=1e6, unit="requests/s"
    )
    spike_start = validate.number("spike_start_seconds", spike_start_seconds, minimum=0, maximum=duration, unit="s")
    spike_length = validate.number(
        "spike_duration_seconds", spike_duration_seconds, minimum=0, maximum=duration - spike_start, unit="s"
    )
    expected = base * duration + spike * spike_length
    if expected > MAX_REQUESTS_PER_RUN:
        raise ValueError(f"the traffic adds up to about {expected:g} requests; at most {MAX_REQUESTS_PER_RUN} per run")
    rng = np.random.default_rng(seed)
    base_times = rng.uniform(0, duration, rng.poisson(base * duration))
    spike_times = rng.uniform(spike_start, spike_start + spike_length, rng.poisson(spike * spike_length))
    return token_bucket(np.concatenate([base_times, spike_times]), rate_limit, burst_limit)
