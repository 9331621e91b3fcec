"""Batch runs of the analytics notebooks through `python -m awslab run` (papermill)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import batch_run, executed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "08_analytics"
pytestmark = pytest.mark.notebooks


def test_runs_every_notebook_with_other_parameters(tmp_path):
    parameters = {
        "seed": "4",
        "records_per_second": "8000",
        "consumers": "5",
        "hot_key_share": "0.1",
        "jobs_per_month": "350",
        "nodes": "6",
        "aggregate_failures": "5",
        "data_tb": "20",
        "bandwidth_mbps": "1000",
    }
    batch_run([FOLDER], tmp_path, parameters, expected=2)
    kinesis = json.dumps(executed(tmp_path, "01_kinesis.ipynb"))
    assert "records_per_second=8000" in kinesis and "consumers=5" in kinesis
    emr = json.dumps(executed(tmp_path, "02_emr_pipeline_snowball.ipynb"))
    assert "CASCADE_FAILED" in emr  # Aggregate fails more often than its three retries
    assert "20 TB over 1000 Mbit/s" in emr and "-> network" in emr


def test_bad_value_stops_with_the_parameter_named(tmp_path):
    result = awslab(
        "run", str(FOLDER / "02_emr_pipeline_snowball.ipynb"), "--output", str(tmp_path), "-p", "bandwidth_mbps", "64"
    )
    assert result.returncode == 1
    assert (
        "bad parameter (no cell was run): bandwidth_mbps=64 is not one of: 50, 100, 500, 1000, 10000" in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
