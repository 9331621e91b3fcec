"""Secrets Manager rotation as a state machine (properties over any sequence of attempts and failures), the store
chooser's prices and limits, and the emulator's label behaviour checked against the model's rules."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.sandbox import sandbox
from awslab.security import secrets
from awslab.security.secrets import CURRENT, PENDING, PREVIOUS

attempt = st.one_of(st.none(), st.sampled_from(secrets.STEPS))


def labels(state):
    return {v.version_id: sorted(v.labels) for v in state.versions}


@given(strategy=st.sampled_from(secrets.STRATEGIES), failures=st.lists(attempt, min_size=1, max_size=30))
def test_rotation_invariants_hold_for_any_sequence(strategy, failures):
    state, serial = secrets.new_secret(strategy), 0
    for fail_at in failures:
        before = state.labelled(CURRENT)
        pending = state.labelled(PENDING)
        if pending is None:
            serial += 1
            token = f"v{serial}"
        else:
            token = pending.version_id
        outcome = secrets.rotate(state, token, fail_at=fail_at)
        state = outcome.state
        assert secrets.label_problems(labels(state)) == ()  # exactly one AWSCURRENT, no label on two versions
        assert sum(PENDING in v.labels for v in state.versions) <= 1
        assert sum(PREVIOUS in v.labels for v in state.versions) <= 1
        if fail_at is None:
            assert state.labelled(CURRENT).version_id == token
            assert state.labelled(PREVIOUS).version_id == before.version_id
            assert state.labelled(PENDING) is None and state.clients_ok
        else:
            assert state.labelled(CURRENT) == before  # a failed rotation leaves AWSCURRENT unchanged
            assert outcome.completed_steps == secrets.STEPS[: secrets.STEPS.index(fail_at)]
        if strategy == "alternating-users":
            assert state.clients_ok  # the user in AWSCURRENT is never the one being changed


def test_single_user_clients_fail_only_between_setsecret_and_finishsecret():
    for fail_at, ok in (("createSecret", True), ("setSecret", True), ("testSecret", False), ("finishSecret", False)):
        assert secrets.rotate(secrets.new_secret(), "v1", fail_at=fail_at).state.clients_ok is ok
    failed = secrets.rotate(secrets.new_secret(), "v1", fail_at="testSecret").state
    retried = secrets.rotate(failed, "v1").state  # the retry reuses the pending version
    assert retried.labelled(CURRENT).version_id == "v1" and len(retried.versions) == 2 and retried.clients_ok


def test_versions_beyond_100_unlabelled_are_removed():
    run = secrets.simulate_rotations(130, 0.0, seed=0)
    assert run.timeline["versions kept"].max() == 102  # 100 unlabelled + AWSPREVIOUS + AWSCURRENT
    assert run.final.labelled(CURRENT).version_id == "v130"


def test_rotate_refuses_bad_input():
    with pytest.raises(ValueError, match="fail_at='deploySecret' is not one of"):
        secrets.rotate(secrets.new_secret(), "v1", fail_at="deploySecret")
    with pytest.raises(ValueError, match="already a version"):
        secrets.rotate(secrets.new_secret(), "v0")
    with pytest.raises(TypeError, match="SecretState"):
        secrets.rotate({"versions": []}, "v1")
    with pytest.raises(ValueError, match="strategy='shared' is not one of"):
        secrets.new_secret("shared")


# Prices used (us-east-1, read 2026-12-03): $0.40 per secret-month, $0.05 per 10,000 calls; Parameter Store tiers
# from the Systems Manager User Guide, "Managing parameter tiers": 10,000 / 100,000 parameters, 4 KB / 8 KB values.
def test_store_prices_and_limits():
    sm, standard, advanced = secrets.store_options(200, 1024, 3_000_000)
    assert sm.monthly_usd == pytest.approx(95.0) and standard.monthly_usd == 0 and standard.feasible
    assert advanced.monthly_usd == pytest.approx(10.0)
    _, standard, advanced = secrets.store_options(20_000, 100, 0)
    assert not standard.feasible and "10,000" in standard.why_not and advanced.feasible
    _, standard, advanced = secrets.store_options(10, 5000, 0)
    assert not standard.feasible and advanced.feasible
    sm, _, advanced = secrets.store_options(10, 9000, 0)
    assert sm.feasible and not advanced.feasible
    assert secrets.cheapest_store(10, 100, 0, needs_rotation=True).store == "Secrets Manager"
    _, standard, _ = secrets.store_options(10, 100, 1_000_000, peak_tps=100)
    assert standard.monthly_usd == pytest.approx(5.0)  # higher throughput charges every interaction
    with pytest.raises(ValueError, match="fits no store"):
        secrets.cheapest_store(1, 70_000, 0)
    assert secrets.required_tier(4096) == "Standard" and secrets.required_tier(8192) == "Advanced"
    with pytest.raises(ValueError, match="above the advanced tier"):
        secrets.required_tier(8193)


@given(
    count=st.integers(1, 50_000),
    size=st.integers(1, 70_000),
    calls=st.floats(0, 1e9, allow_nan=False),
    rotation=st.booleans(),
)
def test_cheapest_is_feasible_and_no_dearer_than_any_feasible_option(count, size, calls, rotation):
    options = secrets.store_options(count, size, calls, needs_rotation=rotation)
    feasible = [o for o in options if o.feasible]
    if not feasible:
        with pytest.raises(ValueError):
            secrets.cheapest_store(count, size, calls, needs_rotation=rotation)
        return
    best = secrets.cheapest_store(count, size, calls, needs_rotation=rotation)
    assert best.feasible and all(best.monthly_usd <= o.monthly_usd + 1e-9 for o in feasible)


def test_the_emulators_labels_against_the_model():
    """PutSecretValue (API Reference): without VersionStages, AWSCURRENT moves to the new version and AWSPREVIOUS to
    the version it left; the emulator agrees. After UpdateSecretVersionStage moves AWSCURRENT, the emulator still
    treats the old version as current: GetSecretValue without a stage returns it, and RotateSecret (no rotation
    function) then leaves two versions labelled AWSCURRENT, which the model's rules flag."""
    with sandbox() as aws:
        sm = aws.client("secretsmanager")
        arn = sm.create_secret(Name="t", SecretString="a", ClientRequestToken="a" * 32)["ARN"]
        sm.put_secret_value(SecretId=arn, SecretString="b", ClientRequestToken="b" * 32)

        def listed():
            versions = sm.list_secret_version_ids(SecretId=arn)["Versions"]
            return {v["VersionId"][0]: v["VersionStages"] for v in versions}

        assert listed() == {"a": [PREVIOUS], "b": [CURRENT]} and secrets.label_problems(listed()) == ()
        sm.put_secret_value(SecretId=arn, SecretString="c", ClientRequestToken="c" * 32, VersionStages=[PENDING])
        sm.update_secret_version_stage(
            SecretId=arn, VersionStage=CURRENT, MoveToVersionId="c" * 32, RemoveFromVersionId="b" * 32
        )
        sm.update_secret_version_stage(SecretId=arn, VersionStage=PENDING, RemoveFromVersionId="c" * 32)
        assert secrets.label_problems(listed()) == ()
        assert sm.get_secret_value(SecretId=arn, VersionStage=CURRENT)["SecretString"] == "c"
        assert sm.get_secret_value(SecretId=arn)["SecretString"] == "b"  # AWS would return AWSCURRENT, "c"
        sm.rotate_secret(SecretId=arn, ClientRequestToken="d" * 32, RotationRules={"AutomaticallyAfterDays": 30})
        assert secrets.label_problems(listed()) == ("AWSCURRENT is on 2 versions (c, d)",)
