"""Batch runs of the Glacier, EBS, CloudFront and Storage Gateway notebooks with non-default parameters."""

from pathlib import Path

import pytest

from tests.support import batch_run, printed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
STORAGE = ROOT / "notebooks" / "01_storage"
NOTEBOOKS = ["05_glacier.ipynb", "06_ebs.ipynb", "07_cloudfront.ipynb", "08_storage_gateway.ipynb"]
pytestmark = pytest.mark.notebooks


def test_runs_the_part2_notebooks_with_other_parameters(tmp_path):
    # fmt: off
    params = [
        ("data_gb", "2000"), ("objects", "100"), ("deadline_hours", "24"), ("storage_class", "DEEP_ARCHIVE"),
        ("restore_days", "7"), ("retention_days", "30"),
        ("size_gib", "500"), ("peak_minutes", "120"), ("need_iops", "20000"), ("raid_volumes", "2"),
        ("change_fraction", "0.3"), ("seed", "3"),
        ("ttl_seconds", "600"), ("n_edges", "3"), ("zipf_exponent", "1.2"), ("requests_per_second", "20"),
        ("request_path", "/api/orders/1"),
        ("cache_gib", "300"), ("working_set_gib", "100"), ("gateway_type", "volume_stored"),
        ("volume_sizes_tib", "[16, 8]"),
    ]
    # fmt: on
    batch_run([STORAGE / name for name in NOTEBOOKS], tmp_path, dict(params), expected=4)
    glacier = printed(tmp_path, "05_glacier.ipynb")
    assert "storage_class=DEEP_ARCHIVE" in glacier and "chosen tier: Standard" in glacier
    ebs = printed(tmp_path, "06_ebs.ipynb")
    assert "size_gib=500" in ebs and "seed=3" in ebs and "baseline 1,500 IOPS" in ebs
    cloudfront = printed(tmp_path, "07_cloudfront.ipynb")
    assert "ttl_seconds=600" in cloudfront and "/api/orders/1" in cloudfront
    gateway = printed(tmp_path, "08_storage_gateway.ipynb")
    assert "volume_stored: 2 volumes, 24 TiB; fits: True" in gateway


def test_a_bad_value_stops_the_notebook_with_a_clear_line(tmp_path):
    result = awslab("run", str(STORAGE / "06_ebs.ipynb"), "--output", str(tmp_path), "-p", "size_gib", "20000")
    assert result.returncode == 1
    assert (
        "bad parameter (no cell was run): size_gib=20000.0 is outside the allowed range (1 to 16384 GiB)"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
