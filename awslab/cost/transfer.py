"""Data transfer, the hidden bill: an architecture's monthly data-transfer cost, path by path (us-east-1 list prices).

An architecture is a dict of monthly volumes (GB) and counts, with the keys of :data:`EXAMPLE_ARCHITECTURE`. Each path
is priced by its own rule:

- **internet egress** from EC2, S3 and the other Regional services: the first 100 GB a month are free (aggregated
  across services and Regions), then tiers of USD 0.09 / 0.085 / 0.07 / 0.05 per GB (first 10 TB, next 40 TB, next
  100 TB, over 150 TB); data in from the internet is free;
- **inter-AZ** within a Region: USD 0.01 per GB in each direction (so a GB sent one way is billed 0.01 to the sender
  and 0.01 to the receiver: 0.02 per GB crossing);
- **inter-Region**: USD 0.02 per GB out of us-east-1 to most Regions (us-east-2 is cheaper; the page lists each pair);
- **NAT gateway**: USD 0.045 per hour per gateway plus USD 0.045 per GB processed, on top of any egress;
- **gateway VPC endpoints** (S3 and DynamoDB only): free, and traffic to S3 in the same Region is free;
- **interface VPC endpoints** (PrivateLink): USD 0.01 per hour per endpoint per AZ, plus USD 0.01 per GB for the
  first PB a month in the Region (0.006 next 4 PB, 0.004 above);
- **CloudFront** in front of S3: fetches from an AWS origin are free; CloudFront's own egress to viewers (United
  States, Mexico and Canada) is tiered from USD 0.085 per GB, with 1 TB a month free;
- **Direct Connect**: a port-hour fee (USD 0.30 per hour for a dedicated 1 Gbps port, 2.25 for 10 Gbps) plus data
  transfer out at USD 0.02 per GB from US Regions to US locations; data in is free.

One TB is 1,024 GB here, as in AWS's pricing calculator. Per-request charges (CloudFront, S3, endpoints) are left out:
this is the transfer bill only. Every price is a field of :class:`TransferPrices`; pass your own.

References:
    - AWS, "Amazon EC2 On-Demand Pricing", section "Data Transfer" (internet egress tiers, inter-AZ, inter-Region;
      100 GB a month free across services), https://aws.amazon.com/ec2/pricing/on-demand/ (read 2026-12-03)
    - AWS, "Amazon VPC pricing" (NAT gateway USD 0.045 per hour and per GB processed, in the page's worked example),
      https://aws.amazon.com/vpc/pricing/ (read 2026-12-03 through a transcription of the page: its live tables render
      per Region)
    - AWS, "AWS PrivateLink pricing" (interface endpoints: hourly per AZ; 0.01 / 0.006 / 0.004 USD per GB for the first
      1 PB / next 4 PB / above 5 PB), https://aws.amazon.com/privatelink/pricing/ (read 2026-12-03, Japanese edition)
    - AWS, "AWS Direct Connect pricing" (dedicated port hours 0.30 USD for 1 Gbps, 2.25 USD for 10 Gbps; data in free;
      data transfer out from 0.0200 USD per GB), https://aws.amazon.com/directconnect/pricing/ (read 2026-12-03
      through a transcription of the page)
    - AWS, "Amazon CloudFront pricing" (origin fetches from AWS origins free; 1 TB a month free; the North America
      egress tiers), https://aws.amazon.com/cloudfront/pricing/ (read 2026-12-03; the tiers as listed there for the
      United States, Mexico and Canada)
    - Amazon VPC User Guide, "Gateway endpoints" (S3 and DynamoDB; no additional charge),
      https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html (read 2026-12-03)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from awslab import validate
from awslab.validate import checked

GB_PER_TB = 1024
HOURS_PER_MONTH = 730
MAX_GB = 10**9  # a petabyte a day for a month is 3e7 GB: a generous bound


def _tiers(*rows: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    """Tiers as (tier size in GB, USD per GB); the last tier's size is infinite."""
    return tuple(rows)


