"""Batch runs of the Overview notebook through `python -m awslab run` with other parameters, and a bad one."""

import json
from pathlib import Path

import pytest
from support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
OVERVIEW = ROOT / "notebooks" / "00_overview"
pytestmark = pytest.mark.notebooks


def test_overview_runs_with_other_parameters(tmp_path):
    result = awslab(
        "run",
        str(OVERVIEW),
        "--output",
        str(tmp_path),
        "-p",
        "instance_availability",
        "0.99",
        "-p",
        "correlation_beta",
        "0.05",
        "-p",
        "scenario",
        "US coast to coast",
        "-p",
        "seed",
        "5",
        "-p",
        "region",
        "eu-west-1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line for line in result.stdout.splitlines() if line.endswith(" ok")]
    assert result.stdout.strip().splitlines()[-1] == "1 passed, 0 failed"
    executed = json.loads(next(tmp_path.rglob("00_overview/01_global_infrastructure.ipynb")).read_text())
    printed = "".join("".join(o.get("text", "")) for c in executed["cells"] for o in c.get("outputs", []))
    assert "scenario='US coast to coast'" in printed and "region='eu-west-1'" in printed
    assert "eu-west-1a" in json.dumps(executed)  # the sandbox answered in the chosen Region


def test_overview_bad_value_stops_with_a_clear_line(tmp_path):
    result = awslab("run", str(OVERVIEW), "--output", str(tmp_path), "-p", "correlation_beta", "2")
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): correlation_beta=2.0 is outside the allowed range (0 to 1)"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
