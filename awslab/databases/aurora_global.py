"""Aurora Global Database: the three ways to move the writer to another Region, as RPO and RTO.

The documented numbers live in ``awslab.resilience.blocks`` (replication typically under a second, up to 10
secondary Regions, what switchover, failover and detach-and-promote mean) and the planning minutes AWS does not
publish in ``awslab.resilience.dr`` (a person deciding, a promotion); this module reads both and adds only the
arithmetic of each path.

References:
    - Amazon Aurora User Guide, "Using Amazon Aurora Global Database" (primary and up to 10 secondary Regions,
      replication typically under a second), https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html
      (read 2026-12-03)
    - Amazon RDS API Reference, "SwitchoverGlobalCluster" and "FailoverGlobalCluster" (switchover for planned moves
      without data loss; failover with AllowDataLoss for an outage),
      https://docs.aws.amazon.com/goto/WebAPI/rds/FailoverGlobalCluster (read 2026-12-03)
    - Amazon RDS API Reference, "RemoveFromGlobalCluster" (detaches a secondary, which becomes a standalone cluster
      with its own writer), https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RemoveFromGlobalCluster.html
      (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.resilience import blocks, dr

PATHS = tuple(blocks.AURORA_RECOVERY_OPERATIONS)  # switchover, failover, detach and promote
RECONNECT_MINUTES = 5.0  # assumption: pointing the application at a detached cluster's own endpoints


@dataclass(frozen=True)
class RecoveryPath:
    """One way to move the writer: what it loses (RPO) and how long writes stop (RTO), in seconds.

    >>> recovery_path("switchover").rpo_seconds
    0.0
    """

    path: str
    api: str
    rpo_seconds: float
    rto_seconds: float
    keeps_global_topology: bool
    when: str
    meaning: str


def recovery_path(path: str, *, lag_seconds: float = blocks.AURORA_GLOBAL_TYPICAL_LAG_SECONDS,
                  primary_healthy: bool = True, decide_minutes: float = dr.DECIDE_MINUTES,
                  promote_minutes: float = dr.PROMOTE_MINUTES,
                  reconnect_minutes: float = RECONNECT_MINUTES) -> RecoveryPath:  # fmt: skip
    """RPO and RTO of one path. A switchover needs a healthy primary (it synchronises first); the others do not.

    >>> p = recovery_path("failover", lag_seconds=0.8, primary_healthy=False)
    >>> p.rpo_seconds, p.rto_seconds
    (0.8, 1020.0)
    >>> recovery_path("switchover", primary_healthy=False)
    Traceback (most recent call last):
    ...
    ValueError: path='switchover' needs a healthy primary Region; in an outage use 'failover' or 'detach and promote'
    """
    validate.choice("path", path, PATHS)
    if not isinstance(primary_healthy, bool):
        raise ValueError(f"primary_healthy must be true or false, got {primary_healthy!r}")
    validate.number("lag_seconds", lag_seconds, minimum=0, maximum=86_400, unit="s")
    for name, value in (("decide_minutes", decide_minutes), ("promote_minutes", promote_minutes),
                        ("reconnect_minutes", reconnect_minutes)):  # fmt: skip
        validate.number(name, value, minimum=0, maximum=24 * 60, unit="min")
    promote = promote_minutes * 60
    if path == "switchover":
        if not primary_healthy:
            raise ValueError(
                "path='switchover' needs a healthy primary Region; in an outage use 'failover' or 'detach and promote'"
            )
        return RecoveryPath(path, "SwitchoverGlobalCluster", 0.0, lag_seconds + promote, True, "planned: a drill, "
                            "a Region move, following the sun", blocks.AURORA_RECOVERY_OPERATIONS[path])  # fmt: skip
    decide = 0.0 if primary_healthy else decide_minutes * 60
    if path == "failover":
        return RecoveryPath(path, "FailoverGlobalCluster (AllowDataLoss)", lag_seconds, decide + promote, True,
                            "the primary Region is impaired", blocks.AURORA_RECOVERY_OPERATIONS[path])  # fmt: skip
    return RecoveryPath(path, "RemoveFromGlobalCluster", lag_seconds, decide + promote + reconnect_minutes * 60, False,
                        "failover is not possible, or the copy must leave the global database",
                        blocks.AURORA_RECOVERY_OPERATIONS[path])  # fmt: skip


def recovery_table(*, lag_seconds: float = blocks.AURORA_GLOBAL_TYPICAL_LAG_SECONDS, primary_healthy: bool = False,
                   **minutes) -> list[dict]:  # fmt: skip
    """Every path that applies (a switchover only while the primary is healthy), as rows.

    >>> [row["path"] for row in recovery_table(primary_healthy=False)]
    ['failover', 'detach and promote']
    """
    rows = []
    for path in PATHS:
        if path == "switchover" and not primary_healthy:
            continue
        p = recovery_path(path, lag_seconds=lag_seconds, primary_healthy=primary_healthy, **minutes)
        rows.append({"path": p.path, "api": p.api, "rpo_s": round(p.rpo_seconds, 3), "rto_min": round(p.rto_seconds / 60, 2),
                     "keeps global topology": p.keeps_global_topology, "when": p.when})  # fmt: skip
    return rows


def facts() -> dict[str, str]:
    """The documented numbers this notebook uses, read from ``awslab.resilience.blocks``.

    >>> facts()["secondary Regions"]
    'up to 10'
    """
    return {
        "secondary Regions": f"up to {blocks.AURORA_GLOBAL_MAX_SECONDARY_REGIONS}",
        "typical replication lag": f"under {blocks.AURORA_GLOBAL_TYPICAL_LAG_SECONDS:g} s",
        "planning: decide": f"{dr.DECIDE_MINUTES:g} min (assumption)",
        "planning: promote": f"{dr.PROMOTE_MINUTES:g} min (assumption)",
    }
