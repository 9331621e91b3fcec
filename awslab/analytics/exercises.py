"""Your-turn exercises of the analytics notebooks; every answer is computed by the chapter's own models.

``kinesis-*`` belong to 08_analytics/01_kinesis, ``emr-pipeline-snowball-*`` to 02_emr_pipeline_snowball,
``athena-lake-*`` to 03_athena_and_the_data_lake and ``glue-lake-streaming-*`` to
04_glue_lake_formation_and_streaming.

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
    - Athena, Glue, Lake Formation and streaming: the sources in ``awslab.analytics.athena``, ``glue``,
      ``lakeformation`` and ``streaming_choice``, whose functions compute every answer below.
"""

from __future__ import annotations

import math

from awslab import exercises
from awslab.analytics import athena, emr, glue, kinesis, lakeformation, snowball, streaming_choice

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


# --- 03 Athena and the data lake -------------------------------------------------------------------------------------
_SIX = athena.Dataset("six_columns", tuple(athena.Column(f"c{i}", 100, 4.0) for i in range(1, 7)), 10**9, 1)
_PARQUET = athena.bytes_scanned(
    _SIX, athena.Layout("Parquet 4:1", "columnar"), athena.Query(("c1", "c2"), 1), footer_bytes_per_file=0
)
_ALL_COLUMNS = athena.bytes_scanned(
    _SIX, athena.Layout("Parquet 4:1", "columnar"), athena.Query(("*",), 1), footer_bytes_per_file=0
)

parquet_query = exercises.number(
    "athena-lake-1",
    "Two columns of a converted table",
    task=(
        "A **600 GB** CSV table has **six** equally sized columns. You convert it to Parquet and it shrinks **4:1**. "
        "A query reads **two** of the columns (no partitions). What does one run cost, in USD, at USD 5 per TB?"
    ),
    answer=round(_PARQUET.cost.usd, 4),
    unit="USD",
    hint="Compression divides the file; a columnar format then reads only the columns the query names.",
    solution=(
        f"600 GB / 4 = 150 GB of Parquet; two of six columns = 50 GB scanned = 0.05 TB x USD 5 = "
        f"**USD {_PARQUET.cost.usd:.2f}**. Reading every column would cost USD {_ALL_COLUMNS.cost.usd:.2f}, and the "
        "CSV USD 3.00."
    ),
)

_TINY = athena.query_cost(300_000)
dashboard_month = exercises.number(
    "athena-lake-2",
    "A dashboard of tiny queries",
    task=(
        "A dashboard runs **2,000** Athena queries a day, each scanning **300 KB**. What do they cost in a "
        "30-day month, in USD?"
    ),
    answer=round(_TINY.usd * 2000 * 30, 2),
    unit="USD",
    hint="Each query is billed in whole megabytes, and never less than 10 MB.",
    solution=(
        f"Each query is billed the {athena.MINIMUM_MB_PER_QUERY} MB minimum = USD {_TINY.usd:.5f}; x 60,000 "
        f"queries = **USD {_TINY.usd * 60_000:.2f}**. Pricing the bytes alone (18 GB) would give USD 0.09."
    ),
)

# --- 04 Glue, Lake Formation and streaming ---------------------------------------------------------------------------
_SHORT = glue.run_cost("spark", glue.dpus_for("G.2X", 10), 45)
short_job = exercises.number(
    "glue-lake-streaming-1",
    "A 45-second Glue job",
    task=(
        "A Glue 4.0 Spark job runs on **10 G.2X workers** and finishes in **45 seconds**. What is it billed, in USD, "
        "at USD 0.44 per DPU-hour?"
    ),
    answer=round(_SHORT.usd, 4),
    unit="USD",
    hint="A G.2X worker is 2 DPUs. Glue 2.0 and later bill per second with a 1-minute minimum per run.",
    solution=(
        f"20 DPUs x 60 s (the minimum, not 45 s) = {_SHORT.dpu_hours:.4f} DPU-hours x USD 0.44 = "
        f"**USD {_SHORT.usd:.4f}**. On Glue 1.0 the 10-minute minimum would make it USD "
        f"{glue.run_cost('spark_legacy', 20, 45).usd:.2f}."
    ),
)

_EMAIL = [
    name
    for name, arn in lakeformation.PRINCIPALS.items()
    if lakeformation.evaluate(arn, "customers", ["email"], lakeformation.SAMPLE_GRANTS, lakeformation.SALES).allowed
]
email_readers = exercises.choice(
    "glue-lake-streaming-2",
    "Who may read customers.email?",
    task=(
        "With the notebook's sample grants, how many of the four roles (analyst, finance, data-engineer, auditor) "
        "may SELECT the **email** column of **sales.customers**?"
    ),
    choices=("0", "1", "2", "3", "4"),
    answer=str(len(_EMAIL)),
    hint="email carries classification=pii (a column tag overriding the table's general). Which grants match it?",
    solution=(
        f"{len(_EMAIL)}: {' and '.join(_EMAIL)}. The analyst's tag grant asks for classification=general, which email "
        "no longer has; finance has no grant on customers at all."
    ),
)

_LANDING = streaming_choice.best(streaming_choice.SCENARIOS["clickstream to S3 for Athena"])
landing_stream = exercises.choice(
    "glue-lake-streaming-3",
    "Clickstream into the lake",
    task=(
        "Web clickstream (4 MiB/s) must land in S3 as files for Athena every few minutes. No application reads the "
        "stream itself and nobody needs to replay it. Which service leaves the least to build and run?"
    ),
    choices=streaming_choice.OPTIONS,
    answer=_LANDING,
    hint="Which option delivers to S3 with no consumer code and nothing to size?",
    solution=(
        f"{_LANDING}: it buffers the stream and writes objects to S3 (optionally converted to Parquet). Kinesis Data "
        "Streams or MSK would also work, but then you write and run the consumer that lands the data."
    ),
)
