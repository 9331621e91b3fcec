"""The Storage chapter in the shared course run under scenarios/startup.yaml: every notebook ran, echoed the
scenario's values and recorded what the models compute for them; bad parameters stop a notebook before its kernel."""

from datetime import UTC, datetime, timedelta

import pytest
import yaml

from awslab import runner
from awslab.storage import cloudfront, ebs, ebs_sizing, efs, glacier, s3, s3_object_lock, s3_scale
from awslab.storage import s3_lifecycle as lifecycle
from awslab.storage import s3_reliability as reliability
from awslab.storage import storage_gateway as sgw
from tests.support import ROOT, executed, printed, ran
from tests.support import run_awslab as awslab

STORAGE = ROOT / "notebooks" / "01_storage"
SCENARIO = yaml.safe_load((ROOT / "scenarios" / "startup.yaml").read_text())
NOTEBOOKS = sorted(p.name for p in STORAGE.glob("[0-9][0-9]_*.ipynb"))
pytestmark = pytest.mark.notebooks


def key(name: str) -> str:
    return f"01_storage/{name}"


def values(name: str) -> dict:
    """The values notebook NAME ran with: its defaults, then the scenario's global and per-notebook values."""
    defaults = {p.name: p.default for p in runner.notebook_parameters(STORAGE / name)}
    chosen = {k: v for k, v in SCENARIO.get("parameters", {}).items() if k in defaults}
    return defaults | chosen | SCENARIO["notebooks"][key(name)]


def recorded(run, name: str) -> dict:
    return run.entry(key(name))["results"]


def parameters_line(run, name: str) -> str:
    return next(line for line in printed(run.folder, name).splitlines() if line.startswith("parameters:"))


def test_the_scenario_sets_values_for_every_storage_notebook():
    assert sorted(k for k in SCENARIO["notebooks"] if k.startswith("01_storage/")) == [key(n) for n in NOTEBOOKS]
    assert len(NOTEBOOKS) == 10


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_notebook_ran_and_echoed_the_scenario(startup_run, name):
    ran(startup_run, key(name))
    entry = startup_run.entry(key(name))
    assert entry["ok"]
    cells = executed(startup_run.folder, name)["cells"]
    assert any("injected-parameters" in c["metadata"].get("tags", []) for c in cells)
    line = parameters_line(startup_run, name)
    for parameter, value in SCENARIO["notebooks"][key(name)].items():
        assert entry["parameters"][parameter] == value
        assert f"{parameter}=" in line, line


def test_the_run_report_stays_clean(startup_run):
    assert "WARNING" not in startup_run.stdout  # the kernel's start-up chatter stays out of the report


def test_s3_fundamentals_records_the_model_losses(startup_run):
    given = values("01_s3_fundamentals.ipynb")
    line = parameters_line(startup_run, "01_s3_fundamentals.ipynb")
    assert f"years={given['years']:,}" in line and f"seed={given['seed']}" in line
    assert recorded(startup_run, "01_s3_fundamentals.ipynb") == {
        "expected_objects_lost": round(reliability.expected_objects_lost(given["object_count"], given["years"]), 6),
        "years_per_lost_object": round(reliability.years_per_lost_object(given["object_count"]), 1),
    }


def test_lifecycle_records_the_cheapest_policy_the_model_finds(startup_run):
    given = values("02_storage_classes_lifecycle.ipynb")
    table = lifecycle.compare_policies(
        lifecycle.PRESET_POLICIES,
        object_count=given["object_count"],
        object_size_bytes=given["object_size_kib"] * 1024,
        horizon_days=given["horizon_days"],
        access=lifecycle.AccessPattern(gets_per_month=given["gets_per_month"], half_life_days=30),
        prices=given["price_overrides"],
    )
    assert recorded(startup_run, "02_storage_classes_lifecycle.ipynb") == {
        "cheapest_policy": table.iloc[0]["policy"],
        "cheapest_total_usd": round(float(table.iloc[0]["total"]), 2),
        "standard_only_usd": round(float(table.set_index("policy").loc["stay in STANDARD", "total"]), 2),
    }


def test_protecting_data_signs_with_the_scenario_expiry(startup_run):
    given = values("03_protecting_data.ipynb")
    assert recorded(startup_run, "03_protecting_data.ipynb") == {
        "presign_expires_seconds": given["presign_expires_seconds"],
        "presigned_url_matches_boto3": True,
    }


