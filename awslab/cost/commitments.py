"""Buying compute: On-Demand, Savings Plans, Reserved Instances and Spot for a fleet that changes, and how much to commit.

Two models. :func:`compare_purchases` prices one year of a fleet that changes family, Region and size (phases in
AWS's own field names: ``InstanceType``, ``Region``, ``InstanceCount``, plus ``Months``) under each way of buying,
each commitment sized at the start to cover the first phase, and says what each commitment still covers after every
change. :func:`commitment_outcome` and friends size a Savings Plan commitment (USD per hour, at Savings Plans rates)
against an hourly usage history: utilisation, coverage, savings, the commitment left unused, the best commitment and
the break-even commitment beyond which the plan costs more than it saves.

What each commitment covers (the rules the model applies):

- **Compute Savings Plans** apply to EC2 usage in any family, size, Region, operating system and tenancy, and to
  Fargate and Lambda.
- **EC2 Instance Savings Plans** apply to one instance family in one Region (any size, OS, tenancy).
- **Regional Reserved Instances** (Linux/Unix, default tenancy) apply to one family in one Region with *instance
  size flexibility*: usage is counted in normalized units (``NORMALIZATION_FACTORS``; an xlarge is 8 units, a
  2xlarge 16), so a reservation for two xlarge covers one 2xlarge or four large. A **Standard** RI can be modified
  within its family but never to another family or Region. A **Convertible** RI can be exchanged during its term for
  another Convertible RI of equal or greater value with another family, OS or tenancy; we model an exchange that keeps
  the reservation's value when the family changes and, like AWS, no move to another Region.
- **Zonal** RIs (a capacity reservation in one AZ, exact instance type, no size flexibility) are not modelled.
- **Spot** is not a commitment: spare capacity at a discount, reclaimed with a two-minute notice
  (see :mod:`awslab.compute.pricing`).

Prices: On-Demand list prices from :data:`awslab.compute.ec2.DEFAULT_INSTANCE_TYPES` (Linux, us-east-1, recorded
2026-11-27), priced the same in every Region (a simplification: pass ``region_price_factors`` to change it). The
Standard RI discount is the compute chapter's m5.large 1-year No Upfront reservation
(:data:`awslab.compute.pricing.OFFERINGS`): 1 - 0.060 / 0.096 = 37.5 %. The Savings Plans and Convertible RI rates
are per instance type on the Savings Plans and RI pricing pages, which render per Region and which we could not read
as a table: the defaults (EC2 Instance SP as a Standard RI, Compute SP and Convertible RI at 28 %) are
illustrative assumptions, not AWS rates, labelled as such and overridable. AWS publishes no single per-plan rate, only
"up to" maxima for the best case (a three-year All Upfront plan on the most discounted instance types), which the
Savings Plans pages give as up to 66 % for Compute Savings Plans and up to 72 % for EC2 Instance Savings Plans; we
could not re-read those pages on 2026-12-03, so these maxima are quoted, not verified here.

References:
    - AWS Billing and Cost Management API Reference, "CoverageNormalizedUnits" (an xlarge uses 8 normalized units,
      a 2xlarge 16), https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_CoverageNormalizedUnits.html
      (read 2026-12-03)
    - AWS Billing and Cost Management API Reference, "SavingsPlans" (SavingsPlansType COMPUTE_SP | EC2_INSTANCE_SP |
      SAGEMAKER_SP | DATABASE_SP; commitment 0.001 to 5,000 USD per hour; terms ONE_YEAR | THREE_YEARS),
      https://docs.amazonaws.cn/aws-cost-management/latest/APIReference/API_SavingsPlans.html (read 2026-12-03)
    - AWS Billing and Cost Management API Reference, "SavingsPlansUtilization" (utilisation = UsedCommitment /
      TotalCommitment), read 2026-12-03 through the SDK for SAP ABAP page
      https://docs.aws.amazon.com/sdk-for-sap-abap/v1/api/latest/cex/model/_AWS1_CL_CEXSAVINGSPLANSUTIL01.html
    - Amazon EC2 API Reference, "AcceptReservedInstancesExchangeQuote" (Convertible RIs exchange for Convertible
      RIs of the same or higher value), https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AcceptReservedInstancesExchangeQuote.html
      (read 2026-12-03)
    - Amazon EC2 User Guide, "Reserved Instances" / "How Reserved Instances are applied" (regional RIs, instance size
      flexibility, normalization factors), https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/apply_ri.html
      (read 2026-12-03; the factor table as in the EC2 User Guide, nano 0.25 to 32xlarge 256)
    - AWS, "Savings Plans" documentation landing page (Savings Plans for EC2 and Fargate in exchange for a commitment
      for a one- or three-year term), https://docs.aws.amazon.com/savingsplans (read 2026-12-03)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from awslab import validate
from awslab.compute import ec2, pricing
from awslab.validate import checked

HOURS_PER_MONTH = ec2.HOURS_PER_MONTH  # 730, AWS's pricing-calculator month
MONTHS_PER_YEAR = 12

# Normalized units per instance size (EC2 User Guide, "How Reserved Instances are applied", read 2026-12-03).
NORMALIZATION_FACTORS: dict[str, float] = {
    "nano": 0.25,
    "micro": 0.5,
    "small": 1,
    "medium": 2,
    "large": 4,
    "xlarge": 8,
    "2xlarge": 16,
    "3xlarge": 24,
    "4xlarge": 32,
    "6xlarge": 48,
    "8xlarge": 64,
    "9xlarge": 72,
    "10xlarge": 80,
    "12xlarge": 96,
    "16xlarge": 128,
    "18xlarge": 144,
    "24xlarge": 192,
    "32xlarge": 256,
}

# 1-year No Upfront discounts against On-Demand. Standard RI: the compute chapter's m5.large offering (computed);
# the other three are our labelled assumptions (see the module docstring).
STANDARD_RI_DISCOUNT = round(
    1 - pricing.OFFERINGS["1-year No Upfront"].effective_usd_per_hour / pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR, 6
)
DEFAULT_DISCOUNTS: dict[str, float] = {
    "Compute Savings Plan": 0.28,
    "EC2 Instance Savings Plan": STANDARD_RI_DISCOUNT,
    "Standard RI (regional)": STANDARD_RI_DISCOUNT,
    "Convertible RI (regional)": 0.28,
    "Spot": 0.65,  # the long-run discount the compute chapter's Spot price model reverts to
}
PURCHASE_OPTIONS = ("On-Demand", *DEFAULT_DISCOUNTS)
SAVINGS_PLAN_MAX_COMMITMENT_USD_PER_HOUR = 5000.0  # API_SavingsPlans: SavingsPlansCommitment 0.001-5,000

_PRICES = {t.name: t.usd_per_hour for t in ec2.DEFAULT_INSTANCE_TYPES}


@dataclass(frozen=True)
class FleetPhase:
    """A stretch of the year: ``instance_count`` instances of one type in one Region for ``months`` months.

    >>> FleetPhase(3, "m5.xlarge", "us-east-1", 4).family, FleetPhase(3, "m5.xlarge", "us-east-1", 4).normalized_units
    ('m5', 32.0)
    """

    months: int
    instance_type: str
    region: str
    instance_count: int

    @property
    def family(self) -> str:
        """The family and generation ('m5' for 'm5.xlarge')."""
        return self.instance_type.split(".")[0]

    @property
    def size(self) -> str:
        """The size ('xlarge' for 'm5.xlarge')."""
        return self.instance_type.split(".", 1)[1]

    @property
    def normalized_units(self) -> float:
        """Normalized units the whole phase's fleet runs per hour."""
        return float(NORMALIZATION_FACTORS[self.size] * self.instance_count)


