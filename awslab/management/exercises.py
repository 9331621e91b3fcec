"""Your-turn exercises of the management notebooks (CloudWatch, CloudFormation, CloudTrail/Config/Trusted Advisor).

Every answer is computed here by the chapter's own models (awslab.management.cloudwatch, cloudformation,
config_rules, trusted_advisor), so it cannot drift from what the explorers show.

>>> alarm_first_period.check(alarm_first_period.answer).right
True

References:
    - Amazon CloudWatch User Guide, "Using Amazon CloudWatch alarms" (M out of N, missing data),
      https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html (read 2026-12-03)
    - Amazon CloudWatch concepts (metric retention),
      https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html (read 2026-12-03)
    - AWS CloudFormation User Guide, "DependsOn attribute",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html (read 2026-12-03)
    - AWS Config Developer Guide, managed rules (restricted-ssh),
      https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html (read 2026-12-03)
    - AWS Support User Guide, Trusted Advisor "Service limits" (yellow at 80 %, red at 100 % of a limit),
      https://docs.aws.amazon.com/awssupport/latest/user/service-limits.html (read 2026-12-03)
"""

from __future__ import annotations

import json

from awslab import exercises, validate
from awslab.management import cloudformation as cfn
from awslab.management import cloudwatch as cw
from awslab.management import config_rules
from awslab.management import trusted_advisor as ta

# --- 01_cloudwatch ----------------------------------------------------------------------------------------------
CPU_SERIES = (70, 85, 60, 90, 95, 50, 88, 91)
_CPU_STATES = cw.evaluate_alarm(
    list(CPU_SERIES), 80, "GreaterThanThreshold", evaluation_periods=4, datapoints_to_alarm=3
)

alarm_first_period = exercises.number(
    "cloudwatch-1",
    "When does a 3-out-of-4 alarm fire?",
    task=f"An alarm watches CPUUtilization > 80 % with 3 out of 4 datapoints to alarm. The five-minute averages are "
    f"{', '.join(str(v) for v in CPU_SERIES)}. After which period (1 = the first) does it first go to ALARM?",
    answer=_CPU_STATES.index("ALARM") + 1,
    hint="Mark each value above 80, then slide a window of the last 4 periods and count the marks; the alarm "
    "explorer with 4 periods and 3 datapoints does the same.",
    solution=f"Breaching: periods 2, 4, 5, 7, 8. The window of periods 2-5 holds three (85, 90, 95), so the alarm "
    f"goes to ALARM after period {_CPU_STATES.index('ALARM') + 1}. Period 4 is the classic wrong answer: periods "
    "1-4 hold only two breaches.",
    tolerance=0,
)

_AGE_DAYS = 20
_RESOLUTION = cw.retained_resolution_seconds(_AGE_DAYS * 86_400)

retained_resolution = exercises.number(
    "cloudwatch-2",
    "How fine is a 20-day-old datapoint?",
    task=f"An EC2 instance has detailed (1-minute) monitoring. You ask for its CPU {_AGE_DAYS} days ago. What is the "
    "finest period, in seconds, CloudWatch can still give you?",
    answer=_RESOLUTION,
    unit="s",
    hint="CloudWatch rolls datapoints up as they age; the retention table in the metrics section lists how long "
    "each resolution is kept.",
    solution=f"1-minute datapoints are kept for 15 days; from 15 to 63 days only 5-minute ones remain: "
    f"{_RESOLUTION} s. Answering 60 s forgets the roll-up.",
    tolerance=0,
)

HEARTBEAT = (12, 11, None, None, None, None, None, None)
_HEARTBEAT_END = {
    treat: cw.evaluate_alarm(list(HEARTBEAT), 5, "LessThanThreshold", evaluation_periods=3, treat_missing_data=treat)[
        -1
    ]
    for treat in cw.TREAT_MISSING_DATA
}

