"""On-Demand, Reserved and Spot cost models."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute import pricing
from awslab.compute.ec2 import breakeven_utilization
from awslab.compute.pricing import (
    M5_LARGE_RESERVATIONS,
    Reservation,
    fleet_cost,
    reservation_table,
    simulate_spot_job,
    spot_price_process,
)


def test_reservation_table_rates():
    table = reservation_table()
    no_upfront_1y = table[(table.term_years == 1) & (table.payment_option == "No Upfront")].iloc[0]
    assert no_upfront_1y.effective_usd_per_hour == pytest.approx(0.060)
    assert no_upfront_1y.breakeven_utilization == pytest.approx(0.625)
    # longer terms and more upfront buy bigger discounts
    assert table[table.term_years == 3].discount_fraction.min() > table[table.term_years == 1].discount_fraction.max()


def test_reserve_the_baseline():
    # 2 instances all day, 5 for six hours, 8 for six more: reserving the always-on two wins at 62.5 % break-even
    profile = [2] * 12 + [5] * 6 + [8] * 6
    result = fleet_cost(profile, 0.096, M5_LARGE_RESERVATIONS[0])
    assert result.best_reserved_count == 2
    assert result.best_usd < result.all_on_demand_usd
    assert result.all_on_demand_usd == pytest.approx(0.096 * 8760 * np.mean(profile))


@given(
    profile=st.lists(st.integers(0, 12), min_size=1, max_size=48),
    rate=st.floats(0.01, 0.095),
    upfront=st.floats(0, 400),
)
def test_best_reservation_count_follows_breakeven_rule(profile, rate, upfront):
    reservation = Reservation(1, "Partial Upfront", upfront, rate)
    result = fleet_cost(profile, 0.096, reservation)
    u = breakeven_utilization(0.096, upfront, rate, reservation.term_hours)
    needed = np.array(profile)
    # the k-th reservation pays off when the k-th instance runs at least the break-even share of hours
    rule = sum(1 for k in range(1, needed.max() + 1) if (needed >= k).mean() > u + 1e-9)
    assert result.total_usd[rule] == pytest.approx(result.best_usd, rel=1e-9)


def test_fleet_cost_rejects_bad_profile():
    with pytest.raises(ValueError, match="instances_needed_per_hour"):
        fleet_cost([1.5, 2], 0.096, M5_LARGE_RESERVATIONS[0])
    with pytest.raises(ValueError, match="instances_needed_per_hour"):
        fleet_cost([], 0.096, M5_LARGE_RESERVATIONS[0])


def test_spot_price_is_seeded_and_capped():
    a = spot_price_process(48, 0.096, seed=3)
    assert np.array_equal(a, spot_price_process(48, 0.096, seed=3))
    assert not np.array_equal(a, spot_price_process(48, 0.096, seed=4))
    assert (a <= 0.096).all() and (a > 0).all()
    assert len(a) == 48 * 12
    assert np.median(a) == pytest.approx(0.096 * 0.35, rel=0.3)


def test_max_price_at_on_demand_never_interrupts():
    run = simulate_spot_job(10, 0.096, seed=1)
    assert run.interruptions == 0 and run.finished_minute == pytest.approx(600)
    assert run.cost_usd < run.on_demand_cost_usd


def test_capacity_reclaims_interrupt_even_below_the_maximum_price():
    calm = simulate_spot_job(30, 0.096, seed=2)
    reclaimed = simulate_spot_job(30, 0.096, seed=2, reclaims_per_day=8, reclaim_minutes=30)
    assert calm.interruptions == 0 and reclaimed.interruptions > 0
    assert reclaimed.spot_usd_per_hour == calm.spot_usd_per_hour  # same price path, separate stream
    assert reclaimed.finished_minute is None or reclaimed.finished_minute > calm.finished_minute


def _interrupted_seed():
    for seed in range(100):
        run = simulate_spot_job(20, 0.034, seed=seed, volatility=0.4)
        if run.interruptions >= 2 and run.work_lost_hours > 0:
            return seed
    raise AssertionError("no seed in 0..99 interrupts the job twice")


def test_two_minute_notice_saves_work():
    seed = _interrupted_seed()
    lossy = simulate_spot_job(20, 0.034, seed=seed, volatility=0.4)
    saved = simulate_spot_job(20, 0.034, seed=seed, volatility=0.4, checkpoint_on_notice=True)
    assert saved.work_lost_hours == 0 and lossy.work_lost_hours > 0
    too_slow = simulate_spot_job(
        20, 0.034, seed=seed, volatility=0.4, checkpoint_on_notice=True, checkpoint_seconds=300
    )
    assert too_slow.work_lost_hours == lossy.work_lost_hours


@given(
    seed=st.integers(0, 10_000),
    max_price=st.floats(0.02, 0.06),
    every=st.floats(5, 120),
    notice=st.booleans(),
    reclaims=st.floats(0, 12),
)
def test_spot_time_run_is_work_kept_plus_work_lost(seed, max_price, every, notice, reclaims):
    run = simulate_spot_job(
        8,
        max_price,
        seed=seed,
        checkpoint_every_minutes=every,
        checkpoint_on_notice=notice,
        horizon_hours=24,
        volatility=0.3,
        reclaims_per_day=reclaims,
    )
    step_hours = 5 / 60
    ran = sum(run.running) * step_hours
    kept = run.work_done_hours[-1]
    assert ran == pytest.approx(kept + run.work_lost_hours, abs=step_hours + 1e-6)
    assert kept <= 8 + 1e-9
    assert (run.finished_minute is not None) == (kept >= 8 - 1e-9)


def test_spot_rejects_bad_input():
    with pytest.raises(ValueError, match="work_hours"):
        simulate_spot_job(0, 0.05, seed=1)
    with pytest.raises(ValueError, match="max_price_usd_per_hour"):
        simulate_spot_job(1, -0.05, seed=1)
    with pytest.raises(ValueError, match="mean_discount"):
        spot_price_process(10, 0.096, seed=1, mean_discount=1.5)


def test_cost_over_term_crosses_at_the_breakeven():
    offer = next(r for r in pricing.M5_LARGE_RESERVATIONS if r.term_years == 1 and r.payment_option == "All Upfront")
    share = breakeven_utilization(0.096, offer.upfront_usd, offer.recurring_usd_per_hour, offer.term_hours)
    table = pricing.cost_over_term([0.0, share, 1.0], 0.096, term_years=1)
    assert list(table.columns) == [
        "utilization",
        "On-Demand",
        "1-year No Upfront",
        "1-year Partial Upfront",
        "1-year All Upfront",
    ]
    assert table["On-Demand"].iloc[1] == pytest.approx(table["1-year All Upfront"].iloc[1])
    assert table["On-Demand"].iloc[0] == 0 and table["1-year All Upfront"].nunique() == 1
    with pytest.raises(ValueError, match="term_years=2 matches no offering in reservations"):
        pricing.cost_over_term([0.5], term_years=2)
    with pytest.raises(ValueError, match="utilization=1.5 is outside"):
        pricing.cost_over_term([1.5])


def test_weekly_profile_spans_base_to_peak_with_quieter_weekends():
    profile = pricing.weekly_profile(3, 11, weekend_peak_fraction=0.5)
    assert len(profile) == 168 and min(profile) == 3 and max(profile) == 11
    weekday_peak, weekend_peak = max(profile[:24]), max(profile[120:144])
    assert weekday_peak == 11 and weekend_peak == 7
    with pytest.raises(ValueError, match="peak_instances=2 is outside the allowed range"):
        pricing.weekly_profile(3, 2)
