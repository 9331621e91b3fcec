"""Your-turn exercises of the analytics notebooks; every answer is computed by the chapter's own models.

``kinesis-*`` belong to 08_analytics/01_kinesis, ``emr-pipeline-snowball-*`` to 02_emr_pipeline_snowball.

>>> stream_shards.check(6).right, stream_shards.check(5).right
(True, False)

References:
    - Amazon Kinesis Data Streams Developer Guide, "Quotas and limits",
      https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html (read 2026-12-03)
    - Amazon Kinesis Data Streams Developer Guide, "Develop enhanced fan-out consumers with dedicated throughput",
      https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html (read 2026-12-03)
    - Amazon EMR Release Guide, "Configure HDFS",
      https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hdfs-config.html (read 2026-12-03)
    - Amazon EMR pricing, https://aws.amazon.com/emr/pricing/ (read 2026-12-03)
"""

from __future__ import annotations

import math

from awslab import exercises
from awslab.analytics import emr, kinesis, snowball

# --- 01 Kinesis ------------------------------------------------------------------------------------------------------
_NEEDS = kinesis.shard_requirements(4500, 0.8, consumers=3)
_SHARDS = kinesis.shards_needed(4500, 0.8, consumers=3)
_SHARDS_EFO = kinesis.shards_needed(4500, 0.8, consumers=3, enhanced_fan_out=True)
_WRITE_ONLY = max(v for k, v in _NEEDS.items() if k.startswith("write"))

stream_shards = exercises.number(
    "kinesis-1",
    "Shards for a clickstream with three readers",
    task=(
        "Producers put **4,500** records a second of **0.8 KiB** each; **three** standard consumers (no enhanced "
        "fan-out) each read the whole stream. How many shards does the stream need?"
    ),
    answer=_SHARDS,
    unit="shards",
    tolerance=0.0,
    hint=(
        "Check all three per-shard quotas: 1 MiB/s and 1,000 records/s in, and 2 MiB/s out *shared* by the "
        "standard consumers. The shard explorer shows each need as a bar."
    ),
    solution=(
        f"Write: 4,500 x 0.8 = 3,600 KiB/s = {_NEEDS['write bandwidth (1 MiB/s)']:.2f} shards; records: "
        f"{_NEEDS['write records (1,000/s)']:g} shards; read: 3 x 3,600 KiB/s / 2,048 = "
        f"{_NEEDS['read bandwidth (2 MiB/s shared)']:.2f} shards. The largest, rounded up, is {_SHARDS}. "
        f"Looking at the writes alone gives {math.ceil(_WRITE_ONLY)}."
    ),
)

enhanced_fan_out_shards = exercises.number(
    "kinesis-2",
    "The same stream with enhanced fan-out",
    task=(
        "The three consumers of the previous exercise register for **enhanced fan-out**. How many shards does the "
        "stream need now?"
    ),
    answer=_SHARDS_EFO,
    unit="shards",
    tolerance=0.0,
    hint="With enhanced fan-out each registered consumer gets its own 2 MiB/s per shard. Which need is left?",
    solution=(
        f"Reads no longer share a pipe, so only the write quotas count: the 1,000 records/s limit needs "
        f"{_NEEDS['write records (1,000/s)']:g} shards, rounded up to {_SHARDS_EFO}."
    ),
)

# --- 02 EMR, Data Pipeline, Snowball ---------------------------------------------------------------------------------
_PERSISTENT, _TRANSIENT = emr.compare_clusters(6, 40, 1.5, 200)
_, _NO_STARTUP = emr.compare_clusters(6, 40, 1.5, 200, startup_minutes=0)

transient_month = exercises.number(
    "emr-pipeline-snowball-1",
    "A month of transient EMR clusters",
    task=(
        "A batch ETL runs **40** times a month for **1.5 hours** on a **6-node** m5.xlarge cluster started "
        "for each job (8 minutes of start-up), with **200 GB** kept in S3. What does the month cost in USD with the "
        "notebook's prices?"
    ),
    answer=round(_TRANSIENT.total_usd, 2),
    unit="USD",
    hint=(
        "Per job every node is billed for the run *and* the start-up, at the EC2 price plus the EMR price; add one "
        "month of S3 for the data (`emr.compare_clusters`)."
    ),
    solution=(
        f"40 jobs x (1.5 h + 8 min) x 6 nodes = {_TRANSIENT.node_hours:g} node-hours x USD "
        f"{emr.M5_XLARGE_EC2_USD_PER_HOUR + emr.M5_XLARGE_EMR_USD_PER_HOUR:g} = USD {_TRANSIENT.compute_usd:.2f}, "
        f"plus 200 GB x USD {emr.S3_STANDARD_USD_PER_GB_MONTH:g} = USD {_TRANSIENT.storage_usd:.2f}: "
        f"USD {_TRANSIENT.total_usd:.2f}. Forgetting the start-up gives USD {_NO_STARTUP.total_usd:.2f}; a "
        f"persistent cluster would cost USD {_PERSISTENT.total_usd:,.2f}."
    ),
)

_WIRE_DAYS = snowball.network_days(60, 200)
_DEVICES, _DEVICE_DAYS = snowball.device_days(60)

wire_days = exercises.number(
    "emr-pipeline-snowball-2",
    "60 TB over a 200 Mbit/s link",
    task=(
        "How many days does it take to send **60 TB** (decimal) to S3 over a **200 Mbit/s** link that you can use "
        "at **80 %**?"
    ),
    answer=round(_WIRE_DAYS, 2),
    unit="days",
    hint="Terabytes to bits (x 8 x 10^12), divided by the usable bits a second, divided by 86,400 seconds a day.",
    solution=(
        f"60 x 8 x 10^12 bits / (200 x 10^6 x 0.8 bit/s) = {_WIRE_DAYS * 86_400:,.0f} s = {_WIRE_DAYS:.1f} days. "
        f"One shipped device would take about {_DEVICE_DAYS:.1f} days, if your account can still order one."
    ),
)

_CORE = 8

hdfs_copies = exercises.choice(
    "emr-pipeline-snowball-3",
    "HDFS replication on 8 core nodes",
    task=f"A cluster has **{_CORE} core nodes** and the default `dfs.replication`. How many copies of each block?",
    choices=("1", "2", "3"),
    answer=str(emr.hdfs_replication_factor(_CORE)),
    hint="EMR picks the default from the core node count; the table under the EMR section lists the thresholds.",
    solution=(
        f"{emr.hdfs_replication_factor(_CORE)}: EMR uses 1 copy below 4 core nodes, 2 below 10 and 3 from 10 up, "
        "so HDFS on this cluster holds the data twice on its EBS volumes."
    ),
)
