"""Disaster recovery strategies as a simulation: RTO, RPO, monthly cost and availability, each from named parts.

A Region fails at t = 0. Four strategies, cheapest and slowest first (the ladder, with AWS Resilience Hub's own names
for them, ``DisasterRecoveryApproach``):

- ``BACKUP_AND_RESTORE``: backups copied to the recovery Region; everything is rebuilt there after the failure;
- ``PILOT_LIGHT``: the data is replicated live and the core (database) runs; servers are off, launched on failover;
- ``WARM_STANDBY``: a scaled-down but working copy runs; it scales out to full size on failover;
- ``ACTIVE_ACTIVE``: both Regions serve traffic all the time at full size (multi-site active/active).

RTO is the sum of five parts, each a number you can see: *detect* (Route 53 health checks: request interval x
failure threshold, the worst case of :func:`awslab.networking.route53.detection_seconds`), *decide* (a person
declares the disaster; automated for active/active), *restore data* (a database restored from a snapshot, or a
replica promoted), *scale compute* (servers launched and warmed), and *redirect traffic* (the DNS TTL that resolvers
may still serve the old answer; zero with AWS Global Accelerator, whose static anycast IPs do not depend on DNS
caches). RPO is the largest of the data parts (database and objects): a backup interval plus the copy time, or a
replication lag. Cost is what the recovery Region adds each month, item by item.

Numbers the docs settle are constants here with their source; the others are named planning assumptions, and every
one is a parameter. Prices are list prices for us-east-1 recorded by the course (see each constant).

References:
    - AWS Resilience Hub API Reference, "MultiRegionTargets" (DisasterRecoveryApproach ACTIVE_ACTIVE | HOT_STANDBY |
      WARM_STANDBY | PILOT_LIGHT | BACKUP_AND_RESTORE; RpoInMinutes, RtoInMinutes),
      https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resiliencehubv2-policy-multiregiontargets.html
      (read 2026-12-03)
    - Amazon Aurora User Guide, "Using Amazon Aurora Global Database" (replication to secondary Regions with
      latency typically under a second),
      https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html (read 2026-12-03)
    - Amazon S3 User Guide, "Replicating objects using S3 Replication Time Control" (99.99% of objects within
      15 minutes), https://docs.aws.amazon.com/AmazonS3/latest/dev/replication-walkthrough-5.html
      (read 2026-12-03)
    - Amazon Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is healthy"
      (interval 10 or 30 seconds, failure threshold),
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
      (read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from awslab import validate
from awslab.compute.ec2 import DEFAULT_INSTANCE_TYPES, HOURS_PER_MONTH
from awslab.databases.rds import RESTORE_GIB_PER_HOUR
from awslab.networking.route53 import detection_seconds
from awslab.resilience import blocks
from awslab.storage.ebs import EBS_PRICES_US_EAST_1
from awslab.validate import checked

STRATEGIES = ("BACKUP_AND_RESTORE", "PILOT_LIGHT", "WARM_STANDBY", "ACTIVE_ACTIVE")  # the ladder, lowest first
STRATEGY_LABELS = {
    "BACKUP_AND_RESTORE": "backup and restore",
    "PILOT_LIGHT": "pilot light",
    "WARM_STANDBY": "warm standby",
    "ACTIVE_ACTIVE": "multi-site active/active",
}
DATABASE_REPLICATION = ("backup_copy", "aurora_global", "dynamodb_global")
OBJECT_REPLICATION = ("backup_copy", "crr_rtc")
FAILOVER = ("dns", "global_accelerator")
RTO_PARTS = ("detect", "decide", "restore data", "scale compute", "redirect traffic")
REGIONS = ("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2")
MINUTES_PER_YEAR = 365 * 24 * 60
_INSTANCE_PRICES = {t.name: t.usd_per_hour for t in DEFAULT_INSTANCE_TYPES}

# --- planning assumptions (not published by AWS; every one is a parameter) --------------------------------------
DECIDE_MINUTES = 15.0  # a person confirms the Region is down and declares the disaster
INFRASTRUCTURE_MINUTES = 20.0  # backup and restore only: the stack (VPC, load balancer, ...) deployed from code
LAUNCH_MINUTES = 8.0  # instances launched from AMIs, booted, health checks passed, in service
SNAPSHOT_COPY_MINUTES = 30.0  # a snapshot's cross-Region copy (time-based copy can bound it: blocks.py)
PROMOTE_MINUTES = 2.0  # a replica promoted to writer (Aurora global failover); the docs say "a short time"
REGION_FAILURES_PER_YEAR = 1.0  # Region-wide events a year the design must survive (availability estimate)

# --- prices, us-east-1 (overridable) -----------------------------------------------------------------------------
# EC2 On-Demand Linux and EBS snapshot storage: the course's own tables (awslab.compute.ec2, recorded 2026-11-27;
# awslab.storage.ebs). The other rates could not be read from AWS pages in this session (pricing pages are not in
# our reference store): they are the long-standing list prices, marked "unverified" in every cost table.
INTER_REGION_TRANSFER_USD_PER_GB = 0.02  # unverified: data transfer between US Regions
S3_RTC_USD_PER_GB = 0.015  # unverified: S3 Replication Time Control, per GB replicated (plus the transfer)
S3_STANDARD_USD_PER_GB_MONTH = 0.023  # the course's S3 Standard rate (awslab.storage.s3, first 50 TB)
HEALTH_CHECK_USD_PER_MONTH = 0.50  # unverified: one Route 53 health check of an AWS endpoint, basic options
GLOBAL_ACCELERATOR_USD_PER_HOUR = 0.025  # unverified: the accelerator's fixed hourly fee (traffic fees not modelled)


@dataclass(frozen=True, kw_only=True)
class Workload:
    """What must survive: data sizes (GiB), daily change, the server fleet and the databases.

    >>> Workload().instances, Workload().instance_type
    (4, 'm5.large')
    """

    volume_gib: float = 400.0  # EBS data on the fleet (snapshotted)
    object_gib: float = 500.0  # S3 data
    database_gib: float = 200.0  # database storage
    change_gib_per_day: float = 10.0  # new or changed data a day, all stores together
    instances: int = 4
    instance_type: str = "m5.large"
    database_instances: int = 1  # writer instances to run in the recovery Region (pilot light and up)
    database_instance_type: str = "r5.large"  # priced at the EC2 rate of this type (see cost notes)


@dataclass(frozen=True, kw_only=True)
class Design:
    """A DR design: the strategy, backup cadence, replication choices, failover path and the Region pair.

    ``database_replication=None`` picks the strategy's natural choice (backup copies for backup and restore, an
    Aurora global database above it).

    >>> Design().strategy, Design().failover
    ('WARM_STANDBY', 'dns')
    """

    strategy: str = "WARM_STANDBY"
    backup_interval_hours: float = 24.0
    retention_days: int = 35
    database_replication: str | None = None
    object_replication: str = "crr_rtc"
    failover: str = "dns"
    dns_ttl_seconds: int = 60
    request_interval: int = 30
    failure_threshold: int = 3
    standby_fraction: float = 0.25  # warm standby: share of the fleet kept running
    primary_region: str = "us-east-1"
    recovery_region: str = "us-west-2"


@dataclass(frozen=True, kw_only=True)
class Assumptions:
    """The planning numbers AWS does not publish, in minutes (and Region failures a year); all overridable.

    >>> Assumptions().decide_minutes
    15.0
    """

    decide_minutes: float = DECIDE_MINUTES
    infrastructure_minutes: float = INFRASTRUCTURE_MINUTES
    launch_minutes: float = LAUNCH_MINUTES
    snapshot_copy_minutes: float = SNAPSHOT_COPY_MINUTES
    promote_minutes: float = PROMOTE_MINUTES
    restore_gib_per_hour: float = RESTORE_GIB_PER_HOUR
    replication_lag_seconds: float = blocks.AURORA_GLOBAL_TYPICAL_LAG_SECONDS
    region_failures_per_year: float = REGION_FAILURES_PER_YEAR


@dataclass(frozen=True, kw_only=True)
class Prices:
    """Monthly-cost rates, us-east-1, USD (see the module constants for which are verified).

    >>> Prices().snapshot_usd_per_gb_month
    0.05
    """

    snapshot_usd_per_gb_month: float = EBS_PRICES_US_EAST_1.snapshot_usd_per_gb_month
    object_usd_per_gb_month: float = S3_STANDARD_USD_PER_GB_MONTH
    inter_region_usd_per_gb: float = INTER_REGION_TRANSFER_USD_PER_GB
    rtc_usd_per_gb: float = S3_RTC_USD_PER_GB
    health_check_usd_per_month: float = HEALTH_CHECK_USD_PER_MONTH
    accelerator_usd_per_hour: float = GLOBAL_ACCELERATOR_USD_PER_HOUR
    instance_usd_per_hour: dict = field(default_factory=lambda: dict(_INSTANCE_PRICES))


@dataclass(frozen=True)
class Outcome:
    """One design's numbers: RTO parts (minutes), RPO parts (minutes), cost items (USD a month), availability.

    >>> o = simulate(Workload(), Design(strategy="PILOT_LIGHT"))
    >>> round(o.rto_minutes, 1), round(o.rpo_minutes, 1), o.rpo_binding
    (27.5, 15.0, 'objects')
    """

    strategy: str
    rto_parts: dict[str, float]
    rpo_parts: dict[str, float]
    cost_parts: dict[str, float]
    availability: float
    notes: tuple[str, ...]

    @property
    def rto_minutes(self) -> float:
        return sum(self.rto_parts.values())

    @property
    def rpo_minutes(self) -> float:
        return max(self.rpo_parts.values())

    @property
    def rpo_binding(self) -> str:
        return max(self.rpo_parts, key=self.rpo_parts.get)

    @property
    def cost_usd_per_month(self) -> float:
        return sum(self.cost_parts.values())

    @property
    def nines(self) -> float:
        """Availability as a count of nines (0.999 -> 3.0)."""
        return -math.log10(max(1.0 - self.availability, 1e-12))


def _check_workload(w: Workload) -> Workload:
    if not isinstance(w, Workload):
        raise TypeError(f"workload must be a Workload, got {type(w).__name__}")
    for name in ("volume_gib", "object_gib", "database_gib", "change_gib_per_day"):
        validate.number(f"workload.{name}", getattr(w, name), minimum=0, maximum=1e7, unit="GiB")
    validate.integer("workload.instances", w.instances, minimum=1, maximum=10_000)
    validate.integer("workload.database_instances", w.database_instances, minimum=0, maximum=100)
    return w


def _check_design(d: Design) -> Design:
    if not isinstance(d, Design):
        raise TypeError(f"design must be a Design, got {type(d).__name__}")
    validate.choice("design.strategy", d.strategy, STRATEGIES)
    validate.number("design.backup_interval_hours", d.backup_interval_hours, minimum=1, maximum=24 * 35, unit="h")
    validate.integer("design.retention_days", d.retention_days, minimum=1, maximum=36_500, unit="days")
    if d.database_replication is not None:
        validate.choice("design.database_replication", d.database_replication, DATABASE_REPLICATION)
        if d.strategy != "BACKUP_AND_RESTORE" and d.database_replication == "backup_copy":
            raise ValueError(
                f"design.database_replication='backup_copy' does not fit strategy {d.strategy}: pilot light and "
                "above keep a live replica (aurora_global or dynamodb_global)"
            )
    validate.choice("design.object_replication", d.object_replication, OBJECT_REPLICATION)
    validate.choice("design.failover", d.failover, FAILOVER)
    validate.integer("design.dns_ttl_seconds", d.dns_ttl_seconds, minimum=0, maximum=86_400, unit="s")
    detection_seconds(d.request_interval, d.failure_threshold)
    validate.number("design.standby_fraction", d.standby_fraction, minimum=0.05, maximum=1)
    validate.choice("design.primary_region", d.primary_region, REGIONS)
    validate.choice("design.recovery_region", d.recovery_region, REGIONS)
    if d.primary_region == d.recovery_region:
        raise ValueError(f"design.recovery_region={d.recovery_region!r} must differ from the primary Region")
    return d


def _check_assumptions(a: Assumptions) -> Assumptions:
    if not isinstance(a, Assumptions):
        raise TypeError(f"assumptions must be an Assumptions, got {type(a).__name__}")
    for name in ("decide_minutes", "infrastructure_minutes", "launch_minutes", "snapshot_copy_minutes"):
        validate.number(f"assumptions.{name}", getattr(a, name), minimum=0, maximum=10_000, unit="min")
    validate.number("assumptions.promote_minutes", a.promote_minutes, minimum=0, maximum=10_000, unit="min")
    validate.number("assumptions.restore_gib_per_hour", a.restore_gib_per_hour, minimum=1, maximum=1e6)
    validate.number("assumptions.replication_lag_seconds", a.replication_lag_seconds, minimum=0, maximum=86_400)
    validate.number("assumptions.region_failures_per_year", a.region_failures_per_year, minimum=0, maximum=100)
    return a


def _check_prices(p: Prices, w: Workload) -> Prices:
    if not isinstance(p, Prices):
        raise TypeError(f"prices must be a Prices, got {type(p).__name__}")
    for name in (
        "snapshot_usd_per_gb_month",
        "object_usd_per_gb_month",
        "inter_region_usd_per_gb",
        "rtc_usd_per_gb",
        "health_check_usd_per_month",
        "accelerator_usd_per_hour",
    ):
        validate.number(f"prices.{name}", getattr(p, name), minimum=0, maximum=1e4, unit="USD")
    for kind in (w.instance_type, w.database_instance_type):
        if kind not in p.instance_usd_per_hour:
            raise ValueError(f"instance type {kind!r} has no price; priced types: {sorted(p.instance_usd_per_hour)}")
    return p


def database_replication_of(design: Design) -> str:
    """The database replication a design uses (its own choice, or the strategy's natural one).

    >>> database_replication_of(Design(strategy="BACKUP_AND_RESTORE")), database_replication_of(Design())
    ('backup_copy', 'aurora_global')
    """
    _check_design(design)
    if design.database_replication is not None:
        return design.database_replication
    return "backup_copy" if design.strategy == "BACKUP_AND_RESTORE" else "aurora_global"


@checked
def rto_parts(workload: Workload, design: Design, assumptions: Assumptions | None = None) -> dict[str, float]:
    """The five parts of the RTO, in minutes, for a Region failure at t = 0.

    >>> {k: round(v, 1) for k, v in rto_parts(Workload(), Design(strategy="BACKUP_AND_RESTORE")).items()}
    {'detect': 1.5, 'decide': 15.0, 'restore data': 48.0, 'scale compute': 28.0, 'redirect traffic': 1.0}
    """
    w, d = _check_workload(workload), _check_design(design)
    a = _check_assumptions(assumptions or Assumptions())
    level = STRATEGIES.index(d.strategy)
    detect = detection_seconds(d.request_interval, d.failure_threshold) / 60
    decide = 0.0 if d.strategy == "ACTIVE_ACTIVE" else a.decide_minutes
    if database_replication_of(d) == "backup_copy":
        # A snapshot restored into a new cluster: its data at the restore rate, and never faster than bringing up a
        # writer at all (the time a promotion takes).
        restore = max(w.database_gib / a.restore_gib_per_hour * 60, a.promote_minutes)
    elif database_replication_of(d) == "aurora_global" and level < 3:
        restore = a.promote_minutes  # the secondary becomes the writer
    else:
        restore = 0.0  # DynamoDB global tables, or active/active: every Region already writes
    # Compute, until the recovery Region serves traffic: rebuild the stack and launch servers (backup and restore),
    # launch servers from zero (pilot light), nothing for a running copy (warm standby serves at once at reduced
    # capacity and scales out behind it; active/active is already at full size).
    scale = {0: a.infrastructure_minutes + a.launch_minutes, 1: a.launch_minutes, 2: 0.0, 3: 0.0}[level]
    redirect = 0.0 if d.failover == "global_accelerator" else d.dns_ttl_seconds / 60
    return dict(zip(RTO_PARTS, (detect, decide, restore, scale, redirect), strict=True))


@checked
def rpo_parts(workload: Workload, design: Design, assumptions: Assumptions | None = None) -> dict[str, float]:
    """Data lost in the worst case, in minutes, per store: the RPO is the largest part.

    >>> rpo_parts(Workload(), Design(strategy="BACKUP_AND_RESTORE", backup_interval_hours=4))
    {'database': 270.0, 'volumes': 270.0, 'objects': 15.0}
    """
    _check_workload(workload)
    d = _check_design(design)
    a = _check_assumptions(assumptions or Assumptions())
    from_backup = d.backup_interval_hours * 60 + a.snapshot_copy_minutes  # the last copy to reach the other Region
    database = from_backup if database_replication_of(d) == "backup_copy" else a.replication_lag_seconds / 60
    # Volumes: snapshot copies on the backup plan for backup and restore; replicated with the data tier above it
    # (pilot light and up rebuild servers from AMIs and keep state in the database and S3).
    volumes = from_backup if d.strategy == "BACKUP_AND_RESTORE" else a.replication_lag_seconds / 60
    objects = blocks.S3_RTC_MINUTES if d.object_replication == "crr_rtc" else from_backup
    return {"database": database, "volumes": volumes, "objects": float(objects)}


@checked
def cost_parts(workload: Workload, design: Design, prices: Prices | None = None) -> dict[str, float]:
    """What the recovery Region adds each month, USD, item by item (the primary Region's bill is not included).

    >>> {k: round(v, 2) for k, v in cost_parts(Workload(), Design(strategy="PILOT_LIGHT")).items()}
    {'backup copies (storage)': 47.5, 'cross-Region transfer': 6.0, 'object replica (storage + RTC)': 16.0, 'standby servers': 0.0, 'database replica': 91.98, 'health checks and failover': 1.0}
    """
    w, d = _check_workload(workload), _check_design(design)
    p = _check_prices(prices or Prices(), w)
    level = STRATEGIES.index(d.strategy)
    monthly_change_gib = w.change_gib_per_day * 30
    # Backup copies in the recovery Region: one full copy plus the changes kept for the retention period
    # (incremental snapshots), at the snapshot rate.
    kept_gib = w.volume_gib + w.database_gib + w.change_gib_per_day * d.retention_days
    backups = kept_gib * p.snapshot_usd_per_gb_month
    transfer = monthly_change_gib * p.inter_region_usd_per_gb
    if d.object_replication == "crr_rtc":
        objects = w.object_gib * p.object_usd_per_gb_month + monthly_change_gib * p.rtc_usd_per_gb
    else:
        objects = 0.0  # the object backups are inside the backup copies' storage
        backups += w.object_gib * p.snapshot_usd_per_gb_month
    running = {0: 0, 1: 0, 2: math.ceil(d.standby_fraction * w.instances), 3: w.instances}[level]
    servers = running * p.instance_usd_per_hour[w.instance_type] * HOURS_PER_MONTH
    database = 0.0
    if level >= 1:
        database = w.database_instances * p.instance_usd_per_hour[w.database_instance_type] * HOURS_PER_MONTH
    failover = 2 * p.health_check_usd_per_month  # one health check per Region's endpoint
    if d.failover == "global_accelerator":
        failover += p.accelerator_usd_per_hour * HOURS_PER_MONTH
    return {
        "backup copies (storage)": backups,
        "cross-Region transfer": transfer,
        "object replica (storage + RTC)": objects,
        "standby servers": servers,
        "database replica": database,
        "health checks and failover": failover,
    }


@checked
def simulate(
    workload: Workload,
    design: Design,
    *,
    assumptions: Assumptions | None = None,
    prices: Prices | None = None,
) -> Outcome:
    """RTO, RPO, monthly cost and availability of one design for one workload.

    Availability counts only Region-wide failures: each one costs an RTO of downtime, so
    availability = 1 - failures a year x RTO / minutes in a year.

    >>> o = simulate(Workload(), Design(strategy="ACTIVE_ACTIVE"))
    >>> round(o.rto_minutes, 1), f"{o.availability:.5%}", round(o.cost_usd_per_month)
    (2.5, '99.99952%', 443)
    """
    a = _check_assumptions(assumptions or Assumptions())
    rto = rto_parts(workload, design, a)
    rpo = rpo_parts(workload, design, a)
    cost = cost_parts(workload, design, prices)
    downtime = a.region_failures_per_year * sum(rto.values())
    notes = []
    if design.failover == "dns":
        notes.append(f"clients may keep the old answer for up to the TTL ({design.dns_ttl_seconds} s)")
    if design.strategy == "WARM_STANDBY" and design.standby_fraction < 1:
        notes.append(
            f"warm standby serves at {design.standby_fraction:.0%} of full capacity until scaled out "
            f"({a.launch_minutes:g} min later)"
        )
    if design.object_replication == "crr_rtc":
        notes.append("S3 RTC replicates 99.99% of objects within 15 minutes: the RPO bound for objects")
    return Outcome(
        strategy=design.strategy,
        rto_parts=rto,
        rpo_parts=rpo,
        cost_parts=cost,
        availability=max(0.0, 1.0 - downtime / MINUTES_PER_YEAR),
        notes=tuple(notes),
    )


@checked
def ladder(workload: Workload, design: Design, **options) -> list[Outcome]:
    """The same workload and choices under each strategy, lowest rung first.

    >>> [round(o.rto_minutes) for o in ladder(Workload(), Design())]
    [94, 28, 20, 2]
    """
    _check_design(design)
    unknown = set(options) - {"assumptions", "prices"}
    if unknown:
        raise TypeError(f"ladder: unknown options {sorted(unknown)}; allowed: assumptions, prices")
    return [simulate(workload, replace(design, strategy=s, database_replication=None), **options) for s in STRATEGIES]


# --- the grader ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Grade:
    """Whether one design meets the targets, and the named reasons when it does not.

    >>> grade_designs({"RtoInMinutes": 15, "RpoInMinutes": 1}, 1000)[3].reasons
    ('RPO 15 min > 1 min: set by the objects',)
    """

    strategy: str
    meets: bool
    reasons: tuple[str, ...]
    outcome: Outcome


def _targets(targets: dict) -> tuple[float, float]:
    document = validate.json_document("targets", targets, max_chars=2_000, max_depth=2)
    if not isinstance(document, dict):
        raise ValueError(f"targets must be an object like {{'RtoInMinutes': 15, 'RpoInMinutes': 1}}, got {targets!r}")
    unknown = set(document) - {"RtoInMinutes", "RpoInMinutes", "DisasterRecoveryApproach"}
    if unknown:
        raise ValueError(f"targets has unknown keys {sorted(unknown)}; allowed: RtoInMinutes, RpoInMinutes")
    rto = validate.number("targets['RtoInMinutes']", document.get("RtoInMinutes"), minimum=0, maximum=1e6)
    rpo = validate.number("targets['RpoInMinutes']", document.get("RpoInMinutes"), minimum=0, maximum=1e6)
    return rto, rpo


@checked
def grade(outcome: Outcome, targets: dict, budget_usd_per_month: float) -> Grade:
    """Grade one outcome against targets in Resilience Hub's shape (``RtoInMinutes``, ``RpoInMinutes``) and a budget.

    >>> g = grade(simulate(Workload(), Design(strategy="BACKUP_AND_RESTORE")), {"RtoInMinutes": 60, "RpoInMinutes": 60}, 500)
    >>> g.meets, g.reasons[0]
    (False, 'RTO 94 min > 60 min: the largest part is restore data (48 min)')
    """
    rto_target, rpo_target = _targets(targets)
    budget = validate.number("budget_usd_per_month", budget_usd_per_month, minimum=0, maximum=1e9, unit="USD")
    reasons = []
    if outcome.rto_minutes > rto_target:
        part = max(outcome.rto_parts, key=outcome.rto_parts.get)
        reasons.append(
            f"RTO {_minutes(outcome.rto_minutes)} > {_minutes(rto_target)}: the largest part is {part} "
            f"({_minutes(outcome.rto_parts[part])})"
        )
    if outcome.rpo_minutes > rpo_target:
        reasons.append(
            f"RPO {_minutes(outcome.rpo_minutes)} > {_minutes(rpo_target)}: set by the {outcome.rpo_binding}"
        )
    if outcome.cost_usd_per_month > budget:
        item = max(outcome.cost_parts, key=outcome.cost_parts.get)
        reasons.append(
            f"cost ${outcome.cost_usd_per_month:,.0f}/month > budget ${budget:,.0f}: the largest item is {item} "
            f"(${outcome.cost_parts[item]:,.0f})"
        )
    return Grade(outcome.strategy, not reasons, tuple(reasons), outcome)


@checked
def grade_designs(
    targets: dict,
    budget_usd_per_month: float,
    workload: Workload | None = None,
    design: Design | None = None,
    **options,
) -> list[Grade]:
    """Every rung of the ladder graded against the targets and the budget, lowest first.

    >>> [g.meets for g in grade_designs({"RtoInMinutes": 30, "RpoInMinutes": 15}, 250)]
    [False, True, True, False]
    """
    outcomes = ladder(workload or Workload(), design or Design(), **options)
    return [grade(o, targets, budget_usd_per_month) for o in outcomes]


@checked
def cheapest_meeting(grades: list[Grade]) -> str | None:
    """The cheapest strategy that meets every target, or None.

    >>> cheapest_meeting(grade_designs({"RtoInMinutes": 30, "RpoInMinutes": 15}, 250))
    'PILOT_LIGHT'
    """
    if not isinstance(grades, list) or not all(isinstance(g, Grade) for g in grades):
        raise TypeError("grades must be a list of Grade (from grade_designs)")
    passing = [g for g in grades if g.meets]
    return min(passing, key=lambda g: g.outcome.cost_usd_per_month).strategy if passing else None


def _minutes(value: float) -> str:
    if value < 1:
        return f"{value * 60:.0f} s"
    return f"{value:,.0f} min" if value >= 10 else f"{value:.1f} min".replace(".0 min", " min")


@checked
def parts_table(outcomes: list[Outcome]) -> list[dict]:
    """One row per outcome: every RTO part, the RTO, the RPO (and what sets it), the cost and the availability.

    >>> parts_table(ladder(Workload(), Design()))[0]["strategy"]
    'backup and restore'
    """
    if not isinstance(outcomes, list) or not all(isinstance(o, Outcome) for o in outcomes):
        raise TypeError("outcomes must be a list of Outcome (from simulate or ladder)")
    rows = []
    for o in outcomes:
        row = {"strategy": STRATEGY_LABELS[o.strategy]}
        row |= {f"{k} (min)": round(v, 2) for k, v in o.rto_parts.items()}
        row |= {
            "RTO (min)": round(o.rto_minutes, 2),
            "RPO (min)": round(o.rpo_minutes, 2),
            "RPO set by": o.rpo_binding,
            "cost (USD/month)": round(o.cost_usd_per_month, 2),
            "availability": f"{o.availability:.5%}",
        }
        rows.append(row)
    return rows