@checked
def normalization_factor(instance_type: str) -> float:
    """Normalized units of one instance of ``instance_type`` (size flexibility of regional RIs).

    >>> normalization_factor("m5.xlarge"), normalization_factor("m5.2xlarge")
    (8, 16)
    """
    if not isinstance(instance_type, str) or instance_type.count(".") != 1:
        raise ValueError(f"instance_type must look like 'm5.large', got {instance_type!r}")
    size = instance_type.split(".")[1]
    if size not in NORMALIZATION_FACTORS:
        raise ValueError(
            f"instance_type={instance_type!r}: size {size!r} is not one of: {', '.join(NORMALIZATION_FACTORS)}"
        )
    return NORMALIZATION_FACTORS[size]


@checked
def parse_fleet(phases: list[dict] | str) -> tuple[FleetPhase, ...]:
    """Fleet phases from dicts with ``Months``, ``InstanceType``, ``Region`` and ``InstanceCount``; 12 months in all.

    >>> [p.instance_type for p in parse_fleet(EXAMPLE_FLEET)]
    ['m5.xlarge', 'm5.2xlarge', 'c5.2xlarge', 'c5.2xlarge']
    """
    items = validate.json_objects("phases", phases)
    if not items or len(items) > MONTHS_PER_YEAR:
        raise ValueError(f"phases must list 1 to {MONTHS_PER_YEAR} phases, got {len(items)}")
    parsed = []
    for i, item in enumerate(items):
        where = f"phases[{i}]"
        missing = {"Months", "InstanceType", "Region", "InstanceCount"} - set(item)
        if missing:
            raise ValueError(f"{where} is missing {', '.join(sorted(missing))}")
        months = validate.integer(f"{where}.Months", item["Months"], minimum=1, maximum=MONTHS_PER_YEAR)
        kind = item["InstanceType"]
        if kind not in _PRICES:
            raise ValueError(f"{where}.InstanceType={kind!r} is not in the price table: {', '.join(_PRICES)}")
        region = item["Region"]
        if not isinstance(region, str) or region.count("-") < 2 or len(region) > 30:
            raise ValueError(f"{where}.Region={region!r} is not a Region code like 'us-east-1'")
        count = validate.integer(f"{where}.InstanceCount", item["InstanceCount"], minimum=0, maximum=10_000)
        parsed.append(FleetPhase(months, kind, region, count))
    total = sum(p.months for p in parsed)
    if total != MONTHS_PER_YEAR:
        raise ValueError(f"phases must add up to {MONTHS_PER_YEAR} months (a one-year term), got {total}")
    return tuple(parsed)


