"""The migration notebook in the shared startup run (scenarios/startup.yaml): it ran, echoed the scenario's values,
and printed and recorded what the models compute for them. A bad value still stops it early."""

from pathlib import Path

import pytest

from awslab.migration import cutover, strategies, tools
from tests.support import printed, values_used
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "12_migration"
pytestmark = pytest.mark.notebooks


def test_migration_strategies_in_the_startup_run(startup_run):
    key = "12_migration/01_migration_strategies.ipynb"
    v = values_used(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    workload = strategies.Workload(
        "this workload",
        time_pressure=v["time_pressure"],
        target_operating_model=v["target_operating_model"],
        code_ownership=v["code_ownership"],
        licence=v["licence"],
        hypervisor=v["hypervisor"],
        saas_alternative=v["saas_alternative"],
    )
    assert recorded["recommended_strategy"] == strategies.recommend(workload).strategy
    assert recorded["portfolio_wave_count"] == strategies.plan_portfolio(strategies.SAMPLE_PORTFOLIO).wave_count
    assert recorded["dms_pair_kind"] == tools.dms_pair(v["source_engine"], v["target_engine"]).kind
    plan = cutover.cutover_plan(
        v["database_gib"],
        full_load_gib_per_hour=v["full_load_gib_per_hour"],
        writes_per_second=v["writes_per_second"],
        apply_per_second=v["apply_per_second"],
        cutover_after_hours=v["cutover_after_hours"],
    )
    assert recorded["cdc_keeps_up"] == plan.keeps_up
    assert recorded["cutover_downtime_minutes"] == plan.downtime_minutes
    assert f"downtime {plan.downtime_minutes:,.1f} min" in printed(startup_run.folder, Path(key).name)


def test_bad_value_stops_with_the_parameter_named(tmp_path):
    result = awslab(
        "run", str(FOLDER / "01_migration_strategies.ipynb"), "--output", str(tmp_path), "-p", "time_pressure", "urgent"
    )
    assert result.returncode == 1
    assert "bad parameter (no cell was run): time_pressure='urgent' is not one of: low, medium, high" in result.stdout
    assert "0 passed, 1 failed" in result.stdout
