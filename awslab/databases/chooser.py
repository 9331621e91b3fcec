"""Which database for this access pattern: requirements in, AWS's purpose-built databases ranked out, with reasons.

Each service is described by what an architect checks first: its data model, the APIs it is compatible with, the
workload it is built for (transactions or analytics), how fast a read answers, whether more than one Region can take
writes, whether there is a serverless option, and whether it is a durable primary store. The scoring weights are our
teaching choice; the attributes come from each service's own "what is" page (References). Where AWS offers several
ways (RDS's engines, Timestream's two engines), the row says so.

References:
    - Amazon Aurora DSQL User Guide, "What is Amazon Aurora DSQL?" (serverless, distributed, PostgreSQL-compatible,
      transactional; active-active, 99.99% single-Region and 99.999% multi-Region availability),
      https://docs.aws.amazon.com/aurora-dsql/latest/userguide/what-is-aurora-dsql.html (read 2026-12-03)
    - Amazon DynamoDB Developer Guide, "Global tables" (multi-active; MREC and MRSC) and "DAX" (microsecond reads),
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html (read 2026-12-03)
    - Amazon Aurora User Guide, "Using Amazon Aurora Global Database" (one writer Region, up to 10 read-only
      secondaries), https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html (read 2026-12-03)
    - Amazon DocumentDB Developer Guide, "What is Amazon DocumentDB" (MongoDB-compatible document database),
      https://docs.aws.amazon.com/documentdb/latest/developerguide/what-is.html (read 2026-12-03); API Reference,
      "ServerlessV2FeaturesSupport" (DocumentDB Serverless, capacity in DCUs),
      https://docs.aws.amazon.com/documentdb/latest/developerguide/API_ServerlessV2FeaturesSupport.html (read 2026-12-03)
    - Amazon Neptune User Guide, "What is Amazon Neptune?" (graph; Gremlin, openCypher, SPARQL; Neptune Serverless),
      https://docs.aws.amazon.com/neptune/latest/userguide/intro.html (read 2026-12-03)
    - Amazon Keyspaces Developer Guide, "What is Amazon Keyspaces" (serverless, Apache Cassandra-compatible, CQL;
      multi-Region replication), https://docs.aws.amazon.com/keyspaces/latest/devguide/what-is-keyspaces.html (read 2026-12-03)
    - Amazon MemoryDB Developer Guide, "What is MemoryDB" (durable in-memory database, Valkey and Redis OSS
      compatible, Multi-AZ transaction log), https://docs.aws.amazon.com/memorydb/latest/devguide/what-is-memorydb.html (read 2026-12-03)
    - Amazon Timestream Developer Guide (Timestream for LiveAnalytics: serverless time series; the guide now points
      new work to Timestream for InfluxDB), https://docs.aws.amazon.com/timestream/latest/developerguide/general.html (read 2026-12-03)
    - Amazon ElastiCache User Guide, "What is Amazon ElastiCache" (in-memory cache: Valkey, Redis OSS, Memcached;
      serverless option), https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.html (read 2026-12-03)
    - Amazon Redshift Management Guide (columnar warehouse, provisioned and Serverless),
      https://docs.aws.amazon.com/redshift/latest/mgmt/welcome.html (read 2026-12-03)
"""

from __future__ import annotations

import inspect
import reprlib
from dataclasses import dataclass

from awslab import validate

DATA_MODELS = ("relational", "key-value", "document", "graph", "wide-column", "time-series", "in-memory", "warehouse")
WORKLOADS = ("transactions", "analytics")
LATENCIES = ("microseconds", "milliseconds", "seconds")
COMPATIBILITY = ("none", "MySQL", "PostgreSQL", "Oracle", "SQL Server", "MongoDB", "Cassandra", "Redis/Valkey",
                 "Memcached", "Gremlin/openCypher/SPARQL", "InfluxDB")  # fmt: skip

# name: (data models, compatible with, workload, fastest read, multi-Region writes, serverless, durable primary store,
#        multi-Region note)
SERVICES = {
    "Aurora": (("relational",), ("MySQL", "PostgreSQL"), "transactions", "milliseconds", False, True, True,
               "Global Database: one writer Region, up to 10 read-only secondaries"),
    "RDS": (("relational",), ("MySQL", "PostgreSQL", "Oracle", "SQL Server"), "transactions", "milliseconds", False,
            False, True, "cross-Region read replicas; one writer"),
    "Aurora DSQL": (("relational",), ("PostgreSQL",), "transactions", "milliseconds", True, True, True,
                    "active-active Regions with strong consistency"),
    "DynamoDB": (("key-value", "document"), (), "transactions", "milliseconds", True, True, True,
                 "global tables: every replica takes writes (MREC or MRSC); DAX for microsecond reads"),
    "DocumentDB": (("document",), ("MongoDB",), "transactions", "milliseconds", False, True, True,
                   "global clusters: one writer Region"),
    "Neptune": (("graph",), ("Gremlin/openCypher/SPARQL",), "transactions", "milliseconds", False, True, True,
                "Neptune Global Database: one writer Region"),
    "Keyspaces": (("wide-column",), ("Cassandra",), "transactions", "milliseconds", True, True, True,
                  "multi-Region replication: every Region takes writes"),
    "MemoryDB": (("in-memory", "key-value"), ("Redis/Valkey",), "transactions", "microseconds", True, False, True,
                 "multi-Region clusters (active-active)"),
    "ElastiCache": (("in-memory", "key-value"), ("Redis/Valkey", "Memcached"), "transactions", "microseconds", False,
                    True, False, "Global Datastore: one primary Region; a cache, not the system of record"),
    "Timestream": (("time-series",), ("InfluxDB",), "analytics", "milliseconds", False, True, True,
                   "Regional; LiveAnalytics (serverless) or Timestream for InfluxDB"),
    "Redshift": (("warehouse",), (), "analytics", "seconds", False, True, True,
                 "Regional; data sharing and cross-Region snapshots"),
}  # fmt: skip

