"""Explorers for the Compute notebooks: controls -> model -> figure, all built through awslab.ui."""

from __future__ import annotations

import functools
import json

import numpy as np

from awslab import ui
from awslab.compute import asg_sim, autoscaling, beanstalk, ec2, elb, elb_sim, figures, lambda_cost, lifecycle, pricing


def _cached(func):
    """``func`` (a pure model call) with its results kept for repeated arguments: moving a control back is free.

    Arguments are hashed with their types (1, 1.0 and True stay apart); unhashable ones skip the cache.
    """
    cached = functools.lru_cache(maxsize=32, typed=True)(func)

    @functools.wraps(func)
    def call(*args):
        try:
            hash(args)
        except TypeError:
            return func(*args)
        return cached(*args)

    return call


# --- EC2 basics ------------------------------------------------------------------------------------------------


def explore_right_sizing(
    vcpu_needed: float = 3, memory_gib_needed: float = 10, headroom_fraction: float = 0.2
) -> ui.Explorer:
    """The cheapest instance type that fits a workload's vCPUs and memory (plus headroom), from the price table."""

    def view(memory_gib_needed, vcpu_needed, headroom_fraction, allow_burstable):
        result = ec2.right_size(vcpu_needed, memory_gib_needed, headroom_fraction, allow_burstable=allow_burstable)
        best = result.best
        numbers = {
            "needed with headroom": f"{result.vcpu_needed:g} vCPU, {result.memory_gib_needed:g} GiB",
            "cheapest fit": best.name if best else "nothing fits: split the workload",
        }
        if best:
            numbers["its price"] = f"${best.usd_per_hour:.4f}/h, ${best.usd_per_hour * ec2.HOURS_PER_MONTH:,.2f}/month"
            numbers["family ratio"] = f"{best.memory_gib_per_vcpu:g} GiB per vCPU"
        return ui.View(figures.right_sizing_figure(result), numbers)

    return ui.explorer(
        "Right-sizing: the cheapest type that fits",
        [
            ui.Slider(
                "memory_gib_needed",
                "memory needed",
                min=0.5,
                max=768,
                step=0.5,
                value=memory_gib_needed,
                unit="GiB",
                static_values=[1, 2, 4, 8, 10, 16, 32, 64, 128, 256, 384, 768],
            ),
            ui.Number("vcpu_needed", "vCPUs needed", value=vcpu_needed, unit="vCPU"),
            ui.Slider("headroom_fraction", "headroom", min=0, max=1, step=0.1, value=headroom_fraction),
            ui.Toggle("allow_burstable", "allow burstable (t3)", value=True),
        ],
        view,
    )


LIFECYCLE_SCENARIOS = {
    "stop, then start": ["stop", "start"],
    "reboot": ["reboot"],
    "terminate": ["terminate"],
    "OS shutdown (shutdown behaviour: stop)": ["os_shutdown"],
    "Spot interruption": ["spot_interruption"],
    "Auto Scaling scale-in": ["scale_in"],
    "stop, then terminate": ["stop", "terminate"],
}


def explore_lifecycle(elastic_ip: bool = False, termination_protection: bool = False) -> ui.Explorer:
    """Apply a sequence of lifecycle actions to an EBS-backed instance and see what survives each step."""

    def view(scenario, elastic_ip, data_volume_delete_on_termination, termination_protection):
        instance = lifecycle.Instance(
            elastic_ip="3.80.0.7" if elastic_ip else None,
            public_ip="3.80.0.7" if elastic_ip else "54.0.0.10",
            data_ebs_delete_on_termination=data_volume_delete_on_termination,
            disable_api_termination=termination_protection,
        )
        steps = lifecycle.run_actions(instance, LIFECYCLE_SCENARIOS[scenario])
        final = steps[-1].after
        return ui.View(
            figures.lifecycle_figure(steps),
            {
                "final state": final.state,
                "public address now": final.public_ip or "none",
                "billed for instance hours": "yes" if final.state in lifecycle.BILLED_STATES else "no",
                "refused": next((s.refused for s in steps if s.refused), "nothing"),
            },
        )

    return ui.explorer(
        "What survives a lifecycle transition?",
        [
            ui.Choice("scenario", "actions", options=list(LIFECYCLE_SCENARIOS), value="stop, then start"),
            ui.Toggle("elastic_ip", "Elastic IP associated", value=elastic_ip),
            ui.Toggle("data_volume_delete_on_termination", "data volume DeleteOnTermination", value=False),
            ui.Toggle(
                "termination_protection", "termination protection (DisableApiTermination)", value=termination_protection
            ),
        ],
        view,
    )