def test_large_objects_records_the_model_upload_plan(startup_run):
    given = values("04_large_objects_replication.ipynb")
    size = int(given["object_size_gib"] * s3.GIB)
    plan = s3.plan_multipart_upload(size)
    estimate = s3.upload_estimate(
        size, given["bandwidth_mbps"], given["parallel_streams"], plan.part_size, given["failures_per_gib"]
    )
    found = recorded(startup_run, "04_large_objects_replication.ipynb")
    assert found["part_size_mib"] == plan.part_size / s3.MIB
    assert found["part_count"] == plan.part_count
    assert found["upload_seconds"] == round(estimate.seconds, 1)


def test_glacier_chooses_the_tier_the_planner_chooses(startup_run):
    given = values("05_glacier.ipynb")
    plan = glacier.plan_retrieval(
        given["data_gb"], given["objects"], given["deadline_hours"], given["storage_class"], given["restore_days"]
    )
    chosen = plan.chosen or min(plan.options, key=lambda o: o.hours)
    line = parameters_line(startup_run, "05_glacier.ipynb")
    assert f"storage_class={given['storage_class']}" in line
    assert f"chosen tier: {plan.chosen.tier if plan.chosen else 'none meets the deadline'}" in printed(
        startup_run.folder, "05_glacier.ipynb"
    )
    assert recorded(startup_run, "05_glacier.ipynb") == {
        "restore_tier": plan.chosen.tier if plan.chosen else "none",
        "restore_hours": round(float(chosen.hours), 2),
        "restore_total_usd": round(float(chosen.total_usd), 2),
    }


def test_ebs_prints_and_records_what_the_model_computes(startup_run):
    given = values("06_ebs.ipynb")
    line = parameters_line(startup_run, "06_ebs.ipynb")
    assert f"size_gib={given['size_gib']:g}" in line and f"seed={given['seed']}" in line
    baseline = ebs.gp2_performance(given["size_gib"]).baseline_iops
    assert f"baseline {baseline:,.0f} IOPS" in printed(startup_run.folder, "06_ebs.ipynb")
    demand = ebs.burst_pattern_demand(
        given["base_iops"],
        given["peak_iops"],
        peak_seconds=given["peak_minutes"] * 60,
        period_seconds=6 * 3600,
        total_seconds=86_400,
        step_seconds=60,
    )
    day = ebs.simulate_gp2_burst(given["size_gib"], demand, step_seconds=60)
    options = ebs_sizing.choose_volume(500, given["need_iops"], given["need_throughput_mibps"])
    found = recorded(startup_run, "06_ebs.ipynb")
    assert found["chosen_volume_type"] == (options[0].volume_type if options[0].qualifies else "none")
    if options[0].qualifies:
        assert found["chosen_volume_usd_per_month"] == round(float(options[0].monthly_usd), 2)
    minutes = "never" if day.seconds_to_empty is None else round(day.seconds_to_empty / 60)
    assert found["gp2_minutes_to_empty"] == minutes
    unmet = round(100 * float(day.unmet_io / (demand.sum() * 60)), 1) if demand.sum() else 0.0
    assert found["gp2_unmet_io_percent"] == unmet


def test_cloudfront_records_the_simulated_edge_cache(startup_run):
    given = values("07_cloudfront.ipynb")
    line = parameters_line(startup_run, "07_cloudfront.ipynb")
    assert f"ttl_seconds={given['ttl_seconds']}" in line and repr(given["request_path"]) in line
    full = cloudfront.simulate_edge_cache(
        zipf_exponent=given["zipf_exponent"],
        requests_per_second=given["requests_per_second"],
        ttl_seconds=given["ttl_seconds"],
        n_edges=given["n_edges"],
        seed=given["seed"],
    )
    assert recorded(startup_run, "07_cloudfront.ipynb") == {
        "hit_ratio": round(float(full.hit_ratio), 3),
        "origin_requests_per_second": round(float(full.origin_requests_per_second), 2),
        "mean_latency_ms": round(float(full.mean_latency_ms), 1),
        "p95_latency_ms": round(float(full.p95_latency_ms), 1),
    }


