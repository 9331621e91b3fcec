"""Batch runs of the Management notebooks through `python -m awslab run` with other parameters, and a bad one."""

from pathlib import Path

import pytest

from tests.support import batch_run, printed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
MANAGEMENT = ROOT / "notebooks" / "07_management"
pytestmark = pytest.mark.notebooks


def test_management_runs_with_other_parameters(tmp_path):
    params = {
        "threshold": "80",
        "evaluation_periods": "4",
        "datapoints_to_alarm": "3",
        "treat_missing_data": "breaching",
        "log_retention_days": "90",
        "template_name": "public network",
        "fail_resource": "Subnet",
        "stack_name": "batch-stack",
        "hour": "15",
        "open_port": "3389",
        "running_instances": "5",
    }
    batch_run([MANAGEMENT], tmp_path, params, expected=3)
    assert "treat_missing_data='breaching'" in printed(tmp_path, "01_cloudwatch.ipynb")
    assert "retention: 90 days" in printed(tmp_path, "01_cloudwatch.ipynb")
    assert "fail_resource='Subnet'" in printed(tmp_path, "02_cloudformation.ipynb")
    ops = printed(tmp_path, "03_cloudtrail_config_trusted_advisor.ipynb")
    assert "'From Port': 3389" in ops and "'Usage Percent': 100.0" in ops


def test_management_bad_value_stops_with_a_clear_line(tmp_path):
    result = awslab(
        "run",
        str(MANAGEMENT / "01_cloudwatch.ipynb"),
        "--output",
        str(tmp_path),
        "-p",
        "treat_missing_data",
        "sometimes",
    )
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): treat_missing_data='sometimes' is not one of: missing, notBreaching, breaching, "
        "ignore" in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