@dataclass(frozen=True)
class TransferPrices:
    """us-east-1 list prices of every path (USD; read 2026-12-03, see References). Override with ``replace``.

    >>> TransferPrices().nat_usd_per_gb, TransferPrices().internet_free_gb
    (0.045, 100.0)
    """

    internet_free_gb: float = 100.0
    internet_tiers: tuple[tuple[float, float], ...] = _tiers(
        (10 * GB_PER_TB, 0.09), (40 * GB_PER_TB, 0.085), (100 * GB_PER_TB, 0.07), (float("inf"), 0.05)
    )
    inter_az_usd_per_gb_each_direction: float = 0.01
    inter_region_usd_per_gb: float = 0.02
    nat_usd_per_hour: float = 0.045
    nat_usd_per_gb: float = 0.045
    interface_endpoint_usd_per_hour_per_az: float = 0.01
    interface_endpoint_tiers: tuple[tuple[float, float], ...] = _tiers(
        (1024 * GB_PER_TB, 0.01), (4 * 1024 * GB_PER_TB, 0.006), (float("inf"), 0.004)
    )
    cloudfront_free_gb: float = 1 * GB_PER_TB
    cloudfront_tiers: tuple[tuple[float, float], ...] = _tiers(
        (10 * GB_PER_TB, 0.085),
        (40 * GB_PER_TB, 0.080),
        (100 * GB_PER_TB, 0.060),
        (350 * GB_PER_TB, 0.040),
        (524 * GB_PER_TB, 0.030),
        (4 * 1024 * GB_PER_TB, 0.025),
        (float("inf"), 0.020),
    )
    direct_connect_port_usd_per_hour: dict[str, float] = field(default_factory=lambda: {"1Gbps": 0.30, "10Gbps": 2.25})
    direct_connect_out_usd_per_gb: float = 0.02


US_EAST_1 = TransferPrices()


@checked(infinite=("tiers",))
def tiered_usd(gb: float, tiers: Sequence[tuple[float, float]], free_gb: float = 0.0) -> float:
    """USD for ``gb`` in a month through tiers of (size GB, USD per GB), after ``free_gb`` free.

    >>> tiered_usd(1124, US_EAST_1.internet_tiers, free_gb=100)   # 1 TB billable at 0.09
    92.16
    """
    gb = validate.number("gb", gb, minimum=0, maximum=MAX_GB, unit="GB")
    free = validate.number("free_gb", free_gb, minimum=0, maximum=MAX_GB, unit="GB")
    for i, (size, rate) in enumerate(tiers):
        if size != float("inf"):  # the last tier is open-ended
            validate.number(f"tiers[{i}] size", size, minimum=0, exclusive_minimum=True, unit="GB")
        validate.number(f"tiers[{i}] rate", rate, minimum=0, maximum=100, unit="USD/GB")
    return _tiered(gb, tiers, free)


def _tiered(gb: float, tiers: Sequence[tuple[float, float]], free_gb: float) -> float:
    left = max(0.0, gb - free_gb)
    usd = 0.0
    for size, rate in tiers:
        take = min(left, size)
        usd += take * rate
        left -= take
        if left <= 0:
            break
    return round(usd, 6)


ARCHITECTURE_KEYS = {
    "internet_egress_gb": "GB a month from EC2/S3 straight to the internet",
    "inter_az_gb": "GB a month crossing between AZs (one way; billed on both sides)",
    "inter_region_gb": "GB a month replicated or sent to another Region",
    "nat_gateways": "NAT gateways running all month (one per AZ is the resilient design)",
    "nat_internet_gb": "GB a month from private subnets through NAT to the internet",
    "s3_via_nat_gb": "GB a month between private subnets and S3 through a NAT gateway",
    "s3_via_gateway_endpoint_gb": "GB a month between private subnets and S3 through a gateway endpoint",
    "interface_endpoints": "interface endpoints (each in endpoint_azs AZs)",
    "endpoint_azs": "AZs each interface endpoint is deployed in",
    "interface_endpoint_gb": "GB a month through interface endpoints",
    "cloudfront_egress_gb": "GB a month CloudFront serves to viewers (its fetches from S3 are free)",
    "direct_connect_ports_1g": "dedicated 1 Gbps Direct Connect ports",
    "direct_connect_out_gb": "GB a month out over Direct Connect",
}

