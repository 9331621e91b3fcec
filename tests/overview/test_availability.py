"""Availability arithmetic: serial, parallel, correlated redundancy, nines and downtime."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.overview import availability as av

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
FAST = settings(max_examples=150, deadline=None)


def test_serial_is_product():
    # Two components at 99.9 % in series: 0.999 * 0.999 = 0.998001
    assert av.serial_availability([0.999, 0.999]) == pytest.approx(0.998001)


def test_parallel_two_copies():
    # Two redundant copies at 99 %: 1 - 0.01^2 = 0.9999
    assert av.parallel_availability([0.99, 0.99]) == pytest.approx(0.9999)


def test_parallel_mixed_and_degenerate():
    assert av.parallel_availability([0.9, 0.5]) == pytest.approx(1 - 0.1 * 0.5)
    assert av.parallel_availability([0.0, 0.0]) == 0.0
    assert av.parallel_availability([1.0, 0.0]) == 1.0
    assert av.serial_availability([1.0, 0.0]) == 0.0


@pytest.mark.parametrize("bad", [[], [1.5], [-0.1], [float("nan")], "0.9", None, [True]])
def test_bad_availabilities_name_the_parameter(bad):
    with pytest.raises(ValueError, match="availabilities"):
        av.serial_availability(bad)
    with pytest.raises(ValueError, match="availabilities"):
        av.parallel_availability(bad)


@FAST
@given(st.lists(unit, min_size=1, max_size=6), st.integers(0, 5), unit)
def test_monotone_in_each_component(values, index, raised):
    i = index % len(values)
    better = list(values)
    better[i] = max(values[i], raised)
    assert av.serial_availability(better) >= av.serial_availability(values) - 1e-12
    assert av.parallel_availability(better) >= av.parallel_availability(values) - 1e-12


@FAST
@given(st.lists(unit, min_size=1, max_size=6))
def test_bounds_between_serial_and_parallel(values):
    s, p = av.serial_availability(values), av.parallel_availability(values)
    assert 0.0 <= s <= min(values) + 1e-12
    assert max(values) - 1e-12 <= p <= 1.0
    assert s <= p + 1e-12


@FAST
@given(st.lists(unit, min_size=1, max_size=5), unit)
def test_adding_a_component(values, extra):
    assert av.serial_availability(values + [extra]) <= av.serial_availability(values) + 1e-12
    assert av.parallel_availability(values + [extra]) >= av.parallel_availability(values) - 1e-12


@FAST
@given(unit, st.integers(1, 5))
def test_beta_zero_is_independent_and_beta_one_is_single(a, n):
    assert av.redundant_availability(a, n, 0.0) == pytest.approx(av.parallel_availability([a] * n), abs=1e-12)
    assert av.redundant_availability(a, n, 1.0) == pytest.approx(a, abs=1e-12)


@FAST
@given(unit, st.integers(1, 5), unit, unit)
def test_correlation_never_helps(a, n, b1, b2):
    low, high = sorted((b1, b2))
    assert av.redundant_availability(a, n, high) <= av.redundant_availability(a, n, low) + 1e-12


def test_nines_and_downtime():
    assert av.nines(0.999) == pytest.approx(3.0)
    assert math.isinf(av.nines(1.0))
    assert av.availability_from_nines(4) == pytest.approx(0.9999)
    # 99.9 % over a 365-day year is 525.6 minutes (8.76 hours); over a 30-day month 43.2 minutes.
    assert av.downtime_minutes(0.999) == pytest.approx(525.6)
    assert av.downtime_minutes(0.999, av.MINUTES_PER_MONTH) == pytest.approx(43.2)
    with pytest.raises(ValueError, match="window_minutes"):
        av.downtime_minutes(0.9, 0)


def test_nines_table():
    table = av.nines_table(5)
    assert list(table["nines"]) == [1, 2, 3, 4, 5]
    assert table.loc[4, "downtime_minutes_per_year"] == pytest.approx(5.256)
    with pytest.raises(ValueError, match="max_nines"):
        av.nines_table(0)


def test_deployment_shapes_rank_as_expected():
    table = av.compare_deployments()
    one, multi_az, multi_region = table["availability"]
    assert one < multi_az < multi_region
    assert list(table["downtime_minutes_per_year"]) == sorted(table["downtime_minutes_per_year"], reverse=True)


def test_deployment_single_instance_matches_serial():
    d = av.deployment_availability("x", 0.995, 1, 1, 1, az_availability=0.999, region_availability=0.9999)
    assert d.availability == pytest.approx(0.995 * 0.999 * 0.9999)
    assert d.downtime_minutes_per_year == pytest.approx((1 - d.availability) * av.MINUTES_PER_YEAR)


def test_correlated_failure_lowers_multi_az_gain():
    independent = av.compare_deployments(correlation_beta=0.0)["availability"][1]
    correlated = av.compare_deployments(correlation_beta=0.2)["availability"][1]
    assert correlated < independent


def test_bad_deployment_inputs():
    with pytest.raises(ValueError, match="instances_per_az=0"):
        av.deployment_availability("x", 0.99, 0, 1)
    with pytest.raises(ValueError, match="correlation_beta"):
        av.redundant_availability(0.99, 2, 1.5)
    with pytest.raises(ValueError, match="region_count"):
        av.deployment_availability("x", 0.99, 1, 1, region_count=0)


@FAST
@given(unit, unit)
def test_one_copy_is_the_unit_whatever_the_correlation(a, beta):
    assert av.redundant_availability(a, 1, beta) == pytest.approx(a, abs=1e-12)
