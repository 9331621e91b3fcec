"""Tests of the Object Lock and S3-at-scale models: the documented rules, the retention arithmetic, its
invariants, and the per-prefix floors."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.storage import s3_object_lock as lock
from awslab.storage import s3_scale

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def state(mode, days, hold=False):
    return {
        "ObjectLockMode": mode,
        "ObjectLockRetainUntilDate": T0 + timedelta(days=days),
        "ObjectLockLegalHoldStatus": "ON" if hold else "OFF",
    }


# --- the rules of "Locking objects with Object Lock" (S3 User Guide) -------------------------------------------
def test_compliance_binds_everyone_until_the_date():
    s = state("COMPLIANCE", 30)
    for p, h in [(False, False), (True, False), (True, True)]:
        assert not lock.can_delete_version(s, T0 + timedelta(days=29), bypass_permission=p, bypass_header=h).allowed
        assert lock.can_delete_version(s, T0 + timedelta(days=30), bypass_permission=p, bypass_header=h).allowed


def test_governance_yields_only_to_permission_and_header_together():
    s, at = state("GOVERNANCE", 30), T0 + timedelta(days=1)
    assert not lock.can_delete_version(s, at).allowed
    assert not lock.can_delete_version(s, at, bypass_permission=True).allowed
    assert not lock.can_delete_version(s, at, bypass_header=True).allowed
    assert lock.can_delete_version(s, at, bypass_permission=True, bypass_header=True).allowed


def test_a_legal_hold_blocks_every_caller_with_no_end_date():
    s = state("GOVERNANCE", 1, hold=True)
    late = T0 + timedelta(days=10_000)
    assert not lock.can_delete_version(s, late, bypass_permission=True, bypass_header=True).allowed
    assert lock.earliest_deletion(s, bypass_permission=True) is None


def test_retention_can_be_extended_but_compliance_never_shortened():
    s, at = state("COMPLIANCE", 30), T0 + timedelta(days=1)
    assert lock.can_change_retention(s, T0 + timedelta(days=60), at).allowed
    assert not lock.can_change_retention(
        s, T0 + timedelta(days=10), at, bypass_permission=True, bypass_header=True
    ).allowed
    g = state("GOVERNANCE", 30)
    assert lock.can_change_retention(g, T0 + timedelta(days=10), at, bypass_permission=True, bypass_header=True).allowed
    assert not lock.can_change_retention(g, T0 + timedelta(days=10), at).allowed


def test_default_retention_counts_from_the_version_creation():
    cfg = {"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 90}}}
    assert lock.default_retain_until(T0, cfg) == ("GOVERNANCE", T0 + timedelta(days=90))
    years = {"Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Years": 6}}}
    assert lock.default_retain_until(T0, years)[1] == T0.replace(year=2032)
    assert lock.default_retain_until(T0, {"ObjectLockEnabled": "Enabled"}) is None


def test_bad_shapes_are_refused_by_name():
    with pytest.raises(ValueError, match="needs Days or Years"):
        lock.default_retain_until(T0, {"Rule": {"DefaultRetention": {"Mode": "GOVERNANCE"}}})
    with pytest.raises(ValueError, match="Mode=None is not one of|Mode='WORM' is not one of"):
        lock.default_retain_until(T0, {"Rule": {"DefaultRetention": {"Mode": "WORM", "Days": 1}}})
    with pytest.raises(ValueError, match="now must be a timezone-aware datetime"):
        lock.can_delete_version(state("GOVERNANCE", 1), datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="ObjectLockLegalHoldStatus"):
        lock.can_delete_version({"ObjectLockLegalHoldStatus": "MAYBE"}, T0)


@given(
    mode=st.sampled_from(lock.MODES),
    days=st.integers(1, 3_650),
    hold=st.booleans(),
    day=st.floats(0, 8_000),
    permission=st.booleans(),
    header=st.booleans(),
)
def test_retention_invariants(mode, days, hold, day, permission, header):
    s, at = state(mode, days, hold), T0 + timedelta(days=day)
    decision = lock.can_delete_version(s, at, bypass_permission=permission, bypass_header=header)
    if hold:
        assert not decision.allowed  # a hold always blocks
    elif day >= days:
        assert decision.allowed  # an expired retention never blocks
    elif mode == "COMPLIANCE":
        assert not decision.allowed  # no bypass in compliance
    else:
        assert decision.allowed == (permission and header)
    # whoever may delete at some time may also delete later (retention only ever runs out)
    if decision.allowed:
        later = lock.can_delete_version(s, at + timedelta(days=1), bypass_permission=permission, bypass_header=header)
        assert later.allowed


# --- request rates per partitioned prefix ----------------------------------------------------------------------
def test_the_documented_floors():
    assert s3_scale.prefixes_needed(5_500, 3_500) == 1
    assert s3_scale.prefixes_needed(5_501, 0) == 2
    assert s3_scale.prefixes_needed(0, 3_501) == 2
    assert s3_scale.prefixes_needed(55_000, 0) == 10


@given(get=st.floats(0, 1e6), put=st.floats(0, 1e6), n=st.integers(1, 1_000))
def test_enough_prefixes_means_nothing_over_the_floor(get, put, n):
    load = s3_scale.prefix_load(get, put, prefixes=n)
    assert 0 <= load.throttled_share <= 1
    assert (load.throttled_share == 0) == (get / n <= 5_500 and put / n <= 3_500)
    assert s3_scale.prefix_load(get, put, prefixes=load.prefixes_needed).throttled_share == 0
