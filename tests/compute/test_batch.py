"""Batch runs of the Compute notebooks through `python -m awslab run` with non-default parameters."""

from pathlib import Path

import pytest

from tests.support import batch_run, printed, run_awslab

ROOT = Path(__file__).resolve().parents[2]
COMPUTE = ROOT / "notebooks" / "02_compute"
pytestmark = pytest.mark.notebooks


def test_runs_every_compute_notebook_with_other_parameters(tmp_path):
    parameters = {
        "memory_gib_needed": "40",
        "vcpu_needed": "6",
        "utilization_percent": "85",
        "peak_instances": "20",
        "seed": "5",
        "peak_rps": "1400",
        "bootstrap_minutes": "10",
        "targets_a": "3",
        "requests_per_second": "80",
        "duration_ms": "250",
        "instances": "6",
    }
    batch_run([COMPUTE], tmp_path, parameters, expected=5, timeout=1500)  # this chapter's runs take longer
    out = tmp_path
    basics = printed(out, "01_ec2_basics.ipynb")
    assert "memory_gib_needed=40" in basics and "cheapest fit: r5.2xlarge" in basics
    paying = printed(out, "02_paying_for_ec2.ipynb")
    assert "utilization_percent=85.0" in paying and "seed=5" in paying
    assert "at 85 % utilisation for one year the cheapest option is 1-year All Upfront" in paying
    assert "peak_rps=1400.0, bootstrap_minutes=10" in printed(out, "03_auto_scaling.ipynb")
    assert "targets_a=3" in printed(out, "04_load_balancing.ipynb")
    assert "requests of 250 ms" in printed(out, "05_lambda_beanstalk.ipynb")


def test_bad_value_stops_with_a_one_line_value_error(tmp_path):
    result = awslab(
        "run", str(COMPUTE / "03_auto_scaling.ipynb"), "--output", str(tmp_path), "-p", "bootstrap_minutes", "-3"
    )
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): bootstrap_minutes=-3 is outside the allowed range (0 to 60 min)"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout


def awslab(*args):
    """Batch runs of this chapter take longer: a larger timeout."""
    return run_awslab(*args, timeout=1500)
