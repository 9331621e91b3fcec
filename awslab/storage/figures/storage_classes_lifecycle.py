"""Figures of the storage classes and lifecycle notebook (02): a policy's monthly cost, policies compared."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.storage.s3_lifecycle import COST_COMPONENTS, LifecycleResult


def lifecycle_cost_figure(result: LifecycleResult) -> go.Figure:
    """Monthly cost of the cohort, stacked by component (storage, requests, transitions, ...)."""
    monthly = result.monthly()
    months = [int(m) + 1 for m in monthly.index]
    fig = go.Figure()
    for index, component in enumerate(COST_COMPONENTS):
        values = monthly[component].tolist()
        if any(v > 0 for v in values):
            fig.add_bar(
                x=months, y=theme.rounded(values), name=component.replace("_", " "), marker_color=theme.COLORS[index]
            )
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
                x=theme.rounded(values),
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
