"""Peering rules, reachability without transitive routing, VPN tunnel redundancy."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import peering
from awslab.networking.peering import Link, Site


def test_can_peer_doc_examples():
    # VPC Peering Guide, invalid configurations: 10.0.0.0/16 cannot peer with 10.0.0.0/16 or an overlapping block.
    assert not peering.can_peer(["10.0.0.0/16"], ["10.0.0.0/16"])
    assert not peering.can_peer(["10.0.0.0/16", "10.2.0.0/16"], ["10.2.0.0/24"])  # a secondary block overlaps
    assert peering.can_peer(["10.0.0.0/16"], ["10.1.0.0/16", "172.16.0.0/16"])


def test_can_peer_bad_input():
    with pytest.raises(ValueError, match="cidrs_b"):
        peering.can_peer(["10.0.0.0/16"], [])
    with pytest.raises(ValueError, match=r"cidrs_a\[0\]"):
        peering.can_peer(["10.0.0.0/8"], ["10.1.0.0/16"])


@pytest.mark.parametrize(
    ("accepted", "days", "status"),
    [(None, 1, "pending-acceptance"), (None, 8, "expired"), (True, 1, "active"), (False, 1, "rejected")],
)
def test_peering_status(accepted, days, status):
    assert peering.peering_status(["10.0.0.0/16"], ["10.1.0.0/16"], accepted=accepted, days_pending=days) == status


def test_overlapping_request_fails():
    assert peering.peering_status(["10.0.0.0/16"], ["10.0.128.0/17"], accepted=True) == "failed"
    with pytest.raises(ValueError, match="days_pending"):
        peering.peering_status(["10.0.0.0/16"], ["10.1.0.0/16"], days_pending=-1)


SITES = [
    Site("A", ("10.0.0.0/16",)),
    Site("B", ("10.1.0.0/16",)),
    Site("C", ("10.2.0.0/16",)),
    Site("office", ("192.168.0.0/16",), kind="on-premises"),
]


def test_peering_is_not_transitive():
    paths = peering.reachability(SITES, [Link("peering", "A", "B"), Link("peering", "B", "C")])
    assert paths[("A", "B")].reachable and paths[("B", "C")].reachable
    assert not paths[("A", "C")].reachable
    assert "A -> B -> C" in paths[("A", "C")].reason
    assert paths[("office", "A")].reason == "no connection at all"


def test_vpn_gives_no_edge_to_edge_routing():
    paths = peering.reachability(
        SITES, [Link("vpn", "office", "A"), Link("peering", "A", "B"), Link("direct_connect", "office", "C")]
    )
    assert paths[("office", "A")].reachable and paths[("office", "C")].via == "direct_connect"
    assert not paths[("office", "B")].reachable


def test_transit_gateway_is_transitive_and_inactive_links_do_nothing():
    links = [Link("transit_gateway", name, "tgw-1") for name in ("A", "B", "C", "office")]
    paths = peering.reachability(SITES, links)
    assert all(p.reachable for p in paths.values())
    idle = peering.reachability(SITES, [Link("peering", "A", "B", active=False)])
    assert not idle[("A", "B")].reachable


def test_overlapping_peering_does_not_connect():
    sites = [Site("A", ("10.0.0.0/16",)), Site("D", ("10.0.0.0/16",))]
    paths = peering.reachability(sites, [Link("peering", "A", "D")])
    assert not paths[("A", "D")].reachable and "overlap" in paths[("A", "D")].reason


@pytest.mark.parametrize(
    ("link", "fragment"),
    [
        (Link("peering", "A", "office"), "two VPCs"),
        (Link("vpn", "A", "B"), "on-premises"),
        (Link("peering", "A", "Z"), "which is not in sites"),
        (Link("wormhole", "A", "B"), "link kind"),
    ],
)
def test_reachability_bad_links(link, fragment):
    with pytest.raises(ValueError, match=fragment):
        peering.reachability(SITES, [link])


def test_vpn_availability():
    assert peering.vpn_availability(0.99) == pytest.approx(0.9999)
    assert peering.vpn_availability(0.99, tunnels=1) == pytest.approx(0.99)
    with pytest.raises(ValueError, match="tunnels"):
        peering.vpn_availability(0.9, tunnels=3)


@given(edges=st.lists(st.tuples(st.sampled_from("ABCDE"), st.sampled_from("ABCDE")), max_size=8))
def test_reachable_exactly_when_directly_peered(edges):
    sites = [Site(n, (f"10.{i}.0.0/16",)) for i, n in enumerate("ABCDE")]
    links = [Link("peering", a, b) for a, b in edges if a != b]
    paths = peering.reachability(sites, links)
    direct = {frozenset((ln.a, ln.b)) for ln in links}
    for (a, b), path in paths.items():
        assert path.reachable == (a == b or frozenset((a, b)) in direct)
        assert paths[(b, a)].reachable == path.reachable
