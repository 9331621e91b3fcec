"""Figures of 02_routing and 03_firewalls_packet_walk: the packet walk and rule tables."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.networking.figures._common import ALLOW_COLOR, DENY_COLOR, FREE_COLOR
from awslab.networking.firewall import protocol_label
from awslab.networking.walk import PacketWalk


def packet_walk_figure(walk: PacketWalk) -> go.Figure:
    """Each hop of the request (top row) and the response (bottom row), green when allowed, red where stopped."""
    fig = go.Figure()
    for leg, y in (("request", 1.0), ("response", 0.0)):
        hops = [h for h in walk.hops if h.leg == leg]
        if not hops:
            fig.add_annotation(x=0, y=y, text=f"{leg}: not sent", showarrow=False, xanchor="left")
            continue
        xs = [float(i) for i in range(len(hops))]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=[y] * len(hops),
                mode="lines+markers+text",
                name=leg,
                marker=dict(
                    size=22,
                    color=[ALLOW_COLOR if h.allowed else DENY_COLOR for h in hops],
                    symbol=["circle" if h.allowed else "x" for h in hops],
                ),
                line=dict(color="#7f7f7f"),
                text=[f"{_short(h.component)}<br>{h.resource_id}" for h in hops],
                textposition=["top center" if i % 2 == 0 else "bottom center" for i in range(len(hops))],
                textfont=dict(size=10),
                hovertext=[f"{h.component}: {h.explanation}" for h in hops],
                hoverinfo="text",
                showlegend=False,
            )
        )
    width = max((sum(1 for h in walk.hops if h.leg == leg) for leg in ("request", "response")), default=1)
    fig.update_xaxes(visible=False, range=[-0.7, max(width, 2) - 0.3])
    fig.update_yaxes(tickvals=[0.0, 1.0], ticktext=["response", "request"], range=[-0.6, 1.6], showgrid=False)
    verdict = walk.verdict
    blocked = walk.blocking_hop
    subtitle = f"<br><sup>stopped at {blocked.component}: {blocked.explanation}</sup>" if blocked else ""
    flow = f"{protocol_label(walk.protocol)}/{walk.port}"
    fig.update_layout(title=f"{walk.source} -> {walk.destination} ({flow}): {verdict}{subtitle}")
    return theme.apply(fig, height=360)


_SHORT_NAMES = (
    ("security groups (stateful", "SG return"),
    ("security groups (outbound", "SG out"),
    ("security groups (inbound", "SG in"),
    ("network ACL (outbound", "NACL out"),
    ("network ACL (inbound", "NACL in"),
    ("route table", "routes"),
)


def _short(component: str) -> str:
    for prefix, short in _SHORT_NAMES:
        if component.startswith(prefix):
            return short
    return component


_HIGHLIGHT = "#ffe8b3"


def rule_table_figure(
    headers: list[str], rows: list[list[str]], *, decided: int | None, allowed: bool | None, title: str
) -> go.Figure:
    """A table of rules (routes, NACL entries) with the row that decided (index ``decided``) coloured."""
    mark = ALLOW_COLOR if allowed else DENY_COLOR
    fill = [_HIGHLIGHT if i == decided else "#ffffff" for i in range(len(rows))]
    first_col = [mark if i == decided else "#ffffff" for i in range(len(rows))]
    columns = [list(col) for col in zip(*rows, strict=True)] if rows else [[] for _ in headers]
    fig = go.Figure(
        go.Table(
            header=dict(values=[f"<b>{h}</b>" for h in headers], fill_color=FREE_COLOR, align="left"),
            cells=dict(
                values=columns,
                fill_color=[first_col] + [fill] * (len(headers) - 1),
                align="left",
                height=26,
            ),
        )
    )
    fig.update_layout(title=title)
    return theme.apply(fig, height=150 + 28 * max(len(rows), 3))