# --- Paying for EC2 --------------------------------------------------------------------------------------------


def explore_breakeven(
    on_demand_usd_per_hour: float = pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR, utilization_percent: float = 60
) -> ui.Explorer:
    """Cost of one m5.large over a term at a utilisation: On-Demand against each Reserved Instance payment option."""
    grid = np.linspace(0, 1, 21)

    def view(utilization_percent, on_demand_usd_per_hour, term_years):
        costs = pricing.cost_over_term(grid, on_demand_usd_per_hour, term_years=term_years)
        at = pricing.cost_over_term([utilization_percent / 100], on_demand_usd_per_hour, term_years=term_years)
        row = at.iloc[0].drop("utilization")
        offers = [r for r in pricing.M5_LARGE_RESERVATIONS if r.term_years == term_years]
        numbers = {
            "cheapest here": f"{row.idxmin()} (${row.min():,.0f})",
            "On-Demand here": f"${row['On-Demand']:,.0f}",
        }
        for r in offers:
            share = ec2.breakeven_utilization(
                on_demand_usd_per_hour, r.upfront_usd, r.recurring_usd_per_hour, r.term_hours
            )
            numbers[f"break-even, {r.payment_option}"] = f"{share:.0%}" if share <= 1 else "never"
        return ui.View(figures.breakeven_figure(costs, utilization_percent / 100), numbers)

    return ui.explorer(
        "Reserve or pay On-Demand?",
        [
            ui.Slider(
                "utilization_percent", "utilisation", min=0, max=100, step=5, value=utilization_percent, unit="%"
            ),
            ui.Number("on_demand_usd_per_hour", "On-Demand price", value=on_demand_usd_per_hour, unit="USD/h"),
            ui.Choice("term_years", "term", options=[("1 year", 1), ("3 years", 3)], value=1),
        ],
        view,
    )


OFFERINGS = {f"{r.term_years}-year {r.payment_option}": r for r in pricing.M5_LARGE_RESERVATIONS}


def explore_fleet_mix(base_instances: int = 4, peak_instances: int = 12) -> ui.Explorer:
    """How many reservations for a weekly profile: reserve the always-on baseline, pay On-Demand for the peak."""

    def view(offering, base_instances, peak_instances, weekend_peak_fraction):
        profile = pricing.weekly_profile(base_instances, peak_instances, weekend_peak_fraction)
        result = pricing.fleet_cost(profile, pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR, OFFERINGS[offering])
        saving = 1 - result.best_usd / result.all_on_demand_usd if result.all_on_demand_usd else 0.0
        return ui.View(
            figures.fleet_cost_figure(result),
            {
                "reserve": f"{result.best_reserved_count} of a peak of {max(profile)} instances",
                "always needed (baseline)": f"{min(profile)} instances",
                "all On-Demand": f"${result.all_on_demand_usd:,.0f}",
                "best mix": f"${result.best_usd:,.0f} ({saving:.0%} less)",
            },
        )

    return ui.explorer(
        "Reserve the baseline, On-Demand the peak",
        [
            ui.Choice("offering", "reservation", options=list(OFFERINGS), value="1-year No Upfront"),
            ui.Number("base_instances", "instances all night", value=base_instances, integer=True),
            ui.Slider(
                "peak_instances",
                "weekday peak",
                min=1,
                max=30,
                step=1,
                value=peak_instances,
                unit="instances",
                integer=True,
            ),
            ui.Slider(
                "weekend_peak_fraction", "weekend peak (share of the weekday hump)", min=0, max=1, step=0.1, value=0.5
            ),
        ],
        view,
    )


SPOT_HORIZON_HOURS = 48.0


