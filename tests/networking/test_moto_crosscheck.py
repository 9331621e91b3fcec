"""Cross-checks against moto's EC2 emulator: the planner's sizes and the walk fed by describe calls."""

import boto3
import pytest
from moto import mock_aws

from awslab.networking import cidr
from awslab.networking.routing import classify_subnet
from awslab.networking.walk import Network, walk_packet


@pytest.fixture()
def ec2(monkeypatch):
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        yield boto3.client("ec2", region_name="us-east-1")


def test_planned_subnets_match_moto_available_ip_count(ec2):
    plan = cidr.plan_vpc(
        "10.20.0.0/16",
        ["us-east-1a", "us-east-1b"],
        [
            cidr.Tier("public", public=True, prefix_length=24),
            cidr.Tier("app", hosts_needed=2000),
            cidr.Tier("db", prefix_length=28),
        ],
    )
    vpc_id = ec2.create_vpc(CidrBlock=plan.vpc_cidr)["Vpc"]["VpcId"]
    for subnet in plan.subnets:
        created = ec2.create_subnet(VpcId=vpc_id, CidrBlock=subnet.cidr, AvailabilityZone=subnet.availability_zone)[
            "Subnet"
        ]
        assert created["AvailableIpAddressCount"] == subnet.usable_addresses == cidr.usable_addresses(subnet.cidr)


def test_default_vpc_layout_matches_moto(ec2):
    subnets = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
    subnets.sort(key=lambda s: s["AvailabilityZone"])
    layout = cidr.default_vpc_layout([s["AvailabilityZone"] for s in subnets])
    assert [s["CidrBlock"] for s in subnets] == [p.cidr for p in layout.subnets]
    assert [s["AvailableIpAddressCount"] for s in subnets] == [p.usable_addresses for p in layout.subnets]


def test_walk_over_rules_read_back_from_moto(ec2):
    vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    web = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.0.0/24")["Subnet"]["SubnetId"]
    db = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc_id)
    public_rt = ec2.create_route_table(VpcId=vpc_id)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    ec2.associate_route_table(RouteTableId=public_rt, SubnetId=web)

    acl = ec2.create_network_acl(VpcId=vpc_id)["NetworkAcl"]["NetworkAclId"]
    current = ec2.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [db]}])
    association = next(
        a["NetworkAclAssociationId"] for a in current["NetworkAcls"][0]["Associations"] if a["SubnetId"] == db
    )
    ec2.replace_network_acl_association(AssociationId=association, NetworkAclId=acl)
    for number, egress, low, high in ((100, False, 5432, 5432), (100, True, 1024, 65535)):
        ec2.create_network_acl_entry(
            NetworkAclId=acl,
            RuleNumber=number,
            Protocol="6",
            RuleAction="allow",
            Egress=egress,
            CidrBlock="10.0.0.0/24",
            PortRange={"From": low, "To": high},
        )

    web_sg = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc_id)["GroupId"]
    db_sg = ec2.create_security_group(GroupName="db", Description="db", VpcId=vpc_id)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=db_sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": web_sg}]}
        ],
    )
    web_eni = ec2.create_network_interface(SubnetId=web, Groups=[web_sg])["NetworkInterface"]["NetworkInterfaceId"]
    db_eni = ec2.create_network_interface(SubnetId=db, Groups=[db_sg])["NetworkInterface"]["NetworkInterfaceId"]

    only_vpc = [{"Name": "vpc-id", "Values": [vpc_id]}]
    network = Network(
        subnets=ec2.describe_subnets(Filters=only_vpc)["Subnets"],
        route_tables=ec2.describe_route_tables(Filters=only_vpc)["RouteTables"],
        network_acls=ec2.describe_network_acls(Filters=only_vpc)["NetworkAcls"],
        security_groups=ec2.describe_security_groups(Filters=only_vpc)["SecurityGroups"],
        interfaces=ec2.describe_network_interfaces(Filters=only_vpc)["NetworkInterfaces"],
    )

    tables = {a.get("SubnetId"): t["Routes"] for t in network.route_tables for a in t["Associations"]}
    assert classify_subnet(tables[web]) == "public"

    allowed = walk_packet(network, source=web_eni, destination=db_eni, port=5432)
    assert allowed.connected
    assert any(h.resource_id == acl and "rule 100" in h.explanation for h in allowed.hops)
    wrong_port = walk_packet(network, source=web_eni, destination=db_eni, port=3306)
    assert not wrong_port.request_delivered and wrong_port.blocking_hop.resource_id == acl
    reverse = walk_packet(network, source=db_eni, destination=web_eni, port=5432)
    assert not reverse.request_delivered


