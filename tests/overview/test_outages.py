"""Seeded outage simulation against the analytic availability."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.overview import availability as av
from awslab.overview import outages as o

SIM = settings(max_examples=25, deadline=None)


def test_single_copy_converges_to_mtbf_over_mtbf_plus_mttr():
    # 10 h up, 1 h repair: about 800 cycles a year, availability 10/11
    r = o.simulate_outages(10, 1, 1, years=1, seed=7)
    assert r.availability == pytest.approx(o.steady_state_availability(10, 1), abs=0.01)
    assert r.downtime_minutes == r.minutes - round(r.availability * r.minutes)
    assert 600 < r.outage_count < 1000


def test_two_copies_match_parallel_formula():
    r = o.simulate_outages(10, 1, 2, years=2, seed=3)
    single = o.steady_state_availability(10, 1)
    assert r.availability == pytest.approx(av.parallel_availability([single, single]), abs=0.003)


def test_seeded_and_timeline():
    a = o.simulate_outages(50, 2, 1, years=0.01, seed=11, keep_timeline=True)
    b = o.simulate_outages(50, 2, 1, years=0.01, seed=11, keep_timeline=True)
    assert a == b and len(a.up) == a.minutes
    assert a.downtime_minutes == a.up.count(False)


@SIM
@given(st.floats(1, 200), st.floats(0.1, 20), st.integers(1, 4), st.integers(0, 10_000))
def test_adding_a_copy_never_loses_uptime(mtbf, mttr, copies, seed):
    fewer = o.simulate_outages(mtbf, mttr, copies, years=0.05, seed=seed)
    more = o.simulate_outages(mtbf, mttr, copies + 1, years=0.05, seed=seed)
    assert more.downtime_minutes <= fewer.downtime_minutes
    assert 0 <= more.longest_outage_minutes <= more.downtime_minutes


@SIM
@given(st.floats(1, 200), st.floats(0.1, 20), st.integers(1, 3), st.integers(0, 10_000))
def test_common_cause_never_adds_uptime(mtbf, mttr, copies, seed):
    base = o.simulate_outages(mtbf, mttr, copies, years=0.05, seed=seed)
    shared = o.simulate_outages(
        mtbf, mttr, copies, years=0.05, seed=seed, common_cause_mtbf_hours=50, common_cause_mttr_hours=2
    )
    assert shared.downtime_minutes >= base.downtime_minutes


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"mtbf_hours": 0}, "mtbf_hours"),
        ({"mttr_hours": -1}, "mttr_hours"),
        ({"copies": 0}, "copies"),
        ({"years": 20}, "years"),
        ({"seed": -1}, "seed"),
        ({"common_cause_mtbf_hours": 0}, "common_cause_mtbf_hours"),
    ],
)
def test_bad_inputs(kwargs, name):
    args = {"mtbf_hours": 10, "mttr_hours": 1}
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        o.simulate_outages(**args)
