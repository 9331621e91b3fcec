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
    """The cheapest type that fits a workload, with every candidate ranked (fits first, then price).

    >>> right_size(3, 10, 0.2).best.name
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
) -> RightSizing:
    """Return the cheapest instance type with at least the vCPUs and GiB needed, plus a headroom fraction.

    ``best`` is None when nothing in the table fits (then split the workload across instances).

    >>> result = right_size(3, 10, 0.2, allow_burstable=False)
    >>> result.vcpu_needed, result.memory_gib_needed, result.best.name
    (3.5999999999999996, 12.0, 'm5.xlarge')
    """
    vcpu = validate.number("vcpu_needed", vcpu_needed, minimum=0, exclusive_minimum=True, unit="vCPU")
    mem = validate.number("memory_gib_needed", memory_gib_needed, minimum=0, unit="GiB")
    headroom = validate.number("headroom_fraction", headroom_fraction, minimum=0, maximum=10)
    vcpu_req, mem_req = vcpu * (1 + headroom), mem * (1 + headroom)
    candidates = [t for t in types if allow_burstable or t.family not in BURSTABLE_FAMILIES]
    if not candidates:
        raise ValueError("types is empty after filtering; allow_burstable=False removed every type")
    table = instance_table(candidates)
    table["fits"] = (table["vcpu"] >= vcpu_req) & (table["memory_gib"] >= mem_req)
    table["idle_vcpu"] = (table["vcpu"] - vcpu_req).clip(lower=0)
    table["idle_memory_gib"] = (table["memory_gib"] - mem_req).clip(lower=0)
    table = table.sort_values(["fits", "usd_per_hour", "name"], ascending=[False, True, True]).reset_index(drop=True)
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
