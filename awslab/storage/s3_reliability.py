"""Consistency, durability and availability of S3, as numbers a learner can check.

- Consistency: a write lands on one replica and spreads to the others after random delays. Under the eventual model S3
  had until December 2020, a read that reaches a replica the write has not reached yet returns the old object. Today S3
  is strongly consistent for PUT, overwrite and DELETE: every read after a successful write sees it.
- Durability: each object survives a year with probability ``durability``; losses over years follow a binomial law.

References:
    - Amazon S3 User Guide, "What is Amazon S3?" (Amazon S3 data consistency model),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel (read 2026-11-27)
    - Amazon S3 User Guide, "Understanding and managing Amazon S3 storage classes" (durability),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

# Strong read-after-write consistency for all S3 GET, PUT and LIST operations since 2020-12-01.
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel (read 2026-11-27)
CONSISTENCY_MODELS = ("eventual", "strong")


@dataclass(frozen=True)
class StaleReadCurve:
    """Fraction of reads returning the old version, at each delay after the write completed (milliseconds).

    >>> c = stale_read_curve("strong")
    >>> max(c.stale_fraction)
    0.0
    """

    model: str
    delays_ms: list[float]
    stale_fraction: list[float]
    expected_stale_window_ms: float


@checked
def stale_read_curve(
    model: str = "eventual",
    replicas: int = 3,
    mean_propagation_ms: float = 200.0,
    max_delay_ms: float = 1000.0,
    points: int = 41,
    writes: int = 20_000,
    seed: int = 0,
) -> StaleReadCurve:
    """Simulate ``writes`` writes and the chance that a read ``t`` ms later hits a replica that has not caught up.

    The write is acknowledged by one replica; every other replica receives it after an exponential delay with mean
    ``mean_propagation_ms``; a read goes to a replica chosen uniformly. Under ``strong`` consistency S3 serves every
    read after the acknowledged write from the new version, so the curve is zero.

    >>> c = stale_read_curve("eventual", writes=2000, seed=0)
    >>> round(float(c.stale_fraction[0]), 2)
    0.67
    """
    validate.choice("model", model, CONSISTENCY_MODELS)
    replicas = validate.integer("replicas", replicas, minimum=1, maximum=20)
    mean = validate.number("mean_propagation_ms", mean_propagation_ms, minimum=0, maximum=60_000, unit="ms")
    horizon = validate.number("max_delay_ms", max_delay_ms, minimum=0, exclusive_minimum=True, unit="ms")
    points = validate.integer("points", points, minimum=2, maximum=1000)
    writes = validate.integer("writes", writes, minimum=1, maximum=10**6)
    delays = np.linspace(0.0, horizon, points)
    if model == "strong" or replicas == 1 or mean == 0:
        stale = np.zeros(points)
        window = 0.0
    else:
        rng = np.random.default_rng(seed)
        arrival = rng.exponential(mean, size=(writes, replicas - 1))  # the acknowledging replica has it at t=0
        # P(stale at t) = P(read hits a lagging replica) = mean over writes of (#replicas not yet updated) / replicas
        lagging = (arrival[:, :, None] > delays[None, None, :]).sum(axis=1)
        stale = lagging.mean(axis=0) / replicas
        window = float(arrival.max(axis=1).mean())
    return StaleReadCurve(
        model=model,
        delays_ms=[round(float(d), 6) for d in delays],
        stale_fraction=[round(float(s), 6) for s in stale],
        expected_stale_window_ms=round(window, 6),
    )


@checked
def stale_read_probability_closed_form(delay_ms: float, replicas: int, mean_propagation_ms: float) -> float:
    """Exact chance a read ``delay_ms`` after the write is stale under the eventual model: (r-1)/r * exp(-t/mean).

    >>> round(stale_read_probability_closed_form(100, 3, 200), 4)
    0.4044
    """
    replicas = validate.integer("replicas", replicas, minimum=1, maximum=20)
    delay = validate.number("delay_ms", delay_ms, minimum=0, unit="ms")
    mean = validate.number("mean_propagation_ms", mean_propagation_ms, minimum=0, exclusive_minimum=True, unit="ms")
    return (replicas - 1) / replicas * float(np.exp(-delay / mean))


@checked
def expected_objects_lost(object_count: float, years: float, durability: float = 0.99999999999) -> float:
    """Expected number of objects lost after ``years`` when each survives a year with probability ``durability``.

    >>> round(expected_objects_lost(10_000_000, 10_000), 3)
    1.0
    """
    count = validate.number("object_count", object_count, minimum=0, maximum=1e15)
    years = validate.number("years", years, minimum=0, maximum=1e6, unit="years")
    durability = validate.number("durability", durability, minimum=0, maximum=1)
    return float(count * _lost_fraction(years, durability))


def _lost_fraction(years: float, durability: float) -> float:
    """1 - durability**years, computed without cancellation for durabilities near 1."""
    if durability == 0:
        return 1.0 if years > 0 else 0.0
    return float(-np.expm1(years * np.log(durability)))


@checked
def simulate_object_losses(
    object_count: int, years: int, durability: float = 0.99999999999, trials: int = 10_000, seed: int = 0
) -> np.ndarray:
    """Seeded Monte Carlo: objects lost after ``years`` in each of ``trials`` independent worlds (an int array).

    >>> simulate_object_losses(10_000_000, 10_000, trials=5, seed=0).tolist()
    [1, 0, 0, 0, 2]
    """
    count = validate.integer("object_count", object_count, minimum=0, maximum=10**15)
    years = validate.integer("years", years, minimum=0, maximum=10_000, unit="years")
    durability = validate.number("durability", durability, minimum=0, maximum=1)
    trials = validate.integer("trials", trials, minimum=1, maximum=10**7)
    rng = np.random.default_rng(seed)
    p_lost = _lost_fraction(years, durability)
    return rng.binomial(count, p_lost, size=trials)


@checked
def years_per_lost_object(object_count: float, durability: float = 0.99999999999) -> float:
    """On average, how many years pass between losses of one object among ``object_count`` stored.

    >>> round(years_per_lost_object(10_000_000))
    10000
    """
    count = validate.number("object_count", object_count, minimum=0, exclusive_minimum=True, maximum=1e15)
    lost_per_year = expected_objects_lost(count, 1.0, durability)
    return float("inf") if lost_per_year == 0 else 1.0 / lost_per_year