# A year in which the fleet grows a size, moves family (m5 -> c5) and then moves Region.
EXAMPLE_FLEET: list[dict] = [
    {"Months": 3, "InstanceType": "m5.xlarge", "Region": "us-east-1", "InstanceCount": 4},
    {"Months": 3, "InstanceType": "m5.2xlarge", "Region": "us-east-1", "InstanceCount": 2},
    {"Months": 3, "InstanceType": "c5.2xlarge", "Region": "us-east-1", "InstanceCount": 2},
    {"Months": 3, "InstanceType": "c5.2xlarge", "Region": "eu-west-1", "InstanceCount": 2},
]


@checked
def changing_fleet(
    family_change_month: int = 6,
    region_change_month: int = 9,
    *,
    start_type: str = "m5.xlarge",
    start_count: int = 4,
    new_type: str = "c5.2xlarge",
    new_count: int = 2,
    new_region: str = "eu-west-1",
) -> list[dict]:
    """A year's fleet phases: ``start_type`` in us-east-1, moving to ``new_type`` after ``family_change_month``
    months and to ``new_region`` after ``region_change_month`` months (12: never).

    >>> [(p["Months"], p["InstanceType"], p["Region"]) for p in changing_fleet(6, 9)]
    [(6, 'm5.xlarge', 'us-east-1'), (3, 'c5.2xlarge', 'us-east-1'), (3, 'c5.2xlarge', 'eu-west-1')]
    """
    family = validate.integer("family_change_month", family_change_month, minimum=0, maximum=MONTHS_PER_YEAR)
    region = validate.integer("region_change_month", region_change_month, minimum=0, maximum=MONTHS_PER_YEAR)
    for name, kind in (("start_type", start_type), ("new_type", new_type)):
        validate.choice(name, kind, _PRICES)
    cuts = sorted({0, family, region, MONTHS_PER_YEAR})
    phases = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        moved = start >= family
        phases.append(
            {
                "Months": end - start,
                "InstanceType": new_type if moved else start_type,
                "Region": new_region if start >= region else "us-east-1",
                "InstanceCount": new_count if moved else start_count,
            }
        )
    return phases


