"""Lambda cost against AWS's pricing-page examples, and the comparison with an always-on instance."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute.lambda_cost import (
    breakeven_requests_per_month,
    compare,
    instances_needed,
    lambda_monthly_cost,
)


def test_pricing_page_example_1():
    # aws.amazon.com/lambda/pricing: 512 MB, 3 million invocations of 1 s -> 1.1M billable GB-s = $18.34,
    # 2M billable requests = $0.40, total $18.74
    bill = lambda_monthly_cost(3_000_000, 1000, 512)
    assert bill.gb_seconds == pytest.approx(1_500_000)
    assert bill.duration_usd == pytest.approx(18.34, abs=0.01)
    assert bill.request_usd == pytest.approx(0.40)
    assert bill.total_usd == pytest.approx(18.74, abs=0.01)


def test_pricing_page_example_2():
    # 128 MB, 30 million invocations of 200 ms -> 750,000 GB-s, 350,000 billable = $5.83; 29M requests = $5.80
    bill = lambda_monthly_cost(30_000_000, 200, 128)
    assert bill.duration_usd == pytest.approx(5.83, abs=0.01)
    assert bill.request_usd == pytest.approx(5.80)


def test_free_tier_arm_and_millisecond_rounding():
    assert lambda_monthly_cost(1_000_000, 100, 128).total_usd == 0
    assert lambda_monthly_cost(1_000_000, 100, 128, free_tier=False).total_usd > 0.2
    arm = lambda_monthly_cost(10_000_000, 500, 1024, architecture="arm64").duration_usd
    x86 = lambda_monthly_cost(10_000_000, 500, 1024).duration_usd
    assert arm < x86
    assert lambda_monthly_cost(10, 1.2, 1024).gb_seconds == pytest.approx(lambda_monthly_cost(10, 2, 1024).gb_seconds)


def test_instances_needed_for_the_peak():
    # 2,628,000 s in a 730-hour month: 26.28M requests is 10 req/s on average
    assert instances_needed(26_280_000, 100, 10) == 1
    assert instances_needed(26_280_000, 100, 10, peak_to_average=3) == 3
    assert instances_needed(0, 100, 10, minimum_instances=2) == 2


def test_comparison_flips_at_the_breakeven():
    n = breakeven_requests_per_month(100, 512, 0.0208)
    assert lambda_monthly_cost(n, 100, 512).total_usd == pytest.approx(0.0208 * 730, rel=1e-6)
    table = compare([n * 0.5, n * 2], 100, 512, 0.0208, requests_per_second_per_instance=1000)
    assert table["cheaper"].tolist() == ["lambda", "instance"]
    no_free = breakeven_requests_per_month(100, 512, 0.0208, free_tier=False)
    assert no_free < n


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"memory_mb": 64}, "memory_mb"),
        ({"memory_mb": 20_000}, "memory_mb"),
        ({"duration_ms": 0}, "duration_ms"),
        ({"duration_ms": 1_000_000}, "duration_ms"),
        ({"requests_per_month": -1}, "requests_per_month"),
        ({"architecture": "sparc"}, "architecture"),
    ],
)
def test_bad_input(kwargs, name):
    args = {"requests_per_month": 1000, "duration_ms": 100, "memory_mb": 512}
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        lambda_monthly_cost(**args)


@given(n=st.floats(0, 1e9), ms=st.floats(1, 10_000), mem=st.integers(128, 10_240))
def test_cost_grows_with_requests(n, ms, mem):
    a = lambda_monthly_cost(n, ms, mem).total_usd
    b = lambda_monthly_cost(n * 1.5 + 1, ms, mem).total_usd
    assert 0 <= a <= b
    assert lambda_monthly_cost(n, ms, mem, free_tier=False).total_usd >= a
