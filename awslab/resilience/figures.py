"""Plotly figures for the resilience chapter: the timeline of a Region failure, RTO/RPO against cost, findings."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.resilience.dr import RTO_PARTS, STRATEGY_LABELS, Outcome

PART_COLOURS = {
    "data lost (RPO)": "#d62728",
    "detect": "#1f77b4",
    "decide": "#9467bd",
    "restore data": "#ff7f0e",
    "scale compute": "#2ca02c",
    "redirect traffic": "#17becf",
}


def timeline_figure(outcomes: list[Outcome], title: str = "A Region fails at t = 0") -> go.Figure:
    """One row per strategy: the data lost before t = 0 (the RPO, to the left) and the RTO parts after it."""
    labels = [STRATEGY_LABELS[o.strategy] for o in outcomes]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=labels,
            x=theme.rounded([-o.rpo_minutes for o in outcomes], 2),
            orientation="h",
            name="data lost (RPO)",
            marker_color=PART_COLOURS["data lost (RPO)"],
            hovertemplate="%{y}: up to %{customdata} min of data lost<extra></extra>",
            customdata=theme.rounded([o.rpo_minutes for o in outcomes], 2),
        )
    )
    for part in RTO_PARTS:
        fig.add_trace(
            go.Bar(
                y=labels,
                x=theme.rounded([o.rto_parts[part] for o in outcomes], 2),
                orientation="h",
                name=part,
                marker_color=PART_COLOURS[part],
                hovertemplate=f"%{{y}}: {part} %{{x}} min<extra></extra>",
            )
        )
    fig.add_vline(x=0, line_dash="dash", annotation_text="failure")
    fig.update_layout(
        title=title,
        barmode="relative",
        xaxis_title="minutes (left of 0: data lost; right: until traffic is served again)",
        yaxis=dict(autorange="reversed"),
        legend=dict(orientation="h", y=-0.3),
    )
    return theme.apply(fig, height=380)


def ladder_figure(outcomes: list[Outcome], rto_target: float, budget: float) -> go.Figure:
    """RTO against the recovery Region's monthly cost, one marker per strategy, with the target and budget lines."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=theme.rounded([o.cost_usd_per_month for o in outcomes], 2),
            y=theme.rounded([o.rto_minutes for o in outcomes], 2),
            text=[STRATEGY_LABELS[o.strategy] for o in outcomes],
            mode="markers+text",
            textposition="top center",
            marker=dict(size=12),
            name="strategies",
        )
    )
    fig.add_hline(y=float(rto_target), line_dash="dash", annotation_text=f"RTO target {rto_target:g} min")
    fig.add_vline(x=float(budget), line_dash="dot", annotation_text=f"budget ${budget:,.0f}")
    fig.update_layout(
        title="RTO against monthly DR cost",
        xaxis_title="recovery Region cost (USD/month)",
        yaxis=dict(title="RTO (min)", type="log"),
    )
    return theme.apply(fig, height=380)


def findings_figure(counts: dict[str, int], title: str) -> go.Figure:
    """How many review findings at each risk level."""
    colours = {"HIGH": "#d62728", "MEDIUM": "#ff7f0e", "NONE": "#2ca02c"}
    fig = go.Figure(
        go.Bar(x=list(counts), y=list(counts.values()), marker_color=[colours.get(k, "#7f7f7f") for k in counts])
    )
    fig.update_layout(title=title, xaxis_title="risk", yaxis=dict(title="findings", rangemode="tozero", dtick=1))
    return theme.apply(fig, height=340)
