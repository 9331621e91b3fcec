"""Cross-checks against moto's EC2, Auto Scaling and ELBv2 emulation (fake credentials, us-east-1, no network).

moto's PercentChangeInCapacity truncates the NEW capacity, which agrees with AWS when scaling out but not when
scaling in (AWS: 10 % of 14 removes 1; moto removes 2), so scale-in percentages are not compared here.
"""

import os

import boto3
import pytest
from moto import mock_aws

from awslab.compute.autoscaling import scaling_adjustment, validate_step_adjustments
from awslab.compute.elb import HealthCheckConfig, cross_zone_enabled
from awslab.compute.lifecycle import STATES, Instance, transition

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


@pytest.fixture(scope="module")
def aws():
    saved = {k: os.environ.get(k) for k in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    with mock_aws():
        ec2 = boto3.client("ec2", region_name="us-east-1")
        image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
        ec2.create_launch_template(
            LaunchTemplateName="web-lt", LaunchTemplateData={"ImageId": image, "InstanceType": "t3.micro"}
        )
        asg = boto3.client("autoscaling", region_name="us-east-1")
        asg.create_auto_scaling_group(
            AutoScalingGroupName="web",
            MinSize=0,
            MaxSize=100,
            DesiredCapacity=2,
            LaunchTemplate={"LaunchTemplateName": "web-lt"},
            AvailabilityZones=["us-east-1a", "us-east-1b"],
        )
        yield {"ec2": ec2, "asg": asg, "image": image}
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


CASES = [
    (10, "PercentChangeInCapacity", 10),
    (11, "PercentChangeInCapacity", 30),
    (4, "PercentChangeInCapacity", 5),
    (7, "ChangeInCapacity", 3),
    (7, "ChangeInCapacity", -2),
    (7, "ExactCapacity", 12),
]


def test_execute_policy_agrees_with_scaling_adjustment(aws):
    asg = aws["asg"]
    for i, (desired, kind, adjustment) in enumerate(CASES):
        asg.set_desired_capacity(AutoScalingGroupName="web", DesiredCapacity=desired)
        asg.put_scaling_policy(
            AutoScalingGroupName="web",
            PolicyName=f"p{i}",
            PolicyType="SimpleScaling",
            AdjustmentType=kind,
            ScalingAdjustment=adjustment,
        )
        asg.execute_policy(AutoScalingGroupName="web", PolicyName=f"p{i}", HonorCooldown=False)
        group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["web"])["AutoScalingGroups"][0]
        assert group["DesiredCapacity"] == desired + scaling_adjustment(desired, kind, adjustment), (kind, desired)


def test_step_adjustments_round_trip_through_the_api(aws):
    asg = aws["asg"]
    steps = [
        {"MetricIntervalLowerBound": 0.0, "MetricIntervalUpperBound": 10.0, "ScalingAdjustment": 0},
        {"MetricIntervalLowerBound": 10.0, "MetricIntervalUpperBound": 20.0, "ScalingAdjustment": 10},
        {"MetricIntervalLowerBound": 20.0, "ScalingAdjustment": 30},
    ]
    asg.put_scaling_policy(
        AutoScalingGroupName="web",
        PolicyName="step",
        PolicyType="StepScaling",
        AdjustmentType="PercentChangeInCapacity",
        StepAdjustments=steps,
    )
    described = asg.describe_policies(AutoScalingGroupName="web", PolicyNames=["step"])["ScalingPolicies"][0][
        "StepAdjustments"
    ]
    assert validate_step_adjustments(described) == validate_step_adjustments(steps)


def test_lifecycle_states_and_termination_protection(aws):
    ec2, image = aws["ec2"], aws["image"]
    iid = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]

    def state():
        return ec2.describe_instances(InstanceIds=[iid])["Reservations"][0]["Instances"][0]["State"]["Name"]

    seen = [state()]
    ec2.stop_instances(InstanceIds=[iid])
    seen.append(state())
    ec2.start_instances(InstanceIds=[iid])
    seen.append(state())
    assert set(seen) <= set(STATES) and seen[1] == "stopped"
    ec2.modify_instance_attribute(InstanceId=iid, DisableApiTermination={"Value": True})
    with pytest.raises(ec2.exceptions.ClientError, match="OperationNotPermitted"):
        ec2.terminate_instances(InstanceIds=[iid])
    assert transition(Instance(disable_api_termination=True), "terminate").refused


def test_elbv2_shapes_feed_the_model(aws):
    ec2 = aws["ec2"]
    elbv2 = boto3.client("elbv2", region_name="us-east-1")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=az)["Subnet"]["SubnetId"]
        for i, az in enumerate(["us-east-1a", "us-east-1b"])
    ]
    nlb = elbv2.create_load_balancer(Name="nlb", Subnets=subnets, Type="network")["LoadBalancers"][0]
    arn = nlb["LoadBalancerArn"]
    attributes = elbv2.describe_load_balancer_attributes(LoadBalancerArn=arn)["Attributes"]
    assert cross_zone_enabled(attributes, "network") is False
    elbv2.modify_load_balancer_attributes(
        LoadBalancerArn=arn, Attributes=[{"Key": "load_balancing.cross_zone.enabled", "Value": "true"}]
    )
    attributes = elbv2.describe_load_balancer_attributes(LoadBalancerArn=arn)["Attributes"]
    assert cross_zone_enabled(attributes, "network") is True
    group = elbv2.create_target_group(
        Name="web",
        Protocol="HTTP",
        Port=80,
        VpcId=vpc,
        HealthCheckIntervalSeconds=10,
        HealthCheckTimeoutSeconds=5,
        HealthyThresholdCount=3,
        UnhealthyThresholdCount=2,
    )["TargetGroups"][0]
    assert HealthCheckConfig.from_target_group(group) == HealthCheckConfig(10, 5, 3, 2)
