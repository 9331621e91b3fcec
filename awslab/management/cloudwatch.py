"""CloudWatch: statistics over periods, metric retention, and alarm evaluation (M out of N, missing data).

Alarm evaluation follows "How alarm state is evaluated when data is missing" in the CloudWatch User Guide,
https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
(section "Configuring how CloudWatch alarms treat missing data", read 2026-11-27):

* at each evaluation CloudWatch retrieves an *evaluation range* longer than Evaluation Periods (the page's
  example: 5 datapoints for an alarm with Evaluation Periods 3; this model uses N + 2);
* if the range holds at least N real datapoints, the most recent N real datapoints are evaluated and the
  missing-data setting is not used;
* otherwise every real datapoint in the range is used and missing ones are filled in as few times as possible
  (up to N) according to TreatMissingData;
* ALARM when at least Datapoints to Alarm (M) of the N evaluated are breaching, OK otherwise.

The page's tables also fix what ``missing`` and ``ignore`` do when fewer than N real datapoints exist and none
of them is within the threshold: with no real datapoint ``missing`` gives INSUFFICIENT_DATA; when the oldest
evaluated datapoint is breaching ``missing`` gives ALARM; ``ignore`` keeps the current state. This module
reproduces every cell of both tables on that page (see the tests).

References:
    - Amazon CloudWatch User Guide, "Using Amazon CloudWatch alarms",
      https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html (read 2026-11-27)
    - Amazon CloudWatch User Guide, "Metrics concepts" (metrics retention),
      https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Monitor your instances using CloudWatch",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-new.html (read 2026-11-27)
    - Amazon CloudWatch Logs API Reference, "PutRetentionPolicy",
      https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html (read 2026-11-27)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

COMPARISON_OPERATORS = (
    "GreaterThanThreshold",
    "GreaterThanOrEqualToThreshold",
    "LessThanThreshold",
    "LessThanOrEqualToThreshold",
)
TREAT_MISSING_DATA = ("missing", "notBreaching", "breaching", "ignore")
ALARM_STATES = ("OK", "ALARM", "INSUFFICIENT_DATA")

# Extra datapoints beyond Evaluation Periods in the evaluation range (the AlarmThatSendsEmail page's example
# retrieves 5 datapoints for 3 evaluation periods; read 2026-11-27).
EVALUATION_RANGE_EXTRA_PERIODS = 2

# Evaluation Periods x Period may not exceed one day (AlarmThatSendsEmail, "Common features of CloudWatch
# alarms"; read 2026-11-27); with the shortest 10-second period that is 8,640 periods.
MAX_EVALUATION_PERIODS = 8640

# Monitoring intervals, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-new.html
# (read 2026-11-27): basic monitoring sends EC2 metrics every 5 minutes at no charge, detailed every minute.
BASIC_MONITORING_PERIOD_SECONDS = 300
DETAILED_MONITORING_PERIOD_SECONDS = 60

# Metric retention, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html
# ("Metrics retention", read 2026-11-27): (max age in seconds, resolution in seconds) pairs.
METRIC_RETENTION = (
    (3 * 3600, 1),  # high-resolution (period < 60 s) datapoints kept for 3 hours
    (15 * 86400, 60),  # 60-second datapoints for 15 days
    (63 * 86400, 300),  # 5-minute datapoints for 63 days
    (455 * 86400, 3600),  # 1-hour datapoints for 455 days (15 months)
)

# Allowed log group retention values in days, PutRetentionPolicy,
# https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html (read 2026-11-27).
# Omitting retention keeps events forever.
LOG_RETENTION_DAYS = (
    1,
    3,
    5,
    7,
    14,
    30,
    60,
    90,
    120,
    150,
    180,
    365,
    400,
    545,
    731,
    1096,
    1827,
    2192,
    2557,
    2922,
    3288,
    3653,
)

STATISTICS = ("SampleCount", "Sum", "Average", "Minimum", "Maximum")


@checked
def is_breaching(value: float, threshold: float, comparison_operator: str) -> bool:
    """Whether one datapoint is outside the threshold for a CloudWatch comparison operator.

    >>> is_breaching(85, 80, "GreaterThanThreshold")
    True
    """
    op = validate.choice("comparison_operator", comparison_operator, COMPARISON_OPERATORS)
    if op == "GreaterThanThreshold":
        return value > threshold
    if op == "GreaterThanOrEqualToThreshold":
        return value >= threshold
    if op == "LessThanThreshold":
        return value < threshold
    return value <= threshold


def _evaluate_range(window: list[bool | None], n: int, m: int, treat: str, current: str) -> str:
    """Alarm state for one evaluation range (oldest first; None = missing, True = breaching)."""
    real = [(i, b) for i, b in enumerate(window) if b is not None]
    if len(real) >= n:
        return "ALARM" if sum(b for _, b in real[-n:]) >= m else "OK"
    fill = n - len(real)
    breaching = sum(b for _, b in real)
    if treat == "breaching":
        return "ALARM" if breaching + fill >= m else "OK"
    if treat == "notBreaching":
        return "ALARM" if breaching >= m else "OK"
    # missing / ignore: the real datapoints decide when they can
    if breaching >= m:
        return "ALARM"
    if len(real) > breaching:
        return "OK"
    if treat == "ignore":
        return current
    if not real:
        return "INSUFFICIENT_DATA"
    # Evaluated set: the real datapoints plus the most recent missing ones, up to N in all.
    missing_positions = [i for i, b in enumerate(window) if b is None][-fill:]
    oldest_evaluated = min(real[0][0], *missing_positions)
    return "ALARM" if window[oldest_evaluated] is True else "INSUFFICIENT_DATA"


@checked
def evaluate_alarm(
    values: list[float | None],
    threshold: float,
    comparison_operator: str,
    *,
    evaluation_periods: int,
    datapoints_to_alarm: int | None = None,
    treat_missing_data: str = "missing",
    evaluation_range_periods: int | None = None,
) -> list[str]:
    """Alarm state ("OK", "ALARM", "INSUFFICIENT_DATA") after each period of a metric series; None = missing.

    ``datapoints_to_alarm`` (M) defaults to ``evaluation_periods`` (N). Periods before the first value count as
    missing, so a new alarm starts from INSUFFICIENT_DATA. ``evaluation_range_periods`` (default N + 2) is how
    many recent periods CloudWatch looks back over when datapoints are missing.

    >>> evaluate_alarm([50, 90, 95, 40], 80, "GreaterThanThreshold", evaluation_periods=2, datapoints_to_alarm=2)
    ['OK', 'OK', 'ALARM', 'OK']
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise ValueError(f"values must be a list of numbers or None, got {values!r}")
    t = validate.number("threshold", threshold)
    op = validate.choice("comparison_operator", comparison_operator, COMPARISON_OPERATORS)
    n = validate.integer("evaluation_periods", evaluation_periods, minimum=1, maximum=MAX_EVALUATION_PERIODS)
    m = (
        n
        if datapoints_to_alarm is None
        else validate.integer("datapoints_to_alarm", datapoints_to_alarm, minimum=1, maximum=n)
    )
    treat = validate.choice("treat_missing_data", treat_missing_data, TREAT_MISSING_DATA)
    span = (
        n + EVALUATION_RANGE_EXTRA_PERIODS
        if evaluation_range_periods is None
        else validate.integer(
            "evaluation_range_periods", evaluation_range_periods, minimum=n, maximum=MAX_EVALUATION_PERIODS
        )
    )
    flags: list[bool | None] = []
    for i, v in enumerate(values):
        if v is None:
            flags.append(None)
        else:
            flags.append(is_breaching(validate.number(f"values[{i}]", v), t, op))
    padded: list[bool | None] = [None] * span + flags
    states: list[str] = []
    current = "INSUFFICIENT_DATA"
    for i in range(len(flags)):
        current = _evaluate_range(padded[i + 1 : i + 1 + span], n, m, treat, current)
        states.append(current)
    return states


