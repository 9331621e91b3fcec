"""Explorers of 03_auto_scaling: a group through a day, step scaling and instance refresh."""

from __future__ import annotations

import functools
import json

from awslab import ui, validate
from awslab.compute import asg_sim, autoscaling, figures


def explore_scaling_policies(
    peak_rps: float = 1000, bootstrap_minutes: int = 5, max_size: int = 15, seed: int = 0
) -> ui.Explorer:
    """One day of an Auto Scaling group under each policy set: capacity, latency, dropped load and the bill.

    >>> explore_scaling_policies().last_view.numbers["scaling actions"]
    '25'
    """

    def view(policies, peak_rps, bootstrap_minutes, cooldown_seconds, max_size, spike_rps):
        preset = json.dumps(asg_sim.POLICY_PRESETS[policies])  # the policies themselves key the cache, not their name
        run, s = _scaling_day(preset, peak_rps, bootstrap_minutes, cooldown_seconds, max_size, spike_rps, seed)
        return ui.View(
            figures.asg_figure(run, every=5),
            {
                "requests dropped": f"{s['dropped_requests']:,.0f}",
                "p95 latency": f"{s['p95_latency_ms']:,.0f} ms",
                "peak / mean instances": f"{s['peak_instances']} / {s['mean_instances']:g}",
                "scaling actions": str(s["scaling_activities"]),
                "the run's cost, billed per second": f"USD {s['cost_billed_per_second_usd']:.2f}",
                "the run's cost, if billed per hour": f"USD {s['cost_billed_per_hour_usd']:.2f}",
            },
        )

    return ui.explorer(
        "An Auto Scaling group through a day",
        [
            ui.Choice(
                "policies",
                "scaling policies",
                options=list(asg_sim.POLICY_PRESETS),
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


@functools.lru_cache(maxsize=32, typed=True)  # typed: 1, 1.0 and True stay apart
def _scaling_day(policies_json, peak_rps, bootstrap_minutes, cooldown_seconds, max_size, spike_rps, seed):
    load = asg_sim.daily_load(peak_rps=peak_rps, seed=seed, spike_minute=14 * 60, spike_rps=spike_rps)
    run = asg_sim.simulate_group(
        load,
        validate.json_document("policies", policies_json, expect=list),
        min_size=2,
        max_size=max_size,
        desired_capacity=2,
        bootstrap_minutes=bootstrap_minutes,
        default_cooldown_seconds=cooldown_seconds,
        seed=seed,
    )
    return run, asg_sim.summarise(run)


def explore_step_scaling(
    current_capacity: int = 10,
    threshold: float = 50,
    step_adjustments_json: str = json.dumps(autoscaling.DEFAULT_STEPS, indent=1),
) -> ui.Explorer:
    """One step-scaling action: paste StepAdjustments (AWS's JSON) and see the new capacity for every metric value.

    >>> explore_step_scaling().last_view.numbers["capacity"]
    '10 -> 11'
    """
    grid = [float(v) for v in range(0, 101)]

    def view(metric_value, step_adjustments_json, adjustment_type, current_capacity, threshold):
        steps = validate.json_document("StepAdjustments", step_adjustments_json, expect=list)
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
    """Rolling a patch through a group with an instance refresh: MinHealthyPercentage against dropped requests.

    >>> explore_instance_refresh().last_view.numbers["instances on the new version at the end"]
    '17 of 17'
    """
    policy = asg_sim.POLICY_PRESETS["target tracking: 60 % CPU"]

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
