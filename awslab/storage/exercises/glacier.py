"""Exercises for 05_glacier: a tier that just misses its deadline, a restore's full cost, a restored copy's expiry.

References:
    - Amazon S3 User Guide, "Understanding archive retrieval options",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html (read 2026-12-03)
    - Amazon S3 User Guide, "Restoring an archived object",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html (read 2026-12-03)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from awslab import exercises
from awslab.storage import glacier

_DEEP = glacier.plan_retrieval(2_000, 20_000, 48, "DEEP_ARCHIVE", 1)
_BULK = next(o for o in _DEEP.options if o.tier == "Bulk")

deep_archive_tier = exercises.choice(
    "glacier-1",
    "Which tier brings 2 TB back within 48 hours?",
    task=(
        "Auditors need **2,000 GB** in **20,000 objects** back from S3 Glacier Deep Archive within **48 hours**, "
        "as cheaply as possible. Which retrieval tier does the planner choose?"
    ),
    choices=("Expedited", "Standard", "Bulk", "none meets the deadline"),
    answer=_DEEP.chosen.tier if _DEEP.chosen else "none meets the deadline",
    hint=(
        "Set the planner to DEEP_ARCHIVE, 2,000 GB, 20,000 objects and a 48 h deadline, or call "
        "`glacier.plan_retrieval(2_000, 20_000, 48, 'DEEP_ARCHIVE')`. The worst case counts the time to submit the "
        "requests as well as the tier's upper bound."
    ),
    solution=(
        f"{_DEEP.chosen.tier if _DEEP.chosen else 'None'}. Bulk is far cheaper (USD {_BULK.total_usd:,.2f}) but its "
        f"worst case is {_BULK.hours:.2f} h: 48 h for the tier plus {20_000 / glacier.RESTORE_REQUESTS_PER_SECOND:g} s "
        "to submit 20,000 requests at 1,000 a second, just over the deadline. Deep Archive has no Expedited tier."
    ),
)

_PLAN = glacier.plan_retrieval(500, 5_000, 12, "GLACIER", 7)

restore_total = exercises.number(
    "glacier-2",
    "What does a week-long restore cost in all?",
    task=(
        "Restore **500 GB** in **5,000 objects** from S3 Glacier Flexible Retrieval within **12 hours**, and keep "
        "the restored copies for **7 days**. What is the total in USD of the cheapest tier that makes it "
        "(retrieval plus the temporary copies)?"
    ),
    answer=_PLAN.chosen.total_usd,
    hint=(
        "`glacier.plan_retrieval(500, 5_000, 12, 'GLACIER', restore_days=7)`: the restored copy is billed like "
        "S3 Standard for its days, on top of the retrieval charge."
    ),
    solution=(
        f"USD {_PLAN.chosen.total_usd:.2f} with the {_PLAN.chosen.tier} tier (worst case {_PLAN.chosen.hours:.2f} h): "
        f"retrieval USD {_PLAN.chosen.retrieval_usd:.2f} (per GB plus per 1,000 requests) and the copy "
        f"500 GB x USD {glacier.S3_STANDARD_USD_PER_GB_MONTH}/GB-month x 7/30 = USD {_PLAN.chosen.copy_usd:.2f}. "
        "Leaving out the copy is the usual slip."
    ),
    unit="USD",
)

COMPLETED = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
_EXPIRY = glacier.restore_expiry(COMPLETED, 3)


def _label(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


_NAIVE = COMPLETED + timedelta(days=3)

restore_expiry = exercises.choice(
    "glacier-3",
    "When does the restored copy go away?",
    task=(
        f"A restore with `Days: 3` completes on {_label(COMPLETED)}. When does S3 delete the temporary copy "
        "(the expiry date in `x-amz-restore`)?"
    ),
    choices=tuple(
        _label(m)
        for m in (
            _NAIVE,
            _NAIVE.replace(hour=0, minute=0),
            _NAIVE.replace(hour=0, minute=0) + timedelta(days=1),
            _NAIVE + timedelta(days=1),
        )
    ),
    answer=_label(_EXPIRY),
    hint="See the restore flow cell: the days are added to the completion time, and then the result is rounded.",
    solution=(
        f"{_label(_EXPIRY)}: {_label(COMPLETED)} + 3 days = {_label(_NAIVE)}, rounded *up* to the next midnight "
        "UTC (`glacier.restore_expiry`)."
    ),
)
