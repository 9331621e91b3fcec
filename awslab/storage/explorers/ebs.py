"""Explorers of the EBS notebook (06): gp2 burst credits, gp3 against gp2, the volume chooser, snapshots."""

from __future__ import annotations

import numpy as np

from awslab import ui
from awslab.storage import ebs, ebs_sizing, ebs_snapshots, figures

# 5-minute steps keep a day at 288 points, so the static figures stay small (the bucket is exact per step).
STEP_SECONDS = 300


def _daily_demand(base_iops: float, peak_iops: float, peak_minutes: float) -> np.ndarray:
    """One day at 5-minute steps: ``peak_iops`` for ``peak_minutes`` at the start of every 6 hours, else the base."""
    return ebs.burst_pattern_demand(
        base_iops,
        peak_iops,
        peak_seconds=peak_minutes * 60,
        period_seconds=6 * 3600,
        total_seconds=86_400,
        step_seconds=STEP_SECONDS,
    )


def explore_gp2_burst(
    size_gib: float = 100, peak_iops: float = 3_000, peak_minutes: float = 60, base_iops: float = 200
) -> ui.Explorer:
    """A gp2 volume's credit bucket through a day of peaks: delivered IOPS and BurstBalance.

    >>> explore_gp2_burst().last_view.numbers["baseline"]
    '300 IOPS'
    """

    def view(size_gib, peak_iops, peak_minutes, base_iops):
        result = ebs.simulate_gp2_burst(size_gib, _daily_demand(base_iops, peak_iops, peak_minutes), STEP_SECONDS)
        perf = result.performance
        return ui.View(
            figures.gp2_burst_figure(result),
            {
                "baseline": f"{perf.baseline_iops:,.0f} IOPS",
                "a full bucket lasts at 3,000 IOPS": "no burst (baseline ≥ 3,000)"
                if perf.burst_seconds is None
                else f"{perf.burst_seconds / 60:,.0f} min",
                "bucket first empty after": "never"
                if result.seconds_to_empty is None
                else f"{result.seconds_to_empty / 60:,.0f} min",
                "I/O demanded but not served": f"{result.unmet_io:,.0f}",
            },
        )

    return ui.explorer(
        "gp2 burst credits through a day",
        [
            ui.Slider(
                "size_gib",
                "volume size",
                min=1,
                max=1_000,
                step=1,
                value=size_gib,
                unit="GiB",
                static_values=[20, 50, 100, 200, 334, 500, 750, 1_000],
            ),
            ui.Number("peak_iops", "demand during a peak", value=peak_iops, unit="IOPS"),
            ui.Slider(
                "peak_minutes", "peak length (every 6 h)", min=0, max=360, step=15, value=peak_minutes, unit="min"
            ),
            ui.Slider("base_iops", "demand between peaks", min=0, max=3_000, step=50, value=base_iops, unit="IOPS"),
        ],
        view,
    )


def explore_gp3_vs_gp2(size_gib: float = 100, gp3_iops: float = 3_000, peak_minutes: float = 120) -> ui.Explorer:
    """The same day of demand on gp2 and on gp3 of the same size: I/O served and monthly price.

    >>> explore_gp3_vs_gp2().last_view.numbers["gp3 per month"]
    '$8.00'
    """

    def view(peak_minutes, size_gib, gp3_iops):
        demand = _daily_demand(300, 3_000, peak_minutes)
        comparison = ebs_sizing.compare_gp3_gp2(size_gib, demand, STEP_SECONDS, gp3_iops)
        return ui.View(
            figures.gp3_gp2_figure(comparison),
            {
                "gp2 I/O not served": f"{comparison.gp2_unmet_io:,.0f}",
                "gp3 I/O not served": f"{comparison.gp3_unmet_io:,.0f}",
                "gp2 per month": f"${comparison.gp2_monthly_usd:,.2f}",
                "gp3 per month": f"${comparison.gp3_monthly_usd:,.2f}",
            },
        )

    return ui.explorer(
        "gp3 against gp2 for one workload",
        [
            ui.Slider(
                "peak_minutes",
                "3,000 IOPS peak length (every 6 h)",
                min=0,
                max=360,
                step=15,
                value=peak_minutes,
                unit="min",
                static_values=[0, 30, 60, 120, 180, 240, 360],
            ),
            ui.Number("size_gib", "volume size", value=size_gib, unit="GiB"),
            ui.Number("gp3_iops", "gp3 provisioned IOPS", value=gp3_iops, unit="IOPS"),
        ],
        view,
    )