def test_storage_gateway_checks_the_scenario_volumes(startup_run):
    given = values("08_storage_gateway.ipynb")
    report = sgw.volume_capacity(given["gateway_type"], given["volume_sizes_tib"])
    summary = f"{given['gateway_type']}: {report.count} volumes, {report.total_tib:g} TiB; fits: {report.fits}"
    assert summary in printed(startup_run.folder, "08_storage_gateway.ipynb")
    hit_ratio = sgw.cached_volume_hit_ratio(
        given["volume_gib"], given["working_set_gib"], given["cache_gib"], given["working_set_share"]
    )
    assert recorded(startup_run, "08_storage_gateway.ipynb") == {
        "volumes_fit": bool(report.fits),
        "volumes_total_tib": float(report.total_tib),
        "room_left_tib": float(report.remaining_tib),
        "cache_hit_ratio": round(hit_ratio, 3),
    }


def test_efs_records_what_the_credit_model_computes(startup_run):
    given = values("09_efs.ipynb")
    line = parameters_line(startup_run, "09_efs.ipynb")
    assert f"size_gib={given['size_gib']:g}" in line and f"read_share={given['read_share']:g}" in line
    day = efs.daily_demand(
        given["base_mibps"],
        given["peak_mibps"],
        peak_minutes=given["peak_minutes"],
        peaks_per_day=given["peaks_per_day"],
        step_seconds=300,
    )
    result = efs.simulate_bursting(given["size_gib"], day, 300, read_share=given["read_share"])
    costs = efs.mode_costs(
        given["size_gib"],
        average_mibps=given["average_mibps"],
        peak_mibps=max(given["peak_mibps"], given["average_mibps"]),
        read_share=given["read_share"],
    )
    cheapest = min((c for c in costs if c.serves_workload), key=lambda c: c.total_usd)
    hours = "never" if result.seconds_to_empty is None else round(result.seconds_to_empty / 3600, 2)
    assert recorded(startup_run, "09_efs.ipynb") == {
        "efs_baseline_mibps": round(result.performance.baseline_mibps, 3),
        "efs_hours_to_empty": hours,
        "efs_unmet_percent": round(100 * result.unmet_share, 2),
        "cheapest_throughput_mode": cheapest.mode,
    }


def test_object_lock_records_the_rules_for_the_scenario(startup_run):
    given = values("10_s3_object_lock.ipynb")
    line = parameters_line(startup_run, "10_s3_object_lock.ipynb")
    assert f"mode={given['mode']}" in line and f"prefixes={given['prefixes']}" in line
    written = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    config = {"Rule": {"DefaultRetention": {"Mode": given["mode"], "Days": given["retention_days"]}}}
    mode, until = s3_object_lock.default_retain_until(written, config)
    state = {
        "ObjectLockMode": mode,
        "ObjectLockRetainUntilDate": until,
        "ObjectLockLegalHoldStatus": "ON" if given["legal_hold"] else "OFF",
    }
    at = written + timedelta(days=given["check_day"])
    load = s3_scale.prefix_load(given["get_rps"], given["put_rps"], prefixes=given["prefixes"])
    assert recorded(startup_run, "10_s3_object_lock.ipynb") == {
        "ordinary_user_may_delete": s3_object_lock.can_delete_version(state, at).allowed,
        "retain_until": f"{until:%Y-%m-%d}",
        "prefixes_needed": load.prefixes_needed,
        "throttled_percent": round(100 * load.throttled_share, 2),
    }


def test_a_bad_ebs_value_stops_the_notebook_with_a_clear_line(tmp_path):
    result = awslab("run", str(STORAGE / "06_ebs.ipynb"), "--output", str(tmp_path), "-p", "size_gib", "20000")
    assert result.returncode == 1
    assert (
        "bad parameter (no cell was run): size_gib=20000.0 is outside the allowed range (1 to 16384 GiB)"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout


def test_a_bad_s3_value_stops_the_notebook_before_its_kernel(tmp_path):
    result = awslab("run", str(STORAGE / "01_s3_fundamentals.ipynb"), "--output", str(tmp_path), "-p", "years", "-5")
    assert result.returncode == 1
    expected = "FAILED  bad parameter (no cell was run): years=-5 is outside the allowed range (1 to 100000)"
    assert expected in result.stdout
    assert "0 passed, 1 failed" in result.stdout
    assert not (tmp_path / "default" / "01_storage" / "01_s3_fundamentals.ipynb").exists()  # no kernel, no copy
