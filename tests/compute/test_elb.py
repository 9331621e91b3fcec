"""Load balancer traffic shares, health checks and the request-level simulator."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute.elb import HealthCheckConfig, detection_delay_seconds, health_view, traffic_share
from awslab.compute.elb_sim import simulate_load_balancer


def test_cross_zone_example_from_the_elb_guide():
    # how-elastic-load-balancing-works.html: 2 targets in AZ A, 8 in AZ B.
    # Cross-zone on: each of the 10 targets gets 10 %. Off: each A target 25 %, each B target 6.25 %.
    assert traffic_share({"A": 2, "B": 8}, cross_zone=True) == pytest.approx({"A": 0.10, "B": 0.10})
    assert traffic_share({"A": 2, "B": 8}, cross_zone=False) == pytest.approx({"A": 0.25, "B": 0.0625})


def test_empty_az():
    assert traffic_share({"a": 0, "b": 4}, True) == pytest.approx({"a": 0.0, "b": 0.25})
    assert traffic_share({"a": 0, "b": 4, "c": 1}, False) == pytest.approx({"a": 0.0, "b": 0.125, "c": 0.5})


@pytest.mark.parametrize(
    ("targets", "name"),
    [
        ({}, "targets_per_az"),
        ({"a": -1}, "targets_per_az"),
        ({"a": 0, "b": 0}, "targets_per_az"),
        ({"a": 1.5}, "targets_per_az"),
    ],
)
def test_traffic_share_rejects_bad_input(targets, name):
    with pytest.raises(ValueError, match=name):
        traffic_share(targets, True)


@given(counts=st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 20), min_size=1), cross_zone=st.booleans())
def test_shares_add_up_to_all_traffic(counts, cross_zone):
    if sum(counts.values()) == 0:
        return
    share = traffic_share(counts, cross_zone)
    assert sum(share[az] * n for az, n in counts.items()) == pytest.approx(1.0)
    if cross_zone:
        assert len({v for az, v in share.items() if counts[az]}) == 1


def test_health_check_marks_out_and_back_in():
    cfg = HealthCheckConfig(interval_seconds=10, timeout_seconds=5, healthy_threshold=3, unhealthy_threshold=2)
    view = health_view([(100, 200)], 400, cfg)
    # checks at 0, 10, ...: failures at 100 and 110 -> unhealthy once the 110 check times out (115 s)
    assert view[:115].all() and not view[115:200].any()
    # passes at 200, 210, 220 -> healthy when the 220 check answers (just after 220 s)
    assert not view[200:221].any() and view[221:].all()
    out, back = detection_delay_seconds(cfg)
    assert (out, back) == (25, 30)


def test_health_check_defaults_and_ranges():
    assert detection_delay_seconds() == (65, 150)
    with pytest.raises(ValueError, match="timeout_seconds"):
        health_view([], 10, HealthCheckConfig(interval_seconds=5, timeout_seconds=5))
    with pytest.raises(ValueError, match="healthy_threshold"):
        health_view([], 10, HealthCheckConfig(healthy_threshold=1))


def test_simulated_shares_match_traffic_share():
    for cross_zone in (True, False):
        run = simulate_load_balancer({"a": 2, "b": 8}, cross_zone, 200, 300, seed=5, target_capacity_rps=100)
        expected = traffic_share({"a": 2, "b": 8}, cross_zone)
        for target, share in run.share_per_target.items():
            assert share == pytest.approx(expected[target.split("/")[0]], abs=0.01)


def test_cross_zone_off_overloads_the_small_az():
    off = simulate_load_balancer(
        {"a": 2, "b": 8}, False, 100, 300, seed=1, target_capacity_rps=20, idle_timeout_seconds=30
    )
    on = simulate_load_balancer(
        {"a": 2, "b": 8}, True, 100, 300, seed=1, target_capacity_rps=20, idle_timeout_seconds=30
    )
    assert off.timed_out > 0.1 * off.total and on.timed_out == 0


def test_a_failed_target_loses_requests_until_health_checks_catch_it():
    run = simulate_load_balancer(
        {"a": 2, "b": 2}, True, 40, 600, seed=2, failures=[{"target": "a/0", "start": 100, "end": 300}]
    )
    out, back = detection_delay_seconds()
    lost = run.drop_reasons["target_down"]
    # a quarter of the traffic went to the dead target for at most `out` seconds (plus the first check's offset)
    assert 0 < lost <= 40 * 0.25 * (out + 6) * 1.3
    assert sum(run.dropped_per_second[100 + int(out) + 6 : 300]) == 0
    assert run.dropped == lost


def test_deregistration_stops_new_requests_and_drains():
    run = simulate_load_balancer(
        {"a": 2, "b": 2}, True, 40, 300, seed=3, deregistrations=[{"target": "b/1", "at": 100}]
    )
    assert run.share_per_target["b/1"] == pytest.approx(0.25 / 3, abs=0.02)
    assert run.dropped == 0
    heavy = simulate_load_balancer(
        {"a": 1, "b": 1},
        True,
        38,
        300,
        seed=3,
        target_capacity_rps=20,
        deregistrations=[{"target": "b/0", "at": 100}],
        deregistration_delay_seconds=0,
    )
    assert heavy.drop_reasons["drain_timeout"] > 0


def test_stickiness_unbalances_targets():
    plain = simulate_load_balancer({"a": 3, "b": 3}, True, 60, 300, seed=4, target_capacity_rps=100)
    sticky = simulate_load_balancer(
        {"a": 3, "b": 3},
        True,
        60,
        300,
        seed=4,
        target_capacity_rps=100,
        sticky_fraction=1.0,
        clients=50,
        client_skew=1.2,
    )
    spread = {name: np.ptp(list(r.share_per_target.values())) for name, r in (("plain", plain), ("sticky", sticky))}
    assert spread["sticky"] > 3 * spread["plain"]


def test_all_targets_gone_means_no_target():
    run = simulate_load_balancer({"a": 1}, True, 10, 60, seed=1, deregistrations=[{"target": "a/0", "at": 0}])
    assert run.drop_reasons["no_target"] == run.total > 0


def test_simulator_is_seeded():
    a = simulate_load_balancer({"a": 2, "b": 1}, False, 30, 120, seed=9, sticky_fraction=0.5)
    b = simulate_load_balancer({"a": 2, "b": 1}, False, 30, 120, seed=9, sticky_fraction=0.5)
    assert a.requests_per_target == b.requests_per_target and a.served == b.served


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"failures": [{"target": "z/9", "start": 1, "end": 2}]}, "failures"),
        ({"deregistrations": [{"target": "nope", "at": 1}]}, "deregistrations"),
        ({"sticky_fraction": 2}, "sticky_fraction"),
        ({"idle_timeout_seconds": 5000}, "idle_timeout_seconds"),
        ({"requests_per_second": 1e6, "duration_seconds": 1e4}, "requests_per_second"),
    ],
)
def test_simulator_rejects_bad_input(kwargs, name):
    args = {"targets_per_az": {"a": 1}, "cross_zone": True, "requests_per_second": 5, "duration_seconds": 10, "seed": 0}
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        simulate_load_balancer(**args)


@given(
    counts=st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers(0, 4), min_size=1),
    cross_zone=st.booleans(),
    rate=st.floats(0, 120),
    capacity=st.floats(2, 60),
    fail_start=st.floats(0, 200),
    fail_len=st.floats(1, 200),
    dereg_at=st.floats(0, 250),
    delay=st.floats(0, 30),
    sticky=st.floats(0, 1),
    idle=st.floats(1, 60),
    seed=st.integers(0, 1000),
)
def test_every_request_is_served_dropped_or_timed_out(
    counts, cross_zone, rate, capacity, fail_start, fail_len, dereg_at, delay, sticky, idle, seed
):
    ids = [f"{az}/{i}" for az, n in counts.items() for i in range(n)]
    failures = [{"target": ids[0], "start": fail_start, "end": fail_start + fail_len}] if ids else []
    deregs = [{"target": ids[-1], "at": dereg_at}] if ids else []
    run = simulate_load_balancer(
        counts,
        cross_zone,
        rate,
        240,
        seed,
        target_capacity_rps=capacity,
        failures=failures,
        deregistrations=deregs,
        deregistration_delay_seconds=delay,
        sticky_fraction=sticky,
        idle_timeout_seconds=idle,
    )
    assert run.outcome.size == run.total
    assert ((run.outcome >= 0) & (run.outcome <= 2)).all()  # nothing left without an outcome
    assert run.served + run.dropped + run.timed_out == run.total  # none lost
    assert sum(run.drop_reasons.values()) == run.dropped
    assert sum(run.served_per_second) + sum(run.dropped_per_second) + sum(run.timed_out_per_second) == run.total
