"""Cost of a population of S3 objects under a lifecycle policy, day by day.

The policy is S3's own ``LifecycleConfiguration`` shape (as ``get-bucket-lifecycle-configuration`` prints it):
``{"Rules": [{"ID": ..., "Status": "Enabled", "Filter": {...}, "Transitions": [{"Days": 30, "StorageClass":
"STANDARD_IA"}], "Expiration": {"Days": 365}}]}``. The simulator bills a cohort of identical objects uploaded on day 0:
storage at each class's rate with the minimum billable size, the Glacier per-object overhead and the minimum storage
duration (early moves and deletions are charged for the remaining days), PUT and lifecycle transition requests, and
reads (GET requests plus the per-GB retrieval fee; archived objects are restored first). Intelligent-Tiering moves an
object to its infrequent tier after 30 days without access and to archive instant after 90, modelled in expectation.

References:
    - Amazon S3 User Guide, "Transitioning objects using Amazon S3 Lifecycle" (general considerations),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html (read 2026-11-27)
    - Amazon S3 pricing, US East (N. Virginia),
      https://aws.amazon.com/s3/pricing/ (read 2026-11-27)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.storage.s3 import (
    DAYS_PER_MONTH,
    GIB,
    INTELLIGENT_TIERING_MIN_MONITORED_BYTES,
    INTELLIGENT_TIERING_MONITORING_USD_PER_1000_OBJECTS,
    INTELLIGENT_TIERING_TIER_AFTER_DAYS,
    INTELLIGENT_TIERING_TIERS_USD_PER_GB_MONTH,
    KIB,
    MAX_OBJECT_BYTES,
    STORAGE_CLASSES,
    StorageClass,
)
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

# Lifecycle transition constraints:
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html (read 2026-11-27)
# The "waterfall": an object may only move down this list, never up. Deep Archive is the end of the line.
WATERFALL = ["STANDARD", "STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"]
MIN_DAYS_BEFORE_IA = 30  # objects stay 30 days in STANDARD before a lifecycle rule may move them to an IA class
IA_CLASSES = {"STANDARD_IA", "ONEZONE_IA"}
DEFAULT_MIN_TRANSITION_BYTES = 128 * KIB  # since September 2024, smaller objects are not transitioned by default
COST_COMPONENTS = ["storage", "requests", "transitions", "retrieval", "early_deletion", "monitoring"]


@dataclass(frozen=True)
class Phase:
    """The objects sit in ``storage_class`` from ``start_day`` (inclusive) to ``end_day`` (exclusive).

    >>> object_timeline(PRESET_POLICIES["IA at 30, GLACIER at 90"], 1024**2, horizon_days=365).phases[1]
    Phase(storage_class='STANDARD_IA', start_day=30, end_day=90)
    """

    storage_class: str
    start_day: int
    end_day: int


@dataclass(frozen=True)
class AccessPattern:
    """How often each object is read: ``gets_per_month`` when new, halving every ``half_life_days`` (0 = never decays).

    >>> AccessPattern(gets_per_month=2, half_life_days=30)
    AccessPattern(gets_per_month=2, half_life_days=30)
    """

    gets_per_month: float = 1.0
    half_life_days: float = 30.0

    def __post_init__(self) -> None:
        validate.number("gets_per_month", self.gets_per_month, minimum=0, maximum=1e6, unit="GETs per object per month")
        validate.number("half_life_days", self.half_life_days, minimum=0, maximum=1e5, unit="days")

    def daily_rate(self, days: np.ndarray) -> np.ndarray:
        """Expected reads per object on each day."""
        rate = self.gets_per_month / DAYS_PER_MONTH
        if self.half_life_days == 0:
            return np.full(days.shape, rate)
        return rate * np.power(0.5, days / self.half_life_days)


@dataclass(frozen=True)
class LifecycleResult:
    """Day-by-day cost of the cohort: ``daily`` has one row per day and one USD column per cost component.

    >>> r = simulate_lifecycle(single_class_policy("STANDARD"), object_count=1000, object_size_bytes=1024**2, horizon_days=30)
    >>> round(r.total_usd, 4)
    0.0278
    """

    policy_name: str
    phases: tuple[Phase, ...]
    expiration_day: int | None
    daily: pd.DataFrame = field(repr=False)
    notes: tuple[str, ...] = ()

    @property
    def total_usd(self) -> float:
        """Everything the cohort costs over the horizon, USD."""
        return float(self.daily[COST_COMPONENTS].to_numpy().sum())

    def totals(self) -> dict[str, float]:
        """USD per cost component over the horizon."""
        return {c: float(self.daily[c].sum()) for c in COST_COMPONENTS}

    def monthly(self) -> pd.DataFrame:
        """USD per cost component per 30-day month."""
        month = (self.daily["day"] // DAYS_PER_MONTH).rename("month")
        return self.daily[COST_COMPONENTS].groupby(month).sum()


@checked
def parse_lifecycle(policy: dict | str) -> list[dict]:
    """Validate a LifecycleConfiguration (dict or JSON) and return its rules; ValueError says which rule and why.

    >>> len(parse_lifecycle('{"Rules": [{"ID": "a", "Status": "Enabled", "Filter": {}, "Expiration": {"Days": 30}}]}'))
    1
    """
    policy = validate.json_document("lifecycle policy", policy, expect=dict)
    if not isinstance(policy.get("Rules"), list):
        raise ValueError(
            'lifecycle policy must be an object with a "Rules" list, as get-bucket-lifecycle-configuration prints'
        )
    rules = policy["Rules"]
    if not 1 <= len(rules) <= 1000:
        raise ValueError(f"a lifecycle configuration holds 1 to 1,000 rules, got {len(rules)}")
    for index, rule in enumerate(rules):
        _check_rule(
            rule, f"Rules[{index}]" + (f" ({rule.get('ID')})" if isinstance(rule, dict) and rule.get("ID") else "")
        )
    return rules


def _check_rule(rule: dict, where: str) -> None:
    if not isinstance(rule, dict):
        raise ValueError(f"{where} must be an object")
    known = {
        "ID",
        "Status",
        "Filter",
        "Prefix",
        "Transitions",
        "Expiration",
        "NoncurrentVersionTransitions",
        "NoncurrentVersionExpiration",
        "AbortIncompleteMultipartUpload",
    }
    unknown = set(rule) - known
    if unknown:
        raise ValueError(f"{where} has unknown field(s) {sorted(unknown)}; allowed: {sorted(known)}")
    validate.choice(f"{where}.Status", rule.get("Status"), ["Enabled", "Disabled"])
    if "ID" in rule and (not isinstance(rule["ID"], str) or len(rule["ID"]) > 255):
        raise ValueError(f"{where}.ID must be a string of at most 255 characters, got {rule['ID']!r}")
    if "Prefix" in rule:
        _check_prefix(f"{where}.Prefix", rule["Prefix"])
    _check_filter(rule.get("Filter", {}), f"{where}.Filter")
    transitions = rule.get("Transitions", [])
    if not isinstance(transitions, list):
        raise ValueError(f"{where}.Transitions must be a list")
    last_day, last_rank = -1, 0
    for t_index, transition in enumerate(
        sorted(transitions, key=lambda t: t.get("Days", -1) if isinstance(t, dict) else -1)
    ):
        here = f"{where}.Transitions[{t_index}]"
        if not isinstance(transition, dict) or "Date" in transition:
            raise ValueError(f"{here}: only Days-based transitions are simulated (Date-based rules are not)")
        days = validate.integer(f"{here}.Days", transition.get("Days"), minimum=0)
        target = validate.choice(f"{here}.StorageClass", transition.get("StorageClass"), WATERFALL[1:])
        if target in IA_CLASSES and days < MIN_DAYS_BEFORE_IA:
            raise ValueError(
                f"{here}: Days={days} moves objects to {target} too early; S3 requires at least 30 days in STANDARD first"
            )
        rank = WATERFALL.index(target)
        if days == last_day or rank <= last_rank:
            raise ValueError(f"{here}: transitions must go down the waterfall {' > '.join(WATERFALL)} on distinct days")
        last_day, last_rank = days, rank
    expiration = rule.get("Expiration")
    if expiration is not None:
        if not isinstance(expiration, dict) or "Days" not in expiration:
            raise ValueError(f"{where}.Expiration: only {{'Days': N}} is simulated")
        exp_days = validate.integer(f"{where}.Expiration.Days", expiration["Days"], minimum=1)
        if transitions and exp_days <= max(t["Days"] for t in transitions):
            raise ValueError(f"{where}.Expiration.Days={exp_days} must come after the last transition")


_FILTER_FIELDS = {"Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan", "And"}
_AND_FIELDS = {"Prefix", "Tags", "ObjectSizeGreaterThan", "ObjectSizeLessThan"}


def _check_prefix(where: str, prefix: object) -> None:
    if not isinstance(prefix, str) or len(prefix) > 1024:
        raise ValueError(f"{where} must be a key prefix string of at most 1,024 characters, got {prefix!r}")


def _check_filter(filt: object, where: str) -> None:
    """A rule's Filter in LifecycleRuleFilter's shape: Prefix, Tag, ObjectSizeGreaterThan/LessThan or And."""
    if filt is None:
        return
    if not isinstance(filt, dict):
        raise ValueError(f"{where} must be an object such as {{'Prefix': 'logs/'}}, got {filt!r}")
    for fields, part, here in ((_FILTER_FIELDS, filt, where), (_AND_FIELDS, filt.get("And"), f"{where}.And")):
        if part is None:
            continue
        if not isinstance(part, dict):
            raise ValueError(f"{here} must be an object, got {part!r}")
        unknown = set(part) - fields
        if unknown:
            raise ValueError(f"{here} has unknown field(s) {sorted(unknown)}; allowed: {sorted(fields)}")
        if "Prefix" in part:
            _check_prefix(f"{here}.Prefix", part["Prefix"])
        for size_key in ("ObjectSizeGreaterThan", "ObjectSizeLessThan"):
            if size_key in part:
                validate.integer(f"{here}.{size_key}", part[size_key], minimum=0, maximum=MAX_OBJECT_BYTES)


def _rule_applies(rule: dict, key: str, size_bytes: int) -> bool:
    if rule["Status"] != "Enabled":
        return False
    filt = rule.get("Filter", {}) or {}
    conditions = filt.get("And", filt)
    prefix = conditions.get("Prefix", rule.get("Prefix", ""))
    if not key.startswith(prefix or ""):
        return False
    greater = conditions.get("ObjectSizeGreaterThan")
    less = conditions.get("ObjectSizeLessThan")
    if greater is not None and not size_bytes > int(greater):
        return False
    return less is None or size_bytes < int(less)


@dataclass(frozen=True)
class ObjectTimeline:
    """What a lifecycle policy does to one object: its storage-class phases, its expiration day (None: never), notes.

    >>> t = object_timeline(single_class_policy("STANDARD_IA", 30), 1024**2, horizon_days=90)
    >>> [p.storage_class for p in t.phases], t.expiration_day
    (['STANDARD', 'STANDARD_IA'], None)
    """

    phases: list[Phase]
    expiration_day: int | None
    notes: list[str]


@checked
def object_timeline(
    policy: dict | str,
    size_bytes: int,
    key: str = "data/object",
    horizon_days: int = 3650,
    start_class: str = "STANDARD",
) -> ObjectTimeline:
    """The phases an object of this size and key goes through under the policy, its expiration day, and notes.

    >>> timeline = object_timeline(single_class_policy("GLACIER", 90, 365), 1024**2)
    >>> [(p.storage_class, p.start_day) for p in timeline.phases], timeline.expiration_day
    ([('STANDARD', 0), ('GLACIER', 90)], 365)
    """
    size_bytes = validate.integer("size_bytes", size_bytes, minimum=0, maximum=MAX_OBJECT_BYTES, unit="bytes")
    validate.integer("horizon_days", horizon_days, minimum=1, maximum=36500, unit="days")
    validate.choice("start_class", start_class, WATERFALL)
    if len(key) > 1024:
        raise ValueError(f"key is {len(key):,} characters long; an S3 key is at most 1,024 bytes")
    rules = [r for r in parse_lifecycle(policy) if _rule_applies(r, key, size_bytes)]
    notes: list[str] = []
    transitions: dict[int, str] = {}
    expiration: int | None = None
    for rule in rules:
        explicit_size_filter = "ObjectSizeGreaterThan" in (rule.get("Filter", {}) or {}).get(
            "And", rule.get("Filter", {}) or {}
        )
        for t in rule.get("Transitions", []):
            if size_bytes < DEFAULT_MIN_TRANSITION_BYTES and not explicit_size_filter:
                notes.append(
                    f"{size_bytes}-byte objects are under 128 KB: not transitioned unless a rule's "
                    "ObjectSizeGreaterThan filter says so"
                )
                break
            day, target = t["Days"], t["StorageClass"]
            # Two rules moving on the same day: S3 picks the cheaper (lower) class.
            if day not in transitions or WATERFALL.index(target) > WATERFALL.index(transitions[day]):
                transitions[day] = target
        if rule.get("Expiration"):
            day = rule["Expiration"]["Days"]
            expiration = day if expiration is None else min(expiration, day)  # expiration wins over transitions
    phases: list[Phase] = []
    current, start = start_class, 0
    end_of_life = min(horizon_days, expiration) if expiration is not None else horizon_days
    for day in sorted(transitions):
        target = transitions[day]
        if day >= end_of_life or WATERFALL.index(target) <= WATERFALL.index(current):
            continue
        phases.append(Phase(current, start, day))
        current, start = target, day
    phases.append(Phase(current, start, end_of_life))
    return ObjectTimeline(
        phases=[p for p in phases if p.end_day > p.start_day], expiration_day=expiration, notes=sorted(set(notes))
    )


@checked
def simulate_lifecycle(
    policy: dict | str,
    *,
    object_count: int,
    object_size_bytes: int,
    horizon_days: int = 365,
    access: AccessPattern | None = None,
    key: str = "data/object",
    prices: dict[str, dict[str, float]] | None = None,
    name: str = "policy",
) -> LifecycleResult:
    """Bill ``object_count`` objects of ``object_size_bytes`` uploaded on day 0 under ``policy`` for ``horizon_days``.

    ``prices`` overrides list prices per class, e.g. ``{"GLACIER": {"usd_per_gb_month": 0.004}}`` (fields of
    :class:`~awslab.storage.s3.StorageClass`).

    >>> r = simulate_lifecycle(PRESET_POLICIES["IA at 30, GLACIER at 90"], object_count=1000, object_size_bytes=1024**2, horizon_days=365)
    >>> round(r.total_usd, 2)
    0.14
    """
    import pandas as pd

    count = validate.integer("object_count", object_count, minimum=1, maximum=10**12)
    size = validate.integer("object_size_bytes", object_size_bytes, minimum=0, maximum=5 * 1024**4 * 10, unit="bytes")
    horizon = validate.integer("horizon_days", horizon_days, minimum=1, maximum=36500, unit="days")
    access = access or AccessPattern()
    classes = _priced_classes(prices)
    timeline = object_timeline(policy, size, key, horizon)
    phases, expiration, notes = timeline.phases, timeline.expiration_day, timeline.notes
    days = np.arange(horizon)
    cost = {c: np.zeros(horizon) for c in COST_COMPONENTS}
    reads_per_object = access.daily_rate(days)
    standard = classes["STANDARD"]

    cost["requests"][0] += count / 1000 * standard.usd_per_1000_put  # the uploads
    for phase in phases:
        cls = classes[phase.storage_class]
        span = slice(phase.start_day, phase.end_day)
        billed_gb = (max(size, cls.min_billable_bytes) + cls.archive_overhead_bytes) / GIB
        overhead_gb = cls.standard_overhead_bytes / GIB
        if cls.name == "INTELLIGENT_TIERING":
            cost["storage"][span] += count * _intelligent_tiering_gb_day(size, reads_per_object, phase)
            if size >= INTELLIGENT_TIERING_MIN_MONITORED_BYTES:
                cost["monitoring"][span] += (
                    count / 1000 * INTELLIGENT_TIERING_MONITORING_USD_PER_1000_OBJECTS / DAYS_PER_MONTH
                )
        else:
            cost["storage"][span] += (
                count * (billed_gb * cls.usd_per_gb_month + overhead_gb * standard.usd_per_gb_month) / DAYS_PER_MONTH
            )
        if cls.name != "STANDARD":  # every object arrived here through one lifecycle transition request
            cost["transitions"][phase.start_day] += count / 1000 * cls.transition_usd_per_1000
        kept = phase.end_day - phase.start_day
        left_early = phase.end_day < horizon or expiration == phase.end_day
        if left_early and kept < cls.min_days:
            early_day = min(phase.end_day, horizon - 1)
            cost["early_deletion"][early_day] += (
                count
                * (billed_gb * cls.usd_per_gb_month + overhead_gb * standard.usd_per_gb_month)
                * (cls.min_days - kept)
                / DAYS_PER_MONTH
            )
        reads = count * reads_per_object[span]
        if cls.instant_access:
            cost["requests"][span] += reads / 1000 * cls.usd_per_1000_get
            cost["retrieval"][span] += reads * size / GIB * cls.usd_per_gb_retrieved
        else:  # restore (standard tier) then GET the temporary copy
            cost["requests"][span] += reads / 1000 * (cls.usd_per_1000_restore + standard.usd_per_1000_get)
            cost["retrieval"][span] += reads * size / GIB * cls.usd_per_gb_retrieved
    daily = pd.DataFrame({"day": days, **cost})
    return LifecycleResult(
        policy_name=name, phases=tuple(phases), expiration_day=expiration, daily=daily, notes=tuple(notes)
    )


def _intelligent_tiering_gb_day(size: int, reads_per_object: np.ndarray, phase: Phase) -> np.ndarray:
    """Expected USD per object per day in Intelligent-Tiering, from the chance of no access in the last 30 / 90 days."""
    span = reads_per_object[phase.start_day : phase.end_day]
    cumulative = np.concatenate([[0.0], np.cumsum(span)])
    idx = np.arange(len(span)) + 1
    tiers = INTELLIGENT_TIERING_TIERS_USD_PER_GB_MONTH
    if size < INTELLIGENT_TIERING_MIN_MONITORED_BYTES:  # small objects always stay in the frequent tier
        return np.full(len(span), size / GIB * tiers["frequent"] / DAYS_PER_MONTH)

    def quiet_for(days: int) -> np.ndarray:
        window_reads = cumulative[idx] - cumulative[np.maximum(idx - days, 0)]
        return np.where(idx >= days, np.exp(-window_reads), 0.0)

    p_infrequent = quiet_for(INTELLIGENT_TIERING_TIER_AFTER_DAYS["infrequent"])
    p_archive = quiet_for(INTELLIGENT_TIERING_TIER_AFTER_DAYS["archive_instant"])
    usd_month = (
        (1 - p_infrequent) * tiers["frequent"]
        + (p_infrequent - p_archive) * tiers["infrequent"]
        + p_archive * tiers["archive_instant"]
    )
    return size / GIB * usd_month / DAYS_PER_MONTH


def _priced_classes(prices: dict[str, dict[str, float]] | None) -> dict[str, StorageClass]:
    classes = dict(STORAGE_CLASSES)
    for name, overrides in (prices or {}).items():
        validate.choice("prices class", name, STORAGE_CLASSES)
        fields = {f for f in StorageClass.__dataclass_fields__ if f.startswith("usd_")}
        for field_name, value in overrides.items():
            validate.choice(f"prices[{name!r}] field", field_name, sorted(fields))
            validate.number(f"prices[{name!r}][{field_name!r}]", value, minimum=0, unit="USD")
        classes[name] = StorageClass(**{**classes[name].__dict__, **overrides})
    return classes


@checked
def compare_policies(policies: dict[str, dict | str], **kwargs) -> pd.DataFrame:
    """Simulate each named policy on the same population; one row per policy, cheapest first, USD per component.

    >>> table = compare_policies(PRESET_POLICIES, object_count=1000, object_size_bytes=1024**2, horizon_days=365)
    >>> table.iloc[0]["policy"]
    'GLACIER_IR after 30 days'
    """
    import pandas as pd

    if not policies:
        raise ValueError("policies must name at least one lifecycle policy")
    rows = []
    for name, policy in policies.items():
        result = simulate_lifecycle(policy, name=name, **kwargs)
        rows.append(
            {
                "policy": name,
                **result.totals(),
                "total": result.total_usd,
                "path": " > ".join(f"{p.storage_class}@{p.start_day}d" for p in result.phases),
            }
        )
    table = pd.DataFrame(rows).sort_values(["total", "policy"]).reset_index(drop=True)
    return table


@checked
def single_class_policy(storage_class: str, days: int = 0, expire_days: int | None = None) -> dict:
    """A one-rule LifecycleConfiguration that moves every object to ``storage_class`` after ``days`` (0 = stay).

    >>> single_class_policy("STANDARD_IA", 30)["Rules"][0]["Transitions"]
    [{'Days': 30, 'StorageClass': 'STANDARD_IA'}]
    """
    rule: dict = {"ID": f"to-{storage_class.lower()}", "Status": "Enabled", "Filter": {"Prefix": ""}}
    if storage_class != "STANDARD":
        validate.choice("storage_class", storage_class, WATERFALL[1:])
        rule["Transitions"] = [{"Days": int(days), "StorageClass": storage_class}]
    if expire_days is not None:
        rule["Expiration"] = {"Days": int(expire_days)}
    return {"Rules": [rule]}


# The policies the lifecycle notebook and its explorers compare, by the name they show.
PRESET_POLICIES: dict[str, dict] = {
    "stay in STANDARD": single_class_policy("STANDARD"),
    "STANDARD_IA after 30 days": single_class_policy("STANDARD_IA", 30),
    "INTELLIGENT_TIERING from day 0": single_class_policy("INTELLIGENT_TIERING", 0),
    "IA at 30, GLACIER at 90": {
        "Rules": [
            {
                "ID": "ia-then-glacier",
                "Status": "Enabled",
                "Filter": {"Prefix": ""},
                "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}, {"Days": 90, "StorageClass": "GLACIER"}],
            }
        ]
    },
    "GLACIER_IR after 30 days": single_class_policy("GLACIER_IR", 30),
    "DEEP_ARCHIVE after 1 day": single_class_policy("DEEP_ARCHIVE", 1),
}


@checked
def monthly_cost_per_tb(storage_class: str) -> float:
    """USD per TiB-month of storage alone in a class at list price (a quick comparison figure).

    >>> round(monthly_cost_per_tb("STANDARD"), 2)
    23.55
    """
    cls = STORAGE_CLASSES[validate.choice("storage_class", storage_class, STORAGE_CLASSES)]
    return round(cls.usd_per_gb_month * 1024, 6)


@checked
def break_even_reads_per_month(cheaper: str, dearer: str = "STANDARD", size_bytes: int = 1024**2) -> float:
    """GETs per object per month at which ``cheaper`` (lower storage, higher read fees) costs as much as ``dearer``.

    >>> round(break_even_reads_per_month("STANDARD_IA"), 2)
    0.99
    """
    a, b = (
        STORAGE_CLASSES[validate.choice("cheaper", cheaper, STORAGE_CLASSES)],
        STORAGE_CLASSES[validate.choice("dearer", dearer, STORAGE_CLASSES)],
    )
    gb = max(size_bytes, a.min_billable_bytes) / GIB
    saving = gb * a.usd_per_gb_month - max(size_bytes, b.min_billable_bytes) / GIB * b.usd_per_gb_month
    per_read = (a.usd_per_1000_get - b.usd_per_1000_get) / 1000 + size_bytes / GIB * (
        a.usd_per_gb_retrieved - b.usd_per_gb_retrieved
    )
    if per_read <= 0:
        return math.inf
    return max(0.0, -saving / per_read)
