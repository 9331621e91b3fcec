"""Security explorers: each builds, updates fast, has the expected static steps, and shows the model's message."""

import json
import time

import pytest

from awslab import ui
from awslab.security import cloudtrail, organizations, presets, responsibility
from awslab.security import explorers as ex

# explorer factory, expected labels of the static face's steps (slider or dropdown), a bad value and the message
CASES = [
    (
        ex.explore_responsibility,
        list(responsibility.SERVICE_SETS),
        {"custom_services": "EC2, Fargate"},
        "'Fargate' is not one of",
    ),
    (ex.explore_policy, presets.DEMO_ACTIONS, {"policy_json": '{"Statement": ['}, "is not valid JSON"),
    (
        ex.explore_decision_grid,
        list(presets.GRID_PRESETS),
        {"custom_policy_json": '{"Version": "2012-10-17", "Statement": {"Effect": "Allow"}}'},
        "Statement",
    ),
    (
        ex.explore_credential_lifetime,
        ["AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "GetSessionToken", "GetFederationToken"],
        {"requested_seconds": 600},
        "requested_seconds=600 is outside the allowed range (900 to 3600 s for AssumeRole)",
    ),
    (ex.explore_key_rotation, ["0", "1", "2", "3", "4"], {"app_count": 0}, "app_count=0 is outside the allowed range"),
    (
        ex.explore_kms_rotation,
        ["90 days", "180 days", "365 days", "730 days", "1,095 days", "1,825 days", "2,560 days"],
        {"years": 0},
        "days=0 is outside the allowed range",
    ),
    (ex.explore_envelope_calls, ["1", "10", "100", "1,000", "10,000"], {"object_size_kib": -1}, "data_sizes_bytes"),
    (
        ex.explore_mfa_drift,
        [f"{d} s" for d in range(-120, 121, 10)],
        {"delay_seconds": -3.0},
        "delay_seconds=-3.0 is outside the allowed range",
    ),
    (
        ex.explore_cloudtrail,
        ["none", *cloudtrail.TAMPERING_METHODS],
        {"target": 99},
        "target=99 is outside the allowed range (0 to 11)",
    ),
    (
        ex.explore_waf_rate_rule,
        [f"{v:,} requests" for v in (10, 20, 50, 100, 200, 500, 1000, 2000)],
        {"attacker_rps": -2.0},
        "attacker_rps=-2.0 is outside the allowed range",
    ),
    (ex.explore_layers, list(organizations.SCENARIOS), {"preset": "no such scenario"}, "is not one of"),
]


@pytest.mark.parametrize(("factory", "labels", "bad", "message"), CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer_builds_updates_and_reports_bad_input(factory, labels, bad, message):
    explorer = factory()
    assert explorer.error is None and explorer.last_view.numbers
    good = dict(explorer.values)
    start = time.perf_counter()
    explorer.set(**{explorer.main: good[explorer.main]})
    assert time.perf_counter() - start < 0.15  # budget 50 ms; slack for a loaded CI machine
    figure = explorer.static_figure()
    if explorer.main in ("responsibility", "service_set", "action", "preset", "api", "how"):
        steps = [b.label for b in figure.layout.updatemenus[0].buttons]
    else:
        steps = [s.label for s in figure.layout.sliders[0].steps]
    assert steps == labels
    assert len(json.dumps(figure.to_plotly_json(), default=str)) < 150_000
    explorer.set(**bad)
    assert explorer.error is not None and message in explorer.error
    explorer.set(**good)
    assert explorer.error is None


def test_typed_bad_json_shows_in_the_live_panel():
    explorer = ex.explore_policy()
    explorer.widget  # noqa: B018 - builds the live panel
    explorer._inputs["context_json"].value = "[1, 2]"
    assert "context_json must be a JSON object" in explorer._error_box.value
    explorer._inputs["context_json"].value = json.dumps({**presets.DEMO_CONTEXT, "aws:MultiFactorAuthPresent": True})
    assert explorer._error_box.value == "" and "allowed" in explorer._numbers_box.value


def test_policy_explorer_trace_names_the_deciding_statement():
    explorer = ex.explore_policy()
    assert explorer.last_view.numbers["decision"] == "implicitDeny"
    assert explorer.last_view.numbers["missing context keys"] == "aws:MultiFactorAuthPresent"
    explorer.set(action="s3:DeleteObject")
    assert explorer.last_view.numbers["decision"] == "explicitDeny"
    assert explorer.last_view.numbers["deciding statement(s)"] == "NeverDeleteFromOutside"
    explorer.set(custom_action="S3:getobject")  # typed actions are case-insensitive, like IAM's
    assert explorer.last_view.numbers["deciding statement(s)"] == "ReadReports"
    explorer.set(custom_action="GetObject")
    assert "action='GetObject' must be 'service:ActionName'" in explorer.error


def test_grid_counts_every_cell_and_custom_policy_wins():
    explorer = ex.explore_decision_grid()
    numbers = explorer.last_view.numbers
    assert sum(int(numbers[d]) for d in ("allowed", "explicitDeny", "implicitDeny")) == 6 * 4
    explorer.set(custom_policy_json=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Action": "*", "Resource": "*"}]}))  # fmt: skip
    assert explorer.last_view.numbers["explicitDeny"] == "24"


def test_cloudtrail_explorer_flags_only_tampered_chains():
    explorer = ex.explore_cloudtrail()
    explorer.set(how="none")
    assert explorer.last_view.numbers["verdict"] == "intact"
    for how in cloudtrail.TAMPERING_METHODS:
        explorer.set(how=how, target=1)
        assert explorer.last_view.numbers["verdict"] == "tampering detected", how


def test_every_explorer_is_a_ui_explorer():
    from tests.security.test_app_explorers import CASES as APP_CASES  # the 07-09 explorers' contract cases

    factories = [getattr(ex, name) for name in dir(ex) if name.startswith("explore_")]
    assert len(factories) == len(CASES) + len(APP_CASES)
    assert all(isinstance(factory(), ui.Explorer) for factory in factories)
