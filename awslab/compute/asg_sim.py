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
"""

from __future__ import annotations

import bisect
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
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

if TYPE_CHECKING:
    import pandas as pd

POLICY_TYPES = ("SimpleScaling", "StepScaling", "TargetTrackingScaling")
DEFAULT_AZS = ("us-east-1a", "us-east-1b", "us-east-1c")
TARGET_TRACKING_OUT_MINUTES = 3
TARGET_TRACKING_IN_MINUTES = 15


@dataclass(frozen=True)
class AsgRun:
    """Per-minute series, the activity log and the bill of one simulated day (or any span)."""

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
    cost_per_second_usd: float
    cost_per_hour_usd: float
    dropped_requests: float


def _check_policy(i: int, policy: dict) -> dict:
    kind = validate.choice(f"policies[{i}].PolicyType", policy.get("PolicyType"), POLICY_TYPES)
    if kind == "TargetTrackingScaling":
        cfg = policy.get("TargetTrackingConfiguration", {})
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


def simulate_group(
    load_rps: Sequence[float],
    policies: Sequence[dict],
    min_size: int = 1,
    max_size: int = 10,
    desired_capacity: int = 2,
    instance_capacity_rps: float = 100.0,
    bootstrap_minutes: int = 5,
    instance_warmup_minutes: int = 5,
    default_cooldown_seconds: int = DEFAULT_COOLDOWN_SECONDS,
    scheduled_actions: Sequence[dict] = (),
    availability_zones: Sequence[str] = DEFAULT_AZS,
    failures_per_instance_hour: float = 0.0,
    health_detection_minutes: int = 2,
    instance_refresh: dict | None = None,
    usd_per_hour: float = 0.096,
    base_latency_ms: float = 50.0,
    scale_in_ratio: float = 0.9,
    seed: int = 0,
) -> AsgRun:
    """Run the group minute by minute against ``load_rps`` (mean requests per second in each minute).

    ``instance_refresh`` is {"StartMinute": m, "MinHealthyPercentage": p}: from minute m the launch template version
    is bumped and old instances are replaced in batches that keep p percent of the desired capacity InService.
    """
    load = np.asarray(load_rps, dtype=float)
    if load.ndim != 1 or load.size == 0 or not np.isfinite(load).all() or (load < 0).any():
        raise ValueError("load_rps must be a non-empty list of finite numbers >= 0 (requests per second per minute)")
    load_list = load.tolist()  # plain floats: per-minute arithmetic on numpy scalars is several times slower
    load_rounded = [round(x, 6) for x in load_list]
    lo = validate.integer("min_size", min_size, minimum=0)
    hi = validate.integer("max_size", max_size, minimum=0)
    if hi < lo:
        raise ValueError(f"max_size={hi} is below min_size={lo}; max_size must be >= min_size")
    desired = validate.integer("desired_capacity", desired_capacity, minimum=lo, maximum=hi)
    cap = validate.number("instance_capacity_rps", instance_capacity_rps, minimum=0, exclusive_minimum=True)
    boot = validate.integer("bootstrap_minutes", bootstrap_minutes, minimum=0, maximum=120)
    warm = validate.integer("instance_warmup_minutes", instance_warmup_minutes, minimum=0, maximum=120)
    cooldown = validate.integer("default_cooldown_seconds", default_cooldown_seconds, minimum=0) / 60.0
    fail_p = validate.number("failures_per_instance_hour", failures_per_instance_hour, minimum=0, maximum=60) / 60
    detect = validate.integer("health_detection_minutes", health_detection_minutes, minimum=0)
    price = validate.number("usd_per_hour", usd_per_hour, minimum=0)
    validate.number("scale_in_ratio", scale_in_ratio, minimum=0, maximum=1)
    azs = list(availability_zones)
    if not azs:
        raise ValueError("availability_zones must name at least one AZ")
    checked = [_check_policy(i, p) for i, p in enumerate(policies)]
    schedule: dict[int, list[dict]] = {}
    for i, action in enumerate(scheduled_actions):
        minute = validate.integer(f"scheduled_actions[{i}].StartMinute", action.get("StartMinute"), minimum=0)
        schedule.setdefault(minute, []).append(action)
    refresh_at = None
    if instance_refresh is not None:
        refresh_at = validate.integer("instance_refresh.StartMinute", instance_refresh.get("StartMinute"), minimum=0)
        healthy_pct = validate.number(
            "instance_refresh.MinHealthyPercentage",
            instance_refresh.get("MinHealthyPercentage", 90),
            minimum=0,
            maximum=100,
        )

    rng = np.random.default_rng(seed)
    instances: list[dict] = []
    alive: list[dict] = []  # always in launch order, so sorted by LaunchMinute (bisect counts InService)
    counter = 0
    version = 1
    activities: list[dict] = []
    simple_cooldown_until = -math.inf  # one cooldown for the group, shared by all its simple policies
    cpu_history: list[float] = []
    series = {
        k: []
        for k in ("desired", "min", "max", "in_service", "pending", "capacity", "served", "dropped", "cpu", "latency")
    }
    add_desired, add_min, add_max = series["desired"].append, series["min"].append, series["max"].append
    add_in_service, add_pending = series["in_service"].append, series["pending"].append
    add_capacity, add_served, add_dropped = series["capacity"].append, series["served"].append, series["dropped"].append
    add_cpu, add_latency = series["cpu"].append, series["latency"].append
    capacity_rounded: dict[int, float] = {}  # by healthy instance count: the same few values all day
    saturated_latency = round(base_latency_ms / (1.0 - 0.99), 6)
    launched = operator.itemgetter("LaunchMinute")
    # What each policy needs every minute, read once (the checks above accepted these values).
    plans = []
    for idx, policy in enumerate(checked):
        name = policy.get("PolicyName", f"policy-{idx}")
        if policy["PolicyType"] == "TargetTrackingScaling":
            cfg = policy["TargetTrackingConfiguration"]
            target = float(cfg["TargetValue"])
            plans.append(
                {
                    "kind": "target",
                    "name": name,
                    "target": target,
                    "per_instance": cap * target / 100.0,
                    "scale_in": not cfg.get("DisableScaleIn", False),
                    "in_below": target * scale_in_ratio,
                }
            )
            continue
        alarm = policy["Alarm"]
        periods = int(alarm["EvaluationPeriods"])
        plans.append(
            {
                "kind": "simple" if policy["PolicyType"] == "SimpleScaling" else "step",
                "name": name,
                "policy": policy,
                "period": int(alarm.get("Period", 60)) // 60,
                "periods": periods,
                "needed": int(alarm.get("DatapointsToAlarm") or periods),
                "compare": COMPARISONS[alarm["ComparisonOperator"]],
                "threshold": float(alarm["Threshold"]),
                "breaches": [],  # 1 where a datapoint breaches; the alarm counts the last ``periods`` of them
                "breaching": 0,
            }
        )

    def launch(now: int) -> None:
        nonlocal counter
        per_az = {az: 0 for az in azs}
        for inst in alive:
            per_az[inst["AvailabilityZone"]] += 1
        counter += 1
        inst = {
            "InstanceId": f"i-{counter:05d}",
            "AvailabilityZone": choose_launch_az(per_az),
            "LaunchTemplateVersion": version,
            "LaunchMinute": now,
            "EndMinute": None,
            "FailedMinute": None,
            "EndReason": None,
        }
        instances.append(inst)
        alive.append(inst)

    def terminate(inst: dict, now: int, why: str) -> None:
        inst["EndMinute"], inst["EndReason"] = now, why
        alive.remove(inst)

    def record(now: int, kind: str, name: str, before: int, after: int, until: float | None = None) -> None:
        activities.append(
            {"minute": now, "kind": kind, "policy": name, "from": before, "to": after, "cooldown_until": until}
        )

    for _ in range(desired):
        launch(0)
    for inst in instances:
        inst["LaunchMinute"] = -boot - warm  # the starting fleet is already InService and warm

    for now in range(load.size):
        for action in schedule.get(now, ()):
            before = desired
            if "MinSize" in action:
                lo = validate.integer("scheduled_actions.MinSize", action["MinSize"], minimum=0)
            if "MaxSize" in action:
                hi = validate.integer("scheduled_actions.MaxSize", action["MaxSize"], minimum=0)
            if hi < lo:
                raise ValueError(f"scheduled action at minute {now} leaves MaxSize={hi} below MinSize={lo}")
            if "DesiredCapacity" in action:
                desired = validate.integer("scheduled_actions.DesiredCapacity", action["DesiredCapacity"], minimum=0)
            desired = min(max(desired, lo), hi)
            record(now, "scheduled", action.get("ScheduledActionName", f"scheduled-{now}"), before, desired)

        # health: failures happen at random; the load balancer health check notices after a delay
        # (no failure rate, no failed instance: both steps only run with one)
        if fail_p > 0:
            serving = [i for i in alive if now - i["LaunchMinute"] >= boot and i["FailedMinute"] is None]
            if serving:
                for inst, hit in zip(serving, rng.random(len(serving)) < fail_p, strict=True):
                    if hit:
                        inst["FailedMinute"] = now
            for inst in [i for i in alive if i["FailedMinute"] is not None and now - i["FailedMinute"] >= detect]:
                terminate(inst, now, "health check replacement")
                record(now, "health", inst["InstanceId"], desired, desired)

        # InService: launched at least ``boot`` minutes ago, a prefix of ``alive``; warming: the newest is recent
        n_in_service = bisect.bisect_right(alive, now - boot, key=launched)
        if fail_p > 0:
            n_now = sum(1 for i in alive[:n_in_service] if i["FailedMinute"] is None)
        else:
            n_now = n_in_service
        warming = bool(alive) and alive[-1]["LaunchMinute"] > now - boot - warm
        load_now = load_list[now]
        capacity = n_now * cap
        overloaded = capacity < load_now
        served = capacity if overloaded else load_now  # min(load_now, capacity)
        if capacity == 0:
            cpu = 100.0 if load_now > 0 else 0.0
        else:
            cpu = min(100.0, 100.0 * load_now / capacity)
        cpu_history.append(cpu)
        rho = min(load_now / capacity, 0.99) if capacity else (0.99 if load_now > 0 else 0.0)

        for plan in plans:
            name = plan["name"]
            before = desired
            if plan["kind"] == "target":
                needed = math.ceil(load_now / plan["per_instance"] - 1e-9)
                if (
                    now + 1 >= TARGET_TRACKING_OUT_MINUTES
                    and min(cpu_history[-TARGET_TRACKING_OUT_MINUTES:]) > plan["target"]
                ):
                    desired = max(desired, min(hi, max(lo, needed)))
                elif (
                    plan["scale_in"]
                    and not warming
                    and now + 1 >= TARGET_TRACKING_IN_MINUTES
                    and max(cpu_history[-TARGET_TRACKING_IN_MINUTES:]) < plan["in_below"]
                ):
                    desired = min(desired, max(lo, min(hi, needed)))
                if desired != before:
                    record(now, "target", name, before, desired)
                continue
            period = plan["period"]
            if (now + 1) % period:
                continue
            window = cpu_history[-period:]
            datapoint = sum(window) / len(window)
            # M of the last N datapoints breach (the same rule as ``alarm_states``, for the newest point)
            breaches = plan["breaches"]
            breaches.append(1 if plan["compare"](datapoint, plan["threshold"]) else 0)
            plan["breaching"] += breaches[-1]
            if len(breaches) > plan["periods"]:
                plan["breaching"] -= breaches[-plan["periods"] - 1]
            if len(breaches) < plan["periods"] or plan["breaching"] < plan["needed"]:
                continue
            policy = plan["policy"]
            if plan["kind"] == "simple":
                if now < simple_cooldown_until:
                    continue
                change = scaling_adjustment(
                    desired, policy["AdjustmentType"], policy["ScalingAdjustment"], policy.get("MinAdjustmentMagnitude")
                )
                if change < 0 and warming:
                    continue
                desired = min(max(desired + change, lo), hi)
                if desired != before:
                    wait = policy.get("Cooldown", cooldown * 60) / 60.0
                    simple_cooldown_until = now + (boot if desired > before else 0) + wait
                    record(now, "simple", name, before, desired, simple_cooldown_until)
                continue
            new = apply_step_scaling(
                n_now,
                datapoint,
                plan["threshold"],
                policy["StepAdjustments"],
                policy["AdjustmentType"],
                lo,
                hi,
                policy.get("MinAdjustmentMagnitude"),
            )
            if new > n_now:
                desired = max(desired, new)
            elif new < n_now and not warming:
                desired = min(desired, new)
            if desired != before:
                record(now, "step", name, before, desired)

        # instance refresh: replace old-version instances in batches that keep MinHealthyPercentage InService
        if refresh_at is not None and now >= refresh_at:
            if now == refresh_at:
                version += 1
                record(now, "refresh", "instance-refresh", desired, desired)
            old = [i for i in alive if i["LaunchTemplateVersion"] < version]
            if old and not warming:
                keep = math.ceil(desired * healthy_pct / 100.0)
                batch = max(1, len(alive) - keep)
                for inst in sorted(old, key=lambda i: i["LaunchMinute"])[:batch]:
                    terminate(inst, now, "instance refresh")

        while len(alive) < desired:
            launch(now)
        while len(alive) > desired:
            snapshot = [
                {k: i[k] for k in ("InstanceId", "AvailabilityZone", "LaunchTemplateVersion", "LaunchMinute")}
                for i in alive
            ]
            victim = choose_instance_to_terminate(snapshot, now, seed=seed + now)
            terminate(next(i for i in alive if i["InstanceId"] == victim), now, "scale in")

        add_desired(desired)
        add_min(lo)
        add_max(hi)
        add_in_service(n_in_service)
        add_pending(len(alive) - bisect.bisect_right(alive, now - boot, key=launched))
        # every value rounded to 6 decimals; the common cases reuse a rounding already done
        capacity_r = capacity_rounded.get(n_now)
        if capacity_r is None:
            capacity_r = capacity_rounded[n_now] = round(capacity, 6)
        add_capacity(capacity_r)
        if overloaded:
            add_served(capacity_r)
            add_dropped(round(load_now - served, 6))
        else:
            add_served(load_rounded[now])
            add_dropped(0.0)  # round(load_now - load_now, 6)
        add_cpu(100.0 if cpu == 100.0 else round(cpu, 6))
        add_latency(saturated_latency if rho == 0.99 else round(base_latency_ms / (1.0 - rho), 6))

    end = load.size
    per_second = per_hour = 0.0
    for inst in instances:
        start = max(inst["LaunchMinute"], 0)
        stop = end if inst["EndMinute"] is None else inst["EndMinute"]
        minutes = max(stop - start, 0)
        if stop > start or inst["EndMinute"] is not None:
            per_second += price * max(minutes, 1) / 60.0
            per_hour += price * max(math.ceil(minutes / 60.0), 1)
    return AsgRun(
        minutes=list(range(end)),
        load_rps=load_rounded,
        desired=series["desired"],
        min_size=series["min"],
        max_size=series["max"],
        in_service=series["in_service"],
        pending=series["pending"],
        capacity_rps=series["capacity"],
        served_rps=series["served"],
        dropped_rps=series["dropped"],
        cpu_percent=series["cpu"],
        latency_ms=series["latency"],
        activities=activities,
        instances=[dict(i) for i in instances],
        cost_per_second_usd=round(per_second, 6),
        cost_per_hour_usd=round(per_hour, 6),
        dropped_requests=round(float(sum(series["dropped"])) * 60.0, 3),
    )


def summarise(run: AsgRun) -> dict:
    """Return what an explorer compares: cost both ways, requests dropped, peak and mean instances, p95 latency."""
    return {
        "cost_per_second_usd": run.cost_per_second_usd,
        "cost_per_hour_usd": run.cost_per_hour_usd,
        "dropped_requests": run.dropped_requests,
        "peak_instances": max(run.desired),
        "mean_instances": round(float(np.mean(run.desired)), 3),
        "p95_latency_ms": round(float(np.percentile(run.latency_ms, 95)), 3),
        "scaling_activities": sum(1 for a in run.activities if a["kind"] in ("simple", "step", "target")),
        "instances_launched": len(run.instances),
    }


def compare_policy_sets(load_rps: Sequence[float], policy_sets: dict[str, Sequence[dict]], **group) -> pd.DataFrame:
    """Run the same load under each named set of policies and return one summary row per set."""
    import pandas as pd

    if not policy_sets:
        raise ValueError("policy_sets must name at least one set of policies, got {}")
    rows = [
        {"policies": name, **summarise(simulate_group(load_rps, list(policies), **group))}
        for name, policies in policy_sets.items()
    ]
    return pd.DataFrame(rows)


def daily_load(
    peak_rps: float = 800.0,
    base_rps: float = 100.0,
    seed: int = 0,
    noise_fraction: float = 0.05,
    spike_minute: int | None = None,
    spike_rps: float = 0.0,
    minutes: int = 1440,
) -> list[float]:
    """Return a seeded day of load (requests per second per minute): a daytime hump, noise and an optional spike."""
    peak = validate.number("peak_rps", peak_rps, minimum=0)
    base = validate.number("base_rps", base_rps, minimum=0, maximum=peak)
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