def explore_spot(work_hours: float = 12, seed: int = 0) -> ui.Explorer:
    """A checkpointed batch job on Spot: the price path against the maximum price, interruptions and lost work."""

    def view(max_price_percent, work_hours, checkpoint_every_minutes, checkpoint_on_notice, reclaims_per_day):
        od = pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR
        max_price = od * max_price_percent / 100
        run = pricing.simulate_spot_job(
            work_hours,
            max_price,
            seed,
            checkpoint_every_minutes=checkpoint_every_minutes,
            checkpoint_on_notice=checkpoint_on_notice,
            reclaims_per_day=reclaims_per_day,
            horizon_hours=SPOT_HORIZON_HOURS,
            step_minutes=10.0,
        )
        finished = f"{run.finished_minute / 60:g} h" if run.finished_minute is not None else "not within 48 h"
        return ui.View(
            figures.spot_figure(run, max_price),
            {
                "finished after": finished,
                "interruptions": str(run.interruptions),
                "work lost": f"{run.work_lost_hours:g} h",
                "cost": f"${run.cost_usd:.2f} (On-Demand ${run.on_demand_cost_usd:.2f})",
            },
        )

    return ui.explorer(
        "A batch job on Spot",
        [
            ui.Slider(
                "max_price_percent",
                "maximum price",
                min=20,
                max=100,
                step=5,
                value=40,
                unit="% of On-Demand",
                static_values=[25, 30, 35, 40, 50, 70, 100],
            ),
            ui.Slider("work_hours", "work", min=1, max=48, step=1, value=work_hours, unit="h"),
            ui.Slider("checkpoint_every_minutes", "checkpoint every", min=5, max=240, step=5, value=30, unit="min"),
            ui.Toggle("checkpoint_on_notice", "checkpoint on the two-minute notice", value=False),
            ui.Number("reclaims_per_day", "capacity reclaims per day", value=0.0),
        ],
        view,
    )


# --- Auto Scaling ----------------------------------------------------------------------------------------------


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


def explore_scaling_policies(
    peak_rps: float = 1000, bootstrap_minutes: int = 5, max_size: int = 15, seed: int = 0
) -> ui.Explorer:
    """One day of an Auto Scaling group under each policy set: capacity, latency, dropped load and the bill."""

    def view(policies, peak_rps, bootstrap_minutes, cooldown_seconds, max_size, spike_rps):
        preset = json.dumps(POLICY_PRESETS[policies])  # the policies themselves key the cache, not their name
        run, s = _scaling_day(preset, peak_rps, bootstrap_minutes, cooldown_seconds, max_size, spike_rps, seed)
        return ui.View(
            figures.asg_figure(run, every=5),
            {
                "requests dropped": f"{s['dropped_requests']:,.0f}",
                "p95 latency": f"{s['p95_latency_ms']:,.0f} ms",
                "peak / mean instances": f"{s['peak_instances']} / {s['mean_instances']:g}",
                "scaling actions": str(s["scaling_activities"]),
                "billed per second": f"${s['cost_per_second_usd']:.2f}",
                "if billed per hour": f"${s['cost_per_hour_usd']:.2f}",
            },
        )

    return ui.explorer(
        "An Auto Scaling group through a day",
        [
            ui.Choice(
                "policies",
                "scaling policies",
                options=list(POLICY_PRESETS),
                value="step: out fast (+1/+2/+4), in slowly (-1)",
            ),
            ui.Slider("peak_rps", "daytime peak", min=200, max=1500, step=100, value=peak_rps, unit="req/s"),
            ui.Slider(
                "bootstrap_minutes",
                "boot + bootstrap time",
                min=0,
                max=20,
                step=1,
                value=bootstrap_minutes,
                unit="min",
                integer=True,
            ),
            ui.Slider(
                "cooldown_seconds", "default cooldown", min=0, max=900, step=60, value=300, unit="s", integer=True
            ),
            ui.Number("max_size", "MaxSize", value=max_size, integer=True),
            ui.Slider("spike_rps", "extra load at 14:00 for 30 min", min=0, max=800, step=100, value=0, unit="req/s"),
        ],
        view,
    )


@_cached
def _scaling_day(policies_json, peak_rps, bootstrap_minutes, cooldown_seconds, max_size, spike_rps, seed):
    load = asg_sim.daily_load(peak_rps=peak_rps, seed=seed, spike_minute=14 * 60, spike_rps=spike_rps)
    run = asg_sim.simulate_group(
        load,
        json.loads(policies_json),
        min_size=2,
        max_size=max_size,
        desired_capacity=2,
        bootstrap_minutes=bootstrap_minutes,
        default_cooldown_seconds=cooldown_seconds,
        seed=seed,
    )
    return run, asg_sim.summarise(run)


