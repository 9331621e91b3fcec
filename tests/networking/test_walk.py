"""The packet walk over the two-tier scenario: verdicts, the deciding hop, and breaking rules."""

import copy
import dataclasses
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import scenarios
from awslab.networking.firewall import default_nacl_entries, default_security_group_egress, nacl_entry
from awslab.networking.routing import route_table
from awslab.networking.walk import (
    Network,
    ephemeral_range,
    walk_packet,
    with_nacl_entries,
    with_security_group_rules,
)

INTERNET = "198.51.100.99"


def net() -> Network:
    return scenarios.two_tier_network()


def _replace_acl_entries(network: Network, acl_id: str, entries: list[dict]) -> Network:
    return with_nacl_entries(network, acl_id, entries)


def test_https_from_internet_reaches_web_and_returns():
    walk = walk_packet(net(), source=INTERNET, destination=scenarios.WEB_PUBLIC_IP, port=443)
    assert walk.connected
    assert [h.component for h in walk.hops if h.leg == "request"] == [
        "internet gateway",
        "network ACL (inbound, subnet-0web)",
        "security groups (inbound)",
    ]
    assert any("rule 100" in h.explanation for h in walk.hops)


def test_ssh_from_internet_is_stopped_by_the_nacl_final_deny():
    walk = walk_packet(net(), source=INTERNET, destination=scenarios.WEB_ENI, port=22)
    assert not walk.request_delivered and not walk.response_delivered
    assert walk.blocking_hop.resource_id == "acl-0web" and "final" in walk.blocking_hop.explanation
    assert all(h.leg == "request" for h in walk.hops)


def test_web_to_app_uses_the_group_reference():
    walk = walk_packet(net(), source=scenarios.WEB_ENI, destination=scenarios.APP_ENI, port=8080)
    assert walk.connected
    assert any("members of sg-0web" in h.explanation for h in walk.hops)


def test_internet_cannot_reach_app_subnet_without_public_ip():
    walk = walk_packet(net(), source=INTERNET, destination=scenarios.APP_ENI, port=8080)
    assert not walk.request_delivered and "no public IPv4" in walk.blocking_hop.explanation


def test_app_to_app_port_from_elsewhere_denied_by_security_group():
    walk = walk_packet(net(), source=scenarios.APP_ENI, destination=scenarios.WEB_ENI, port=22)
    assert not walk.request_delivered
    assert walk.blocking_hop.component == "security groups (inbound)"


def test_private_instance_reaches_internet_through_nat():
    walk = walk_packet(net(), source=scenarios.APP_ENI, destination="93.184.216.34", port=443)
    assert walk.connected
    assert "NAT gateway" in [h.component for h in walk.hops]


def test_removing_the_ephemeral_rule_loses_the_response_only():
    entries = [e for e in scenarios.web_nacl_entries() if not (e["RuleNumber"] == 110 and not e["Egress"])]
    broken = _replace_acl_entries(net(), "acl-0web", entries)
    walk = walk_packet(broken, source=scenarios.APP_ENI, destination="93.184.216.34", port=443)
    assert walk.request_delivered and not walk.response_delivered
    assert walk.blocking_hop.leg == "response" and walk.blocking_hop.resource_id == "acl-0web"


def test_ephemeral_port_choice_matters():
    entries = [e for e in scenarios.web_nacl_entries() if e["RuleNumber"] != 110] + [
        nacl_entry(110, "allow", egress=False, cidr="0.0.0.0/0", from_port=32768, to_port=60999)
    ]
    linux_only = _replace_acl_entries(net(), "acl-0web", entries)
    low, _ = ephemeral_range("windows")
    assert walk_packet(linux_only, source=scenarios.WEB_ENI, destination="93.184.216.34", source_port=40000).connected
    assert not walk_packet(
        linux_only, source=scenarios.WEB_ENI, destination="93.184.216.34", source_port=low + 12000
    ).response_delivered


def test_response_routed_to_nat_instead_of_igw_is_lost():
    network = net()
    tables = copy.deepcopy(network.route_tables)
    tables[1]["Routes"][1] = {
        "DestinationCidrBlock": "0.0.0.0/0",
        "NatGatewayId": scenarios.NAT_ID,
        "Origin": "CreateRoute",
        "State": "active",
    }
    walk = walk_packet(
        dataclasses.replace(network, route_tables=tables),
        source=INTERNET,
        destination=scenarios.WEB_PUBLIC_IP,
        port=443,
    )
    assert walk.request_delivered and not walk.response_delivered
    assert "never sees it" in walk.blocking_hop.explanation


