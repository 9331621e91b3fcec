"""RDS and Aurora: engines, responsibilities, backups, RPO/RTO, Multi-AZ failover and read-replica lag.

Times are seconds unless a name says otherwise; sizes GiB.

References:
    - Amazon RDS User Guide, "Working with DB instance read replicas",
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html (read 2026-11-27)
    - Amazon Aurora User Guide, "Replication with Amazon Aurora",
      https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Replication.html (read 2026-11-27)
    - Amazon RDS User Guide, "Restoring a DB instance to a specified time",
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIT.html (read 2026-11-27)
    - Amazon RDS User Guide, "Multi-AZ DB instance deployments",
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html (read 2026-11-27)
    - Amazon RDS User Guide, "Configuring and managing a Multi-AZ deployment",
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html (read 2026-11-27)
    - Amazon Aurora User Guide, "Amazon Aurora storage",
      https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.StorageReliability.html (read 2026-11-27)
    - Amazon RDS User Guide, "Managing capacity automatically with Amazon RDS storage autoscaling",
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html (read 2026-11-27)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

# --- Engines -----------------------------------------------------------------------------------------------------
# Read replicas per source instance: 15, except Db2 3, Oracle 5, SQL Server 5 (botocore 1.44 service model,
# CreateDBInstanceReadReplica.SourceDBInstanceIdentifier; RDS User Guide USER_ReadRepl.html, read 2026-11-27).
# Aurora: up to 15 Aurora Replicas per DB cluster (Aurora User Guide Aurora.Replication.html, read 2026-11-27).
# Licensing: RDS User Guide CHAP_Oracle.html / CHAP_SQLServer.html / db2-licensing.html (read 2026-11-27).
ENGINES: dict[str, dict[str, object]] = {
    "mysql": {
        "label": "RDS for MySQL",
        "max_read_replicas": 15,
        "licensing": ("general-public-license",),
        "editions": ("Community",),
    },
    "mariadb": {
        "label": "RDS for MariaDB",
        "max_read_replicas": 15,
        "licensing": ("general-public-license",),
        "editions": ("Community",),
    },
    "postgres": {
        "label": "RDS for PostgreSQL",
        "max_read_replicas": 15,
        "licensing": ("postgresql-license",),
        "editions": ("Community",),
    },
    "oracle": {
        "label": "RDS for Oracle",
        "max_read_replicas": 5,
        "licensing": ("license-included", "bring-your-own-license"),
        "editions": ("Standard Edition Two", "Enterprise Edition"),
    },
    "sqlserver": {
        "label": "RDS for SQL Server",
        "max_read_replicas": 5,
        "licensing": ("license-included",),
        "editions": ("Express", "Web", "Standard", "Enterprise"),
    },
    "db2": {
        "label": "RDS for Db2",
        "max_read_replicas": 3,
        "licensing": ("bring-your-own-license", "marketplace"),
        "editions": ("Standard", "Advanced"),
    },
    "aurora": {
        "label": "Amazon Aurora (MySQL/PostgreSQL-compatible)",
        "max_read_replicas": 15,
        "licensing": ("general-public-license", "postgresql-license"),
        "editions": ("MySQL", "PostgreSQL"),
    },
}


# The API's Engine values (CreateDBInstance.Engine) that name an edition or a compatibility of a course engine.
ENGINE_ALIASES = {
    "postgresql": "postgres",
    "aurora-mysql": "aurora",
    "aurora-postgresql": "aurora",
    "oracle-ee": "oracle",
    "oracle-se2": "oracle",
    "oracle-ee-cdb": "oracle",
    "oracle-se2-cdb": "oracle",
    "sqlserver-ee": "sqlserver",
    "sqlserver-se": "sqlserver",
    "sqlserver-ex": "sqlserver",
    "sqlserver-web": "sqlserver",
    "db2-se": "db2",
    "db2-ae": "db2",
}


@checked
def engine_key(engine: str) -> str:
    """Course engine name for ``engine``, which may also be an API Engine value such as "aurora-postgresql".

    >>> engine_key("aurora-postgresql")
    'aurora'
    """
    key = engine.lower() if isinstance(engine, str) else engine
    key = ENGINE_ALIASES.get(key, key)
    return validate.choice("engine", key, ENGINES)


@checked
def max_read_replicas(engine: str) -> int:
    """Most read replicas one source can have: 15 (MySQL, MariaDB, PostgreSQL, Aurora), 5 (Oracle, SQL Server).

    >>> max_read_replicas("mysql")
    15
    >>> max_read_replicas("oracle-ee")
    5
    """
    return int(ENGINES[engine_key(engine)]["max_read_replicas"])


@checked
def engines_table() -> pd.DataFrame:
    """One row per engine: name, editions, licence models and replica limit.

    >>> engines_table().shape
    (7, 5)
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "engine": k,
                "name": v["label"],
                "editions": ", ".join(v["editions"]),
                "licensing": ", ".join(v["licensing"]),
                "max_read_replicas": v["max_read_replicas"],
            }
            for k, v in ENGINES.items()
        ]
    )


