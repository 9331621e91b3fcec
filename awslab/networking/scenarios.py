"""Ready-made networks in EC2's describe shapes, for walks, explorers and tests to start from and break.

References:
    - Amazon VPC User Guide, "Network ACL rules",
      https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html (read 2026-11-27)
    - Amazon VPC User Guide, "How route priority works",
      https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html (read 2026-11-27)
"""

from __future__ import annotations

from awslab.networking.firewall import default_nacl_entries, default_security_group_egress, nacl_entry
from awslab.networking.routing import route_table
from awslab.networking.walk import Network
from awslab.validate import checked

VPC_ID = "vpc-0a1b2c3d"
WEB_SUBNET, APP_SUBNET = "subnet-0web", "subnet-0app"
WEB_ENI, APP_ENI = "eni-0web", "eni-0app"
WEB_SG, APP_SG = "sg-0web", "sg-0app"
WEB_PUBLIC_IP = "203.0.113.10"
NAT_ID = "nat-0a1b"


@checked
def web_nacl_entries() -> list[dict]:
    """A public subnet's NACL: HTTPS in, return traffic in on ephemeral ports, all of the VPC, everything out.

    >>> len(web_nacl_entries())
    6
    """
    return [
        nacl_entry(100, "allow", egress=False, cidr="0.0.0.0/0", from_port=443),
        nacl_entry(110, "allow", egress=False, cidr="0.0.0.0/0", from_port=1024, to_port=65535),
        nacl_entry(120, "allow", egress=False, cidr="10.0.0.0/16", protocol="-1"),
        nacl_entry(100, "allow", egress=True, cidr="0.0.0.0/0", protocol="-1"),
        {"RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": False, "CidrBlock": "0.0.0.0/0"},
        {"RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": True, "CidrBlock": "0.0.0.0/0"},
    ]


@checked
def two_tier_network() -> Network:
    """A /16 VPC: a public web subnet (IGW, NAT gateway) and a private app subnet reached only from the web tier.

    The web group admits HTTPS from anywhere; the app group admits port 8080 only from members of the web group.

    >>> [s["SubnetId"] for s in two_tier_network().subnets]
    ['subnet-0web', 'subnet-0app']
    """
    subnets = [
        {"SubnetId": WEB_SUBNET, "VpcId": VPC_ID, "CidrBlock": "10.0.0.0/24", "AvailabilityZone": "us-east-1a"},
        {"SubnetId": APP_SUBNET, "VpcId": VPC_ID, "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "us-east-1a"},
    ]
    route_tables = [
        {
            "RouteTableId": "rtb-0main",
            "VpcId": VPC_ID,
            "Associations": [{"Main": True}],
            "Routes": route_table("10.0.0.0/16", nat_gateway_id=NAT_ID),
        },
        {
            "RouteTableId": "rtb-0public",
            "VpcId": VPC_ID,
            "Associations": [{"SubnetId": WEB_SUBNET}],
            "Routes": route_table("10.0.0.0/16", internet_gateway_id="igw-0a1b"),
        },
    ]
    network_acls = [
        {
            "NetworkAclId": "acl-0default",
            "VpcId": VPC_ID,
            "IsDefault": True,
            "Associations": [{"SubnetId": APP_SUBNET}],
            "Entries": default_nacl_entries(),
        },
        {
            "NetworkAclId": "acl-0web",
            "VpcId": VPC_ID,
            "IsDefault": False,
            "Associations": [{"SubnetId": WEB_SUBNET}],
            "Entries": web_nacl_entries(),
        },
    ]
    security_groups = [
        {
            "GroupId": WEB_SG,
            "GroupName": "web",
            "VpcId": VPC_ID,
            "IpPermissions": [
                {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
            ],
            "IpPermissionsEgress": default_security_group_egress(),
        },
        {
            "GroupId": APP_SG,
            "GroupName": "app",
            "VpcId": VPC_ID,
            "IpPermissions": [
                {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": WEB_SG}]}
            ],
            "IpPermissionsEgress": default_security_group_egress(),
        },
    ]
    interfaces = [
        {
            "NetworkInterfaceId": WEB_ENI,
            "SubnetId": WEB_SUBNET,
            "VpcId": VPC_ID,
            "PrivateIpAddress": "10.0.0.10",
            "Groups": [{"GroupId": WEB_SG}],
            "Association": {"PublicIp": WEB_PUBLIC_IP},
        },
        {
            "NetworkInterfaceId": APP_ENI,
            "SubnetId": APP_SUBNET,
            "VpcId": VPC_ID,
            "PrivateIpAddress": "10.0.1.20",
            "Groups": [{"GroupId": APP_SG}],
        },
    ]
    nat_gateways = [
        {
            "NatGatewayId": NAT_ID,
            "SubnetId": WEB_SUBNET,
            "VpcId": VPC_ID,
            "NatGatewayAddresses": [{"PrivateIp": "10.0.0.5", "PublicIp": "198.51.100.7"}],
        }
    ]
    internet_gateways = [{"InternetGatewayId": "igw-0a1b", "Attachments": [{"VpcId": VPC_ID, "State": "available"}]}]
    return Network(subnets, route_tables, network_acls, security_groups, interfaces, nat_gateways, internet_gateways)


INTERNET_CLIENT = "198.51.100.20"
# Flows through two_tier_network(): (source, destination, protocol, destination port).
FLOWS = {
    "internet -> web server, HTTPS 443": (INTERNET_CLIENT, WEB_PUBLIC_IP, "tcp", 443),
    "internet -> web server, SSH 22": (INTERNET_CLIENT, WEB_PUBLIC_IP, "tcp", 22),
    "web -> app server, 8080": (WEB_ENI, APP_ENI, "tcp", 8080),
    "web -> app server, 5432": (WEB_ENI, APP_ENI, "tcp", 5432),
    "app -> internet, HTTPS via NAT gateway": (APP_ENI, "192.0.2.80", "tcp", 443),
    "internet -> app server, 8080": (INTERNET_CLIENT, "10.0.1.20", "tcp", 8080),
}