def test_same_subnet_skips_network_acls():
    network = net()
    interfaces = network.interfaces + [
        dict(network.interfaces[0], NetworkInterfaceId="eni-0web2", PrivateIpAddress="10.0.0.11", Association={})
    ]
    deny_all = [
        {"RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": e, "CidrBlock": "0.0.0.0/0"}
        for e in (False, True)
    ]
    network = _replace_acl_entries(dataclasses.replace(network, interfaces=interfaces), "acl-0web", deny_all)
    walk = walk_packet(network, source="eni-0web2", destination=scenarios.WEB_ENI, port=443)
    assert walk.connected and not any("network ACL" in h.component for h in walk.hops)


def test_blackhole_route_to_nat_drops():
    network = net()
    tables = copy.deepcopy(network.route_tables)
    tables[0]["Routes"][1]["State"] = "blackhole"
    walk = walk_packet(
        dataclasses.replace(network, route_tables=tables), source=scenarios.APP_ENI, destination="8.8.8.8"
    )
    assert not walk.request_delivered and "blackhole" in walk.blocking_hop.explanation


def test_walk_bad_input():
    with pytest.raises(ValueError, match="both outside"):
        walk_packet(net(), source="8.8.8.8", destination="1.1.1.1")
    with pytest.raises(ValueError, match="destination"):
        walk_packet(net(), source=scenarios.WEB_ENI, destination="eni-missing")
    with pytest.raises(ValueError, match="port"):
        walk_packet(net(), source=scenarios.WEB_ENI, destination="8.8.8.8", port=-1)
    with pytest.raises(ValueError, match="client"):
        ephemeral_range("beos")


FLOWS = [
    (INTERNET, scenarios.WEB_PUBLIC_IP, 443),
    (INTERNET, scenarios.WEB_PUBLIC_IP, 22),
    (scenarios.WEB_ENI, scenarios.APP_ENI, 8080),
    (scenarios.APP_ENI, "93.184.216.34", 443),
    (scenarios.APP_ENI, scenarios.WEB_ENI, 443),
    (scenarios.WEB_ENI, "8.8.8.8", 53),
]


@given(
    seed=st.integers(0, 10_000),
    flow=st.sampled_from(FLOWS),
    source_port=st.integers(1024, 65535),
    drop=st.integers(0, 5),
)
def test_walk_verdict_ignores_nacl_entry_order(seed, flow, source_port, drop):
    entries = scenarios.web_nacl_entries()
    del entries[drop % 4]  # break the ACL in various ways so both verdicts occur
    base = _replace_acl_entries(net(), "acl-0web", entries)
    shuffled_entries = list(entries)
    random.Random(seed).shuffle(shuffled_entries)
    shuffled = _replace_acl_entries(net(), "acl-0web", shuffled_entries)
    source, destination, port = flow
    a = walk_packet(base, source=source, destination=destination, port=port, source_port=source_port)
    b = walk_packet(shuffled, source=source, destination=destination, port=port, source_port=source_port)
    assert (a.request_delivered, a.response_delivered) == (b.request_delivered, b.response_delivered)
    assert a.hops == b.hops


