"""The building blocks' documented numbers and AWS-shaped helpers (Vault Lock, S3 RTC rule, EBS time-based copy)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.resilience import blocks


def test_vault_lock_cooling_off_is_72_hours():
    # CloudFormation LockConfigurationType: "AWS Backup enforces a 72-hour cooling-off period ... you must set
    # ChangeableForDays to 3 or greater."
    assert blocks.VAULT_LOCK_COOLING_OFF_HOURS == 72 == 24 * blocks.VAULT_LOCK_MIN_CHANGEABLE_FOR_DAYS
    with pytest.raises(ValueError, match="changeable_for_days=2 is outside the allowed range"):
        blocks.vault_lock_configuration("prod-vault", 7, changeable_for_days=2)


def test_governance_mode_has_no_changeable_for_days():
    # re:Post: "If ChangeableForDays is included, the vault lock is created in compliance mode."
    config = blocks.vault_lock_configuration("prod-vault", 7, mode="governance")
    assert "ChangeableForDays" not in config
    state = blocks.vault_lock_state(config, 10_000)
    assert state.mode == "governance" and state.changeable


@given(st.integers(3, 3650), st.floats(0, 10_000))
def test_compliance_lock_is_changeable_exactly_before_its_lock_date(changeable, day):
    config = blocks.vault_lock_configuration("v1", 1, changeable_for_days=changeable)
    state = blocks.vault_lock_state(config, day)
    assert state.mode == "compliance" and state.lock_date_day == changeable
    assert state.changeable == (day < changeable)


def test_vault_lock_state_rejects_foreign_keys():
    with pytest.raises(ValueError, match=r"unknown keys \['Mode'\]"):
        blocks.vault_lock_state({"BackupVaultName": "v", "Mode": "x"}, 1)


def test_rtc_rule_has_the_only_valid_time():
    # S3 API Reference, ReplicationTimeValue: "Valid value: 15"; Metrics.EventThreshold the same.
    destination = blocks.rtc_replication_rule("arn:aws:s3:::b")["Destination"]
    assert (
        destination["ReplicationTime"]["Time"]["Minutes"] == 15 == destination["Metrics"]["EventThreshold"]["Minutes"]
    )


def test_rtc_late_objects():
    assert blocks.rtc_late_objects(10_000) == 1.0
    assert blocks.rtc_late_objects(0) == 0


@pytest.mark.parametrize("minutes", [15, 30, 45, 2880])
def test_time_based_copy_accepts_15_minute_steps(minutes):
    # EC2 CopySnapshot: "Specify a completion duration, in 15 minute increments".
    assert blocks.time_based_copy_minutes(minutes) == minutes


@pytest.mark.parametrize(("minutes", "message"), [(20, "not a multiple of 15"), (0, "outside the allowed range")])
def test_time_based_copy_rejects_other_values(minutes, message):
    with pytest.raises(ValueError, match=message):
        blocks.time_based_copy_minutes(minutes)


def test_facts_table_quotes_the_constants():
    text = str(blocks.facts_table())
    for needle in ("72 h", "up to 10 secondaries", "99.99% in 15 min", "99.999%", "interval 10 or 30 s"):
        assert needle in text
