"""Your-turn exercises of the databases notebooks; every answer is what the chapter's own models compute.

One block per notebook: ``rds-aurora-*`` (01), ``dynamodb-*`` (02), ``elasticache-*`` (03), ``redshift-*`` (04),
``serverless-proxy-*`` (05) and ``global-tables-*`` (06).

References:
    - Amazon Aurora User Guide, "Replication with Amazon Aurora",
      https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Replication.html (read 2026-12-03)
    - Amazon RDS User Guide, "Restoring a DB instance to a specified time",
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIT.html (read 2026-12-03)
    - Amazon DynamoDB Developer Guide, "DynamoDB read and write operations",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html (read 2026-12-03)
    - Amazon ElastiCache User Guide, "Choosing an engine",
      https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SelectEngine.html (read 2026-12-03)
    - Amazon Redshift Database Developer Guide, "Data redistribution",
      https://docs.aws.amazon.com/redshift/latest/dg/c_data_redistribution.html (read 2026-12-03)
    - Amazon Redshift Database Developer Guide, "Loading data from compressed and uncompressed files",
      https://docs.aws.amazon.com/redshift/latest/dg/t_splitting-data-files.html (read 2026-12-03)
    - Amazon RDS API Reference, "ConnectionPoolConfiguration" and "ServerlessV2ScalingConfiguration" (as cited in
      ``rds_proxy`` and ``aurora_serverless``; the prices there are unverified list prices) (read 2026-12-03)
    - Amazon DynamoDB Developer Guide, "How DynamoDB global tables work" (last writer wins), and API Reference,
      "PointInTimeRecoverySpecification" (RecoveryPeriodInDays 1-35),
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.databases import aurora_serverless, chooser, dynamodb, elasticache, global_tables, rds, rds_proxy, redshift

# --- 01 RDS and Aurora -------------------------------------------------------------------------------------------
_QUORUM = rds.aurora_quorum(failed_copies=3, failed_azs=0)
_QUORUM_CHOICES = ("reads and writes", "reads only", "neither")


def _quorum_label(state: dict) -> str:
    if state["can_write"]:
        return _QUORUM_CHOICES[0]
    return _QUORUM_CHOICES[1] if state["can_read"] else _QUORUM_CHOICES[2]


aurora_scattered_failures = exercises.choice(
    "rds-aurora-1",
    "Aurora after three scattered failures",
    task=(
        "An Aurora cluster volume keeps six copies, two in each of three AZs. Three storage nodes fail, one in each "
        "AZ; no AZ is down. What can the volume still serve?"
    ),
    choices=_QUORUM_CHOICES,
    answer=_quorum_label(_QUORUM),
    hint=(
        f"Extend the quorum table above with 0 AZs and 3 extra copies lost: writes need {rds.AURORA_WRITE_QUORUM} of 6 "
        f"copies, reads {rds.AURORA_READ_QUORUM}."
    ),
    solution=(
        f"{_quorum_label(_QUORUM)}: {_QUORUM['copies_alive']} copies are alive, enough for the read quorum of "
        f"{rds.AURORA_READ_QUORUM} but not the write quorum of {rds.AURORA_WRITE_QUORUM} "
        "(`rds.aurora_quorum(failed_copies=3)`). Losing a whole AZ alone leaves 4, so writes go on."
    ),
)

_CORRUPTION = rds.recovery_objectives(
    "data_corruption", multi_az=True, read_replicas=2, corruption_detected_after_hours=2.0
)

corruption_rpo = exercises.number(
    "rds-aurora-2",
    "RPO of a bad write",
    task=(
        "A Multi-AZ RDS instance with two read replicas and 7-day backups. A bad deploy corrupts a table and nobody "
        "notices for **2 hours**. In hours, how much data do you lose (the RPO) if you cannot replay the good writes?"
    ),
    answer=_CORRUPTION.rpo_seconds / 3600,
    hint="Multi-AZ and replicas copy the bad write too. Which mechanism does the recovery matrix pick for corruption?",
    solution=(
        f"{_CORRUPTION.rpo_seconds / 3600:g} h: the fix is {_CORRUPTION.mechanism}, and every write made between the "
        "bad one and its discovery is thrown away with it "
        "(`rds.recovery_objectives('data_corruption', corruption_detected_after_hours=2)`). 0 is the answer for an "
        "AZ outage with Multi-AZ, not for corruption."
    ),
    unit="h",
)

# --- 02 DynamoDB -------------------------------------------------------------------------------------------------
_ITEM = 10 * dynamodb.KIB
_RCU = dynamodb.read_capacity_units(_ITEM, "eventual")
_PARTITIONS_RCU, _PARTITIONS_WCU = 6000, 1000

eventual_read_units = exercises.number(
    "dynamodb-1",
    "Read units for a 10 KB item",
    task="How many read capacity units does one eventually consistent `GetItem` of a **10 KB** item consume?",
    answer=_RCU,
    hint="Use the capacity-unit explorer: round the size up to the next 4 KB first, then halve for eventual.",
    solution=(
        f"10 KB rounds up to 12 KB = 3 units of 4 KB; eventually consistent reads cost half: {_RCU:g} RCU "
        f"(`dynamodb.read_capacity_units(10 * 1024, 'eventual')`). 1.25 forgets to round up."
    ),
    unit="RCU",
    tolerance=0.0,
)

initial_partitions = exercises.number(
    "dynamodb-2",
    "Partitions for a provisioned table",
    task=(
        f"By the historical (2017) rule the notebook uses, how many partitions does a new table provisioned with "
        f"**{_PARTITIONS_RCU:,} RCU** and **{_PARTITIONS_WCU:,} WCU** start with?"
    ),
    answer=dynamodb.initial_partitions(_PARTITIONS_RCU, _PARTITIONS_WCU),
    hint=(
        f"A partition serves at most {dynamodb.PARTITION_MAX_RCU:,} RCU and {dynamodb.PARTITION_MAX_WCU:,} WCU; "
        "reads and writes add up."
    ),
    solution=(
        f"ceil({_PARTITIONS_RCU:,} / 3,000 + {_PARTITIONS_WCU:,} / 1,000) = "
        f"{dynamodb.initial_partitions(_PARTITIONS_RCU, _PARTITIONS_WCU)} "
        f"(`dynamodb.initial_partitions({_PARTITIONS_RCU}, {_PARTITIONS_WCU})`), so each partition, and any one hot key, gets a third of the table's throughput."
    ),
    unit="partitions",
    tolerance=0.0,
)

# --- 03 ElastiCache ----------------------------------------------------------------------------------------------
_NODES = 5
_MODULO = elasticache.remapped_key_fraction(_NODES, "modulo")
_CONSISTENT = elasticache.remapped_key_fraction(_NODES, "consistent")

modulo_remap = exercises.number(
    "elasticache-1",
    "Keys that move when a node leaves",
    task=(
        f"A {_NODES}-node Memcached cluster whose client picks a node with `hash(key) mod N` loses one node. In "
        "percent, about what share of keys now map to a different node (and miss)?"
    ),
    answer=100 * _MODULO,
    hint="The node-failure table compares the two hashings for a few cluster sizes; work out mod 5 against mod 4.",
    solution=(
        f"about {100 * _MODULO:.0f} %: going from mod 5 to mod 4 keeps a key only when both give the same node, about "
        f"a fifth of keys (`elasticache.remapped_key_fraction({_NODES}, 'modulo')`). A consistent-hashing ring moves "
        f"only the lost node's share, about {100 * _CONSISTENT:.0f} %."
    ),
    unit="%",
    tolerance=0.03,
)

_FEATURES = {name: (memcached, redis) for name, memcached, redis in elasticache.ENGINE_FEATURES}
_SORTED = "Rich data types (lists, sets, sorted sets, hashes, streams)"
_ENGINE_CHOICES = ("Valkey / Redis OSS", "Memcached")

leaderboard_engine = exercises.choice(
    "elasticache-2",
    "An engine for a leaderboard",
    task="A game keeps a live leaderboard of scores that must survive a node failure. Which ElastiCache engine fits?",
    choices=_ENGINE_CHOICES,
    answer=_ENGINE_CHOICES[0] if _FEATURES[_SORTED][1] and not _FEATURES[_SORTED][0] else _ENGINE_CHOICES[1],
    hint="Look at the engine comparison table: which engine has sorted sets and replicas?",
    solution=(
        "Valkey / Redis OSS: a sorted set keeps the ranking for you, and a replication group with Multi-AZ promotes a "
        "replica when the primary fails. Memcached has plain key/value strings and no replication."
    ),
)

# --- 04 Redshift -------------------------------------------------------------------------------------------------
_KEYS = redshift.sample_keys(2000, 200)
_JOIN = redshift.join_redistribution(_KEYS, _KEYS, outer_style="KEY", inner_style="EVEN")

key_even_join = exercises.choice(
    "redshift-1",
    "Redistribution of a KEY-EVEN join",
    task=(
        "The outer table is distributed `KEY` on the join column; the inner table is `EVEN`. Which label does the "
        "query plan show for the join?"
    ),
    choices=redshift.JOIN_LABELS,
    answer=_JOIN["label"],
    hint="Only the table whose rows are not already on the right slice has to move. Which one is it here?",
    solution=(
        f"{_JOIN['label']}: the outer table's rows already sit on the slice of their key, so Redshift moves the inner "
        "table's rows to match (`redshift.join_redistribution(..., outer_style='KEY', inner_style='EVEN')`)."
    ),
)

_GIB, _FILES, _NODES_RS, _SLICES = 10, 9, 2, 4
_COPY = redshift.copy_load(_GIB, _FILES, nodes=_NODES_RS, slices_per_node=_SLICES)
_COPY_EVEN = redshift.copy_load(_GIB, _NODES_RS * _SLICES, nodes=_NODES_RS, slices_per_node=_SLICES)

copy_nine_files = exercises.number(
    "redshift-2",
    "COPY with one file too many",
    task=(
        f"A cluster of {_NODES_RS} nodes with {_SLICES} slices each loads {_GIB} GiB split into **{_FILES}** equal "
        "files. With the notebook's COPY model, how many seconds does the load take?"
    ),
    answer=_COPY["seconds"],
    hint="Each slice loads one file at a time, so files go in waves of one per slice. How many waves, of what size?",
    solution=(
        f"{_FILES} files on {_NODES_RS * _SLICES} slices take {_COPY['waves']:g} waves, the second with one file on "
        f"one slice: {_COPY['seconds']:.1f} s, against {_COPY_EVEN['seconds']:.1f} s for {_NODES_RS * _SLICES} files "
        f"(`redshift.copy_load({_GIB}, {_FILES}, nodes={_NODES_RS}, slices_per_node={_SLICES})`). Split into a "
        "multiple of the slice count."
    ),
    unit="s",
)

# --- 05 Aurora Serverless v2, RDS Proxy, Blue/Green, Global Database ----------------------------------------------
_XL_USD = aurora_serverless.PROVISIONED_INSTANCES["db.r6g.xlarge"][1]
_BREAK_EVEN = _XL_USD / aurora_serverless.ACU_USD_PER_HOUR

serverless_break_even = exercises.number(
    "serverless-proxy-1",
    "When does provisioned win?",
    task=(
        f"With the notebook's (unverified, illustrative) rates, an ACU-hour costs USD "
        f"{aurora_serverless.ACU_USD_PER_HOUR:.2f} and a db.r6g.xlarge (32 GiB) costs USD {_XL_USD:.2f} an hour. "
        "Above what **mean** Serverless v2 capacity, in ACUs, is the provisioned instance cheaper?"
    ),
    answer=_BREAK_EVEN,
    hint="Both bills are rate × hours; find the mean ACU at which they are equal. The peak does not matter here.",
    solution=(
        f"{_BREAK_EVEN:.2f} ACU: USD {_XL_USD:.2f} / USD {aurora_serverless.ACU_USD_PER_HOUR:.2f} per ACU-hour "
        "(`compare_to_provisioned(run).break_even_average_acu`). 16 ACU (the instance's memory at 2 GiB per ACU) is "
        "the classic slip: Serverless v2 pays more per GiB and wins only when the mean is far below the peak."
    ),
    unit="ACU",
)

_BURST = rds_proxy.Burst(burst_per_second=500, transaction_ms=40)
_PROXY = rds_proxy.simulate(_BURST, max_connections=1000, seed=0)
_PROXY_NEED = _BURST.burst_per_second * _BURST.transaction_ms / 1000

proxy_multiplexing = exercises.number(
    "serverless-proxy-2",
    "Connections a multiplexing proxy needs",
    task=(
        f"A Lambda burst of {_BURST.burst_per_second:g} invocations a second; each runs "
        f"{_BURST.invocation_ms:g} ms, of which {_BURST.transaction_ms:g} ms in a database transaction, and nothing "
        "pins. About how many database connections does RDS Proxy hold busy at the burst's height?"
    ),
    answer=_PROXY_NEED,
    hint="A connection is borrowed only for a transaction. Rate × time in a transaction (Little's law).",
    solution=(
        f"{_PROXY_NEED:g}: {_BURST.burst_per_second:g}/s × {_BURST.transaction_ms / 1000:g} s. Directly, each warm "
        f"environment holds one: {_BURST.peak_concurrency:g} (rate × {_BURST.invocation_ms / 1000:g} s). The "
        f"simulation's peak is {_PROXY.peak_proxy_connections} with Poisson arrivals "
        "(`rds_proxy.simulate(Burst(), max_connections=1000)`)."
    ),
    tolerance=0.15,
)

# --- 06 global tables, TTL, PITR, DAX and the chooser ----------------------------------------------------------------
_TWO_WRITES = {"us-east-1": [0.0], "eu-west-1": [300.0]}
_COUNTER = global_tables.simulate_counter(_TWO_WRITES, lag_ms=800)

global_counter = exercises.number(
    "global-tables-1",
    "Two increments, one counter",
    task=(
        "A counter item in a global table (default mode) is 0. An app in us-east-1 reads it and writes 1 at t = 0 ms; "
        "an app in eu-west-1 reads its replica and writes its value + 1 at t = 300 ms. Replication takes 800 ms. "
        "What does the counter read everywhere once replication settles?"
    ),
    answer=_COUNTER.final["us-east-1"],
    hint="What had eu-west-1's replica received by 300 ms? Then: which write has the later timestamp?",
    solution=(
        f"{_COUNTER.final['us-east-1']}: eu-west-1 still read 0, wrote 1 at 300 ms; that write is the newer one and "
        "wins everywhere. Two increments, one lost (`global_tables.simulate_counter(..., lag_ms=800)`). Route a "
        "counter's writes to one Region, or use MRSC."
    ),
)

_PITR = global_tables.pitr_window(7, table_age_days=3)

pitr_young_table = exercises.number(
    "global-tables-2",
    "How far back can you restore?",
    task=(
        "Point-in-time recovery was turned on with `RecoveryPeriodInDays` 7 when the table was created, **3 days** "
        "ago. How many days back can you restore it today?"
    ),
    answer=_PITR["earliest_days_ago"],
    hint="The recovery period is a ceiling; continuous backups only exist since they were turned on.",
    solution=(
        f"{_PITR['earliest_days_ago']:g} days: the window is the smaller of the period and the time PITR has been on "
        f"(`global_tables.pitr_window(7, table_age_days=3)`); the latest point is about "
        f"{_PITR['latest_minutes_ago']} minutes ago."
    ),
    unit="days",
)

_MONGO = chooser.rank({"data_model": "document", "compatibility": "MongoDB"})[0].service

chooser_mongodb = exercises.choice(
    "global-tables-3",
    "A home for a MongoDB application",
    task=(
        "An application stores JSON documents through MongoDB drivers and the team wants a managed service without "
        "rewriting its queries. Which service does the chooser rank first?"
    ),
    choices=("DynamoDB", "DocumentDB", "Keyspaces", "Aurora"),
    answer=_MONGO,
    hint="Set the access pattern to a MongoDB app in the chooser: which row is MongoDB-compatible?",
    solution=(
        f"{_MONGO}: a MongoDB-compatible document database, so drivers and queries carry over. DynamoDB also stores "
        "documents but has its own API: a rewrite."
    ),
)
