"""What every databases figure shares: titles, axis titles and the course theme."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme


def _finish(fig: go.Figure, title: str, x_title: str, y_title: str, height: int = 420) -> go.Figure:
    fig.update_layout(title=title, xaxis_title=x_title, yaxis_title=y_title)
    return theme.apply(fig, height=height)