def explore_volume_chooser(
    size_gib: float = 500, iops: float = 4_000, throughput_mibps: float = 200, boot: bool = False
) -> ui.Explorer:
    """Which EBS volume types meet a size, IOPS and throughput requirement, and what each costs a month.

    >>> explore_volume_chooser().last_view.numbers["cheapest that fits"]
    'gp3 at $48.00/month'
    """

    def view(iops, size_gib, throughput_mibps, boot):
        options = ebs_sizing.choose_volume(size_gib, iops, throughput_mibps, boot)
        fitting = [o for o in options if o.qualifies]
        return ui.View(
            figures.volume_chooser_figure(options),
            {
                "cheapest that fits": f"{fitting[0].volume_type} at ${fitting[0].monthly_usd:,.2f}/month"
                if fitting
                else "none",
                "types that fit": ", ".join(o.volume_type for o in fitting) or "none",
            },
        )

    return ui.explorer(
        "EBS volume chooser",
        [
            ui.Slider(
                "iops",
                "sustained IOPS needed",
                min=0,
                max=100_000,
                step=500,
                value=iops,
                unit="IOPS",
                static_values=[100, 1_000, 3_000, 6_000, 16_000, 32_000, 64_000],
            ),
            ui.Number("size_gib", "volume size", value=size_gib, unit="GiB"),
            ui.Slider(
                "throughput_mibps", "throughput needed", min=0, max=2_000, step=25, value=throughput_mibps, unit="MiB/s"
            ),
            ui.Toggle("boot", "boot volume", value=boot),
        ],
        view,
    )


def explore_snapshots(
    n_blocks: int = 40, n_snapshots: int = 5, change_fraction: float = 0.15, delete: str = "none", seed: int = 0
) -> ui.Explorer:
    """Incremental snapshots block by block; delete one and see which blocks are freed and which move on.

    >>> explore_snapshots().last_view.numbers["blocks stored (512 KiB each)"]
    '48'
    """
    ids = [f"snap-{k:04d}" for k in range(n_snapshots)]

    def view(delete, change_fraction, n_blocks):
        writes = ebs_snapshots.random_snapshot_writes(n_blocks, n_snapshots, 0.6, change_fraction, seed)
        chain = ebs_snapshots.take_snapshots(n_blocks, writes)
        numbers = {"blocks stored (512 KiB each)": f"{chain.stored_blocks():,}"}
        if delete != "none":
            deletion = ebs_snapshots.delete_snapshot(chain, delete)
            chain = deletion.chain
            numbers |= {
                f"deleting {delete} frees": f"{deletion.freed_blocks} blocks",
                "handed to the next snapshot": f"{deletion.moved_blocks} blocks",
                "blocks stored after": f"{chain.stored_blocks():,}",
            }
        return ui.View(figures.snapshot_chain_figure(chain), numbers)

    return ui.explorer(
        "Incremental snapshots and deletion",
        [
            ui.Choice("delete", "delete snapshot", options=["none", *ids], value=delete),
            ui.Slider(
                "change_fraction", "blocks rewritten between snapshots", min=0, max=1, step=0.05, value=change_fraction
            ),
            ui.Number("n_blocks", "blocks in the volume", value=n_blocks, integer=True),
        ],
        view,
    )
