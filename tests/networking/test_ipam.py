"""IPAM pool allocation: first fit, aligned, never overlapping (Amazon EC2 API Reference, "AllocateIpamPoolCidr":
the returned CIDR will not overlap any other allocation from the same pool; read 2026-12-03)."""

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import ipam


def test_first_fit_skips_what_is_already_allocated():
    state = ipam.allocate("10.0.0.0/14", [16, 16, 16, 16], existing=["10.1.0.0/16"])
    assert [a.cidr for a in state.allocations] == ["10.0.0.0/16", "10.2.0.0/16", "10.3.0.0/16", None]
    assert state.refused == 1 and state.used_fraction == 1.0 and state.free == ()


def test_netmask_outside_the_pool_range_is_refused_not_clamped():
    state = ipam.allocate("10.0.0.0/8", [12, 29])
    assert [a.cidr for a in state.allocations] == [None, None]
    assert "outside the pool's allowed /16-/28" in state.allocations[0].explanation


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: ipam.allocate("10.0.0.1/8", [16]), "pool_cidr='10.0.0.1/8'"),
        (lambda: ipam.allocate("10.0.0.0/8", [16], existing=["11.0.0.0/16"]), "outside the pool"),
        (lambda: ipam.allocate("10.0.0.0/8", [16], existing=["10.0.0.0/16", "10.0.0.0/17"]), "overlap"),
        (lambda: ipam.overlaps(["10.0.0.0/33"]), "not a CIDR block"),
    ],
)
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("/", "/")):
        call()


@given(st.lists(st.integers(min_value=16, max_value=24), max_size=30), st.sampled_from(["10.0.0.0/12", "10.0.0.0/14"]))
def test_allocations_never_overlap_and_stay_in_the_pool(lengths, pool):
    state = ipam.allocate(pool, lengths)
    given_out = [ipaddress.ip_network(a.cidr) for a in state.allocations if a.cidr]
    assert ipam.overlaps([str(n) for n in given_out]) == []
    assert all(n.subnet_of(ipaddress.ip_network(pool)) for n in given_out)
    free = sum(ipaddress.ip_network(b).num_addresses for b in state.free)
    assert free + sum(n.num_addresses for n in given_out) == ipaddress.ip_network(pool).num_addresses
