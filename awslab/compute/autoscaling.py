"""EC2 Auto Scaling policy arithmetic: adjustment types, step scaling, alarms and the default termination policy.

References:
    - Amazon EC2 Auto Scaling User Guide, "Step and simple scaling policies for Amazon EC2 Auto Scaling",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html (read 2026-11-27)
    - Amazon EC2 Auto Scaling API Reference, "StepAdjustment",
      https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StepAdjustment.html (read 2026-11-27)
    - Amazon EC2 Auto Scaling User Guide, "Configure termination policies for Amazon EC2 Auto Scaling",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html (read 2026-12-03)
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

import numpy as np

from awslab import validate
from awslab.validate import checked

ADJUSTMENT_TYPES = ("ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity")

# Default cooldown of a group, used by simple scaling policies (as-scaling-simple-step.html, read 2026-11-27).
DEFAULT_COOLDOWN_SECONDS = 300

# The StepAdjustments the step-scaling explorer opens with: the worked example of as-scaling-simple-step.html.
DEFAULT_STEPS = [
    {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 0},
    {"MetricIntervalLowerBound": 10, "MetricIntervalUpperBound": 20, "ScalingAdjustment": 10},
    {"MetricIntervalLowerBound": 20, "ScalingAdjustment": 30},
]


def _round_percent_change(raw: float) -> int:
    """Round a fractional instance change the way EC2 Auto Scaling does for PercentChangeInCapacity."""
    if raw > 1:
        return math.floor(raw)
    if 0 < raw < 1:
        return 1
    if -1 < raw < 0:
        return -1
    if raw < -1:
        return math.ceil(raw)
    return int(raw)


@checked
def scaling_adjustment(
    current_capacity: int, adjustment_type: str, scaling_adjustment: float, min_adjustment_magnitude: int | None = None
) -> int:
    """Return the change in instance count one policy action makes (before min/max are applied).

    ChangeInCapacity adds ``scaling_adjustment``; ExactCapacity sets the capacity to it; PercentChangeInCapacity
    adds that percentage of ``current_capacity`` with AWS's rounding (above 1 round down, between 0 and 1 become 1,
    between -1 and 0 become -1, below -1 round toward zero), then raises the magnitude to at least
    ``min_adjustment_magnitude``.

    >>> scaling_adjustment(10, "PercentChangeInCapacity", 25)
    2
    >>> scaling_adjustment(10, "ExactCapacity", 4)
    -6
    """
    current = validate.integer("current_capacity", current_capacity, minimum=0, unit="instances")
    kind = validate.choice("adjustment_type", adjustment_type, ADJUSTMENT_TYPES)
    if min_adjustment_magnitude is not None:
        if kind != "PercentChangeInCapacity":
            raise ValueError(
                f"min_adjustment_magnitude={min_adjustment_magnitude!r} is only allowed with "
                f"adjustment_type='PercentChangeInCapacity', got adjustment_type={kind!r}"
            )
        min_adjustment_magnitude = validate.integer(
            "min_adjustment_magnitude", min_adjustment_magnitude, minimum=1, unit="instances"
        )
    if kind == "ChangeInCapacity":
        return validate.integer("scaling_adjustment", scaling_adjustment)
    if kind == "ExactCapacity":
        target = validate.integer("scaling_adjustment", scaling_adjustment, minimum=0, unit="instances")
        return target - current
    percent = validate.number("scaling_adjustment", scaling_adjustment, minimum=-100, unit="percent")
    change = _round_percent_change(current * percent / 100.0)
    if min_adjustment_magnitude is not None and percent != 0:
        if percent > 0:
            change = max(change, min_adjustment_magnitude)
        else:
            change = min(change, -min_adjustment_magnitude)
    return change


@checked
def validate_step_adjustments(step_adjustments: Sequence[dict]) -> list[tuple[float, float, float]]:
    """Check StepAdjustments against AWS's rules and return (lower, upper, adjustment) sorted by lower bound.

    A missing MetricIntervalLowerBound means minus infinity and a missing upper bound plus infinity; ranges may not
    overlap or leave gaps, and a step may not leave both bounds out.

    >>> validate_step_adjustments(DEFAULT_STEPS)
    [(0.0, 10.0, 0.0), (10.0, 20.0, 10.0), (20.0, inf, 30.0)]
    """
    if not isinstance(step_adjustments, (list, tuple)) or not step_adjustments:
        raise ValueError(f"step_adjustments must be a non-empty list of StepAdjustment dicts, got {step_adjustments!r}")
    steps = []
    for i, step in enumerate(step_adjustments):
        if not isinstance(step, dict) or "ScalingAdjustment" not in step:
            raise ValueError(f"step_adjustments[{i}]={step!r} must be a dict with a ScalingAdjustment")
        unknown = set(step) - {"MetricIntervalLowerBound", "MetricIntervalUpperBound", "ScalingAdjustment"}
        if unknown:
            raise ValueError(
                f"step_adjustments[{i}] has unknown keys {sorted(unknown)}; allowed: "
                "MetricIntervalLowerBound, MetricIntervalUpperBound, ScalingAdjustment"
            )
        lower = step.get("MetricIntervalLowerBound")
        upper = step.get("MetricIntervalUpperBound")
        if lower is None and upper is None:
            raise ValueError(
                f"step_adjustments[{i}] leaves out both MetricIntervalLowerBound and "
                "MetricIntervalUpperBound; at most one bound may be null"
            )
        lo = -math.inf if lower is None else validate.number(f"step_adjustments[{i}].MetricIntervalLowerBound", lower)
        hi = math.inf if upper is None else validate.number(f"step_adjustments[{i}].MetricIntervalUpperBound", upper)
        if hi <= lo:
            raise ValueError(
                f"step_adjustments[{i}] has MetricIntervalUpperBound={upper!r} not above "
                f"MetricIntervalLowerBound={lower!r}"
            )
        adjustment = validate.number(f"step_adjustments[{i}].ScalingAdjustment", step["ScalingAdjustment"])
        steps.append((lo, hi, adjustment))
    steps.sort(key=lambda s: s[0])
    for (_lo1, hi1, _), (lo2, _hi2, _) in zip(steps, steps[1:], strict=False):
        if hi1 != lo2:
            kind = "overlap" if hi1 > lo2 else "gap"
            raise ValueError(f"step_adjustments have a {kind} between {hi1:g} and {lo2:g}; ranges must meet exactly")
    if steps[0][0] < 0 and steps[0][0] != -math.inf:
        raise ValueError("step_adjustments have a negative lower bound but no step with a null lower bound")
    if steps[-1][1] > 0 and steps[-1][1] != math.inf:
        raise ValueError("step_adjustments have a positive upper bound but no step with a null upper bound")
    return steps


@checked(infinite=("steps",))
def matching_step(steps: Sequence[tuple[float, float, float]], breach: float) -> float | None:
    """Return the adjustment of the step containing ``breach`` (metric minus threshold), or None.

    Above the threshold a step includes its lower bound and excludes its upper bound; below it, the reverse
    (API_StepAdjustment.html: lower 0/upper 10 means 50 <= metric < 60; lower -10/upper 0 means 40 < metric <= 50).

    >>> matching_step(validate_step_adjustments(DEFAULT_STEPS), 15.0)
    10.0
    """
    for lo, hi, adjustment in steps:
        if breach > 0 and lo <= breach < hi:
            return adjustment
        if breach < 0 and lo < breach <= hi:
            return adjustment
        if breach == 0 and (lo == 0 or hi == 0):
            return adjustment
    return None


@checked(infinite=("steps",))
def apply_step_scaling(
    current_capacity: int,
    metric_value: float,
    threshold: float,
    step_adjustments: list[dict],
    adjustment_type: str,
    min_size: int = 0,
    max_size: int = 10**6,
    min_adjustment_magnitude: int | None = None,
) -> int:
    """Return the group's new capacity (instances) after one step-scaling action, kept within [min_size, max_size].

    ``step_adjustments`` is AWS's StepAdjustments list; its bounds are relative to ``threshold``. A metric that
    falls in no step leaves the capacity unchanged.

    >>> apply_step_scaling(10, 65, 50, DEFAULT_STEPS, "PercentChangeInCapacity")
    11
    """
    current = validate.integer("current_capacity", current_capacity, minimum=0, unit="instances")
    metric = validate.number("metric_value", metric_value)
    limit = validate.number("threshold", threshold)
    low = validate.integer("min_size", min_size, minimum=0, unit="instances")
    high = validate.integer("max_size", max_size, minimum=0, unit="instances")
    if high < low:
        raise ValueError(f"max_size={high} is below min_size={low}; max_size must be >= min_size")
    steps = validate_step_adjustments(step_adjustments)
    validate.choice("adjustment_type", adjustment_type, ADJUSTMENT_TYPES)
    adjustment = matching_step(steps, metric - limit)
    if adjustment is None:
        return current
    change = scaling_adjustment(current, adjustment_type, adjustment, min_adjustment_magnitude)
    return int(min(max(current + change, low), high))


# CloudWatch ComparisonOperator values for a static threshold; each works on floats and numpy arrays alike.
COMPARISONS = {
    "GreaterThanThreshold": operator.gt,
    "GreaterThanOrEqualToThreshold": operator.ge,
    "LessThanThreshold": operator.lt,
    "LessThanOrEqualToThreshold": operator.le,
}


@checked
def alarm_states(
    metric: Sequence[float],
    threshold: float,
    comparison: str,
    evaluation_periods: int,
    datapoints_to_alarm: int | None = None,
) -> np.ndarray:
    """Return a boolean array: True where the alarm is in ALARM after each datapoint (M out of N breaching).

    ``comparison`` is CloudWatch's ComparisonOperator (GreaterThanThreshold, GreaterThanOrEqualToThreshold,
    LessThanThreshold, LessThanOrEqualToThreshold). Before N datapoints exist the alarm is not in ALARM.

    >>> alarm_states([60, 75, 80, 72, 50], 70, "GreaterThanThreshold", 3, 2).tolist()
    [False, False, True, True, True]
    """
    values = np.asarray(metric, dtype=float)
    if values.ndim != 1 or not len(values):
        raise ValueError(f"metric must be a non-empty list of datapoints, got {metric!r}")
    n = validate.integer("evaluation_periods", evaluation_periods, minimum=1)
    m = (
        n
        if datapoints_to_alarm is None
        else validate.integer("datapoints_to_alarm", datapoints_to_alarm, minimum=1, maximum=n)
    )
    op = COMPARISONS[validate.choice("comparison", comparison, COMPARISONS)]
    breaching = np.asarray(op(values, threshold), dtype=int)
    counts = np.convolve(breaching, np.ones(n, dtype=int))[: len(values)]
    state = counts >= m
    state[: n - 1] = False
    return state


@checked
def choose_instance_to_terminate(instances: Sequence[dict], now_minute: float = 0.0, seed: int = 0) -> str:
    """Return the InstanceId the default termination policy removes.

    Each instance is a dict with InstanceId, AvailabilityZone, LaunchTemplateVersion (int, higher is newer) and
    LaunchMinute. Order: the AZ with the most instances; then the oldest launch template version; then the instance
    closest to its next billing hour; then random (seeded). Instances with ProtectedFromScaleIn are skipped.

    >>> group = [
    ...     {"InstanceId": "i-1", "AvailabilityZone": "a", "LaunchTemplateVersion": 1, "LaunchMinute": 0},
    ...     {"InstanceId": "i-2", "AvailabilityZone": "a", "LaunchTemplateVersion": 2, "LaunchMinute": 30},
    ...     {"InstanceId": "i-3", "AvailabilityZone": "b", "LaunchTemplateVersion": 1, "LaunchMinute": 10},
    ... ]
    >>> choose_instance_to_terminate(group, now_minute=65)
    'i-1'
    """
    candidates = [i for i in instances if not i.get("ProtectedFromScaleIn", False)]
    if not candidates:
        raise ValueError("instances has no instance without ProtectedFromScaleIn; nothing can be terminated")
    per_az: dict[str, int] = {}
    for inst in instances:
        per_az[inst["AvailabilityZone"]] = per_az.get(inst["AvailabilityZone"], 0) + 1
    busiest = max(per_az[i["AvailabilityZone"]] for i in candidates)
    pool = [i for i in candidates if per_az[i["AvailabilityZone"]] == busiest]
    oldest = min(i["LaunchTemplateVersion"] for i in pool)
    pool = [i for i in pool if i["LaunchTemplateVersion"] == oldest]

    def minutes_to_next_hour(inst: dict) -> float:
        return (60.0 - (now_minute - inst["LaunchMinute"]) % 60.0) % 60.0

    closest = min(minutes_to_next_hour(i) for i in pool)
    pool = [i for i in pool if minutes_to_next_hour(i) == closest]
    pool.sort(key=lambda i: i["InstanceId"])
    return pool[int(np.random.default_rng(seed).integers(len(pool)))]["InstanceId"]


@checked
def choose_launch_az(instances_per_az: dict[str, int]) -> str:
    """Return the AZ a new instance goes to: the one with the fewest instances (ties: first in name order).

    >>> choose_launch_az({"us-east-1a": 3, "us-east-1b": 1, "us-east-1c": 1})
    'us-east-1b'
    """
    if not instances_per_az:
        raise ValueError("instances_per_az must name at least one Availability Zone, got {}")
    return min(sorted(instances_per_az), key=lambda az: instances_per_az[az])
