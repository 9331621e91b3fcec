"""Plotly figures for the migration models: the 7 Rs scored for a workload, and a cutover's replication lag."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.migration.cutover import CutoverPlan
from awslab.migration.strategies import STRATEGIES, Recommendation


def strategy_figure(rec: Recommendation) -> go.Figure:
    """Each strategy's score (benefit - weight x effort, our illustrative scale); removed ones greyed at zero."""
    by = {o.strategy: o for o in rec.ranked}
    names = list(STRATEGIES)
    scores = [by[s].score if by[s].eligible else 0.0 for s in names]
    colors = [
        theme.AWS_ORANGE if s == rec.strategy else (theme.COLORS[0] if by[s].eligible else "#c8c8c8") for s in names
    ]
    text = ["" if by[s].eligible else "removed" for s in names]
    fig = go.Figure(go.Bar(x=names, y=theme.rounded(scores), marker_color=colors, text=text, textposition="outside"))
    fig.update_layout(
        title=f"{rec.workload}: {rec.strategy} (score {rec.score:g}, illustrative)",
        xaxis_title="strategy",
        yaxis_title="score (benefit - weight x effort)",
        showlegend=False,
    )
    return theme.apply(fig)


def lag_figure(plan: CutoverPlan) -> go.Figure:
    """Replication lag from the start of the full load to the cutover."""
    fig = go.Figure(
        go.Scatter(x=theme.rounded(list(plan.hours)), y=theme.rounded(list(plan.lag_seconds)), mode="lines", name="lag")
    )
    fig.add_vline(x=plan.full_load_hours, line_dash="dash")
    verdict = "keeps up" if plan.keeps_up else "falls behind"
    fig.update_layout(
        title=f"CDC {verdict}: {plan.downtime_minutes:,.0f} min of downtime at cutover",
        xaxis_title="hours since the full load started (dashed: full load done)",
        yaxis_title="lag (seconds of changes queued)",
        showlegend=False,
    )
    return theme.apply(fig)
