"""WAF rate-based rule model: the flood is cut at the limit, normal clients pass, inputs are checked."""

import numpy as np
import pytest

from awslab.security import waf


def test_blocked_marks_requests_beyond_the_limit_in_the_window():
    times = np.array([0.0, 1, 2, 3, 100, 400])
    assert waf._blocked(times, 3, 60).tolist() == [False, False, False, True, False, False]


def test_flood_is_mostly_blocked_and_clients_are_not():
    result = waf.simulate_rate_rule(limit=100, window_seconds=300, attacker_rps=2.0, seed=1)
    assert result.attacker_blocked_fraction > 0.8
    assert result.others_blocked_fraction == 0
    assert result.first_block_seconds is not None and 30 < result.first_block_seconds < 80
    allowed_per_window = result.attacker_allowed.sum() / (1800 / 300)
    assert allowed_per_window <= 100 * 1.5


def test_a_limit_below_normal_traffic_blocks_real_users():
    result = waf.simulate_rate_rule(limit=10, window_seconds=600, client_rps=0.1, seed=2)
    assert result.others_blocked_fraction > 0.5


def test_same_seed_same_result_and_no_attack_no_block():
    a = waf.simulate_rate_rule(seed=3)
    b = waf.simulate_rate_rule(seed=3)
    assert np.array_equal(a.attacker_blocked, b.attacker_blocked)
    quiet = waf.simulate_rate_rule(attacker_rps=0.0)
    assert quiet.first_block_seconds is None and quiet.attacker_blocked_fraction == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": 5}, r"limit=5 is outside the allowed range \(10 to 2e\+09 requests\)"),
        ({"window_seconds": 90}, "window_seconds=90 is not one of the evaluation windows"),
        ({"attacker_rps": -1}, "attacker_rps=-1"),
    ],
)
def test_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        waf.simulate_rate_rule(**kwargs)