@dataclass(frozen=True)
class PhaseCoverage:
    """One phase under one way of buying: the share of its On-Demand cost the commitment covers, and its cost.

    >>> compare_purchases(EXAMPLE_FLEET)[0].phases[0].covered_fraction
    0.0
    """

    months: int
    instance_type: str
    region: str
    on_demand_usd: float
    covered_fraction: float
    cost_usd: float


@dataclass(frozen=True)
class PurchaseResult:
    """A year of the fleet bought one way: the commitment (USD per hour), the cost, what each phase kept covered.

    >>> r = {x.option: x for x in compare_purchases(EXAMPLE_FLEET)}
    >>> round(r["Compute Savings Plan"].savings_usd), round(r["EC2 Instance Savings Plan"].savings_usd)
    (1498, -841)
    """

    option: str
    commitment_usd_per_hour: float
    on_demand_equivalent_usd: float
    total_usd: float
    phases: tuple[PhaseCoverage, ...]

    @property
    def savings_usd(self) -> float:
        """What this way of buying saves against all On-Demand over the year."""
        return self.on_demand_equivalent_usd - self.total_usd

    @property
    def savings_fraction(self) -> float:
        """Savings as a share of the On-Demand cost."""
        return self.savings_usd / self.on_demand_equivalent_usd if self.on_demand_equivalent_usd else 0.0


def _hourly_on_demand(phase: FleetPhase, factors: Mapping[str, float]) -> float:
    return _PRICES[phase.instance_type] * phase.instance_count * factors.get(phase.region, 1.0)


def _eligible(option: str, phase: FleetPhase, first: FleetPhase) -> bool:
    if option in ("Compute Savings Plan", "Spot"):
        return True
    if option == "Convertible RI (regional)":
        return phase.region == first.region  # exchanges follow the family, never the Region
    return phase.region == first.region and phase.family == first.family


@checked
def compare_purchases(
    phases: list[dict] | str,
    *,
    discounts: dict[str, float] | None = None,
    region_price_factors: dict[str, float] | None = None,
) -> tuple[PurchaseResult, ...]:
    """Price a year of the fleet under each way of buying; commitments are sized to cover the first phase exactly.

    A commitment is paid every hour of the year whether used or not; usage it does not cover runs On-Demand. Spot
    prices every hour at its discount (and may be interrupted). ``discounts`` overrides :data:`DEFAULT_DISCOUNTS`.

    >>> [r.option for r in compare_purchases(EXAMPLE_FLEET)][:3]
    ['On-Demand', 'Compute Savings Plan', 'EC2 Instance Savings Plan']
    """
    fleet = parse_fleet(phases)
    rates = dict(DEFAULT_DISCOUNTS)
    for name, value in (discounts or {}).items():
        validate.choice("discounts key", name, DEFAULT_DISCOUNTS)
        rates[name] = validate.number(f"discounts[{name!r}]", value, minimum=0, maximum=0.95)
    factors = {}
    for region, value in (region_price_factors or {}).items():
        factors[region] = validate.number(f"region_price_factors[{region!r}]", value, minimum=0.1, maximum=10)
    first = fleet[0]
    first_hourly = _hourly_on_demand(first, factors)
    results = [_purchase("On-Demand", 0.0, 0.0, fleet, first, factors)]
    for option, discount in rates.items():
        commitment = 0.0 if option == "Spot" else first_hourly * (1 - discount)
        results.append(_purchase(option, discount, commitment, fleet, first, factors))
    return tuple(results)


