"""Figures of the EFS notebook (09): a day of Bursting credits, the three throughput modes' monthly bills."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from awslab.storage.efs import MIB_PER_TIB, EfsBurstResult, ModeCost
from awslab.storage.figures.common import finish, floats, thin


def efs_burst_figure(result: EfsBurstResult) -> go.Figure:
    """Demand against delivered throughput (top, MiB/s of data) and BurstCreditBalance in TiB (bottom)."""
    idx = thin(result.time_seconds.size)
    t = floats(result.time_seconds[idx] / 3600)
    fig = go.Figure(
        [
            go.Scatter(x=t, y=floats(result.demand_mibps[idx]), name="demand", line={"dash": "dot"}),
            go.Scatter(x=t, y=floats(result.delivered_mibps[idx]), name="delivered"),
            go.Scatter(
                x=t,
                y=floats(result.credits_mib[idx] / MIB_PER_TIB),
                name="BurstCreditBalance",
                fill="tozeroy",
                yaxis="y2",
            ),
        ]
    )
    p = result.performance
    fig.update_layout(
        yaxis={"title": {"text": "MiB/s"}, "domain": [0.45, 1.0]},
        yaxis2={
            "title": {"text": "credits (TiB)"},
            "domain": [0.0, 0.35],
            "range": [0, round(p.credit_cap_mib / MIB_PER_TIB * 1.05, 6)],
            "anchor": "x",
        },
        xaxis={"title": {"text": "time (hours)"}, "anchor": "y2"},
    )
    return finish(
        fig, f"EFS Bursting, {p.size_gib:,g} GiB: baseline {p.baseline_mibps:,.1f} MiB/s, burst {p.burst_mibps:,.0f}"
    )


def mode_cost_figure(costs: Sequence[ModeCost]) -> go.Figure:
    """Monthly bill per throughput mode, storage and throughput stacked; a mode that cannot serve is greyed."""
    modes = [c.mode + ("" if c.serves_workload else " (cannot serve)") for c in costs]
    fig = go.Figure(
        [
            go.Bar(x=modes, y=floats([c.storage_usd for c in costs], 2), name="storage", marker_color="#8ab17d"),
            go.Bar(
                x=modes,
                y=floats([c.throughput_usd for c in costs], 2),
                name="throughput",
                marker_color=["#2a9d8f" if c.serves_workload else "#c7c7c7" for c in costs],
            ),
        ]
    )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="USD per month")
    best = min((c for c in costs if c.serves_workload), key=lambda c: c.total_usd)
    return finish(fig, f"Throughput modes: {best.mode} is cheapest at USD {best.total_usd:,.2f} a month")
