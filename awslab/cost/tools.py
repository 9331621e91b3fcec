"""The cost tools as models: Budgets notifications, consolidated billing's shared tiers, cost allocation by tag, and
which Trusted Advisor checks a support plan unlocks.

- **AWS Budgets**: a budget (AWS's ``Budget`` shape: ``BudgetLimit``, ``TimeUnit``, ``BudgetType``) with
  notifications (``NotificationType`` ACTUAL or FORECASTED, ``ComparisonOperator`` GREATER_THAN / LESS_THAN /
  EQUAL_TO, ``Threshold``, ``ThresholdType`` PERCENTAGE or ABSOLUTE_VALUE). :func:`budget_alerts` says which fire for
  the month's actual and forecast spend. A budget *action* (``APPLY_IAM_POLICY``, ``APPLY_SCP_POLICY`` or
  ``RUN_SSM_DOCUMENTS``, approved automatically or manually) runs when its own threshold is crossed. Our forecast is
  a straight line through the month so far; AWS's comes from Cost Explorer's forecasting.
- **Consolidated billing** (AWS Organizations): the management account pays for every member account, and usage is
  added up across the organization for volume tiers, so the organization reaches cheaper tiers sooner. We apply
  the 100 GB free allowance once to the combined usage too (our reading of the consolidated-billing page; the
  allowance is small next to the tier effect). Reserved Instances and Savings Plans are shared across accounts too
  unless sharing is turned off. :func:`consolidated_egress` shows the tier effect on internet egress.
- **Cost allocation tags**: a tag key shows up in Cost Explorer and the Cost and Usage Report only after it is
  activated in the Billing console, and only for usage from then on. User-defined keys appear with the ``user:``
  prefix, AWS-generated ones (e.g. ``aws:createdBy``) with ``aws:``. :func:`allocate_by_tag` splits line items
  (legacy CUR column names: ``lineItem/UnblendedCost``, ``resourceTags/user:<key>``) by a tag and reports what is
  untagged.
- **Trusted Advisor**: every account gets the core checks (a few security checks and service quotas); the cost
  optimization checks come with a Business, Enterprise On-Ramp or Enterprise Support plan today, and with Business
  Support+, Enterprise or Unified Operations from 1 January 2027, when Developer, Business and Enterprise On-Ramp
  support end.

References:
    - AWS CloudFormation Template Reference, "AWS::Budgets::BudgetsAction" (ActionType APPLY_IAM_POLICY |
      APPLY_SCP_POLICY | RUN_SSM_DOCUMENTS; ApprovalModel),
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-budgets-budgetsaction.html
      (read 2026-12-03)
    - AWS Budgets API Reference, "Notification" and "Budget" (NotificationType ACTUAL | FORECASTED, ComparisonOperator,
      ThresholdType), https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Notification.html
      (read 2026-12-03 through botocore's budgets service model)
    - AWS Support User Guide, "Get started with the Trusted Advisor API" (Business, Enterprise On-Ramp or Enterprise
      Support needed today; Business Support+, Enterprise or Unified Operations in the newer edition; end-of-support
      notices for Developer, Business and Enterprise On-Ramp on 1 January 2027),
      https://docs.aws.amazon.com/awssupport/latest/user/get-started-with-aws-trusted-advisor-api.html (read 2026-12-03)
    - AWS Billing User Guide, "Consolidated billing for AWS Organizations" and "Using cost allocation tags",
      https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/consolidated-billing.html and
      https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html (read 2026-12-03)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from awslab import validate
from awslab.cost import transfer
from awslab.validate import checked

NOTIFICATION_TYPES = ("ACTUAL", "FORECASTED")
COMPARISON_OPERATORS = ("GREATER_THAN", "LESS_THAN", "EQUAL_TO")
THRESHOLD_TYPES = ("PERCENTAGE", "ABSOLUTE_VALUE")
BUDGET_ACTION_TYPES = ("APPLY_IAM_POLICY", "APPLY_SCP_POLICY", "RUN_SSM_DOCUMENTS")

# Which Trusted Advisor checks a support plan gets (see the module docstring and References).
SUPPORT_PLANS = {
    "Basic": "core",
    "Developer": "core",
    "Business": "all",
    "Enterprise On-Ramp": "all",
    "Enterprise": "all",
    "Business Support+": "all",
    "Unified Operations": "all",
}
PLANS_ENDING_2027_01_01 = ("Developer", "Business", "Enterprise On-Ramp")
# A few of the cost optimization checks, by their names in the Trusted Advisor check reference.
COST_CHECKS = (
    "Low Utilization Amazon EC2 Instances",
    "Idle Load Balancers",
    "Underutilized Amazon EBS Volumes",
    "Unassociated Elastic IP Addresses",
    "Amazon RDS Idle DB Instances",
    "Amazon EC2 Reserved Instance Lease Expiration",
    "Savings Plan",
)
CORE_CHECKS = (
    "Security Groups - Specific Ports Unrestricted",
    "MFA on Root Account",
    "IAM Use",
    "Amazon S3 Bucket Permissions",
    "Service Limits",
)


@dataclass(frozen=True)
class Alert:
    """One notification judged against the month: its threshold in USD and whether it fires.

    >>> budget_alerts(EXAMPLE_BUDGET, EXAMPLE_NOTIFICATIONS, actual_usd=70, forecasted_usd=110)[1].fires
    True
    """

    notification_type: str
    comparison_operator: str
    threshold: float
    threshold_type: str
    threshold_usd: float
    spend_usd: float
    fires: bool


EXAMPLE_BUDGET = {
    "BudgetName": "monthly-cost",
    "BudgetLimit": {"Amount": "100", "Unit": "USD"},
    "TimeUnit": "MONTHLY",
    "BudgetType": "COST",
}
EXAMPLE_NOTIFICATIONS = [
    {
        "NotificationType": "ACTUAL",
        "ComparisonOperator": "GREATER_THAN",
        "Threshold": 80.0,
        "ThresholdType": "PERCENTAGE",
    },
    {
        "NotificationType": "FORECASTED",
        "ComparisonOperator": "GREATER_THAN",
        "Threshold": 100.0,
        "ThresholdType": "PERCENTAGE",
    },
]


def _budget_limit(budget) -> float:
    doc = validate.json_document("budget", budget, expect=dict)
    limit = doc.get("BudgetLimit")
    if not isinstance(limit, dict) or "Amount" not in limit:
        raise ValueError("budget must have BudgetLimit: {'Amount': '100', 'Unit': 'USD'}")
    try:
        amount = float(limit["Amount"])
    except (TypeError, ValueError):
        raise ValueError(f"budget BudgetLimit.Amount must be a number as text, got {limit['Amount']!r}") from None
    return validate.number("BudgetLimit.Amount", amount, minimum=0, exclusive_minimum=True, maximum=1e12, unit="USD")


@checked
def budget_alerts(
    budget: dict | str, notifications: list[dict] | str, *, actual_usd: float, forecasted_usd: float
) -> tuple[Alert, ...]:
    """Judge each notification: ACTUAL ones against ``actual_usd``, FORECASTED ones against ``forecasted_usd``.

    >>> [a.fires for a in budget_alerts(EXAMPLE_BUDGET, EXAMPLE_NOTIFICATIONS, actual_usd=50, forecasted_usd=90)]
    [False, False]
    """
    limit = _budget_limit(budget)
    actual = validate.number("actual_usd", actual_usd, minimum=0, maximum=1e12, unit="USD")
    forecast = validate.number("forecasted_usd", forecasted_usd, minimum=0, maximum=1e12, unit="USD")
    alerts = []
    for i, n in enumerate(validate.json_objects("notifications", notifications)):
        where = f"notifications[{i}]"
        kind = validate.choice(f"{where}.NotificationType", n.get("NotificationType"), NOTIFICATION_TYPES)
        op = validate.choice(f"{where}.ComparisonOperator", n.get("ComparisonOperator"), COMPARISON_OPERATORS)
        ttype = validate.choice(f"{where}.ThresholdType", n.get("ThresholdType", "PERCENTAGE"), THRESHOLD_TYPES)
        threshold = validate.number(f"{where}.Threshold", n.get("Threshold"), minimum=0, maximum=1e12)
        usd = limit * threshold / 100 if ttype == "PERCENTAGE" else threshold
        spend = actual if kind == "ACTUAL" else forecast
        fires = {"GREATER_THAN": spend > usd, "LESS_THAN": spend < usd, "EQUAL_TO": abs(spend - usd) < 1e-9}[op]
        alerts.append(Alert(kind, op, threshold, ttype, round(usd, 6), spend, fires))
    return tuple(alerts)


@checked
def straight_line_forecast(month_to_date_usd: float, day_of_month: int, days_in_month: int = 30) -> float:
    """The month's spend if it goes on at the rate so far (USD); a simple stand-in for AWS's forecast.

    >>> straight_line_forecast(40, 12, 30)
    100.0
    """
    spent = validate.number("month_to_date_usd", month_to_date_usd, minimum=0, maximum=1e12, unit="USD")
    days = validate.integer("days_in_month", days_in_month, minimum=28, maximum=31)
    day = validate.integer("day_of_month", day_of_month, minimum=1, maximum=days)
    return round(spent / day * days, 6)


@dataclass(frozen=True)
class ConsolidatedEgress:
    """Internet egress billed account by account, and once for the organization (tiers over the summed GB).

    >>> round(consolidated_egress([6000, 6000, 6000]).saving_usd, 2)
    20.3
    """

    account_gb: tuple[float, ...]
    separate_usd: float
    consolidated_usd: float

    @property
    def saving_usd(self) -> float:
        """USD a month consolidated billing saves on this egress."""
        return round(self.separate_usd - self.consolidated_usd, 6)


@checked
def consolidated_egress(
    account_gb: Sequence[float], prices: transfer.TransferPrices = transfer.US_EAST_1
) -> ConsolidatedEgress:
    """Price each account's monthly internet egress alone (each with its free allowance and tiers) and the
    organization's total once (one allowance, tiers over the sum).

    >>> consolidated_egress([50, 50]).consolidated_usd
    0.0
    """
    if not 1 <= len(account_gb) <= 1000:
        raise ValueError(f"account_gb must list 1 to 1,000 accounts, got {len(account_gb)}")
    gbs = tuple(
        validate.number(f"account_gb[{i}]", g, minimum=0, maximum=transfer.MAX_GB, unit="GB")
        for i, g in enumerate(account_gb)
    )
    separate = sum(transfer.tiered_usd(g, prices.internet_tiers, prices.internet_free_gb) for g in gbs)
    together = (
        transfer.tiered_usd(sum(gbs), prices.internet_tiers, prices.internet_free_gb)
        if sum(gbs) <= transfer.MAX_GB
        else 0.0
    )
    return ConsolidatedEgress(gbs, round(separate, 6), together)


@dataclass(frozen=True)
class Allocation:
    """Costs split by one tag's values; ``untagged_usd`` is what carries no (activated) value of the tag.

    >>> allocate_by_tag(EXAMPLE_LINE_ITEMS, "team").by_value
    {'checkout': 120.0, 'search': 60.0}
    """

    tag_key: str
    by_value: dict[str, float]
    untagged_usd: float
    total_usd: float

    @property
    def untagged_fraction(self) -> float:
        """Share of the cost no team can be charged for."""
        return self.untagged_usd / self.total_usd if self.total_usd else 0.0


EXAMPLE_LINE_ITEMS = [
    {"lineItem/ProductCode": "AmazonEC2", "lineItem/UnblendedCost": "100.0", "resourceTags/user:team": "checkout"},
    {"lineItem/ProductCode": "AmazonS3", "lineItem/UnblendedCost": "20.0", "resourceTags/user:team": "checkout"},
    {"lineItem/ProductCode": "AmazonEC2", "lineItem/UnblendedCost": "60.0", "resourceTags/user:team": "search"},
    {"lineItem/ProductCode": "AmazonRDS", "lineItem/UnblendedCost": "80.0", "resourceTags/user:team": ""},
    {"lineItem/ProductCode": "AWSDataTransfer", "lineItem/UnblendedCost": "40.0"},
]


@checked
def allocate_by_tag(
    line_items: list[dict] | str, tag_key: str, *, activated: bool = True, aws_generated: bool = False
) -> Allocation:
    """Split CUR line items by a tag (``resourceTags/user:<key>``, or ``aws:<key>`` when ``aws_generated``).

    A tag that is not ``activated`` as a cost allocation tag never reaches the report: everything is untagged.

    >>> allocate_by_tag(EXAMPLE_LINE_ITEMS, "team", activated=False).untagged_usd
    300.0
    """
    items = validate.json_objects("line_items", line_items)
    if len(items) > 100_000:
        raise ValueError(f"line_items: at most 100,000 rows, got {len(items)}")
    if not isinstance(tag_key, str) or not 1 <= len(tag_key) <= 128:
        raise ValueError(f"tag_key must be 1-128 characters, got {tag_key!r}")
    column = f"resourceTags/{'aws' if aws_generated else 'user'}:{tag_key}"
    by_value: dict[str, float] = {}
    untagged = total = 0.0
    for i, row in enumerate(items):
        try:
            cost = float(row.get("lineItem/UnblendedCost", "0"))
        except (TypeError, ValueError):
            raise ValueError(
                f"line_items[{i}]['lineItem/UnblendedCost'] must be a number, got {row.get('lineItem/UnblendedCost')!r}"
            ) from None
        validate.number(f"line_items[{i}]['lineItem/UnblendedCost']", cost, minimum=-1e12, maximum=1e12, unit="USD")
        total += cost
        value = row.get(column) if activated else None
        if isinstance(value, str) and value:
            by_value[value] = round(by_value.get(value, 0.0) + cost, 6)
        else:
            untagged += cost
    return Allocation(tag_key, dict(sorted(by_value.items())), round(untagged, 6), round(total, 6))


@checked
def trusted_advisor_checks(support_plan: str) -> tuple[str, ...]:
    """The Trusted Advisor checks (a sample of names) a support plan shows: the core ones, or all including cost.

    >>> "Idle Load Balancers" in trusted_advisor_checks("Basic"), "Idle Load Balancers" in trusted_advisor_checks("Business Support+")
    (False, True)
    """
    level = SUPPORT_PLANS[validate.choice("support_plan", support_plan, SUPPORT_PLANS)]
    return CORE_CHECKS + (COST_CHECKS if level == "all" else ())