def test_transit_gateway_walk_reads_motos_shapes(ec2):
    """moto's transit gateway calls, read back unchanged: associations and propagations from their get calls
    (moto's describe_transit_gateway_attachments keeps reporting the default table), blackholes from
    search_transit_gateway_routes."""
    from awslab.networking import transit_gateway as tgw

    hub = ec2.create_transit_gateway(
        Options={"DefaultRouteTableAssociation": "disable", "DefaultRouteTablePropagation": "disable"}
    )["TransitGateway"]["TransitGatewayId"]
    attachment, names = {}, {}
    for name, block in (("a", "10.1.0.0/16"), ("b", "10.2.0.0/16"), ("hub", "10.9.0.0/16")):
        vpc = ec2.create_vpc(CidrBlock=block)["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=block.replace("0.0/16", "0.0/24"))["Subnet"]["SubnetId"]
        made = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=hub, VpcId=vpc, SubnetIds=[subnet])
        attachment[name], names[vpc] = made["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"], name
    spokes = ec2.create_transit_gateway_route_table(TransitGatewayId=hub)["TransitGatewayRouteTable"]
    shared = ec2.create_transit_gateway_route_table(TransitGatewayId=hub)["TransitGatewayRouteTable"]
    spokes_id, shared_id = spokes["TransitGatewayRouteTableId"], shared["TransitGatewayRouteTableId"]
    for name, table in (("a", spokes_id), ("b", spokes_id), ("hub", shared_id)):
        ec2.associate_transit_gateway_route_table(
            TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=attachment[name]
        )
    for name, table in (("hub", spokes_id), ("a", shared_id), ("b", shared_id)):
        ec2.enable_transit_gateway_route_table_propagation(
            TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=attachment[name]
        )
    ec2.create_transit_gateway_route(
        DestinationCidrBlock="10.2.5.0/24", TransitGatewayRouteTableId=shared_id, Blackhole=True
    )
    attachments = ec2.describe_transit_gateway_attachments()["TransitGatewayAttachments"]
    tables = []
    for table_id in (spokes_id, shared_id):
        for assoc in ec2.get_transit_gateway_route_table_associations(TransitGatewayRouteTableId=table_id)[
            "Associations"
        ]:
            for a in attachments:
                if a["TransitGatewayAttachmentId"] == assoc["TransitGatewayAttachmentId"]:
                    a["Association"] = {"TransitGatewayRouteTableId": table_id, "State": assoc["State"]}
        tables.append(
            {
                "TransitGatewayRouteTableId": table_id,
                "Routes": ec2.search_transit_gateway_routes(
                    TransitGatewayRouteTableId=table_id, Filters=[{"Name": "type", "Values": ["static"]}]
                )["Routes"],
                "Propagations": ec2.get_transit_gateway_route_table_propagations(TransitGatewayRouteTableId=table_id)[
                    "TransitGatewayRouteTablePropagations"
                ],
            }
        )
    cidrs = {v["VpcId"]: [v["CidrBlock"]] for v in ec2.describe_vpcs()["Vpcs"] if v["VpcId"] in names}
    net = tgw.TransitNetwork(attachments, tables, cidrs, names=names)
    assert tgw.can_reach(net, source="a", destination="hub").connected
    assert tgw.can_reach(net, source="a", destination="b").verdict == "request blocked"
    assert tgw.can_reach(net, source="hub", destination="10.2.1.9").connected
    blocked = tgw.can_reach(net, source="hub", destination="10.2.5.9")
    assert not blocked.request_delivered and "blackhole" in blocked.blocking_hop.explanation
