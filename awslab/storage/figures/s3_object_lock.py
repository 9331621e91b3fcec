"""Figures of the S3 Object Lock and scale notebook (10): who can delete a version when, and per-prefix load."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from awslab.storage.figures.common import finish, floats
from awslab.storage.s3_scale import PrefixLoad


def lock_timeline_figure(
    days: Sequence[float], callers: Sequence[str], allowed: Sequence[Sequence[bool]], check_day: float
) -> go.Figure:
    """For each caller (row) and day since upload (column): may it delete the version? A line marks ``check_day``."""
    fig = go.Figure(
        go.Heatmap(
            x=floats(days),
            y=list(callers),
            z=[[1 if a else 0 for a in row] for row in allowed],
            zmin=0,
            zmax=1,
            colorscale=[[0, "#e76f51"], [0.5, "#e76f51"], [0.5, "#2a9d8f"], [1, "#2a9d8f"]],
            showscale=False,
            hovertemplate="day %{x}: %{y}<extra></extra>",
        )
    )
    fig.add_vline(x=round(float(check_day), 6), line_dash="dash", line_color="#264653")
    fig.update_xaxes(title_text="days since the version was written")
    return finish(fig, f"Who may delete this version (green) on day {check_day:g}")


def prefix_load_figure(load: PrefixLoad) -> go.Figure:
    """Per-prefix GET and PUT rates as a share of the documented floor (100% = 5,500 GET or 3,500 PUT per second)."""
    fig = go.Figure(
        go.Bar(
            x=["GET/HEAD per prefix", "PUT/COPY/POST/DELETE per prefix"],
            y=floats([100 * load.get_utilization, 100 * load.put_utilization], 3),
            marker_color=["#e76f51" if u > 1 else "#2a9d8f" for u in (load.get_utilization, load.put_utilization)],
        )
    )
    fig.add_hline(y=100, line_dash="dash", line_color="#264653")
    fig.update_yaxes(title_text="% of the per-prefix floor")
    return finish(fig, f"{load.prefixes:,} prefix(es): {load.throttled_share:.0%} of requests over the floor")
