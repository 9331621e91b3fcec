"""Route selection and subnet classification on EC2 Routes lists."""

import pytest

from awslab.networking import routing

# VPC User Guide, route-tables-priority.html, "Longest prefix match" example table.
DOC_ROUTES = [
    {"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
    {
        "DestinationCidrBlock": "172.31.0.0/16",
        "VpcPeeringConnectionId": "pcx-11223344556677889",
        "Origin": "CreateRoute",
        "State": "active",
    },
    {
        "DestinationCidrBlock": "0.0.0.0/0",
        "GatewayId": "igw-12345678901234567",
        "Origin": "CreateRoute",
        "State": "active",
    },
]


@pytest.mark.parametrize(
    ("destination", "kind", "target"),
    [
        ("172.31.4.9", "peering", "pcx-11223344556677889"),
        ("10.0.3.3", "local", "local"),
        ("8.8.8.8", "internet_gateway", "igw-12345678901234567"),
    ],
)
def test_longest_prefix_match_doc_example(destination, kind, target):
    choice = routing.select_route(DOC_ROUTES, destination)
    assert (choice.target_kind, choice.target_id) == (kind, target)
    assert choice.routed


def test_static_route_beats_propagated_route_with_same_prefix():
    # route-tables-priority.html: a static igw route and a propagated vgw route both for 172.31.0.0/24 -> igw.
    routes = DOC_ROUTES[:1] + [
        {
            "DestinationCidrBlock": "172.31.0.0/24",
            "GatewayId": "vgw-11223344556677889",
            "Origin": "EnableVgwRoutePropagation",
            "State": "active",
        },
        {
            "DestinationCidrBlock": "172.31.0.0/24",
            "GatewayId": "igw-12345678901234567",
            "Origin": "CreateRoute",
            "State": "active",
        },
    ]
    assert routing.select_route(routes, "172.31.0.7").target_kind == "internet_gateway"


def test_local_route_wins_over_more_specific_propagated_route():
    # vpn-route-priority.html: propagated routes never override the local route, even if more specific.
    routes = DOC_ROUTES[:1] + [
        {
            "DestinationCidrBlock": "10.0.1.0/24",
            "GatewayId": "vgw-1",
            "Origin": "EnableVgwRoutePropagation",
            "State": "active",
        }
    ]
    assert routing.select_route(routes, "10.0.1.9").target_kind == "local"


def test_more_specific_static_route_overrides_local():
    routes = DOC_ROUTES[:1] + [
        {
            "DestinationCidrBlock": "10.0.1.0/24",
            "NetworkInterfaceId": "eni-fw",
            "Origin": "CreateRoute",
            "State": "active",
        }
    ]
    assert routing.select_route(routes, "10.0.1.9").target_kind == "network_interface"


def test_prefix_list_route_to_gateway_endpoint_and_static_tie_break():
    routes = DOC_ROUTES + [
        {"DestinationPrefixListId": "pl-63a5400a", "GatewayId": "vpce-0s3", "Origin": "CreateRoute", "State": "active"}
    ]
    lists = {"pl-63a5400a": ["52.216.0.0/15", "54.231.0.0/16"]}
    choice = routing.select_route(routes, "52.217.1.1", prefix_lists=lists)
    assert choice.target_kind == "gateway_endpoint" and choice.matched_cidr == "52.216.0.0/15"
    same = routes + [{"DestinationCidrBlock": "52.216.0.0/15", "NatGatewayId": "nat-1", "Origin": "CreateRoute"}]
    assert routing.select_route(same, "52.217.1.1", prefix_lists=lists).target_kind == "nat_gateway"
    with pytest.raises(ValueError, match="DestinationPrefixListId"):
        routing.select_route(routes, "1.1.1.1")


def test_blackhole_and_no_route():
    routes = DOC_ROUTES[:1] + [{"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-gone", "State": "blackhole"}]
    choice = routing.select_route(routes, "8.8.8.8")
    assert choice.blackhole and not choice.routed and "blackhole" in choice.explanation
    none = routing.select_route(DOC_ROUTES[:1], "8.8.8.8")
    assert none.route is None and not none.routed


@pytest.mark.parametrize(
    ("kwargs", "kind"),
    [
        ({"internet_gateway_id": "igw-1"}, "public"),
        ({"nat_gateway_id": "nat-1"}, "private"),
        ({"vpn_gateway_id": "vgw-1"}, "vpn-only"),
        ({"internet_gateway_id": "igw-1", "vpn_gateway_id": "vgw-1"}, "public"),
        ({}, "private"),
    ],
)
def test_classify_subnet(kwargs, kind):
    assert routing.classify_subnet(routing.route_table("10.0.0.0/16", **kwargs)) == kind


def test_route_targets_and_errors():
    assert routing.route_target({"InstanceId": "i-1"}) == routing.RouteTarget("nat_instance", "i-1")
    assert routing.route_target({"TransitGatewayId": "tgw-1"}) == routing.RouteTarget("transit_gateway", "tgw-1")
    with pytest.raises(ValueError, match="GatewayId"):
        routing.route_target({"GatewayId": "xyz-1"})
    with pytest.raises(ValueError, match="no target"):
        routing.route_target({"DestinationCidrBlock": "0.0.0.0/0"})
    with pytest.raises(ValueError, match="destination"):
        routing.select_route(DOC_ROUTES, "not-an-ip")
    with pytest.raises(ValueError, match="not both"):
        routing.route_table("10.0.0.0/16", internet_gateway_id="igw-1", nat_gateway_id="nat-1")


def test_route_table_for_subnet_falls_back_to_main():
    tables = [
        {"RouteTableId": "rtb-main", "Associations": [{"Main": True}], "Routes": []},
        {"RouteTableId": "rtb-pub", "Associations": [{"SubnetId": "subnet-1"}], "Routes": []},
    ]
    assert routing.route_table_for_subnet(tables, "subnet-1")["RouteTableId"] == "rtb-pub"
    assert routing.route_table_for_subnet(tables, "subnet-2")["RouteTableId"] == "rtb-main"
    with pytest.raises(ValueError, match="subnet_id"):
        routing.route_table_for_subnet(tables[1:], "subnet-2")
