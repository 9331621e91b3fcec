"""Batch runs of the databases notebooks through `python -m awslab run`: other parameters, and a bad one."""

from pathlib import Path

import pytest

from tests.support import batch_run, printed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
DATABASES = ROOT / "notebooks" / "04_databases"
pytestmark = pytest.mark.notebooks


def test_runs_every_databases_notebook_with_other_parameters(tmp_path):
    overrides = {
        "seed": "9",
        "database_size_gib": "500",
        "backup_retention_days": "0",
        "mean_writes_per_second": "1100",
        "client_dns_cache_seconds": "60",
        "item_size_bytes": "9000",
        "write_shards": "5",
        "reads_per_second": "50",
        "peak_to_average": "4",
        "cache_capacity_items": "1500",
        "ttl_seconds": "45",
        "memcached_nodes": "8",
        "zipf_exponent": "1.5",
        "nodes": "4",
        "total_size_gib": "40",
        "filter_percent": "25",
    }
    batch_run([DATABASES], tmp_path, overrides, expected=4)
    rds = printed(tmp_path, "01_rds_aurora.ipynb")
    assert "backup_retention_days=0" in rds and "no automated backups, no point-in-time restore" in rds
    assert "client DNS cache expires:    85 s to   145 s" in rds
    dynamo = printed(tmp_path, "02_dynamodb.ipynb")
    assert "item_size_bytes=9,000" in dynamo and "5 shard(s)" in dynamo
    cache = printed(tmp_path, "03_elasticache.ipynb")
    assert "ttl_seconds=45" in cache and "sessions memcached 8 nodes" in cache
    redshift = printed(tmp_path, "04_redshift.ipynb")
    assert "nodes=4" in redshift and "x 4 nodes = 16 slices" in redshift


def test_bad_value_stops_the_notebook_with_a_clear_line(tmp_path):
    notebook = DATABASES / "02_dynamodb.ipynb"
    result = awslab("run", str(notebook), "--output", str(tmp_path), "-p", "item_size_bytes", "500000")
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): item_size_bytes=500000 is larger than the DynamoDB item limit of 409600 bytes"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
