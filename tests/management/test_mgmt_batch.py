"""Batch runs of the Management notebooks through `python -m awslab run` with other parameters, and a bad one."""

import json
from pathlib import Path

import pytest
from support import run_awslab as awslab

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
    args = [arg for name, value in params.items() for arg in ("-p", name, value)]
    result = awslab("run", str(MANAGEMENT), "--output", str(tmp_path), "--jobs", "2", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len([line for line in result.stdout.splitlines() if line.endswith(" ok")]) == 3
    assert result.stdout.strip().splitlines()[-1] == "3 passed, 0 failed"

    def printed(name):
        executed = json.loads(next(tmp_path.rglob(f"07_management/{name}")).read_text())
        return "".join("".join(o.get("text", "")) for c in executed["cells"] for o in c.get("outputs", []))

    assert "treat_missing_data='breaching'" in printed("01_cloudwatch.ipynb")
    assert "retention: 90 days" in printed("01_cloudwatch.ipynb")
    assert "fail_resource='Subnet'" in printed("02_cloudformation.ipynb")
    ops = printed("03_cloudtrail_config_trusted_advisor.ipynb")
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
