"""Exercises for 02_storage_classes_lifecycle: the minimums on a bill, a small object under a lifecycle rule.

References:
    - Amazon S3 User Guide, "Understanding and managing Amazon S3 storage classes" (minimum size and duration),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html (read 2026-12-03)
    - Amazon S3 User Guide, "Transitioning objects using Amazon S3 Lifecycle" (128 KB default minimum),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.storage import s3
from awslab.storage import s3_lifecycle as lifecycle

COUNT, SIZE, DAYS = 5_000_000, 40 * 1024, 10
_BILLED = s3.billable_storage(SIZE, DAYS, "STANDARD_IA")
_USD = _BILLED.usd() * COUNT
_NAIVE = SIZE / s3.GIB * s3.STORAGE_CLASSES["STANDARD_IA"].usd_per_gb_month * DAYS / s3.DAYS_PER_MONTH * COUNT

early_delete_bill = exercises.number(
    "storage-classes-lifecycle-1",
    "What do small, short-lived IA objects cost?",
    task=(
        f"You upload **{COUNT:,}** objects of **40 KiB** straight into S3 Standard-IA and delete them after "
        f"**{DAYS} days**. What is the storage charge, in USD, at list price (storage only, no requests)?"
    ),
    answer=_USD,
    hint=(
        "Two of the three rules apply: the minimum billable size and the minimum storage duration. The cell with "
        "the worked cases has a 40 KiB Standard-IA object kept 10 days; `s3.billable_storage(...).usd()` prices one."
    ),
    solution=(
        f"About USD {_USD:,.2f}. Each object is billed as {_BILLED.bytes // 1024} KiB (not 40) for {_BILLED.days:g} "
        f"days (not {DAYS}): {_BILLED.bytes} / 1024^3 GB x USD "
        f"{s3.STORAGE_CLASSES['STANDARD_IA'].usd_per_gb_month}/GB-month x {_BILLED.days:g}/"
        f"{s3.DAYS_PER_MONTH} months x {COUNT:,}. Without the minimums you would have said USD {_NAIVE:,.2f}, "
        f"{_USD / _NAIVE:.1f} times less."
    ),
    unit="USD",
)

POLICY = {
    "Rules": [
        {
            "ID": "logs-to-archive",
            "Status": "Enabled",
            "Filter": {"Prefix": "logs/"},
            "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}, {"Days": 90, "StorageClass": "GLACIER"}],
            "Expiration": {"Days": 365},
        }
    ]
}
SMALL_SIZE, ON_DAY = 64 * 1024, 200


def _class_on(day: int, size: int) -> str:
    timeline = lifecycle.object_timeline(POLICY, size, key="logs/app.log")
    if timeline.expiration_day is not None and day >= timeline.expiration_day:
        return "expired"
    return next(p.storage_class for p in timeline.phases if p.start_day <= day < p.end_day)


_SMALL_CLASS = _class_on(ON_DAY, SMALL_SIZE)
_BIG_CLASS = _class_on(ON_DAY, 1024**2)

small_object_class = exercises.choice(
    "storage-classes-lifecycle-2",
    "Where is a 64 KiB log on day 200?",
    task=(
        "The notebook's `logs-to-archive` rule moves `logs/` objects to Standard-IA at 30 days and to Glacier "
        f"Flexible Retrieval at 90, and expires them at 365. Where is `logs/app.log`, **64 KiB**, on day {ON_DAY}?"
    ),
    choices=("STANDARD", "STANDARD_IA", "GLACIER", "expired"),
    answer=_SMALL_CLASS,
    hint=(
        "Call `lifecycle.object_timeline(policy, 64 * 1024, key='logs/app.log')` and read its phases and notes. "
        "What changed for small objects in September 2024?"
    ),
    solution=(
        f"{_SMALL_CLASS}: since September 2024 S3 does not transition objects under 128 KB unless a rule's "
        "`ObjectSizeGreaterThan` filter asks for it, and this rule has no size filter. A 1 MiB log would be in "
        f"{_BIG_CLASS} by day {ON_DAY}. Both expire on day 365."
    ),
)

_BREAK_EVEN = lifecycle.break_even_reads_per_month("STANDARD_IA", size_bytes=10 * 1024**2)

ia_break_even = exercises.number(
    "storage-classes-lifecycle-3",
    "How many reads a month before Standard-IA loses?",
    task=(
        "Objects of **10 MiB** each: at how many GET requests per object per month does Standard-IA (cheaper to "
        "store, but with a retrieval fee per GB) cost as much as Standard? Count storage, GET fees and retrieval."
    ),
    answer=_BREAK_EVEN,
    hint=(
        "`lifecycle.break_even_reads_per_month('STANDARD_IA', size_bytes=...)`. The notebook's 1 MiB figure is "
        "about one read a month: the saving and the retrieval fee both scale with size."
    ),
    solution=(
        f"About {_BREAK_EVEN:.2f} reads a month. The monthly saving per object is 10 MiB x (Standard - Standard-IA "
        "price per GB); each read costs the GET price difference plus 10 MiB x the USD "
        f"{s3.STORAGE_CLASSES['STANDARD_IA'].usd_per_gb_retrieved}/GB retrieval fee. Both grow with size, so the break-even stays close to one read a month: beyond that, keep the data in Standard."
    ),
    tolerance=0.02,
    unit="reads",
)
