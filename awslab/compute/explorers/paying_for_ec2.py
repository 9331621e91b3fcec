"""Explorers of 02_paying_for_ec2: Reserved Instances, a reserved baseline and Spot."""

from __future__ import annotations

import numpy as np

from awslab import ui
from awslab.compute import ec2, figures, pricing


def explore_breakeven(
    on_demand_usd_per_hour: float = pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR, utilization_percent: float = 60
) -> ui.Explorer:
    """Cost of one m5.large over a term at a utilisation: On-Demand against each Reserved Instance payment option.

    >>> explore_breakeven().last_view.numbers["cheapest here"]
    'On-Demand ($505)'
    """
    grid = np.linspace(0, 1, 21)

    def view(utilization_percent, on_demand_usd_per_hour, term_years):
        costs = pricing.cost_over_term(grid, on_demand_usd_per_hour, term_years=term_years)
        at = pricing.cost_over_term([utilization_percent / 100], on_demand_usd_per_hour, term_years=term_years)
        row = at.iloc[0].drop("utilization")
        offers = [r for r in pricing.M5_LARGE_RESERVATIONS if r.term_years == term_years]
        numbers = {
            "cheapest here": f"{row.idxmin()} (${row.min():,.0f})",
            "On-Demand here": f"${row['On-Demand']:,.0f}",
        }
        for r in offers:
            share = ec2.breakeven_utilization(
                on_demand_usd_per_hour, r.upfront_usd, r.recurring_usd_per_hour, r.term_hours
            )
            numbers[f"break-even, {r.payment_option}"] = f"{share:.0%}" if share <= 1 else "never"
        return ui.View(figures.breakeven_figure(costs, utilization_percent / 100), numbers)

    return ui.explorer(
        "Reserve or pay On-Demand?",
        [
            ui.Slider(
                "utilization_percent", "utilisation", min=0, max=100, step=5, value=utilization_percent, unit="%"
            ),
            ui.Number("on_demand_usd_per_hour", "On-Demand price", value=on_demand_usd_per_hour, unit="USD/h"),
            ui.Choice("term_years", "term", options=[("1 year", 1), ("3 years", 3)], value=1),
        ],
        view,
    )


def explore_fleet_mix(base_instances: int = 4, peak_instances: int = 12) -> ui.Explorer:
    """How many reservations for a weekly profile: reserve the always-on baseline, pay On-Demand for the peak.

    >>> explore_fleet_mix().last_view.numbers["reserve"]
    '4 of a peak of 12 instances'
    """

    def view(offering, base_instances, peak_instances, weekend_peak_fraction):
        profile = pricing.weekly_profile(base_instances, peak_instances, weekend_peak_fraction)
        result = pricing.fleet_cost(profile, pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR, pricing.OFFERINGS[offering])
        saving = 1 - result.best_usd / result.all_on_demand_usd if result.all_on_demand_usd else 0.0
        return ui.View(
            figures.fleet_cost_figure(result),
            {
                "reserve": f"{result.best_reserved_count} of a peak of {max(profile)} instances",
                "always needed (baseline)": f"{min(profile)} instances",
                "all On-Demand": f"${result.all_on_demand_usd:,.0f}",
                "best mix": f"${result.best_usd:,.0f} ({saving:.0%} less)",
            },
        )

    return ui.explorer(
        "Reserve the baseline, On-Demand the peak",
        [
            ui.Choice("offering", "reservation", options=list(pricing.OFFERINGS), value="1-year No Upfront"),
            ui.Number("base_instances", "instances all night", value=base_instances, integer=True),
            ui.Slider(
                "peak_instances",
                "weekday peak",
                min=1,
                max=30,
                step=1,
                value=peak_instances,
                unit="instances",
                integer=True,
            ),
            ui.Slider(
                "weekend_peak_fraction", "weekend peak (share of the weekday hump)", min=0, max=1, step=0.1, value=0.5
            ),
        ],
        view,
    )


SPOT_HORIZON_HOURS = 48.0


def explore_spot(work_hours: float = 12, seed: int = 0) -> ui.Explorer:
    """A checkpointed batch job on Spot: the price path against the maximum price, interruptions and lost work.

    >>> explore_spot().last_view.numbers["interruptions"]
    '9'
    """

    def view(max_price_percent, work_hours, checkpoint_every_minutes, checkpoint_on_notice, reclaims_per_day):
        od = pricing.M5_LARGE_ON_DEMAND_USD_PER_HOUR
        max_price = od * max_price_percent / 100
        run = pricing.simulate_spot_job(
            work_hours,
            max_price,
            seed,
            checkpoint_every_minutes=checkpoint_every_minutes,
            checkpoint_on_notice=checkpoint_on_notice,
            reclaims_per_day=reclaims_per_day,
            horizon_hours=SPOT_HORIZON_HOURS,
            step_minutes=10.0,
        )
        finished = f"{run.finished_minute / 60:g} h" if run.finished_minute is not None else "not within 48 h"
        return ui.View(
            figures.spot_figure(run, max_price),
            {
                "finished after": finished,
                "interruptions": str(run.interruptions),
                "work lost": f"{run.work_lost_hours:g} h",
                "cost": f"${run.cost_usd:.2f} (On-Demand ${run.on_demand_cost_usd:.2f})",
            },
        )

    return ui.explorer(
        "A batch job on Spot",
        [
            ui.Slider(
                "max_price_percent",
                "maximum price",
                min=20,
                max=100,
                step=5,
                value=40,
                unit="% of On-Demand",
                static_values=[25, 30, 35, 40, 50, 70, 100],
            ),
            ui.Slider("work_hours", "work", min=1, max=48, step=1, value=work_hours, unit="h"),
            ui.Slider("checkpoint_every_minutes", "checkpoint every", min=5, max=240, step=5, value=30, unit="min"),
            ui.Toggle("checkpoint_on_notice", "checkpoint on the two-minute notice", value=False),
            ui.Number("reclaims_per_day", "capacity reclaims per day", value=0.0),
        ],
        view,
    )
