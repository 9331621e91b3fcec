"""The transit gateway model: AWS's documented examples, the rules of route evaluation, and properties.

Sources (read 2026-12-03):
- "How AWS Transit Gateway works" (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html): the
  example of three VPCs whose CIDRs propagate into the default route table, so each reaches the other two; route
  evaluation order (most specific, then static over propagated, then VPC over Direct Connect over Connect over VPN);
  appliance mode keeps both directions of a flow in one AZ.
- "Transit gateways in AWS Transit Gateway" (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html):
  each attachment is associated with a single route table, which decides the next hop for traffic from it; separate
  tables for development and production VPCs segment the network (the isolated-with-shared-services design follows).
- AWS Transit Gateway Quotas (https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html).
"""

from __future__ import annotations

import copy
import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import transit_gateway as tgw

FLAT = tgw.PRESETS["flat: one route table"]
ISOLATED = tgw.PRESETS["isolated VPCs + shared services"]
INSPECT_ON = tgw.PRESETS["inspection VPC (appliance mode on)"]
INSPECT_OFF = tgw.PRESETS["inspection VPC (appliance mode off)"]


def test_documented_default_table_lets_every_vpc_reach_the_others():
    vpcs = ["prod-a", "prod-b", "dev"]
    matrix = tgw.reachability_matrix(FLAT, vpcs)
    assert set(matrix.values()) == {"connected"} and len(matrix) == 6
    routes = tgw.effective_routes(FLAT, "tgw-rtb-flat")
    assert [(r["DestinationCidrBlock"], r["Type"]) for r in routes[:3]] == [
        ("10.1.0.0/16", "propagated"),
        ("10.2.0.0/16", "propagated"),
        ("10.3.0.0/16", "propagated"),
    ]


def test_documented_isolated_vpcs_with_shared_services():
    matrix = tgw.preset_matrix("isolated VPCs + shared services")
    for a in ("prod-a", "prod-b", "dev"):
        assert matrix[(a, "shared services")] == "connected"
        assert matrix[("shared services", a)] == "connected"
        assert matrix[(a, "on-premises")] == "connected"
        for b in ("prod-a", "prod-b", "dev"):
            if a != b:
                assert matrix[(a, b)] == "request blocked"


def test_quotas_match_the_quotas_page():
    assert tgw.ATTACHMENTS_PER_TRANSIT_GATEWAY == 5_000
    assert tgw.ROUTE_TABLES_PER_TRANSIT_GATEWAY == 20
    assert tgw.ROUTES_PER_TRANSIT_GATEWAY == 10_000
    assert tgw.TRANSIT_GATEWAYS_PER_ACCOUNT == 5


def test_static_beats_propagated_for_the_same_prefix():
    net = tgw.with_static_route(FLAT, "tgw-rtb-flat", "10.2.0.0/16", "tgw-attach-dev")
    choice = tgw.choose_route(net, "tgw-rtb-flat", "10.2.0.10")
    assert choice.attachment_id == "tgw-attach-dev" and "static" in choice.explanation
    walk = tgw.can_reach(net, source="prod-a", destination="prod-b")
    assert not walk.request_delivered and "does not hold 10.2.0.10" in walk.blocking_hop.explanation


def test_vpc_propagation_beats_vpn_propagation_for_the_same_prefix():
    net = copy.deepcopy(FLAT)
    net.cidrs["vpn-0office"] = ["192.168.0.0/16", "10.2.0.0/16"]
    net = tgw.TransitNetwork(net.attachments, net.route_tables, net.cidrs, net.vpc_routes, net.appliances, net.names)
    assert tgw.choose_route(net, "tgw-rtb-flat", "10.2.0.10").attachment_id == "tgw-attach-prod-b"


def test_blackhole_more_specific_than_a_propagated_route_drops():
    choice = tgw.choose_route(ISOLATED, "tgw-rtb-spokes", "192.168.99.5")
    assert choice.blackhole and not choice.forwards
    assert tgw.choose_route(ISOLATED, "tgw-rtb-spokes", "192.168.10.5").attachment_id == "tgw-attach-on-premises"


