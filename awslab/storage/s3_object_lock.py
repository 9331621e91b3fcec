"""S3 Object Lock model: when can this object version be deleted or its retention shortened, and by whom.

Works on AWS's own shapes: a version's lock as HeadObject returns it (``ObjectLockMode``,
``ObjectLockRetainUntilDate``, ``ObjectLockLegalHoldStatus``) and a bucket's ``ObjectLockConfiguration``
(``Rule.DefaultRetention`` with ``Mode`` and ``Days`` or ``Years``). Times are timezone-aware datetimes.

The rules (S3 User Guide, "Locking objects with Object Lock", read 2026-12-03):
- a version under a **legal hold** cannot be deleted or overwritten by anyone until the hold is removed (which needs
  ``s3:PutObjectLegalHold``); a hold has no end date and is independent of retention;
- **compliance** mode: nobody, the root user included, can delete the version or shorten its retention before the
  retain-until date; the date can only be extended, and the mode cannot be changed;
- **governance** mode: the same, except for callers with ``s3:BypassGovernanceRetention`` who send
  ``x-amz-bypass-governance-retention: true``;
- a DELETE without a version id is always allowed: it adds a delete marker and the locked version stays;
- a bucket's default retention sets a new version's retain-until date from the version's creation time; changing the
  default later does not change versions already written.

References:
    - Amazon S3 User Guide, "Locking objects with Object Lock",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html (read 2026-12-03)
    - AWS CDK API reference, "enum ObjectLockMode" (the two modes' definitions),
      https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_s3.ObjectLockMode.html (read 2026-12-03)
    - Amazon S3 API Reference, PutObjectLockConfiguration / DefaultRetention (Days or Years, not both; botocore
      service model, read 2026-12-03). How S3 counts a "year" is not stated on the pages read: this model adds
      calendar years (29 February becomes 28 February), labelled as our assumption.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from awslab import validate
from awslab.validate import checked

MODES = ("GOVERNANCE", "COMPLIANCE")


def _aware(name: str, value: object) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}")
    return value


@checked
def default_retain_until(created: datetime, configuration: dict) -> tuple[str, datetime] | None:
    """The (mode, retain-until date) a bucket's ``ObjectLockConfiguration`` gives a version created at ``created``.

    >>> from datetime import UTC
    >>> cfg = {"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 30}}}
    >>> default_retain_until(datetime(2026, 12, 3, tzinfo=UTC), cfg)[1].date().isoformat()
    '2027-01-02'
    """
    created = _aware("created", created)
    cfg = validate.json_document("configuration", configuration, expect=dict)
    rule = (cfg.get("Rule") or {}).get("DefaultRetention")
    if rule is None:
        return None
    mode = validate.choice("configuration.Rule.DefaultRetention.Mode", rule.get("Mode"), MODES)
    days, years = rule.get("Days"), rule.get("Years")
    if (days is None) == (years is None):
        raise ValueError("configuration.Rule.DefaultRetention needs Days or Years, not both and not neither")
    if days is not None:
        n = validate.integer("configuration.Rule.DefaultRetention.Days", days, minimum=1)
        return mode, created + timedelta(days=n)
    n = validate.integer("configuration.Rule.DefaultRetention.Years", years, minimum=1)
    try:
        return mode, created.replace(year=created.year + n)
    except ValueError:  # 29 February into a non-leap year
        return mode, created.replace(year=created.year + n, day=28)


@dataclass(frozen=True)
class LockDecision:
    """Whether a request on a locked version is allowed, and why.

    >>> LockDecision(True, "no lock").allowed
    True
    """

    allowed: bool
    reason: str


@checked
def can_delete_version(
    lock: dict, now: datetime, *, bypass_permission: bool = False, bypass_header: bool = False
) -> LockDecision:
    """May this caller permanently delete (or overwrite) the version whose lock is ``lock`` at time ``now``?

    ``lock`` holds HeadObject's ``ObjectLockMode``, ``ObjectLockRetainUntilDate`` (datetime) and
    ``ObjectLockLegalHoldStatus`` ("ON"/"OFF"), any of them absent.

    >>> from datetime import UTC
    >>> lock = {"ObjectLockMode": "GOVERNANCE", "ObjectLockRetainUntilDate": datetime(2027, 1, 1, tzinfo=UTC)}
    >>> can_delete_version(lock, datetime(2026, 12, 3, tzinfo=UTC)).allowed
    False
    >>> can_delete_version(lock, datetime(2026, 12, 3, tzinfo=UTC), bypass_permission=True, bypass_header=True).allowed
    True
    """
    now = _aware("now", now)
    lock = validate.json_document("lock", lock, expect=dict) if not isinstance(lock, dict) else lock
    hold = lock.get("ObjectLockLegalHoldStatus") or "OFF"
    validate.choice("lock['ObjectLockLegalHoldStatus']", hold, ("ON", "OFF"))
    if hold == "ON":
        return LockDecision(False, "a legal hold is on: remove it first (s3:PutObjectLegalHold)")
    mode = lock.get("ObjectLockMode")
    until = lock.get("ObjectLockRetainUntilDate")
    if mode is None or until is None:
        return LockDecision(True, "no retention on this version")
    validate.choice("lock['ObjectLockMode']", mode, MODES)
    until = _aware("lock['ObjectLockRetainUntilDate']", until)
    if now >= until:
        return LockDecision(True, f"retention ended {until:%Y-%m-%d %H:%M} UTC")
    if mode == "COMPLIANCE":
        return LockDecision(False, f"compliance mode until {until:%Y-%m-%d %H:%M} UTC: nobody, root included")
    if bypass_permission and bypass_header:
        return LockDecision(True, "governance mode, bypassed (s3:BypassGovernanceRetention and the bypass header)")
    if bypass_permission:
        return LockDecision(False, "governance mode: the caller may bypass but did not send the bypass header")
    return LockDecision(False, f"governance mode until {until:%Y-%m-%d %H:%M} UTC: needs s3:BypassGovernanceRetention")


@checked
def can_change_retention(
    lock: dict, new_until: datetime, now: datetime, *, bypass_permission: bool = False, bypass_header: bool = False
) -> LockDecision:
    """May this caller set the version's retain-until date to ``new_until`` (same mode) at time ``now``?

    Extending is always allowed; shortening an unexpired retention is governance-with-bypass only.

    >>> from datetime import UTC
    >>> lock = {"ObjectLockMode": "COMPLIANCE", "ObjectLockRetainUntilDate": datetime(2027, 1, 1, tzinfo=UTC)}
    >>> can_change_retention(lock, datetime(2028, 1, 1, tzinfo=UTC), datetime(2026, 12, 3, tzinfo=UTC)).allowed
    True
    """
    now, new_until = _aware("now", now), _aware("new_until", new_until)
    mode, until = lock.get("ObjectLockMode"), lock.get("ObjectLockRetainUntilDate")
    if mode is None or until is None or now >= _aware("lock['ObjectLockRetainUntilDate']", until):
        return LockDecision(True, "no unexpired retention to protect")
    validate.choice("lock['ObjectLockMode']", mode, MODES)
    if new_until >= until:
        return LockDecision(True, "extending a retention is always allowed")
    if mode == "COMPLIANCE":
        return LockDecision(False, "compliance mode: a retention can be extended, never shortened")
    if bypass_permission and bypass_header:
        return LockDecision(True, "governance mode, bypassed")
    return LockDecision(False, "governance mode: shortening needs s3:BypassGovernanceRetention and the bypass header")


@checked
def earliest_deletion(lock: dict, *, bypass_permission: bool = False) -> datetime | None | str:
    """The first moment the caller can delete the version: its retain-until date, ``"now"`` for a governance caller
    who can bypass or an unlocked version, ``None`` while a legal hold is on (no end date).

    >>> from datetime import UTC
    >>> earliest_deletion({"ObjectLockLegalHoldStatus": "ON"}) is None
    True
    """
    if (lock.get("ObjectLockLegalHoldStatus") or "OFF") == "ON":
        return None
    mode, until = lock.get("ObjectLockMode"), lock.get("ObjectLockRetainUntilDate")
    if mode is None or until is None or (mode == "GOVERNANCE" and bypass_permission):
        return "now"
    return _aware("lock['ObjectLockRetainUntilDate']", until)
