"""Plotly figures for the resilience chapter: the timeline of a Region failure, RTO/RPO against cost, findings.

Traces and reference lines are given as plain dicts (plotly's ``add_vline`` alone costs ~5 ms): explorer updates stay
well under 16 ms.
"""

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


def _line(axis: str, value: float, text: str, dash: str = "dash") -> tuple[dict, dict]:
    """A full-height (``x``) or full-width (``y``) reference line with its label, as a shape and an annotation."""
    value = float(value)
    if axis == "x":
        shape = dict(type="line", xref="x", yref="paper", x0=value, x1=value, y0=0, y1=1, line=dict(dash=dash))
        note = dict(xref="x", yref="paper", x=value, y=1, text=text, showarrow=False, yanchor="bottom")
    else:
        shape = dict(type="line", xref="paper", yref="y", x0=0, x1=1, y0=value, y1=value, line=dict(dash=dash))
        note = dict(xref="paper", yref="y", x=1, y=value, text=text, showarrow=False, xanchor="right", yanchor="bottom")
    return shape, note


def timeline_figure(outcomes: list[Outcome], title: str = "A Region fails at t = 0") -> go.Figure:
    """One row per strategy: the data lost before t = 0 (the RPO, to the left) and the RTO parts after it."""
    labels = [STRATEGY_LABELS[o.strategy] for o in outcomes]
    data = [
        dict(
            type="bar",
            y=labels,
            x=theme.rounded([-o.rpo_minutes for o in outcomes], 2),
            orientation="h",
            name="data lost (RPO)",
            marker=dict(color=PART_COLOURS["data lost (RPO)"]),
            customdata=theme.rounded([o.rpo_minutes for o in outcomes], 2),
            hovertemplate="%{y}: up to %{customdata} min of data lost<extra></extra>",
        )
    ]
    data += [
        dict(
            type="bar",
            y=labels,
            x=theme.rounded([o.rto_parts[part] for o in outcomes], 2),
            orientation="h",
            name=part,
            marker=dict(color=PART_COLOURS[part]),
            hovertemplate=f"%{{y}}: {part} %{{x}} min<extra></extra>",
        )
        for part in RTO_PARTS
    ]
    shape, note = _line("x", 0, "failure")
    fig = go.Figure(
        data=data,
        layout=dict(
            title=title,
            barmode="relative",
            xaxis=dict(title="minutes (left of 0: data lost; right: until traffic is served again)"),
            yaxis=dict(autorange="reversed"),
            legend=dict(orientation="h", y=-0.3),
            shapes=[shape],
            annotations=[note],
        ),
    )
    return theme.apply(fig, height=380)


def ladder_figure(outcomes: list[Outcome], rto_target: float, budget: float) -> go.Figure:
    """RTO against the recovery Region's monthly cost, one marker per strategy, with the target and budget lines."""
    target_shape, target_note = _line("y", max(rto_target, 0.01), f"RTO target {rto_target:g} min")
    budget_shape, budget_note = _line("x", budget, f"budget ${budget:,.0f}", dash="dot")
    fig = go.Figure(
        data=[
            dict(
                type="scatter",
                x=theme.rounded([o.cost_usd_per_month for o in outcomes], 2),
                y=theme.rounded([o.rto_minutes for o in outcomes], 2),
                text=[STRATEGY_LABELS[o.strategy] for o in outcomes],
                mode="markers+text",
                textposition="top center",
                marker=dict(size=12),
                name="strategies",
            )
        ],
        layout=dict(
            title="RTO against monthly DR cost",
            xaxis=dict(title="recovery Region cost (USD/month)"),
            yaxis=dict(title="RTO (min)", type="log"),
            shapes=[target_shape, budget_shape],
            annotations=[target_note, budget_note],
        ),
    )
    return theme.apply(fig, height=380)


def findings_figure(counts: dict[str, int], title: str) -> go.Figure:
    """How many review findings at each risk level."""
    colours = {"HIGH": "#d62728", "MEDIUM": "#ff7f0e", "NONE": "#2ca02c"}
    fig = go.Figure(
        data=[
            dict(
                type="bar",
                x=list(counts),
                y=list(counts.values()),
                marker=dict(color=[colours.get(k, "#7f7f7f") for k in counts]),
            )
        ],
        layout=dict(title=title, xaxis=dict(title="risk"), yaxis=dict(title="findings", rangemode="tozero", dtick=1)),
    )
    return theme.apply(fig, height=340)