DEFAULT_STEPS = [
    {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10, "ScalingAdjustment": 0},
    {"MetricIntervalLowerBound": 10, "MetricIntervalUpperBound": 20, "ScalingAdjustment": 10},
    {"MetricIntervalLowerBound": 20, "ScalingAdjustment": 30},
]


def explore_step_scaling(
    current_capacity: int = 10, threshold: float = 50, step_adjustments_json: str = json.dumps(DEFAULT_STEPS, indent=1)
) -> ui.Explorer:
    """One step-scaling action: paste StepAdjustments (AWS's JSON) and see the new capacity for every metric value."""
    grid = [float(v) for v in range(0, 101)]

    def view(metric_value, step_adjustments_json, adjustment_type, current_capacity, threshold):
        try:
            steps = json.loads(step_adjustments_json)
        except json.JSONDecodeError as exc:
            raise ValueError(f"StepAdjustments is not valid JSON: {exc.msg} (line {exc.lineno})") from None
        capacities = [
            autoscaling.apply_step_scaling(current_capacity, m, threshold, steps, adjustment_type) for m in grid
        ]
        new = autoscaling.apply_step_scaling(current_capacity, metric_value, threshold, steps, adjustment_type)
        return ui.View(
            figures.step_scaling_figure(grid, capacities, threshold, metric_value, current_capacity),
            {
                "metric when the alarm fires": f"{metric_value:g}",
                "breach above threshold": f"{metric_value - threshold:+g}",
                "capacity": f"{current_capacity} -> {new}",
            },
        )

    return ui.explorer(
        "Step scaling with AWS's StepAdjustments",
        [
            ui.Slider("metric_value", "metric value", min=40, max=100, step=5, value=65),
            ui.Text("step_adjustments_json", "StepAdjustments (JSON)", value=step_adjustments_json, rows=6),
            ui.Choice(
                "adjustment_type",
                "AdjustmentType",
                options=list(autoscaling.ADJUSTMENT_TYPES),
                value="PercentChangeInCapacity",
            ),
            ui.Number("current_capacity", "current capacity", value=current_capacity, unit="instances", integer=True),
            ui.Number("threshold", "alarm threshold", value=threshold),
        ],
        view,
    )


def explore_instance_refresh(load_rps: float = 900, seed: int = 0) -> ui.Explorer:
    """Rolling a patch through a group with an instance refresh: MinHealthyPercentage against dropped requests."""
    policy = POLICY_PRESETS["target tracking: 60 % CPU"]

    def view(min_healthy_percent, failures_per_instance_hour, bootstrap_minutes):
        load = asg_sim.daily_load(peak_rps=load_rps, base_rps=load_rps, seed=seed, minutes=240)
        run = asg_sim.simulate_group(
            load,
            policy,
            min_size=2,
            max_size=30,
            desired_capacity=15,
            bootstrap_minutes=bootstrap_minutes,
            failures_per_instance_hour=failures_per_instance_hour,
            instance_refresh={"StartMinute": 30, "MinHealthyPercentage": min_healthy_percent},
            seed=seed,
        )
        s = asg_sim.summarise(run)
        patched = [i for i in run.instances if i["LaunchTemplateVersion"] == 2 and i["EndMinute"] is None]
        replaced = sum(1 for a in run.activities if a["kind"] == "health")
        return ui.View(
            figures.asg_figure(run, every=4),
            {
                "instances on the new version at the end": f"{len(patched)} of {run.desired[-1]}",
                "requests dropped": f"{s['dropped_requests']:,.0f}",
                "health-check replacements": str(replaced),
                "instances launched": str(s["instances_launched"]),
            },
        )

    return ui.explorer(
        "Rolling a patch: instance refresh",
        [
            ui.Slider(
                "min_healthy_percent",
                "MinHealthyPercentage",
                min=0,
                max=100,
                step=10,
                value=90,
                unit="%",
                static_values=[0, 20, 40, 60, 80, 90, 100],
            ),
            ui.Number("failures_per_instance_hour", "instance failures per instance-hour", value=0.0),
            ui.Slider(
                "bootstrap_minutes", "boot + bootstrap time", min=1, max=15, step=1, value=5, unit="min", integer=True
            ),
        ],
        view,
    )


# --- Elastic Load Balancing ------------------------------------------------------------------------------------


