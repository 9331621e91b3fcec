"""Batch runs of the Overview notebook through `python -m awslab run` with other parameters, and a bad one."""

import json
from pathlib import Path

import pytest

from tests.support import batch_run, executed, printed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
OVERVIEW = ROOT / "notebooks" / "00_overview"
pytestmark = pytest.mark.notebooks


def test_overview_runs_with_other_parameters(tmp_path):
    parameters = {
        "instance_availability": "0.99",
        "correlation_beta": "0.05",
        "scenario": "US coast to coast",
        "seed": "5",
        "region": "eu-west-1",
    }
    batch_run([OVERVIEW], tmp_path, parameters, expected=1)
    text = printed(tmp_path, "01_global_infrastructure.ipynb")
    assert "scenario='US coast to coast'" in text and "region='eu-west-1'" in text
    assert "eu-west-1a" in json.dumps(
        executed(tmp_path, "01_global_infrastructure.ipynb")
    )  # the sandbox answered in the chosen Region


def test_overview_bad_value_stops_with_a_clear_line(tmp_path):
    result = awslab("run", str(OVERVIEW), "--output", str(tmp_path), "-p", "correlation_beta", "2")
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): correlation_beta=2.0 is outside the allowed range (0 to 1)"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