def test_fixing_the_app_group_to_allow_ssh_from_web():
    network = with_security_group_rules(
        net(),
        scenarios.APP_SG,
        [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/24"}]}],
    )
    assert walk_packet(network, source=scenarios.WEB_ENI, destination=scenarios.APP_ENI, port=22).connected
    assert not walk_packet(network, source=scenarios.WEB_ENI, destination=scenarios.APP_ENI, port=8080).connected
    with pytest.raises(ValueError, match="group_id"):
        with_security_group_rules(network, "sg-none", [])
    with pytest.raises(ValueError, match="network_acl_id"):
        with_nacl_entries(network, "acl-none", [])


def test_traffic_to_on_premises_leaves_via_the_virtual_private_gateway():
    network = net()
    tables = copy.deepcopy(network.route_tables)
    tables[0]["Routes"] = route_table("10.0.0.0/16", nat_gateway_id=scenarios.NAT_ID, vpn_gateway_id="vgw-1")
    walk = walk_packet(
        dataclasses.replace(network, route_tables=tables), source=scenarios.APP_ENI, destination="192.168.10.5", port=22
    )
    assert not walk.request_delivered and walk.left_via == "virtual private gateway vgw-1"
    assert walk.blocking_hop is None and walk.verdict.startswith("left the VPC")


def _peered(return_route: bool) -> Network:
    """Two VPCs, one interface each, joined by pcx-1; the second VPC's return route is optional."""
    subnets = [
        {"SubnetId": "subnet-a", "VpcId": "vpc-a", "CidrBlock": "10.0.0.0/24"},
        {"SubnetId": "subnet-b", "VpcId": "vpc-b", "CidrBlock": "10.1.0.0/24"},
    ]
    tables = [
        {
            "RouteTableId": "rtb-a",
            "VpcId": "vpc-a",
            "Associations": [{"Main": True}],
            "Routes": route_table("10.0.0.0/16", peerings={"10.1.0.0/16": "pcx-1"}),
        },
        {
            "RouteTableId": "rtb-b",
            "VpcId": "vpc-b",
            "Associations": [{"Main": True}],
            "Routes": route_table("10.1.0.0/16", peerings={"10.0.0.0/16": "pcx-1"} if return_route else None),
        },
    ]
    acls = [
        {
            "NetworkAclId": f"acl-{v}",
            "VpcId": f"vpc-{v}",
            "IsDefault": True,
            "Associations": [],
            "Entries": default_nacl_entries(),
        }
        for v in "ab"
    ]
    groups = [
        {"GroupId": "sg-a", "IpPermissions": [], "IpPermissionsEgress": default_security_group_egress()},
        {
            "GroupId": "sg-b",
            "IpPermissionsEgress": [],
            "IpPermissions": [
                {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "UserIdGroupPairs": [{"GroupId": "sg-a"}]}
            ],
        },
    ]
    interfaces = [
        {
            "NetworkInterfaceId": "eni-a",
            "SubnetId": "subnet-a",
            "PrivateIpAddress": "10.0.0.9",
            "Groups": [{"GroupId": "sg-a"}],
        },
        {
            "NetworkInterfaceId": "eni-b",
            "SubnetId": "subnet-b",
            "PrivateIpAddress": "10.1.0.9",
            "Groups": [{"GroupId": "sg-b"}],
        },
    ]
    return Network(subnets, tables, acls, groups, interfaces)


def test_walk_across_a_peering_needs_routes_both_ways():
    walk = walk_packet(_peered(True), source="eni-a", destination="eni-b", port=443)
    assert walk.connected and any("pcx-1" in h.explanation for h in walk.hops)
    one_way = walk_packet(_peered(False), source="eni-a", destination="eni-b", port=443)
    assert one_way.request_delivered and not one_way.response_delivered
    assert one_way.blocking_hop.resource_id == "rtb-b"


def test_no_internet_gateway_route_means_no_way_in():
    network = net()
    tables = copy.deepcopy(network.route_tables)
    tables[1]["Routes"] = tables[1]["Routes"][:1]
    walk = walk_packet(
        dataclasses.replace(network, route_tables=tables, internet_gateways=[]),
        source=INTERNET,
        destination=scenarios.WEB_PUBLIC_IP,
    )
    assert walk.verdict == "request blocked" and walk.blocking_hop.component == "internet gateway"


def test_nat_reply_arrives_at_the_nat_gateways_port_not_the_clients():
    """A NAT gateway translates the source port too (to one of 1024-65535, VPC User Guide, network ACLs, ephemeral
    ports): the NAT subnet's inbound NACL must allow the port the gateway picked, whatever the client's port was."""
    entries = [e for e in scenarios.web_nacl_entries() if e["RuleNumber"] != 110 or e["Egress"]] + [
        nacl_entry(110, "allow", egress=False, cidr="0.0.0.0/0", from_port=32768, to_port=60999)
    ]
    narrowed = _replace_acl_entries(net(), "acl-0web", entries)
    flow = dict(source=scenarios.APP_ENI, destination="192.0.2.80", port=443)
    for client_port in (1024, 40000, 65535):
        unknown = walk_packet(narrowed, source_port=client_port, **flow)
        assert unknown.verdict == "request delivered, response lost"
        assert "1024-32767, 61000-65535" in unknown.blocking_hop.explanation
        assert "56%" in unknown.blocking_hop.explanation
        assert walk_packet(narrowed, source_port=client_port, nat_port=40000, **flow).connected
        assert not walk_packet(narrowed, source_port=client_port, nat_port=61000, **flow).response_delivered
    assert walk_packet(net(), source_port=2000, **flow).connected  # the default NACL allows 1024-65535
    with pytest.raises(ValueError, match="nat_port=80"):
        walk_packet(net(), nat_port=80, **flow)
