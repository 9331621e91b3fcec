"""IAM credentials: how long temporary credentials live, and rotating an IAM user's access keys safely.

Temporary credentials come from STS and expire; the limits below are STS API Reference values (AssumeRole,
AssumeRoleWithSAML, AssumeRoleWithWebIdentity, GetSessionToken, GetFederationToken) and IAM User Guide
id_roles_use (role chaining), read 2026-11-27. Access keys of an IAM user are long-term: they never expire, so
they are rotated by hand. IAM allows at most two access keys per user, which is exactly what a rotation needs
(IAM User Guide, id_credentials_access-keys, "Rotate access keys", read 2026-11-27).

References:
    - AWS STS API Reference, "AssumeRole",
      https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (read 2026-11-27)
    - AWS STS API Reference, "GetSessionToken",
      https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html (read 2026-11-27)
    - AWS STS API Reference, "GetFederationToken",
      https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html (read 2026-11-27)
    - IAM User Guide, "Methods to assume a role" (role chaining),
      https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html (read 2026-11-27)
    - IAM User Guide, "Manage access keys for IAM users",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

MIN_SESSION_SECONDS = 900  # 15 minutes: the shortest session any STS API issues
ROLE_MAX_SESSION_SECONDS_DEFAULT = 3_600  # a role's MaxSessionDuration unless its owner raises it
ROLE_MAX_SESSION_SECONDS_LIMIT = 43_200  # 12 hours: the largest MaxSessionDuration a role may have
ROLE_CHAINING_MAX_SECONDS = 3_600  # a role assumed with another role's credentials: at most 1 hour
USER_TOKEN_MAX_SECONDS = 129_600  # 36 hours: GetSessionToken / GetFederationToken for an IAM user
USER_TOKEN_DEFAULT_SECONDS = 43_200  # 12 hours
ROOT_TOKEN_MAX_SECONDS = 3_600  # the root user's sessions stop at 1 hour
MAX_ACCESS_KEYS_PER_USER = 2

ROLE_APIS = ("AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity")
TOKEN_APIS = ("GetSessionToken", "GetFederationToken")
CALLERS = ("iam-user", "root", "role")


@dataclass(frozen=True)
class Lifetime:
    """The lifetime STS grants for one request: the allowed range, the default and what this request gets (s).

    >>> credential_lifetime("AssumeRole", 900, "iam-user").granted_seconds
    900
    """

    api: str
    minimum_seconds: int
    maximum_seconds: int
    default_seconds: int
    granted_seconds: int
    rule: str


@checked
def credential_lifetime(
    api: str,
    requested_seconds: int | None = None,
    caller: str = "iam-user",
    *,
    role_max_session_seconds: int = ROLE_MAX_SESSION_SECONDS_DEFAULT,
    role_chaining: bool = False,
) -> Lifetime:
    """How long STS credentials from ``api`` last; ``requested_seconds`` is DurationSeconds (None: the default).

    A request outside the allowed range is refused, as STS refuses it, with a ValueError saying the range.

    >>> credential_lifetime("GetSessionToken", None, "iam-user").granted_seconds
    43200
    """
    api = validate.choice("api", api, ROLE_APIS + TOKEN_APIS)
    caller = validate.choice("caller", caller, CALLERS)
    role_max = validate.integer(
        "role_max_session_seconds",
        role_max_session_seconds,
        minimum=ROLE_MAX_SESSION_SECONDS_DEFAULT,
        maximum=ROLE_MAX_SESSION_SECONDS_LIMIT,
        unit="s",
    )
    if api in ROLE_APIS:
        if role_chaining:
            maximum, rule = ROLE_CHAINING_MAX_SECONDS, "role chaining caps the session at 1 hour"
        else:
            maximum, rule = role_max, f"the role's MaxSessionDuration ({role_max:,} s)"
        default = min(ROLE_MAX_SESSION_SECONDS_DEFAULT, maximum)
    else:
        if caller == "role":
            raise ValueError(
                f"caller='role' cannot call {api}: it needs an IAM user's or the root user's long-term keys"
            )
        if caller == "root":
            maximum, default, rule = ROOT_TOKEN_MAX_SECONDS, ROOT_TOKEN_MAX_SECONDS, "the root user is capped at 1 hour"
        else:
            maximum, default, rule = USER_TOKEN_MAX_SECONDS, USER_TOKEN_DEFAULT_SECONDS, "IAM users: up to 36 hours"
    if requested_seconds is None:
        granted = default
    else:
        granted = validate.integer(
            "requested_seconds", requested_seconds, minimum=MIN_SESSION_SECONDS, maximum=maximum, unit=f"s for {api}"
        )
    return Lifetime(api, MIN_SESSION_SECONDS, maximum, default, granted, rule)


@checked
def lifetime_table() -> pd.DataFrame:
    """Every credential kind with its minimum, default and maximum lifetime in hours.

    >>> len(lifetime_table())
    8
    """
    import pandas as pd

    rows = [
        ("IAM user password / access key", "never expires (rotate it yourself)", None, None, None),
        ("AssumeRole (role max left at default)", "AssumeRole", 900, 3_600, 3_600),
        ("AssumeRole (role max raised to 12 h)", "AssumeRole", 900, 3_600, 43_200),
        ("AssumeRole from a role session (chaining)", "AssumeRole", 900, 3_600, 3_600),
        ("AssumeRoleWithSAML / WithWebIdentity", "AssumeRoleWithSAML", 900, 3_600, 43_200),
        ("GetSessionToken (IAM user, e.g. for MFA)", "GetSessionToken", 900, 43_200, 129_600),
        ("GetSessionToken (root user)", "GetSessionToken", 900, 3_600, 3_600),
        ("GetFederationToken (IAM user)", "GetFederationToken", 900, 43_200, 129_600),
    ]
    return pd.DataFrame(
        [
            {
                "credential": name,
                "API": api,
                "min (h)": None if low is None else low / 3600,
                "default (h)": None if default is None else default / 3600,
                "max (h)": None if high is None else high / 3600,
            }
            for name, api, low, default, high in rows
        ]
    )


# --- Access key rotation -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AccessKey:
    """One access key of an IAM user: its ID and status ('Active' or 'Inactive').

    >>> create_access_key((), "AKIA1")
    (AccessKey(access_key_id='AKIA1', status='Active'),)
    """

    access_key_id: str
    status: str


@checked
def create_access_key(keys: tuple[AccessKey, ...], access_key_id: str) -> tuple[AccessKey, ...]:
    """CreateAccessKey: a new Active key; IAM refuses a third key (LimitExceeded).

    >>> keys = create_access_key(create_access_key((), "AKIA1"), "AKIA2")
    >>> [k.access_key_id for k in keys]
    ['AKIA1', 'AKIA2']
    """
    keys = tuple(keys)
    if len(keys) >= MAX_ACCESS_KEYS_PER_USER:
        raise ValueError(
            f"LimitExceeded: a user may hold at most {MAX_ACCESS_KEYS_PER_USER} access keys; "
            "delete one before creating another"
        )
    if any(k.access_key_id == access_key_id for k in keys):
        raise ValueError(f"access_key_id={access_key_id!r} already exists")
    return keys + (AccessKey(access_key_id, "Active"),)


@checked
def update_access_key(keys: tuple[AccessKey, ...], access_key_id: str, status: str) -> tuple[AccessKey, ...]:
    """UpdateAccessKey: set a key Active or Inactive (reversible, unlike a delete).

    >>> update_access_key(create_access_key((), "AKIA1"), "AKIA1", "Inactive")[0].status
    'Inactive'
    """
    status = validate.choice("status", status, ("Active", "Inactive"))
    _find(keys, access_key_id)
    keys = tuple(keys)
    return tuple(AccessKey(k.access_key_id, status) if k.access_key_id == access_key_id else k for k in keys)


@checked
def delete_access_key(keys: tuple[AccessKey, ...], access_key_id: str) -> tuple[AccessKey, ...]:
    """DeleteAccessKey: the key is gone for good.

    >>> delete_access_key(update_access_key(create_access_key((), "AKIA1"), "AKIA1", "Inactive"), "AKIA1")
    ()
    """
    _find(keys, access_key_id)
    return tuple(k for k in keys if k.access_key_id != access_key_id)


def _find(keys: tuple[AccessKey, ...], access_key_id: str) -> AccessKey:
    for key in keys:
        if key.access_key_id == access_key_id:
            return key
    raise ValueError(
        f"NoSuchEntity: access_key_id={access_key_id!r} is not one of the keys {[k.access_key_id for k in keys]}"
    )


@checked
def rotation_walkthrough(app_count: int = 4, apps_missed: int = 0, disable_before_delete: bool = True) -> pd.DataFrame:
    """The access key rotation, step by step, for ``app_count`` applications of which ``apps_missed`` are forgotten.

    Returns one row per step: the API call, each key's status, how many applications use each key and how many
    fail, and whether the step can be undone. Disabling before deleting turns a forgotten application into a short,
    reversible outage; deleting straight away makes it permanent until a new key is distributed.

    >>> int(rotation_walkthrough(4, 1, True)["apps failing"].max())
    1
    """
    import pandas as pd

    app_count = validate.integer("app_count", app_count, minimum=1, maximum=1000)
    apps_missed = validate.integer("apps_missed", apps_missed, minimum=0, maximum=app_count)
    old, new = "AKIAOLDKEYEXAMPLE", "AKIANEWKEYEXAMPLE"
    keys: tuple[AccessKey, ...] = (AccessKey(old, "Active"),)
    on_old, rows = app_count, []

    def record(call: str, note: str, reversible: bool) -> None:
        status = {k.access_key_id: k.status for k in keys}
        failing = sum(count for key, count in ((old, on_old), (new, app_count - on_old)) if status.get(key) != "Active")
        rows.append(
            {
                "step": len(rows),
                "call": call,
                "old key": status.get(old, "deleted"),
                "new key": status.get(new, "-"),
                "apps on old key": on_old,
                "apps on new key": app_count - on_old,
                "apps failing": failing,
                "reversible": reversible,
                "note": note,
            }
        )

    record("(start)", "one long-term key in use by every application", True)
    keys = create_access_key(keys, new)
    record("CreateAccessKey", "two active keys: the most IAM allows, and exactly what rotation needs", True)
    on_old = apps_missed
    record("(update applications)", f"{app_count - apps_missed} of {app_count} applications now use the new key", True)
    used = "still used: some application was missed" if apps_missed else "no use since the switch"
    record("GetAccessKeyLastUsed", f"old key: {used}", True)
    if disable_before_delete:
        keys = update_access_key(keys, old, "Inactive")
        record("UpdateAccessKey Inactive", "watch for errors; re-enabling undoes this step", True)
        if apps_missed:
            keys = update_access_key(keys, old, "Active")
            record("UpdateAccessKey Active", "errors seen: turn the old key back on", True)
            on_old = 0
            record("(update missed applications)", "the forgotten applications move to the new key", True)
            keys = update_access_key(keys, old, "Inactive")
            record("UpdateAccessKey Inactive", "quiet this time", True)
    keys = delete_access_key(keys, old)
    record("DeleteAccessKey", "the old key is gone; nothing can bring it back", False)
    return pd.DataFrame(rows)
