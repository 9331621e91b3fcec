"""EC2 instance types, right-sizing and the reservation break-even.

Prices are On-Demand list prices for Linux in us-east-1 (US East, N. Virginia), per instance-hour, as published on
https://aws.amazon.com/ec2/pricing/on-demand/ (recorded 2026-11-27). Sizes and memory from
https://aws.amazon.com/ec2/instance-types/ (same date). Every function takes the table as a parameter so a learner
can paste current prices for another region.

References:
    - AWS, "Amazon EC2 On-Demand Pricing",
      https://aws.amazon.com/ec2/pricing/on-demand/ (read 2026-11-27)
    - AWS, "Amazon EC2 Instance types",
      https://aws.amazon.com/ec2/instance-types/ (read 2026-11-27)
    - Amazon EC2 User Guide, "Key concepts for burstable performance instances" (credit table: baseline utilisation
      per vCPU; T3 launch as unlimited by default; above the baseline over 24 hours, surplus credits are billed at a
      flat rate per vCPU-hour), https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-credits-baseline-concepts.html,
      read 2026-12-03 in its source awsdocs/amazon-ec2-user-guide, doc_source/burstable-credits-baseline-concepts.md
    - Amazon EC2 API Reference, RunInstances CreditSpecification ("Default: standard (T2 instances) or unlimited
      (T3/T3a/T4g instances)"), read 2026-12-03
    - AWS News Blog, T3 launch (USD 0.05 per vCPU-hour for surplus credits, Linux), as quoted in a bookmark at
      https://b.hatena.ne.jp/punitan/20180828 (read 2026-12-03); the live figure is on
      https://aws.amazon.com/ec2/pricing/on-demand/ under "T2/T3/T4g Unlimited Mode Pricing"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

REGION = "us-east-1"
HOURS_PER_MONTH = 730  # AWS's own monthly convention in its pricing calculator


@dataclass(frozen=True)
class InstanceType:
    """One EC2 instance type: size, memory and On-Demand price (USD per hour, Linux, us-east-1).

    >>> InstanceType("m5.large", 2, 8, 0.096).memory_gib_per_vcpu
    4.0
    """

    name: str
    vcpu: int
    memory_gib: float
    usd_per_hour: float

    @property
    def family(self) -> str:
        """The family and generation, e.g. 'm5' for 'm5.large'."""
        return self.name.split(".")[0]

    @property
    def memory_gib_per_vcpu(self) -> float:
        """Memory per vCPU in GiB: constant within a fixed-performance family."""
        return self.memory_gib / self.vcpu


def _family(
    prefix: str, gib_per_vcpu: float, usd_per_hour_large: float, sizes: Iterable[tuple[str, int]]
) -> list[InstanceType]:
    """Build a family whose price and memory scale linearly with vCPUs from its .large size (2 vCPUs)."""
    return [
        InstanceType(f"{prefix}.{size}", vcpu, gib_per_vcpu * vcpu, round(usd_per_hour_large * vcpu / 2, 6))
        for size, vcpu in sizes
    ]


_SIZES_M_R = [
    ("large", 2),
    ("xlarge", 4),
    ("2xlarge", 8),
    ("4xlarge", 16),
    ("8xlarge", 32),
    ("12xlarge", 48),
    ("16xlarge", 64),
    ("24xlarge", 96),
]
_SIZES_C5 = [
    ("large", 2),
    ("xlarge", 4),
    ("2xlarge", 8),
    ("4xlarge", 16),
    ("9xlarge", 36),
    ("12xlarge", 48),
    ("18xlarge", 72),
    ("24xlarge", 96),
]

# us-east-1 Linux On-Demand, USD per hour (aws.amazon.com/ec2/pricing/on-demand, recorded 2026-11-27).
# t3 is burstable: its memory per vCPU is not constant, which is why it is listed size by size.
DEFAULT_INSTANCE_TYPES: tuple[InstanceType, ...] = (
    InstanceType("t3.micro", 2, 1.0, 0.0104),
    InstanceType("t3.small", 2, 2.0, 0.0208),
    InstanceType("t3.medium", 2, 4.0, 0.0416),
    InstanceType("t3.large", 2, 8.0, 0.0832),
    InstanceType("t3.xlarge", 4, 16.0, 0.1664),
    InstanceType("t3.2xlarge", 8, 32.0, 0.3328),
    *_family("m5", 4.0, 0.096, _SIZES_M_R),
    *_family("c5", 2.0, 0.085, _SIZES_C5),
    *_family("r5", 8.0, 0.126, _SIZES_M_R),
)

BURSTABLE_FAMILIES = ("t3",)
# Baseline utilisation per vCPU of each T3 size (credit table, burstable-credits-baseline-concepts, read 2026-12-03).
# T3 launches in unlimited mode by default: when average use over 24 hours exceeds the baseline, the surplus is billed.
T3_BASELINE_PER_VCPU = {
    "t3.nano": 0.05,
    "t3.micro": 0.10,
    "t3.small": 0.20,
    "t3.medium": 0.20,
    "t3.large": 0.30,
    "t3.xlarge": 0.40,
    "t3.2xlarge": 0.40,
}
T3_SURPLUS_USD_PER_VCPU_HOUR = 0.05  # Linux, unlimited mode (see References)


@checked
def surplus_usd_per_hour(instance: InstanceType, average_vcpu_used: float) -> float:
    """USD per hour of surplus CPU credits an unlimited-mode T3 instance pays at this average use (0 for fixed types).

    >>> surplus_usd_per_hour(InstanceType("t3.xlarge", 4, 16.0, 0.1664), 3.0)  # baseline 1.6 vCPU
    0.07
    """
    used = validate.number("average_vcpu_used", average_vcpu_used, minimum=0, unit="vCPU")
    if instance.family not in BURSTABLE_FAMILIES:
        return 0.0
    if instance.name not in T3_BASELINE_PER_VCPU:
        raise ValueError(
            f"instance {instance.name!r} has no baseline in T3_BASELINE_PER_VCPU; known: "
            f"{', '.join(T3_BASELINE_PER_VCPU)}"
        )
    baseline = T3_BASELINE_PER_VCPU[instance.name] * instance.vcpu
    return round(max(0.0, min(used, instance.vcpu) - baseline) * T3_SURPLUS_USD_PER_VCPU_HOUR, 6)


@checked
def instance_table(types: Iterable[InstanceType] = DEFAULT_INSTANCE_TYPES) -> pd.DataFrame:
    """Return the price table as a DataFrame with USD per hour and per 730-hour month.

    >>> instance_table().iloc[0][["name", "vcpu", "memory_gib"]].tolist()
    ['t3.micro', np.int64(2), np.float64(1.0)]
    """
    import pandas as pd

    rows = [
        {
            "name": t.name,
            "family": t.family,
            "vcpu": t.vcpu,
            "memory_gib": t.memory_gib,
            "memory_gib_per_vcpu": t.memory_gib_per_vcpu,
            "usd_per_hour": t.usd_per_hour,
            "usd_per_month": round(t.usd_per_hour * HOURS_PER_MONTH, 4),
        }
        for t in types
    ]
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class RightSizing:
    """The cheapest type that fits a workload, with every candidate ranked (fits first, then effective price).

    >>> right_size(3, 10, 0.2).best.name  # a t3.xlarge would pay for 1.4 vCPU of surplus credits every hour
    'm5.xlarge'
    >>> right_size(3, 10, 0.2, average_vcpu_used=1.0).best.name
    't3.xlarge'
    """

    best: InstanceType | None
    vcpu_needed: float
    memory_gib_needed: float
    ranking: pd.DataFrame


@checked
def right_size(
    vcpu_needed: float,
    memory_gib_needed: float,
    headroom_fraction: float = 0.0,
    types: Iterable[InstanceType] = DEFAULT_INSTANCE_TYPES,
    allow_burstable: bool = True,
    *,
    average_vcpu_used: float | None = None,
) -> RightSizing:
    """Return the cheapest instance type with at least the vCPUs and GiB needed, plus a headroom fraction.

    T3 types launch in unlimited mode, so their price includes the surplus credits for ``average_vcpu_used`` (the
    workload's average over 24 hours; by default ``vcpu_needed``, a peak that never rests). The ranking's
    ``effective_usd_per_hour`` is list price plus surplus. ``best`` is None when nothing in the table fits.

    >>> result = right_size(3, 10, 0.2, allow_burstable=False)
    >>> result.vcpu_needed, result.memory_gib_needed, result.best.name
    (3.5999999999999996, 12.0, 'm5.xlarge')
    """
    vcpu = validate.number("vcpu_needed", vcpu_needed, minimum=0, exclusive_minimum=True, unit="vCPU")
    mem = validate.number("memory_gib_needed", memory_gib_needed, minimum=0, unit="GiB")
    headroom = validate.number("headroom_fraction", headroom_fraction, minimum=0, maximum=10)
    vcpu_req, mem_req = vcpu * (1 + headroom), mem * (1 + headroom)
    average = vcpu if average_vcpu_used is None else average_vcpu_used
    candidates = [t for t in types if allow_burstable or t.family not in BURSTABLE_FAMILIES]
    if not candidates:
        raise ValueError("types is empty after filtering; allow_burstable=False removed every type")
    table = instance_table(candidates)
    table["surplus_usd_per_hour"] = [surplus_usd_per_hour(t, average) for t in candidates]
    table["effective_usd_per_hour"] = (table["usd_per_hour"] + table["surplus_usd_per_hour"]).round(6)
    table["effective_usd_per_month"] = (table["effective_usd_per_hour"] * HOURS_PER_MONTH).round(4)
    table["fits"] = (table["vcpu"] >= vcpu_req) & (table["memory_gib"] >= mem_req)
    table["idle_vcpu"] = (table["vcpu"] - vcpu_req).clip(lower=0)
    table["idle_memory_gib"] = (table["memory_gib"] - mem_req).clip(lower=0)
    table = table.sort_values(["fits", "effective_usd_per_hour", "name"], ascending=[False, True, True]).reset_index(
        drop=True
    )
    best = None
    if bool(table["fits"].iloc[0]):
        best = next(t for t in candidates if t.name == table["name"].iloc[0])
    return RightSizing(best, vcpu_req, mem_req, table)


@checked
def breakeven_utilization(on_demand_hourly: float, upfront: float, recurring_hourly: float, term_hours: float) -> float:
    """Return the fraction of the term's hours an instance must run for a reservation to cost the same as On-Demand.

    The reservation costs ``upfront + recurring_hourly * term_hours`` whether used or not; On-Demand costs
    ``on_demand_hourly`` per hour run. A result above 1 means the reservation never pays off.

    >>> round(breakeven_utilization(0.096, 0.0, 0.060, 8760), 3)
    0.625
    """
    od = validate.number("on_demand_hourly", on_demand_hourly, minimum=0, exclusive_minimum=True, unit="USD/hour")
    up = validate.number("upfront", upfront, minimum=0, unit="USD")
    rec = validate.number("recurring_hourly", recurring_hourly, minimum=0, unit="USD/hour")
    term = validate.number("term_hours", term_hours, minimum=0, exclusive_minimum=True, unit="hours")
    return (up + rec * term) / (od * term)
