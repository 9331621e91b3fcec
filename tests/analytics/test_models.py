"""EMR cluster costs, Data Pipeline runs, and the network-or-Snowball calculator."""

from __future__ import annotations

import json
import math

import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.analytics import figures
from awslab.analytics.datapipeline import example_pipeline, period_minutes, run_pipeline, topological_order
from awslab.analytics.emr import break_even_jobs_per_month, compare_clusters, hdfs_replication_factor
from awslab.analytics.kinesis import create_shards, hot_key_workload
from awslab.analytics.snowball import DEVICE_CAPACITY_TB, break_even_tb, device_days, network_days, plan_transfer

DURATIONS = {"CopyLogs": 20, "Aggregate": 60, "LoadWarehouse": 15, "Notify": 1}


# ------------------------------------------------------------------------ EMR
@pytest.mark.parametrize("core, factor", [(1, 1), (3, 1), (4, 2), (9, 2), (10, 3), (50, 3)])
def test_hdfs_replication_defaults(core, factor):
    assert hdfs_replication_factor(core) == factor


def test_persistent_vs_transient_arithmetic():
    persistent, transient = compare_clusters(
        5,
        20,
        1.0,
        100,
        startup_minutes=6,
        ec2_usd_per_hour=0.2,
        emr_usd_per_hour=0.05,
        s3_usd_per_gb_month=0.02,
        ebs_usd_per_gb_month=0.1,
    )
    assert persistent.compute_usd == pytest.approx(5 * 730 * 0.25)
    assert persistent.storage_usd == pytest.approx(100 * 2 * 0.1)  # 4 core nodes -> replication 2
    assert transient.compute_usd == pytest.approx(20 * 1.1 * 5 * 0.25)
    assert transient.storage_usd == pytest.approx(100 * 0.02)
    assert transient.idle_fraction == pytest.approx(0.1 / 1.1)


def test_break_even_is_where_costs_cross():
    jobs = break_even_jobs_per_month(5, 1.0, 100)
    below, above = math.floor(jobs), math.ceil(jobs) + 1
    p, t = compare_clusters(5, below, 1.0, 100)
    assert t.total_usd < p.total_usd
    p, t = compare_clusters(5, above, 1.0, 100)
    assert t.total_usd > p.total_usd
    assert break_even_jobs_per_month(5, 1.0, 100, startup_minutes=0) > jobs


def test_emr_bad_inputs():
    with pytest.raises(ValueError, match="nodes"):
        compare_clusters(1, 1, 1, 1)
    with pytest.raises(ValueError, match="jobs_per_month"):
        compare_clusters(3, 800, 1, 1)


# -------------------------------------------------------------- Data Pipeline
def test_pipeline_waits_for_the_precondition_and_retries():
    runs = run_pipeline(
        example_pipeline(),
        durations_minutes=DURATIONS,
        failing_attempts={"Aggregate": 2},
        precondition_true_at_minutes={"LogsReady": 12},
        precondition_check_minutes=5,
    )
    assert runs["CopyLogs"].start_minutes == 15  # checks at 0, 5, 10 fail; 15 passes
    assert runs["Aggregate"].attempts == 3
    # 35 + three 60-minute attempts + two 15-minute retry delays
    assert runs["Aggregate"].end_minutes == 35 + 3 * 60 + 2 * 15
    assert runs["Notify"].start_minutes == runs["LoadWarehouse"].end_minutes
    assert all(r.status == "FINISHED" for r in runs.values())


def test_failure_cascades_downstream():
    runs = run_pipeline(example_pipeline(), durations_minutes=DURATIONS, failing_attempts={"Aggregate": 4})
    assert runs["CopyLogs"].status == "FINISHED"
    assert runs["Aggregate"].status == "FAILED" and runs["Aggregate"].attempts == 4  # 1 + maximumRetries 3
    assert runs["LoadWarehouse"].status == runs["Notify"].status == "CASCADE_FAILED"


def test_pipeline_definition_errors():
    cyclic = [
        {"id": "A", "type": "ShellCommandActivity", "dependsOn": {"ref": "B"}},
        {"id": "B", "type": "ShellCommandActivity", "dependsOn": {"ref": "A"}},
    ]
    with pytest.raises(ValueError, match="cycle"):
        topological_order(cyclic)
    with pytest.raises(ValueError, match="unknown"):
        topological_order([{"id": "A", "type": "CopyActivity", "dependsOn": {"ref": "Z"}}])
    with pytest.raises(ValueError, match="durations_minutes"):
        run_pipeline(example_pipeline(), durations_minutes={})
    with pytest.raises(ValueError, match="maximumRetries"):
        run_pipeline([{"id": "A", "type": "CopyActivity", "maximumRetries": "9"}], durations_minutes={"A": 1})
    with pytest.raises(ValueError, match="period"):
        period_minutes("ten minutes")
    assert period_minutes("2 Hours") == 120 and period_minutes("1 day") == 1440