heartbeat_missing = exercises.choice(
    "cloudwatch-3",
    "A heartbeat that stops",
    task="A job publishes a `Heartbeats` count every minute; an alarm fires when it is below 5 for 3 periods. When "
    "the job dies it publishes nothing at all. Which TreatMissingData setting makes the alarm go to ALARM then?",
    choices=cw.TREAT_MISSING_DATA,
    answer=next(t for t, state in _HEARTBEAT_END.items() if state == "ALARM"),
    hint="Silence is the failure here, so a missing datapoint must count as a bad one. The missing-data table "
    "compares all four settings.",
    solution="`breaching` treats each missing minute as below the threshold, so after the evaluation range is "
    f"empty the alarm fires. The others end in {', '.join(f'{s} ({t})' for t, s in _HEARTBEAT_END.items() if s != 'ALARM')}.",
)

# --- 02_cloudformation --------------------------------------------------------------------------------------------
WEB_TEMPLATE = {
    "Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24"}},
        "WebSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "Web": {
            "Type": "AWS::EC2::Instance",
            "Properties": {"SubnetId": {"Ref": "Subnet"}, "SecurityGroupIds": [{"Ref": "WebSg"}]},
        },
        "WebIp": {"Type": "AWS::EC2::EIP", "Properties": {"InstanceId": {"Ref": "Web"}}},
    }
}
WEB_DURATIONS = {"Vpc": 5, "Subnet": 10, "WebSg": 30, "Web": 60, "WebIp": 8}
_WEB_EVENTS = cfn.simulate_stack_create(WEB_TEMPLATE, durations_seconds=WEB_DURATIONS)
_WEB_SECONDS = _WEB_EVENTS[-1]["ElapsedSeconds"]

stack_create_time = exercises.number(
    "cloudformation-1",
    "How long does the stack take?",
    task="A template has a VPC, a subnet and a security group in the VPC, an instance in that subnet with that "
    "group, and an Elastic IP on the instance. Creating them takes "
    + ", ".join(f"{k} {v} s" for k, v in WEB_DURATIONS.items())
    + ". How many seconds until the stack is CREATE_COMPLETE?",
    answer=_WEB_SECONDS,
    unit="s",
    hint="CloudFormation creates independent resources in parallel: find the waves (the template explorer "
    "shows them) and add the slowest resource of each.",
    solution=f"Waves: {' | '.join(', '.join(w) for w in cfn.creation_waves(WEB_TEMPLATE))}. The subnet (10 s) and the "
    f"group (30 s) run together, so the path is 5 + 30 + 60 + 8 = {_WEB_SECONDS:g} s. Adding every resource "
    f"({sum(WEB_DURATIONS.values())} s) treats the create as sequential.",
)

ORDERS_TEMPLATE = {
    "Resources": {
        "Orders": {"Type": "AWS::SQS::Queue"},
        "Bucket": {"Type": "AWS::S3::Bucket"},
        "Worker": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": "ami-12345678", "InstanceType": "t3.micro"}},
    }
}


def _worker_after_queue(value) -> tuple[bool, str]:
    try:
        order = cfn.creation_order(value)
        template = cfn.load_template(value)
    except ValueError as error:
        return False, f"the template does not load: {error}"
    resources = template.get("Resources", {})
    missing = sorted(set(ORDERS_TEMPLATE["Resources"]) - set(resources))
    if missing:
        return False, f"keep all three resources; missing {', '.join(missing)}"
    waves = cfn.creation_waves(value)
    wave_of = {r: i for i, wave in enumerate(waves) for r in wave}
    if wave_of["Worker"] <= wave_of["Orders"]:
        return False, f"the creation order is {' -> '.join(order)}: Worker does not wait for Orders"
    if wave_of["Bucket"] != 0:
        return False, "Bucket should still start in the first wave: only Worker has to wait"
    return True, f"creation waves {waves}: Worker starts once Orders is complete"


worker_waits = exercises.code(
    "cloudformation-2",
    "Make the worker wait for its queue",
    task="The worker instance reads the `Orders` queue at boot (its URL comes from a parameter store, so the "
    "template has no `Ref` to it). Change this template so that `Worker` is created only after `Orders`, "
    "without slowing down `Bucket`: `" + json.dumps(ORDERS_TEMPLATE) + "`",
    checker=_worker_after_queue,
    hint="Without a `Ref` or `Fn::GetAtt` CloudFormation sees no dependency; an attribute on the resource can "
    "declare one. Check your template with the explorer's text box or `cfn.creation_waves`.",
    solution='Add `"DependsOn": "Orders"` (or `["Orders"]`) to `Worker`. The waves become '
    "[['Orders', 'Bucket'], ['Worker']].",
)

