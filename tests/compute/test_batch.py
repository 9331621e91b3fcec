"""The Compute notebooks in the shared startup run (scenarios/startup.yaml): each ran, echoed the scenario's values,
and printed and recorded what the models compute for them. A bad value still stops a notebook before its kernel."""

from pathlib import Path

import pytest

from awslab.compute import asg_sim, beanstalk, ec2, elb, elb_sim, lambda_cost, pricing
from tests.support import printed, run_awslab
from tests.support import values_used as checked_values

ROOT = Path(__file__).resolve().parents[2]
COMPUTE = ROOT / "notebooks" / "02_compute"
pytestmark = pytest.mark.notebooks


def values_used(run, key: str) -> dict:
    """The scenario's values, checked as echoed (requests_per_month is printed with thousands separators)."""
    return checked_values(run, key, lambda name, value: f"{value:,.0f}" if name == "requests_per_month" else None)


def test_ec2_basics(startup_run):
    key = "02_compute/01_ec2_basics.ipynb"
    v = values_used(startup_run, key)
    result = ec2.right_size(v["vcpu_needed"], v["memory_gib_needed"], v["headroom_fraction"])
    fixed = ec2.right_size(v["vcpu_needed"], v["memory_gib_needed"], v["headroom_fraction"], allow_burstable=False)
    recorded = startup_run.entry(key)["results"]
    assert recorded["cheapest_instance"] == result.best.name
    assert recorded["cheapest_fixed_performance_instance"] == fixed.best.name
    assert recorded["vcpu_with_headroom"] == round(float(result.vcpu_needed), 2)
    assert f"cheapest fit: {result.best.name}" in printed(startup_run.folder, Path(key).name)


def test_paying_for_ec2(startup_run):
    key = "02_compute/02_paying_for_ec2.ipynb"
    v = values_used(startup_run, key)
    at = pricing.cost_over_term([v["utilization_percent"] / 100], term_years=1).iloc[0].drop("utilization")
    profile = pricing.weekly_profile(v["base_instances"], v["peak_instances"])
    mix = pricing.fleet_cost(profile, pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR, pricing.OFFERINGS["1-year No Upfront"])
    max_price = pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR * v["spot_max_price_percent"] / 100
    spot = pricing.simulate_spot_job(12, max_price, v["seed"], checkpoint_every_minutes=60, reclaims_per_day=2)
    recorded = startup_run.entry(key)["results"]
    assert recorded["cheapest_option_one_year"] == at.idxmin()
    assert recorded["cheapest_option_one_year_usd"] == round(float(at.min()), 2)
    assert recorded["fleet_reserved_instances"] == mix.best_reserved_count
    assert recorded["spot_job_cost_usd"] == round(float(spot.cost_usd), 4)
    text = f"at {v['utilization_percent']:g} % utilisation for one year the cheapest option is {at.idxmin()}"
    assert text in printed(startup_run.folder, Path(key).name)


def test_auto_scaling(startup_run):
    key = "02_compute/03_auto_scaling.ipynb"
    v = values_used(startup_run, key)
    load = asg_sim.daily_load(peak_rps=v["peak_rps"], seed=v["seed"], spike_minute=14 * 60, spike_rps=400)
    summary = asg_sim.compare_policy_sets(
        load,
        asg_sim.POLICY_PRESETS,
        min_size=2,
        max_size=v["max_size"],
        desired_capacity=2,
        bootstrap_minutes=v["bootstrap_minutes"],
        seed=v["seed"],
    )
    best = summary.sort_values(["dropped_requests", "cost_billed_per_hour_usd"]).iloc[0]
    recorded = startup_run.entry(key)["results"]
    assert recorded["best_policy"] == best["policies"]
    assert recorded["best_policy_cost_billed_per_hour_usd"] == round(float(best["cost_billed_per_hour_usd"]), 3)
    assert recorded["best_policy_peak_instances"] == int(best["peak_instances"])
    assert recorded["best_policy_dropped_requests"] == round(float(best["dropped_requests"]))


def test_load_balancing(startup_run):
    key = "02_compute/04_load_balancing.ipynb"
    v = values_used(startup_run, key)
    per_az = {"us-east-1a": v["targets_a"], "us-east-1b": v["targets_b"]}
    healthy = elb_sim.simulate_load_balancer(
        {"us-east-1a": 2, "us-east-1b": 4},
        True,
        v["requests_per_second"],
        300,
        v["seed"],
        deregistration_delay_seconds=30,
        clients=100,
        **elb_sim.ELB_SCENARIOS["all targets healthy"],
    )
    recorded = startup_run.entry(key)["results"]
    assert recorded["busiest_target_percent_cross_zone_on"] == round(
        100 * max(elb.traffic_share(per_az, True).values()), 2
    )
    assert recorded["busiest_target_percent_cross_zone_off"] == round(
        100 * max(elb.traffic_share(per_az, False).values()), 2
    )
    assert recorded["p99_latency_ms_all_healthy"] == round(float(healthy.latency_p99_ms), 1)


def test_lambda_beanstalk(startup_run):
    key = "02_compute/05_lambda_beanstalk.ipynb"
    v = values_used(startup_run, key)
    bill = lambda_cost.lambda_monthly_cost(v["requests_per_month"], v["duration_ms"], v["memory_mb"])
    always_on = lambda_cost.instances_needed(v["requests_per_month"], v["duration_ms"], 100, peak_to_average=3)
    even = lambda_cost.breakeven_requests_per_month(v["duration_ms"], v["memory_mb"], 0.0416)
    immutable = beanstalk.deployment_timeline("Immutable", v["instances"], batch_size=25)
    recorded = startup_run.entry(key)["results"]
    assert recorded["lambda_usd_per_month"] == round(float(bill.total_usd), 2)
    assert recorded["always_on_instances"] == always_on
    assert recorded["lambda_breakeven_requests_per_month"] == int(round(float(even)))
    assert recorded["immutable_deploy_extra_instances"] == immutable.extra_instances_peak
    assert f"requests of {v['duration_ms']:g} ms" in printed(startup_run.folder, Path(key).name)


def test_bad_value_stops_with_a_one_line_value_error(tmp_path):
    result = awslab(
        "run", str(COMPUTE / "03_auto_scaling.ipynb"), "--output", str(tmp_path), "-p", "bootstrap_minutes", "-3"
    )
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): bootstrap_minutes=-3 is outside the allowed range (0 to 60 min)"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout


def awslab(*args):
    """Batch runs of this chapter take longer: a larger timeout."""
    return run_awslab(*args, timeout=1500)
