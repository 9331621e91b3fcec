"""Streaming ingestion: Amazon MSK, Kinesis Data Streams or Amazon Data Firehose, chosen from the requirements.

Each option is checked against hard requirements (a Kafka API, consumers that replay, retention, a delivery
destination with no consumer code) and then ranked by the operational effort it leaves you; the reasons say which
requirement rules an option out or what it costs you to run.

What the rules rest on:

- **Data Firehose** delivers a stream to a destination (S3, Redshift, OpenSearch Service, Splunk, HTTP endpoints,
  Apache Iceberg tables) after buffering it; there are no consumers of your own and nothing to replay. Billed per GB
  ingested. Nothing to size.
- **Kinesis Data Streams** keeps records 24 hours by default, up to 365 days; order holds per shard (so per partition
  key); a shard takes 1 MiB/s or 1,000 records/s in and 2 MiB/s out, shared by standard consumers, or 2 MiB/s per
  enhanced fan-out consumer (up to 20). Provisioned mode: you size shards (``kinesis.shards_needed``); on-demand mode
  sizes itself, at a higher price per GB. AWS's own API (KCL, Lambda, Flink), not Kafka's.
- **Amazon MSK** runs Apache Kafka: the Kafka API and ecosystem (Connect, Streams, existing clients), order per
  partition, retention set per topic (and unlimited with tiered storage), any number of consumer groups. Provisioned
  clusters mean choosing brokers, storage and partitions; MSK Serverless removes broker sizing within its quotas.

References:
    - Amazon Kinesis Data Streams Developer Guide, "Quotas and limits",
      https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html (read 2026-12-03): shard quotas,
      20 enhanced fan-out consumers, 24 hours to 365 days retention (the constants of ``awslab.analytics.kinesis``).
    - Amazon Data Firehose Developer Guide, https://docs.aws.amazon.com/firehose/latest/dev/what-is-this-service.html,
      and Amazon MSK Developer Guide, https://docs.aws.amazon.com/msk/latest/developerguide/what-is-msk.html: NOT
      re-read on 2026-12-03. The qualitative rules above (Firehose delivers and cannot be replayed; MSK is Kafka with
      per-topic retention; the cost models) are the long-standing service designs; MSK Serverless throughput and
      retention quotas were not checked and are not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.analytics import kinesis
from awslab.validate import checked

KDS_MAX_RETENTION_DAYS = 365  # Kinesis Data Streams Developer Guide, read 2026-12-03
KDS_DEFAULT_RETENTION_HOURS = 24

OPTIONS = (
    "Amazon Data Firehose",
    "Kinesis Data Streams on-demand",
    "Kinesis Data Streams provisioned",
    "Amazon MSK Serverless",
    "Amazon MSK provisioned",
)
# Operational effort, lowest first: what is left for you to size and run.
EFFORT = {
    "Amazon Data Firehose": (1, "nothing to size: buffering and delivery are managed"),
    "Kinesis Data Streams on-demand": (2, "no shards to size; you write and run the consumers"),
    "Amazon MSK Serverless": (3, "no brokers to size; you manage topics, partitions and Kafka clients"),
    "Kinesis Data Streams provisioned": (3, "you size and reshard the shards, and run the consumers"),
    "Amazon MSK provisioned": (5, "you pick broker types and counts, storage, partitions, upgrades"),
}
COST_MODEL = {
    "Amazon Data Firehose": "per GB ingested (plus format conversion, if used)",
    "Kinesis Data Streams on-demand": "per GB written and read, plus a per-stream hourly charge",
    "Kinesis Data Streams provisioned": "per shard-hour plus PUT payload units",
    "Amazon MSK Serverless": "per cluster-hour, per partition-hour and per GB in and out",
    "Amazon MSK provisioned": "per broker-hour plus storage (GB-month)",
}


@dataclass(frozen=True)
class Requirements:
    """What the stream must do: Kafka API, replay by consumers, retention, a destination only, throughput."""

    kafka_api: bool = False
    replay: bool = True
    consumers: int = 2
    retention_days: float = 1.0
    destination_only: bool = False
    write_mib_per_second: float = 5.0
    average_record_kb: float = 1.0


@dataclass(frozen=True)
class Option:
    """One service's verdict: does it meet the requirements, its effort rank, and the reasons."""

    service: str
    meets: bool
    effort: int
    reasons: tuple[str, ...]
    cost_model: str


