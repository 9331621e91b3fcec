"""The security notebooks under scenarios/startup.yaml (the shared course run): each ran, echoed the scenario's
values and printed/recorded what the models compute for them; and a bad value stops a notebook before its kernel."""

from pathlib import Path

import pytest

from awslab.security import credentials, iam, kms, mfa, organizations, presets, responsibility, waf
from tests.support import assert_echoed, own_values, printed, ran, seed_of
from tests.support import run_awslab as awslab

SECURITY_DIR = Path(__file__).resolve().parents[2] / "notebooks" / "05_security"
pytestmark = pytest.mark.notebooks
NOTEBOOKS = [f"05_security/{p.stem}.ipynb" for p in sorted(SECURITY_DIR.glob("*.md"))]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("key", NOTEBOOKS)
def test_each_notebook_ran_and_echoed_the_scenario(startup_run, key):
    ran(startup_run, key)
    assert_echoed(startup_run, key)


def test_shared_responsibility_shares_are_the_models(startup_run):
    key = "05_security/01_shared_responsibility.ipynb"
    services = tuple(s.strip() for s in own_values(key)["services"].split(","))
    share = responsibility.customer_share(services)
    text = printed(startup_run.folder, Path(key).name)
    for service, value in share.items():
        assert any(line.split() == [service, f"{value:.0%}"] for line in text.splitlines()), (service, value)
    assert startup_run.entry(key)["results"]["max_customer_share"] == pytest.approx(float(share.max()))


def test_iam_decisions_and_session_length_are_the_models(startup_run):
    key = "05_security/02_iam_policies.ipynb"
    values = own_values(key)
    context = {
        "aws:username": "alice",
        "aws:SourceIp": values["source_ip"],
        "aws:MultiFactorAuthPresent": values["mfa_present"],
    }
    put = iam.evaluate([presets.DEMO_POLICY], "s3:PutObject", "arn:aws:s3:::reports/alice/q3.csv", context=context)
    assert startup_run.entry(key)["results"]["put_own_folder_decision"] == put.decision
    text = printed(startup_run.folder, Path(key).name)
    assert f"s3:PutObject on arn:aws:s3:::reports/alice/q3.csv: {put.decision}" in text
    granted = credentials.credential_lifetime("AssumeRole", values["session_seconds"])
    assert f"DurationSeconds={values['session_seconds']}: granted {granted.granted_seconds} s" in text


def test_kms_calls_and_rotations_are_the_models(startup_run):
    key = "05_security/03_kms_cloudhsm.ipynb"
    values = own_values(key)
    recorded = startup_run.entry(key)["results"]
    calls = kms.kms_calls([values["data_size_bytes"]] * 10_000)
    assert recorded["direct_encrypt_calls_10k_documents"] == calls["direct_encrypt_calls"]
    schedule = kms.rotation_schedule(values["years"] * 365, values["rotation_period_days"])
    rotations = int(schedule["encrypting_version"].iloc[-1])
    assert recorded["key_rotations"] == rotations
    assert f"over {values['years']} years at {values['rotation_period_days']} days: {rotations} rotations" in printed(
        startup_run.folder, Path(key).name
    )


def test_mfa_acceptance_and_trail_size_are_the_models(startup_run):
    key = "05_security/04_mfa_cloudtrail.ipynb"
    values = own_values(key)
    exact = float(mfa.acceptance_probability(values["drift_seconds"], values["window_steps"], delay_seconds=5.0)[0])
    text = printed(startup_run.folder, Path(key).name)
    assert f"window ±{values['window_steps']}: exact acceptance with a 5 s delay {exact:.1%}" in text
    assert f"{values['hours'] * 3} log files, {values['hours']} digests" in text
    assert startup_run.entry(key)["results"]["log_files_validated"] == values["hours"] * 3


def test_waf_rule_numbers_are_the_models(startup_run):
    key = "05_security/05_more_security_services.ipynb"
    values = own_values(key)
    rule = waf.simulate_rate_rule(
        values["rate_limit"], values["window_seconds"], values["attacker_rps"], seed=seed_of(startup_run, key)
    )
    recorded = startup_run.entry(key)["results"]
    assert recorded["attacker_requests_blocked"] == int(rule.attacker_blocked.sum())
    assert recorded["attacker_blocked_fraction"] == round(rule.attacker_blocked_fraction, 4)
    assert recorded["normal_users_blocked_fraction"] == round(rule.others_blocked_fraction, 4)