# Shared responsibility for a database: who does each task where (AWS RDS overview, read 2026-11-27).
# "shared" rows: AWS does the work, but only as you configure it: you choose the instance class and storage and
# when to scale, whether to run Multi-AZ, and the backup retention; RDS then carries it out. The security chapter's
# model (awslab.security.responsibility) marks the same rows "Shared"; tests/databases/test_rds.py keeps them agreed.
# Amazon RDS Getting Started Guide, "Key concepts and architecture of Amazon RDS",
# https://docs.aws.amazon.com/AmazonRDS/latest/gettingstartedguide/concepts.html (read 2026-12-03).
RESPONSIBILITIES = (
    ("Application optimisation", "you", "you", "you"),
    ("Scaling", "you", "you", "shared"),
    ("High availability", "you", "you", "shared"),
    ("Backups", "you", "you", "shared"),
    ("Database engine patches", "you", "you", "AWS"),
    ("Database software installation", "you", "you", "AWS"),
    ("OS patches", "you", "you", "AWS"),
    ("OS installation", "you", "AWS", "AWS"),
    ("Server maintenance", "you", "AWS", "AWS"),
    ("Rack and stack", "you", "AWS", "AWS"),
    ("Power, cooling, network", "you", "AWS", "AWS"),
)


@checked
def responsibility_table() -> pd.DataFrame:
    """Who runs each task for a database on premises, on EC2 and on RDS.

    >>> list(responsibility_table().columns)
    ['task', 'on-premises', 'EC2', 'RDS']
    """
    import pandas as pd

    return pd.DataFrame(RESPONSIBILITIES, columns=["task", "on-premises", "EC2", "RDS"])


# --- Backups and recovery ----------------------------------------------------------------------------------------
# Retention 0-35 days (0 disables automated backups), default 1 (botocore CreateDBInstance.BackupRetentionPeriod).
# Transaction logs go to S3 every 5 minutes; LatestRestorableTime is typically within the last 5 minutes.
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIT.html (read 2026-11-27)
MAX_BACKUP_RETENTION_DAYS = 35
LOG_UPLOAD_INTERVAL_SECONDS = 300
# Multi-AZ instance failover typically completes in 60-120 s.
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html (read 2026-11-27)
MULTI_AZ_FAILOVER_SECONDS = (60, 120)
# Assumptions for the explorer (not AWS-published numbers; overridable): promoting a read replica and repointing
# the app takes minutes; restoring creates a new instance, then loads data at a steady rate.
REPLICA_PROMOTION_SECONDS = 300
RESTORE_FIXED_SECONDS = 600
RESTORE_GIB_PER_HOUR = 250.0

SCENARIOS = ("instance_failure", "az_outage", "region_outage", "data_corruption")


@dataclass(frozen=True)
class Recovery:
    """How one failure is recovered: the mechanism, worst-case data loss (RPO) and downtime (RTO), in seconds.

    >>> recovery_objectives("az_outage", multi_az=True).mechanism
    'Multi-AZ failover to the synchronous standby'
    """

    scenario: str
    mechanism: str
    rpo_seconds: float
    rto_seconds: float