def _purchase(
    option: str, discount: float, commitment: float, fleet: tuple[FleetPhase, ...], first: FleetPhase, factors
) -> PurchaseResult:
    rows, total, od_total = [], 0.0, 0.0
    for phase in fleet:
        hours = phase.months * HOURS_PER_MONTH
        od = _hourly_on_demand(phase, factors) * hours
        od_total += od
        if option == "On-Demand":
            covered, cost = 0.0, od
        elif option == "Spot":
            covered, cost = 1.0, od * (1 - discount)
        else:
            eligible = od if _eligible(option, phase, first) else 0.0
            if option.startswith("Standard RI") and eligible:
                # size flexibility: the reservation's normalized units cover the phase's units of the same family
                units_share = min(1.0, first.normalized_units / phase.normalized_units) if phase.normalized_units else 0
                covered_usd = eligible * units_share
            else:
                covered_usd = min(eligible, commitment * hours / (1 - discount)) if discount < 1 else eligible
            covered = covered_usd / od if od else 0.0
            cost = commitment * hours + (od - covered_usd)
        total += cost
        rows.append(PhaseCoverage(phase.months, phase.instance_type, phase.region, od, round(covered, 6), cost))
    return PurchaseResult(option, commitment, od_total, total, tuple(rows))


@dataclass(frozen=True)
class OfferingRate:
    """A Reserved Instance offering (DescribeReservedInstancesOfferings shape) reduced to an hourly rate.

    >>> offering_rate({"InstanceType": "m5.large", "Duration": 31536000, "FixedPrice": 515.0, "UsagePrice": 0.0,
    ...                "OfferingType": "All Upfront"}).breakeven_utilization
    0.612395
    """

    instance_type: str
    offering_type: str
    term_hours: float
    effective_usd_per_hour: float
    on_demand_usd_per_hour: float
    breakeven_utilization: float


@checked
def offering_rate(offering: dict | str, on_demand_usd_per_hour: float | None = None) -> OfferingRate:
    """Spread an offering's ``FixedPrice`` over its ``Duration`` (seconds) and add ``UsagePrice`` and any hourly
    ``RecurringCharges``; the break-even utilisation against On-Demand comes from :func:`awslab.compute.ec2.breakeven_utilization`.

    >>> round(offering_rate({"InstanceType": "m5.large", "Duration": 31536000, "FixedPrice": 0, "UsagePrice": 0.0,
    ...     "RecurringCharges": [{"Amount": 0.06, "Frequency": "Hourly"}]}).effective_usd_per_hour, 4)
    0.06
    """
    doc = validate.json_document("offering", offering, expect=dict)
    kind = doc.get("InstanceType")
    if kind not in _PRICES and on_demand_usd_per_hour is None:
        raise ValueError(f"offering InstanceType={kind!r} is not in the price table; pass on_demand_usd_per_hour")
    seconds = validate.number("offering Duration", doc.get("Duration"), minimum=3600, maximum=3 * 366 * 86400, unit="s")
    fixed = validate.number("offering FixedPrice", doc.get("FixedPrice", 0.0), minimum=0, maximum=1e9, unit="USD")
    usage = validate.number("offering UsagePrice", doc.get("UsagePrice", 0.0), minimum=0, maximum=1e6, unit="USD/h")
    recurring = 0.0
    charges = doc.get("RecurringCharges", [])
    if not isinstance(charges, list):
        raise ValueError(f"offering RecurringCharges must be a list, got {charges!r:.60}")
    for i, charge in enumerate(charges):
        if not isinstance(charge, dict) or charge.get("Frequency") != "Hourly":
            raise ValueError(f"offering RecurringCharges[{i}] must be {{'Amount': ..., 'Frequency': 'Hourly'}}")
        recurring += validate.number(
            f"offering RecurringCharges[{i}].Amount", charge.get("Amount"), minimum=0, maximum=1e6
        )
    od = on_demand_usd_per_hour if on_demand_usd_per_hour is not None else _PRICES[kind]
    od = validate.number("on_demand_usd_per_hour", od, minimum=0, exclusive_minimum=True, maximum=1e6)
    hours = seconds / 3600
    return OfferingRate(
        instance_type=str(kind),
        offering_type=str(doc.get("OfferingType", "")),
        term_hours=hours,
        effective_usd_per_hour=round(fixed / hours + usage + recurring, 6),
        on_demand_usd_per_hour=od,
        breakeven_utilization=round(ec2.breakeven_utilization(od, fixed, usage + recurring, hours), 6),
    )


