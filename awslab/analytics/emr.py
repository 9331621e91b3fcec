"""EMR: what a persistent cluster costs against transient clusters launched per job, and HDFS vs EMRFS storage.

A persistent cluster runs all month and keeps its data in HDFS on the core nodes; a transient cluster starts for
each job, reads and writes S3 through EMRFS, and terminates, paying its start-up time on every run.

References:
    - AWS, "Amazon EC2 On-Demand Pricing",
      https://aws.amazon.com/ec2/pricing/on-demand/ (read 2026-11-27)
    - AWS, "Amazon EMR pricing",
      https://aws.amazon.com/emr/pricing/ (read 2026-11-27)
    - AWS, "Amazon S3 pricing",
      https://aws.amazon.com/s3/pricing/ (read 2026-11-27)
    - AWS, "Amazon EBS pricing",
      https://aws.amazon.com/ebs/pricing/ (read 2026-11-27)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

# List prices, us-east-1, Linux on-demand, from https://aws.amazon.com/ec2/pricing/on-demand/ and
# https://aws.amazon.com/emr/pricing/ (EMR on EC2 surcharge). These are long-standing figures that could not be
# re-read on 2026-11-27 (pricing pages are not in our reference store): verify before quoting; all are parameters.
M5_XLARGE_EC2_USD_PER_HOUR = 0.192
M5_XLARGE_EMR_USD_PER_HOUR = 0.048
# https://aws.amazon.com/s3/pricing/ (S3 Standard, first 50 TB) and https://aws.amazon.com/ebs/pricing/ (gp3),
# same caveat.
S3_STANDARD_USD_PER_GB_MONTH = 0.023
EBS_GP3_USD_PER_GB_MONTH = 0.08
HOURS_PER_MONTH = 730
BILLING_MINIMUM_SECONDS = 60  # EC2 and EMR bill per second with a one-minute minimum


@checked
def hdfs_replication_factor(core_nodes: int) -> int:
    """EMR's default dfs.replication: 1 below 4 core nodes, 2 below 10, else 3 (EMR Release Guide, HDFS config).

    >>> hdfs_replication_factor(3), hdfs_replication_factor(10)
    (1, 3)
    """
    nodes = validate.integer("core_nodes", core_nodes, minimum=1, maximum=10_000)
    return 1 if nodes < 4 else 2 if nodes < 10 else 3


@dataclass(frozen=True)
class ClusterCost:
    """Monthly cost of one way of running the same jobs, in USD (us-east-1 list prices).

    >>> persistent, transient = compare_clusters(10, 30, 2, 500)
    >>> persistent.mode, round(persistent.compute_usd, 2), round(persistent.idle_fraction, 3)
    ('persistent', 1752.0, 0.918)
    """

    mode: str  # "persistent" or "transient"
    node_hours: float
    compute_usd: float
    storage_usd: float
    idle_fraction: float  # share of paid node time with no job running

    @property
    def total_usd(self) -> float:
        """Compute plus storage, USD per month."""
        return self.compute_usd + self.storage_usd


@checked
def compare_clusters(
    nodes: int,
    jobs_per_month: float,
    job_hours: float,
    data_gb: float,
    *,
    startup_minutes: float = 8.0,
    ec2_usd_per_hour: float = M5_XLARGE_EC2_USD_PER_HOUR,
    emr_usd_per_hour: float = M5_XLARGE_EMR_USD_PER_HOUR,
    s3_usd_per_gb_month: float = S3_STANDARD_USD_PER_GB_MONTH,
    ebs_usd_per_gb_month: float = EBS_GP3_USD_PER_GB_MONTH,
) -> tuple[ClusterCost, ClusterCost]:
    """(persistent, transient) monthly costs for ``jobs_per_month`` jobs of ``job_hours`` on ``nodes`` nodes.

    Persistent: every node all month, data in HDFS on gp3 EBS times the replication factor (core nodes are all
    nodes but one primary). Transient: per job, start-up plus run time on every node, data kept once in S3.

    >>> persistent, transient = compare_clusters(10, 30, 2, 500)
    >>> round(persistent.compute_usd + persistent.storage_usd), round(transient.compute_usd + transient.storage_usd)
    (1832, 165)
    """
    n = validate.integer("nodes", nodes, minimum=2, maximum=10_000)
    jobs = validate.number("jobs_per_month", jobs_per_month, minimum=0, maximum=100_000, unit="jobs")
    hours = validate.number(
        "job_hours", job_hours, minimum=0, exclusive_minimum=True, maximum=HOURS_PER_MONTH, unit="h"
    )
    data = validate.number("data_gb", data_gb, minimum=0, maximum=1e8, unit="GB")
    startup = validate.number("startup_minutes", startup_minutes, minimum=0, maximum=120, unit="min")
    node_price = validate.number("ec2_usd_per_hour", ec2_usd_per_hour, minimum=0, unit="USD/h") + validate.number(
        "emr_usd_per_hour", emr_usd_per_hour, minimum=0, unit="USD/h"
    )
    s3_price = validate.number("s3_usd_per_gb_month", s3_usd_per_gb_month, minimum=0, unit="USD/GB-month")
    ebs_price = validate.number("ebs_usd_per_gb_month", ebs_usd_per_gb_month, minimum=0, unit="USD/GB-month")
    busy_node_hours = jobs * hours * n
    if jobs * hours > HOURS_PER_MONTH:
        raise ValueError(
            f"jobs_per_month * job_hours = {jobs * hours:g} h, more than the {HOURS_PER_MONTH} h in a "
            "month: one cluster cannot run them back to back"
        )
    persistent_hours = n * HOURS_PER_MONTH
    replicated_gb = data * hdfs_replication_factor(n - 1)
    persistent = ClusterCost(
        "persistent",
        persistent_hours,
        persistent_hours * node_price,
        replicated_gb * ebs_price,
        1 - busy_node_hours / persistent_hours,
    )
    billed_hours_per_job = max(hours + startup / 60, BILLING_MINIMUM_SECONDS / 3600)
    transient_hours = jobs * billed_hours_per_job * n
    transient = ClusterCost(
        "transient",
        transient_hours,
        transient_hours * node_price,
        data * s3_price,
        1 - busy_node_hours / transient_hours if transient_hours else 0.0,
    )
    return persistent, transient


@checked
def break_even_jobs_per_month(nodes: int, job_hours: float, data_gb: float, **prices: float) -> float:
    """Jobs a month above which a persistent cluster is cheaper than transient ones (inf if never).

    >>> round(break_even_jobs_per_month(10, 2, 500), 1)
    355.6
    """
    persistent, transient_one = compare_clusters(nodes, 1, job_hours, data_gb, **prices)
    _, transient_none = compare_clusters(nodes, 0, job_hours, data_gb, **prices)
    per_job = transient_one.compute_usd
    gap = persistent.total_usd - transient_none.total_usd
    if per_job <= 0:
        return math.inf
    jobs = gap / per_job
    capacity = HOURS_PER_MONTH / job_hours
    return jobs if jobs <= capacity else math.inf
