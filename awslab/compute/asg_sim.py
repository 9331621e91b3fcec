"""A minute-by-minute simulator of an EC2 Auto Scaling group serving a load.

Policies use AWS's PutScalingPolicy shapes (PolicyType SimpleScaling / StepScaling / TargetTrackingScaling), each
simple or step policy with its CloudWatch alarm (Threshold, ComparisonOperator, EvaluationPeriods, Period in seconds,
optional DatapointsToAlarm) on the group's average CPUUtilization. Scheduled actions use MinSize / MaxSize /
DesiredCapacity with a StartMinute. Sources (read 2026-11-27): as-scaling-simple-step.html, ec2-auto-scaling-cooldowns
.html, as-scaling-target-tracking.html, ec2-auto-scaling-termination-policies.html, asg-instance-refresh.html,
https://aws.amazon.com/ec2/pricing/ (per-second billing for Linux since 2017-10-02, 60 s minimum).

Model choices, said plainly: a launched instance is pending for ``bootstrap_minutes`` then InService; the CPU metric
is load over the capacity of InService healthy instances; no scale-in happens while an instance is pending or warming
up; the group's cooldown blocks every simple policy and starts when a simple policy's activity completes
(scale-out: when the instances are InService);
target tracking scales out after 3 one-minute breaches and in after 15 below ``scale_in_ratio`` of the target, the
shape of the alarms AWS creates for it, and sizes the group to the load over the target share of one instance's
capacity (as a request-count-per-target metric would; CPU saturates at 100 % and would hide the overload).

References:
    - Amazon EC2 Auto Scaling User Guide, "Step and simple scaling policies for Amazon EC2 Auto Scaling",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html (read 2026-11-27)
    - Amazon EC2 Auto Scaling User Guide, "Scaling cooldowns for Amazon EC2 Auto Scaling",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scaling-cooldowns.html (read 2026-12-03)
    - Amazon EC2 Auto Scaling User Guide, "Target tracking scaling policies for Amazon EC2 Auto Scaling",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html (read 2026-11-27)
    - Amazon EC2 Auto Scaling User Guide, "Configure termination policies for Amazon EC2 Auto Scaling",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html (read 2026-12-03)
    - Amazon EC2 Auto Scaling User Guide, "How an instance refresh works in an Auto Scaling group",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-refresh-overview.html (read 2026-12-03)
    - AWS, "Amazon EC2 Pricing",
      https://aws.amazon.com/ec2/pricing/ (read 2026-11-27)
"""

from __future__ import annotations

import bisect
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.compute.autoscaling import (
    COMPARISONS,
    DEFAULT_COOLDOWN_SECONDS,
    apply_step_scaling,
    choose_instance_to_terminate,
    choose_launch_az,
    scaling_adjustment,
    validate_step_adjustments,
)
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

POLICY_TYPES = ("SimpleScaling", "StepScaling", "TargetTrackingScaling")
DEFAULT_AZS = ("us-east-1a", "us-east-1b", "us-east-1c")
TARGET_TRACKING_OUT_MINUTES = 3
TARGET_TRACKING_IN_MINUTES = 15
TARGET_TRACKING_EXAMPLE = {
    "PolicyName": "cpu60",
    "PolicyType": "TargetTrackingScaling",
    "TargetTrackingConfiguration": {"TargetValue": 60},
}


def _alarm(threshold: float, operator: str, periods: int) -> dict:
    return {"Threshold": threshold, "ComparisonOperator": operator, "EvaluationPeriods": periods, "Period": 60}


