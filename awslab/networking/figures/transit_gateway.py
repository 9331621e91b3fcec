"""Figures of 06_transit_gateway: a transit walk hop by hop, and who reaches whom across the segments."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.networking.figures._common import ALLOW_COLOR, DENY_COLOR
from awslab.networking.figures.firewalls_packet_walk import packet_walk_figure
from awslab.networking.walk import PacketWalk

_VERDICT_SCORE = {"connected": 1.0, "request delivered, response lost": 0.5, "request blocked": 0.0}


def transit_walk_figure(walk: PacketWalk) -> go.Figure:
    """The request (top) and response (bottom) through subnet and transit gateway route tables, hop by hop."""
    fig = packet_walk_figure(walk)
    blocked = walk.blocking_hop
    subtitle = f"<br><sup>stopped at {blocked.component}: {blocked.explanation}</sup>" if blocked else ""
    return fig.update_layout(title_text=f"{walk.source} -> {walk.destination}: {walk.verdict}{subtitle}")


def reachability_matrix_figure(matrix: dict[tuple[str, str], str], *, title: str) -> go.Figure:
    """Rows are sources, columns destinations: green connected, amber response lost, red blocked."""
    names = list(dict.fromkeys([a for a, _ in matrix] + [b for _, b in matrix]))
    z = [[_VERDICT_SCORE[matrix[(a, b)]] if a != b else None for b in names] for a in names]
    text = [[matrix[(a, b)] if a != b else "" for b in names] for a in names]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            text=text,
            hovertemplate="%{y} -> %{x}: %{text}<extra></extra>",
            colorscale=[[0.0, DENY_COLOR], [0.5, "#ff9900"], [1.0, ALLOW_COLOR]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=3,
            ygap=3,
        )
    )
    fig.update_xaxes(title_text="destination", side="top")
    fig.update_yaxes(title_text="source", autorange="reversed")
    fig.update_layout(title_text=title)
    return theme.apply(fig, height=380)
