"""Figures of the EBS notebook (06): gp2 bursts, gp3 against gp2, the volume chooser, snapshots, lazy loading."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from awslab.storage.ebs import Gp2BurstResult, Gp2Performance
from awslab.storage.ebs_sizing import Gp3Gp2Comparison, VolumeOption
from awslab.storage.ebs_snapshots import LazyLoadResult, SnapshotChain
from awslab.storage.figures.common import finish, floats, thin


def gp2_burst_figure(result: Gp2BurstResult) -> go.Figure:
    """Demand against delivered IOPS (top) and the credit balance as BurstBalance % (bottom)."""
    idx = thin(result.time_seconds.size)
    t = floats(result.time_seconds[idx] / 60)
    fig = go.Figure(
        [
            go.Scatter(x=t, y=floats(result.demand_iops[idx]), name="demand", line={"dash": "dot"}),
            go.Scatter(x=t, y=floats(result.delivered_iops[idx]), name="delivered"),
            go.Scatter(
                x=t, y=floats(result.burst_balance_percent[idx]), name="BurstBalance", fill="tozeroy", yaxis="y2"
            ),
        ]
    )
    # Two stacked panels on one x axis, laid out by hand (make_subplots costs ~20 ms per explorer update).
    fig.update_layout(
        yaxis={"title": {"text": "IOPS"}, "domain": [0.45, 1.0]},
        yaxis2={"title": {"text": "credits left (%)"}, "domain": [0.0, 0.35], "range": [0, 105], "anchor": "x"},
        xaxis={"title": {"text": "time (minutes)"}, "anchor": "y2"},
    )
    p = result.performance
    return finish(fig, f"gp2 {p.size_gib:g} GiB: baseline {p.baseline_iops:,.0f} IOPS, burst {p.burst_iops:,.0f}")


def gp2_burst_table_figure(performances: Sequence[Gp2Performance]) -> go.Figure:
    """Burst duration and refill time (minutes) against volume size for a list of gp2 sizes."""
    bursting = [p for p in performances if p.burst_seconds is not None]
    sizes = [p.size_gib for p in bursting]
    fig = go.Figure(
        [
            go.Scatter(
                x=sizes,
                y=floats([p.burst_seconds / 60 for p in bursting]),
                name="full bucket lasts",
                mode="lines+markers",
            ),
            go.Scatter(
                x=sizes,
                y=floats([p.refill_seconds / 60 for p in bursting]),
                name="empty bucket refills",
                mode="lines+markers",
            ),
        ]
    )
    fig.update_xaxes(title_text="volume size (GiB)")
    fig.update_yaxes(title_text="minutes", type="log")
    return finish(fig, "gp2 burst at 3,000 IOPS: bigger volumes burst longer and refill faster")


def gp3_gp2_figure(comparison: Gp3Gp2Comparison) -> go.Figure:
    """IOPS delivered by gp2 and gp3 for the same demand, with the monthly price of each in the legend."""
    g = comparison.gp2
    idx = thin(g.time_seconds.size)
    t = floats(g.time_seconds[idx] / 60)
    fig = go.Figure(
        [
            go.Scatter(x=t, y=floats(g.demand_iops[idx]), name="demand", line={"dash": "dot"}),
            go.Scatter(x=t, y=floats(g.delivered_iops[idx]), name=f"gp2 (${comparison.gp2_monthly_usd:,.2f}/month)"),
            go.Scatter(
                x=t,
                y=floats(comparison.gp3_delivered_iops[idx]),
                name=f"gp3 {comparison.gp3_iops:,.0f} IOPS (${comparison.gp3_monthly_usd:,.2f}/month)",
            ),
        ]
    )
    fig.update_xaxes(title_text="time (minutes)")
    fig.update_yaxes(title_text="IOPS")
    return finish(fig, f"Same workload on gp2 and gp3 ({g.performance.size_gib:g} GiB)")


def volume_chooser_figure(options: Sequence[VolumeOption]) -> go.Figure:
    """Monthly price of every volume type for one requirement; types that cannot meet it are greyed out."""
    priced = [o for o in options if o.monthly_usd is not None]
    fig = go.Figure(
        go.Bar(
            x=[o.volume_type for o in priced],
            y=floats([o.monthly_usd for o in priced], 2),
            marker_color=["#2a9d8f" if o.qualifies else "#c7c7c7" for o in priced],
            hovertext=["fits" if o.qualifies else "; ".join(o.reasons) for o in priced],
            hoverinfo="text+y",
        )
    )
    fig.update_xaxes(title_text="volume type")
    fig.update_yaxes(title_text="USD per month (us-east-1 list price)")
    return finish(fig, "Which EBS volume types fit, and what each costs")


def snapshot_chain_figure(chain: SnapshotChain) -> go.Figure:
    """Which snapshot stores each block a snapshot needs (rows: snapshots, columns: blocks; blank: empty)."""
    owner_of: dict[int, int] = {}
    for k, versions in enumerate(chain.owned):
        owner_of.update(dict.fromkeys(versions.tolist(), k))
    grid = [[owner_of.get(int(v)) if v else None for v in row] for row in chain.images]
    fig = go.Figure(
        go.Heatmap(
            z=grid,
            x=list(range(chain.n_blocks)),
            y=list(chain.snapshot_ids),
            colorscale="Viridis",
            colorbar={"title": "stored in snapshot #"},
            xgap=1,
            ygap=1,
        )
    )
    fig.update_xaxes(title_text="block")
    fig.update_yaxes(title_text="snapshot", autorange="reversed")
    return finish(
        fig,
        f"Incremental snapshots: {chain.stored_blocks()} blocks stored for "
        f"{len(chain.snapshot_ids)} snapshots of {chain.n_blocks} blocks",
    )


def lazy_loading_figure(result: LazyLoadResult, window: int = 1_000) -> go.Figure:
    """Moving-average read latency on a freshly restored volume, falling as blocks arrive from S3."""
    n = result.read_latency_ms.size
    w = max(1, min(window, n))
    moving = np.convolve(result.read_latency_ms, np.ones(w) / w, mode="valid")
    idx = thin(moving.size)
    fig = go.Figure(
        [
            go.Scatter(x=(idx + w).tolist(), y=floats(moving[idx]), name=f"mean of last {w} reads"),
            go.Scatter(x=[0, n], y=[result.warm_mean_latency_ms] * 2, name="initialised volume", line={"dash": "dash"}),
        ]
    )
    fig.update_xaxes(title_text="reads since the volume was created")
    fig.update_yaxes(title_text="read latency (ms)")
    return finish(
        fig,
        f"Lazy loading: {result.cold_reads:,} first-touch reads; initialising first would take "
        f"{result.initialization_seconds / 60:,.0f} min",
    )