POLICY_PRESETS: dict[str, list[dict]] = {
    "simple: +1 above 70 %, -1 below 30 %": [
        {
            "PolicyName": "out",
            "PolicyType": "SimpleScaling",
            "AdjustmentType": "ChangeInCapacity",
            "ScalingAdjustment": 1,
            "Alarm": _alarm(70, "GreaterThanThreshold", 2),
        },
        {
            "PolicyName": "in",
            "PolicyType": "SimpleScaling",
            "AdjustmentType": "ChangeInCapacity",
            "ScalingAdjustment": -1,
            "Alarm": _alarm(30, "LessThanThreshold", 5),
        },
    ],
    "step: out fast (+1/+2/+4), in slowly (-1)": [
        {
            "PolicyName": "out",
            "PolicyType": "StepScaling",
            "AdjustmentType": "ChangeInCapacity",
            "StepAdjustments": [
                {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 1},
                {"MetricIntervalLowerBound": 10, "MetricIntervalUpperBound": 20, "ScalingAdjustment": 2},
                {"MetricIntervalLowerBound": 20, "ScalingAdjustment": 4},
            ],
            "Alarm": _alarm(60, "GreaterThanOrEqualToThreshold", 2),
        },
        {
            "PolicyName": "in",
            "PolicyType": "StepScaling",
            "AdjustmentType": "ChangeInCapacity",
            "StepAdjustments": [{"MetricIntervalUpperBound": 0, "ScalingAdjustment": -1}],
            "Alarm": _alarm(30, "LessThanOrEqualToThreshold", 15),
        },
    ],
    "step: out slowly (+1), in fast (-4)": [
        {
            "PolicyName": "out",
            "PolicyType": "StepScaling",
            "AdjustmentType": "ChangeInCapacity",
            "StepAdjustments": [{"MetricIntervalLowerBound": 0, "ScalingAdjustment": 1}],
            "Alarm": _alarm(60, "GreaterThanOrEqualToThreshold", 5),
        },
        {
            "PolicyName": "in",
            "PolicyType": "StepScaling",
            "AdjustmentType": "ChangeInCapacity",
            "StepAdjustments": [{"MetricIntervalUpperBound": 0, "ScalingAdjustment": -4}],
            "Alarm": _alarm(45, "LessThanOrEqualToThreshold", 2),
        },
    ],
    "target tracking: 60 % CPU": [
        {
            "PolicyName": "cpu60",
            "PolicyType": "TargetTrackingScaling",
            "TargetTrackingConfiguration": {"TargetValue": 60},
        }
    ],
}


@dataclass(frozen=True)
class AsgRun:
    """Per-minute series, the activity log and the bill of one simulated day (or any span).

    >>> run = simulate_group([150.0] * 30, [TARGET_TRACKING_EXAMPLE], min_size=1, max_size=4)
    >>> run.desired[-1], run.in_service[-1], run.cpu_percent[-1]
    (3, 3, 50.0)
    """

    minutes: list[int]
    load_rps: list[float]
    desired: list[int]
    min_size: list[int]
    max_size: list[int]
    in_service: list[int]
    pending: list[int]
    capacity_rps: list[float]
    served_rps: list[float]
    dropped_rps: list[float]
    cpu_percent: list[float]
    latency_ms: list[float]
    activities: list[dict]
    instances: list[dict]
    cost_billed_per_second_usd: float  # the whole run's cost (USD) under per-second billing (60 s minimum per instance)
    cost_billed_per_hour_usd: float  # the whole run's cost (USD) if every started instance-hour were billed in full
    dropped_requests: float


