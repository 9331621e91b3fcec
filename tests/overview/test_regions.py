"""Regions table, great-circle distance, sample latencies and the closest Region."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.overview import regions as rg

lat = st.floats(min_value=-90, max_value=90, allow_nan=False)
lon = st.floats(min_value=-180, max_value=180, allow_nan=False)


def test_region_table_is_unique_and_in_range():
    table = rg.region_table()
    assert list(table.columns) == ["code", "name", "lat", "lon"]
    assert table["code"].is_unique
    assert table["lat"].between(-90, 90).all() and table["lon"].between(-180, 180).all()
    assert "us-east-1" in set(table["code"])


def test_get_region_and_bad_code():
    assert rg.get_region("eu-west-1").name == "Europe (Ireland)"
    with pytest.raises(ValueError, match="code='mars-1'"):
        rg.get_region("mars-1")


def test_great_circle_known_distance():
    # London to Paris is about 344 km; a quarter of the equator is about 10,008 km.
    assert rg.great_circle_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=3)
    assert rg.great_circle_km(0, 0, 0, 90) == pytest.approx(10007.5, abs=1)
    with pytest.raises(ValueError, match="lat1"):
        rg.great_circle_km(91, 0, 0, 0)


@given(lat, lon, lat, lon)
def test_distance_symmetric_and_bounded(a, b, c, d):
    x = rg.great_circle_km(a, b, c, d)
    assert x == pytest.approx(rg.great_circle_km(c, d, a, b), abs=1e-6)
    assert 0 <= x <= 3.1416 * rg.EARTH_RADIUS_KM + 1e-6


def test_latency_table_shape_and_symmetry():
    codes = ["us-east-1", "eu-west-1", "ap-southeast-2"]
    table = rg.latency_table(codes)
    assert list(table.index) == codes and list(table.columns) == codes
    assert (table.values.diagonal() == 0).all()
    assert (table.values == table.values.T).all()
    # Virginia-Ireland is much closer than Virginia-Sydney
    assert table.loc["us-east-1", "eu-west-1"] < table.loc["us-east-1", "ap-southeast-2"]


def test_sample_rtt_model():
    assert rg.sample_rtt_ms(0) == pytest.approx(rg.OVERHEAD_MS)
    assert rg.sample_rtt_ms(1020, route_stretch=1.0, overhead_ms=0) == pytest.approx(10.0)
    with pytest.raises(ValueError, match="route_stretch"):
        rg.sample_rtt_ms(10, route_stretch=0.5)


def test_closest_region_for_users():
    tokyo = rg.UserGroup("Tokyo", 35.68, 139.69, 1000)
    assert rg.closest_region([tokyo]) == "ap-northeast-1"
    paris = rg.UserGroup("Paris", 48.86, 2.35, 10)
    assert rg.closest_region([paris]) == "eu-west-3"
    ranking = rg.closest_regions([tokyo, paris])
    assert ranking["mean_rtt_ms"].is_monotonic_increasing
    # Heavily weighted Tokyo users pull the best Region to Asia
    assert ranking.iloc[0]["code"].startswith("ap-")


def test_closest_region_restricted_codes_and_bad_inputs():
    assert rg.closest_region([rg.UserGroup("NYC", 40.7, -74.0)], codes=["us-east-1", "us-west-2"]) == "us-east-1"
    with pytest.raises(ValueError, match="user_groups"):
        rg.closest_regions([])
    with pytest.raises(ValueError, match=r"user_groups\[0\].users"):
        rg.closest_regions([rg.UserGroup("x", 0, 0, 0)])
