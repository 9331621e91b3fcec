"""Explorers for the cost notebooks: controls -> model -> figure, all built through awslab.ui."""

from __future__ import annotations

import math

from awslab import ui
from awslab.compute import ec2
from awslab.cost import chooser, commitments, figures, transfer

MONTH_STEPS = list(range(0, 13))


def _usd(amount: float) -> str:
    """Whole dollars with the sign in front: -$841, $1,498."""
    return f"{'-' if amount < 0 else ''}${abs(amount):,.0f}"


# the instance type commitments.usage_history is made of, at its On-Demand price
M5_LARGE_USD_PER_HOUR = next(t.usd_per_hour for t in ec2.DEFAULT_INSTANCE_TYPES if t.name == "m5.large")


def explore_fleet_purchases(family_change_month: int = 6, region_change_month: int = 9) -> ui.Explorer:
    """A year of a changing fleet under each way of buying: move when the family and the Region change.

    >>> explore_fleet_purchases().last_view.numbers
    {'cheapest commitment': 'Compute Savings Plan ($1,498 saved)', 'EC2 Instance SP': '-$841 saved', 'Convertible RI': '$9 saved', 'Spot (interruptible)': '$4,122 saved'}
    """

    def view(family_change_month, region_change_month):
        results = commitments.compare_purchases(commitments.changing_fleet(family_change_month, region_change_month))
        by = {r.option: r for r in results}
        committed = [r for r in results if r.option not in ("On-Demand", "Spot")]
        best = max(committed, key=lambda r: r.savings_usd)
        return ui.View(
            figures.purchase_figure(results),
            {
                "cheapest commitment": f"{best.option} ({_usd(best.savings_usd)} saved)",
                "EC2 Instance SP": f"{_usd(by['EC2 Instance Savings Plan'].savings_usd)} saved",
                "Convertible RI": f"{_usd(by['Convertible RI (regional)'].savings_usd)} saved",
                "Spot (interruptible)": f"{_usd(by['Spot'].savings_usd)} saved",
            },
        )

    return ui.explorer(
        "Buying compute for a fleet that changes",
        [
            ui.Slider(
                "family_change_month",
                "family changes (m5 to c5) after month",
                min=0,
                max=12,
                step=1,
                value=family_change_month,
                integer=True,
                static_values=MONTH_STEPS,
            ),
            ui.Slider(
                "region_change_month",
                "Region changes (to eu-west-1) after month",
                min=0,
                max=12,
                step=1,
                value=region_change_month,
                integer=True,
            ),
        ],
        view,
    )


COMMITMENT_STEPS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2]


def explore_commitment(
    commitment_usd_per_hour: float = 0.3,
    discount: float = 0.28,
    base_instances: int = 4,
    peak_instances: int = 12,
    seed: int = 0,
) -> ui.Explorer:
    """Size a Savings Plan against four weeks of hourly usage: utilisation, coverage, savings, money left unused.

    >>> explore_commitment().last_view.numbers
    {'utilisation': '95.4%', 'coverage': '71.2%', 'savings over 4 weeks': '$66', 'left on the table': '$9', 'best commitment': '$0.28/h', 'break-even commitment': '$0.49/h'}
    """

    def view(commitment_usd_per_hour, discount, base_instances, peak_instances):
        usage = commitments.usage_history(base_instances, peak_instances, weeks=4, seed=seed)
        top = max(commitment_usd_per_hour, (peak_instances + 1) * M5_LARGE_USD_PER_HOUR)
        levels = [round(top * i / 75, 6) for i in range(76)]
        sweep = commitments.commitment_sweep(usage, levels, discount=discount)
        chosen = commitments.commitment_outcome(usage, commitment_usd_per_hour, discount=discount)
        best = commitments.best_commitment(usage, discount=discount)
        even = commitments.break_even_commitment(usage, discount=discount)
        return ui.View(
            figures.commitment_figure(sweep, chosen, best, even),
            {
                "utilisation": f"{chosen.utilisation:.1%}",
                "coverage": f"{chosen.coverage:.1%}",
                "savings over 4 weeks": _usd(chosen.savings_usd),
                "left on the table": f"${chosen.unused_commitment_usd:,.0f}",
                "best commitment": f"${best:.2f}/h",
                "break-even commitment": f"${even:.2f}/h",
            },
        )

    # the slider reaches past the peak hour's usage (at On-Demand rates), and past the starting value
    top = max(1.5, math.ceil(max((peak_instances + 1) * M5_LARGE_USD_PER_HOUR, commitment_usd_per_hour) * 10) / 10)
    return ui.explorer(
        "Savings Plan: how much to commit?",
        [
            ui.Slider(
                "commitment_usd_per_hour",
                "commitment",
                min=0,
                max=top,
                step=0.02 if top <= 1.5 else round(top / 100, 2),
                value=commitment_usd_per_hour,
                unit="USD/h",
                static_values=COMMITMENT_STEPS if top == 1.5 else [round(top * i / 11, 2) for i in range(12)],
            ),
            ui.Slider("discount", "discount against On-Demand", min=0.05, max=0.7, step=0.01, value=discount),
            ui.Slider(
                "base_instances", "night-time instances", min=0, max=20, step=1, value=base_instances, integer=True
            ),
            ui.Slider("peak_instances", "daytime peak", min=1, max=40, step=1, value=peak_instances, integer=True),
        ],
        view,
    )


