"""Figures of the Storage Gateway notebook (08): cache size against working set, Volume Gateway quotas."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from awslab.storage.figures.common import finish, floats
from awslab.storage.storage_gateway import CachedVolumeResult, CapacityReport


def cached_volume_figure(cache_gib: Sequence[float], results: Sequence[CachedVolumeResult]) -> go.Figure:
    """Simulated warm hit ratio and the analytic estimate against local cache size."""
    x = floats(cache_gib)
    fig = go.Figure(
        [
            go.Scatter(x=x, y=floats([r.warm_hit_ratio for r in results]), name="simulated (warm)", mode="markers"),
            go.Scatter(x=x, y=floats([r.predicted_hit_ratio for r in results]), name="estimate", mode="lines"),
        ]
    )
    fig.update_xaxes(title_text="local cache (GiB)")
    fig.update_yaxes(title_text="reads served from the cache", range=[0, 1.02])
    return finish(fig, "Cached volume: hit ratio against cache size")


def gateway_capacity_figure(report: CapacityReport) -> go.Figure:
    """Capacity used against the gateway's quota (TiB)."""
    fig = go.Figure(
        [
            go.Bar(
                x=[round(report.total_tib, 3)],
                y=[report.gateway_type],
                orientation="h",
                name="used",
                marker_color="#2a9d8f" if report.fits else "#e76f51",
            ),
            go.Bar(
                x=[round(report.remaining_tib, 3)],
                y=[report.gateway_type],
                orientation="h",
                name="left",
                marker_color="#c7c7c7",
            ),
        ]
    )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text=f"TiB (quota {report.max_total_tib:,.0f} TiB)")
    return finish(fig, "Gateway capacity" + ("" if report.fits else ": " + "; ".join(report.problems)))


def cache_size_figure(
    cache_gib: Sequence[float], predicted: Sequence[float], chosen_cache_gib: float, chosen: CachedVolumeResult
) -> go.Figure:
    """The analytic hit ratio against cache size, with one simulated run (warm hit ratio) at the chosen size."""
    fig = go.Figure(
        [
            go.Scatter(x=floats(cache_gib), y=floats(predicted), name="estimate (LRU, Che)", mode="lines"),
            go.Scatter(
                x=[round(float(chosen_cache_gib), 6)],
                y=[round(chosen.warm_hit_ratio, 6)],
                name=f"simulated, {chosen.reads:,} reads",
                mode="markers",
                marker={"size": 12, "symbol": "diamond"},
            ),
        ]
    )
    fig.update_xaxes(title_text="local cache (GiB)")
    fig.update_yaxes(title_text="reads served from the cache", range=[0, 1.02])
    return finish(fig, f"Cached volume: {chosen.hit_ratio:.0%} of reads from the cache at {chosen_cache_gib:g} GiB")