def _check_policy(i: int, policy: dict) -> dict:
    _check_dict(f"policies[{i}]", policy, "PolicyType and that type's fields (AWS's PutScalingPolicy shape)")
    kind = validate.choice(f"policies[{i}].PolicyType", policy.get("PolicyType"), POLICY_TYPES)
    if kind == "TargetTrackingScaling":
        cfg = _check_dict(
            f"policies[{i}].TargetTrackingConfiguration", policy.get("TargetTrackingConfiguration", {}), "TargetValue"
        )
        validate.number(
            f"policies[{i}].TargetTrackingConfiguration.TargetValue",
            cfg.get("TargetValue"),
            minimum=0,
            maximum=100,
            exclusive_minimum=True,
            unit="percent",
        )
        return policy
    alarm = policy.get("Alarm")
    if not isinstance(alarm, dict):
        raise ValueError(
            f"policies[{i}].Alarm must be a dict with Threshold, ComparisonOperator, "
            f"EvaluationPeriods and Period, got {alarm!r}"
        )
    validate.number(f"policies[{i}].Alarm.Threshold", alarm.get("Threshold"))
    validate.choice(f"policies[{i}].Alarm.ComparisonOperator", alarm.get("ComparisonOperator"), COMPARISONS)
    periods = validate.integer(f"policies[{i}].Alarm.EvaluationPeriods", alarm.get("EvaluationPeriods"), minimum=1)
    if alarm.get("DatapointsToAlarm") is not None:
        validate.integer(
            f"policies[{i}].Alarm.DatapointsToAlarm", alarm["DatapointsToAlarm"], minimum=1, maximum=periods
        )
    period = validate.integer(f"policies[{i}].Alarm.Period", alarm.get("Period", 60), minimum=60, unit="s")
    if period % 60:
        raise ValueError(f"policies[{i}].Alarm.Period={period} must be a multiple of 60 seconds")
    validate.choice(
        f"policies[{i}].AdjustmentType",
        policy.get("AdjustmentType"),
        ("ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity"),
    )
    if kind == "StepScaling":
        validate_step_adjustments(policy.get("StepAdjustments"))
    else:
        validate.number(f"policies[{i}].ScalingAdjustment", policy.get("ScalingAdjustment"))
    return policy


@dataclass(frozen=True)
class _TargetPlan:
    """A target tracking policy, read once: the target, its per-instance share and its scale-in rule."""

    name: str
    target: float
    per_instance_rps: float
    scale_in: bool
    in_below: float


@dataclass
class _AlarmPlan:
    """A simple or step policy with its alarm, and the alarm's running count of breaching datapoints."""

    name: str
    simple: bool
    policy: dict
    period: int
    periods: int
    needed: int
    compare: Callable[[float, float], bool]
    threshold: float
    breaches: list[int] = field(default_factory=list)  # 1 where a datapoint breaches; the alarm counts the last N
    breaching: int = 0


def _plan(index: int, policy: dict, per_instance_cap: float, scale_in_ratio: float) -> _TargetPlan | _AlarmPlan:
    name = policy.get("PolicyName", f"policy-{index}")
    if policy["PolicyType"] == "TargetTrackingScaling":
        cfg = policy["TargetTrackingConfiguration"]
        target = float(cfg["TargetValue"])
        return _TargetPlan(
            name=name,
            target=target,
            per_instance_rps=per_instance_cap * target / 100.0,
            scale_in=not cfg.get("DisableScaleIn", False),
            in_below=target * scale_in_ratio,
        )
    alarm = policy["Alarm"]
    periods = int(alarm["EvaluationPeriods"])
    return _AlarmPlan(
        name=name,
        simple=policy["PolicyType"] == "SimpleScaling",
        policy=policy,
        period=int(alarm.get("Period", 60)) // 60,
        periods=periods,
        needed=int(alarm.get("DatapointsToAlarm") or periods),
        compare=COMPARISONS[alarm["ComparisonOperator"]],
        threshold=float(alarm["Threshold"]),
    )


