"""Plotly figures of the S3 models; each draws a model result it is given."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.storage.s3 import STORAGE_CLASSES, downtime_minutes_per_year
from awslab.storage.s3_lifecycle import COST_COMPONENTS, LifecycleResult
from awslab.storage.s3_reliability import StaleReadCurve

r = theme.rounded


def stale_read_figure(curves: list[StaleReadCurve], closed_form: list[float] | None = None) -> go.Figure:
    """Share of reads that return the old object, against milliseconds since the write, one line per model."""
    fig = go.Figure()
    for curve in curves:
        fig.add_scatter(
            x=r(curve.delays_ms),
            y=r(curve.stale_fraction),
            mode="lines",
            name=f"{curve.model} (simulated)",
            line=dict(width=3),
        )
    if closed_form is not None and curves:
        fig.add_scatter(
            x=r(curves[0].delays_ms),
            y=r(closed_form),
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
    fig.add_bar(x=xs, y=r([counts[x] / total for x in xs]), name="simulated worlds", marker_color=theme.COLORS[0])
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
            y=r(minutes),
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


def lifecycle_cost_figure(result: LifecycleResult) -> go.Figure:
    """Monthly cost of the cohort, stacked by component (storage, requests, transitions, ...)."""
    monthly = result.monthly()
    months = [int(m) + 1 for m in monthly.index]
    fig = go.Figure()
    for index, component in enumerate(COST_COMPONENTS):
        values = monthly[component].tolist()
        if any(v > 0 for v in values):
            fig.add_bar(x=months, y=r(values), name=component.replace("_", " "), marker_color=theme.COLORS[index])
    for phase in result.phases[1:]:
        month = phase.start_day / 30 + 0.5
        fig.add_vline(x=month, line=dict(color="#555", dash="dot"))
        fig.add_annotation(
            x=month,
            y=1,
            yref="paper",
            text=f"→ {phase.storage_class}",
            showarrow=False,
            xanchor="left",
            yanchor="top",
            textangle=-90,
            font=dict(size=11),
        )
    fig.update_layout(
        barmode="stack",
        title_text=f"Monthly cost: {result.policy_name}",
        xaxis_title="month",
        yaxis_title="USD per month",
    )
    return theme.apply(fig)


def policy_comparison_figure(table) -> go.Figure:
    """Total cost per policy, stacked by component, cheapest first (a compare_policies table)."""
    fig = go.Figure()
    for index, component in enumerate(COST_COMPONENTS):
        values = table[component].tolist()
        if any(v > 0 for v in values):
            fig.add_bar(
                y=table["policy"].tolist(),
                x=r(values),
                name=component.replace("_", " "),
                orientation="h",
                marker_color=theme.COLORS[index],
            )
    fig.update_layout(
        barmode="stack",
        title_text="Total cost over the horizon by policy",
        xaxis_title="USD",
        yaxis_title="policy",
        yaxis_autorange="reversed",
    )
    return theme.apply(fig)


def multipart_figure(
    part_sizes_mib: list[float], seconds: list[float], chosen_mib: float, single_seconds: float | None, title: str
) -> go.Figure:
    """Expected upload time against part size, with the chosen part size and a single PUT for reference."""
    fig = go.Figure()
    fig.add_scatter(x=r(part_sizes_mib), y=r(seconds), mode="lines+markers", name="multipart")
    if single_seconds is not None:
        fig.add_hline(y=single_seconds, line=dict(color=theme.COLORS[3], dash="dash"))
        fig.add_annotation(
            x=1,
            xref="paper",
            y=single_seconds,
            text="single PUT",
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font=dict(color=theme.COLORS[3]),
        )
    fig.add_vline(x=chosen_mib, line=dict(color=theme.AWS_ORANGE, width=3))
    fig.update_layout(
        title_text=title,
        xaxis_title="part size (MiB, log scale)",
        xaxis_type="log",
        yaxis_title="expected upload time (s)",
    )
    return theme.apply(fig)


def version_history_figure(rows: list[dict], key: str) -> go.Figure:
    """The versions of one key, oldest at the left; delete markers drawn as crosses, the current one outlined."""
    fig = go.Figure()
    xs = list(range(1, len(rows) + 1))
    colors = [theme.COLORS[3] if row["kind"] == "delete marker" else theme.COLORS[0] for row in rows]
    fig.add_scatter(
        x=xs,
        y=[1] * len(rows),
        mode="markers+text",
        text=[row["VersionId"] for row in rows],
        textposition="top center",
        marker=dict(
            size=[30 if row["IsLatest"] else 20 for row in rows],
            color=colors,
            symbol=["x" if row["kind"] == "delete marker" else "square" for row in rows],
            line=dict(width=[4 if row["IsLatest"] else 0 for row in rows], color="#232f3e"),
        ),
        hovertext=[f"{row['kind']}, {row['Size']} bytes" for row in rows],
        hoverinfo="text",
        showlegend=False,
    )
    fig.update_layout(
        title_text=f"Versions of {key!r} (oldest left; the outlined one is current)",
        xaxis=dict(title="order written", dtick=1),
        yaxis=dict(visible=False, range=[0.5, 1.6]),
    )
    return theme.apply(fig, height=300)


def presign_timeline_figure(
    expires_in_hours: float, check_after_hours: float, credential_hours: float | None
) -> go.Figure:
    """When a presigned URL works: from signing until its expiry (or its credentials' expiry, if sooner)."""
    end = expires_in_hours if credential_hours is None else min(expires_in_hours, credential_hours)
    fig = go.Figure()
    fig.add_bar(y=["URL"], x=[end], orientation="h", marker_color=theme.COLORS[2], name="works", base=[0])
    if end < expires_in_hours:
        fig.add_bar(
            y=["URL"],
            x=[expires_in_hours - end],
            base=[end],
            orientation="h",
            marker_color="#cccccc",
            name="dead: the signing credentials expired",
        )
    valid = check_after_hours <= end
    fig.add_vline(x=check_after_hours, line=dict(color=theme.COLORS[2] if valid else theme.COLORS[3], width=3))
    fig.update_layout(
        title_text="Lifetime of a presigned URL",
        xaxis_title="hours after signing",
        xaxis_range=[0, 170],
        barmode="overlay",
        yaxis_visible=False,
    )
    return theme.apply(fig, height=280)
