"""Sample CloudFormation templates for the Management notebooks (AWS's template shapes, illustrative values).

References:
    - AWS CloudFormation User Guide, "AWS CloudFormation quotas",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html (read 2026-11-27)
"""

from __future__ import annotations

from awslab import validate
from awslab.validate import checked

WEB_APP = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Description": "A web server and its database in one VPC",
    "Parameters": {"DbPassword": {"Type": "String", "NoEcho": True}},
    "Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.1.0/24"}},
        "WebSg": {
            "Type": "AWS::EC2::SecurityGroup",
            "Properties": {"GroupDescription": "web", "VpcId": {"Ref": "Vpc"}},
        },
        "DbSg": {
            "Type": "AWS::EC2::SecurityGroup",
            "Properties": {
                "GroupDescription": "db",
                "VpcId": {"Ref": "Vpc"},
                "SecurityGroupIngress": [
                    {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "SourceSecurityGroupId": {"Ref": "WebSg"}}
                ],
            },
        },
        "Database": {
            "Type": "AWS::RDS::DBInstance",
            "DeletionPolicy": "Snapshot",
            "Properties": {
                "Engine": "mysql",
                "DBInstanceClass": "db.t3.micro",
                "AllocatedStorage": "20",
                "MasterUsername": "admin",
                "MasterUserPassword": {"Ref": "DbPassword"},
                "VPCSecurityGroups": [{"Fn::GetAtt": ["DbSg", "GroupId"]}],
            },
        },
        "Logs": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain"},
        "WebServer": {
            "Type": "AWS::EC2::Instance",
            "Properties": {
                "ImageId": "ami-12c6146b",
                "InstanceType": "t3.micro",
                "SubnetId": {"Ref": "Subnet"},
                "SecurityGroupIds": [{"Ref": "WebSg"}],
                "UserData": {"Fn::Base64": {"Fn::Sub": "DB=${Database.Endpoint.Address} LOGS=${Logs}"}},
            },
        },
    },
    "Outputs": {"Url": {"Value": {"Fn::Sub": "http://${WebServer.PublicDnsName}/"}}},
}

QUEUE_AND_TOPIC = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Description": "A bucket, a queue named after it, and a topic created after the queue",
    "Resources": {
        "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "awslab-cfn-lab"}},
        "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${Bucket}-jobs"}}},
        "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Queue", "Properties": {"TopicName": "awslab-cfn-topic"}},
    },
    "Outputs": {"QueueUrl": {"Value": {"Ref": "Queue"}}, "BucketName": {"Value": {"Ref": "Bucket"}}},
}

PUBLIC_NETWORK = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Description": "A VPC with an internet gateway and a public subnet",
    "Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.1.0.0/16"}},
        "Igw": {"Type": "AWS::EC2::InternetGateway"},
        "Attach": {
            "Type": "AWS::EC2::VPCGatewayAttachment",
            "Properties": {"VpcId": {"Ref": "Vpc"}, "InternetGatewayId": {"Ref": "Igw"}},
        },
        "RouteTable": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "DefaultRoute": {
            "Type": "AWS::EC2::Route",
            "DependsOn": "Attach",
            "Properties": {
                "RouteTableId": {"Ref": "RouteTable"},
                "DestinationCidrBlock": "0.0.0.0/0",
                "GatewayId": {"Ref": "Igw"},
            },
        },
        "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.1.0.0/24"}},
        "Assoc": {
            "Type": "AWS::EC2::SubnetRouteTableAssociation",
            "Properties": {"SubnetId": {"Ref": "Subnet"}, "RouteTableId": {"Ref": "RouteTable"}},
        },
    },
}

SAMPLE_TEMPLATES = {"web app": WEB_APP, "queue and topic": QUEUE_AND_TOPIC, "public network": PUBLIC_NETWORK}


@checked
def template_json(name: str) -> str:
    """A sample template as indented JSON text (to paste into the analyser and edit).

    >>> template_json("web app").splitlines()[0]
    '{'
    """
    import json

    return json.dumps(SAMPLE_TEMPLATES[validate.choice("name", name, SAMPLE_TEMPLATES)], indent=2)
