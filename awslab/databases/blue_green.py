"""RDS and Aurora Blue/Green Deployments: the switchover's guardrails and steps, as a checker.

A blue/green deployment keeps a staging copy (green) in sync with production (blue) by replication; you change green
(an engine upgrade, a parameter group, a schema change that replication tolerates), then switch over. The switchover
first runs *guardrails*; if one fails, nothing changes. Otherwise it stops writes, lets green catch up, swaps names
and endpoints, and opens green for traffic, within ``SwitchoverTimeout`` or it rolls back.

References:
    - Amazon RDS User Guide, "Switching a blue/green deployment in Amazon RDS" (timeout 30 to 3,600 s, default 300 s,
      rolled back when exceeded; guardrails on green: replication health, replica lag within what the timeout
      allows, no active writes on green; on blue: external replication, long-running writes, long-running DDL;
      promoting green by hand breaks replication: "Invalid configuration"),
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/blue-green-deployments-switching.html (read 2026-12-03)
    - Amazon RDS API Reference, "SwitchoverBlueGreenDeployment" (SwitchoverTimeout, default 300, minimum 30),
      https://docs.aws.amazon.com/goto/WebAPI/rds-2014-10-31/SwitchoverBlueGreenDeployment (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate

SWITCHOVER_TIMEOUT_RANGE = (30, 3600)
SWITCHOVER_TIMEOUT_DEFAULT = 300
STEPS = (
    "run the guardrails on both environments (nothing changes if one fails)",
    "stop new writes and drop connections on blue and green",
    "wait until the last writes on blue have replicated to green",
    "swap: green takes blue's names and endpoints, blue is renamed with an '-old' suffix",
    "open green for reads and writes: it is production now; blue stays, read-only, until you delete it",
)


@dataclass(frozen=True)
class Guardrail:
    """One readiness check and whether it passed.

    >>> Guardrail("replication health", True, "green replicates from blue").passed
    True
    """

    name: str
    passed: bool
    detail: str


def guardrails(*, replication_healthy: bool = True, replica_lag_seconds: float = 2.0, writes_on_green: bool = False,
               long_running_writes_on_blue: bool = False, long_running_ddl_on_blue: bool = False,
               switchover_timeout: int = SWITCHOVER_TIMEOUT_DEFAULT) -> list[Guardrail]:  # fmt: skip
    """The switchover's checks for a given state. How much lag the timeout "allows" is not published: we take half
    of the timeout (an assumption, leaving the rest for the swap).

    >>> [g.name for g in guardrails(replica_lag_seconds=400) if not g.passed]
    ['replica lag']
    """
    low, high = SWITCHOVER_TIMEOUT_RANGE
    validate.integer("switchover_timeout", switchover_timeout, minimum=low, maximum=high)
    validate.number("replica_lag_seconds", replica_lag_seconds, minimum=0, unit="s")
    allowed = switchover_timeout / 2
    return [
        Guardrail("replication health", bool(replication_healthy), "green's primary replicates from blue's"),
        Guardrail("replica lag", replica_lag_seconds <= allowed,
                  f"{replica_lag_seconds:g} s behind; up to {allowed:g} s assumed allowed by a {switchover_timeout} s timeout"),
        Guardrail("no writes on green", not writes_on_green, "green must not take writes of its own"),
        Guardrail("no long-running writes on blue", not long_running_writes_on_blue, "they grow the lag"),
        Guardrail("no long-running DDL on blue", not long_running_ddl_on_blue, "they grow the lag"),
    ]  # fmt: skip


def switchover(**state) -> dict:
    """Run the guardrails, then list the steps that would run (or why none does).

    >>> switchover(writes_on_green=True)["outcome"]
    'blocked by guardrails: no writes on green; nothing changed'
    >>> switchover()["outcome"]
    'switched over: green is production'
    """
    checks = guardrails(**state)
    failed = [g.name for g in checks if not g.passed]
    if failed:
        return {"outcome": f"blocked by guardrails: {', '.join(failed)}; nothing changed", "steps": STEPS[:1],
                "guardrails": checks}  # fmt: skip
    return {"outcome": "switched over: green is production", "steps": STEPS, "guardrails": checks}