# A web application in two AZs: users fetch from S3 over the internet; private instances pull from S3 through NAT.
EXAMPLE_ARCHITECTURE: dict[str, float] = {
    "internet_egress_gb": 5000.0,
    "inter_az_gb": 2000.0,
    "inter_region_gb": 500.0,
    "nat_gateways": 2,
    "nat_internet_gb": 300.0,
    "s3_via_nat_gb": 4000.0,
    "s3_via_gateway_endpoint_gb": 0.0,
    "interface_endpoints": 0,
    "endpoint_azs": 2,
    "interface_endpoint_gb": 0.0,
    "cloudfront_egress_gb": 0.0,
    "direct_connect_ports_1g": 0,
    "direct_connect_out_gb": 0.0,
}


@dataclass(frozen=True)
class LineItem:
    """One line of the transfer bill: the path, the quantity and unit, and USD for the month.

    >>> transfer_bill(EXAMPLE_ARCHITECTURE).lines[0].path
    'internet egress'
    """

    path: str
    quantity: float
    unit: str
    usd: float


@dataclass(frozen=True)
class TransferBill:
    """The month's data-transfer bill, line by line.

    >>> round(transfer_bill(EXAMPLE_ARCHITECTURE).total_usd, 2)
    777.2
    """

    lines: tuple[LineItem, ...]

    @property
    def total_usd(self) -> float:
        """USD for the month, all paths."""
        return round(sum(line.usd for line in self.lines), 6)

    def by_path(self) -> dict[str, float]:
        """USD per path (lines of one path summed)."""
        out: dict[str, float] = {}
        for line in self.lines:
            out[line.path] = round(out.get(line.path, 0.0) + line.usd, 6)
        return out


def _architecture(architecture: Mapping[str, Any]) -> dict[str, float]:
    doc = validate.json_document("architecture", architecture, expect=dict)
    unknown = set(doc) - set(ARCHITECTURE_KEYS)
    if unknown:
        raise ValueError(f"architecture has unknown keys {sorted(unknown)}; allowed: {', '.join(ARCHITECTURE_KEYS)}")
    arch = {k: 0.0 for k in ARCHITECTURE_KEYS} | {"endpoint_azs": 2}
    for key, value in doc.items():
        if key in ("nat_gateways", "interface_endpoints", "endpoint_azs", "direct_connect_ports_1g"):
            arch[key] = validate.integer(f"architecture[{key!r}]", value, minimum=0, maximum=1000)
        else:
            arch[key] = validate.number(f"architecture[{key!r}]", value, minimum=0, maximum=MAX_GB, unit="GB")
    return arch