# --- Sizing a commitment against a usage history -------------------------------------------------------------
@dataclass(frozen=True)
class CommitmentOutcome:
    """A Savings Plan commitment (USD per hour at Savings Plans rates) against an hourly On-Demand usage history.

    ``utilisation`` is used / total commitment (0 when nothing is committed), ``coverage`` the share of the
    On-Demand-equivalent usage the plan covered, ``unused_commitment_usd`` the money left on the table.

    >>> o = commitment_outcome([1.0, 1.0, 0.0, 0.0], 0.5, discount=0.5)
    >>> o.utilisation, o.coverage, o.savings_usd, o.unused_commitment_usd
    (0.5, 1.0, 0.0, 1.0)
    """

    commitment_usd_per_hour: float
    hours: int
    on_demand_equivalent_usd: float
    commitment_usd: float
    on_demand_usd: float
    used_commitment_usd: float
    utilisation: float
    coverage: float

    @property
    def total_usd(self) -> float:
        """The commitment plus the usage it did not cover, at On-Demand rates."""
        return self.commitment_usd + self.on_demand_usd

    @property
    def savings_usd(self) -> float:
        """All On-Demand minus what this commitment makes you pay (negative: the plan costs more than it saves)."""
        return self.on_demand_equivalent_usd - self.total_usd

    @property
    def unused_commitment_usd(self) -> float:
        """Commitment paid for and not used: the money left on the table."""
        return self.commitment_usd - self.used_commitment_usd


def _usage(name: str, usage_usd_per_hour: Any) -> np.ndarray:
    usage = np.asarray(usage_usd_per_hour, dtype=float) if not isinstance(usage_usd_per_hour, str) else None
    if usage is None or usage.ndim != 1 or usage.size == 0 or usage.size > 3 * 8784:
        raise ValueError(f"{name} must be a list of 1 to 26,352 hourly USD amounts, got {usage_usd_per_hour!r:.80}")
    if not np.isfinite(usage).all() or (usage < 0).any():
        raise ValueError(f"{name} must hold finite amounts >= 0 USD per hour")
    return usage


def _discount(discount: float) -> float:
    return validate.number("discount", discount, minimum=0, maximum=0.95, exclusive_minimum=True)


@checked
def commitment_outcome(
    usage_usd_per_hour: Sequence[float], commitment_usd_per_hour: float, *, discount: float = 0.28
) -> CommitmentOutcome:
    """Apply a commitment hour by hour: each hour it pays for up to ``commitment`` of usage at the discounted rate.

    An hour's usage ``u`` (On-Demand USD) costs ``u * (1 - discount)`` at Savings Plans rates; the commitment covers
    that up to its size, the rest of the hour's usage is billed On-Demand, and an unused part of the commitment is
    still billed.

    >>> o = commitment_outcome([10.0] * 24, 5.0, discount=0.5)
    >>> o.total_usd, o.savings_usd, o.utilisation
    (120.0, 120.0, 1.0)
    """
    usage = _usage("usage_usd_per_hour", usage_usd_per_hour)
    c = validate.number(
        "commitment_usd_per_hour", commitment_usd_per_hour, minimum=0, maximum=SAVINGS_PLAN_MAX_COMMITMENT_USD_PER_HOUR
    )
    d = _discount(discount)
    return _outcome(usage, c, d)


def _outcome(usage: np.ndarray, c: float, d: float) -> CommitmentOutcome:
    at_sp_rates = usage * (1 - d)
    used = np.minimum(c, at_sp_rates)
    used_total = float(used.sum())
    od_equivalent = float(usage.sum())
    covered_od = used_total / (1 - d)
    committed = c * usage.size
    return CommitmentOutcome(
        commitment_usd_per_hour=c,
        hours=int(usage.size),
        on_demand_equivalent_usd=od_equivalent,
        commitment_usd=committed,
        on_demand_usd=max(0.0, od_equivalent - covered_od),
        used_commitment_usd=used_total,
        utilisation=min(1.0, used_total / committed) if committed else 0.0,
        coverage=min(1.0, covered_od / od_equivalent) if od_equivalent else 0.0,
    )