def _check_dict(name: str, value: object, fields: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be a dict with {fields}, got {value!r}")
    return value


@dataclass
class GroupSimulation:
    """One Auto Scaling group, advanced a minute at a time by :meth:`step`; :meth:`result` gives the :class:`AsgRun`.

    ``load_rps`` is the mean requests per second in each minute. ``instance_refresh`` is
    {"StartMinute": m, "MinHealthyPercentage": p}: from minute m the launch template version is bumped and old
    instances are replaced in batches that keep p percent of the desired capacity InService.

    >>> sim = GroupSimulation([300.0] * 10, [], min_size=2, max_size=4, desired_capacity=2)
    >>> for minute in range(10):
    ...     sim.step(minute)
    >>> run = sim.result()
    >>> run.dropped_requests, run.cpu_percent[0], run.cost_billed_per_second_usd
    (60000.0, 100.0, 0.032)
    """

    load_rps: Sequence[float]
    policies: Sequence[dict]
    _: KW_ONLY
    min_size: int = 1
    max_size: int = 10
    desired_capacity: int = 2
    instance_capacity_rps: float = 100.0
    bootstrap_minutes: int = 5
    instance_warmup_minutes: int = 5
    default_cooldown_seconds: int = DEFAULT_COOLDOWN_SECONDS
    scheduled_actions: Sequence[dict] = ()
    availability_zones: Sequence[str] = DEFAULT_AZS
    failures_per_instance_hour: float = 0.0
    health_detection_minutes: int = 2
    instance_refresh: dict | None = None
    usd_per_hour: float = 0.096
    base_latency_ms: float = 50.0
    scale_in_ratio: float = 0.9
    seed: int = 0

    def __post_init__(self) -> None:
        load = np.asarray(self.load_rps, dtype=float)
        if load.ndim != 1 or load.size == 0 or not np.isfinite(load).all() or (load < 0).any():
            raise ValueError(
                "load_rps must be a non-empty list of finite numbers >= 0 (requests per second per minute)"
            )
        self._load = load.tolist()  # plain floats: per-minute arithmetic on numpy scalars is several times slower
        self._load_rounded = [round(x, 6) for x in self._load]
        self._lo = validate.integer("min_size", self.min_size, minimum=0)
        self._hi = validate.integer("max_size", self.max_size, minimum=0)
        if self._hi < self._lo:
            raise ValueError(f"max_size={self._hi} is below min_size={self._lo}; max_size must be >= min_size")
        self.desired = validate.integer("desired_capacity", self.desired_capacity, minimum=self._lo, maximum=self._hi)
        self._cap = validate.number(
            "instance_capacity_rps", self.instance_capacity_rps, minimum=0, exclusive_minimum=True
        )
        self._boot = validate.integer("bootstrap_minutes", self.bootstrap_minutes, minimum=0, maximum=120)
        self._warm = validate.integer("instance_warmup_minutes", self.instance_warmup_minutes, minimum=0, maximum=120)
        self._cooldown = validate.integer("default_cooldown_seconds", self.default_cooldown_seconds, minimum=0) / 60.0
        self._fail_p = (
            validate.number("failures_per_instance_hour", self.failures_per_instance_hour, minimum=0, maximum=60) / 60
        )
        self._detect = validate.integer("health_detection_minutes", self.health_detection_minutes, minimum=0)
        self._price = validate.number("usd_per_hour", self.usd_per_hour, minimum=0)
        validate.number("scale_in_ratio", self.scale_in_ratio, minimum=0, maximum=1)
        self._azs = list(self.availability_zones)
        if not self._azs:
            raise ValueError("availability_zones must name at least one AZ")
        if isinstance(self.policies, (str, bytes, dict)):
            raise ValueError(f"policies must be a list of PutScalingPolicy dicts, got {self.policies!r}")
        checked = [_check_policy(i, p) for i, p in enumerate(self.policies)]
        self._schedule: dict[int, list[dict]] = {}
        for i, action in enumerate(self.scheduled_actions):
            _check_dict(f"scheduled_actions[{i}]", action, "StartMinute and MinSize / MaxSize / DesiredCapacity")
            minute = validate.integer(f"scheduled_actions[{i}].StartMinute", action.get("StartMinute"), minimum=0)
            self._schedule.setdefault(minute, []).append(action)
        self._refresh_at = None
        if self.instance_refresh is not None:
            refresh = _check_dict("instance_refresh", self.instance_refresh, "StartMinute and MinHealthyPercentage")
            self._refresh_at = validate.integer("instance_refresh.StartMinute", refresh.get("StartMinute"), minimum=0)
            self._healthy_pct = validate.number(
                "instance_refresh.MinHealthyPercentage",
                refresh.get("MinHealthyPercentage", 90),
                minimum=0,
                maximum=100,
            )
        # What each policy needs every minute, read once (the checks above accepted these values).
        self._plans = [_plan(i, p, self._cap, self.scale_in_ratio) for i, p in enumerate(checked)]

        self._rng = np.random.default_rng(self.seed)
        self.instances: list[dict] = []
        self._alive: list[dict] = []  # always in launch order, so sorted by LaunchMinute (bisect counts InService)
        self._counter = 0
        self._version = 1
        self.activities: list[dict] = []
        self._simple_cooldown_until = -math.inf  # one cooldown for the group, shared by all its simple policies
        self._cpu_history: list[float] = []
        self._series: dict[str, list] = {k: [] for k in _SERIES}
        self._capacity_rounded: dict[int, float] = {}  # by healthy instance count: the same few values all day
        self._saturated_latency = round(self.base_latency_ms / (1.0 - 0.99), 6)
        self._minute = 0
        for _ in range(self.desired):
            self._launch(0)
        for inst in self.instances:
            inst["LaunchMinute"] = -self._boot - self._warm  # the starting fleet is already InService and warm

    # --- bookkeeping -------------------------------------------------------------------------------------------

    def _launch(self, now: int) -> None:
        per_az = {az: 0 for az in self._azs}
        for inst in self._alive:
            per_az[inst["AvailabilityZone"]] += 1
        self._counter += 1
        inst = {
            "InstanceId": f"i-{self._counter:05d}",
            "AvailabilityZone": choose_launch_az(per_az),
            "LaunchTemplateVersion": self._version,
            "LaunchMinute": now,
            "EndMinute": None,
            "FailedMinute": None,
            "EndReason": None,
        }
        self.instances.append(inst)
        self._alive.append(inst)

    def _terminate(self, inst: dict, now: int, why: str) -> None:
        inst["EndMinute"], inst["EndReason"] = now, why
        self._alive.remove(inst)

    def _record(self, now: int, kind: str, name: str, before: int, after: int, until: float | None = None) -> None:
        self.activities.append(
            {"minute": now, "kind": kind, "policy": name, "from": before, "to": after, "cooldown_until": until}
        )

    # --- one minute --------------------------------------------------------------------------------------------

    def step(self, minute: int) -> None:
        """Advance the group through ``minute`` (0, 1, 2, ... in order, up to ``len(load_rps) - 1``)."""
        if minute != self._minute or minute >= len(self._load):
            raise ValueError(
                f"minute={minute!r} is not the next minute to simulate; expected {self._minute} "
                f"(minutes run 0 to {len(self._load) - 1} in order)"
            )
        self._minute += 1
        now = minute
        self._apply_schedule(now)
        if self._fail_p > 0:  # no failure rate, no failed instance: health checks only run with one
            self._health(now)
        # InService: launched at least ``boot`` minutes ago, a prefix of ``alive``; warming: the newest is recent
        alive, boot = self._alive, self._boot
        n_in_service = bisect.bisect_right(alive, now - boot, key=_LAUNCHED)
        if self._fail_p > 0:
            n_now = sum(1 for i in alive[:n_in_service] if i["FailedMinute"] is None)
        else:
            n_now = n_in_service
        warming = bool(alive) and alive[-1]["LaunchMinute"] > now - boot - self._warm
        load_now = self._load[now]
        capacity = n_now * self._cap
        overloaded = capacity < load_now
        served = capacity if overloaded else load_now  # min(load_now, capacity)
        if capacity == 0:
            cpu = 100.0 if load_now > 0 else 0.0
        else:
            cpu = min(100.0, 100.0 * load_now / capacity)
        self._cpu_history.append(cpu)
        rho = min(load_now / capacity, 0.99) if capacity else (0.99 if load_now > 0 else 0.0)

        for plan in self._plans:
            if isinstance(plan, _TargetPlan):
                self._track_target(now, plan, load_now, warming)
            else:
                self._alarm_policy(now, plan, n_now, warming)
        if self._refresh_at is not None and now >= self._refresh_at:
            self._refresh(now, warming)
        self._reconcile(now)

        series = self._series
        series["desired"].append(self.desired)
        series["min"].append(self._lo)
        series["max"].append(self._hi)
        series["in_service"].append(n_in_service)
        series["pending"].append(len(alive) - bisect.bisect_right(alive, now - boot, key=_LAUNCHED))
        # every value rounded to 6 decimals; the common cases reuse a rounding already done
        capacity_r = self._capacity_rounded.get(n_now)
        if capacity_r is None:
            capacity_r = self._capacity_rounded[n_now] = round(capacity, 6)
        series["capacity"].append(capacity_r)
        if overloaded:
            series["served"].append(capacity_r)
            series["dropped"].append(round(load_now - served, 6))
        else:
            series["served"].append(self._load_rounded[now])
            series["dropped"].append(0.0)  # round(load_now - load_now, 6)
        series["cpu"].append(100.0 if cpu == 100.0 else round(cpu, 6))
        series["latency"].append(
            self._saturated_latency if rho == 0.99 else round(self.base_latency_ms / (1.0 - rho), 6)
        )

    def _apply_schedule(self, now: int) -> None:
        for action in self._schedule.get(now, ()):
            before = self.desired
            if "MinSize" in action:
                self._lo = validate.integer("scheduled_actions.MinSize", action["MinSize"], minimum=0)
            if "MaxSize" in action:
                self._hi = validate.integer("scheduled_actions.MaxSize", action["MaxSize"], minimum=0)
            if self._hi < self._lo:
                raise ValueError(f"scheduled action at minute {now} leaves MaxSize={self._hi} below MinSize={self._lo}")
            if "DesiredCapacity" in action:
                self.desired = validate.integer(
                    "scheduled_actions.DesiredCapacity", action["DesiredCapacity"], minimum=0
                )
            self.desired = min(max(self.desired, self._lo), self._hi)
            self._record(now, "scheduled", action.get("ScheduledActionName", f"scheduled-{now}"), before, self.desired)

    def _health(self, now: int) -> None:
        """Failures happen at random; the load balancer health check notices them after a delay."""
        serving = [i for i in self._alive if now - i["LaunchMinute"] >= self._boot and i["FailedMinute"] is None]
        if serving:
            for inst, hit in zip(serving, self._rng.random(len(serving)) < self._fail_p, strict=True):
                if hit:
                    inst["FailedMinute"] = now
        noticed = [i for i in self._alive if i["FailedMinute"] is not None and now - i["FailedMinute"] >= self._detect]
        for inst in noticed:
            self._terminate(inst, now, "health check replacement")
            self._record(now, "health", inst["InstanceId"], self.desired, self.desired)

    def _track_target(self, now: int, plan: _TargetPlan, load_now: float, warming: bool) -> None:
        before = self.desired
        lo, hi = self._lo, self._hi
        history = self._cpu_history
        needed = math.ceil(load_now / plan.per_instance_rps - 1e-9)
        if now + 1 >= TARGET_TRACKING_OUT_MINUTES and min(history[-TARGET_TRACKING_OUT_MINUTES:]) > plan.target:
            self.desired = max(self.desired, min(hi, max(lo, needed)))
        elif (
            plan.scale_in
            and not warming
            and now + 1 >= TARGET_TRACKING_IN_MINUTES
            and max(history[-TARGET_TRACKING_IN_MINUTES:]) < plan.in_below
        ):
            self.desired = min(self.desired, max(lo, min(hi, needed)))
        if self.desired != before:
            self._record(now, "target", plan.name, before, self.desired)

    def _alarm_policy(self, now: int, plan: _AlarmPlan, n_now: int, warming: bool) -> None:
        period = plan.period
        if (now + 1) % period:
            return
        window = self._cpu_history[-period:]
        datapoint = sum(window) / len(window)
        # M of the last N datapoints breach (the same rule as ``alarm_states``, for the newest point)
        breaches = plan.breaches
        breaches.append(1 if plan.compare(datapoint, plan.threshold) else 0)
        plan.breaching += breaches[-1]
        if len(breaches) > plan.periods:
            plan.breaching -= breaches[-plan.periods - 1]
        if len(breaches) < plan.periods or plan.breaching < plan.needed:
            return
        policy = plan.policy
        before = self.desired
        if plan.simple:
            if now < self._simple_cooldown_until:
                return
            change = scaling_adjustment(
                self.desired,
                policy["AdjustmentType"],
                policy["ScalingAdjustment"],
                policy.get("MinAdjustmentMagnitude"),
            )
            if change < 0 and warming:
                return
            self.desired = min(max(self.desired + change, self._lo), self._hi)
            if self.desired != before:
                wait = policy.get("Cooldown", self._cooldown * 60) / 60.0
                self._simple_cooldown_until = now + (self._boot if self.desired > before else 0) + wait
                self._record(now, "simple", plan.name, before, self.desired, self._simple_cooldown_until)
            return
        new = apply_step_scaling(
            n_now,
            datapoint,
            plan.threshold,
            policy["StepAdjustments"],
            policy["AdjustmentType"],
            self._lo,
            self._hi,
            policy.get("MinAdjustmentMagnitude"),
        )
        if new > n_now:
            self.desired = max(self.desired, new)
        elif new < n_now and not warming:
            self.desired = min(self.desired, new)
        if self.desired != before:
            self._record(now, "step", plan.name, before, self.desired)

    def _refresh(self, now: int, warming: bool) -> None:
        """Instance refresh: replace old-version instances in batches that keep MinHealthyPercentage InService."""
        if now == self._refresh_at:
            self._version += 1
            self._record(now, "refresh", "instance-refresh", self.desired, self.desired)
        old = [i for i in self._alive if i["LaunchTemplateVersion"] < self._version]
        if old and not warming:
            keep = math.ceil(self.desired * self._healthy_pct / 100.0)
            batch = max(1, len(self._alive) - keep)
            for inst in sorted(old, key=_LAUNCHED)[:batch]:
                self._terminate(inst, now, "instance refresh")

    def _reconcile(self, now: int) -> None:
        """Launch or terminate (default termination policy) until the group has its desired capacity."""
        while len(self._alive) < self.desired:
            self._launch(now)
        while len(self._alive) > self.desired:
            snapshot = [
                {k: i[k] for k in ("InstanceId", "AvailabilityZone", "LaunchTemplateVersion", "LaunchMinute")}
                for i in self._alive
            ]
            victim = choose_instance_to_terminate(snapshot, now, seed=self.seed + now)
            self._terminate(next(i for i in self._alive if i["InstanceId"] == victim), now, "scale in")

    # --- the bill and the series -------------------------------------------------------------------------------

    def result(self) -> AsgRun:
        """The series, activities and bill of the minutes simulated so far."""
        end = self._minute
        per_second = per_hour = 0.0
        for inst in self.instances:
            start = max(inst["LaunchMinute"], 0)
            stop = end if inst["EndMinute"] is None else inst["EndMinute"]
            minutes = max(stop - start, 0)
            if stop > start or inst["EndMinute"] is not None:
                per_second += self._price * max(minutes, 1) / 60.0
                per_hour += self._price * max(math.ceil(minutes / 60.0), 1)
        series = self._series
        return AsgRun(
            minutes=list(range(end)),
            load_rps=self._load_rounded[:end],
            desired=list(series["desired"]),
            min_size=list(series["min"]),
            max_size=list(series["max"]),
            in_service=list(series["in_service"]),
            pending=list(series["pending"]),
            capacity_rps=list(series["capacity"]),
            served_rps=list(series["served"]),
            dropped_rps=list(series["dropped"]),
            cpu_percent=list(series["cpu"]),
            latency_ms=list(series["latency"]),
            activities=[dict(a) for a in self.activities],
            instances=[dict(i) for i in self.instances],
            cost_billed_per_second_usd=round(per_second, 6),
            cost_billed_per_hour_usd=round(per_hour, 6),
            dropped_requests=round(float(sum(series["dropped"])) * 60.0, 3),
        )

    def run(self) -> AsgRun:
        """Simulate every remaining minute of ``load_rps`` and return the run."""
        for minute in range(self._minute, len(self._load)):
            self.step(minute)
        return self.result()


_SERIES = ("desired", "min", "max", "in_service", "pending", "capacity", "served", "dropped", "cpu", "latency")
_LAUNCHED = operator.itemgetter("LaunchMinute")


@checked
def simulate_group(load_rps: Sequence[float], policies: Sequence[dict], **group) -> AsgRun:
    """Run the group minute by minute against ``load_rps`` (mean requests per second in each minute).

    ``group`` takes :class:`GroupSimulation`'s keyword arguments (min_size, max_size, desired_capacity,
    bootstrap_minutes, scheduled_actions, instance_refresh, seed, ...).

    >>> run = simulate_group([50.0] * 60 + [450.0] * 60, [TARGET_TRACKING_EXAMPLE], min_size=1, max_size=10)
    >>> max(run.desired), run.dropped_requests, run.cost_billed_per_second_usd
    (8, 147000.0, 0.864)
    """
    return GroupSimulation(load_rps, policies, **group).run()


@checked
def summarise(run: AsgRun) -> dict:
    """Return what an explorer compares: cost both ways, requests dropped, peak and mean instances, p95 latency.

    >>> run = simulate_group([150.0] * 30, [TARGET_TRACKING_EXAMPLE], min_size=1, max_size=4)
    >>> summarise(run)["peak_instances"], summarise(run)["dropped_requests"]
    (3, 0.0)
    """
    return {
        "cost_billed_per_second_usd": run.cost_billed_per_second_usd,
        "cost_billed_per_hour_usd": run.cost_billed_per_hour_usd,
        "dropped_requests": run.dropped_requests,
        "peak_instances": max(run.desired),
        "mean_instances": round(float(np.mean(run.desired)), 3),
        "p95_latency_ms": round(float(np.percentile(run.latency_ms, 95)), 3),
        "scaling_activities": sum(1 for a in run.activities if a["kind"] in ("simple", "step", "target")),
        "instances_launched": len(run.instances),
    }


@checked
def compare_policy_sets(load_rps: Sequence[float], policy_sets: dict[str, Sequence[dict]], **group) -> pd.DataFrame:
    """Run the same load under each named set of policies and return one summary row per set.

    >>> load = daily_load(minutes=120)
    >>> table = compare_policy_sets(load, {"none": [], "target": [TARGET_TRACKING_EXAMPLE]}, min_size=1)
    >>> table[["policies", "peak_instances"]].values.tolist()
    [['none', 2], ['target', 2]]
    """
    import pandas as pd

    if not policy_sets:
        raise ValueError("policy_sets must name at least one set of policies, got {}")
    rows = [
        {"policies": name, **summarise(simulate_group(load_rps, list(policies), **group))}
        for name, policies in policy_sets.items()
    ]
    return pd.DataFrame(rows)


@checked
def daily_load(
    peak_rps: float = 800.0,
    base_rps: float = 100.0,
    seed: int = 0,
    noise_fraction: float = 0.05,
    spike_minute: int | None = None,
    spike_rps: float = 0.0,
    minutes: int = 1440,
) -> list[float]:
    """Return a seeded day of load (requests per second per minute): a daytime hump, noise and an optional spike.

    >>> load = daily_load(seed=0)
    >>> len(load), round(max(load)), round(min(load))
    (1440, 875, 81)
    """
    peak = validate.number("peak_rps", peak_rps, minimum=0)
    base = validate.number("base_rps", base_rps, minimum=0, maximum=peak, maximum_name="peak_rps")
    n = validate.integer("minutes", minutes, minimum=1, maximum=60 * 24 * 31)
    t = np.arange(n) % 1440
    hump = np.clip(np.sin((t - 360) / 720 * np.pi), 0, None) ** 2
    rng = np.random.default_rng(seed)
    load = base + (peak - base) * hump
    load = load * (1 + rng.normal(0, validate.number("noise_fraction", noise_fraction, minimum=0), n))
    if spike_minute is not None:
        start = validate.integer("spike_minute", spike_minute, minimum=0, maximum=n - 1)
        load[start : start + 30] += validate.number("spike_rps", spike_rps, minimum=0)
    return [round(float(x), 6) for x in np.clip(load, 0, None)]
