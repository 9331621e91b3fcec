"""Your-turn exercises of the cost notebooks, their answers computed by the chapter's own models.

One block per notebook; ids are prefixed with the notebook's topic (``buying-compute-``, ``data-transfer-``,
``cost-tools-``) so they are unique in the course.

>>> buying_compute_family_move.check("Compute Savings Plan").right
True

References:
    - The chapter's models (awslab.cost.commitments, transfer, chooser, tools) and the pages they cite; no URL recorded
      here.
"""

from __future__ import annotations

from awslab import exercises
from awslab.cost import chooser, commitments, tools, transfer

# --- 01 Buying compute ---------------------------------------------------------------------------------------
_FLEET = commitments.compare_purchases(commitments.changing_fleet(6, 6))
_STILL_COVERING = [
    r.option for r in _FLEET if r.option not in ("On-Demand", "Spot") and r.phases[-1].covered_fraction > 0
]
buying_compute_family_move = exercises.choice(
    "buying-compute-1",
    "Which commitment survives the move?",
    task=(
        "Halfway through the year the fleet moves from m5.xlarge in us-east-1 to c5.2xlarge in eu-west-1 (family "
        "and Region change together). Which commitment, bought at the start, still covers the second half?"
    ),
    choices=(
        "Compute Savings Plan",
        "EC2 Instance Savings Plan",
        "Standard RI (regional)",
        "Convertible RI (regional)",
    ),
    answer=_STILL_COVERING[0],
    hint="Which one is tied to neither a family nor a Region?",
    solution=(
        "Only a Compute Savings Plan: EC2 Instance Savings Plans and Standard RIs are tied to one family in one "
        "Region, and a Convertible RI can be exchanged for another family but not another Region. Try "
        "`commitments.compare_purchases(commitments.changing_fleet(6, 6))` and look at the last phase's coverage."
    ),
)

_USAGE = commitments.usage_history(4, 12, weeks=4)
buying_compute_best_commitment = exercises.number(
    "buying-compute-2",
    "The best hourly commitment",
    task=(
        "For four weeks of the m5.large fleet (4 instances at night, 12 at the daytime peak; "
        "`commitments.usage_history(4, 12, weeks=4)`) and a 28 % Savings Plan discount, which hourly commitment "
        "(USD per hour, at Savings Plans rates) saves the most?"
    ),
    answer=round(commitments.best_commitment(_USAGE, discount=0.28), 6),
    unit="USD/h",
    tolerance=0.02,
    hint="A dollar of commitment pays off while it is used in more than 1 - 0.28 = 72 % of the hours.",
    solution=(
        f"About {commitments.best_commitment(_USAGE, discount=0.28):.3f} USD/h: the usage at Savings Plans rates "
        "that is reached in at least 72 % of the hours, which is the night-time base (4 x 0.096 x 0.72 = 0.276). "
        "`commitments.best_commitment(usage, discount=0.28)` computes it."
    ),
)

buying_compute_size_flexibility = exercises.number(
    "buying-compute-3",
    "Size flexibility",
    task="A regional Linux Reserved Instance for one m5.4xlarge: how many m5.large instances can it cover at once?",
    answer=commitments.normalization_factor("m5.4xlarge") / commitments.normalization_factor("m5.large"),
    unit="instances",
    tolerance=0.0,
    hint="Compare normalization factors: a large is 4 units.",
    solution="A 4xlarge is 32 normalized units and a large 4, so it covers 32 / 4 = 8 m5.large.",
)

# --- 02 Data transfer ----------------------------------------------------------------------------------------
_NAT = transfer.transfer_bill({"nat_gateways": 1, "s3_via_nat_gb": 1000})
data_transfer_nat = exercises.number(
    "data-transfer-1",
    "S3 through a NAT gateway",
    task=(
        "Private instances read 1,000 GB a month from S3 in the same Region through one NAT gateway that runs all "
        "month (730 hours). What does that path cost a month, in USD?"
    ),
    answer=_NAT.total_usd,
    unit="USD",
    hint="Two NAT charges: hours and GB processed. S3 to EC2 in the same Region is free transfer.",
    solution=(
        f"730 h x 0.045 + 1,000 GB x 0.045 = {_NAT.total_usd:,.2f} USD. A gateway endpoint carries the same traffic "
        "for nothing."
    ),
)

