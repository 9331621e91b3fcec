"""Seeded random set-ups of the Auto Scaling simulator, and a digest of everything a run returns.

Used to prove that refactoring ``simulate_group`` keeps its numbers: the digests in
``golden/asg_runs.json`` were captured from the function as it was before it became ``GroupSimulation``.
"""

import hashlib
import json

import numpy as np

from awslab.compute import asg_sim

COMPARISONS = (
    "GreaterThanThreshold",
    "GreaterThanOrEqualToThreshold",
    "LessThanThreshold",
    "LessThanOrEqualToThreshold",
)
CASES = 200


def _alarm(rng, threshold: float, comparison: str) -> dict:
    periods = int(rng.integers(1, 6))
    alarm = {
        "Threshold": threshold,
        "ComparisonOperator": comparison,
        "EvaluationPeriods": periods,
        "Period": 60 * int(rng.integers(1, 4)),
    }
    if rng.random() < 0.4:
        alarm["DatapointsToAlarm"] = int(rng.integers(1, periods + 1))
    return alarm


def _policies(rng) -> list[dict]:
    policies: list[dict] = []
    kind = int(rng.integers(0, 4))
    if kind in (0, 3):
        out = {
            "PolicyName": "simple-out",
            "PolicyType": "SimpleScaling",
            "AdjustmentType": str(rng.choice(["ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity"])),
            "ScalingAdjustment": int(rng.integers(1, 5)),
            "Alarm": _alarm(rng, float(rng.integers(50, 90)), "GreaterThanThreshold"),
        }
        if out["AdjustmentType"] == "ExactCapacity":
            out["ScalingAdjustment"] = int(rng.integers(2, 12))
        if out["AdjustmentType"] == "PercentChangeInCapacity":
            out["ScalingAdjustment"] = int(rng.integers(10, 100))
            out["MinAdjustmentMagnitude"] = 1
        if rng.random() < 0.5:
            out["Cooldown"] = int(rng.integers(0, 10)) * 60
        policies.append(out)
        policies.append(
            {
                "PolicyName": "simple-in",
                "PolicyType": "SimpleScaling",
                "AdjustmentType": "ChangeInCapacity",
                "ScalingAdjustment": -int(rng.integers(1, 3)),
                "Alarm": _alarm(rng, float(rng.integers(10, 45)), "LessThanThreshold"),
            }
        )
    if kind in (1, 3):
        adjustment = str(rng.choice(["ChangeInCapacity", "PercentChangeInCapacity"]))
        big = 4 if adjustment == "ChangeInCapacity" else 100
        policies.append(
            {
                "PolicyName": "step-out",
                "PolicyType": "StepScaling",
                "AdjustmentType": adjustment,
                **({"MinAdjustmentMagnitude": 1} if adjustment == "PercentChangeInCapacity" else {}),
                "StepAdjustments": [
                    {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 15, "ScalingAdjustment": 1},
                    {"MetricIntervalLowerBound": 15, "ScalingAdjustment": big},
                ],
                "Alarm": _alarm(rng, float(rng.integers(50, 80)), "GreaterThanOrEqualToThreshold"),
            }
        )
        policies.append(
            {
                "PolicyName": "step-in",
                "PolicyType": "StepScaling",
                "AdjustmentType": "ChangeInCapacity",
                "StepAdjustments": [{"MetricIntervalUpperBound": 0, "ScalingAdjustment": -int(rng.integers(1, 4))}],
                "Alarm": _alarm(rng, float(rng.integers(15, 45)), "LessThanOrEqualToThreshold"),
            }
        )
    if kind == 2 or rng.random() < 0.15:
        config = {"TargetValue": float(rng.integers(30, 90))}
        if rng.random() < 0.2:
            config["DisableScaleIn"] = True
        policies.append(
            {"PolicyName": "tt", "PolicyType": "TargetTrackingScaling", "TargetTrackingConfiguration": config}
        )
    return policies