@given(
    st.lists(st.lists(st.integers(0, 9), max_size=3), min_size=1, max_size=10),
    st.lists(st.integers(0, 4), min_size=10, max_size=10),
)
def test_random_dags_respect_dependencies(parents, failures):
    objects = []
    for index, chosen in enumerate(parents):
        refs = [{"ref": f"A{p}"} for p in sorted(set(chosen)) if p < index]
        objects.append(
            {"id": f"A{index}", "type": "ShellCommandActivity", "dependsOn": refs or None, "maximumRetries": "2"}
        )
    runs = run_pipeline(
        objects,
        durations_minutes={o["id"]: 5 for o in objects},
        failing_attempts={f"A{i}": f for i, f in enumerate(failures)},
    )
    for obj in objects:
        run = runs[obj["id"]]
        for ref in obj["dependsOn"] or []:
            parent = runs[ref["ref"]]
            if run.status != "CASCADE_FAILED":
                assert parent.status == "FINISHED" and run.start_minutes >= parent.end_minutes
            else:
                assert parent.status != "FINISHED" or any(runs[r["ref"]].status != "FINISHED" for r in obj["dependsOn"])
        if run.status == "FAILED":
            assert run.attempts == 3


# ------------------------------------------------------------------- Snowball
def test_network_days_arithmetic():
    # 100 TB over 1 Gbit/s at 80 %: 8e14 bits / 8e8 bit/s = 1e6 s = 11.57 days
    assert network_days(100, 1000) == pytest.approx(1e6 / 86_400)
    assert network_days(100, 1000, utilisation=1.0) == pytest.approx(8e5 / 86_400)


def test_device_days_rounds_and_devices():
    devices, days = device_days(100, device_capacity_tb=80, parallel_devices=1)
    assert devices == 2
    one_round = 1 + 2 + 80 * 8e12 / 2e9 / 86_400 + 2 + 1
    assert days == pytest.approx(2 * one_round)
    assert device_days(100, device_capacity_tb=80, parallel_devices=2)[1] == pytest.approx(one_round)


def test_slow_links_ship_and_fast_links_send():
    assert plan_transfer(500, 100).recommendation == "device"
    assert plan_transfer(1, 10_000).recommendation == "network"


def test_break_even_size():
    size = break_even_tb(100)
    assert 0 < size < 80
    assert plan_transfer(size * 1.01, 100).recommendation == "device"
    assert plan_transfer(size * 0.99, 100).recommendation == "network"
    # At 1 Gbit/s a full 80 TB device of older notes (9.3 days on the wire) lost to the network (~9.7 days shipped);
    # today's 210 TB device (24.3 days on the wire, ~15.7 shipped) wins from about 86 TB.
    assert break_even_tb(1000, device_capacity_tb=80) == math.inf
    assert break_even_tb(1000) == pytest.approx(86.4, abs=0.1)


def test_default_device_is_todays_storage_optimized_210_tb():
    assert DEVICE_CAPACITY_TB == 210
    assert device_days(200)[0] == 1 and device_days(211)[0] == 2


@given(data=st.floats(0.01, 5000), bandwidth=st.floats(1, 100_000))
def test_transfer_monotonic(data, bandwidth):
    plan = plan_transfer(data, bandwidth)
    assert plan.network_days > 0 and plan.device_days > 0
    assert plan_transfer(data * 2, bandwidth).network_days == pytest.approx(2 * plan.network_days)
    assert plan_transfer(data * 2, bandwidth).device_days >= plan.device_days
    assert plan_transfer(data, bandwidth * 2).network_days < plan.network_days


def test_snowball_bad_inputs():
    with pytest.raises(ValueError, match="bandwidth_mbps"):
        network_days(1, 0)
    with pytest.raises(ValueError, match="utilisation"):
        network_days(1, 10, utilisation=1.5)
    with pytest.raises(ValueError, match="device_capacity_tb"):
        device_days(1, device_capacity_tb=0)


# -------------------------------------------------------------------- figures
def _check(fig: go.Figure) -> dict:
    assert fig.layout.title.text
    stored = json.loads(fig.to_json())
    assert "bdata" not in json.dumps(stored["data"])
    return stored


def test_figures():
    stored = _check(figures.shard_requirements_figure({"a": 1.5, "b": 0.5}, 2))
    assert stored["data"][0]["y"] == [1.5, 0.5] and "2 shards" in stored["layout"]["title"]["text"]
    _check(figures.shard_load_figure(hot_key_workload(3000, 50, 0.5, create_shards(4))))
    stored = _check(figures.emr_cost_figure(*compare_clusters(5, 20, 1.0, 100)))
    assert stored["data"][0]["x"] == ["persistent", "transient"]
    runs = run_pipeline(example_pipeline(), durations_minutes=DURATIONS, failing_attempts={"Aggregate": 4})
    stored = _check(figures.pipeline_figure(runs))
    assert {trace["name"] for trace in stored["data"]} == {"FINISHED", "FAILED", "CASCADE_FAILED"}
    plans = [plan_transfer(tb, 500) for tb in (10, 50, 100, 200)]
    stored = _check(figures.transfer_figure(plans, 500))
    assert stored["data"][0]["x"] == [10, 50, 100, 200]


def test_reshard_figure():
    from awslab.analytics.kinesis import reshard_hot_shards

    workload = hot_key_workload(6000, 100, 0.1, create_shards(2), seed=3)
    steps = reshard_hot_shards(workload.key_records_per_second, 1.0, create_shards(2))
    stored = _check(figures.reshard_figure(steps))
    assert stored["data"][0]["y"] == [len(step.shards) for step in steps]
