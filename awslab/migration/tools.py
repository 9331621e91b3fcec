"""The migration tools an architect picks from, as data: what each does, what discovery collects, which DMS
endpoint pairs need schema conversion, and the status of AWS Migration Hub.

>>> dms_pair("oracle", "aurora-postgresql").needs_schema_conversion
True
>>> dms_pair("mysql", "aurora").needs_schema_conversion
False

References:
    - AWS Migration Hub User Guide, banner on every page: "AWS Migration Hub is no longer open to new customers as of
      November 7, 2025. For capabilities similar to AWS Migration Hub, explore AWS Transform.",
      https://docs.aws.amazon.com/migrationhub/latest/launchguide/doc-history.html and
      https://docs.aws.amazon.com/migrationhub/latest/ug/API_Task.html (read 2026-12-03).
    - AWS Transform documentation ("accelerate and simplify the transformation of infrastructure, applications, and
      code with an agentic AI experience"), https://docs.aws.amazon.com/transform/ (read 2026-12-03).
    - AWS SDK for Java 2.x, ApplicationDiscoveryClient (Agentless Collector "doesn't collect information about network
      dependencies, only agent-based discovery collects that information"; the agent records running processes,
      performance, resource utilisation and network dependencies),
      https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/services/applicationdiscovery/ApplicationDiscoveryClient.html
      (read 2026-12-03).
    - AWS Application Migration Service API Reference, "FinalizeCutover" (test and cutover instances; replication
      resources removed after the cutover is finalized; the replication agent uninstalls itself),
      https://docs.aws.amazon.com/mgn/latest/APIReference/API_FinalizeCutover.html (read 2026-12-03).
    - AWS DMS User Guide, "Using a PostgreSQL database as a source in DMS Schema Conversion" (DMS Schema Conversion
      converts code objects between engines),
      https://docs.aws.amazon.com/dms/latest/userguide/sc-data-providers-postgresql.html (read 2026-12-03).
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate

MIGRATION_HUB_CLOSED_TO_NEW_CUSTOMERS = "2025-11-07"
MIGRATION_HUB_SUCCESSOR = "AWS Transform"

# service -> (what it does, which R it serves)
TOOLS = {
    "AWS Application Migration Service (MGN)": (
        "an agent on each source server replicates its disks block by block, continuously, into a staging area in "
        "your account; you launch test instances, then cutover instances, and finalize",
        "rehost (also small replatform changes through post-launch actions)",
    ),
    "AWS Database Migration Service (DMS)": (
        "a replication task copies tables (full load) and then the changes from the source's logs (CDC) while the "
        "source stays in use",
        "replatform (e.g. to RDS or Aurora) and refactor (to another engine)",
    ),
    "DMS Schema Conversion / AWS SCT": (
        "converts the schema and code objects (views, procedures) of a heterogeneous migration and reports what "
        "needs a person; DMS Schema Conversion runs in the console, SCT is the desktop tool",
        "replatform or refactor across engines",
    ),
    "AWS Application Discovery Service": (
        "inventories on-premises servers: the Agentless Collector (VMware vCenter) for configuration and "
        "utilisation, the Discovery Agent for processes and network connections as well",
        "portfolio assessment: which R, which wave",
    ),
    "AWS DataSync / Snow family": (
        "moves files and objects online (DataSync) or on a device (Snowball Edge, existing customers only since "
        "2025-11-07): see the storage and analytics chapters",
        "the data of any R",
    ),
    "AWS Transform": (
        "agentic AI for assessment, wave planning and modernisation (VMware, .NET, mainframe); AWS points Migration "
        "Hub's would-be customers here",
        "planning and refactor",
    ),
}

# What each discovery mode records (True/False), from the Application Discovery Service API overview.
DISCOVERY_COLLECTS = {
    "Agentless Collector": {
        "server configuration": True,
        "utilisation": True,
        "running processes": False,
        "network dependencies": False,
        "needs VMware vCenter": True,
    },
    "Discovery Agent": {
        "server configuration": True,
        "utilisation": True,
        "running processes": True,
        "network dependencies": True,
        "needs VMware vCenter": False,
    },
}

# DMS engine names grouped by the engine family whose schema and SQL they share (our grouping of DMS EngineName values).
ENGINE_FAMILY = {
    "mysql": "mysql",
    "mariadb": "mysql",
    "aurora": "mysql",
    "postgres": "postgresql",
    "aurora-postgresql": "postgresql",
    "oracle": "oracle",
    "sqlserver": "sqlserver",
    "db2": "db2",
    "sybase": "sybase",
    "mongodb": "mongodb",
    "docdb": "mongodb",
}


@dataclass(frozen=True)
class EnginePair:
    """A DMS source and target engine: homogeneous (same family) or heterogeneous (schema conversion first).

    >>> dms_pair("sqlserver", "aurora-postgresql").kind
    'heterogeneous'
    """

    source: str
    target: str
    kind: str
    needs_schema_conversion: bool
    advice: str


def dms_pair(source: str, target: str) -> EnginePair:
    """Classify a DMS source and target engine (DMS ``EngineName`` values).

    >>> dms_pair("postgres", "aurora-postgresql").advice.split(":")[0]
    'homogeneous'
    """
    validate.choice("source", source, ENGINE_FAMILY)
    validate.choice("target", target, ENGINE_FAMILY)
    same = ENGINE_FAMILY[source] == ENGINE_FAMILY[target]
    if same:
        advice = (
            "homogeneous: the schema moves as it is; DMS homogeneous data migrations use the engine's native "
            "tools, and a native dump/replica is an option too"
        )
    else:
        advice = (
            "heterogeneous: convert the schema and code first (DMS Schema Conversion or SCT), fix what they "
            "flag, then DMS full load and CDC"
        )
    return EnginePair(source, target, "homogeneous" if same else "heterogeneous", not same, advice)