@checked
def recovery_objectives(
    scenario: str,
    *,
    backup_retention_days: int = 7,
    multi_az: bool = False,
    read_replicas: int = 0,
    cross_region_replica: bool = False,
    snapshot_interval_hours: float = 24.0,
    database_size_gib: float = 100.0,
    replica_lag_seconds: float = 5.0,
    corruption_detected_after_hours: float = 2.0,
    restore_gib_per_hour: float = RESTORE_GIB_PER_HOUR,
) -> Recovery:
    """How ``scenario`` is recovered under these settings, with RPO (worst-case data lost) and RTO in seconds.

    The first available mechanism wins, fastest first: Multi-AZ failover, promoting a replica, point-in-time
    restore, then a manual snapshot taken every ``snapshot_interval_hours``. Multi-AZ (synchronous) and replicas
    (asynchronous) copy a bad write as faithfully as a good one, so data corruption needs point-in-time restore
    (if found within the retention period) or a snapshot taken before the damage. Either way the restore goes back
    to before the bad write, so every good write made between the bad write and its discovery
    (``corruption_detected_after_hours``) is lost too, unless the application can replay it: that is the RPO.

    >>> recovery_objectives("az_outage", multi_az=True).rto_seconds
    120.0
    """
    validate.choice("scenario", scenario, SCENARIOS)
    retention = validate.integer(
        "backup_retention_days", backup_retention_days, minimum=0, maximum=MAX_BACKUP_RETENTION_DAYS, unit="days"
    )
    replicas = validate.integer("read_replicas", read_replicas, minimum=0, maximum=15)
    interval = validate.number(
        "snapshot_interval_hours", snapshot_interval_hours, minimum=0, unit="h", exclusive_minimum=True
    )
    size = validate.number("database_size_gib", database_size_gib, minimum=0, unit="GiB")
    lag = validate.number("replica_lag_seconds", replica_lag_seconds, minimum=0, unit="s")
    detected = validate.number("corruption_detected_after_hours", corruption_detected_after_hours, minimum=0, unit="h")
    speed = validate.number("restore_gib_per_hour", restore_gib_per_hour, minimum=0, exclusive_minimum=True)
    for name, flag in (("multi_az", multi_az), ("cross_region_replica", cross_region_replica)):
        if not isinstance(flag, bool):
            raise ValueError(f"{name} must be True or False, got {flag!r}")
    restore = RESTORE_FIXED_SECONDS + size / speed * 3600
    snapshot = Recovery(scenario, "restore the latest manual snapshot", interval * 3600, restore)

    if scenario in ("instance_failure", "az_outage"):
        if multi_az:
            return Recovery(
                scenario, "Multi-AZ failover to the synchronous standby", 0.0, float(MULTI_AZ_FAILOVER_SECONDS[1])
            )
        if replicas or cross_region_replica:
            return Recovery(
                scenario, "promote a read replica (asynchronous: lag is lost)", lag, float(REPLICA_PROMOTION_SECONDS)
            )
        if retention:
            return Recovery(
                scenario, "point-in-time restore to a new instance", float(LOG_UPLOAD_INTERVAL_SECONDS), restore
            )
        return snapshot
    if scenario == "region_outage":
        if cross_region_replica:
            return Recovery(scenario, "promote the cross-Region read replica", lag, float(REPLICA_PROMOTION_SECONDS))
        return Recovery(scenario, "restore a snapshot copied to another Region", interval * 3600, restore)
    if retention and detected <= retention * 24:
        return Recovery(scenario, "point-in-time restore to just before the bad write", detected * 3600, restore)
    return Recovery(
        scenario, "restore the last manual snapshot taken before the damage", (interval + detected) * 3600, restore
    )


@checked
def recovery_matrix(**settings: object) -> pd.DataFrame:
    """RPO and RTO (seconds) of every scenario under one set of ``recovery_objectives`` settings.

    >>> list(recovery_matrix(**RECOVERY_SETUPS["backups + Multi-AZ"]).scenario)
    ['instance_failure', 'az_outage', 'region_outage', 'data_corruption']
    """
    import pandas as pd

    rows = [recovery_objectives(s, **settings) for s in SCENARIOS]  # type: ignore[arg-type]
    return pd.DataFrame([r.__dict__ for r in rows])


