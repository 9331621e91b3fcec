"""Network ACL and security group evaluation."""

import ipaddress
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import firewall

# VPC User Guide, vpc-network-acls.html / nacl-examples.html: the example custom network ACL for a public subnet.
DOC_NACL = [
    {
        "RuleNumber": 100,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": False,
        "CidrBlock": "0.0.0.0/0",
        "PortRange": {"From": 80, "To": 80},
    },
    {
        "RuleNumber": 110,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": False,
        "CidrBlock": "0.0.0.0/0",
        "PortRange": {"From": 443, "To": 443},
    },
    {
        "RuleNumber": 120,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": False,
        "CidrBlock": "192.0.2.0/24",
        "PortRange": {"From": 22, "To": 22},
    },
    {
        "RuleNumber": 130,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": False,
        "CidrBlock": "192.0.2.0/24",
        "PortRange": {"From": 3389, "To": 3389},
    },
    {
        "RuleNumber": 140,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": False,
        "CidrBlock": "0.0.0.0/0",
        "PortRange": {"From": 32768, "To": 65535},
    },
    {"RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": False, "CidrBlock": "0.0.0.0/0"},
    {
        "RuleNumber": 100,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": True,
        "CidrBlock": "0.0.0.0/0",
        "PortRange": {"From": 80, "To": 80},
    },
    {
        "RuleNumber": 110,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": True,
        "CidrBlock": "0.0.0.0/0",
        "PortRange": {"From": 443, "To": 443},
    },
    {
        "RuleNumber": 120,
        "Protocol": "6",
        "RuleAction": "allow",
        "Egress": True,
        "CidrBlock": "0.0.0.0/0",
        "PortRange": {"From": 32768, "To": 65535},
    },
    {"RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": True, "CidrBlock": "0.0.0.0/0"},
]


@pytest.mark.parametrize(
    ("protocol", "port", "address", "allowed", "rule"),
    [
        ("tcp", 443, "198.51.100.7", True, 110),
        ("6", 80, "198.51.100.7", True, 100),
        ("tcp", 22, "192.0.2.15", True, 120),
        ("tcp", 22, "198.51.100.7", False, 32767),  # SSH only from the admin range
        ("tcp", 139, "198.51.100.7", False, 32767),  # the doc's NetBIOS example: no rule matches, * denies
        ("udp", 443, "198.51.100.7", False, 32767),
        ("tcp", 40000, "203.0.113.9", True, 140),  # return traffic on an ephemeral port
    ],
)
def test_doc_nacl_inbound(protocol, port, address, allowed, rule):
    decision = firewall.evaluate_nacl(DOC_NACL, egress=False, protocol=protocol, port=port, address=address)
    assert (decision.allowed, decision.rule_number) == (allowed, rule)


def test_outbound_rules_are_separate():
    out = firewall.evaluate_nacl(DOC_NACL, egress=True, protocol="tcp", port=22, address="192.0.2.15")
    assert not out.allowed and out.rule_number == 32767
    assert "final" in out.explanation


def test_first_match_wins_not_most_specific():
    entries = [
        firewall.nacl_entry(100, "allow", egress=False, cidr="0.0.0.0/0", protocol="-1"),
        firewall.nacl_entry(90, "deny", egress=False, cidr="203.0.113.0/24", from_port=443),
    ]
    blocked = firewall.evaluate_nacl(entries, egress=False, protocol="tcp", port=443, address="203.0.113.5")
    assert (blocked.allowed, blocked.rule_number) == (False, 90)
    assert firewall.evaluate_nacl(entries, egress=False, protocol="tcp", port=80, address="203.0.113.5").allowed


def test_default_nacl_allows_everything_and_empty_denies():
    assert (
        firewall.evaluate_nacl(
            firewall.default_nacl_entries(), egress=True, protocol="17", port=53, address="8.8.8.8"
        ).rule_number
        == 100
    )
    assert firewall.evaluate_nacl([], egress=True, protocol="tcp", port=1, address="8.8.8.8").rule_number == 32767


