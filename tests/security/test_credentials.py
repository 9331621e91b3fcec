"""Credential lifetimes (STS API Reference limits) and the access key rotation walk-through."""

import pytest

from awslab.security import credentials as cr


@pytest.mark.parametrize(
    ("api", "kwargs", "granted", "maximum"),
    [
        ("AssumeRole", {}, 3_600, 3_600),
        ("AssumeRole", {"requested_seconds": 900}, 900, 3_600),
        ("AssumeRole", {"role_max_session_seconds": 43_200, "requested_seconds": 43_200}, 43_200, 43_200),
        ("AssumeRole", {"role_max_session_seconds": 43_200, "role_chaining": True}, 3_600, 3_600),
        ("AssumeRoleWithWebIdentity", {"role_max_session_seconds": 7_200}, 3_600, 7_200),
        ("GetSessionToken", {}, 43_200, 129_600),
        ("GetSessionToken", {"requested_seconds": 129_600}, 129_600, 129_600),
        ("GetSessionToken", {"caller": "root"}, 3_600, 3_600),
        ("GetFederationToken", {"requested_seconds": 900}, 900, 129_600),
    ],
)
def test_documented_lifetimes(api, kwargs, granted, maximum):
    life = cr.credential_lifetime(api, **kwargs)
    assert (life.granted_seconds, life.maximum_seconds, life.minimum_seconds) == (granted, maximum, 900)


@pytest.mark.parametrize(
    ("api", "kwargs", "message"),
    [
        ("AssumeRole", {"requested_seconds": 899}, "requested_seconds=899 is outside the allowed range (900 to 3600"),
        ("AssumeRole", {"requested_seconds": 7_200, "role_max_session_seconds": 43_200, "role_chaining": True}, "3600"),
        ("GetSessionToken", {"requested_seconds": 129_601}, "(900 to 129600 s for GetSessionToken)"),
        ("GetSessionToken", {"caller": "root", "requested_seconds": 7_200}, "(900 to 3600"),
        ("GetSessionToken", {"caller": "role"}, "caller='role' cannot call GetSessionToken"),
        ("AssumeRole", {"role_max_session_seconds": 50_000}, "role_max_session_seconds=50000"),
        ("GetToken", {}, "api='GetToken' is not one of"),
    ],
)
def test_out_of_range_requests_are_refused(api, kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        cr.credential_lifetime(api, **kwargs)


def test_lifetime_table_spans_15_minutes_to_36_hours():
    table = cr.lifetime_table()
    assert table["min (h)"].min() == 0.25 and table["max (h)"].max() == 36


def test_third_key_is_refused_and_unknown_keys_named():
    keys = cr.create_access_key((), "A")
    keys = cr.create_access_key(keys, "B")
    with pytest.raises(ValueError, match="LimitExceeded: a user may hold at most 2 access keys"):
        cr.create_access_key(keys, "C")
    with pytest.raises(ValueError, match="NoSuchEntity"):
        cr.update_access_key(keys, "Z", "Inactive")
    with pytest.raises(ValueError, match="status='Disabled' is not one of"):
        cr.update_access_key(keys, "A", "Disabled")
    assert cr.delete_access_key(cr.update_access_key(keys, "A", "Inactive"), "A") == (cr.AccessKey("B", "Active"),)


def test_clean_rotation_never_breaks_an_application():
    steps = cr.rotation_walkthrough(app_count=4)
    assert steps["apps failing"].max() == 0
    assert list(steps["call"]) == [
        "(start)",
        "CreateAccessKey",
        "(update applications)",
        "GetAccessKeyLastUsed",
        "UpdateAccessKey Inactive",
        "DeleteAccessKey",
    ]
    assert steps.iloc[-1]["old key"] == "deleted" and not steps.iloc[-1]["reversible"]


def test_disable_first_turns_a_missed_app_into_a_reversible_blip():
    safe = cr.rotation_walkthrough(app_count=5, apps_missed=2)
    failing = safe[safe["apps failing"] > 0]
    assert list(failing["call"]) == ["UpdateAccessKey Inactive"] and failing["reversible"].all()
    assert safe.iloc[-1]["apps failing"] == 0
    hasty = cr.rotation_walkthrough(app_count=5, apps_missed=2, disable_before_delete=False)
    assert hasty.iloc[-1]["apps failing"] == 2 and not hasty.iloc[-1]["reversible"]


def test_missed_apps_cannot_exceed_apps():
    with pytest.raises(ValueError, match="apps_missed=6 is outside the allowed range"):
        cr.rotation_walkthrough(app_count=5, apps_missed=6)