@dataclass(frozen=True)
class RestoreWindow:
    """The point-in-time restore window, as hours before now: from ``earliest_hours_ago`` to ``latest_hours_ago``.

    >>> RestoreWindow(168.0, 0.25).latest_hours_ago
    0.25
    """

    earliest_hours_ago: float
    latest_hours_ago: float


@checked
def point_in_time_window_hours(backup_retention_days: int, instance_age_hours: float) -> RestoreWindow:
    """The earliest and latest restorable times in hours before now; the latest is one log-upload interval back.

    >>> point_in_time_window_hours(7, instance_age_hours=24 * 90)
    RestoreWindow(earliest_hours_ago=168.0, latest_hours_ago=0.08333333333333333)
    """
    retention = validate.integer(
        "backup_retention_days", backup_retention_days, minimum=0, maximum=MAX_BACKUP_RETENTION_DAYS, unit="days"
    )
    age = validate.number("instance_age_hours", instance_age_hours, minimum=0, unit="h")
    if retention == 0:
        raise ValueError("backup_retention_days=0 disables automated backups: there is no point-in-time window")
    latest = LOG_UPLOAD_INTERVAL_SECONDS / 3600
    return RestoreWindow(max(latest, min(retention * 24.0, age)), latest)


# --- Multi-AZ failover timeline ------------------------------------------------------------------------------------
# Deployment options today. A Multi-AZ DB instance's single standby serves no reads; a Multi-AZ DB cluster
# (MySQL, PostgreSQL) has two readable standbys, semisynchronous replication and failover typically under 35 s.
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html and the FailoverDBCluster API
# reference (read 2026-11-27).
DEPLOYMENTS = {
    "Single-AZ DB instance": {
        "standbys": 0,
        "standbys_serve_reads": False,
        "replication": "none",
        "typical_failover_s": "none: restore or promote a replica",
    },
    "Multi-AZ DB instance": {
        "standbys": 1,
        "standbys_serve_reads": False,
        "replication": "synchronous",
        "typical_failover_s": "60-120",
    },
    "Multi-AZ DB cluster": {
        "standbys": 2,
        "standbys_serve_reads": True,
        "replication": "semisynchronous",
        "typical_failover_s": "under 35",
    },
}


@checked
def deployments_table() -> pd.DataFrame:
    """One row per RDS deployment option: standbys, whether they serve reads, replication, failover time.

    >>> list(deployments_table().deployment)
    ['Single-AZ DB instance', 'Multi-AZ DB instance', 'Multi-AZ DB cluster']
    """
    import pandas as pd

    return pd.DataFrame([{"deployment": name, **facts} for name, facts in DEPLOYMENTS.items()])


# DNS TTL on RDS/Aurora endpoints is short (5 s per the Aurora best-practices guide, read 2026-11-27).
ENDPOINT_DNS_TTL_SECONDS = 5


@checked
def failover_timeline(
    detection_seconds: float = 30,
    promotion_seconds: float = 45,
    *,
    dns_update_seconds: float = 10,
    dns_ttl_seconds: float = ENDPOINT_DNS_TTL_SECONDS,
    client_reconnect_seconds: float = 5,
) -> list[dict[str, float | str]]:
    """Phases of a Multi-AZ failover, each ``{"phase", "start_s", "end_s"}``; writes fail until the last ends.

    The client that caches DNS longer than the TTL (a JVM default, for instance) keeps dialling the old primary.

    >>> failover_timeline()[-1]
    {'phase': 'client reconnects', 'start_s': 90.0, 'end_s': 95.0}
    """
    phases = (
        ("detect failure", "detection_seconds", detection_seconds),
        ("promote standby", "promotion_seconds", promotion_seconds),
        ("flip endpoint CNAME", "dns_update_seconds", dns_update_seconds),
        ("client DNS cache expires", "dns_ttl_seconds", dns_ttl_seconds),
        ("client reconnects", "client_reconnect_seconds", client_reconnect_seconds),
    )
    timeline, clock = [], 0.0
    for name, param, seconds in phases:
        duration = validate.number(param, seconds, minimum=0, unit="s")
        timeline.append({"phase": name, "start_s": clock, "end_s": clock + duration})
        clock += duration
    return timeline


