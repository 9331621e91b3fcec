"""Batch runs of the analytics notebooks through `python -m awslab run` (papermill)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "08_analytics"
pytestmark = pytest.mark.notebooks


def test_runs_every_notebook_with_other_parameters(tmp_path):
    result = awslab(
        "run",
        str(FOLDER),
        "--output",
        str(tmp_path),
        "--jobs",
        "2",
        *("-p", "seed", "4"),
        *("-p", "records_per_second", "8000"),
        *("-p", "consumers", "5"),
        *("-p", "hot_key_share", "0.1"),
        *("-p", "jobs_per_month", "350"),
        *("-p", "nodes", "6"),
        *("-p", "aggregate_failures", "5"),
        *("-p", "data_tb", "20"),
        *("-p", "bandwidth_mbps", "1000"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len([line for line in result.stdout.splitlines() if line.endswith(" ok")]) == 2
    assert result.stdout.strip().splitlines()[-1] == "2 passed, 0 failed"
    kinesis = json.dumps(json.loads(next(tmp_path.rglob("01_kinesis.ipynb")).read_text()))
    assert "records_per_second=8000" in kinesis and "consumers=5" in kinesis
    emr = json.dumps(json.loads(next(tmp_path.rglob("02_emr_pipeline_snowball.ipynb")).read_text()))
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