def test_icmp_rules_match_type():
    entries = [
        {
            "RuleNumber": 10,
            "Protocol": "1",
            "RuleAction": "allow",
            "Egress": False,
            "CidrBlock": "0.0.0.0/0",
            "IcmpTypeCode": {"Type": 8, "Code": -1},
        }
    ]
    assert firewall.evaluate_nacl(entries, egress=False, protocol="icmp", port=8, address="1.2.3.4").allowed
    assert not firewall.evaluate_nacl(entries, egress=False, protocol="icmp", port=0, address="1.2.3.4").allowed


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"protocol": "gre!", "port": 1, "address": "1.1.1.1"}, "protocol"),
        ({"protocol": "tcp", "port": 70000, "address": "1.1.1.1"}, "port"),
        ({"protocol": "tcp", "port": 1, "address": "1.1.1"}, "address"),
    ],
)
def test_nacl_bad_flow(kwargs, name):
    with pytest.raises(ValueError, match=name):
        firewall.evaluate_nacl(DOC_NACL, egress=False, **kwargs)


def test_nacl_bad_entries():
    with pytest.raises(ValueError, match="egress"):
        firewall.evaluate_nacl(DOC_NACL, egress="no", protocol="tcp", port=1, address="1.1.1.1")
    twice = DOC_NACL[:1] * 2
    with pytest.raises(ValueError, match="RuleNumber=100"):
        firewall.evaluate_nacl(twice, egress=False, protocol="tcp", port=80, address="1.1.1.1")
    with pytest.raises(ValueError, match="RuleAction"):
        firewall.evaluate_nacl(
            [dict(DOC_NACL[0], RuleAction="maybe")], egress=False, protocol="tcp", port=80, address="1.1.1.1"
        )


def test_normalize_protocol():
    assert [firewall.normalize_protocol("p", x) for x in ("tcp", "UDP", "icmp", "-1", "6", "all", 17)] == [
        "6",
        "17",
        "1",
        "-1",
        "6",
        "-1",
        "17",
    ]


# EC2 User Guide, security-group-rules-reference.html: SSH from a network range, HTTPS from anywhere.
WEB_SG = [
    {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
    {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "203.0.113.0/24"}]},
    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": "sg-app"}]},
]


@pytest.mark.parametrize(
    ("protocol", "port", "address", "peers", "allowed"),
    [
        ("tcp", 443, "8.8.8.8", (), True),
        ("6", 22, "203.0.113.77", (), True),
        ("tcp", 22, "8.8.8.8", (), False),
        ("udp", 443, "8.8.8.8", (), False),
        ("tcp", 5432, "10.0.1.5", ("sg-app",), True),
        ("tcp", 5432, "10.0.1.5", ("sg-other",), False),
        ("-1", 0, "8.8.8.8", (), False),
    ],
)
def test_security_group_allows(protocol, port, address, peers, allowed):
    assert (
        firewall.security_group_allows(WEB_SG, protocol=protocol, port=port, address=address, peer_group_ids=peers)
        is allowed
    )


