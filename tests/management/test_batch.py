"""The Management notebooks under scenarios/startup.yaml (the shared course run): each ran, echoed the scenario's
values and recorded what the models compute for them; and a bad value stops a notebook before its kernel."""

import re
from pathlib import Path

import pandas as pd
import pytest

from awslab.management import cloudformation as cfn
from awslab.management import cloudwatch as cw
from awslab.management import config_rules
from awslab.management import trusted_advisor as ta
from awslab.management.sample_templates import SAMPLE_TEMPLATES
from tests.support import assert_echoed, own_values, printed, ran, seed_of
from tests.support import run_awslab as awslab

MANAGEMENT = Path(__file__).resolve().parents[2] / "notebooks" / "07_management"
pytestmark = pytest.mark.notebooks
NOTEBOOKS = [f"07_management/{p.stem}.ipynb" for p in sorted(MANAGEMENT.glob("*.md"))]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("key", NOTEBOOKS)
def test_each_notebook_ran_and_echoed_the_scenario(startup_run, key):
    ran(startup_run, key)
    assert_echoed(startup_run, key)


def test_alarm_transitions_are_the_models(startup_run):
    key = "07_management/01_cloudwatch.ipynb"
    v = own_values(key)
    series = cw.sample_metric_series(periods=60, seed=seed_of(startup_run, key))
    states = cw.evaluate_alarm(
        series,
        v["threshold"],
        "GreaterThanThreshold",
        evaluation_periods=v["evaluation_periods"],
        datapoints_to_alarm=v["datapoints_to_alarm"],
        treat_missing_data=v["treat_missing_data"],
    )
    changes = cw.state_transitions(states)
    recorded = startup_run.entry(key)["results"]
    assert recorded["alarm_state_changes"] == len(changes)
    assert recorded["minutes_in_alarm"] == states.count("ALARM") * 5
    text = printed(startup_run.folder, Path(key).name)
    for index, old, new in changes:
        assert f"minute {index * 5:>3}: {old} -> {new}" in text
    assert f"retention: {v['log_retention_days']} days" in text


def test_template_order_is_the_models(startup_run):
    key = "07_management/02_cloudformation.ipynb"
    template = SAMPLE_TEMPLATES[own_values(key)["template_name"]]
    recorded = startup_run.entry(key)["results"]
    assert recorded["creation_order_length"] == len(cfn.creation_order(template))
    assert recorded["creation_waves"] == len(cfn.creation_waves(template))


def test_config_compliance_at_the_hour_is_the_models(startup_run):
    key = "07_management/03_cloudtrail_config_trusted_advisor.ipynb"
    v = own_values(key)
    text = printed(startup_run.folder, Path(key).name)
    hour = int(re.search(r"parameters: hour=(\d+)", text).group(1))  # not a scenario value: the notebook's default
    timeline = config_rules.compliance_timeline(config_rules.SAMPLE_RULES, config_rules.sample_history())
    at_hour = config_rules.rule_compliance(timeline, pd.Timestamp(f"2026-01-05T{hour:02d}:00:00Z"))
    recorded = startup_run.entry(key)["results"]
    assert recorded["noncompliant_rules_at_hour"] == sum(state == "NON_COMPLIANT" for state in at_hour.values())
    assert f"'From Port': {v['open_port']}" in text
    usage = [
        {
            "Service": "EC2",
            "Region": "us-east-1",
            "LimitName": "Running On-Demand Standard instances",
            "Limit": v["instance_limit"],
            "Usage": v["running_instances"],
        }
    ]
    assert recorded["service_limits_status"] == ta.check_service_limits(usage).status


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