# --- Read-replica lag ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReplicaLagResult:
    """Per-second write rate, replica backlog, lag and the share of read-after-write reads that see stale data.

    >>> simulate_replica_lag(seconds=120, seed=0).seconds.size
    120
    """

    seconds: np.ndarray
    writes_per_second: np.ndarray
    applied_per_second: np.ndarray
    backlog_writes: np.ndarray
    lag_seconds: np.ndarray
    stale_read_fraction: np.ndarray


@checked
def simulate_replica_lag(
    mean_writes_per_second: float = 800,
    apply_writes_per_second: float = 1000,
    *,
    burst_multiplier: float = 2.0,
    burst_start_s: int = 60,
    burst_duration_s: int = 60,
    seconds: int = 300,
    network_delay_s: float = 0.05,
    read_after_write_delay_s: float = 1.0,
    seed: int = 0,
) -> ReplicaLagResult:
    """Seeded simulation of asynchronous replication: Poisson writes, a burst, and a replica applying at a fixed rate.

    Lag is backlog / apply rate + network delay. A reader that reads its own write ``read_after_write_delay_s``
    later from the replica sees stale data while the lag exceeds that delay; the fraction is computed by
    treating the lag as exponentially spread around its value in that second.

    >>> round(float(simulate_replica_lag(seed=0).lag_seconds.max()), 1)
    36.5
    """
    mean = validate.number("mean_writes_per_second", mean_writes_per_second, minimum=0, maximum=1e9, unit="writes/s")
    apply = validate.number(
        "apply_writes_per_second", apply_writes_per_second, minimum=0, unit="writes/s", exclusive_minimum=True
    )
    burst = validate.number("burst_multiplier", burst_multiplier, minimum=1, maximum=1000)
    steps = validate.integer("seconds", seconds, minimum=1, maximum=86_400, unit="s")
    start = validate.integer("burst_start_s", burst_start_s, minimum=0, maximum=steps, unit="s")
    length = validate.integer("burst_duration_s", burst_duration_s, minimum=0, unit="s")
    delay = validate.number("network_delay_s", network_delay_s, minimum=0, unit="s")
    read_delay = validate.number("read_after_write_delay_s", read_after_write_delay_s, minimum=0, unit="s")
    rng = np.random.default_rng(seed)
    rate = np.full(steps, mean)
    rate[start : start + length] *= burst
    writes = rng.poisson(rate).astype(float)
    # Backlog recursion b[t] = max(0, b[t-1] + w[t] - apply) as a running minimum (Lindley): no Python loop.
    net = np.cumsum(writes - apply)
    backlog = net - np.minimum(0.0, np.minimum.accumulate(net))
    previous = np.concatenate(([0.0], backlog[:-1]))
    applied = previous + writes - backlog
    lag = backlog / apply + delay
    stale = np.where(lag > 0, np.exp(-read_delay / np.maximum(lag, 1e-12)), 0.0)
    return ReplicaLagResult(np.arange(steps, dtype=float), writes, applied, backlog, lag, stale)


# --- Aurora cluster volume ----------------------------------------------------------------------------------------
# Six copies of the data over three AZs; writes need 4 of 6, reads 3 of 6.
# https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.StorageReliability.html (2026-11-27)
AURORA_COPIES_PER_AZ = 2
AURORA_WRITE_QUORUM = 4
AURORA_READ_QUORUM = 3


@checked
def aurora_quorum(failed_copies: int = 0, failed_azs: int = 0) -> dict[str, bool | int]:
    """Whether the Aurora cluster volume can still write and read after losing whole AZs plus extra copies.

    >>> aurora_quorum(failed_azs=1)
    {'copies_alive': 4, 'can_write': True, 'can_read': True}
    """
    azs = validate.integer("failed_azs", failed_azs, minimum=0, maximum=3)
    left = 6 - azs * AURORA_COPIES_PER_AZ
    extra = validate.integer("failed_copies", failed_copies, minimum=0, maximum=left)
    alive = left - extra
    return {"copies_alive": alive, "can_write": alive >= AURORA_WRITE_QUORUM, "can_read": alive >= AURORA_READ_QUORUM}


