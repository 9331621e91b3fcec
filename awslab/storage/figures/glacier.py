"""Figures of the Glacier notebook (05): every restore tier, hours against USD."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab.storage.figures.common import finish
from awslab.storage.glacier import RetrievalPlan


def retrieval_plan_figure(plan: RetrievalPlan) -> go.Figure:
    """Each restore tier as hours against USD, with the deadline; the chosen tier is highlighted."""
    fig = go.Figure()
    for o in plan.options:
        chosen = plan.chosen is not None and o.tier == plan.chosen.tier
        fig.add_trace(
            go.Scatter(
                x=[round(o.hours, 4)],
                y=[round(o.total_usd, 4)],
                mode="markers+text",
                text=[o.tier],
                textposition="top center",
                name=o.tier,
                marker={"size": 16 if chosen else 10, "symbol": "star" if chosen else "circle"},
            )
        )
    fig.add_vline(x=plan.deadline_hours, line_dash="dash", annotation_text="deadline")
    fig.update_xaxes(title_text="hours until every object is back (worst case)", type="log")
    fig.update_yaxes(title_text="USD (retrieval + temporary copy)")
    title = f"Restoring {plan.data_gb:,.0f} GB in {plan.objects:,} objects: "
    return finish(fig, title + (plan.chosen.tier if plan.chosen else "no tier meets the deadline"))
