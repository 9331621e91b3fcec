"""The Overview notebook in the shared startup run (scenarios/startup.yaml): it ran, echoed the scenario's values,
and recorded what the models compute for them. A bad value still stops it before its kernel."""

from pathlib import Path

import pytest

from awslab.overview import availability as av
from awslab.overview import regions as rg
from tests.support import run_awslab as awslab
from tests.support import values_used

ROOT = Path(__file__).resolve().parents[2]
OVERVIEW = ROOT / "notebooks" / "00_overview"
KEY = "00_overview/01_global_infrastructure.ipynb"
pytestmark = pytest.mark.notebooks


def test_overview_in_the_startup_run(startup_run):
    v = values_used(startup_run, KEY)
    table = av.compare_deployments(
        v["instance_availability"], v["instances_per_az"], correlation_beta=v["correlation_beta"]
    )
    recorded = startup_run.entry(KEY)["results"]
    assert recorded["one_az_downtime_minutes_per_year"] == round(float(table.iloc[0]["downtime_minutes_per_year"]), 2)
    assert recorded["multi_az_nines"] == round(float(table.iloc[1]["nines"]), 2)
    closest = rg.closest_regions(rg.USER_SCENARIOS[v["scenario"]])
    assert recorded["closest_region"] == closest.iloc[0]["code"]


def test_overview_bad_value_stops_with_a_clear_line(tmp_path):
    result = awslab("run", str(OVERVIEW), "--output", str(tmp_path), "-p", "correlation_beta", "2")
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): correlation_beta=2.0 is outside the allowed range (0 to 1)"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