def test_the_return_path_needs_its_own_route():
    request = {
        "TransitGatewayRouteTableId": "tgw-rtb-spokes",
        "DestinationCidrBlock": "10.2.0.0/16",
        "TransitGatewayAttachmentId": "tgw-attach-prod-b",
    }
    walk = tgw.can_reach(tgw.with_routes(ISOLATED, [request]), source="prod-a", destination="prod-b")
    assert walk.request_delivered and not walk.response_delivered
    assert walk.blocking_hop.leg == "response" and "10.1.0.10" in walk.blocking_hop.explanation
    back = dict(request, DestinationCidrBlock="10.1.0.0/16", TransitGatewayAttachmentId="tgw-attach-prod-a")
    assert tgw.can_reach(tgw.with_routes(ISOLATED, [request, back]), source="prod-a", destination="prod-b").connected


def test_appliance_mode_decides_cross_az_inspection():
    cross = {"source": "prod-a", "destination": "prod-b", "source_az": "use1-az1", "destination_az": "use1-az2"}
    assert tgw.can_reach(INSPECT_ON, **cross).connected
    off = tgw.can_reach(INSPECT_OFF, **cross)
    assert off.verdict == "request delivered, response lost" and "appliance mode" in off.blocking_hop.explanation
    assert tgw.can_reach(INSPECT_OFF, **dict(cross, destination_az="use1-az1")).connected
    assert tgw.can_reach(tgw.with_appliance_mode(INSPECT_OFF, True), **cross).connected
    components = [h.component for h in tgw.can_reach(INSPECT_ON, **cross).hops if h.leg == "request"]
    assert components == [
        "subnet route table (prod-a)",
        "TGW route table (from prod-a)",
        "inspection (inspection)",
        "TGW route table (from inspection)",
        "attachment",
    ]


def test_an_unassociated_attachment_drops_what_it_sends():
    attachments = [
        {k: v for k, v in a.items() if k != "Association"} if a["ResourceId"] == "vpc-0dev" else a
        for a in FLAT.attachments
    ]
    net = tgw.TransitNetwork(attachments, FLAT.route_tables, FLAT.cidrs, FLAT.vpc_routes, names=FLAT.names)
    walk = tgw.can_reach(net, source="dev", destination="prod-a")
    assert walk.verdict == "request blocked" and "associated with no route table" in walk.blocking_hop.explanation
    assert tgw.can_reach(net, source="prod-a", destination="dev").verdict == "request delivered, response lost"


def test_a_subnet_without_a_route_to_the_transit_gateway_never_reaches_it():
    routes = dict(FLAT.vpc_routes, **{"vpc-0prod-a": FLAT.vpc_routes["vpc-0prod-a"][:1]})
    net = tgw.TransitNetwork(FLAT.attachments, FLAT.route_tables, FLAT.cidrs, routes, names=FLAT.names)
    walk = tgw.can_reach(net, source="prod-a", destination="prod-b")
    assert walk.blocking_hop.component == "subnet route table (prod-a)"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: tgw.choose_route(FLAT, "tgw-rtb-nope", "10.1.0.1"), "route_table_id='tgw-rtb-nope'"),
        (lambda: tgw.choose_route(FLAT, "tgw-rtb-flat", "10.1.0.300"), "is not an IP address"),
        (lambda: tgw.with_static_route(FLAT, "tgw-rtb-flat", "10.1.0.1/16"), "is not a CIDR block"),
        (lambda: tgw.with_static_route(FLAT, "tgw-rtb-flat", "10.9.0.0/16", "tgw-attach-x"), "attachment_id="),
        (lambda: tgw.with_routes(FLAT, [{"DestinationCidrBlock": "10.9.0.0/16"}]), "TransitGatewayRouteTableId"),
        (
            lambda: tgw.with_routes(
                FLAT, [{"TransitGatewayRouteTableId": "tgw-rtb-flat", "DestinationCidrBlock": "10.9.0.0/16"}]
            ),
            "Blackhole: true",
        ),
        (lambda: tgw.can_reach(FLAT, source="prod-a", destination="172.16.0.1"), "in no attached resource"),
        (lambda: tgw.can_reach(FLAT, source="prod-a", destination="10.1.2.3"), "both in prod-a"),
        (lambda: tgw.preset_matrix("mesh"), "preset='mesh'"),
        (
            lambda: tgw.TransitNetwork(
                [{"TransitGatewayAttachmentId": "a", "ResourceId": "r", "ResourceType": "x"}], [], {}
            ),
            "ResourceType='x'",
        ),
    ],
)
def test_bad_input_names_the_parameter(call, message):
    with pytest.raises(ValueError) as problem:
        call()
    assert message in str(problem.value)