@checked
def transfer_bill(architecture: dict | str, prices: TransferPrices = US_EAST_1) -> TransferBill:
    """Price a month of the architecture's data transfer, path by path (see the module docstring for each rule).

    Internet egress counts both the direct egress and the NAT'd internet traffic in one tiered total (tiers and the
    100 GB free allowance apply to the month's total, not per path).

    >>> bill = transfer_bill({"internet_egress_gb": 100})
    >>> bill.total_usd
    0.0
    """
    a = _architecture(architecture)
    internet_gb = a["internet_egress_gb"] + a["nat_internet_gb"]
    lines = [
        LineItem(
            "internet egress",
            internet_gb,
            "GB",
            _tiered(internet_gb, prices.internet_tiers, prices.internet_free_gb),
        ),
        LineItem("inter-AZ", a["inter_az_gb"], "GB", 2 * a["inter_az_gb"] * prices.inter_az_usd_per_gb_each_direction),
        LineItem("inter-Region", a["inter_region_gb"], "GB", a["inter_region_gb"] * prices.inter_region_usd_per_gb),
        LineItem(
            "NAT gateway hours",
            a["nat_gateways"] * HOURS_PER_MONTH,
            "hours",
            a["nat_gateways"] * HOURS_PER_MONTH * prices.nat_usd_per_hour,
        ),
        LineItem(
            "NAT processing",
            a["nat_internet_gb"] + a["s3_via_nat_gb"],
            "GB",
            (a["nat_internet_gb"] + a["s3_via_nat_gb"]) * prices.nat_usd_per_gb,
        ),
        LineItem("S3 gateway endpoint", a["s3_via_gateway_endpoint_gb"], "GB", 0.0),
        LineItem(
            "interface endpoint hours",
            a["interface_endpoints"] * a["endpoint_azs"] * HOURS_PER_MONTH,
            "AZ-hours",
            a["interface_endpoints"]
            * a["endpoint_azs"]
            * HOURS_PER_MONTH
            * prices.interface_endpoint_usd_per_hour_per_az,
        ),
        LineItem(
            "interface endpoint processing",
            a["interface_endpoint_gb"],
            "GB",
            _tiered(a["interface_endpoint_gb"], prices.interface_endpoint_tiers, 0.0),
        ),
        LineItem(
            "CloudFront egress",
            a["cloudfront_egress_gb"],
            "GB",
            _tiered(a["cloudfront_egress_gb"], prices.cloudfront_tiers, prices.cloudfront_free_gb),
        ),
        LineItem(
            "Direct Connect port hours",
            a["direct_connect_ports_1g"] * HOURS_PER_MONTH,
            "port-hours",
            a["direct_connect_ports_1g"] * HOURS_PER_MONTH * prices.direct_connect_port_usd_per_hour["1Gbps"],
        ),
        LineItem(
            "Direct Connect out",
            a["direct_connect_out_gb"],
            "GB",
            a["direct_connect_out_gb"] * prices.direct_connect_out_usd_per_gb,
        ),
    ]
    return TransferBill(tuple(replace(line, usd=round(line.usd, 6)) for line in lines))


MOVES = {
    "S3 via NAT -> gateway endpoint": ("s3_via_nat_gb", "s3_via_gateway_endpoint_gb"),
    "internet egress -> CloudFront": ("internet_egress_gb", "cloudfront_egress_gb"),
    "inter-Region -> none (serve locally)": ("inter_region_gb", None),
}


@dataclass(frozen=True)
class MoveResult:
    """The bill before and after moving a share of one path's traffic to another.

    >>> r = move_traffic(EXAMPLE_ARCHITECTURE, "S3 via NAT -> gateway endpoint", 1.0)
    >>> round(r.saving_usd, 2)
    180.0
    """

    move: str
    share: float
    gb_moved: float
    before: TransferBill
    after: TransferBill

    @property
    def saving_usd(self) -> float:
        """USD a month the move saves (negative: it costs more)."""
        return round(self.before.total_usd - self.after.total_usd, 6)


@checked
def move_traffic(architecture: dict | str, move: str, share: float, prices: TransferPrices = US_EAST_1) -> MoveResult:
    """Move ``share`` (0-1) of one path's GB to another (:data:`MOVES`) and price both months.

    >>> move_traffic(EXAMPLE_ARCHITECTURE, "internet egress -> CloudFront", 0.0).saving_usd
    0.0
    """
    a = _architecture(architecture)
    name = validate.choice("move", move, MOVES)
    fraction = validate.number("share", share, minimum=0, maximum=1)
    source, target = MOVES[name]
    moved = a[source] * fraction
    after = dict(a)
    after[source] -= moved
    if target is not None:
        after[target] += moved
    return MoveResult(name, fraction, moved, transfer_bill(a, prices), transfer_bill(after, prices))
