"""The building blocks of disaster recovery and their documented numbers: AWS Backup and Vault Lock, Aurora Global
Database, DynamoDB global tables, S3 Replication Time Control, EBS snapshot copy, Route 53 health checks and
Application Recovery Controller. One source of truth: the DR model (``awslab.resilience.dr``) reads its numbers here.

Inputs and outputs use AWS's own shapes where AWS has one: a Vault Lock configuration is
``PutBackupVaultLockConfiguration``'s input (``BackupVaultName``, ``MinRetentionDays``, ``MaxRetentionDays``,
``ChangeableForDays``), an S3 replication rule is the ``ReplicationConfiguration`` ``Rules`` entry, an EBS copy has
``CompletionDurationMinutes``.

References:
    - AWS Backup Developer Guide, "AWS Backup Vault Lock" and AWS CloudFormation, "AWS::Backup::BackupVault
      LockConfigurationType" (72-hour cooling-off; ChangeableForDays must be 3 or more; before the lock date the lock
      can be changed or deleted, after it never),
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupvault-lockconfigurationtype.html
      (read 2026-12-03)
    - AWS re:Post Knowledge Center, "How do I delete an AWS Backup Vault Lock?" (governance mode: removable with
      backup:DeleteBackupVaultLockConfiguration; compliance mode: only during the grace time),
      https://repost.aws/knowledge-center/backup-delete-vault-lock (read 2026-12-03)
    - AWS Backup Developer Guide, "Logically air-gapped vault" (Vault Lock compliance mode built in, AWS owned key
      by default or a customer managed key, sharing to other accounts through AWS RAM, multi-party approval),
      https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html (read 2026-12-03)
    - Amazon Aurora User Guide, "Using Amazon Aurora Global Database" (a primary and up to 10 secondary Regions,
      replication latency typically under a second),
      https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html (read 2026-12-03)
    - Amazon RDS API Reference, "SwitchoverGlobalCluster" and "FailoverGlobalCluster" (switchover, formerly
      managed planned failover, loses no data; failover with AllowDataLoss for unplanned events),
      https://docs.aws.amazon.com/goto/WebAPI/rds/FailoverGlobalCluster (read 2026-12-03)
    - Amazon DynamoDB Developer Guide, "Global tables - multi-active, multi-Region replication" (consistency modes
      MREC, the default, and MRSC; the mode cannot be changed after creation),
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html (read 2026-12-03)
    - AWS Prescriptive Guidance, "Overview of global tables" (single-Region table designed for 99.99% availability,
      multi-Region 99.999%),
      https://docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html (read 2026-12-03)
    - Amazon DynamoDB Developer Guide, "Monitoring global tables" (ReplicationLatency, in milliseconds per source and
      destination Region pair, "should be fairly constant"; the page gives no typical value, so the 1-second default
      lag stays our assumption), https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_monitoring.html
      (read 2026-12-03)
    - Amazon S3 API Reference, "ReplicationTimeValue" (the only valid value is 15 minutes) and the S3 User Guide,
      "Replicating objects using S3 Replication Time Control" (99.99% of objects within 15 minutes),
      https://docs.aws.amazon.com/AmazonS3/latest/API/API_ReplicationTimeValue.html (read 2026-12-03)
    - AWS SDK for Kotlin API reference, CopySnapshotRequest "completionDurationMinutes" (EC2 CopySnapshot: a
      time-based copy, in 15-minute increments; best effort without it),
      https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-copy-snapshot-request/completion-duration-minutes.html (read 2026-12-03)
    - Amazon Application Recovery Controller Developer Guide, "Use zonal shift and zonal autoshift to recover
      applications in ARC" (zonal shift manual, zonal autoshift by AWS; practice runs),
      https://docs.aws.amazon.com/r53recovery/latest/dg/multi-az.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.networking.route53 import (
    FAILURE_THRESHOLD_DEFAULT,
    FAILURE_THRESHOLD_MAX,
    FAILURE_THRESHOLD_MIN,
    REQUEST_INTERVALS_SECONDS,
)
from awslab.validate import checked

# AWS Backup Vault Lock (LockConfigurationType, read 2026-12-03).
VAULT_LOCK_COOLING_OFF_HOURS = 72
VAULT_LOCK_MIN_CHANGEABLE_FOR_DAYS = 3
VAULT_LOCK_MODES = ("governance", "compliance")
# Aurora Global Database ("Using Amazon Aurora Global Database", read 2026-12-03).
AURORA_GLOBAL_MAX_SECONDARY_REGIONS = 10
AURORA_GLOBAL_TYPICAL_LAG_SECONDS = 1.0  # "typically under a second": the model's default lag
# DynamoDB global tables (Developer Guide and Prescriptive Guidance, read 2026-12-03).
DYNAMODB_CONSISTENCY_MODES = ("MREC", "MRSC")  # eventual (default) and strong
DYNAMODB_SINGLE_REGION_AVAILABILITY = 0.9999
DYNAMODB_GLOBAL_TABLE_AVAILABILITY = 0.99999
# S3 Replication Time Control (ReplicationTimeValue and the RTC page, read 2026-12-03).
S3_RTC_MINUTES = 15
S3_RTC_SHARE_WITHIN = 0.9999
# EBS time-based snapshot copy (CopySnapshot, read 2026-12-03): durations in 15-minute steps. The docs read do not
# give the longest duration allowed, so the model does not check an upper bound beyond a sanity limit.
EBS_COPY_DURATION_STEP_MINUTES = 15

AURORA_RECOVERY_OPERATIONS = {
    "switchover": "planned: secondaries synchronised first, no data lost, short unavailability (SwitchoverGlobalCluster)",
    "failover": "unplanned: FailoverGlobalCluster with AllowDataLoss; loses what had not replicated (the lag)",
    "detach and promote": "manual: remove a secondary from the global database; it becomes a standalone cluster",
}


@dataclass(frozen=True)
class VaultLockState:
    """Where a Vault Lock stands ``days`` after it was put on a vault.

    >>> vault_lock_state({"BackupVaultName": "v", "MinRetentionDays": 7, "ChangeableForDays": 3}, 1).changeable
    True
    """

    mode: str  # governance or compliance
    lock_date_day: int | None  # the day (after creation) from which it is immutable; None for governance
    changeable: bool  # can it still be changed or deleted?
    who_can_remove: str


@checked
def vault_lock_configuration(
    vault_name: str,
    min_retention_days: int,
    *,
    max_retention_days: int | None = None,
    mode: str = "compliance",
    changeable_for_days: int = VAULT_LOCK_MIN_CHANGEABLE_FOR_DAYS,
) -> dict:
    """``PutBackupVaultLockConfiguration``'s input for a lock in ``mode``: compliance sets ``ChangeableForDays``.

    >>> vault_lock_configuration("prod-vault", 35)
    {'BackupVaultName': 'prod-vault', 'MinRetentionDays': 35, 'ChangeableForDays': 3}
    >>> vault_lock_configuration("prod-vault", 35, mode="governance", max_retention_days=400)
    {'BackupVaultName': 'prod-vault', 'MinRetentionDays': 35, 'MaxRetentionDays': 400}
    """
    if not isinstance(vault_name, str) or not (2 <= len(vault_name) <= 50):
        raise ValueError(f"vault_name must be 2-50 characters, got {vault_name!r}")
    validate.choice("mode", mode, VAULT_LOCK_MODES)
    low = validate.integer("min_retention_days", min_retention_days, minimum=1, maximum=36_500, unit="days")
    config = {"BackupVaultName": vault_name, "MinRetentionDays": low}
    if max_retention_days is not None:
        validate.integer("max_retention_days", max_retention_days, minimum=low, maximum=36_500, unit="days")
        config["MaxRetentionDays"] = max_retention_days
    if mode == "compliance":
        config["ChangeableForDays"] = validate.integer(
            "changeable_for_days",
            changeable_for_days,
            minimum=VAULT_LOCK_MIN_CHANGEABLE_FOR_DAYS,
            maximum=36_500,
            unit="days (the 72-hour cooling-off makes 3 the least)",
        )
    return config


@checked
def vault_lock_state(configuration: dict, days_since_created: float) -> VaultLockState:
    """Read a ``PutBackupVaultLockConfiguration`` input: which mode, and whether it can still be changed.

    No ``ChangeableForDays`` means governance mode (removable by anyone with the IAM permission); with it, compliance
    mode, changeable only until the lock date, then immutable for everyone, AWS included.

    >>> vault_lock_state({"BackupVaultName": "v", "MinRetentionDays": 7, "ChangeableForDays": 3}, 5)
    VaultLockState(mode='compliance', lock_date_day=3, changeable=False, who_can_remove='nobody (immutable)')
    """
    document = validate.json_document("configuration", configuration, max_chars=4_000, max_depth=2)
    if not isinstance(document, dict) or "BackupVaultName" not in document:
        raise ValueError(f"configuration must be a PutBackupVaultLockConfiguration input, got {configuration!r}")
    unknown = set(document) - {"BackupVaultName", "MinRetentionDays", "MaxRetentionDays", "ChangeableForDays"}
    if unknown:
        raise ValueError(f"configuration has unknown keys {sorted(unknown)}")
    days = validate.number("days_since_created", days_since_created, minimum=0, maximum=1e6, unit="days")
    if "ChangeableForDays" not in document:
        return VaultLockState("governance", None, True, "a principal allowed backup:DeleteBackupVaultLockConfiguration")
    lock_day = validate.integer(
        "configuration['ChangeableForDays']",
        document["ChangeableForDays"],
        minimum=VAULT_LOCK_MIN_CHANGEABLE_FOR_DAYS,
        maximum=36_500,
    )
    if days < lock_day:
        return VaultLockState("compliance", lock_day, True, "anyone allowed to, until the lock date (grace time)")
    return VaultLockState("compliance", lock_day, False, "nobody (immutable)")


@checked
def rtc_late_objects(objects_replicated: int) -> float:
    """How many of ``objects_replicated`` may take longer than 15 minutes under S3 RTC's 99.99% (expected count).

    >>> rtc_late_objects(1_000_000)
    100.0
    """
    count = validate.integer("objects_replicated", objects_replicated, minimum=0, maximum=10**15)
    return round(count * (1 - S3_RTC_SHARE_WITHIN), 6)


@checked
def rtc_replication_rule(destination_bucket_arn: str, *, prefix: str = "") -> dict:
    """A ``ReplicationConfiguration`` rule with S3 RTC on (``ReplicationTime`` and ``Metrics``, both 15 minutes).

    >>> rtc_replication_rule("arn:aws:s3:::dr-copy")["Destination"]["ReplicationTime"]
    {'Status': 'Enabled', 'Time': {'Minutes': 15}}
    """
    if not isinstance(destination_bucket_arn, str) or not destination_bucket_arn.startswith("arn:aws:s3:::"):
        raise ValueError(f"destination_bucket_arn must look like arn:aws:s3:::bucket, got {destination_bucket_arn!r}")
    if not isinstance(prefix, str) or len(prefix) > 1024:
        raise ValueError(f"prefix must be a string of at most 1,024 characters, got {prefix!r}")
    return {
        "ID": "dr-rtc",
        "Priority": 1,
        "Status": "Enabled",
        "Filter": {"Prefix": prefix},
        "DeleteMarkerReplication": {"Status": "Disabled"},
        "Destination": {
            "Bucket": destination_bucket_arn,
            "ReplicationTime": {"Status": "Enabled", "Time": {"Minutes": S3_RTC_MINUTES}},
            "Metrics": {"Status": "Enabled", "EventThreshold": {"Minutes": S3_RTC_MINUTES}},
        },
    }


@checked
def time_based_copy_minutes(completion_duration_minutes: int) -> int:
    """Check a ``CompletionDurationMinutes`` for a time-based EBS snapshot copy: a positive multiple of 15.

    >>> time_based_copy_minutes(45)
    45
    """
    minutes = validate.integer("completion_duration_minutes", completion_duration_minutes, minimum=15, maximum=100_000)
    if minutes % EBS_COPY_DURATION_STEP_MINUTES:
        raise ValueError(
            f"completion_duration_minutes={minutes} is not a multiple of {EBS_COPY_DURATION_STEP_MINUTES} "
            "(time-based copies are requested in 15-minute increments)"
        )
    return minutes


def facts_table() -> list[dict]:
    """The documented numbers this chapter uses, one row each, with where they come from.

    >>> len(facts_table()) >= 10
    True
    """
    return [
        {
            "block": "AWS Backup Vault Lock",
            "number": f"{VAULT_LOCK_COOLING_OFF_HOURS} h cooling-off",
            "meaning": "compliance mode: ChangeableForDays >= 3; after the lock date nobody can change or delete it",
            "source": "LockConfigurationType (CloudFormation)",
        },
        {
            "block": "AWS Backup Vault Lock",
            "number": "2 modes",
            "meaning": "governance (removable with IAM permission) or compliance (immutable after the grace time)",
            "source": "re:Post backup-delete-vault-lock",
        },
        {
            "block": "Logically air-gapped vault",
            "number": "compliance mode built in",
            "meaning": "vault type of its own; shareable to other accounts (AWS RAM), multi-party approval for restore",
            "source": "AWS Backup Developer Guide",
        },
        {
            "block": "Aurora Global Database",
            "number": f"up to {AURORA_GLOBAL_MAX_SECONDARY_REGIONS} secondaries",
            "meaning": "one writer Region, read-only secondaries",
            "source": "Aurora User Guide",
        },
        {
            "block": "Aurora Global Database",
            "number": f"lag typically < {AURORA_GLOBAL_TYPICAL_LAG_SECONDS:g} s",
            "meaning": "storage-level replication: the RPO of a failover",
            "source": "Aurora User Guide",
        },
        {
            "block": "DynamoDB global tables",
            "number": "MREC (default) or MRSC",
            "meaning": "eventual (async, last writer wins) or strong consistency; fixed at creation",
            "source": "DynamoDB Developer Guide",
        },
        {
            "block": "DynamoDB global tables",
            "number": f"{DYNAMODB_GLOBAL_TABLE_AVAILABILITY:.3%} designed",
            "meaning": f"against {DYNAMODB_SINGLE_REGION_AVAILABILITY:.2%} for a single-Region table",
            "source": "Prescriptive Guidance, global tables",
        },
        {
            "block": "S3 Replication Time Control",
            "number": f"{S3_RTC_SHARE_WITHIN:.2%} in {S3_RTC_MINUTES} min",
            "meaning": "most objects in seconds; 15 is the only valid Time value",
            "source": "S3 ReplicationTimeValue",
        },
        {
            "block": "EBS snapshot copy",
            "number": f"{EBS_COPY_DURATION_STEP_MINUTES}-min steps",
            "meaning": "time-based copy completes within CompletionDurationMinutes; best effort without it",
            "source": "EC2 CopySnapshot",
        },
        {
            "block": "Route 53 health checks",
            "number": f"interval {' or '.join(map(str, REQUEST_INTERVALS_SECONDS))} s, threshold "
            f"{FAILURE_THRESHOLD_MIN}-{FAILURE_THRESHOLD_MAX} (default {FAILURE_THRESHOLD_DEFAULT})",
            "meaning": "worst-case detection = interval x threshold",
            "source": "Route 53 Developer Guide",
        },
        {
            "block": "ARC zonal shift / autoshift",
            "number": "manual / automatic",
            "meaning": "move a load balancer's traffic out of one AZ; autoshift is started by AWS, with practice runs",
            "source": "ARC Developer Guide",
        },
    ]