@checked
def assess(requirements: Requirements) -> list[Option]:
    """Every option against the requirements, best first (those that meet them, by effort).

    >>> [o.service for o in assess(Requirements(destination_only=True, replay=False, consumers=0))][:1]
    ['Amazon Data Firehose']
    >>> assess(Requirements(kafka_api=True))[0].service
    'Amazon MSK Serverless'
    """
    r = requirements
    validate.integer("consumers", r.consumers, minimum=0, maximum=1000)
    validate.number("retention_days", r.retention_days, minimum=0, maximum=36_500, unit="days")
    validate.number(
        "write_mib_per_second", r.write_mib_per_second, minimum=0, exclusive_minimum=True, maximum=100_000, unit="MiB/s"
    )
    validate.number(
        "average_record_kb",
        r.average_record_kb,
        minimum=0,
        exclusive_minimum=True,
        maximum=kinesis.RECORD_MAX_KIB,
        unit="KiB",
    )
    options = []
    for service in OPTIONS:
        fails, notes = [], []
        firehose = service == "Amazon Data Firehose"
        kds = service.startswith("Kinesis")
        if r.kafka_api and not service.startswith("Amazon MSK"):
            fails.append("no Kafka API: existing Kafka clients and Connect would have to be rewritten")
        if firehose and (r.replay or r.consumers > 0):
            fails.append("no consumers of your own and no replay: Firehose only delivers to a destination")
        if kds and r.retention_days > KDS_MAX_RETENTION_DAYS:
            fails.append(f"retention {r.retention_days:g} days is over the {KDS_MAX_RETENTION_DAYS}-day maximum")
        if kds and r.retention_days * 24 > KDS_DEFAULT_RETENTION_HOURS:
            notes.append(f"extended retention ({r.retention_days:g} days) is charged on top of the 24-hour default")
        if service == "Kinesis Data Streams provisioned":
            records = r.write_mib_per_second * 1024 / r.average_record_kb
            enhanced = 0 < r.consumers <= kinesis.ENHANCED_FAN_OUT_MAX_CONSUMERS and r.consumers > 2
            shards = kinesis.shards_needed(records, r.average_record_kb, max(1, r.consumers), enhanced_fan_out=enhanced)
            notes.append(
                f"{shards} shards for {r.write_mib_per_second:g} MiB/s" + (" with enhanced fan-out" if enhanced else "")
            )
        if kds and r.consumers > kinesis.ENHANCED_FAN_OUT_MAX_CONSUMERS:
            notes.append(f"{r.consumers} consumers: over 20 enhanced fan-out consumers, the rest share 2 MiB/s a shard")
        if service == "Amazon MSK Serverless" and r.retention_days > 1:
            notes.append(
                "check MSK Serverless's retention quota for this (not re-read here); provisioned MSK with "
                "tiered storage keeps data as long as a topic says"
            )
        if r.destination_only and not firehose:
            notes.append(
                "landing data in S3 or Redshift still needs consumer code or a connector (or Firehose "
                "reading from this stream)"
            )
        rank, effort_text = EFFORT[service]
        notes.append(effort_text)
        options.append(Option(service, not fails, rank, tuple(fails + notes), COST_MODEL[service]))
    return sorted(options, key=lambda o: (not o.meets, o.effort, OPTIONS.index(o.service)))


@checked
def best(requirements: Requirements) -> str:
    """The service to pick: the first option that meets every requirement ("none" if none does).

    >>> best(Requirements(replay=True, consumers=3, retention_days=7))
    'Kinesis Data Streams on-demand'
    """
    top = assess(requirements)[0]
    return top.service if top.meets else "none"


# Scenarios the notebook asks about.
SCENARIOS = {
    "clickstream to S3 for Athena": Requirements(
        replay=False, consumers=0, destination_only=True, write_mib_per_second=4
    ),
    "orders to three microservices, replay a week": Requirements(
        replay=True, consumers=3, retention_days=7, write_mib_per_second=2
    ),
    "moving an on-premises Kafka estate": Requirements(
        kafka_api=True, consumers=12, retention_days=30, write_mib_per_second=50
    ),
    "audit events kept two years for replay": Requirements(
        replay=True, consumers=2, retention_days=730, write_mib_per_second=1
    ),
}