# --- Storage autoscaling ------------------------------------------------------------------------------------------
# Scale-up starts when free space <= 10% of allocated storage for 5 minutes and at least 6 hours have passed since
# the last storage modification; it adds the largest of 10 GiB, 10% of allocated, and the growth predicted for the
# next 7 hours, never past MaxAllocatedStorage.
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html (read 2026-11-27)
AUTOSCALING_FREE_THRESHOLD = 0.10
AUTOSCALING_COOLDOWN_HOURS = 6
AUTOSCALING_MIN_INCREMENT_GIB = 10
AUTOSCALING_MIN_INCREMENT_SHARE = 0.10
AUTOSCALING_PREDICTION_HOURS = 7


@checked
def simulate_storage_autoscaling(
    allocated_gib: float = 100,
    used_gib: float = 60,
    *,
    growth_gib_per_day: float = 8,
    max_allocated_storage_gib: float | None = 1000,
    days: int = 90,
    growth_noise: float = 0.5,
    seed: int = 0,
) -> pd.DataFrame:
    """Hourly used and allocated storage (GiB) under storage autoscaling; ``storage_full`` marks hours writes fail.

    ``max_allocated_storage_gib`` None turns autoscaling off. Hourly growth is log-normal around the mean with
    spread ``growth_noise`` (0 = steady growth).

    >>> float(simulate_storage_autoscaling(days=30, seed=0).allocated_gib.iloc[-1])
    354.0
    """
    import pandas as pd

    allocated = validate.number("allocated_gib", allocated_gib, minimum=20, maximum=65_536, unit="GiB")
    used = validate.number("used_gib", used_gib, minimum=0, maximum=allocated, unit="GiB")
    growth = validate.number("growth_gib_per_day", growth_gib_per_day, minimum=0, unit="GiB/day")
    ceiling = (
        allocated
        if max_allocated_storage_gib is None
        else validate.number(
            "max_allocated_storage_gib", max_allocated_storage_gib, minimum=allocated, maximum=65_536, unit="GiB"
        )
    )
    hours = validate.integer("days", days, minimum=1, maximum=365, unit="days") * 24
    noise = validate.number("growth_noise", growth_noise, minimum=0, maximum=2)
    rng = np.random.default_rng(seed)
    hourly = growth / 24 * rng.lognormal(-(noise**2) / 2, noise, size=hours)
    used_series = used + np.cumsum(hourly)
    allocated_series = np.empty(hours)
    last_change = -AUTOSCALING_COOLDOWN_HOURS
    for hour in range(hours):
        low = allocated - used_series[hour] <= AUTOSCALING_FREE_THRESHOLD * allocated
        if low and allocated < ceiling and hour - last_change >= AUTOSCALING_COOLDOWN_HOURS:
            predicted = used_series[hour] + growth / 24 * AUTOSCALING_PREDICTION_HOURS - allocated
            step = max(AUTOSCALING_MIN_INCREMENT_GIB, AUTOSCALING_MIN_INCREMENT_SHARE * allocated, predicted)
            allocated = min(ceiling, allocated + math.ceil(step))  # AllocatedStorage is whole GiB
            last_change = hour
        allocated_series[hour] = allocated
    return pd.DataFrame(
        {
            "hour": np.arange(hours, dtype=float),
            "used_gib": used_series,
            "allocated_gib": allocated_series,
            "storage_full": used_series >= allocated_series,
        }
    )


# Backup/Multi-AZ/replica set-ups the recovery explorer compares (keyword arguments of recovery_matrix).
RECOVERY_SETUPS = {
    "no automated backups, daily snapshot": dict(backup_retention_days=0),
    "automated backups, 7 days": dict(backup_retention_days=7),
    "backups + Multi-AZ": dict(backup_retention_days=7, multi_az=True),
    "backups + Multi-AZ + read replica": dict(backup_retention_days=7, multi_az=True, read_replicas=1),
    "backups + read replica (no Multi-AZ)": dict(backup_retention_days=7, read_replicas=1),
    "backups + Multi-AZ + cross-Region replica": dict(
        backup_retention_days=7, multi_az=True, cross_region_replica=True
    ),
}