SHARE_STEPS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]


def explore_transfer_move(
    share: float = 1.0, move: str = "S3 via NAT -> gateway endpoint", architecture: dict | None = None
) -> ui.Explorer:
    """Move a share of one path's traffic to a cheaper path and watch the month's transfer bill.

    >>> explore_transfer_move().last_view.numbers
    {'before': '$777/month', 'after': '$597/month', 'saving': '$180/month', 'GB moved': '4,000'}
    """

    def view(share, move):
        result = transfer.move_traffic(architecture or transfer.EXAMPLE_ARCHITECTURE, move, share)
        return ui.View(
            figures.transfer_move_figure(result),
            {
                "before": f"${result.before.total_usd:,.0f}/month",
                "after": f"${result.after.total_usd:,.0f}/month",
                "saving": f"{_usd(result.saving_usd)}/month",
                "GB moved": f"{result.gb_moved:,.0f}",
            },
        )

    return ui.explorer(
        "Data transfer: move traffic to a cheaper path",
        [
            ui.Slider(
                "share", "share of the traffic moved", min=0, max=1, step=0.05, value=share, static_values=SHARE_STEPS
            ),
            ui.Choice("move", "move", options=[(m, m) for m in transfer.MOVES], value=move),
        ],
        view,
    )


GETS_STEPS = [0.0, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0]


def explore_s3_choice(
    gets_per_month: float = 2.0,
    half_life_days: float = 30.0,
    object_size_kib: float = 1024,
    object_count: int = 100_000,
) -> ui.Explorer:
    """Which S3 storage class (lifecycle policy) is cheapest for a cohort of objects as their reads change.

    >>> explore_s3_choice().last_view.numbers
    {'cheapest': 'GLACIER_IR after 30 days', 'a month': '$1.22', 'runner-up': 'IA at 30, GLACIER at 90 ($1.32)'}
    """

    def view(gets_per_month, half_life_days, object_size_kib):
        choice = chooser.s3_choice(object_count, object_size_kib, gets_per_month, half_life_days=half_life_days)
        return ui.View(
            figures.choice_figure(choice, f"S3: {choice.pick} is cheapest"),
            {
                "cheapest": choice.pick,
                "a month": f"${choice.monthly_usd:,.2f}",
                "runner-up": f"{choice.runner_up} (${choice.runner_up_monthly_usd:,.2f})",
            },
        )

    return ui.explorer(
        "S3: which storage class for this access pattern?",
        [
            ui.Slider(
                "gets_per_month",
                "reads per object per month (when new)",
                min=0,
                max=100,
                step=0.1,
                value=gets_per_month,
                static_values=GETS_STEPS,
            ),
            ui.Slider(
                "half_life_days",
                "reads halve every (0 = steady)",
                min=0,
                max=365,
                step=5,
                value=half_life_days,
                unit="days",
            ),
            ui.Number("object_size_kib", "object size", value=object_size_kib, unit="KiB"),
        ],
        view,
    )


PEAK_STEPS = [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0]


def explore_dynamodb_choice(
    peak_to_average: float = 2.0, reads_per_second: float = 100, writes_per_second: float = 25
) -> ui.Explorer:
    """Provisioned or on-demand DynamoDB capacity as the traffic gets spikier (peak over average).

    >>> explore_dynamodb_choice().last_view.numbers
    {'cheaper': 'provisioned', 'provisioned': '$48/month', 'on-demand': '$57/month'}
    """

    def view(peak_to_average, reads_per_second, writes_per_second):
        choice = chooser.dynamodb_choice(reads_per_second, writes_per_second, 1024, peak_to_average=peak_to_average)
        usd = dict(choice.options)
        return ui.View(
            figures.choice_figure(choice, f"DynamoDB: {choice.pick} is cheaper"),
            {
                "cheaper": choice.pick,
                "provisioned": f"${usd['provisioned']:,.0f}/month",
                "on-demand": f"${usd['on-demand']:,.0f}/month",
            },
        )

    return ui.explorer(
        "DynamoDB: provisioned or on-demand?",
        [
            ui.Slider(
                "peak_to_average",
                "peak over average",
                min=1,
                max=10,
                step=0.5,
                value=peak_to_average,
                static_values=PEAK_STEPS,
            ),
            ui.Number("reads_per_second", "average reads", value=reads_per_second, unit="reads/s"),
            ui.Number("writes_per_second", "average writes", value=writes_per_second, unit="writes/s"),
        ],
        view,
    )
