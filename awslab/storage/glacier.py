"""Glacier model: retrieval tiers and a deadline planner, the restore flow, vault lock, free retrieval then and now.

Today archives live in the S3 Glacier storage classes (API names ``GLACIER`` for Flexible Retrieval and
``DEEP_ARCHIVE``); the original vault-based Glacier service stopped taking new customers on 2025-12-15.
Prices are us-east-1 list prices in USD, overridable. Sizes in GB (10^9 bytes, as AWS bills), times in hours.

References:
    - Amazon S3 User Guide, "Understanding archive retrieval options",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects-retrieval-options.html (read 2026-11-27)
    - Amazon S3 pricing, US East (N. Virginia), "Requests & data retrievals",
      https://aws.amazon.com/s3/pricing/ (read 2026-11-27)
    - Amazon S3 Glacier Developer Guide, "Initiate Vault Lock (POST lock-policy)",
      https://docs.aws.amazon.com/amazonglacier/latest/dev/api-InitiateVaultLock.html (read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from awslab import validate
from awslab.validate import checked

STORAGE_CLASSES = ("GLACIER", "DEEP_ARCHIVE")
TIER_NAMES = ("Expedited", "Standard", "Bulk")


@dataclass(frozen=True)
class RetrievalTier:
    """One restore tier of one storage class: typical completion window (hours) and list prices (USD).

    >>> RETRIEVAL_TIERS[("GLACIER", "Bulk")].max_hours
    12.0
    """

    storage_class: str
    tier: str
    min_hours: float
    max_hours: float
    usd_per_gb: float
    usd_per_1000_requests: float


# Times: S3 User Guide, "Understanding archive retrieval options", read 2026-11-27.
# Prices: Amazon S3 pricing page, us-east-1, "Requests & data retrievals", as recorded 2026-11-27 (the Standard and
# Expedited figures are also worked through in the AWS re:Post article "s3-manage-data-retrieval").
RETRIEVAL_TIERS: dict[tuple[str, str], RetrievalTier] = {
    ("GLACIER", "Expedited"): RetrievalTier(
        storage_class="GLACIER",
        tier="Expedited",
        min_hours=1 / 60,
        max_hours=5 / 60,
        usd_per_gb=0.03,
        usd_per_1000_requests=10.00,
    ),
    ("GLACIER", "Standard"): RetrievalTier(
        storage_class="GLACIER",
        tier="Standard",
        min_hours=3.0,
        max_hours=5.0,
        usd_per_gb=0.01,
        usd_per_1000_requests=0.05,
    ),
    ("GLACIER", "Bulk"): RetrievalTier(
        storage_class="GLACIER", tier="Bulk", min_hours=5.0, max_hours=12.0, usd_per_gb=0.0, usd_per_1000_requests=0.0
    ),  # free since 2023
    ("DEEP_ARCHIVE", "Standard"): RetrievalTier(
        storage_class="DEEP_ARCHIVE",
        tier="Standard",
        min_hours=0.0,
        max_hours=12.0,
        usd_per_gb=0.02,
        usd_per_1000_requests=0.10,
    ),
    ("DEEP_ARCHIVE", "Bulk"): RetrievalTier(
        storage_class="DEEP_ARCHIVE",
        tier="Bulk",
        min_hours=0.0,
        max_hours=48.0,
        usd_per_gb=0.0025,
        usd_per_1000_requests=0.025,
    ),
}
# Same page: expedited objects of 250 MB or more come back at up to 300 MB/s; restores are accepted at up to
# 1,000 requests per second per account and Region ("Understanding archival storage", read 2026-11-27).
EXPEDITED_LARGE_OBJECT_MB = 250.0
EXPEDITED_LARGE_OBJECT_MB_PER_S = 300.0
RESTORE_REQUESTS_PER_SECOND = 1_000.0
PROVISIONED_CAPACITY_USD_PER_UNIT_MONTH = 100.0  # S3 pricing, us-east-1, as recorded 2026-11-27
S3_STANDARD_USD_PER_GB_MONTH = 0.023  # the temporary restored copy is billed as S3 Standard storage
STORAGE_USD_PER_GB_MONTH = {"GLACIER": 0.0036, "DEEP_ARCHIVE": 0.00099}  # S3 pricing, us-east-1, 2026-11-27
OBJECT_OVERHEAD_ARCHIVE_KB, OBJECT_OVERHEAD_STANDARD_KB = 32, 8  # per archived object (S3 User Guide)

# Vault-based Glacier limits: Glacier Developer Guide ("Uploading an archive", "Vault Lock"), read 2026-11-27.
VAULTS_PER_ACCOUNT_PER_REGION = 1_000
SINGLE_UPLOAD_MAX_BYTES = 4 * 1024**3
PART_MIN_BYTES, PART_MAX_BYTES, MAX_PARTS = 1024**2, 4 * 1024**3, 10_000
ARCHIVE_MAX_BYTES = MAX_PARTS * PART_MAX_BYTES  # the "40 TB" archive: 10,000 parts of 4 GiB
VAULT_LOCK_WINDOW_HOURS = 24.0


# --- Retrieval planner -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RetrievalOption:
    """One tier for one job: worst-case hours to have every object back, total USD, whether it meets the deadline.

    >>> o = plan_retrieval(500, 5_000, 12).chosen
    >>> o.tier, round(o.hours, 2), round(o.total_usd, 2)
    ('Standard', 5.0, 5.63)
    """

    tier: str
    storage_class: str
    hours: float
    retrieval_usd: float
    copy_usd: float
    total_usd: float
    meets_deadline: bool
    notes: tuple[str, ...]


@dataclass(frozen=True)
class RetrievalPlan:
    """All tiers for a job, and the cheapest one that meets the deadline (None if none does).

    >>> plan = plan_retrieval(500, 5_000, 24)
    >>> plan.chosen.tier, [o.tier for o in plan.options]
    ('Bulk', ['Expedited', 'Standard', 'Bulk'])
    """

    data_gb: float
    objects: int
    deadline_hours: float
    options: tuple[RetrievalOption, ...]
    chosen: RetrievalOption | None


@checked
def retrieval_cost_usd(
    storage_class: str,
    tier: str,
    data_gb: float,
    objects: int,
    tiers: dict[tuple[str, str], RetrievalTier] = RETRIEVAL_TIERS,
) -> float:
    """Retrieval charge (USD): per GB restored plus per 1,000 restore requests (one request per object).

    >>> round(retrieval_cost_usd("GLACIER", "Standard", 100, 1_000), 2)
    1.05
    """
    t = _tier(storage_class, tier, tiers)
    gb = validate.number("data_gb", data_gb, minimum=0, unit="GB")
    n = validate.integer("objects", objects, minimum=0)
    return gb * t.usd_per_gb + n / 1000 * t.usd_per_1000_requests


def _tier(storage_class: str, tier: str, tiers: dict[tuple[str, str], RetrievalTier]) -> RetrievalTier:
    validate.choice("storage_class", storage_class, STORAGE_CLASSES)
    allowed = [name for (cls, name) in tiers if cls == storage_class]
    if not allowed:
        raise ValueError(f"tiers has no retrieval tier for storage_class={storage_class!r}")
    validate.choice("tier", tier, allowed)
    return tiers[(storage_class, tier)]


@checked
def plan_retrieval(
    data_gb: float,
    objects: int,
    deadline_hours: float,
    storage_class: str = "GLACIER",
    restore_days: int = 1,
    tiers: dict[tuple[str, str], RetrievalTier] = RETRIEVAL_TIERS,
    copy_usd_per_gb_month: float = S3_STANDARD_USD_PER_GB_MONTH,
) -> RetrievalPlan:
    """Pick the cheapest restore tier that has ``data_gb`` in ``objects`` objects back within ``deadline_hours``.

    Worst-case hours = the time to submit every restore request (1,000 per second) + the tier's upper bound
    (+ transfer time at 300 MB/s for expedited objects of 250 MB or more). Cost = retrieval + the temporary
    copy kept for ``restore_days`` days (billed like S3 Standard); the archive itself stays where it was.

    >>> plan_retrieval(500, 5_000, 12).chosen.tier
    'Standard'
    >>> plan_retrieval(500, 5_000, 1, "DEEP_ARCHIVE").chosen is None
    True
    """
    validate.choice("storage_class", storage_class, STORAGE_CLASSES)
    gb = validate.number("data_gb", data_gb, minimum=0, exclusive_minimum=True, unit="GB")
    n = validate.integer("objects", objects, minimum=1)
    deadline = validate.number("deadline_hours", deadline_hours, minimum=0, exclusive_minimum=True, unit="h")
    days = validate.integer("restore_days", restore_days, minimum=1, unit="days")
    copy_rate = validate.number("copy_usd_per_gb_month", copy_usd_per_gb_month, minimum=0)
    object_mb = gb * 1000 / n
    submit_hours = n / RESTORE_REQUESTS_PER_SECOND / 3600
    copy_usd = gb * copy_rate * days / 30
    options = []
    for (cls, name), tier in tiers.items():
        if cls != storage_class:
            continue
        hours, notes = submit_hours + tier.max_hours, []
        if name == "Expedited":
            if object_mb >= EXPEDITED_LARGE_OBJECT_MB:
                hours += object_mb / EXPEDITED_LARGE_OBJECT_MB_PER_S / 3600
            notes.append("capacity not guaranteed without provisioned capacity units")
            if n > 1000:
                notes.append("meant for occasional urgent requests of up to hundreds of objects")
        if submit_hours > 0.1:
            notes.append(f"submitting {n:,} restore requests alone takes {submit_hours:.1f} h")
        retrieval = retrieval_cost_usd(cls, name, gb, n, tiers)
        options.append(
            RetrievalOption(
                tier=name,
                storage_class=cls,
                hours=hours,
                retrieval_usd=retrieval,
                copy_usd=copy_usd,
                total_usd=retrieval + copy_usd,
                meets_deadline=hours <= deadline,
                notes=tuple(notes),
            )
        )
    fitting = [o for o in options if o.meets_deadline]
    chosen = min(fitting, key=lambda o: (o.total_usd, o.hours)) if fitting else None
    return RetrievalPlan(data_gb=gb, objects=n, deadline_hours=deadline, options=tuple(options), chosen=chosen)


@checked
def provisioned_capacity_usd(
    units: int, months: float = 1.0, usd_per_unit_month: float = PROVISIONED_CAPACITY_USD_PER_UNIT_MONTH
) -> float:
    """Cost (USD) of provisioned capacity units, which guarantee expedited retrievals when they are needed.

    >>> provisioned_capacity_usd(2, months=3)
    600.0
    """
    return (
        validate.integer("units", units, minimum=0)
        * validate.number("months", months, minimum=0)
        * validate.number("usd_per_unit_month", usd_per_unit_month, minimum=0)
    )


@checked
def archive_storage_usd_per_month(stored_gb: float, objects: int, storage_class: str = "GLACIER") -> float:
    """Monthly storage (USD) including the 40 KB each archived object adds (32 KB archive, 8 KB Standard rate).

    >>> round(archive_storage_usd_per_month(1_000, 10_000), 2)
    3.6
    """
    validate.choice("storage_class", storage_class, STORAGE_CLASSES)
    gb = validate.number("stored_gb", stored_gb, minimum=0, unit="GB")
    n = validate.integer("objects", objects, minimum=0)
    rate = STORAGE_USD_PER_GB_MONTH[storage_class]
    return (
        gb + n * OBJECT_OVERHEAD_ARCHIVE_KB / 1e6
    ) * rate + n * OBJECT_OVERHEAD_STANDARD_KB / 1e6 * S3_STANDARD_USD_PER_GB_MONTH


# --- Restore flow ----------------------------------------------------------------------------------------------
@checked
def restore_request(days: int, tier: str = "Standard") -> dict:
    """The ``RestoreRequest`` body of S3 RestoreObject: keep a temporary copy ``days`` days, restore by ``tier``.

    >>> restore_request(3, "Bulk")
    {'Days': 3, 'GlacierJobParameters': {'Tier': 'Bulk'}}
    """
    d = validate.integer("days", days, minimum=1, unit="days")
    validate.choice("tier", tier, TIER_NAMES)
    return {"Days": d, "GlacierJobParameters": {"Tier": tier}}


@checked
def restore_expiry(completed_at: datetime, days: int) -> datetime:
    """When the restored copy is deleted: completion + ``days``, rounded up to the next midnight UTC.

    S3 User Guide, "Restoring an archived object" (read 2026-11-27): the archive itself is untouched.

    >>> restore_expiry(datetime(2026, 3, 2, 15, 30, tzinfo=UTC), 3).isoformat()
    '2026-03-06T00:00:00+00:00'
    """
    if not isinstance(completed_at, datetime) or completed_at.tzinfo is None:
        raise ValueError(f"completed_at={completed_at!r} must be a timezone-aware datetime")
    d = validate.integer("days", days, minimum=1, unit="days")
    end = completed_at.astimezone(UTC) + timedelta(days=d)
    midnight = end.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight if midnight == end else midnight + timedelta(days=1)


@checked
def restore_header(ongoing: bool, expiry: datetime | None = None) -> str:
    """The ``x-amz-restore`` header HeadObject returns while a restore runs and after it completes.

    >>> restore_header(True)
    'ongoing-request="true"'
    """
    if ongoing:
        return 'ongoing-request="true"'
    if expiry is None:
        raise ValueError("expiry=None: a completed restore reports its expiry-date")
    return f'ongoing-request="false", expiry-date="{expiry.astimezone(UTC):%a, %d %b %Y %H:%M:%S} GMT"'


# --- Vault lock (WORM) -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VaultLockStep:
    """The result of one vault-lock call: the state after it, and whether AWS would accept the call.

    >>> step = vault_lock_history([(0, "InitiateVaultLock"), (1, "CompleteVaultLock")])[-1]
    >>> step.state
    'Locked'
    """

    at_hours: float
    action: str
    accepted: bool
    state: str
    message: str


VAULT_LOCK_ACTIONS = ("InitiateVaultLock", "CompleteVaultLock", "AbortVaultLock")


@checked
def vault_lock_history(calls: list[tuple[float, str]]) -> tuple[VaultLockStep, ...]:
    """Replay vault-lock calls ``(hours since start, action)``: Unlocked -> InProgress (24 h to test) -> Locked.

    An in-progress lock not completed within 24 hours lapses back to Unlocked; a Locked policy can never be
    changed or removed again.

    >>> [s.state for s in vault_lock_history([(0, "InitiateVaultLock"), (30, "CompleteVaultLock")])]
    ['InProgress', 'Unlocked']
    """
    state, started, steps, last = "Unlocked", 0.0, [], -math.inf
    for i, (at, action) in enumerate(calls):
        t = validate.number(f"calls[{i}] hours", at, minimum=max(0.0, last), unit="h")
        validate.choice(f"calls[{i}] action", action, VAULT_LOCK_ACTIONS)
        last = t
        if state == "InProgress" and t - started > VAULT_LOCK_WINDOW_HOURS:
            state = "Unlocked"
        if state == "Locked":
            steps.append(
                VaultLockStep(
                    at_hours=t,
                    action=action,
                    accepted=False,
                    state=state,
                    message="the lock is final: the policy cannot change",
                )
            )
        elif action == "InitiateVaultLock":
            ok = state == "Unlocked"
            state, started = ("InProgress", t) if ok else (state, started)
            steps.append(
                VaultLockStep(
                    at_hours=t,
                    action=action,
                    accepted=ok,
                    state=state,
                    message="policy attached; 24 h to test and complete" if ok else "a lock is already in progress",
                )
            )
        elif state != "InProgress":
            steps.append(
                VaultLockStep(
                    at_hours=t,
                    action=action,
                    accepted=False,
                    state=state,
                    message="no lock in progress (it may have lapsed after 24 h)",
                )
            )
        else:
            state = "Locked" if action == "CompleteVaultLock" else "Unlocked"
            steps.append(
                VaultLockStep(
                    at_hours=t,
                    action=action,
                    accepted=True,
                    state=state,
                    message="locked for good" if state == "Locked" else "in-progress lock removed",
                )
            )
    return tuple(steps)


@checked
def vault_lock_policy(vault_arn: str, retention_days: int) -> dict:
    """A Vault Lock policy (AWS JSON shape) denying DeleteArchive until an archive is ``retention_days`` old.

    >>> vault_lock_policy("arn:aws:glacier:us-east-1:123456789012:vaults/logs", 30)["Statement"][0]["Condition"]
    {'NumericLessThan': {'glacier:ArchiveAgeInDays': '30'}}
    """
    if not isinstance(vault_arn, str) or not vault_arn.startswith("arn:aws:glacier:"):
        raise ValueError(f"vault_arn={vault_arn!r} must be a Glacier vault ARN (arn:aws:glacier:...)")
    days = validate.integer("retention_days", retention_days, minimum=1, unit="days")
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "deny-based-on-archive-age",
                "Principal": "*",
                "Effect": "Deny",
                "Action": "glacier:DeleteArchive",
                "Resource": [vault_arn],
                "Condition": {"NumericLessThan": {"glacier:ArchiveAgeInDays": str(days)}},
            }
        ],
    }


@checked
def can_delete_archive(policy: dict, archive_age_days: float) -> bool:
    """Whether the age-based Deny of a vault-lock policy still lets an archive of this age be deleted.

    >>> policy = vault_lock_policy("arn:aws:glacier:us-east-1:123456789012:vaults/logs", 30)
    >>> can_delete_archive(policy, 29), can_delete_archive(policy, 30)
    (False, True)
    """
    age = validate.number("archive_age_days", archive_age_days, minimum=0, unit="days")
    for statement in policy.get("Statement", []):
        if statement.get("Effect") == "Deny" and statement.get("Action") in ("glacier:DeleteArchive", "glacier:*"):
            limit = statement.get("Condition", {}).get("NumericLessThan", {}).get("glacier:ArchiveAgeInDays")
            if limit is None or age < float(limit):
                return False
    return True


@checked
def multipart_part_size_bytes(archive_bytes: int) -> int:
    """Smallest legal part size (1 MiB times a power of two, at most 4 GiB) fitting the archive in 10,000 parts.

    >>> multipart_part_size_bytes(10 * 1024**3) // 1024**2
    2
    """
    size = validate.integer("archive_bytes", archive_bytes, minimum=1, maximum=ARCHIVE_MAX_BYTES, unit="bytes")
    part = PART_MIN_BYTES
    while part * MAX_PARTS < size:
        part *= 2
    return part


# --- Free retrieval: the syllabus era against today ------------------------------------------------------------
@dataclass(frozen=True)
class FreeRetrievalComparison:
    """What a month's retrieval cost under the original 5 % allowance and under today's tiers.

    >>> c = free_retrieval_comparison(4_000, 100)
    >>> c.syllabus_free_gb
    200.0
    """

    syllabus_free_gb: float
    syllabus_billable_gb: float
    today_usd_by_tier: dict[str, float]


@checked
def free_retrieval_comparison(
    stored_gb: float, retrieved_gb: float, objects: int = 1, storage_class: str = "GLACIER"
) -> FreeRetrievalComparison:
    """Original Glacier (to 2016): 5 % of the average stored data free each month (prorated daily), the rest
    billed. Today: no allowance, but Bulk retrieval from Flexible Retrieval costs nothing per GB.

    >>> c = free_retrieval_comparison(4_000, 100)
    >>> c.syllabus_billable_gb, c.today_usd_by_tier["Bulk"]
    (0.0, 0.0)
    """
    stored = validate.number("stored_gb", stored_gb, minimum=0, unit="GB")
    retrieved = validate.number("retrieved_gb", retrieved_gb, minimum=0, unit="GB")
    free = 0.05 * stored
    today = {
        name: retrieval_cost_usd(storage_class, name, retrieved, objects)
        for (cls, name) in RETRIEVAL_TIERS
        if cls == storage_class
    }
    return FreeRetrievalComparison(free, max(0.0, retrieved - free), today)
