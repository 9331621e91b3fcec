"""The networking explorers: they build, update quickly, precompute their static face, and show the model's messages."""

import json
import time

import pytest

from awslab import validate
from awslab.networking import edge, explorers, peering, privatelink, resolver, route53, routing, scenarios
from awslab.networking import transit_gateway as tgw

BUILDERS = [
    explorers.explore_cidr_bits,
    explorers.explore_vpc_plan,
    explorers.explore_route_lookup,
    explorers.explore_nacl,
    explorers.explore_packet_walk,
    explorers.explore_reachability,
    explorers.explore_dns_policy,
    explorers.explore_failover_timing,
    explorers.explore_transit_walk,
    explorers.explore_segmentation,
    explorers.explore_endpoint_service,
    explorers.explore_dns_resolution,
    explorers.explore_edge_choice,
]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda b: b.__name__)
def test_builds_updates_quickly_and_has_a_small_static_face(build):
    e = build()
    assert e.error is None and e.last_view is not None
    main = next(c for c in e.controls if c.name == e.main)
    start = time.thread_time()
    for value in main.steps()[:5]:
        e.set(**{e.main: value})
        assert e.error is None, (value, e.error)
    per_update = (time.thread_time() - start) / min(5, len(main.steps()))
    assert per_update < 0.25, f"{per_update * 1000:.0f} ms per update"  # generous on a loaded CI box
    start = time.thread_time()
    figure = e.static_figure()
    assert time.thread_time() - start < 3.0
    assert len(figure.to_json()) < 150_000


def _step_labels(figure):
    if figure.layout.sliders:
        return [s.label for s in figure.layout.sliders[0].steps]
    return [b.label for b in figure.layout.updatemenus[0].buttons]