def test_matches_moto_route_shape():
    # SearchTransitGatewayRoutes as moto returns a blackhole route: no TransitGatewayAttachments key.
    blackhole = {"DestinationCidrBlock": "10.9.0.0/16", "Type": "static", "State": "blackhole"}
    tables = [dict(FLAT.route_tables[0], Routes=[blackhole])]
    net = tgw.TransitNetwork(FLAT.attachments, tables, FLAT.cidrs, names=FLAT.names)
    assert tgw.choose_route(net, "tgw-rtb-flat", "10.9.1.1").blackhole


# --- properties ----------------------------------------------------------------------------------------------
PRESET = st.sampled_from(tgw.PRESET_NAMES)
NAME = st.sampled_from(list(tgw.SAMPLE_HOSTS)[:5])
AZ = st.sampled_from(["use1-az1", "use1-az2"])


def _verdicts(net, **azs):
    return tgw.reachability_matrix(net, list(tgw.SAMPLE_HOSTS)[:5], **azs)


@given(PRESET, st.lists(st.sampled_from(["10.1.0.0/16", "10.2.0.0/24", "0.0.0.0/0", "192.168.0.0/16"]), max_size=3))
def test_a_route_table_nobody_associates_changes_nothing(preset, blocks):
    net = tgw.PRESETS[preset]
    target = net.attachments[0]
    spare = {
        "TransitGatewayRouteTableId": "tgw-rtb-spare",
        "Routes": [
            {
                "DestinationCidrBlock": b,
                "TransitGatewayAttachments": [
                    {
                        "ResourceId": target["ResourceId"],
                        "TransitGatewayAttachmentId": target["TransitGatewayAttachmentId"],
                        "ResourceType": target["ResourceType"],
                    }
                ],
                "Type": "static",
                "State": "active",
            }
            for b in blocks
        ],
        "Propagations": [{"TransitGatewayAttachmentId": a["TransitGatewayAttachmentId"]} for a in net.attachments],
    }
    bigger = tgw.TransitNetwork(
        net.attachments, [*net.route_tables, spare], net.cidrs, net.vpc_routes, net.appliances, net.names
    )
    assert _verdicts(bigger, destination_az="use1-az2") == _verdicts(net, destination_az="use1-az2")


@given(PRESET, NAME, NAME, st.integers(min_value=16, max_value=32))
def test_a_blackhole_route_never_forwards(preset, source, destination, prefix):
    if source == destination:
        return
    net = tgw.PRESETS[preset]
    address = tgw.SAMPLE_HOSTS[destination]
    block = str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
    tables = [t["TransitGatewayRouteTableId"] for t in net.route_tables]
    for table in tables:
        net = tgw.with_static_route(net, table, block)
    walk = tgw.can_reach(net, source=source, destination=destination)
    assert not walk.request_delivered
    assert all("blackhole" in h.explanation for h in walk.hops if not h.allowed)


@given(PRESET, NAME, st.integers(min_value=17, max_value=32))
def test_the_longest_prefix_wins(preset, destination, prefix):
    net = tgw.PRESETS[preset]
    address = tgw.SAMPLE_HOSTS[destination]
    block = str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
    other = net.attachments[-1]["TransitGatewayAttachmentId"]
    for table in net.route_tables:
        table_id = table["TransitGatewayRouteTableId"]
        choice = tgw.choose_route(tgw.with_static_route(net, table_id, block, other), table_id, address)
        assert choice.attachment_id == other and choice.route["DestinationCidrBlock"] == block


@given(PRESET, NAME, NAME, AZ, AZ)
def test_a_connected_flow_was_delivered_both_ways_and_every_hop_allowed(preset, source, destination, a, b):
    if source == destination:
        return
    walk = tgw.can_reach(tgw.PRESETS[preset], source=source, destination=destination, source_az=a, destination_az=b)
    assert walk.connected == all(h.allowed for h in walk.hops)
    if walk.connected:
        assert {h.leg for h in walk.hops} == {"request", "response"}
