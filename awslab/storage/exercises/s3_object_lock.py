"""Exercises for 10_s3_object_lock: who may delete a locked version, and how many prefixes a request rate needs.

Each answer comes from :mod:`awslab.storage.s3_object_lock` and :mod:`awslab.storage.s3_scale`.

References:
    - Amazon S3 User Guide, "Locking objects with Object Lock",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html (read 2026-12-03)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from awslab import exercises
from awslab.storage import s3_object_lock as lock
from awslab.storage import s3_scale

WRITTEN = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
CONFIG = {"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 90}}}
_MODE, _UNTIL = lock.default_retain_until(WRITTEN, CONFIG)
REQUEST_DAY = 45
_STATE = {"ObjectLockMode": _MODE, "ObjectLockRetainUntilDate": _UNTIL, "ObjectLockLegalHoldStatus": "ON"}
_AT = WRITTEN + timedelta(days=REQUEST_DAY)
CALLERS = {
    "nobody": None,
    "only an admin with s3:BypassGovernanceRetention who sends the bypass header": (True, True),
    "any admin with s3:BypassGovernanceRetention": (True, False),
    "any user with s3:DeleteObjectVersion": (False, False),
}


def _who() -> str:
    for name, flags in CALLERS.items():
        if (
            flags is not None
            and lock.can_delete_version(_STATE, _AT, bypass_permission=flags[0], bypass_header=flags[1]).allowed
        ):
            return name
    return "nobody"


_ANSWER = _who()

who_may_delete = exercises.choice(
    "s3-object-lock-1",
    "Who may delete this version on day 45?",
    task=(
        "A bucket's default retention is **governance, 90 days**. A version was written on 2 March 2026, and on "
        f"day {REQUEST_DAY} a **legal hold** is on it as well. Who can permanently delete that version that day "
        "(without first changing anything)?"
    ),
    choices=tuple(CALLERS),
    answer=_ANSWER,
    hint=(
        "Check the legal hold before the retention mode: `lock.can_delete_version(state, when, bypass_permission=..., "
        "bypass_header=...)` with the state from `lock.default_retain_until` and the hold ON."
    ),
    solution=(
        f"{_ANSWER.capitalize()}: the governance retention alone would yield to an admin who can bypass and sends the "
        "header, but a legal hold blocks every delete until someone with s3:PutObjectLegalHold removes it; the "
        "bypass does not apply to holds."
    ),
)

GETS, PUTS = 30_000, 8_000
_NEED = s3_scale.prefixes_needed(GETS, PUTS)

prefixes_for_mixed_load = exercises.number(
    "s3-object-lock-2",
    "How many prefixes for a mixed load?",
    task=(
        f"An ingest service writes **{PUTS:,} PUTs per second** and serves **{GETS:,} GETs per second**, spread "
        "evenly over its key prefixes. At S3's documented per-prefix floor, how many partitioned prefixes does it "
        "need at least?"
    ),
    answer=_NEED,
    hint="Reads and writes have separate floors (5,500 GET/HEAD, 3,500 PUT/COPY/POST/DELETE per second): the larger need wins.",
    solution=(
        f"{_NEED}: {GETS:,} / 5,500 = {GETS / 5_500:.2f}, rounded up to {-(-GETS // 5_500)}; {PUTS:,} / 3,500 = "
        f"{PUTS / 3_500:.2f}, rounded up to {-(-PUTS // 3_500)}. The reads decide. Adding the two rates against one "
        "limit would give a wrong answer."
    ),
    unit="prefixes",
    tolerance=0.0,
)
