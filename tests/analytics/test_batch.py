"""The analytics notebooks in the shared startup run (scenarios/startup.yaml): each ran, echoed the scenario's
values, and printed and recorded what the models compute for them. A bad value still stops a notebook early."""

from dataclasses import replace
from pathlib import Path

import pytest

from awslab.analytics import athena, emr, glue, kinesis, lakeformation, snowball, streaming_choice
from tests.support import assert_echoed, printed, values_used
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "08_analytics"
pytestmark = pytest.mark.notebooks


def test_kinesis_in_the_startup_run(startup_run):
    key = "08_analytics/01_kinesis.ipynb"
    v = values_used(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    assert recorded["shards_needed"] == kinesis.shards_needed(
        v["records_per_second"], v["average_record_kb"], v["consumers"]
    )
    workload = kinesis.hot_key_workload(
        v["records_per_second"],
        200,
        v["hot_key_share"],
        kinesis.create_shards(4),
        average_record_kb=v["average_record_kb"],
        seed=v["seed"],
    )
    assert recorded["hot_key_throttled_percent"] == round(100 * float(workload.throttled_fraction), 1)


def test_emr_pipeline_snowball_in_the_startup_run(startup_run):
    key = "08_analytics/02_emr_pipeline_snowball.ipynb"
    v = values_used(startup_run, key)
    recorded = startup_run.entry(key)["results"]
    persistent, transient = emr.compare_clusters(v["nodes"], v["jobs_per_month"], 2, 500)
    assert recorded["persistent_cluster_usd_per_month"] == round(float(persistent.total_usd), 2)
    assert recorded["transient_clusters_usd_per_month"] == round(float(transient.total_usd), 2)
    plan = snowball.plan_transfer(v["data_tb"], v["bandwidth_mbps"])
    assert recorded["transfer_recommendation"] == plan.recommendation
    assert recorded["network_transfer_days"] == round(float(plan.network_days), 1)
    text = printed(startup_run.folder, Path(key).name)
    assert f"{v['data_tb']:g} TB over {v['bandwidth_mbps']} Mbit/s" in text and f"-> {plan.recommendation}" in text


def test_bad_value_stops_with_the_parameter_named(tmp_path):
    result = awslab(
        "run", str(FOLDER / "02_emr_pipeline_snowball.ipynb"), "--output", str(tmp_path), "-p", "bandwidth_mbps", "64"
    )
    assert result.returncode == 1
    assert (
        "bad parameter (no cell was run): bandwidth_mbps=64 is not one of: 50, 100, 500, 1000, 10000" in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout


LAKE_NOTEBOOKS = [
    "08_analytics/03_athena_and_the_data_lake.ipynb",
    "08_analytics/04_glue_lake_formation_and_streaming.ipynb",
]


@pytest.mark.parametrize("key", LAKE_NOTEBOOKS)
def test_lake_notebooks_ran_and_echoed_the_scenario(startup_run, key):
    assert_echoed(startup_run, key)


def test_athena_numbers_are_the_models(startup_run):
    key = LAKE_NOTEBOOKS[0]
    v = values_used(startup_run, key, shown=lambda name, value: f"{value:g}" if isinstance(value, float) else None)
    recorded = startup_run.entry(key)["results"]
    scans = athena.compare_layouts(athena.WEB_EVENTS, athena.Query(athena.SAMPLE_QUERIES[v["query"]], v["days"]))
    best = min(scans, key=lambda s: s.bytes_scanned)
    assert recorded["csv_usd_per_query"] == round(scans[0].cost.usd, 5)
    assert recorded["best_layout"] == best.layout and recorded["best_usd_per_query"] == round(best.cost.usd, 5)
    small = athena.query_cost(v["kb_per_query"] * 1000)
    assert recorded["small_query_usd"] == round(small.usd, 6)
    assert f"{v['kb_per_query']:g} KB scanned -> {small.billed_mb} MB billed" in printed(
        startup_run.folder, Path(key).name
    )


def test_glue_lake_numbers_are_the_models(startup_run):
    key = LAKE_NOTEBOOKS[1]
    v = values_used(startup_run, key, shown=lambda name, value: f"{value:g}" if isinstance(value, float) else None)
    recorded = startup_run.entry(key)["results"]
    job = glue.run_cost("spark", glue.dpus_for(v["worker_type"], v["workers"]), v["minutes"] * 60)
    assert recorded["glue_job_usd"] == round(job.usd, 4)
    arn = lakeformation.PRINCIPALS[v["principal"]]
    readable = lakeformation.evaluate(arn, "orders", ["*"], lakeformation.SAMPLE_GRANTS, lakeformation.SALES).readable
    assert recorded["readable_orders_columns"] == len(readable)
    needs = replace(streaming_choice.SCENARIOS[v["scenario"]], retention_days=v["retention_days"])
    assert recorded["stream_pick"] == streaming_choice.best(needs)
    assert f"pick {streaming_choice.best(needs)}" in printed(startup_run.folder, Path(key).name)


def test_bad_lake_value_stops_with_the_parameter_named(tmp_path):
    result = awslab(
        "run",
        str(FOLDER / "04_glue_lake_formation_and_streaming.ipynb"),
        "--output",
        str(tmp_path),
        "-p",
        "worker_type",
        "G.3X",
    )
    assert result.returncode == 1
    assert "bad parameter (no cell was run): worker_type='G.3X' is not one of: G.025X, G.1X" in result.stdout