@pytest.mark.parametrize(
    "build, labels",
    [
        (explorers.explore_cidr_bits, [str(p) for p in range(16, 29)]),
        (explorers.explore_vpc_plan, [str(n) for n in range(1, 7)]),
        (explorers.explore_route_lookup, [label for label, _ in routing.SAMPLE_DESTINATIONS]),
        (explorers.explore_nacl, ["22", "80", "443", "1,023", "1,024", "3,389", "8,080", "50,000"]),
        (explorers.explore_packet_walk, list(scenarios.FLOWS)),
        (explorers.explore_reachability, list(peering.TOPOLOGIES)),
        (explorers.explore_dns_policy, list(route53.DNS_PRESETS)),
        (explorers.explore_failover_timing, ["0 s", "10 s", "30 s", "60 s", "120 s", "300 s"]),
        (explorers.explore_transit_walk, tgw.PRESET_NAMES),
        (explorers.explore_segmentation, tgw.PRESET_NAMES),
        (explorers.explore_endpoint_service, [label for label, _ in privatelink.SAMPLE_CONSUMERS]),
        (explorers.explore_dns_resolution, [label for label, _, _ in resolver.SAMPLE_QUERIES]),
        (explorers.explore_edge_choice, list(edge.WORKLOADS)),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_static_face_has_a_step_per_main_value(build, labels):
    figure = build().static_figure()
    assert _step_labels(figure) == labels
    visible = [t.visible for t in figure.data]
    assert any(visible) and not all(visible)


@pytest.mark.parametrize(
    "build, values, message",
    [
        (explorers.explore_cidr_bits, {"address": "10.0.0.256"}, "is not an IP address"),
        (explorers.explore_vpc_plan, {"vpc_cidr": "10.0.0.0/12"}, "prefix /12 is outside the allowed range /16-/28"),
        (explorers.explore_vpc_plan, {"app_hosts_needed": 70_000}, "hosts_needed=70000 is outside the allowed range"),
        (explorers.explore_vpc_plan, {"vpc_cidr": "10.0.0.0/24"}, "prefix_lengths[3]=22 is outside the allowed range"),
        (explorers.explore_route_lookup, {"extra_route_json": '{"DestinationCidrBlock": "8.8.8.0/24"}'}, "no target"),
        (explorers.explore_route_lookup, {"extra_route_json": "[{"}, "extra route is not valid JSON"),
        (explorers.explore_nacl, {"source_address": "somewhere"}, "is not an IP address"),
        (
            explorers.explore_nacl,
            {"entries_json": '[{"RuleNumber": 40000, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}]'},
            "RuleNumber=40000",
        ),
        (explorers.explore_packet_walk, {"source_port": 70000}, "source_port=70000 is outside the allowed range"),
        (
            explorers.explore_packet_walk,
            {
                "flow": "web -> app server, 8080",
                "app_sg_json": '[{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "IpRanges": [{}]}]',
            },
            "ip_permissions[0].IpRanges[0]={} must be an object with CidrIp",
        ),
        (explorers.explore_reachability, {"vpc_b_cidr": "10.1.0.0/33"}, "VPC B CIDR='10.1.0.0/33'"),
        (explorers.explore_dns_policy, {"unhealthy": "purple"}, "are not records here"),
        (explorers.explore_failover_timing, {"failure_threshold": 11}, "failure_threshold=11 is outside"),
        (explorers.explore_transit_walk, {"routes_json": "[{"}, "routes is not valid JSON"),
        (
            explorers.explore_transit_walk,
            {
                "routes_json": '{"TransitGatewayRouteTableId": "tgw-rtb-x", "DestinationCidrBlock": "10.2.0.0/16", '
                '"Blackhole": true}'
            },
            "route_table_id='tgw-rtb-x'",
        ),
        (explorers.explore_endpoint_service, {"subnet_az_ids": "us-east-1a"}, "are not among use1-az1"),
        (explorers.explore_dns_resolution, {"extra_rule_json": '{"Id": "r", "DomainName": "x"}'}, "RuleType=None"),
    ],
)
def test_a_bad_typed_value_shows_the_model_message_and_keeps_the_last_view(build, values, message):
    e = build()
    good = e.last_view
    e.set(**values)
    assert e.error is not None and message in e.error
    assert e.last_view is good


def test_cidr_bits_numbers_name_the_reserved_five():
    numbers = explorers.explore_cidr_bits(address="10.0.1.0", prefix_length=24).last_view.numbers
    assert numbers["usable in an AWS subnet"] == "251"
    assert numbers["AWS reserves"] == "10.0.1.0, 10.0.1.1, 10.0.1.2, 10.0.1.3, 10.0.1.255"
    assert numbers["first / last usable"] == "10.0.1.4 / 10.0.1.254"
    noted = explorers.explore_cidr_bits(address="10.0.1.77", prefix_length=24).last_view.numbers
    assert "10.0.1.0" in noted["note"]


def test_packet_walk_break_and_fix_changes_the_verdict():
    e = explorers.explore_packet_walk(flow="app -> internet, HTTPS via NAT gateway")
    assert e.last_view.numbers["verdict"] == "connected"
    original = e.values["web_nacl_json"]
    entries = json.loads(original)
    for entry in entries:
        if entry["RuleNumber"] == 110:
            entry["PortRange"] = {"From": 1024, "To": 49999}
    e.set(web_nacl_json=json.dumps(entries))
    assert e.last_view.numbers["verdict"] == "request delivered, response lost"
    assert e.last_view.numbers["stopped at"] == "network ACL (inbound, subnet-0web) acl-0web"
    assert "the NAT gateway picks" in e.last_view.numbers["because"]
    # The internet's reply comes back to the NAT gateway's own port, not the client's: the client's port cannot fix it.
    e.set(source_port=40000)
    assert e.last_view.numbers["verdict"] == "request delivered, response lost"
    e.set(source_port=50000, web_nacl_json=original)
    assert e.last_view.numbers["verdict"] == "connected"


def test_packet_walk_group_reference_can_be_broken():
    e = explorers.explore_packet_walk(flow="web -> app server, 8080")
    assert e.last_view.numbers["verdict"] == "connected"
    e.set(app_sg_json=e.values["app_sg_json"].replace(scenarios.WEB_SG, "sg-0nope"))
    assert e.last_view.numbers["verdict"] == "request blocked"
    assert "sg-0app" in e.last_view.numbers["because"]


def test_nacl_explorer_lower_numbered_deny_wins():
    deny = {
        "RuleNumber": 90,
        "Protocol": "6",
        "RuleAction": "deny",
        "Egress": False,
        "CidrBlock": "198.51.100.0/24",
        "PortRange": {"From": 443, "To": 443},
    }
    e = explorers.explore_nacl()
    assert e.last_view.numbers["rule"] == "100"
    entries = json.loads(e.values["entries_json"]) + [deny]
    e.set(entries_json=json.dumps(entries))
    assert e.last_view.numbers == {
        "verdict": "denied",
        "rule": "90",
        "why": "rule 90 deny tcp 443 from 198.51.100.0/24 is the first match: denied",
    }


def test_route_lookup_longest_prefix_and_propagation():
    e = explorers.explore_route_lookup(destination="10.1.2.3")
    assert e.last_view.numbers["chosen target"] == "VPC peering connection"
    e.set(extra_route_json='{"DestinationCidrBlock": "10.1.2.0/24", "NetworkInterfaceId": "eni-0fw"}')
    assert e.last_view.numbers["chosen target"] == "network interface"
    vpn = explorers.explore_route_lookup(destination="10.0.5.9", table="VPN-only subnet (virtual private gateway)")
    assert vpn.last_view.numbers["chosen target"] == "local route (inside the VPC)"
    assert vpn.last_view.numbers["this subnet is"] == "vpn-only"


def test_reachability_overlap_and_transit():
    chain = explorers.explore_reachability()
    assert chain.last_view.numbers["pairs connected"] == "2 of 6"
    assert "A-C" in chain.last_view.numbers["not connected"]
    overlap = explorers.explore_reachability(vpc_b_cidr="10.0.128.0/17")
    assert overlap.last_view.numbers["A and B may peer"] == "no (overlap)"
    assert overlap.last_view.numbers["pairs connected"] == "1 of 6"  # only B-C is left
    assert overlap.last_view.numbers["not connected"].startswith("A-B,")
    hub = explorers.explore_reachability(topology="transit gateway: all four attached")
    assert hub.last_view.numbers["pairs connected"] == "6 of 6"


def test_dns_policy_health_moves_the_answer():
    weighted = explorers.explore_dns_policy(unhealthy="blue, green")
    assert weighted.last_view.numbers["most likely answer"] == "dark (192.0.2.30)"
    latency = explorers.explore_dns_policy(policy="latency (two Regions, the resilient design)", client="New York")
    assert latency.last_view.numbers["most likely answer"].startswith("us-east-1")
    latency.set(unhealthy="us-east-1")
    assert latency.last_view.numbers["most likely answer"].startswith("eu-west-1")


def test_failover_worst_case_is_interval_times_threshold_plus_ttl():
    e = explorers.explore_failover_timing(ttl=60, request_interval=30, failure_threshold=3)
    assert e.last_view.numbers["worst case (interval x threshold + TTL)"] == "150 s"
    e.set(request_interval=10, failure_threshold=1, ttl=0)
    assert e.last_view.numbers["worst case (interval x threshold + TTL)"] == "10 s"


def test_json_helpers_round_trip():
    entries = scenarios.web_nacl_entries()
    assert validate.json_objects("x", explorers.json_lines(entries)) == entries
    with pytest.raises(ValueError, match="must be a JSON array of objects"):
        validate.json_objects("x", "[1, 2]")


def test_transit_walk_one_way_route_then_both_ways():
    e = explorers.explore_transit_walk(preset="isolated VPCs + shared services", flow="prod-a -> prod-b")
    assert e.last_view.numbers["verdict"] == "request blocked"
    there = {
        "TransitGatewayRouteTableId": "tgw-rtb-spokes",
        "DestinationCidrBlock": "10.2.0.0/16",
        "TransitGatewayAttachmentId": "tgw-attach-prod-b",
    }
    e.set(routes_json=json.dumps([there]))
    assert e.last_view.numbers["verdict"] == "request delivered, response lost"
    back = dict(there, DestinationCidrBlock="10.1.0.0/16", TransitGatewayAttachmentId="tgw-attach-prod-a")
    e.set(routes_json=json.dumps([there, back]))
    assert e.last_view.numbers["verdict"] == "connected"


def test_segmentation_counts_and_appliance_mode():
    e = explorers.explore_segmentation(preset="prod and dev segments")
    assert e.last_view.numbers["pairs connected"] == "14 of 20"
    e.set(preset="inspection VPC (appliance mode off)", cross_az=True)
    assert e.last_view.numbers["response lost"] == "20"
    e.set(preset="inspection VPC (appliance mode on)")
    assert e.last_view.numbers["pairs connected"] == "20 of 20"


def test_endpoint_service_acceptance_and_az_ids():
    e = explorers.explore_endpoint_service()
    assert e.last_view.numbers["connection state"] == "pendingAcceptance"
    e.set(provider_decision="accept")
    assert e.last_view.numbers == {
        "principal allowed": "yes",
        "connection state": "available",
        "AZs served": "use1-az1",
        "traffic flows": "yes",
    }
    e.set(subnet_az_ids="use1-az4, use1-az6")
    assert e.last_view.numbers["connection state"] == "not created"


def test_dns_resolution_inbound_endpoint_and_extra_rule():
    e = explorers.explore_dns_resolution(query="db.aws.corp.example.com from on premises")
    assert e.last_view.numbers["answer"] == "10.1.0.20"
    e.set(inbound_endpoint=False)
    assert e.last_view.numbers["answered by"] == "nothing (no inbound endpoint)"
    e = explorers.explore_dns_resolution(query="www.example.org from the VPC")
    e.set(
        extra_rule_json='{"Id": "rslvr-rr-all", "DomainName": ".", "RuleType": "FORWARD", '
        '"TargetIps": [{"Ip": "192.168.10.53"}], "ResolverEndpointId": "rslvr-out-0a"}'
    )
    assert e.last_view.numbers["answer"] == "forwarded to 192.168.10.53:53"
