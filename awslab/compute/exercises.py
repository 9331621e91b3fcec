"""Your-turn exercises of the compute notebooks; every answer is computed by the chapter's own models.

One group per notebook: ``ec2-basics-*`` (01), ``paying-for-ec2-*`` (02), ``auto-scaling-*`` (03),
``load-balancing-*`` (04) and ``lambda-beanstalk-*`` (05). A notebook shows them with
``from awslab.compute import exercises as ex`` and ``ex.right_size_winner`` as a cell's last expression.

>>> right_size_winner.check("m5.xlarge").right, t3_surplus_month.check(109.5).right
(True, False)

References:
    - Amazon EC2 User Guide, "Key concepts for burstable performance instances",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-credits-baseline-concepts.html (read 2026-12-03)
    - Amazon EC2 User Guide, "Placement strategies for your placement groups",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-strategies.html (read 2026-12-03)
    - Amazon EC2 Auto Scaling User Guide, "Step and simple scaling policies",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html (read 2026-12-03)
    - Amazon EC2 Auto Scaling User Guide, "Configure termination policies",
      https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html
      (read 2026-12-03)
    - Elastic Load Balancing User Guide, "Cross-zone load balancing",
      https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html
      (read 2026-12-03)
    - Application Load Balancers, "Health checks for Application Load Balancer target groups",
      https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
      (read 2026-12-03)
    - AWS Lambda pricing, https://aws.amazon.com/lambda/pricing/ (read 2026-12-03)
    - AWS Elastic Beanstalk Developer Guide, "Deployment policies and settings",
      https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.rolling-version-deploy.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.compute import autoscaling, beanstalk, ec2, elb, lambda_cost, placement, pricing

# --- 01 EC2 basics ---------------------------------------------------------------------------------------------------
_SIZED = ec2.right_size(3, 10, 0.2)
_T3_XLARGE = next(t for t in ec2.DEFAULT_INSTANCE_TYPES if t.name == "t3.xlarge")
_SURPLUS_HOUR = ec2.surplus_usd_per_hour(_T3_XLARGE, 3.0)
_BASELINE = ec2.T3_BASELINE_PER_VCPU["t3.xlarge"] * _T3_XLARGE.vcpu

right_size_winner = exercises.choice(
    "ec2-basics-1",
    "The cheapest fit for a busy 3-vCPU service",
    task=(
        "A service peaks at **3 vCPU** and **10 GiB**, and the peak never rests. With **20 %** headroom, which type "
        "in the notebook's price table is the cheapest fit (T3 types priced in unlimited mode)?"
    ),
    choices=("t3.xlarge", "m5.xlarge", "c5.xlarge", "r5.xlarge"),
    answer=_SIZED.best.name,
    hint=(
        "Set the right-sizing explorer to 3 vCPU, 10 GiB and 0.2 headroom, or call `ec2.right_size(3, 10, 0.2)`. "
        "A t3.xlarge's list price is lower, but look at its surplus column."
    ),
    solution=(
        f"{_SIZED.best.name}: the need is {_SIZED.vcpu_needed:g} vCPU and {_SIZED.memory_gib_needed:g} GiB, so "
        "c5.xlarge (8 GiB) is too small. The t3.xlarge fits but earns only "
        f"{_BASELINE:g} vCPU of baseline; at 3 vCPU all day it pays USD {_SURPLUS_HOUR:g} an hour of surplus credits "
        f"on top of its list price, which makes it dearer than the {_SIZED.best.name} "
        f"(USD {float(_SIZED.ranking.iloc[0]['effective_usd_per_hour']):g} an hour)."
    ),
)

t3_surplus_month = exercises.number(
    "ec2-basics-2",
    "A month of surplus credits",
    task=(
        "You keep the t3.xlarge anyway, in unlimited mode, and it averages **3 vCPU** around the clock. How many USD "
        f"of surplus credits does it pay in a {ec2.HOURS_PER_MONTH}-hour month, on top of its hourly price?"
    ),
    answer=round(_SURPLUS_HOUR * ec2.HOURS_PER_MONTH, 2),
    unit="USD",
    hint=(
        "Only the use above the baseline is surplus: a t3.xlarge's baseline is 40 % of each of its 4 vCPUs. "
        "`ec2.surplus_usd_per_hour` gives the hourly figure."
    ),
    solution=(
        f"Surplus = (3 - {_BASELINE:g}) vCPU x USD {ec2.T3_SURPLUS_USD_PER_VCPU_HOUR:g} per vCPU-hour = "
        f"USD {_SURPLUS_HOUR:g} an hour; x {ec2.HOURS_PER_MONTH} hours = USD {_SURPLUS_HOUR * ec2.HOURS_PER_MONTH:.2f}. "
        "Charging all 3 vCPUs (forgetting the baseline) would give more than twice that."
    ),
)

# --- 02 Paying for EC2 -----------------------------------------------------------------------------------------------
_THREE_YEAR = pricing.OFFERINGS["3-year No Upfront"]
_ONE_YEAR = pricing.OFFERINGS["1-year No Upfront"]


def _breakeven_percent(offer: pricing.Reservation) -> float:
    od = pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR
    return 100 * ec2.breakeven_utilization(od, offer.upfront_usd, offer.recurring_usd_per_hour, offer.term_hours)


breakeven_three_year = exercises.number(
    "paying-for-ec2-1",
    "Break-even of a 3-year No Upfront reservation",
    task=(
        "For the notebook's m5.large, what percentage of a **3-year** term must the instance run for a "
        "**3-year No Upfront** reservation to cost the same as On-Demand?"
    ),
    answer=round(_breakeven_percent(_THREE_YEAR), 2),
    unit="%",
    hint=(
        "Break-even = (upfront + recurring rate x term hours) / (On-Demand rate x term hours). The reservation table "
        "in the notebook has the rates; mind which term you read."
    ),
    solution=(
        f"No upfront, so the hours cancel: USD {_THREE_YEAR.recurring_usd_per_hour:g} / USD "
        f"{pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR:g} = {_breakeven_percent(_THREE_YEAR):.1f} % of the term. "
        f"The 1-year No Upfront offer needs {_breakeven_percent(_ONE_YEAR):.1f} %."
    ),
)

_KAFKA = placement.place("partition", 12, ["us-east-1a", "us-east-1b"], partitions_per_az=3)

partition_loss = exercises.number(
    "paying-for-ec2-2",
    "What one rack failure costs a partition group",
    task=(
        "Twelve Kafka brokers go into a **partition** placement group across **us-east-1a and us-east-1b**, with "
        "**3 partitions per AZ**. What percentage of the brokers can one partition's rack failure take down?"
    ),
    answer=round(100 * placement.rack_failure_loss(_KAFKA), 2),
    unit="%",
    hint=(
        "The instances alternate between the AZs, then fill each AZ's partitions in turn. Count the brokers in the "
        "fullest partition (`placement.place(...)` and `placement.rack_failure_loss(...)`)."
    ),
    solution=(
        "6 brokers per AZ over 3 partitions is 2 per partition, and 2 of 12 brokers is "
        f"{100 * placement.rack_failure_loss(_KAFKA):.1f} %. One AZ with 3 partitions would lose 4 of 12 (33 %); "
        "a cluster group would lose all of them."
    ),
)

# --- 03 Auto Scaling -------------------------------------------------------------------------------------------------
_PERCENT_CHANGE = autoscaling.scaling_adjustment(9, "PercentChangeInCapacity", 30)

percent_rounding = exercises.number(
    "auto-scaling-1",
    "A 30 % scale-out of a group of 9",
    task=(
        "A simple scaling policy with `AdjustmentType` **PercentChangeInCapacity** and `ScalingAdjustment` **30** "
        "fires on a group of **9** instances (no MinAdjustmentMagnitude, MaxSize 20). What is the new capacity?"
    ),
    answer=9 + _PERCENT_CHANGE,
    unit="instances",
    tolerance=0.0,
    hint="30 % of 9 is 2.7. How does EC2 Auto Scaling round a percentage change greater than 1?",
    solution=(
        f"9 x 30 % = 2.7; AWS rounds a value above 1 down (toward zero), so the change is {_PERCENT_CHANGE} and the "
        f"group goes to {9 + _PERCENT_CHANGE}. Rounding to the nearest would wrongly give 12."
    ),
)

_GROUP = [
    {"InstanceId": "i-a1", "AvailabilityZone": "us-east-1a", "LaunchTemplateVersion": 2, "LaunchMinute": 0},
    {"InstanceId": "i-a2", "AvailabilityZone": "us-east-1a", "LaunchTemplateVersion": 2, "LaunchMinute": 50},
    {"InstanceId": "i-b1", "AvailabilityZone": "us-east-1b", "LaunchTemplateVersion": 1, "LaunchMinute": 5},
    {"InstanceId": "i-b2", "AvailabilityZone": "us-east-1b", "LaunchTemplateVersion": 2, "LaunchMinute": 20},
    {"InstanceId": "i-b3", "AvailabilityZone": "us-east-1b", "LaunchTemplateVersion": 2, "LaunchMinute": 40},
]
_VICTIM = autoscaling.choose_instance_to_terminate(_GROUP, now_minute=90)

scale_in_victim = exercises.choice(
    "auto-scaling-2",
    "Which instance goes at scale-in?",
    task=(
        "A group under the default termination policy scales in by one at minute 90. It runs i-a1 (us-east-1a, "
        "template v2, launched at minute 0), i-a2 (1a, v2, minute 50), i-b1 (1b, **v1**, minute 5), i-b2 (1b, v2, "
        "minute 20) and i-b3 (1b, v2, minute 40). Which instance is terminated?"
    ),
    choices=tuple(i["InstanceId"] for i in _GROUP),
    answer=_VICTIM,
    hint=(
        "The default policy looks at the AZs first, then the launch template version, then the next billing hour. "
        "`autoscaling.choose_instance_to_terminate(group, now_minute=90)` applies it."
    ),
    solution=(
        f"{_VICTIM}: us-east-1b has the most instances (3), and among them {_VICTIM} is the only one on the older "
        "template version, so the billing-hour tie-break is never reached. i-b3 is closer to its next "
        "instance-hour, but that criterion only splits instances left after the first two."
    ),
)

# --- 04 Load balancing -----------------------------------------------------------------------------------------------
_SHARE = elb.traffic_share({"us-east-1a": 2, "us-east-1b": 6}, cross_zone=False)
_SHARE_ON = elb.traffic_share({"us-east-1a": 2, "us-east-1b": 6}, cross_zone=True)

cross_zone_off_share = exercises.number(
    "load-balancing-1",
    "A small AZ without cross-zone load balancing",
    task=(
        "A Network Load Balancer (cross-zone off, its default) has **2** targets in us-east-1a and **6** in "
        "us-east-1b. What percentage of all requests does **each** target in us-east-1a receive?"
    ),
    answer=round(100 * _SHARE["us-east-1a"], 2),
    unit="%",
    hint=(
        "Each AZ's load balancer node gets an equal share of the traffic; without cross-zone it keeps that share "
        "within its own AZ. The cross-zone explorer shows it (`elb.traffic_share`)."
    ),
    solution=(
        f"Two nodes get 50 % each; us-east-1a's node splits its half over 2 targets = {100 * _SHARE['us-east-1a']:g} % "
        f"each, while each us-east-1b target gets {100 * _SHARE['us-east-1b']:.2f} %. With cross-zone on every "
        f"target would get {100 * _SHARE_ON['us-east-1a']:g} %."
    ),
)

_FAST = elb.HealthCheckConfig(interval_seconds=10, timeout_seconds=5, healthy_threshold=3, unhealthy_threshold=3)
_OUT, _BACK = elb.detection_delay_seconds(_FAST)

unhealthy_delay = exercises.number(
    "load-balancing-2",
    "How soon is a dead target taken out?",
    task=(
        "A target group checks every **10 s** with a **5 s** timeout, a healthy threshold of **3** and an unhealthy "
        "threshold of **3**. A target stops answering just after a passing check. In the worst case, how many seconds "
        "pass before the load balancer marks it unhealthy?"
    ),
    answer=_OUT,
    unit="s",
    tolerance=0.0,
    hint=(
        "It takes `unhealthy_threshold` failed checks in a row, one per interval, and the last one only fails when "
        "its timeout runs out (`elb.detection_delay_seconds`)."
    ),
    solution=(
        f"3 checks x 10 s + the 5 s timeout of the deciding check = {_OUT:g} s. Coming back takes "
        f"3 passing checks, about {_BACK:g} s."
    ),
)

# --- 05 Lambda and Elastic Beanstalk ---------------------------------------------------------------------------------
_BILL = lambda_cost.lambda_monthly_cost(20_000_000, 200, 1024)
_BILL_NO_FREE = lambda_cost.lambda_monthly_cost(20_000_000, 200, 1024, free_tier=False)

lambda_bill = exercises.number(
    "lambda-beanstalk-1",
    "A month of a busy function",
    task=(
        "A function (x86_64, **1,024 MB**) runs **20 million** times a month for **200 ms** each. What is the "
        "month's Lambda bill in USD, after the free tier?"
    ),
    answer=round(_BILL.total_usd, 2),
    unit="USD",
    hint=(
        "Two parts: requests (per million) and duration (GB-seconds = invocations x seconds x GB). Subtract the "
        "monthly free allowance from each (`lambda_cost.lambda_monthly_cost`)."
    ),
    solution=(
        f"GB-seconds = 20,000,000 x 0.2 s x 1 GB = {_BILL.gb_seconds:,.0f}; after the free tier the duration costs "
        f"USD {_BILL.duration_usd:.2f} and the requests USD {_BILL.request_usd:.2f}, USD {_BILL.total_usd:.2f} in all "
        f"(USD {_BILL_NO_FREE.total_usd:.2f} without the free tier)."
    ),
)

_ROLLING = beanstalk.deployment_timeline("Rolling", 10, batch_size=25)

rolling_capacity = exercises.number(
    "lambda-beanstalk-2",
    "Capacity during a rolling deployment",
    task=(
        "An Elastic Beanstalk environment of **10** instances deploys with the **Rolling** policy and a batch size "
        "of **25 %**. At the lowest point, what percentage of the fleet is still serving requests?"
    ),
    answer=round(100 * _ROLLING.min_capacity_fraction, 2),
    unit="%",
    hint=(
        "A percentage batch is rounded up to whole instances (`beanstalk.batch_count`); the batch being deployed "
        "serves nothing. The deployment explorer shows it phase by phase."
    ),
    solution=(
        f"25 % of 10 is 2.5, rounded up to {beanstalk.batch_count(10, 25, 'Percentage')} instances per batch, so at "
        f"worst {100 * _ROLLING.min_capacity_fraction:g} % serve (not 75 %: a batch is never half an instance). "
        "RollingWithAdditionalBatch keeps 100 %."
    ),
)
