"""Paying for EC2: On-Demand, Reserved Instances and Spot over a utilisation profile.

Reservation prices are for one m5.large (Linux, shared tenancy, us-east-1), Standard RIs, after
https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/ (recorded 2026-11-27 without live access to the page:
treat them as approximate, rounded to the cent, and check the page before quoting one). Spot behaviour from
https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-interruptions.html (same date): a two-minute interruption
notice (best effort, and without the two minutes for instances that hibernate: spot-instance-termination-notices.html,
read 2026-12-03), and since 2017 prices that move gradually with long-term supply and demand. Pass your own numbers to
override any of them.

References:
    - AWS, "Amazon EC2 Reserved Instances Pricing",
      https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/ (read 2026-11-27)
    - Amazon EC2 User Guide, "Spot Instance interruptions",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-interruptions.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Spot Instance interruption notices" (best effort; hibernation gets no two minutes),
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-instance-termination-notices.html (read 2026-12-03)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.compute.ec2 import breakeven_utilization
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

HOURS_PER_YEAR = 8760
M5_LARGE_ON_DEMAND_USD_PER_HOUR = 0.096
PAYMENT_OPTIONS = ("No Upfront", "Partial Upfront", "All Upfront")
SPOT_NOTICE_SECONDS = 120  # spot-instance-termination-notices, read 2026-12-03: best effort; none with hibernation


@dataclass(frozen=True)
class Reservation:
    """A Reserved Instance offering: term in years, payment option, upfront USD and recurring USD per hour.

    >>> r = OFFERINGS["1-year All Upfront"]
    >>> r.term_hours, round(r.effective_usd_per_hour, 4)
    (8760, 0.0588)
    """

    term_years: int
    payment_option: str
    upfront_usd: float
    recurring_usd_per_hour: float

    @property
    def term_hours(self) -> float:
        """The term in hours (8,760 per year)."""
        return self.term_years * HOURS_PER_YEAR

    @property
    def effective_usd_per_hour(self) -> float:
        """Upfront spread over the term plus the recurring rate, USD per hour."""
        return self.upfront_usd / self.term_hours + self.recurring_usd_per_hour


# m5.large Standard RIs, us-east-1, Linux (reserved-instances/pricing, recorded 2026-11-27, approximate).
M5_LARGE_RESERVATIONS: tuple[Reservation, ...] = (
    Reservation(1, "No Upfront", 0.0, 0.060),
    Reservation(1, "Partial Upfront", 263.0, 0.030),
    Reservation(1, "All Upfront", 515.0, 0.0),
    Reservation(3, "No Upfront", 0.0, 0.041),
    Reservation(3, "Partial Upfront", 539.0, 0.021),
    Reservation(3, "All Upfront", 1013.0, 0.0),
)

# The m5.large reservations by the name a learner picks ("1-year No Upfront", ...).
OFFERINGS = {f"{r.term_years}-year {r.payment_option}": r for r in M5_LARGE_RESERVATIONS}


@checked
def reservation_table(
    on_demand_usd_per_hour: float = M5_LARGE_ON_DEMAND_USD_PER_HOUR,
    reservations: Sequence[Reservation] = M5_LARGE_RESERVATIONS,
) -> pd.DataFrame:
    """Return each offering's effective hourly rate, discount versus On-Demand and break-even utilisation.

    >>> reservation_table().iloc[0].to_dict()["payment_option"]
    'No Upfront'
    """
    import pandas as pd

    validate.number("on_demand_usd_per_hour", on_demand_usd_per_hour, minimum=0, exclusive_minimum=True)
    rows = []
    for r in reservations:
        validate.choice("payment_option", r.payment_option, PAYMENT_OPTIONS)
        rows.append(
            {
                "term_years": r.term_years,
                "payment_option": r.payment_option,
                "upfront_usd": r.upfront_usd,
                "recurring_usd_per_hour": r.recurring_usd_per_hour,
                "effective_usd_per_hour": r.effective_usd_per_hour,
                "discount_fraction": 1 - r.effective_usd_per_hour / on_demand_usd_per_hour,
                "breakeven_utilization": breakeven_utilization(
                    on_demand_usd_per_hour, r.upfront_usd, r.recurring_usd_per_hour, r.term_hours
                ),
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class FleetCost:
    """Cost of serving an hourly instance-count profile with k reservations and On-Demand for the rest.

    >>> cost = fleet_cost([2] * 100 + [6] * 68, 0.096, OFFERINGS["1-year No Upfront"])
    >>> cost.best_reserved_count, round(cost.best_usd, 2)
    (2, 2412.75)
    """

    reserved_counts: list[int]
    total_usd: list[float]
    best_reserved_count: int
    all_on_demand_usd: float
    best_usd: float


@checked
def fleet_cost(
    instances_needed_per_hour: Sequence[int], on_demand_usd_per_hour: float, reservation: Reservation
) -> FleetCost:
    """Return the total cost for every number of reservations from 0 to the peak ("reserve the baseline").

    The profile is scaled to the reservation's term: each reserved instance costs its full term; hours above the
    reserved count run On-Demand. The best count is the largest k whose k-th instance runs at least the break-even
    fraction of hours.

    >>> cost = fleet_cost(weekly_profile(4, 12), 0.096, OFFERINGS["1-year No Upfront"])
    >>> cost.best_reserved_count, round(cost.all_on_demand_usd), round(cost.best_usd)
    (4, 4876, 3614)
    """
    needed = np.asarray(instances_needed_per_hour)
    if needed.ndim != 1 or needed.size == 0 or not np.issubdtype(needed.dtype, np.integer) or (needed < 0).any():
        raise ValueError(
            "instances_needed_per_hour must be a non-empty list of whole numbers >= 0, "
            f"got {instances_needed_per_hour!r}"
        )
    od = validate.number("on_demand_usd_per_hour", on_demand_usd_per_hour, minimum=0, exclusive_minimum=True)
    scale = reservation.term_hours / needed.size
    peak = int(needed.max())
    counts = list(range(peak + 1))
    totals = []
    for k in counts:
        on_demand_hours = np.clip(needed - k, 0, None).sum() * scale
        totals.append(
            float(
                k * (reservation.upfront_usd + reservation.recurring_usd_per_hour * reservation.term_hours)
                + on_demand_hours * od
            )
        )
    best = int(np.argmin(totals))
    return FleetCost(counts, totals, best, totals[0], totals[best])


@dataclass(frozen=True)
class SpotRun:
    """A Spot job's timeline on a fixed step: price, whether it ran, interruptions, work done and cost.

    >>> run = simulate_spot_job(12, 0.0384, 3, reclaims_per_day=2)
    >>> run.interruptions, run.finished_minute
    (6, 1090.0)
    """

    minutes: list[float]
    spot_usd_per_hour: list[float]
    running: list[bool]
    work_done_hours: list[float]
    interruptions: int
    work_lost_hours: float
    finished_minute: float | None
    cost_usd: float
    on_demand_cost_usd: float


@checked
def spot_price_process(
    hours: float,
    on_demand_usd_per_hour: float,
    seed: int,
    mean_discount: float = 0.65,
    volatility: float = 0.15,
    reversion_per_hour: float = 0.5,
    step_minutes: float = 5.0,
) -> np.ndarray:
    """Return a seeded Spot price path (USD/hour, one value per step): a mean-reverting walk of the log price.

    The price reverts toward ``on_demand * (1 - mean_discount)`` and never exceeds the On-Demand price.

    >>> prices = spot_price_process(2, 0.096, seed=0)
    >>> len(prices), round(float(max(prices)), 4)
    (24, 0.0377)
    """
    validate.number("hours", hours, minimum=0, exclusive_minimum=True)
    validate.number("mean_discount", mean_discount, minimum=0, maximum=0.95)
    validate.number("volatility", volatility, minimum=0)
    validate.number("step_minutes", step_minutes, minimum=0, exclusive_minimum=True)
    steps = int(np.ceil(hours * 60 / step_minutes))
    if steps > 10**6:
        raise ValueError(f"hours={hours!r} with step_minutes={step_minutes!r} gives {steps} steps; at most 10**6")
    dt = step_minutes / 60.0
    rng = np.random.default_rng(seed)
    shocks = rng.normal(0.0, volatility * np.sqrt(dt), steps)
    mean_log = np.log(on_demand_usd_per_hour * (1 - mean_discount))
    decay = np.exp(-reversion_per_hour * dt)
    # x_k = decay * x_{k-1} + shock_k (an Ornstein-Uhlenbeck process sampled every step)
    x = np.empty(steps)
    level = 0.0
    for k in range(steps):
        level = decay * level + shocks[k]
        x[k] = level
    return np.minimum(np.exp(mean_log + x), on_demand_usd_per_hour)


@checked
def simulate_spot_job(
    work_hours: float,
    max_price_usd_per_hour: float,
    seed: int,
    on_demand_usd_per_hour: float = M5_LARGE_ON_DEMAND_USD_PER_HOUR,
    checkpoint_every_minutes: float = 30.0,
    checkpoint_seconds: float = 60.0,
    checkpoint_on_notice: bool = False,
    horizon_hours: float = 72.0,
    step_minutes: float = 5.0,
    reclaims_per_day: float = 0.0,
    reclaim_minutes: float = 30.0,
    **price_kwargs: float,
) -> SpotRun:
    """Run a job of ``work_hours`` on Spot against a maximum price, with checkpoints and the two-minute notice.

    The job runs while the Spot price is at or below the maximum; a rise above it interrupts the instance. Today
    most interruptions are EC2 reclaiming capacity whatever the price: ``reclaims_per_day`` such events arrive at
    random and keep the job off Spot for ``reclaim_minutes``. Work since the last checkpoint is lost, unless
    ``checkpoint_on_notice`` and a checkpoint fits in the 120 s notice. Billing is per second at the Spot price
    while running.

    >>> run = simulate_spot_job(12, 0.0384, 3, reclaims_per_day=2)
    >>> round(run.cost_usd, 4), run.on_demand_cost_usd
    (np.float64(0.4442), 1.152)
    """
    work = validate.number("work_hours", work_hours, minimum=0, exclusive_minimum=True, unit="hours")
    max_price = validate.number("max_price_usd_per_hour", max_price_usd_per_hour, minimum=0, exclusive_minimum=True)
    every = validate.number("checkpoint_every_minutes", checkpoint_every_minutes, minimum=0, exclusive_minimum=True)
    ck_seconds = validate.number("checkpoint_seconds", checkpoint_seconds, minimum=0)
    rate = validate.number("reclaims_per_day", reclaims_per_day, minimum=0)
    validate.number("step_minutes", step_minutes, minimum=0, exclusive_minimum=True, unit="minutes")
    horizon = validate.number("horizon_hours", horizon_hours, minimum=0, exclusive_minimum=True, unit="hours")
    if horizon * 60 / step_minutes > 10**6:
        raise ValueError(
            f"horizon_hours={horizon_hours!r} with step_minutes={step_minutes!r} gives more than 10**6 steps; "
            "shorten the horizon or lengthen the step"
        )
    reclaim = validate.number("reclaim_minutes", reclaim_minutes, minimum=0, maximum=horizon * 60, unit="minutes")
    blocked_steps = int(np.ceil(reclaim / step_minutes))
    prices = spot_price_process(horizon_hours, on_demand_usd_per_hour, seed, step_minutes=step_minutes, **price_kwargs)
    dt_hours = step_minutes / 60.0
    # capacity reclaims come from their own stream so that turning them on leaves the price path unchanged
    events = np.random.default_rng([seed, 1]).random(prices.size) < rate * dt_hours / 24.0
    available = np.ones(prices.size, dtype=bool)
    for k in np.flatnonzero(events):
        available[k : k + max(blocked_steps, 1)] = False
    saved = done = lost = cost = 0.0
    since_checkpoint_minutes = 0.0
    interruptions = 0
    finished = None
    running_flags: list[bool] = []
    done_path: list[float] = []
    was_running = False
    for k, price in enumerate(prices):
        runs = finished is None and price <= max_price and bool(available[k])
        if was_running and not runs and finished is None:
            interruptions += 1
            if checkpoint_on_notice and ck_seconds <= SPOT_NOTICE_SECONDS:
                saved = done
            else:
                lost += done - saved
                done = saved
        if runs:
            done = min(work, done + dt_hours)
            cost += price * dt_hours
            since_checkpoint_minutes += step_minutes
            if since_checkpoint_minutes >= every:
                saved, since_checkpoint_minutes = done, 0.0
            if done >= work:
                finished = (k + 1) * step_minutes
                saved = done
        running_flags.append(bool(runs))
        done_path.append(round(done, 6))
        was_running = runs
    minutes = [round(k * step_minutes, 6) for k in range(len(prices))]
    return SpotRun(
        minutes,
        [round(float(p), 6) for p in prices],
        running_flags,
        done_path,
        interruptions,
        round(lost, 6),
        finished,
        round(cost, 6),
        round(work * on_demand_usd_per_hour, 6),
    )


@checked
def cost_over_term(
    utilization_grid: Sequence[float],
    on_demand_usd_per_hour: float = M5_LARGE_ON_DEMAND_USD_PER_HOUR,
    reservations: Sequence[Reservation] = M5_LARGE_RESERVATIONS,
    term_years: int = 1,
) -> pd.DataFrame:
    """Return USD per instance over ``term_years`` at each utilisation (0-1): On-Demand and every offering of that term.

    A reservation costs its upfront plus the recurring rate for every hour of the term, used or not.

    >>> costs = cost_over_term([0.6], term_years=1)
    >>> costs.iloc[0].drop("utilization").idxmin()
    'On-Demand'
    """
    import pandas as pd

    od = validate.number("on_demand_usd_per_hour", on_demand_usd_per_hour, minimum=0, exclusive_minimum=True)
    years = validate.integer("term_years", term_years, minimum=1, maximum=3)
    offers = [r for r in reservations if r.term_years == years]
    if not offers:
        terms = sorted({r.term_years for r in reservations})
        raise ValueError(
            f"term_years={years} matches no offering in reservations; terms offered: "
            f"{', '.join(map(str, terms)) or 'none'} years"
        )
    hours = years * HOURS_PER_YEAR
    rows = []
    for u in utilization_grid:
        share = validate.number("utilization", u, minimum=0, maximum=1)
        row = {"utilization": share, "On-Demand": od * share * hours}
        for r in offers:
            row[f"{r.term_years}-year {r.payment_option}"] = r.upfront_usd + r.recurring_usd_per_hour * hours
        rows.append(row)
    return pd.DataFrame(rows)


@checked
def weekly_profile(base_instances: int, peak_instances: int, weekend_peak_fraction: float = 0.5) -> list[int]:
    """Return a week of hourly instance needs (168 values): the base all night, a daytime hump up to the peak.

    Weekend days reach only ``weekend_peak_fraction`` of the weekday hump above the base.

    >>> profile = weekly_profile(4, 12)
    >>> len(profile), min(profile), max(profile)
    (168, 4, 12)
    """
    base = validate.integer("base_instances", base_instances, minimum=0)
    peak = validate.integer("peak_instances", peak_instances, minimum=base)
    weekend = validate.number("weekend_peak_fraction", weekend_peak_fraction, minimum=0, maximum=1)
    hours = np.arange(168)
    hump = np.clip(np.sin((hours % 24 - 6) / 12 * np.pi), 0, None) ** 2
    scale = np.where(hours // 24 >= 5, weekend, 1.0)
    return [int(v) for v in np.ceil(base + (peak - base) * hump * scale - 1e-9)]
