"""Batch runs of the networking notebooks through `python -m awslab run` with non-default and bad parameters."""

from pathlib import Path

import pytest

from tests.support import batch_run, printed
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parents[2]
NETWORKING = ROOT / "notebooks" / "03_networking"
pytestmark = pytest.mark.notebooks

OTHER_PARAMETERS = {
    "vpc_cidr": "10.20.0.0/20",
    "az_count": "2",
    "app_hosts_needed": "500",
    "inspect_cidr": "172.16.5.0/26",
    "destination": "192.168.1.1",
    "domain_name": "lab.example.internal",
    "client_port": "40000",
    "app_port": "9000",
    "vpc_b_cidr": "10.0.128.0/17",
    "tunnel_availability": "0.95",
    "office_cidr": "172.20.0.0/16",
    "seed": "5",
    "ttl_seconds": "30",
    "request_interval": "10",
    "failure_threshold": "2",
}


def test_runs_every_networking_notebook_with_other_parameters(tmp_path):
    batch_run([NETWORKING], tmp_path, OTHER_PARAMETERS, expected=5)
    assert "vpc_cidr=10.20.0.0/20, az_count=2" in printed(tmp_path, "01_addressing.ipynb")
    assert "every count matches: True" in printed(tmp_path, "01_addressing.ipynb")
    assert "client_port=40000, app_port=9000" in printed(tmp_path, "03_firewalls_packet_walk.ipynb")
    assert "in  rule 100 allow tcp 9000 from 10.0.0.0/24" in printed(tmp_path, "03_firewalls_packet_walk.ipynb")
    # VPC B now overlaps VPC A: the emulator accepts the peering, the model says AWS would fail it.
    assert "model for A/B: failed" in printed(tmp_path, "04_connecting_networks.ipynb")
    assert "worst case (interval x threshold + TTL): 50 s" in printed(tmp_path, "05_route53.ipynb")


def test_bad_value_stops_the_notebook_with_a_clear_line(tmp_path):
    result = awslab(
        "run", str(NETWORKING / "01_addressing.ipynb"), "--output", str(tmp_path), "-p", "vpc_cidr", "10.0.0.0/12"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "FAILED  bad parameter (no cell was run): vpc_cidr='10.0.0.0/12': prefix /12 is outside the allowed range /16-/28"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
