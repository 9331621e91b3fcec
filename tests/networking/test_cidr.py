"""CIDR math, the subnet planner and the bit view."""

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import cidr


def test_reserved_addresses_of_aws_example_subnet():
    # VPC User Guide, subnet-sizing.html: in 10.0.0.0/24 AWS reserves .0, .1 (router), .2 (DNS), .3 and .255.
    assert cidr.reserved_addresses("10.0.0.0/24") == ["10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.255"]


def test_reserved_roles_name_the_router_and_dns():
    roles = dict(cidr.reserved_address_roles("10.0.0.0/24"))
    assert "router" in roles["10.0.0.1"]
    assert "DNS" in roles["10.0.0.2"]


@pytest.mark.parametrize(
    ("block", "usable"), [("10.0.0.0/24", 251), ("10.0.0.0/28", 11), ("10.0.0.0/16", 65531), ("172.31.0.0/20", 4091)]
)
def test_usable_addresses(block, usable):
    assert cidr.usable_addresses(block) == usable


@pytest.mark.parametrize(
    ("block", "fragment"),
    [
        ("10.0.0.0/29", "/16-/28"),
        ("10.0.0.0/15", "/16-/28"),
        ("10.0.0.1/24", "host bits"),
        ("10.0.0.0", "no prefix"),
        ("banana", "not an IPv4"),
        ("2001:db8::/56", "not an IPv4"),
    ],
)
def test_bad_cidrs_name_the_parameter(block, fragment):
    with pytest.raises(ValueError, match="cidr") as info:
        cidr.usable_addresses(block)
    assert fragment in str(info.value)


def test_plan_subnets_returns_requested_order_and_packs_largest_first():
    plan = cidr.plan_subnets("10.0.0.0/24", [28, 25, 26])
    assert plan == ["10.0.0.192/28", "10.0.0.0/25", "10.0.0.128/26"]


def test_plan_subnets_fills_the_vpc_exactly():
    assert cidr.plan_subnets("10.0.0.0/16", [17, 17]) == ["10.0.0.0/17", "10.0.128.0/17"]


def test_plan_subnets_refuses_what_does_not_fit():
    with pytest.raises(ValueError, match="prefix_lengths"):
        cidr.plan_subnets("10.0.0.0/24", [25, 25, 28])


@pytest.mark.parametrize(
    ("vpc", "prefixes", "name"),
    [
        ("10.0.0.0/29", [29], "vpc_cidr"),
        ("10.0.0.0/24", [29], r"prefix_lengths\[0\]"),
        ("10.0.0.0/24", [23], r"prefix_lengths\[0\]"),
        ("10.0.0.0/24", [], "prefix_lengths"),
        ("10.0.0.0/24", [24.5], r"prefix_lengths\[0\]"),
    ],
)
def test_plan_subnets_bad_input(vpc, prefixes, name):
    with pytest.raises(ValueError, match=name):
        cidr.plan_subnets(vpc, prefixes)


@pytest.mark.parametrize(("hosts", "prefix"), [(1, 28), (11, 28), (12, 27), (251, 24), (252, 23), (65531, 16)])
def test_prefix_for_hosts(hosts, prefix):
    assert cidr.prefix_for_hosts(hosts) == prefix


def test_prefix_for_hosts_too_many():
    with pytest.raises(ValueError, match="hosts_needed"):
        cidr.prefix_for_hosts(65532)


def test_plan_vpc_tiers_and_azs():
    plan = cidr.plan_vpc(
        "10.0.0.0/16",
        ["us-east-1a", "us-east-1b"],
        [cidr.Tier("public", public=True, prefix_length=24), cidr.Tier("app", hosts_needed=500)],
    )
    assert [s.name for s in plan.subnets] == [
        "public-us-east-1a",
        "public-us-east-1b",
        "app-us-east-1a",
        "app-us-east-1b",
    ]
    app = plan.subnets[2]
    assert app.cidr.endswith("/23") and app.usable_addresses == 507 and not app.public
    assert plan.subnets[0].public
    assert plan.used_addresses + sum(ipaddress.ip_network(f).num_addresses for f in plan.free) == 65536
    assert app.first_usable == str(ipaddress.ip_network(app.cidr).network_address + 4)


def test_plan_vpc_tier_needs_exactly_one_size():
    with pytest.raises(ValueError, match="exactly one"):
        cidr.plan_vpc("10.0.0.0/16", ["a"], [cidr.Tier("x")])
    with pytest.raises(ValueError, match="availability_zones"):
        cidr.plan_vpc("10.0.0.0/16", ["a", "a"], [cidr.Tier("x", prefix_length=24)])


def test_default_vpc_layout():
    # VPC User Guide, default-vpc.html: 172.31.0.0/16 with a /20 default subnet per AZ: 172.31.0.0/20, 172.31.16.0/20...
    plan = cidr.default_vpc_layout(["us-east-1a", "us-east-1b", "us-east-1c"])
    assert [s.cidr for s in plan.subnets] == ["172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20"]
    assert all(s.public and s.usable_addresses == 4091 for s in plan.subnets)
    assert "172.31.48.0/20" in plan.free


def test_overlapping_pairs_and_free_blocks():
    assert cidr.overlapping_pairs(["10.0.0.0/16", "10.0.5.0/24", "10.1.0.0/16"]) == [("10.0.0.0/16", "10.0.5.0/24")]
    assert cidr.free_blocks("10.0.0.0/24", ["10.0.0.0/25"]) == ["10.0.0.128/25"]


def test_cidr_bits_like_cidr_xyz():
    view = cidr.cidr_bits("10.88.135.144/28")
    assert view.octets() == ["00001010", "01011000", "10000111", "10010000"]
    assert view.network_address == "10.88.135.144" and view.broadcast_address == "10.88.135.159"
    assert view.netmask == "255.255.255.240" and view.host_bits == 4 and view.total_addresses == 16
    assert view.first_host == "10.88.135.145" and view.last_host == "10.88.135.158"
    assert (view.aws_first_usable, view.aws_last_usable, view.aws_usable_addresses) == (
        "10.88.135.148",
        "10.88.135.158",
        11,
    )


def test_cidr_bits_outside_aws_range_and_errors():
    assert cidr.cidr_bits("192.168.1.7/32").aws_usable_addresses is None
    assert cidr.cidr_bits("192.168.1.7/32").first_host == "192.168.1.7"
    with pytest.raises(ValueError, match="prefix length"):
        cidr.cidr_bits("10.0.0.0/33")
    with pytest.raises(ValueError, match="cidr"):
        cidr.cidr_bits("10.0.0.0")


@given(
    vpc_prefix=st.integers(16, 24),
    base=st.integers(0, 2**32 - 1),
    prefixes=st.lists(st.integers(16, 28), min_size=1, max_size=12),
)
def test_planned_subnets_never_overlap_and_lie_inside(vpc_prefix, base, prefixes):
    vpc = ipaddress.ip_network(f"{ipaddress.IPv4Address(base)}/{vpc_prefix}", strict=False)
    wanted = [max(p, vpc_prefix) for p in prefixes]
    fits = sum(2 ** (32 - p) for p in wanted) <= vpc.num_addresses
    if not fits:
        with pytest.raises(ValueError, match="need"):
            cidr.plan_subnets(str(vpc), wanted)
        return
    plan = [ipaddress.ip_network(c) for c in cidr.plan_subnets(str(vpc), wanted)]
    assert [n.prefixlen for n in plan] == wanted
    assert all(n.subnet_of(vpc) for n in plan)
    assert not cidr.overlapping_pairs([str(n) for n in plan])