@checked
def best_commitment(usage_usd_per_hour: Sequence[float], *, discount: float = 0.28) -> float:
    """The commitment (USD/hour) that saves the most: the largest level the usage (at SP rates) exceeds in at least a
    ``1 - discount`` share of the hours, the same rule as the compute chapter's reservation break-even.

    One more dollar of commitment buys ``1 / (1 - discount)`` dollars of On-Demand usage in the hours it is used and
    is wasted in the others, so it pays while it is used in more than ``1 - discount`` of the hours.

    >>> best_commitment([10.0] * 30 + [2.0] * 70, discount=0.5)
    1.0
    """
    usage = _usage("usage_usd_per_hour", usage_usd_per_hour)
    d = _discount(discount)
    at_sp_rates = np.sort(usage * (1 - d))[::-1]
    k = int(np.ceil((1 - d) * usage.size - 1e-9))  # hours the level must be reached in
    return float(at_sp_rates[max(k, 1) - 1])


@checked
def break_even_commitment(usage_usd_per_hour: Sequence[float], *, discount: float = 0.28) -> float:
    """The commitment (USD/hour) above which the plan costs more than all On-Demand (savings cross zero).

    Savings are a concave function of the commitment (they rise to :func:`best_commitment`, then fall), so the
    crossing is found by bisection.

    >>> round(break_even_commitment([10.0] * 30 + [2.0] * 70, discount=0.5), 4)
    3.5
    """
    usage = _usage("usage_usd_per_hour", usage_usd_per_hour)
    d = _discount(discount)
    low = best_commitment(usage, discount=d)
    high = float(usage.max())
    if _outcome(usage, high, d).savings_usd >= 0:
        return high
    for _ in range(60):
        mid = (low + high) / 2
        if _outcome(usage, mid, d).savings_usd >= 0:
            low = mid
        else:
            high = mid
    return (low + high) / 2


@checked
def commitment_sweep(
    usage_usd_per_hour: Sequence[float], commitments_usd_per_hour: Sequence[float], *, discount: float = 0.28
) -> tuple[CommitmentOutcome, ...]:
    """:func:`commitment_outcome` at each commitment level (USD/hour), for a chart of savings against commitment.

    >>> [round(o.savings_usd) for o in commitment_sweep([10.0] * 30 + [2.0] * 70, [0, 1, 2], discount=0.5)]
    [0, 100, 60]
    """
    usage = _usage("usage_usd_per_hour", usage_usd_per_hour)
    d = _discount(discount)
    if len(commitments_usd_per_hour) > 500:
        raise ValueError(f"commitments_usd_per_hour: at most 500 levels, got {len(commitments_usd_per_hour)}")
    levels = [
        validate.number("commitments_usd_per_hour", c, minimum=0, maximum=SAVINGS_PLAN_MAX_COMMITMENT_USD_PER_HOUR)
        for c in commitments_usd_per_hour
    ]
    return tuple(_outcome(usage, c, d) for c in levels)


@lru_cache(maxsize=32)
def _history(base: int, peak: int, weeks: int, seed: int, instance_type: str) -> tuple[float, ...]:
    profile = np.tile(np.asarray(pricing.weekly_profile(base, peak), dtype=float), weeks)
    rng = np.random.default_rng(seed)
    noise = rng.integers(-1, 2, profile.size) * (profile > base)  # +/- one instance in busy hours
    counts = np.clip(profile + noise, 0, None)
    return tuple(float(v) for v in np.round(counts * _PRICES[instance_type], 6))


@checked
def usage_history(
    base_instances: int = 4, peak_instances: int = 12, *, weeks: int = 4, seed: int = 0, instance_type: str = "m5.large"
) -> list[float]:
    """An hourly On-Demand usage history (USD/hour): the compute chapter's weekly profile, repeated, with seeded noise.

    >>> h = usage_history(4, 12, weeks=1)
    >>> len(h), min(h)
    (168, 0.384)
    """
    base = validate.integer("base_instances", base_instances, minimum=0, maximum=1000)
    peak = validate.integer("peak_instances", peak_instances, minimum=base, maximum=1000)
    n = validate.integer("weeks", weeks, minimum=1, maximum=52)
    validate.choice("instance_type", instance_type, _PRICES)
    validate.integer("seed", seed, minimum=0)
    return list(_history(base, peak, n, seed, instance_type))
