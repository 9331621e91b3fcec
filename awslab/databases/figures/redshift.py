"""Figures of 04_redshift: slices, joins, zone maps, COPY and WLM waits."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from awslab import theme
from awslab.databases.figures._base import _finish
from awslab.databases.redshift import Distribution


def slices_figure(distributions: Mapping[str, Distribution]) -> go.Figure:
    """Rows stored on each slice, one bar group per distribution style."""
    fig = go.Figure()
    for label, dist in distributions.items():
        names = [f"node {i // dist.slices_per_node} / slice {i}" for i in range(dist.rows_per_slice.size)]
        fig.add_trace(
            go.Bar(
                x=names,
                y=[int(v) for v in dist.rows_per_slice],
                name=f"{label} (skew {dist.skew:.2f}, stored {dist.stored_rows:,})",
            )
        )
    fig.update_layout(barmode="group")
    return _finish(fig, "Rows per slice by distribution style", "slice", "rows")


def join_figure(plans: Mapping[str, Mapping[str, object]]) -> go.Figure:
    """Rows moved across the network for a join under each pair of distribution styles."""
    labels = list(plans)
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=[int(p["rows_moved"]) for p in plans.values()],
            text=[str(p["label"]) for p in plans.values()],
            textposition="outside",
        )
    )
    return _finish(fig, "Join redistribution (EXPLAIN label on each bar)", "outer / inner distribution", "rows moved")


def zone_map_figure(comparison: pd.DataFrame, filter_label: str = "a 10% range filter") -> go.Figure:
    """Share of blocks scanned by sort style and predicate (from ``redshift.zone_map_comparison``)."""
    fig = go.Figure()
    for predicate, group in comparison.groupby("predicate", sort=False):
        fig.add_trace(
            go.Bar(x=list(group["sort"]), y=theme.rounded(group["fraction_scanned"]), name=f"filter on {predicate}")
        )
    fig.update_layout(barmode="group", yaxis_range=[0, 1.05])
    return _finish(fig, f"Zone maps: blocks read for {filter_label}", "sort key", "share of blocks scanned")


def copy_figure(sweep: pd.DataFrame) -> go.Figure:
    """COPY time and slice utilisation against the number of input files (from ``redshift.copy_sweep``)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = list(sweep["files"])
    fig.add_trace(go.Bar(x=x, y=theme.rounded(sweep["seconds"]), name="load time (s)"))
    fig.add_trace(
        go.Scatter(x=x, y=theme.rounded(sweep["slice_utilization"]), name="slice utilisation", mode="lines+markers"),
        secondary_y=True,
    )
    fig.update_yaxes(title_text="share of slices busy", range=[0, 1.05], secondary_y=True)
    fig.update_xaxes(type="category")
    return _finish(fig, "COPY: one file per slice at a time", "number of files", "seconds")


def wlm_wait_figure(runs: Mapping[str, pd.DataFrame]) -> go.Figure:
    """95th-percentile queue wait per query group, one bar group per WLM configuration (``simulate_wlm`` runs)."""
    fig = go.Figure()
    groups = sorted({g for frame in runs.values() for g in frame["query_group"]})
    for label, frame in runs.items():
        waits = frame.groupby("query_group")["wait_s"].quantile(0.95)
        fig.add_trace(go.Bar(x=groups, y=theme.rounded(waits.get(g, 0.0) for g in groups), name=label))
    fig.update_layout(barmode="group")
    return _finish(
        fig,
        "WLM: a separate queue keeps short queries from waiting behind long ones",
        "query group",
        "95th-percentile wait (s)",
    )
