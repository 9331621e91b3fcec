"""Batch runs of the application-services notebooks through `python -m awslab run` (papermill)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import batch_run, executed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "notebooks" / "06_app_services"
pytestmark = pytest.mark.notebooks


def test_runs_every_notebook_with_other_parameters(tmp_path):
    parameters = {
        "seed": "5",
        "visibility_timeout_seconds": "4",
        "max_receive_count": "1",
        "wait_time_seconds": "5",
        "total_usd": "1500",
        "max_delay_target": "120",
        "charge_failures": "4",
        "burst_limit": "50",
    }
    batch_run([FOLDER], tmp_path, parameters, expected=3)
    sqs = executed(tmp_path, "01_sqs.ipynb")
    printed = json.dumps(sqs)
    assert "visibility_timeout_seconds=4" in printed and "max_receive_count=1" in printed
    # maxReceiveCount 1: the second receive already finds the message moved to the dead-letter queue.
    assert "receive 2 at t=1.1 s" in printed and "receive 3" not in printed
    workflow = json.dumps(executed(tmp_path, "03_swf_apigw_ses_transcoder.ipynb"))
    assert "status: FAILED" in workflow  # four charge failures exceed the three attempts allowed


def test_bad_value_stops_with_the_parameter_named(tmp_path):
    result = awslab("run", str(FOLDER / "01_sqs.ipynb"), "--output", str(tmp_path), "-p", "max_receive_count", "9")
    assert result.returncode == 1
    assert "bad parameter (no cell was run): max_receive_count=9 is outside the allowed range (1 to 5)" in result.stdout
    assert "0 passed, 1 failed" in result.stdout
