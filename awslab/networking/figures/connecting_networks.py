"""Figures of 04_connecting_networks: reachability between networks."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.networking.figures._common import ALLOW_COLOR, DENY_COLOR
from awslab.networking.peering import Path


def reachability_figure(paths: dict[tuple[str, str], Path]) -> go.Figure:
    """A source x destination grid: green where traffic flows directly, red where it cannot (hover says why)."""
    names = list(dict.fromkeys(a for a, _ in paths))
    z = [[1.0 if paths[(a, b)].reachable else 0.0 for b in names] for a in names]
    hover = [[f"{a} -> {b}: {paths[(a, b)].via}<br>{paths[(a, b)].reason}" for b in names] for a in names]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            hovertext=hover,
            hoverinfo="text",
            showscale=False,
            zmin=0.0,
            zmax=1.0,
            colorscale=[[0.0, DENY_COLOR], [1.0, ALLOW_COLOR]],
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        title="Who reaches whom (no transitive routing)",
        xaxis_title="destination network",
        yaxis_title="source network",
    )
    fig.update_yaxes(autorange="reversed")
    return theme.apply(fig)


# --- Rule tables and DNS answer shares ---
