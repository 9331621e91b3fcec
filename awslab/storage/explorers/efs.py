"""Explorers of the EFS notebook (09): the Bursting credit bucket through a day, and the throughput modes' bills."""

from __future__ import annotations

from awslab import ui
from awslab.storage import efs, figures

# 5-minute steps keep a day at 288 points, so the static figures stay small (the bucket is exact per step).
STEP_SECONDS = 300


def explore_efs_burst(
    size_gib: float = 256,
    peak_mibps: float = 100,
    peak_minutes: float = 120,
    peaks_per_day: int = 2,
    base_mibps: float = 2,
    read_share: float = 0.0,
) -> ui.Explorer:
    """An EFS Bursting file system's credits through a day of peaks: delivered MiB/s and BurstCreditBalance.

    >>> explore_efs_burst().last_view.numbers["baseline (metered)"]
    '12.5 MiB/s'
    """

    def view(size_gib, peak_mibps, peak_minutes, peaks_per_day, base_mibps, read_share):
        demand = efs.daily_demand(
            base_mibps, peak_mibps, peak_minutes=peak_minutes, peaks_per_day=peaks_per_day, step_seconds=STEP_SECONDS
        )
        result = efs.simulate_bursting(size_gib, demand, STEP_SECONDS, read_share=read_share)
        perf = result.performance
        return ui.View(
            figures.efs_burst_figure(result),
            {
                "baseline (metered)": f"{perf.baseline_mibps:,.1f} MiB/s",
                "burst (metered)": f"{perf.burst_mibps:,.0f} MiB/s",
                "can burst per day": f"{perf.burst_minutes_per_day:,.0f} min",
                "credits first run out after": "never"
                if result.seconds_to_empty is None
                else f"{result.seconds_to_empty / 3600:,.1f} h",
                "data asked for but not served": f"{result.unmet_share:.1%}",
            },
        )

    return ui.explorer(
        "EFS Bursting credits through a day",
        [
            ui.Slider(
                "size_gib",
                "Standard-class data stored",
                min=10,
                max=4_096,
                step=1,
                value=size_gib,
                unit="GiB",
                static_values=[10, 100, 256, 512, 1_024, 2_048, 4_096],
            ),
            ui.Number("peak_mibps", "demand during a peak", value=peak_mibps, unit="MiB/s"),
            ui.Slider("peak_minutes", "peak length", min=0, max=720, step=15, value=peak_minutes, unit="min"),
            ui.Slider("peaks_per_day", "peaks per day", min=1, max=6, step=1, value=peaks_per_day, integer=True),
            ui.Slider("base_mibps", "demand between peaks", min=0, max=100, step=0.5, value=base_mibps, unit="MiB/s"),
            ui.Slider("read_share", "share of reads", min=0, max=1, step=0.05, value=read_share),
        ],
        view,
    )


def explore_throughput_modes(
    size_gib: float = 100, average_mibps: float = 2, peak_mibps: float = 50, read_share: float = 0.5
) -> ui.Explorer:
    """The monthly bill of one workload in Bursting, Provisioned and Elastic throughput.

    >>> explore_throughput_modes().last_view.numbers["cheapest mode that serves it"]
    'bursting'
    """

    def view(average_mibps, size_gib, peak_mibps, read_share):
        costs = efs.mode_costs(size_gib, average_mibps=average_mibps, peak_mibps=peak_mibps, read_share=read_share)
        serving = [c for c in costs if c.serves_workload]
        best = min(serving, key=lambda c: c.total_usd)
        numbers = {
            f"{c.mode}": f"USD {c.total_usd:,.2f}" + ("" if c.serves_workload else f" ({c.note})") for c in costs
        }
        numbers["cheapest mode that serves it"] = best.mode
        return ui.View(figures.mode_cost_figure(costs), numbers)

    return ui.explorer(
        "EFS throughput modes: which bill is smallest?",
        [
            ui.Slider(
                "average_mibps",
                "average throughput",
                min=0,
                max=50,
                step=0.5,
                value=average_mibps,
                unit="MiB/s",
                static_values=[0.5, 1, 2, 5, 10, 20, 50],
            ),
            ui.Number("size_gib", "Standard-class data stored", value=size_gib, unit="GiB"),
            ui.Number("peak_mibps", "peak throughput", value=peak_mibps, unit="MiB/s"),
            ui.Slider("read_share", "share of reads", min=0, max=1, step=0.05, value=read_share),
        ],
        view,
    )
