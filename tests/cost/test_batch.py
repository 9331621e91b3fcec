"""The cost notebooks in the shared startup run (scenarios/startup.yaml): each ran, echoed the scenario's values, and
printed and recorded what the models compute for them. A bad value still stops a notebook early."""

from pathlib import Path

import pytest

from awslab.cost import chooser, commitments, tools, transfer
from tests.support import printed, values_used
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "11_cost"
pytestmark = pytest.mark.notebooks


def test_buying_compute_in_the_startup_run(startup_run):
    key = "11_cost/01_buying_compute.ipynb"
    v = values_used(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    by = {
        r.option: r
        for r in commitments.compare_purchases(
            commitments.changing_fleet(v["family_change_month"], v["region_change_month"])
        )
    }
    assert recorded["compute_sp_savings_usd"] == round(by["Compute Savings Plan"].savings_usd, 2)
    assert recorded["ec2_instance_sp_savings_usd"] == round(by["EC2 Instance Savings Plan"].savings_usd, 2)
    usage = commitments.usage_history(v["base_instances"], v["peak_instances"], weeks=4, seed=v["seed"])
    d = v["discount_percent"] / 100
    assert recorded["best_commitment_usd_per_hour"] == round(commitments.best_commitment(usage, discount=d), 4)
    assert recorded["break_even_commitment_usd_per_hour"] == round(
        commitments.break_even_commitment(usage, discount=d), 4
    )
    outcome = commitments.commitment_outcome(usage, v["commitment_usd_per_hour"], discount=d)
    assert recorded["commitment_utilisation_percent"] == round(100 * outcome.utilisation, 1)
    text = printed(startup_run.folder, Path(key).name)
    assert f"utilisation {outcome.utilisation:.1%}, coverage {outcome.coverage:.1%}" in text


def test_data_transfer_in_the_startup_run(startup_run):
    key = "11_cost/02_data_transfer.ipynb"
    v = values_used(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    architecture = transfer.EXAMPLE_ARCHITECTURE | {
        k: v[k] for k in ("internet_egress_gb", "inter_az_gb", "inter_region_gb", "nat_gateways", "s3_via_nat_gb")
    }
    bill = transfer.transfer_bill(architecture)
    assert recorded["transfer_bill_usd_per_month"] == round(bill.total_usd, 2)
    moved = transfer.move_traffic(architecture, v["move"], v["share"])
    assert recorded["transfer_move_saving_usd_per_month"] == round(moved.saving_usd, 2)
    assert f"the month's transfer bill: {bill.total_usd:,.2f} USD" in printed(startup_run.folder, Path(key).name)


def test_storage_database_cost_and_tools_in_the_startup_run(startup_run):
    key = "11_cost/03_storage_database_cost_and_tools.ipynb"
    v = values_used(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    assert (
        recorded["s3_cheapest_policy"]
        == chooser.s3_choice(v["object_count"], v["object_size_kib"], v["gets_per_month"]).pick
    )
    assert (
        recorded["ebs_cheapest_type"]
        == chooser.ebs_choice(v["ebs_size_gib"], v["ebs_iops"], v["ebs_throughput_mibps"]).pick
    )
    table = chooser.dynamodb_choice(
        v["reads_per_second"], v["writes_per_second"], 1024, peak_to_average=v["peak_to_average"]
    )
    assert recorded["dynamodb_cheaper_mode"] == table.pick
    forecast = tools.straight_line_forecast(v["month_to_date_usd"], v["day_of_month"], 30)
    budget = tools.EXAMPLE_BUDGET | {"BudgetLimit": {"Amount": f"{v['budget_usd']:g}", "Unit": "USD"}}
    alerts = tools.budget_alerts(
        budget, tools.EXAMPLE_NOTIFICATIONS, actual_usd=v["month_to_date_usd"], forecasted_usd=forecast
    )
    assert recorded["budget_alerts_firing"] == sum(a.fires for a in alerts)
    assert f"forecast {forecast:,.2f} USD" in printed(startup_run.folder, Path(key).name)


def test_bad_value_stops_with_the_parameter_named(tmp_path):
    result = awslab("run", str(FOLDER / "02_data_transfer.ipynb"), "--output", str(tmp_path), "-p", "share", "1.5")
    assert result.returncode == 1
    assert "bad parameter (no cell was run): share=1.5 is outside the allowed range" in result.stdout
    assert "0 passed, 1 failed" in result.stdout