def explore_cross_zone(targets_a: int = 2, targets_b: int = 8) -> ui.Explorer:
    """Share of all traffic each target receives, cross-zone load balancing on and off."""

    def view(targets_a, targets_b, targets_c):
        per_az = {"us-east-1a": targets_a, "us-east-1b": targets_b}
        if targets_c:
            per_az["us-east-1c"] = targets_c
        on = elb.traffic_share(per_az, True)
        off = elb.traffic_share(per_az, False)
        busiest = max(off.values())
        return ui.View(
            figures.traffic_share_figure(per_az),
            {
                "each target, cross-zone on": f"{next(iter(on.values())):.1%}",
                "busiest target, cross-zone off": f"{busiest:.1%}",
                "busiest / even share": f"{busiest / next(iter(on.values())):.2f}x" if on else "-",
            },
        )

    return ui.explorer(
        "Cross-zone load balancing",
        [
            ui.Slider("targets_a", "targets in us-east-1a", min=1, max=10, step=1, value=targets_a, integer=True),
            ui.Slider("targets_b", "targets in us-east-1b", min=1, max=10, step=1, value=targets_b, integer=True),
            ui.Number("targets_c", "targets in us-east-1c (0: AZ not enabled)", value=0, integer=True),
        ],
        view,
    )


def explore_health_check(interval_seconds: float = 30, timeout_seconds: float = 5) -> ui.Explorer:
    """A target fails at 60 s and recovers at 240 s: when does the load balancer notice each change?"""
    down = [(60.0, 240.0)]

    def view(interval_seconds, unhealthy_threshold, healthy_threshold, timeout_seconds):
        config = elb.HealthCheckConfig(interval_seconds, timeout_seconds, healthy_threshold, unhealthy_threshold)
        seen = elb.health_view(down, 600, config)
        worst_out, worst_back = elb.detection_delay_seconds(config)
        out = next((t for t in range(60, 600) if not seen[t]), None)
        back = next((t for t in range(240, 600) if seen[t]), None)
        return ui.View(
            figures.health_check_figure(seen.tolist(), down),
            {
                "marked unhealthy": f"{out - 60} s after the failure" if out is not None else "never",
                "back in service": f"{back - 240} s after recovery" if back is not None else "not within 600 s",
                "worst case out / back": f"{worst_out:g} s / {worst_back:g} s",
            },
        )

    return ui.explorer(
        "Health checks: how fast in, how fast out",
        [
            ui.Slider(
                "interval_seconds",
                "HealthCheckIntervalSeconds",
                min=5,
                max=60,
                step=5,
                value=interval_seconds,
                unit="s",
            ),
            ui.Slider("unhealthy_threshold", "UnhealthyThresholdCount", min=2, max=10, step=1, value=2, integer=True),
            ui.Slider("healthy_threshold", "HealthyThresholdCount", min=2, max=10, step=1, value=5, integer=True),
            ui.Number("timeout_seconds", "HealthCheckTimeoutSeconds", value=timeout_seconds, unit="s"),
        ],
        view,
    )


ELB_SCENARIOS = {
    "all targets healthy": {},
    "us-east-1a/0 fails at 60 s, back at 180 s": {"failures": [{"target": "us-east-1a/0", "start": 60, "end": 180}]},
    "us-east-1b/0 deregistered at 60 s (draining)": {"deregistrations": [{"target": "us-east-1b/0", "at": 60}]},
    "sticky sessions for 80 % of clients": {"sticky_fraction": 0.8},
}


@_cached
def _elb_run(options_json, cross_zone, deregistration_delay_seconds, idle_timeout_seconds, requests_per_second, seed):
    return elb_sim.simulate_load_balancer(
        {"us-east-1a": 2, "us-east-1b": 4},
        cross_zone,
        requests_per_second,
        300,
        seed,
        target_capacity_rps=20,
        deregistration_delay_seconds=deregistration_delay_seconds,
        idle_timeout_seconds=idle_timeout_seconds,
        clients=100,
        **json.loads(options_json),
    )


