"""The resilience notebooks in the shared startup run (scenarios/startup.yaml): each ran, echoed the scenario's
values, and printed and recorded what the models compute for them. A bad value still stops a notebook early."""

from pathlib import Path

import pytest

from awslab.resilience import blocks, dr, wellarchitected
from tests.support import assert_echoed, printed, ran, values_used
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "10_resilience"
pytestmark = pytest.mark.notebooks
NOTEBOOKS = [f"10_resilience/{p.stem}.ipynb" for p in sorted(FOLDER.glob("*.md"))]


@pytest.mark.parametrize("key", NOTEBOOKS)
def test_each_notebook_ran_and_echoed_the_scenario(startup_run, key):
    ran(startup_run, key)
    assert_echoed(startup_run, key)


def test_dr_strategies_numbers_are_the_models(startup_run):
    key = "10_resilience/01_dr_strategies.ipynb"
    v = values_used(startup_run, key, shown=lambda name, value: f"{value:g}" if isinstance(value, float) else None)
    recorded = startup_run.entry(key)["results"]
    workload = dr.Workload(database_gib=v["database_gib"], instances=v["instances"])
    design = dr.Design(
        strategy=v["strategy"], backup_interval_hours=v["backup_interval_hours"], dns_ttl_seconds=v["dns_ttl_seconds"]
    )
    outcome = dr.simulate(workload, design)
    assert recorded["rto_minutes"] == round(outcome.rto_minutes, 2)
    assert recorded["rpo_minutes"] == round(outcome.rpo_minutes, 2)
    assert recorded["dr_cost_usd_per_month"] == round(outcome.cost_usd_per_month, 2)
    targets = {"RtoInMinutes": v["rto_target_minutes"], "RpoInMinutes": v["rpo_target_minutes"]}
    best = dr.cheapest_meeting(dr.grade_designs(targets, v["budget_usd_per_month"], workload, design))
    assert recorded["cheapest_strategy"] == (best or "none")
    text = printed(startup_run.folder, Path(key).name)
    rto_line = " + ".join(f"{k} {x:.2f}" for k, x in outcome.rto_parts.items())
    assert f"RTO = {rto_line} = {outcome.rto_minutes:.2f} min" in text
    assert "cheapest that meets all: " + (dr.STRATEGY_LABELS[best] if best else "none") in text


def test_building_blocks_numbers_are_the_models(startup_run):
    key = "10_resilience/02_building_blocks.ipynb"
    v = values_used(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    assert recorded["rtc_late_objects"] == blocks.rtc_late_objects(v["objects_per_month"])
    lock = blocks.vault_lock_configuration(
        "prod-vault", v["min_retention_days"], changeable_for_days=v["changeable_for_days"]
    )
    assert recorded["vault_lock_immutable_from_day"] == blocks.vault_lock_state(lock, 0).lock_date_day
    parts = dr.rto_parts(
        dr.Workload(),
        dr.Design(
            request_interval=v["request_interval"],
            failure_threshold=v["failure_threshold"],
            dns_ttl_seconds=v["dns_ttl_seconds"],
        ),
    )
    assert recorded["detect_plus_redirect_minutes"] == round(parts["detect"] + parts["redirect traffic"], 2)
    text = printed(startup_run.folder, Path(key).name)
    assert (
        "PutBackupVaultLockConfiguration input: " in text and f'"ChangeableForDays": {v["changeable_for_days"]}' in text
    )
    assert "vault locked: True" in text


def test_well_architected_numbers_are_the_models(startup_run):
    key = "10_resilience/03_well_architected.ipynb"
    v = values_used(startup_run, key, shown=lambda name, value: f"{value:g}" if isinstance(value, float) else None)
    recorded = startup_run.entry(key)["results"]
    practices = wellarchitected.Practices(
        restores_tested=v["restores_tested"],
        vault_lock=v["vault_lock"],
        dr_drill_days_ago=None if v["dr_drill_days_ago"] < 0 else v["dr_drill_days_ago"],
    )
    findings = wellarchitected.review(
        dr.Workload(),
        dr.Design(strategy=v["strategy"]),
        {"RtoInMinutes": v["rto_target_minutes"], "RpoInMinutes": v["rpo_target_minutes"]},
        v["budget_usd_per_month"],
        practices,
    )
    counts = wellarchitected.risk_counts(findings)
    assert recorded["high_risks"] == counts["HIGH"] and recorded["medium_risks"] == counts["MEDIUM"]
    assert f"risks: {counts}" in printed(startup_run.folder, Path(key).name)


def test_bad_value_stops_with_the_parameter_named(tmp_path):
    result = awslab("run", str(FOLDER / "01_dr_strategies.ipynb"), "--output", str(tmp_path), "-p", "strategy", "HOT")
    assert result.returncode == 1
    assert "bad parameter (no cell was run): strategy='HOT' is not one of" in result.stdout
    assert "0 passed, 1 failed" in result.stdout
