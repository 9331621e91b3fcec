"""Plotly figures for the containers notebooks: placement per instance, lifecycle expiry, Fargate vs EC2, chooser."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from awslab import theme
from awslab.containers.ecr import Evaluation
from awslab.containers.ecs import Placement
from awslab.containers.fargate import FargateVsEc2


def placement_figure(placement: Placement, title: str = "ECS task placement") -> go.Figure:
    """CPU and memory used on each instance (share of what it registered), tasks per instance as text."""
    rows = placement.utilisation()
    labels = [f"{r['instance']} ({r['zone'][-2:]})" for r in rows]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=labels,
            y=theme.rounded([100 * r["cpu used"] for r in rows]),
            name="CPU used (%)",
            text=[f"{r['tasks']} tasks" for r in rows],
            textposition="outside",
        )
    )
    fig.add_trace(go.Bar(x=labels, y=theme.rounded([100 * r["memory used"] for r in rows]), name="memory used (%)"))
    pending = f", {placement.unplaced} pending" if placement.unplaced else ""
    fig.update_layout(
        title=f"{title}: {placement.placed} placed{pending}",
        barmode="group",
        xaxis_title="container instance (AZ)",
        yaxis=dict(title="share of registered resource (%)", range=[0, 115]),
    )
    return theme.apply(fig)


_RULE_COLOURS = {
    "kept": "#2ca02c",
    "expired by rule 1": "#ff7f0e",
    "expired by rule 2": "#d62728",
    "expired by rule 3": "#9467bd",
}


def lifecycle_figure(evaluation: Evaluation, ages_days: dict[str, float], tags: dict[str, list[str]]) -> go.Figure:
    """Each image by age, coloured by the rule that expires it (or kept)."""
    fig = go.Figure()
    groups: dict[str, list[str]] = {"kept": [d for d in evaluation.kept]}
    for digest, priority in evaluation.expired.items():
        groups.setdefault(f"expired by rule {priority}", []).append(digest)
    for name, digests in groups.items():
        fig.add_trace(
            go.Scatter(
                x=theme.rounded([ages_days[d] for d in digests]),
                y=[", ".join(tags[d]) or "(untagged)" for d in digests],
                mode="markers",
                marker=dict(size=12, color=_RULE_COLOURS.get(name, "#8c564b")),
                name=name,
                text=digests,
            )
        )
    fig.update_layout(
        title=f"Lifecycle policy: {len(evaluation.expired)} of {len(ages_days)} images expire",
        xaxis=dict(title="days since push", autorange="reversed"),
        yaxis_title="tags",
    )
    return theme.apply(fig)


def fargate_vs_ec2_figure(result: FargateVsEc2, curve: list[tuple[float, float]]) -> go.Figure:
    """EC2 fleet cost against the utilisation you manage to reach, with the flat Fargate cost and the break-even."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=theme.rounded([100 * u for u, _ in curve]),
            y=theme.rounded([c for _, c in curve]),
            name=f"EC2 ({result.instance_type}, whole instances)",
            mode="lines",
            line_shape="hv",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[20, 100],
            y=theme.rounded([result.fargate_usd_per_hour] * 2),
            name="Fargate",
            mode="lines",
            line=dict(color=theme.AWS_ORANGE, width=3),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[round(100 * result.utilisation, 6)],
            y=[round(result.ec2_usd_per_hour, 6)],
            name="your utilisation",
            mode="markers",
            marker=dict(size=12, color="#d62728"),
        )
    )
    if result.break_even_utilisation <= 1:
        fig.add_vline(x=round(100 * result.break_even_utilisation, 6), line_dash="dash")
        even = f"break-even {result.break_even_utilisation:.0%}"
    else:
        even = "Fargate always cheaper"
    fig.update_layout(
        title=f"{result.tasks} tasks: Fargate ${result.fargate_usd_per_hour:.2f}/h, {even}",
        xaxis=dict(title="EC2 utilisation of the binding resource (%)", range=[18, 102]),
        yaxis=dict(title="USD per hour", rangemode="tozero"),
    )
    return theme.apply(fig)


def chooser_figure(scores: dict[str, float | None], best: str) -> go.Figure:
    """Weighted score per option; an option not open to you is drawn at 0 and labelled."""
    names = list(scores)
    fig = go.Figure(
        go.Bar(
            x=names,
            y=[0 if scores[n] is None else round(scores[n], 6) for n in names],
            text=["closed to new customers" if scores[n] is None else f"{scores[n]:g}" for n in names],
            textposition="outside",
            marker_color=[theme.AWS_ORANGE if n == best else "#7f7f7f" for n in names],
        )
    )
    top = max((s for s in scores.values() if s is not None), default=0)
    fig.update_layout(
        title=f"Which container service? Best fit: {best}",
        yaxis=dict(title="weighted score", range=[0, max(1.0, math.ceil(top * 1.2))]),
        xaxis_title="option",
    )
    return theme.apply(fig)