def explore_load_balancer(requests_per_second: float = 60, seed: int = 0) -> ui.Explorer:
    """Every request through a load balancer over two AZs: failures, draining, stickiness and idle timeout."""

    def view(scenario, cross_zone, deregistration_delay_seconds, idle_timeout_seconds):
        options = json.dumps(ELB_SCENARIOS[scenario])  # the scenario itself keys the cache, not its name
        result = _elb_run(
            options, cross_zone, deregistration_delay_seconds, idle_timeout_seconds, requests_per_second, seed
        )
        busiest = max(result.share_per_target, key=result.share_per_target.get)
        return ui.View(
            figures.elb_figure(result),
            {
                "served / dropped / timed out": f"{result.served:,} / {result.dropped:,} / {result.timed_out:,}",
                "drops by reason": ", ".join(f"{k}: {v}" for k, v in result.drop_reasons.items() if v) or "none",
                "busiest target": f"{busiest} ({result.share_per_target[busiest]:.0%})",
                "p50 / p99 latency": f"{result.latency_p50_ms:g} / {result.latency_p99_ms:g} ms",
            },
        )

    return ui.explorer(
        "A load balancer, request by request",
        [
            ui.Choice("scenario", "scenario", options=list(ELB_SCENARIOS), value="all targets healthy"),
            ui.Toggle("cross_zone", "cross-zone load balancing", value=True),
            ui.Slider(
                "deregistration_delay_seconds", "deregistration delay", min=0, max=300, step=10, value=30, unit="s"
            ),
            ui.Number("idle_timeout_seconds", "idle timeout", value=60.0, unit="s"),
        ],
        view,
    )


# --- Lambda and Elastic Beanstalk ------------------------------------------------------------------------------


def explore_lambda_vs_instance(
    duration_ms: float = 100, memory_mb: int = 512, instance_usd_per_hour: float = 0.0416
) -> ui.Explorer:
    """Monthly cost of a request-driven workload on Lambda and on always-on instances, against request volume."""
    grid = [float(v) for v in np.logspace(4, 9, 26)]

    def view(duration_ms, memory_mb, instance_usd_per_hour, requests_per_second_per_instance):
        table = lambda_cost.compare(
            grid, duration_ms, memory_mb, instance_usd_per_hour, requests_per_second_per_instance, peak_to_average=3
        )
        even = lambda_cost.breakeven_requests_per_month(duration_ms, memory_mb, instance_usd_per_hour)
        per_million = lambda_cost.lambda_monthly_cost(1e6, duration_ms, memory_mb, free_tier=False).total_usd
        return ui.View(
            figures.lambda_vs_instance_figure(table),
            {
                "Lambda per million requests (no free tier)": f"${per_million:,.2f}",
                "break-even with one always-on instance": f"{even:,.3g} requests/month",
            },
        )

    return ui.explorer(
        "Lambda or an always-on instance?",
        [
            ui.Slider(
                "duration_ms",
                "duration per request",
                min=1,
                max=3000,
                step=1,
                value=duration_ms,
                unit="ms",
                static_values=[10, 20, 50, 100, 200, 500, 1000, 2000],
            ),
            ui.Choice(
                "memory_mb", "memory", options=[128, 256, 512, 1024, 2048, 4096, 10240], value=memory_mb, unit="MB"
            ),
            ui.Number("instance_usd_per_hour", "instance price (t3.medium)", value=instance_usd_per_hour, unit="USD/h"),
            ui.Slider(
                "requests_per_second_per_instance",
                "one instance serves",
                min=10,
                max=500,
                step=10,
                value=100,
                unit="req/s",
            ),
        ],
        view,
    )


def explore_deployment(instances: int = 8, batch_percent: float = 25) -> ui.Explorer:
    """A Beanstalk deployment under each policy: who serves the old and the new version, minute by minute."""

    def view(policy, instances, batch_percent, launch_minutes):
        result = beanstalk.deployment_timeline(
            policy, instances, batch_size=batch_percent, batch_size_type="Percentage", launch_minutes=launch_minutes
        )
        return ui.View(
            figures.deployment_figure(result),
            {
                "duration": f"{result.total_minutes:g} min",
                "lowest serving capacity": f"{result.min_capacity_fraction:.0%}",
                "extra instances at the peak": str(result.extra_instances_peak),
                "rollback": result.rollback,
            },
        )

    return ui.explorer(
        "Elastic Beanstalk deployment policies",
        [
            ui.Choice("policy", "DeploymentPolicy", options=list(beanstalk.DEPLOYMENT_POLICIES), value="Rolling"),
            ui.Number("instances", "instances", value=instances, integer=True),
            ui.Slider("batch_percent", "BatchSize", min=5, max=100, step=5, value=batch_percent, unit="%"),
            ui.Slider("launch_minutes", "time to launch an instance", min=1, max=15, step=1, value=5, unit="min"),
        ],
        view,
    )
