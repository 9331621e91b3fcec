"""Consistency and durability simulations agree with their closed forms."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.storage import s3_reliability as rel


def test_aws_durability_example_ten_million_objects():
    # S3 FAQ: with 10,000,000 objects you can expect to lose one object once every 10,000 years.
    assert rel.years_per_lost_object(10_000_000) == pytest.approx(10_000, rel=1e-6)
    assert rel.expected_objects_lost(10_000_000, 10_000) == pytest.approx(1.0, rel=1e-6)


def test_monte_carlo_agrees_with_closed_form():
    losses = rel.simulate_object_losses(10_000_000, 10_000, trials=200_000, seed=3)
    expected = rel.expected_objects_lost(10_000_000, 10_000)
    # Binomial mean; standard error sqrt(1/200000) ~ 0.0022
    assert losses.mean() == pytest.approx(expected, abs=0.01)
    assert np.array_equal(losses[:100], rel.simulate_object_losses(10_000_000, 10_000, trials=200_000, seed=3)[:100])


def test_stale_reads_match_exact_formula_and_strong_is_zero():
    curve = rel.stale_read_curve("eventual", replicas=3, mean_propagation_ms=200, writes=100_000, seed=1)
    for t, p in zip(curve.delays_ms, curve.stale_fraction, strict=True):
        assert p == pytest.approx(rel.stale_read_probability_closed_form(t, 3, 200), abs=0.01)
    strong = rel.stale_read_curve("strong", replicas=3, mean_propagation_ms=200)
    assert max(strong.stale_fraction) == 0 and strong.expected_stale_window_ms == 0


@given(st.integers(1, 6), st.floats(1, 1000), st.integers(0, 2**31))
def test_stale_share_is_a_probability_and_never_rises_with_time(replicas, mean, seed):
    curve = rel.stale_read_curve("eventual", replicas, mean, writes=500, seed=seed)
    values = curve.stale_fraction
    assert all(0 <= v <= (replicas - 1) / replicas + 1e-6 for v in values)  # values are rounded to 6 places
    assert all(b <= a + 1e-12 for a, b in zip(values, values[1:], strict=False))


def test_bad_input_named():
    with pytest.raises(ValueError, match="model='weak'"):
        rel.stale_read_curve("weak")
    with pytest.raises(ValueError, match="durability"):
        rel.expected_objects_lost(1, 1, durability=1.5)
    with pytest.raises(ValueError, match="years"):
        rel.simulate_object_losses(1, -1)