_EGRESS = transfer.transfer_bill({"internet_egress_gb": 20_000})
data_transfer_egress = exercises.number(
    "data-transfer-2",
    "Internet egress tiers",
    task="An application sends 20,000 GB a month from EC2 to the internet (no CloudFront). What is its egress bill?",
    answer=_EGRESS.total_usd,
    unit="USD",
    hint="100 GB free, then 10 TB (10,240 GB) at 0.09 and the rest at 0.085.",
    solution=(f"(10,240 x 0.09) + (20,000 - 100 - 10,240) x 0.085 = {_EGRESS.total_usd:,.2f} USD."),
)

data_transfer_cheapest_s3_path = exercises.choice(
    "data-transfer-3",
    "The cheapest way to S3",
    task="From private subnets, which path to S3 in the same Region has no hourly and no per-GB charge?",
    choices=("NAT gateway", "interface endpoint", "gateway endpoint", "internet gateway with public IPs"),
    answer="gateway endpoint",
    hint="Two services have endpoints of this kind: S3 and DynamoDB.",
    solution=(
        "A gateway endpoint: a route-table entry, free. An interface endpoint charges per AZ-hour and per GB; a NAT "
        "gateway per hour and per GB; public IPv4 addresses are charged per hour too."
    ),
)

# --- 03 Storage and database cost, and the tools ---------------------------------------------------------------
_SPIKY = chooser.dynamodb_choice(100, 25, 1024, peak_to_average=4)
cost_tools_dynamodb = exercises.choice(
    "cost-tools-1",
    "Spiky table",
    task=(
        "A DynamoDB table averages 100 reads and 25 writes a second of 1 KiB items, but its peak is 4 times the "
        "average. Which capacity mode costs less?"
    ),
    choices=("provisioned", "on-demand"),
    answer=_SPIKY.pick,
    hint="Provisioned capacity is sized for the peak (at 70 % target utilisation) and billed every hour.",
    solution=(
        f"{_SPIKY.pick}: {_SPIKY.monthly_usd:,.2f} USD a month against {_SPIKY.runner_up_monthly_usd:,.2f}. "
        "`chooser.dynamodb_choice(100, 25, 1024, peak_to_average=4)`."
    ),
)

_ORG = tools.consolidated_egress([8000, 8000])
cost_tools_consolidated = exercises.number(
    "cost-tools-2",
    "Consolidated billing",
    task=(
        "Two accounts each send 8,000 GB a month to the internet. How much a month does consolidated billing "
        "(one organization, tiers over the total) save against two separate bills?"
    ),
    answer=_ORG.saving_usd,
    unit="USD",
    hint="Together the accounts pass the 10 TB tier; apart, neither does.",
    solution=f"Separate: {_ORG.separate_usd:,.2f} USD; together: {_ORG.consolidated_usd:,.2f} USD; saving {_ORG.saving_usd:,.2f}.",
)

_ALERTS = tools.budget_alerts(tools.EXAMPLE_BUDGET, tools.EXAMPLE_NOTIFICATIONS, actual_usd=85, forecasted_usd=95)
_FIRING = [a for a in _ALERTS if a.fires]
_ALERT_ANSWER = {0: "none", 2: "both"}.get(len(_FIRING)) or f"{_FIRING[0].notification_type} only"
cost_tools_budget = exercises.choice(
    "cost-tools-3",
    "Which budget alerts fire?",
    task=(
        "A USD 100 monthly cost budget alerts on ACTUAL spend above 80 % and on FORECASTED spend above 100 %. "
        "Month to date you have spent USD 85 and the forecast is USD 95. Which alerts fire?"
    ),
    choices=("none", "ACTUAL only", "FORECASTED only", "both"),
    answer=_ALERT_ANSWER,
    hint="Compare each notification with its own kind of spend: 80 % of 100 is 80.",
    solution="ACTUAL only: 85 > 80, but the forecast 95 is below 100. `tools.budget_alerts(...)` says the same.",
)
