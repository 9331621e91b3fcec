"""AWS Glue: what a crawler run, an ETL job run and an interactive session cost, and the Data Catalog's bill.

Glue bills compute in DPU-hours (a DPU is 4 vCPUs and 16 GB of memory), per second, with a minimum per run that
depends on what runs: 1 minute for Spark jobs on Glue 2.0 and later and for interactive sessions, 10 minutes for
Spark jobs on Glue 0.9 and 1.0 and for every crawler run. A job's DPUs come from its workers (``WorkerType`` x
``NumberOfWorkers``) or, for the older Standard type, from ``MaxCapacity``.

References:
    - AWS Glue pricing, https://aws.amazon.com/glue/pricing/ (USD 0.44 per DPU-hour in us-east-1 for ETL jobs,
      crawlers and interactive sessions; "billed per second, with a 10-minute minimum per crawler run"; Data Catalog:
      first million objects stored and first million requests a month free, then USD 1.00 per 100,000 objects a
      month and USD 1.00 per million requests; the worked examples: a Spark job of 6 DPUs for 15 minutes costs
      USD 0.66, a 5-DPU interactive session of 24 minutes USD 0.88). Read on 2026-12-03 through AWS's price-list
      descriptions and the localised copy of the page (aws.amazon.com/tr/glue/pricing); the English page itself
      could not be opened from this machine.
    - AWS Glue Developer Guide, "Migrating AWS Glue for Spark jobs to AWS Glue version 4.0",
      https://docs.aws.amazon.com/glue/latest/dg/migrating-version-40.html (read 2026-12-03): "Spark jobs are
      billed in 1-second increments with a 10x lower minimum billing duration" (10 minutes -> 1 minute) since 2.0.
    - AWS Glue Developer Guide, "AWS Glue interactive sessions pricing",
      https://docs.aws.amazon.com/glue/latest/dg/interactive-sessions-session-pricing.html (read 2026-12-03): 5 DPUs
      by default, at least 2, a 1-minute minimum per session.
    - AWS Glue Developer Guide, "AWS Glue worker types", https://docs.aws.amazon.com/glue/latest/dg/worker-types.html
      (read 2026-12-03): G.1X = 1 DPU, G.2X = 2, G.4X = 4, G.8X = 8; G.025X = 0.25 DPU for low-volume streaming.
    - AWS Glue API, "Job", https://docs.aws.amazon.com/glue/latest/webapi/API_Job.html (read 2026-12-03): at least
      2 DPUs, 10 by default (``AllocatedCapacity``/``MaxCapacity``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

USD_PER_DPU_HOUR = 0.44  # us-east-1, ETL jobs, crawlers and interactive sessions (AWS Glue pricing, 2026-12-03)
CATALOG_FREE_OBJECTS = 1_000_000
CATALOG_USD_PER_100K_OBJECTS = 1.00
CATALOG_FREE_REQUESTS = 1_000_000
CATALOG_USD_PER_MILLION_REQUESTS = 1.00

# Minimum billed seconds per run, by what runs (AWS Glue pricing; Developer Guide, both read 2026-12-03).
MINIMUM_SECONDS = {
    "spark": 60,  # Spark ETL job, Glue 2.0 and later
    "spark_legacy": 600,  # Spark ETL job, Glue 0.9 and 1.0
    "crawler": 600,
    "interactive_session": 60,
}
RUN_LABELS = {
    "spark": "Spark job (Glue 2.0+)",
    "spark_legacy": "Spark job (Glue 0.9/1.0)",
    "crawler": "crawler run",
    "interactive_session": "interactive session",
}
WORKER_DPUS = {"G.025X": 0.25, "G.1X": 1.0, "G.2X": 2.0, "G.4X": 4.0, "G.8X": 8.0}
DEFAULT_JOB_DPUS = 10
MINIMUM_JOB_DPUS = 2


@dataclass(frozen=True)
class RunCost:
    """One run's bill: DPUs, the seconds it ran and was billed, DPU-hours and USD."""

    kind: str
    dpus: float
    seconds: float
    billed_seconds: int
    dpu_hours: float
    usd: float
    minimum_applied: bool


@checked
def dpus_for(worker_type: str, number_of_workers: int) -> float:
    """DPUs of a job from its ``WorkerType`` and ``NumberOfWorkers`` (the CreateJob fields).

    >>> dpus_for("G.1X", 10), dpus_for("G.2X", 5)
    (10.0, 10.0)
    """
    validate.choice("worker_type", worker_type, WORKER_DPUS)
    workers = validate.integer("number_of_workers", number_of_workers, minimum=1, maximum=100_000)
    return WORKER_DPUS[worker_type] * workers


@checked
def run_cost(kind: str, dpus: float, seconds: float, *, usd_per_dpu_hour: float = USD_PER_DPU_HOUR) -> RunCost:
    """The charge for one run of ``kind`` with ``dpus`` DPUs lasting ``seconds``: whole seconds rounded up, the
    kind's minimum applied, at the DPU-hour rate.

    >>> run_cost("spark", 6, 15 * 60).usd  # AWS's example: 6 DPUs x 0.25 h x USD 0.44
    0.66
    >>> run_cost("crawler", 2, 90).billed_seconds, round(run_cost("crawler", 2, 90).usd, 4)
    (600, 0.1467)
    """
    validate.choice("kind", kind, MINIMUM_SECONDS)
    units = validate.number("dpus", dpus, minimum=0.0625, maximum=1e6, unit="DPU")
    ran = validate.number("seconds", seconds, minimum=0, maximum=30 * 86_400, unit="s")
    rate = validate.number("usd_per_dpu_hour", usd_per_dpu_hour, minimum=0, maximum=100, unit="USD")
    billed = max(MINIMUM_SECONDS[kind], math.ceil(ran))
    hours = units * billed / 3600
    return RunCost(kind, units, ran, billed, hours, round(hours * rate, 10), math.ceil(ran) < MINIMUM_SECONDS[kind])


@checked
def catalog_usd_per_month(objects: float, requests: float) -> float:
    """The Data Catalog's monthly bill: objects stored (databases, tables, partitions, ...) and API requests, each
    free up to a million.

    >>> catalog_usd_per_month(1_500_000, 3_000_000)
    7.0
    """
    stored = validate.number("objects", objects, minimum=0, maximum=1e12)
    calls = validate.number("requests", requests, minimum=0, maximum=1e15)
    over_objects = max(0.0, stored - CATALOG_FREE_OBJECTS)
    over_requests = max(0.0, calls - CATALOG_FREE_REQUESTS)
    return (
        over_objects / 100_000 * CATALOG_USD_PER_100K_OBJECTS
        + over_requests / 1_000_000 * CATALOG_USD_PER_MILLION_REQUESTS
    )


@checked
def monthly_runs_usd(kind: str, dpus: float, seconds: float, runs_per_month: float) -> float:
    """What ``runs_per_month`` identical runs cost in a month (USD).

    >>> round(monthly_runs_usd("crawler", 2, 45, 720), 2)  # a small crawler every hour
    105.6
    """
    runs = validate.number("runs_per_month", runs_per_month, minimum=0, maximum=1e7)
    return run_cost(kind, dpus, seconds).usd * runs
