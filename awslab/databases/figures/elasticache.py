"""Figures of 03_elasticache: cache sizing, database load and node failure."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from awslab import theme
from awslab.databases.elasticache import CacheAsideResult
from awslab.databases.figures._base import _finish


def cache_sweep_figure(sweep: pd.DataFrame) -> go.Figure:
    """Hit ratio and mean latency against cache size, one line per TTL (from ``cache_aside_sweep``)."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=("hit ratio", "mean latency (ms)"))
    for i, (ttl, group) in enumerate(sweep.groupby("ttl_seconds", sort=True)):
        name, color = (f"TTL {ttl:g} s" if ttl else "no TTL"), theme.COLORS[i % len(theme.COLORS)]
        x = list(group["cache_capacity_items"])
        fig.add_trace(go.Scatter(x=x, y=theme.rounded(group["hit_ratio"]), name=name, line_color=color), row=1, col=1)
        fig.add_trace(
            go.Scatter(x=x, y=theme.rounded(group["mean_latency_ms"]), name=name, line_color=color, showlegend=False),
            row=1,
            col=2,
        )
    fig.update_xaxes(title_text="cache size (items)")
    fig.update_yaxes(title_text="hits / requests", row=1, col=1)
    fig.update_yaxes(title_text="milliseconds", row=1, col=2)
    fig.update_layout(title="Cache-aside: a bigger cache and a longer TTL raise hits and cut latency")
    return theme.apply(fig)


def cache_db_load_figure(result: CacheAsideResult) -> go.Figure:
    """Database reads per second over a cache-aside run: the cold start, then the steady state."""
    y = result.db_reads_per_second
    fig = go.Figure(go.Scatter(x=list(range(y.size)), y=theme.rounded(y), mode="lines", name="database reads"))
    return _finish(
        fig,
        f"Database load behind the cache (hit ratio {result.hit_ratio:.1%})",
        "time (s)",
        "database reads per second",
    )


def node_failure_figure(runs: Mapping[str, pd.DataFrame], every_seconds: int = 1) -> go.Figure:
    """Database reads per second around a Memcached node failure, one line per cluster layout."""
    fig = go.Figure()
    for label, frame in runs.items():
        frame = frame.iloc[::every_seconds]
        fig.add_trace(
            go.Scatter(x=theme.rounded(frame["second"]), y=theme.rounded(frame["db_reads_per_second"]), name=label)
        )
    return _finish(
        fig,
        "Losing one Memcached node: the bigger its slice, the bigger the spike",
        "time (s)",
        "database reads per second",
    )
