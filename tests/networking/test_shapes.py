"""Malformed AWS shapes (missing keys, wrong types, a list where an object belongs...) are rejected by the models
themselves with a ValueError naming the field, the value and what is allowed (no KeyError/TypeError/AttributeError)."""

import pytest

from awslab.networking import explorers, firewall, peering, route53, routing, scenarios, walk

ENTRY = {"RuleNumber": 100, "Protocol": "6", "RuleAction": "allow", "Egress": False, "CidrBlock": "0.0.0.0/0"}
PERMISSION = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
ROUTE = {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0a1b", "Origin": "CreateRoute", "State": "active"}
RECORD = route53.DNS_PRESETS["weighted (blue 200, green 55, dark 0)"][0]


def _entry(**changes):
    return {k: v for k, v in {**ENTRY, **changes}.items() if v is not None}


@pytest.mark.parametrize(
    "entries, message",
    [
        ({"RuleNumber": 100}, "entries must be a list of describe-network-acls Entries, got dict"),
        ([[100, "allow"]], "entries[0] must be an object in describe-network-acls Entries"),
        (["rule 100"], "entries[0] must be an object"),
        ([_entry(RuleNumber=None)], "entries[0] has no RuleNumber"),
        ([_entry(RuleAction=None)], "entries[0] has no RuleAction"),
        ([_entry(RuleNumber="100")], "entries[0].RuleNumber must be a whole number (1 to 32768), got '100'"),
        ([_entry(RuleNumber=[100])], "entries[0].RuleNumber must be a whole number"),
        ([_entry(RuleAction="ALLOW")], "entries[0].RuleAction='ALLOW' is not one of: allow, deny"),
        ([_entry(Egress="false")], "entries[0].Egress='false' must be true or false"),
        ([_entry(Protocol="tcpx")], "entries[0].Protocol='tcpx' is not a protocol"),
        ([_entry(Protocol=["6"])], "entries[0].Protocol=['6'] is not a protocol"),
        ([_entry(CidrBlock=None)], "entries[0] has no CidrBlock or Ipv6CidrBlock"),
        ([_entry(CidrBlock=["0.0.0.0/0"])], "entries[0].CidrBlock=['0.0.0.0/0'] must be a CIDR string"),
        ([_entry(CidrBlock="0.0.0.0/99")], "entries[0].CidrBlock='0.0.0.0/99' is not a CIDR block"),
        ([_entry(CidrBlock="::/0")], "entries[0].CidrBlock='::/0' must be an IPv4 CIDR block"),
        (
            [_entry(PortRange=[443, 443])],
            "entries[0].PortRange=[443, 443] must be an object {'From': port, 'To': port}",
        ),
        ([_entry(PortRange={"From": 443})], "entries[0].PortRange={'From': 443} must be an object"),
        ([_entry(PortRange={"From": "443", "To": 443})], "entries[0].PortRange.From must be a whole number"),
        ([_entry(PortRange={"From": 443, "To": 80})], "entries[0].PortRange.To=80 is below From=443"),
        ([_entry(Protocol="1", IcmpTypeCode=[8])], "entries[0].IcmpTypeCode=[8] must be an object"),
        ([_entry(Protocol="1", IcmpTypeCode={"Type": "echo"})], "entries[0].IcmpTypeCode.Type must be a whole number"),
    ],
)
def test_malformed_nacl_entries(entries, message):
    with pytest.raises(ValueError) as error:
        firewall.evaluate_nacl(entries, egress=False, protocol="tcp", port=443, address="198.51.100.1")
    assert message in str(error.value)
    with pytest.raises(ValueError):
        walk.with_nacl_entries(scenarios.two_tier_network(), "acl-0web", entries)


@pytest.mark.parametrize(
    "permissions, message",
    [
        (PERMISSION, "ip_permissions must be a list of IpPermissions, got dict"),
        ([["tcp", 443]], "ip_permissions[0] must be an object in IpPermissions"),
        ([{"FromPort": 443}], "ip_permissions[0] has no IpProtocol"),
        ([{**PERMISSION, "IpProtocol": 6.5}], "ip_permissions[0].IpProtocol=6.5 is not a protocol"),
        ([{**PERMISSION, "FromPort": "443"}], "ip_permissions[0].FromPort must be a whole number"),
        ([{**PERMISSION, "ToPort": 70000}], "ip_permissions[0].ToPort=70000 is outside the allowed range"),
        ([{**PERMISSION, "IpRanges": {"CidrIp": "0.0.0.0/0"}}], "ip_permissions[0].IpRanges={'CidrIp': '0.0.0.0/0'}"),
        ([{**PERMISSION, "IpRanges": ["0.0.0.0/0"]}], "ip_permissions[0].IpRanges[0]='0.0.0.0/0' must be an object"),
        ([{**PERMISSION, "IpRanges": [{}]}], "ip_permissions[0].IpRanges[0]={} must be an object with CidrIp"),
        ([{**PERMISSION, "IpRanges": [{"CidrIp": 10}]}], "ip_permissions[0].IpRanges[0].CidrIp=10 must be a CIDR"),
        ([{**PERMISSION, "Ipv6Ranges": [{"CidrIpv6": "0.0.0.0/0"}]}], "must be an IPv6 CIDR block"),
        ([{**PERMISSION, "UserIdGroupPairs": [{"GroupId": 7}]}], "UserIdGroupPairs[0].GroupId=7 must be a string"),
        ([{**PERMISSION, "PrefixListIds": [{"Id": "pl-1"}]}], "PrefixListIds[0]={'Id': 'pl-1'} must be an object"),
    ],
)
def test_malformed_security_group_rules(permissions, message):
    with pytest.raises(ValueError) as error:
        firewall.match_security_group(permissions, protocol="tcp", port=443, address="198.51.100.1")
    assert message in str(error.value)
    with pytest.raises(ValueError) as error:
        walk.with_security_group_rules(scenarios.two_tier_network(), scenarios.APP_SG, permissions)
    assert message in str(error.value)


@pytest.mark.parametrize(
    "routes, message",
    [
        (ROUTE, "routes must be a list of describe-route-tables Routes, got dict"),
        ([["0.0.0.0/0", "igw-0a1b"]], "routes[0] must be an object in describe-route-tables Routes shape"),
        ([{**ROUTE, "DestinationCidrBlock": 0}], "routes[0].DestinationCidrBlock=0 must be a CIDR string"),
        ([{**ROUTE, "DestinationCidrBlock": "10.0.0.1/16"}], "routes[0].DestinationCidrBlock='10.0.0.1/16' is not"),
        ([{**ROUTE, "DestinationCidrBlock": ["0.0.0.0/0"]}], "must be a CIDR string"),
        ([{"DestinationPrefixListId": ["pl-1"], "GatewayId": "vpce-1"}], "DestinationPrefixListId=['pl-1'] must be"),
        ([{**ROUTE, "GatewayId": 7}], "routes[0].GatewayId=7 must be a string"),
        ([{**ROUTE, "GatewayId": {"Id": "igw-1"}}], "routes[0].GatewayId={'Id': 'igw-1'} must be a string"),
        ([{**ROUTE, "State": True}], "routes[0].State=True must be a string"),
        ([{"GatewayId": "igw-1"}], "has no DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId"),
    ],
)
def test_malformed_routes(routes, message):
    with pytest.raises(ValueError) as error:
        routing.select_route(routes, "8.8.8.8")
    assert message in str(error.value)


def test_malformed_route_for_classification_and_prefix_lists():
    with pytest.raises(ValueError, match=r"routes\[0\].GatewayId=7"):
        routing.classify_subnet([{**ROUTE, "GatewayId": 7}])
    with pytest.raises(ValueError, match="prefix_lists must map"):
        routing.select_route([ROUTE], "8.8.8.8", prefix_lists=[("pl-1", ["1.0.0.0/8"])])


@pytest.mark.parametrize(
    "records, message",
    [
        (RECORD, "records must be a list of ResourceRecordSets, got dict"),
        (["www"], "records[0] must be an object in ResourceRecordSet shape"),
        ([{**RECORD, "Name": None}], "records[0].Name=None must be a string"),
        ([{k: v for k, v in RECORD.items() if k != "Type"}], "records[0].Type=None must be a string"),
        ([{**RECORD, "Weight": "200"}], "records[0].Weight must be a whole number"),
        ([{**RECORD, "Weight": 300}], "records[0].Weight=300 is outside the allowed range"),
        ([{**RECORD, "ResourceRecords": {"Value": "1.2.3.4"}}], "records[0].ResourceRecords={'Value': '1.2.3.4'}"),
        ([{**RECORD, "ResourceRecords": ["1.2.3.4"]}], 'must be a JSON array of {"Value": ...} objects'),
        ([{**RECORD, "SetIdentifier": 1}], "records[0].SetIdentifier=1 must be a string"),
        ([{**RECORD, "HealthCheckId": ["hc"]}], "records[0].HealthCheckId=['hc'] must be a string"),
        ([{**RECORD, "AliasTarget": "elb.amazonaws.com"}], "records[0].AliasTarget='elb.amazonaws.com' must be"),
        ([{**RECORD, "GeoLocation": "DE"}], "records[0].GeoLocation='DE' must be an object"),
    ],
)
def test_malformed_records(records, message):
    with pytest.raises(ValueError) as error:
        route53.answer(records, "www.example.com.")
    assert message in str(error.value)
    with pytest.raises(ValueError):
        route53.record_problems("example.com.", records)


def test_malformed_sites_and_links():
    sites = [peering.Site("A", ("10.0.0.0/16",)), peering.Site("B", ("10.1.0.0/16",))]
    with pytest.raises(ValueError, match="sites must hold peering.Site values"):
        peering.reachability([*sites, ("C", "10.2.0.0/16")], [])
    with pytest.raises(ValueError, match="links must hold peering.Link values"):
        peering.reachability(sites, [("peering", "A", "B")])
    with pytest.raises(ValueError, match="cidrs='10.1.0.0/16' must be a tuple of CIDR strings"):
        peering.reachability([sites[0], peering.Site("B", "10.1.0.0/16")], [])


def test_health_text_must_be_text():
    with pytest.raises(ValueError, match="unhealthy must be text"):
        route53.health_from_text(route53.DNS_PRESETS["failover (primary, secondary)"], ["primary"])


@pytest.mark.parametrize(
    "build, values, message",
    [
        (explorers.explore_nacl, {"entries_json": '{"RuleNumber": 100}'}, "entries[0] has no RuleAction"),
        (explorers.explore_nacl, {"entries_json": "[[100]]"}, "must be a JSON array of objects; item 0 is an array"),
        (
            explorers.explore_nacl,
            {"entries_json": '[{"RuleNumber": 1, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": 8}]'},
            "PortRange=8 must be an object",
        ),
        (explorers.explore_route_lookup, {"extra_route_json": '{"DestinationCidrBlock": 5}'}, "=5 must be a CIDR"),
        (
            explorers.explore_route_lookup,
            {"extra_route_json": '"0.0.0.0/0"'},
            "extra route must be a JSON object or a JSON array, got a string",
        ),
        (
            explorers.explore_packet_walk,
            {"web_nacl_json": '[{"RuleNumber": 100, "RuleAction": "allow", "CidrBlock": null}]'},
            "CidrBlock=None must be a CIDR string",
        ),
        (
            explorers.explore_packet_walk,
            {"app_sg_json": '[{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": "x"}]'},
            "IpRanges='x'",
        ),
    ],
)
def test_explorers_show_the_models_shape_message(build, values, message):
    explorer = build()
    good = explorer.last_view
    explorer.set(**values)
    assert explorer.error is not None and message in explorer.error, explorer.error
    assert explorer.last_view is good