def test_all_traffic_rule_and_ipv6_and_icmp():
    everything = [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "10.0.0.0/8"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}]
    assert firewall.security_group_allows(everything, protocol="-1", port=0, address="10.1.2.3")
    assert firewall.security_group_allows(everything, protocol="udp", port=53, address="2001:db8::1")
    assert not firewall.security_group_allows(everything, protocol="udp", port=53, address="11.0.0.1")
    ping = [{"IpProtocol": "icmp", "FromPort": 8, "ToPort": -1, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
    assert firewall.security_group_allows(ping, protocol="icmp", port=8, address="1.1.1.1")
    assert not firewall.security_group_allows(ping, protocol="icmp", port=3, address="1.1.1.1")


def test_security_group_bad_input():
    with pytest.raises(ValueError, match="ip_permissions"):
        firewall.security_group_allows([{"FromPort": 1}], protocol="tcp", port=1, address="1.1.1.1")
    with pytest.raises(ValueError, match="protocol"):
        firewall.security_group_allows(WEB_SG, protocol="smtp", port=25, address="1.1.1.1")


def test_evaluate_security_groups_explains():
    groups = [{"GroupId": "sg-a", "IpPermissions": []}, {"GroupId": "sg-b", "IpPermissions": WEB_SG}]
    decision = firewall.evaluate_security_groups(groups, egress=False, protocol="tcp", port=443, address="8.8.8.8")
    assert decision.allowed and decision.match.group_id == "sg-b" and "sg-b" in decision.explanation
    denied = firewall.evaluate_security_groups(groups, egress=True, protocol="tcp", port=443, address="8.8.8.8")
    assert not denied.allowed and "deny by default" in denied.explanation


# --- property tests -------------------------------------------------------------------------------------------

cidrs = st.sampled_from(["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "192.0.2.0/24", "10.0.1.7/32"])
protocols = st.sampled_from(["-1", "6", "17"])


@st.composite
def nacl_entries(draw):
    numbers = draw(st.lists(st.integers(1, 32766), min_size=0, max_size=12, unique=True))
    entries = []
    for number in numbers:
        low = draw(st.integers(0, 65535))
        entries.append(
            {
                "RuleNumber": number,
                "Protocol": draw(protocols),
                "RuleAction": draw(st.sampled_from(["allow", "deny"])),
                "Egress": draw(st.booleans()),
                "CidrBlock": draw(cidrs),
                "PortRange": {"From": low, "To": draw(st.integers(low, 65535))},
            }
        )
    return entries


addresses = st.sampled_from(["10.0.1.7", "10.0.2.9", "192.0.2.44", "8.8.8.8"])


@given(
    entries=nacl_entries(),
    egress=st.booleans(),
    protocol=st.sampled_from(["tcp", "udp"]),
    port=st.integers(0, 65535),
    address=addresses,
    seed=st.integers(0, 1000),
)
def test_nacl_verdict_depends_on_rule_numbers_not_list_order(entries, egress, protocol, port, address, seed):
    shuffled = list(entries)
    random.Random(seed).shuffle(shuffled)
    a = firewall.evaluate_nacl(entries, egress=egress, protocol=protocol, port=port, address=address)
    b = firewall.evaluate_nacl(shuffled, egress=egress, protocol=protocol, port=port, address=address)
    assert (a.allowed, a.rule_number) == (b.allowed, b.rule_number)
    # and the decider is the lowest-numbered matching rule of that direction (or the final deny)
    number = {"tcp": "6", "udp": "17"}[protocol]
    matching = [
        e
        for e in entries
        if e["Egress"] == egress
        and e["Protocol"] in ("-1", number)
        and ipaddress.ip_address(address) in ipaddress.ip_network(e["CidrBlock"])
        and (e["Protocol"] == "-1" or e["PortRange"]["From"] <= port <= e["PortRange"]["To"])
    ]
    expected = min(matching, key=lambda e: e["RuleNumber"]) if matching else None
    assert a.rule_number == (expected["RuleNumber"] if expected else 32767)
    assert a.allowed == (expected is not None and expected["RuleAction"] == "allow")


@st.composite
def security_group(draw, name):
    perms = []
    for _ in range(draw(st.integers(0, 4))):
        low = draw(st.integers(0, 65535))
        perms.append(
            {
                "IpProtocol": draw(st.sampled_from(["-1", "tcp", "udp"])),
                "FromPort": low,
                "ToPort": draw(st.integers(low, 65535)),
                "IpRanges": [{"CidrIp": draw(cidrs)}],
            }
        )
    return {"GroupId": name, "IpPermissions": perms, "IpPermissionsEgress": perms}


@given(
    a=security_group("sg-a"),
    b=security_group("sg-b"),
    protocol=st.sampled_from(["tcp", "udp"]),
    port=st.integers(0, 65535),
    address=addresses,
    egress=st.booleans(),
)
def test_a_group_never_denies_what_another_attached_group_allows(a, b, protocol, port, address, egress):
    flow = dict(egress=egress, protocol=protocol, port=port, address=address)
    alone_a = firewall.evaluate_security_groups([a], **flow).allowed
    alone_b = firewall.evaluate_security_groups([b], **flow).allowed
    together = firewall.evaluate_security_groups([a, b], **flow).allowed
    assert together == (alone_a or alone_b)
    assert firewall.evaluate_security_groups([b, a], **flow).allowed == together