def test_governance_decisions_are_the_evaluators(startup_run):
    key = "05_security/06_governance.ipynb"
    values = own_values(key)
    recorded = startup_run.entry(key)["results"]
    chosen = organizations.evaluate_scenario(values["scenario"])
    assert (recorded["scenario_decision"], recorded["scenario_layer"]) == (chosen.decision, chosen.layer)
    regions = [r.strip() for r in values["allowed_regions"].split(",")]
    rows = organizations.guardrail_table(
        organizations.lab_scps(regions, values["deny_root_user"]), organizations.PROD, organizations.MANAGEMENT
    )
    allowed = sum(row["decision"] == "allowed" for row in rows)
    assert recorded["lab_allowed_requests"] == allowed
    assert f"allowed in the prod account: {allowed} of {len(rows)}" in printed(startup_run.folder, Path(key).name)


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
        (
            "06_governance.ipynb",
            "allowed_regions",
            "moon-1",
            "bad parameter (no cell was run): allowed_regions=['moon-1'] must list one or more Region codes",
        ),
    ],
)
def test_bad_value_stops_with_a_clear_line(tmp_path, notebook, name, value, line):
    result = awslab("run", str(SECURITY_DIR / notebook), "--output", str(tmp_path), "-p", name, value)
    assert result.returncode == 1
    assert f"FAILED  {line}" in result.stdout
    assert "0 passed, 1 failed" in result.stdout


def test_identity_flow_duration_and_abac_are_the_models(startup_run):
    from awslab.security import app_identity

    key = "05_security/07_identity_for_apps.ipynb"
    values = own_values(key)
    role_max = values["role_max_session_hours"] * 3600
    chosen = app_identity.sign_in(values["flow"], role_max_session_seconds=role_max)
    recorded = startup_run.entry(key)["results"]
    assert recorded["flow_ends_with"] == chosen.ends_with
    assert recorded["flow_usable_seconds"] == chosen.usable_seconds
    check = app_identity.check_duration(values["duration_seconds"], role_max_session_seconds=role_max)
    assert recorded["duration_granted_seconds"] == check.granted_seconds
    decision = app_identity.abac_decision(values["principal_tag"], values["resource_tag"]).decision
    assert recorded["abac_decision"] == decision
    text = printed(startup_run.folder, Path(key).name)
    assert (
        f"DurationSeconds={values['duration_seconds']} with a {values['role_max_session_hours']} h role: {check.reason}"
        in text
    )
    assert f"ec2:StopInstances {decision}" in text


def test_rotation_and_store_numbers_are_the_models(startup_run):
    from awslab.security import secrets

    key = "05_security/08_secrets_and_parameters.ipynb"
    values = own_values(key)
    run = secrets.simulate_rotations(
        24, values["failure_probability"], values["strategy"], seed=seed_of(startup_run, key)
    )
    recorded = startup_run.entry(key)["results"]
    assert recorded["rotations_completed"] == int((run.timeline["outcome"] == "rotated").sum())
    assert recorded["rotation_attempts_clients_failed"] == run.broken_attempts
    best = secrets.cheapest_store(
        values["secret_count"],
        values["value_bytes"],
        values["api_calls_per_month"],
        needs_rotation=values["needs_rotation"],
        peak_tps=values["peak_tps"],
    )
    assert recorded["cheapest_store"] == best.store
    assert recorded["cheapest_store_monthly_usd"] == best.monthly_usd
    assert f"cheapest that fits: {best.store} at ${best.monthly_usd:,.2f} per month" in printed(
        startup_run.folder, Path(key).name
    )


def test_which_service_answers_are_the_models(startup_run):
    from awslab.security import threat_detection

    key = "05_security/09_threat_detection.ipynb"
    values = own_values(key)
    answer = threat_detection.which_service(values["question"])
    readers = threat_detection.services_seeing(values["data_source"])
    recorded = startup_run.entry(key)["results"]
    assert recorded["answering_service"] == answer.service
    assert recorded["data_source_readers"] == len(readers)
    text = printed(startup_run.folder, Path(key).name)
    assert f"{answer.text}: ask {answer.service}." in text
    assert f"{values['data_source']}: read by {', '.join(readers)}" in text


@pytest.mark.parametrize(
    ("notebook", "name", "value", "line"),
    [
        (
            "07_identity_for_apps.ipynb",
            "duration_seconds",
            "7200",
            "bad parameter (no cell was run): duration_seconds=7200 is refused by STS for this role: "
            "above the role's MaxSessionDuration (3,600 s)",
        ),
        (
            "08_secrets_and_parameters.ipynb",
            "strategy",
            "shared-user",
            "bad parameter (no cell was run): strategy='shared-user' is not one of: single-user, alternating-users",
        ),
        (
            "09_threat_detection.ipynb",
            "question",
            "sqli",
            "bad parameter (no cell was run): question='sqli' is not one of:",
        ),
    ],
)
def test_bad_value_in_the_new_notebooks_stops_with_a_clear_line(tmp_path, notebook, name, value, line):
    result = awslab("run", str(SECURITY_DIR / notebook), "--output", str(tmp_path), "-p", name, value)
    assert result.returncode == 1
    assert f"FAILED  {line}" in result.stdout
