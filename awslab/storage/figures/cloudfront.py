"""Figures of the CloudFront notebook (07): edge caches warming up, TTL sweeps, audiences, stale windows."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from awslab.storage.cloudfront import AudienceResult, EdgeCacheResult, StaleWindowResult
from awslab.storage.figures.common import finish, floats


def _two_axis(x: list, left: list, right: list, left_name: str, right_name: str, mode: str = "lines") -> go.Figure:
    """Two series on a shared x axis, the second against a right-hand y axis (cheaper than make_subplots)."""
    fig = go.Figure(
        [
            go.Scatter(x=x, y=left, name=left_name, mode=mode),
            go.Scatter(x=x, y=right, name=right_name, mode=mode, yaxis="y2"),
        ]
    )
    fig.update_layout(
        yaxis={"title": {"text": left_name}, "range": [0, 1]},
        yaxis2={
            "title": {"text": "origin requests per second"},
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
        },
    )
    return fig


def edge_cache_figure(result: EdgeCacheResult) -> go.Figure:
    """Hit ratio and origin requests per second over the run (caches warming up)."""
    fig = _two_axis(
        floats(result.bucket_start_seconds / 60),
        floats(result.hit_ratio_over_time),
        floats(result.origin_rps_over_time),
        "hit ratio",
        "origin requests/s",
    )
    fig.update_xaxes(title_text="time (minutes)")
    return finish(fig, f"Edge caches: hit ratio {result.hit_ratio:.1%}, mean latency {result.mean_latency_ms:.0f} ms")


def ttl_sweep_figure(ttls_seconds: Sequence[float], results: Sequence[EdgeCacheResult]) -> go.Figure:
    """Hit ratio and origin load against TTL for one workload."""
    fig = _two_axis(
        floats(ttls_seconds),
        floats([r.hit_ratio for r in results]),
        floats([r.origin_requests_per_second for r in results]),
        "hit ratio",
        "origin requests/s",
        mode="lines+markers",
    )
    fig.update_xaxes(title_text="TTL (seconds)", type="log")
    return finish(fig, "Longer TTLs: more hits, less load on the origin")


def audience_figure(results: Sequence[AudienceResult]) -> go.Figure:
    """Mean latency with and without CloudFront for each audience shape."""
    names = [r.audience.replace("_", " ") for r in results]
    fig = go.Figure(
        [
            go.Bar(x=names, y=floats([r.mean_latency_without_cdn_ms for r in results], 2), name="straight to origin"),
            go.Bar(x=names, y=floats([r.mean_latency_with_cdn_ms for r in results], 2), name="through CloudFront"),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text="audience")
    fig.update_yaxes(title_text="mean latency (ms)")
    return finish(fig, "Who gains from edge locations")


def stale_window_figure(results: Sequence[StaleWindowResult]) -> go.Figure:
    """Worst and mean time edges served the old content after an update, per strategy."""
    names = [r.strategy.replace("_", " ") for r in results]
    fig = go.Figure(
        [
            go.Bar(x=names, y=floats([r.worst_stale_seconds for r in results], 2), name="worst edge"),
            go.Bar(x=names, y=floats([r.mean_stale_seconds for r in results], 2), name="mean edge"),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text="how the update is published")
    fig.update_yaxes(title_text="stale window (seconds)", type="log")
    return finish(fig, "Invalidation against versioned file names")