def setup(case: int) -> dict:
    """The keyword arguments of one seeded random run of ``simulate_group``."""
    rng = np.random.default_rng(10_000 + case)
    minutes = int(rng.integers(30, 400))
    load = asg_sim.daily_load(
        peak_rps=float(rng.integers(100, 2000)),
        base_rps=float(rng.integers(0, 100)),
        seed=case,
        noise_fraction=float(rng.choice([0.0, 0.05, 0.2])),
        spike_minute=int(rng.integers(0, minutes)) if rng.random() < 0.4 else None,
        spike_rps=float(rng.integers(0, 1000)),
        minutes=minutes,
    )
    if rng.random() < 0.3:  # start at the busy hours, so the group has something to do
        load = asg_sim.daily_load(peak_rps=float(rng.integers(300, 2000)), seed=case, minutes=minutes + 600)[600:]
    lo = int(rng.integers(0, 4))
    hi = lo + int(rng.integers(0, 25))
    kwargs = {
        "load_rps": load,
        "policies": _policies(rng),
        "min_size": lo,
        "max_size": hi,
        "desired_capacity": int(rng.integers(lo, hi + 1)),
        "instance_capacity_rps": float(rng.choice([50.0, 100.0, 150.0])),
        "bootstrap_minutes": int(rng.integers(0, 12)),
        "instance_warmup_minutes": int(rng.integers(0, 8)),
        "default_cooldown_seconds": int(rng.integers(0, 8)) * 60,
        "failures_per_instance_hour": float(rng.choice([0.0, 0.0, 0.05, 0.5])),
        "health_detection_minutes": int(rng.integers(0, 4)),
        "usd_per_hour": float(rng.choice([0.096, 0.0416, 0.5])),
        "base_latency_ms": float(rng.choice([20.0, 50.0])),
        "scale_in_ratio": float(rng.choice([0.7, 0.9, 1.0])),
        "availability_zones": ("a", "b", "c")[: int(rng.integers(1, 4))],
        "seed": case,
    }
    if rng.random() < 0.3:
        at = int(rng.integers(0, minutes))
        kwargs["scheduled_actions"] = [
            {"ScheduledActionName": "grow", "StartMinute": at, "MinSize": lo, "MaxSize": hi + 5, "DesiredCapacity": hi},
            {"StartMinute": min(at + 60, minutes), "DesiredCapacity": lo},
        ]
    if rng.random() < 0.3:
        kwargs["instance_refresh"] = {
            "StartMinute": int(rng.integers(0, minutes)),
            "MinHealthyPercentage": float(rng.choice([0, 50, 90, 100])),
        }
    return kwargs


def digest(kwargs: dict) -> dict:
    """Run one set-up; a sha256 of every field of the run (or the error message) and a few headline numbers."""
    try:
        run = asg_sim.simulate_group(**kwargs)
    except ValueError as exc:
        return {"error": str(exc)}
    # Hashed under the field names the golden file was written with: the two cost fields were renamed later (they
    # are the run's totals, not rates), and a rename must not hide a change of value.
    renamed = {"cost_billed_per_second_usd": "cost_per_second_usd", "cost_billed_per_hour_usd": "cost_per_hour_usd"}
    fields = {renamed.get(name, name): getattr(run, name) for name in asg_sim.AsgRun.__dataclass_fields__}
    text = json.dumps(fields, sort_keys=True, default=repr)
    return {
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "cost_billed_per_second_usd": run.cost_billed_per_second_usd,
        "dropped_requests": run.dropped_requests,
        "activities": len(run.activities),
        "instances": len(run.instances),
    }


def capture() -> list[dict]:
    """Digests of every case, in case order."""
    return [digest(setup(case)) for case in range(CASES)]


if __name__ == "__main__":
    from pathlib import Path

    Path(__file__).with_name("golden").joinpath("asg_runs.json").write_text(json.dumps(capture(), indent=1) + "\n")
