"""Figures of 05_route53: failover timing and DNS answer shares."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.networking.figures._common import ALLOW_COLOR, DENY_COLOR, FREE_COLOR
from awslab.networking.healthcheck import FailoverTimeline
from awslab.networking.route53 import DnsAnswer


def failover_timeline_figure(timeline: FailoverTimeline) -> go.Figure:
    """Share of traffic (%) still sent to a failed endpoint against seconds since the failure."""
    fig = go.Figure(
        go.Scatter(
            x=timeline.times_seconds,
            y=[round(100 * s, 6) for s in timeline.share_on_failed],
            mode="lines",
            name="traffic to the failed endpoint",
            line=dict(shape="hv"),
        )
    )
    for x, label, color in (
        (timeline.detection_seconds, "Route 53 marks it unhealthy", theme.AWS_ORANGE),
        (timeline.all_moved_seconds, "last resolver moved", ALLOW_COLOR),
        (float(timeline.worst_case_seconds), "worst case: detection + TTL", DENY_COLOR),
    ):
        fig.add_trace(
            go.Scatter(
                x=[x, x], y=[0.0, 105.0], mode="lines", name=f"{label} ({x:.0f} s)", line=dict(color=color, dash="dash")
            )
        )
    fig.update_xaxes(range=[0, round(timeline.worst_case_seconds * 1.05 + 1, 6)])
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.25, x=0))
    fig.update_layout(
        title=f"DNS failover with TTL {timeline.ttl_seconds} s: traffic drains after detection",
        xaxis_title="seconds since the endpoint failed",
        yaxis_title="traffic to failed endpoint (%)",
    )
    fig.update_yaxes(range=[0, 105])
    return theme.apply(fig, height=480)


def dns_shares_figure(result: DnsAnswer, counts: dict[str, int], *, title: str) -> go.Figure:
    """Bars: each record's probability of being the answer (%), with a sampled count of queries on hover."""
    labels = list(result.shares)
    total = sum(counts.values()) or 1
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=[round(100 * result.shares[k], 6) for k in labels],
            marker_color=[ALLOW_COLOR if result.shares[k] > 0 else FREE_COLOR for k in labels],
            text=[f"{100 * result.shares[k]:.1f}%" for k in labels],
            textposition="outside",
            hovertext=[
                f"{k}: {', '.join(result.values[k])}<br>{counts.get(k, 0):,} of {total:,} sampled queries"
                for k in labels
            ],
            hoverinfo="text",
            name="share of answers",
        )
    )
    fig.update_yaxes(range=[0, 115])
    fig.update_layout(title=title, xaxis_title="record (SetIdentifier)", yaxis_title="share of DNS answers (%)")
    return theme.apply(fig, height=400)
