"""Batch runs of the security notebooks through `python -m awslab run` with other parameters, and a bad one."""

from pathlib import Path

import pytest

from tests.support import batch_run, printed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
SECURITY = ROOT / "notebooks" / "05_security"
pytestmark = pytest.mark.notebooks


def test_runs_every_security_notebook_with_other_parameters(tmp_path):
    overrides = {
        "services": "EC2, Lambda",
        "username": "bob",
        "source_ip": "203.0.113.9",
        "mfa_present": "true",
        "session_seconds": "900",
        "apps_missed": "2",
        "data_size_bytes": "5000",
        "rotation_period_days": "180",
        "years": "3",
        "seed": "3",
        "secret_base32": "GEZDGNBVGY3TQOJQ",
        "drift_seconds": "50",
        "window_steps": "2",
        "hours": "3",
        "rate_limit": "50",
        "window_seconds": "60",
        "attacker_rps": "5",
    }
    batch_run([SECURITY], tmp_path, overrides, expected=5)
    out = tmp_path
    assert "parameters: services=EC2, Lambda" in printed(out, "01_shared_responsibility.ipynb")
    iam_text = printed(out, "02_iam_policies.ipynb")
    assert "username=bob" in iam_text and "mfa_present=True" in iam_text
    assert "s3:PutObject on arn:aws:s3:::reports/bob/q3.csv: allowed" in iam_text  # MFA present: the write is allowed
    assert "DurationSeconds=900: granted 900 s" in iam_text
    assert "over 3 years at 180 days: 6 rotations" in printed(out, "03_kms_cloudhsm.ipynb")
    assert "drift 50 s, window ±2" in printed(out, "04_mfa_cloudtrail.ipynb")
    assert "rate_limit=50, window_seconds=60, attacker_rps=5" in printed(out, "05_more_security_services.ipynb")


@pytest.mark.parametrize(
    ("notebook", "name", "value", "line"),
    [
        (
            "02_iam_policies.ipynb",
            "session_seconds",
            "60",
            "bad parameter (no cell was run): session_seconds=60 is outside the allowed range (900 to 3600 s (AssumeRole, role maximum 1 h))",
        ),
        (
            "05_more_security_services.ipynb",
            "window_seconds",
            "90",
            "bad parameter (no cell was run): window_seconds=90 is not one of: 60, 120, 300, 600",
        ),
    ],
)
def test_bad_value_stops_with_a_clear_line(tmp_path, notebook, name, value, line):
    result = awslab("run", str(SECURITY / notebook), "--output", str(tmp_path), "-p", name, value)
    assert result.returncode == 1
    assert f"FAILED  {line}" in result.stdout
    assert "0 passed, 1 failed" in result.stdout