PRESETS = {
    "shopping carts, any Region writes": {"data_model": "key-value", "multi_region_writes": True, "serverless": True},
    "fraud rings: friends of friends": {"data_model": "graph"},
    "move a Cassandra app, no servers": {"data_model": "wide-column", "compatibility": "Cassandra", "serverless": True},
    "managed home for a MongoDB app": {"data_model": "document", "compatibility": "MongoDB"},
    "sensor readings over time": {"data_model": "time-series", "workload": "analytics"},
    "durable leaderboard in microseconds": {"data_model": "in-memory", "latency": "microseconds", "durable": True},
    "session cache in front of RDS": {"data_model": "in-memory", "latency": "microseconds", "durable": False},
    "Oracle ERP, lift and shift": {"data_model": "relational", "compatibility": "Oracle"},
    "MySQL app outgrowing one instance's reads": {"data_model": "relational", "compatibility": "MySQL",
                                                   "serverless": True},
    "SQL ledger, active-active Regions": {"data_model": "relational", "multi_region_writes": True,
                                          "serverless": True},
    "BI dashboards over 50 TB": {"data_model": "warehouse", "workload": "analytics", "latency": "seconds"},
}  # fmt: skip


@dataclass(frozen=True)
class Choice:
    """One service's fit: its score and the reasons, for and against.

    >>> rank({"data_model": "graph"})[0].service
    'Neptune'
    """

    service: str
    score: int
    reasons: tuple[str, ...]
    multi_region: str


def requirements(data_model: str = "relational", *, workload: str = "transactions", compatibility: str = "none",
                 latency: str = "milliseconds", multi_region_writes: bool = False, serverless: bool = False,
                 durable: bool = True) -> dict:  # fmt: skip
    """A checked requirements dict (the chooser's input).

    >>> requirements("document", compatibility="MongoDB")["compatibility"]
    'MongoDB'
    """
    return {
        "data_model": validate.choice("data_model", data_model, DATA_MODELS),
        "workload": validate.choice("workload", workload, WORKLOADS),
        "compatibility": validate.choice("compatibility", compatibility, COMPATIBILITY),
        "latency": validate.choice("latency", latency, LATENCIES),
        "multi_region_writes": bool(multi_region_writes),
        "serverless": bool(serverless),
        "durable": bool(durable),
    }


def _score(name: str, need: dict) -> Choice:
    models, compatible, workload, latency, multi, serverless, durable, note = SERVICES[name]
    score, why = 0, []
    if need["data_model"] in models:
        score += 4 if need["data_model"] == models[0] else 2
        why.append(f"+ {need['data_model']} data model")
    else:
        score -= 4
        why.append(f"- built for {' / '.join(models)}, not {need['data_model']}")
    if need["compatibility"] != "none":
        if need["compatibility"] in compatible:
            score += 3
            why.append(f"+ {need['compatibility']}-compatible")
        else:
            score -= 3
            why.append(f"- not {need['compatibility']}-compatible")
    if workload == need["workload"]:
        score += 1
    else:
        score -= 2
        why.append(f"- built for {workload}, not {need['workload']}")
    speed = LATENCIES.index(latency) - LATENCIES.index(need["latency"])  # > 0: slower than needed
    if speed > 0:
        score -= 2 * speed
        why.append(f"- reads in {latency}, {need['latency']} needed")
    elif need["latency"] == "microseconds":
        score += 2
        why.append("+ microsecond reads from memory")
    if need["multi_region_writes"]:
        score += 2 if multi else -2
        why.append(("+ " if multi else "- ") + note)
    if need["serverless"]:
        score += 1 if serverless else -1
        why.append("+ serverless option" if serverless else "- no serverless option: you size instances")
    if need["durable"] and not durable:
        score -= 4
        why.append("- a cache: data can be lost, keep the system of record elsewhere")
    elif not need["durable"] and durable and "in-memory" in models:
        score -= 1
        why.append("- pays for durability a cache does not need")
    return Choice(name, score, tuple(why), note)


def rank(need: dict) -> list[Choice]:
    """Every service, best first (ties in alphabetical order), for a requirements dict (missing keys: defaults).

    >>> [c.service for c in rank(PRESETS["session cache in front of RDS"])][:2]
    ['ElastiCache', 'MemoryDB']
    """
    if not isinstance(need, dict):
        raise ValueError(f"need must be a requirements dict (see requirements()), got {reprlib.repr(need)}")
    allowed = [name for name in inspect.signature(requirements).parameters]
    unknown = [key for key in need if key not in allowed]
    if unknown:
        raise ValueError(f"need has the unknown key(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(allowed)}")
    checked = requirements(**need)
    return sorted((_score(name, checked) for name in SERVICES), key=lambda c: (-c.score, c.service))


EXPECTED = {  # the answer each preset should give: checked by the tests
    "shopping carts, any Region writes": "DynamoDB",
    "fraud rings: friends of friends": "Neptune",
    "move a Cassandra app, no servers": "Keyspaces",
    "managed home for a MongoDB app": "DocumentDB",
    "sensor readings over time": "Timestream",
    "durable leaderboard in microseconds": "MemoryDB",
    "session cache in front of RDS": "ElastiCache",
    "Oracle ERP, lift and shift": "RDS",
    "MySQL app outgrowing one instance's reads": "Aurora",
    "SQL ledger, active-active Regions": "Aurora DSQL",
    "BI dashboards over 50 TB": "Redshift",
}