@checked
def state_transitions(states: list[str]) -> list[tuple[int, str, str]]:
    """(period index, old state, new state) for every change; alarm actions fire on these changes only.

    The alarm starts in INSUFFICIENT_DATA, so a first state of OK or ALARM is a transition at index 0.

    >>> state_transitions(["OK", "ALARM", "ALARM", "OK"])
    [(0, 'INSUFFICIENT_DATA', 'OK'), (1, 'OK', 'ALARM'), (3, 'ALARM', 'OK')]
    """
    previous = "INSUFFICIENT_DATA"
    changes = []
    for i, s in enumerate(states):
        validate.choice(f"states[{i}]", s, ALARM_STATES)
        if s != previous:
            changes.append((i, previous, s))
        previous = s
    return changes


@dataclass(frozen=True)
class Aggregated:
    """Datapoints rolled up into periods: each period's start and its statistic (None where it had no datapoint).

    >>> aggregate([0, 90], [1.0, 7.0], 60, statistic="Sum").values
    [1.0, 7.0]
    """

    period_starts_seconds: list[float]
    values: list[float | None]


@checked
def aggregate(
    timestamps_seconds: Sequence[float], values: Sequence[float], period_seconds: int, *, statistic: str = "Average"
) -> Aggregated:
    """Roll raw datapoints up into periods with a CloudWatch statistic: the period starts and one value or None each.

    A period with no datapoint yields None (a missing datapoint), as GetMetricStatistics omits it.

    >>> aggregate([0, 30, 60, 90], [1.0, 3.0, 5.0, 7.0], 60, statistic="Average")
    Aggregated(period_starts_seconds=[0.0, 60.0], values=[2.0, 6.0])
    """
    stat = validate.choice("statistic", statistic, STATISTICS)
    period = validate.integer("period_seconds", period_seconds, minimum=1, unit="seconds")
    if period >= 60 and period % 60:
        raise ValueError(f"period_seconds={period} must be 1, 5, 10, 30 or a multiple of 60 seconds")
    if period < 60 and period not in (1, 5, 10, 30):
        raise ValueError(f"period_seconds={period} must be 1, 5, 10, 30 or a multiple of 60 seconds")
    ts = np.asarray(timestamps_seconds, dtype=float)
    vs = np.asarray(values, dtype=float)
    if ts.shape != vs.shape or ts.ndim != 1:
        raise ValueError(f"timestamps_seconds and values must be equal-length lists, got {ts.shape} and {vs.shape}")
    if ts.size == 0:
        return Aggregated([], [])
    if not (np.isfinite(ts).all() and np.isfinite(vs).all()):
        raise ValueError("timestamps_seconds and values must hold finite numbers only")
    start = math.floor(ts.min() / period) * period
    bins = ((ts - start) // period).astype(int)
    count = int(bins.max()) + 1
    sample = np.bincount(bins, minlength=count).astype(float)
    total = np.bincount(bins, weights=vs, minlength=count)
    if stat == "SampleCount":
        out = sample
    elif stat == "Sum":
        out = total
    elif stat == "Average":
        out = np.divide(total, sample, out=np.zeros(count), where=sample > 0)
    elif stat == "Minimum":
        out = np.full(count, np.inf)
        np.minimum.at(out, bins, vs)
    else:
        out = np.full(count, -np.inf)
        np.maximum.at(out, bins, vs)
    starts = [float(start + i * period) for i in range(count)]
    result = [float(out[i]) if sample[i] > 0 else None for i in range(count)]
    return Aggregated(starts, result)


@checked
def retained_resolution_seconds(age_seconds: float) -> int | None:
    """Finest resolution (seconds) at which CloudWatch still holds a datapoint of this age; None once expired.

    >>> retained_resolution_seconds(10 * 86400)
    60
    """
    age = validate.number("age_seconds", age_seconds, minimum=0, unit="seconds")
    for max_age, resolution in METRIC_RETENTION:
        if age <= max_age:
            return resolution
    return None


@checked
def log_retention_days(days: int | None) -> int | None:
    """Check a log group retention setting: one of the values PutRetentionPolicy accepts, or None (never expire).

    >>> log_retention_days(30)
    30
    """
    if days is None:
        return None
    if isinstance(days, bool) or days not in LOG_RETENTION_DAYS:
        raise ValueError(f"days={days!r} is not one of: {', '.join(map(str, LOG_RETENTION_DAYS))} (or None)")
    return int(days)


@checked
def sample_metric_series(
    periods: int = 60,
    baseline: float = 40.0,
    noise: float = 8.0,
    *,
    spike_start: int = 30,
    spike_periods: int = 8,
    spike_height: float = 45.0,
    missing_fraction: float = 0.1,
    seed: int = 0,
) -> list[float | None]:
    """A seeded synthetic metric (e.g. CPUUtilization in %, clipped to 0-100) with a spike and missing datapoints.

    >>> [round(v, 1) for v in sample_metric_series(periods=3, missing_fraction=0, seed=0)]
    [41.0, 38.9, 45.1]
    """
    n = validate.integer("periods", periods, minimum=1, maximum=100_000)
    start = validate.integer("spike_start", spike_start, minimum=0)
    length = validate.integer("spike_periods", spike_periods, minimum=0)
    gap = validate.number("missing_fraction", missing_fraction, minimum=0, maximum=1)
    sd = validate.number("noise", noise, minimum=0)
    rng = np.random.default_rng(validate.integer("seed", seed, minimum=0))
    values = validate.number("baseline", baseline) + rng.normal(0.0, sd, n)
    values[start : start + length] += validate.number("spike_height", spike_height)
    values = np.clip(values, 0.0, 100.0)
    missing = rng.random(n) < gap
    return [None if m else round(float(v), 6) for v, m in zip(values, missing, strict=True)]
