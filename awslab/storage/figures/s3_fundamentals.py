"""Figures of the S3 fundamentals notebook (01): stale reads, object losses, downtime per storage class."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.storage.s3 import STORAGE_CLASSES, downtime_minutes_per_year
from awslab.storage.s3_reliability import StaleReadCurve


def stale_read_figure(curves: list[StaleReadCurve], closed_form: list[float] | None = None) -> go.Figure:
    """Share of reads that return the old object, against milliseconds since the write, one line per model."""
    fig = go.Figure()
    for curve in curves:
        fig.add_scatter(
            x=theme.rounded(curve.delays_ms),
            y=theme.rounded(curve.stale_fraction),
            mode="lines",
            name=f"{curve.model} (simulated)",
            line=dict(width=3),
        )
    if closed_form is not None and curves:
        fig.add_scatter(
            x=theme.rounded(curves[0].delays_ms),
            y=theme.rounded(closed_form),
            mode="lines",
            name="eventual (exact)",
            line=dict(dash="dot", color="#444"),
        )
    fig.update_layout(
        title_text="Stale reads after a write",
        xaxis_title="time since the write completed (ms)",
        yaxis_title="share of reads returning the old object",
        yaxis_range=[0, 1],
    )
    return theme.apply(fig)


def durability_figure(losses: list[int], expected: float, object_count: int, years: int) -> go.Figure:
    """Histogram of objects lost across simulated worlds, with the closed-form expectation."""
    counts: dict[int, int] = {}
    for value in losses:
        counts[int(value)] = counts.get(int(value), 0) + 1
    xs = sorted(counts)
    total = len(losses)
    fig = go.Figure()
    fig.add_bar(
        x=xs, y=theme.rounded([counts[x] / total for x in xs]), name="simulated worlds", marker_color=theme.COLORS[0]
    )
    fig.add_vline(x=expected, line=dict(color=theme.AWS_ORANGE, width=3, dash="dash"))
    fig.add_annotation(
        x=expected,
        y=1,
        yref="paper",
        text=f"expected {expected:.3g}",
        showarrow=False,
        xanchor="left",
        yanchor="top",
        font=dict(color=theme.AWS_ORANGE),
    )
    fig.update_layout(
        title_text=f"Objects lost from {object_count:,} stored for {years:,} years",
        xaxis_title="objects lost",
        yaxis_title="share of simulated worlds",
        bargap=0.1,
    )
    return theme.apply(fig)


def downtime_figure() -> go.Figure:
    """Designed availability of each storage class as minutes of downtime per year."""
    classes = list(STORAGE_CLASSES.values())
    minutes = [downtime_minutes_per_year(c.availability) for c in classes]
    fig = go.Figure(
        go.Bar(
            x=[c.name for c in classes],
            y=theme.rounded(minutes),
            marker_color=theme.COLORS[0],
            text=[f"{c.availability * 100:g}%<br>{m:,.0f} min" for c, m in zip(classes, minutes, strict=True)],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_layout(
        title_text="Designed availability as downtime per year",
        xaxis_title="storage class",
        yaxis_title="minutes unavailable per year",
    )
    return theme.apply(fig)
