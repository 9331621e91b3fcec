"""How fast DNS failover moves traffic: health checkers noticing a failure, then resolver caches expiring.

At t = 0 an endpoint fails. Each health checker probes on its own phase every ``request_interval`` seconds and calls
the endpoint unhealthy after ``failure_threshold`` consecutive failures. Route 53 marks the endpoint unhealthy once
18% or fewer of the checkers still report it healthy. From then on Route 53 answers with another record, but each
resolver keeps serving its cached answer until its TTL runs out.

References:
    - Amazon Route 53 Developer Guide, "Values that you specify when you create or update health checks",
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html (read 2026-11-27)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.networking.route53 import HEALTHY_CHECKER_FRACTION, detection_seconds, failover_seconds
from awslab.validate import checked

# AWS does not publish how many checkers probe an endpoint. Route 53 API Reference, HealthCheckRegion (read
# 2026-11-27), lists eight checker Regions, all used by default. Modelled: 16 checkers (two per Region), an
# assumption a learner may change.
DEFAULT_CHECKERS = 16


@dataclass(frozen=True)
class FailoverTimeline:
    """Share of traffic still sent to the failed endpoint over time, with the key moments in seconds.

    >>> failover_timeline(30, 3, 60).worst_case_seconds
    150
    """

    times_seconds: list[float]
    share_on_failed: list[float]
    checker_detection_seconds: tuple[float, ...]
    detection_seconds: float
    all_moved_seconds: float
    worst_case_seconds: int
    ttl_seconds: int


@checked
def checker_detection_times(
    request_interval: int, failure_threshold: int, *, checkers: int = DEFAULT_CHECKERS, seed: int = 0
) -> np.ndarray:
    """Seconds after the failure at which each checker reports the endpoint unhealthy (random probe phases).

    >>> checker_detection_times(30, 3, checkers=4, seed=0).round(1).tolist()
    [79.1, 68.1, 61.2, 60.5]
    """
    detection_seconds(request_interval, failure_threshold)
    n = validate.integer("checkers", checkers, minimum=1, maximum=10_000)
    rng = np.random.default_rng(seed)
    # The first probe after the failure lands uniformly within one interval; the threshold-th failure follows.
    first_failed_probe = rng.uniform(0.0, request_interval, size=n)
    return first_failed_probe + (failure_threshold - 1) * request_interval


@checked
def endpoint_detection_seconds(checker_times: np.ndarray) -> float:
    """When Route 53 calls the endpoint unhealthy: once no more than 18% of checkers still say healthy.

    >>> round(endpoint_detection_seconds(checker_detection_times(30, 3, seed=0)), 1)
    85.7
    """
    ordered = np.sort(np.asarray(checker_times, dtype=float))
    n = ordered.size
    if n == 0:
        raise ValueError("checker_times must hold at least one checker's time")
    still_healthy_allowed = math.floor(HEALTHY_CHECKER_FRACTION * n)
    return float(ordered[n - still_healthy_allowed - 1])


@checked
def failover_timeline(
    request_interval: int = 30,
    failure_threshold: int = 3,
    ttl: int = 60,
    *,
    checkers: int = DEFAULT_CHECKERS,
    resolvers: int = 1000,
    initial_share: float = 1.0,
    step_seconds: float = 1.0,
    seed: int = 0,
) -> FailoverTimeline:
    """Simulate traffic draining from a failed endpoint: detection by the checkers, then TTL expiry per resolver.

    ``initial_share`` is the fraction of traffic the endpoint had (1.0 for a failover primary, its weighted share
    for a weighted record). Each resolver's cached answer expires at a uniformly random moment within one TTL.

    >>> round(failover_timeline(30, 3, 60, seed=0).all_moved_seconds, 1)
    140.4
    """
    worst = failover_seconds(request_interval, failure_threshold, ttl)
    count = validate.integer("resolvers", resolvers, minimum=1, maximum=1_000_000)
    share0 = validate.number("initial_share", initial_share, minimum=0, maximum=1)
    step = validate.number("step_seconds", step_seconds, minimum=0.01, maximum=3600, unit="s")
    rng = np.random.default_rng(seed)
    checker_times = checker_detection_times(
        request_interval, failure_threshold, checkers=checkers, seed=int(rng.integers(2**31))
    )
    detected = endpoint_detection_seconds(checker_times)
    moved_at = np.sort(detected + rng.uniform(0.0, ttl, size=count)) if ttl > 0 else np.full(count, detected)
    times = np.arange(0.0, worst + step, step)
    still = 1.0 - np.searchsorted(moved_at, times, side="right") / count
    return FailoverTimeline(
        times_seconds=[round(float(t), 6) for t in times],
        share_on_failed=[round(float(share0 * s), 6) for s in still],
        checker_detection_seconds=tuple(round(float(t), 6) for t in np.sort(checker_times)),
        detection_seconds=round(detected, 6),
        all_moved_seconds=round(float(moved_at[-1]), 6),
        worst_case_seconds=worst,
        ttl_seconds=ttl,
    )
