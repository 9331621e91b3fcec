"""Exercises of 07-09: the answer the models compute passes, a wrong one fails, for every exercise."""

import json

import pytest

from awslab.security import app_identity, secrets, threat_detection
from awslab.security.exercises import identity_for_apps, secrets_and_parameters
from awslab.security.exercises import threat_detection as td_ex

CASES = [
    (identity_for_apps.credential_hours, app_identity.sign_in("identity-pool-enhanced").usable_seconds / 3600, 12),
    (identity_for_apps.chained_duration, "refused: role chaining caps a session at 3,600 s", "granted for 2 hours"),
    (secrets_and_parameters.secrets_manager_bill, 200 * 0.40 + 300 * 0.05, 80),
    (
        secrets_and_parameters.failed_rotation,
        "v0, and they cannot sign in until a retry finishes",
        "v0, and they can sign in",
    ),
    (secrets_and_parameters.parameter_tier, secrets.cheapest_store(500, 6000, 100_000).store, "Secrets Manager"),
    (td_ex.attack_path, threat_detection.which_service("attack-path").service, "AWS Security Hub CSPM"),
    (td_ex.flow_log_readers, len(threat_detection.services_seeing("VPC Flow Logs")), 5),
]


@pytest.mark.parametrize(("exercise", "right", "wrong"), CASES, ids=[c[0].id for c in CASES])
def test_right_answer_passes_and_wrong_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_abac_code_exercise():
    check = identity_for_apps.abac_policy.check
    assert check(json.dumps(app_identity.abac_policy("team"))).right
    allow_all = {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}}
    verdict = check(json.dumps(allow_all))
    assert not verdict.right and "team='blue'" in str(verdict)
    # without Version 2012-10-17 the variable is not replaced: the tags never match
    old = app_identity.abac_policy("team") | {"Version": "2008-10-17"}
    assert not check(json.dumps(old)).right
    assert not check("{not json").right


def test_exercise_ids_are_prefixed_by_their_notebook():
    for module, prefix in (
        (identity_for_apps, "identity-for-apps-"),
        (secrets_and_parameters, "secrets-and-parameters-"),
        (td_ex, "threat-detection-"),
    ):
        ids = [v.id for v in vars(module).values() if hasattr(v, "check") and hasattr(v, "id")]
        assert len(ids) >= 2 and all(i.startswith(prefix) for i in ids)