# --- 03_cloudtrail_config_trusted_advisor -------------------------------------------------------------------------
INSTANCE_LIMIT = 20
_FIRST_YELLOW = next(
    n
    for n in range(INSTANCE_LIMIT + 1)
    if ta.check_service_limits(
        ta.sample_account(None, True, 0, running_instances=n, instance_limit=INSTANCE_LIMIT).service_usages
    ).status
    == "warning"
)

service_limit_yellow = exercises.number(
    "cloudtrail-config-trusted-advisor-1",
    "When does Service Limits turn yellow?",
    task=f"An account may run {INSTANCE_LIMIT} On-Demand Standard instances in a Region. With how many running "
    "instances does Trusted Advisor's Service Limits check first show yellow?",
    answer=_FIRST_YELLOW,
    unit="instances",
    hint="The check flags a limit at 80 % usage (yellow) and at 100 % (red). The Trusted Advisor explorer's "
    "sliders show it.",
    solution=f"0.8 x {INSTANCE_LIMIT} = {_FIRST_YELLOW} instances: yellow from {_FIRST_YELLOW}, red at "
    f"{INSTANCE_LIMIT}. Answering {INSTANCE_LIMIT} confuses yellow with red.",
    tolerance=0,
)

OFFICE_CIDR = "203.0.113.0/24"


def _covers(permission: dict, port: int) -> bool:
    protocol = str(permission.get("ipProtocol", "-1"))
    low, high = permission.get("fromPort"), permission.get("toPort")
    return protocol == "-1" or (
        protocol in ("tcp", "6") and low is not None and high is not None and low <= port <= high
    )


def _cidrs(permission: dict) -> set:
    found = {r.get("cidrIp") for r in permission.get("ipv4Ranges", []) if isinstance(r, dict)}
    return found | {r.get("cidrIpv6") for r in permission.get("ipv6Ranges", []) if isinstance(r, dict)}


def _ssh_from_office(value) -> tuple[bool, str]:
    permissions = validate.json_document("ipPermissions", value, expect=list)
    if not isinstance(permissions, list) or not all(isinstance(p, dict) for p in permissions):
        return False, "give a list of ipPermissions objects (Config item shape: ipProtocol, fromPort, ...)"
    item = {"resourceType": "AWS::EC2::SecurityGroup", "configuration": {"ipPermissions": permissions}}
    verdict = config_rules.evaluate(config_rules.SAMPLE_RULES[0], item)
    if verdict != "COMPLIANT":
        return False, f"restricted-ssh rates it {verdict}: port 22 is open to the whole internet"
    if not any(_covers(p, 22) and OFFICE_CIDR in _cidrs(p) for p in permissions):
        return False, f"the office ({OFFICE_CIDR}) can no longer reach port 22"
    if not any(_covers(p, 443) and "0.0.0.0/0" in _cidrs(p) for p in permissions):
        return False, "HTTPS (443) must stay open to 0.0.0.0/0"
    return True, "COMPLIANT, with SSH from the office and HTTPS from anywhere"


ssh_from_office = exercises.code(
    "cloudtrail-config-trusted-advisor-2",
    "Fix the security group for restricted-ssh",
    task="A web server's group allows TCP 22 and 443 from `0.0.0.0/0`, and Config's `restricted-ssh` rule says "
    "NON_COMPLIANT. Write the group's new `ipPermissions` (a list, Config item shape) so the rule says COMPLIANT, "
    f"SSH still works from the office `{OFFICE_CIDR}`, and HTTPS stays open to everyone.",
    checker=_ssh_from_office,
    hint="The rule looks only for port 22 (or all traffic) open to 0.0.0.0/0 or ::/0. Split the rule in two and "
    "narrow the SSH one; beware of a port range or protocol -1 that still covers 22.",
    solution='`[{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "ipv4Ranges": [{"cidrIp": "203.0.113.0/24"}]}, '
    '{"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}]}]`',
)
