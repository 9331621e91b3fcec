"""The data-transfer bill path by path, with the prices AWS's pricing pages list (us-east-1, read 2026-12-03).

- Amazon VPC pricing: a NAT gateway is USD 0.045 per hour and USD 0.045 per GB processed (https://aws.amazon.com/vpc/pricing/).
- AWS PrivateLink pricing: interface endpoint data 0.01 / 0.006 / 0.004 USD per GB for the first 1 PB / next 4 PB /
  above, over all endpoints in the Region (https://aws.amazon.com/privatelink/pricing/).
- AWS Direct Connect pricing: a dedicated 1 Gbps port is USD 0.30 per hour (https://aws.amazon.com/directconnect/pricing/).
- AWS Global Network FAQs: inter-AZ transfer is charged "in" and "out"; DTO tiers aggregate across services
  (https://aws.amazon.com/about-aws/global-infrastructure/global-network/faqs).
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.cost import transfer as t

TB = 1024


def test_nat_gateway_hours_and_processing():
    bill = t.transfer_bill({"nat_gateways": 1, "s3_via_nat_gb": 1000})
    assert bill.by_path()["NAT gateway hours"] == pytest.approx(730 * 0.045)
    assert bill.by_path()["NAT processing"] == pytest.approx(1000 * 0.045)


def test_gateway_endpoint_is_free():
    assert t.transfer_bill({"s3_via_gateway_endpoint_gb": 10**6}).total_usd == 0


def test_interface_endpoint_tiers_at_the_one_petabyte_boundary():
    pb = 1024 * TB
    bill = t.transfer_bill({"interface_endpoint_gb": pb + 1000})
    assert bill.by_path()["interface endpoint processing"] == pytest.approx(pb * 0.01 + 1000 * 0.006)
    hours = t.transfer_bill({"interface_endpoints": 1, "endpoint_azs": 3}).total_usd
    assert hours == pytest.approx(3 * 730 * 0.01)


def test_direct_connect_port_hours():
    assert t.transfer_bill({"direct_connect_ports_1g": 1}).total_usd == pytest.approx(219.0)
    assert t.transfer_bill({"direct_connect_out_gb": 1000}).total_usd == pytest.approx(20.0)


def test_inter_az_is_billed_in_both_directions():
    assert t.transfer_bill({"inter_az_gb": 100}).total_usd == pytest.approx(100 * 0.01 * 2)


def test_internet_egress_free_allowance_and_tiers_aggregate_over_paths():
    assert t.transfer_bill({"internet_egress_gb": 100}).total_usd == 0
    split = t.transfer_bill({"internet_egress_gb": 60, "nat_internet_gb": 60}).by_path()["internet egress"]
    assert split == pytest.approx(20 * 0.09)  # one allowance for both paths
    big = t.transfer_bill({"internet_egress_gb": 100 + 10 * TB + 40 * TB + 1}).by_path()["internet egress"]
    assert big == pytest.approx(10 * TB * 0.09 + 40 * TB * 0.085 + 0.07)


def test_cloudfront_free_terabyte_then_its_tiers():
    assert t.transfer_bill({"cloudfront_egress_gb": TB}).total_usd == 0
    assert t.transfer_bill({"cloudfront_egress_gb": TB + 100}).total_usd == pytest.approx(100 * 0.085)


def test_prices_are_overridable():
    from dataclasses import replace

    cheaper = replace(t.US_EAST_1, nat_usd_per_gb=0.0)
    assert t.transfer_bill({"s3_via_nat_gb": 1000}, cheaper).total_usd == 0


def test_moving_s3_off_nat_saves_the_processing():
    r = t.move_traffic(t.EXAMPLE_ARCHITECTURE, "S3 via NAT -> gateway endpoint", 0.5)
    assert r.saving_usd == pytest.approx(0.5 * t.EXAMPLE_ARCHITECTURE["s3_via_nat_gb"] * 0.045)


def test_bad_architectures_are_named():
    with pytest.raises(ValueError, match="unknown keys"):
        t.transfer_bill({"wormhole_gb": 1})
    with pytest.raises(ValueError, match=r"architecture\['inter_az_gb'\]=-1"):
        t.transfer_bill({"inter_az_gb": -1})
    with pytest.raises(ValueError, match="move"):
        t.move_traffic(t.EXAMPLE_ARCHITECTURE, "teleport", 1.0)


gb = st.floats(min_value=0, max_value=10**7, allow_nan=False)


@given(gb, gb)
def test_tiered_price_is_monotone_and_its_marginal_rate_never_rises(a, b):
    low, high = sorted((a, b))
    tiers = t.US_EAST_1.internet_tiers
    assert t.tiered_usd(low, tiers, 100) <= t.tiered_usd(high, tiers, 100) + 1e-9
    step = 1000.0  # past the free allowance, each further GB costs no more than the one before
    first = t.tiered_usd(low + step, tiers) - t.tiered_usd(low, tiers)
    later = t.tiered_usd(high + step, tiers) - t.tiered_usd(high, tiers)
    assert later <= first + 1e-6


@given(st.sampled_from(list(t.MOVES)), st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1))
def test_moving_more_traffic_to_the_cheaper_path_never_costs_more(move, a, b):
    low, high = sorted((a, b))
    arch = t.EXAMPLE_ARCHITECTURE
    assert t.move_traffic(arch, move, high).after.total_usd <= t.move_traffic(arch, move, low).after.total_usd + 1e-6
