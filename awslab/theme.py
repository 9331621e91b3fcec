"""The course's one plotly look, and the renderer every figure goes through.

Importing this module registers the ``awslab`` template and pins plotly's notebook renderer to the deterministic
``plotly_mimetype`` (so a figure's stored output is plain JSON that nbval can compare, whatever PLOTLY_RENDERER says).
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
AWS_ORANGE = "#ff9900"

# A small layout-only template: it is embedded in every stored figure, so it stays lean.
TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family="DejaVu Sans, Arial, sans-serif", size=13, color="#232f3e"),
        colorway=COLORS,
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin=dict(l=70, r=30, t=110, b=60),
        hovermode="closest",
        xaxis=dict(gridcolor="#e5e8ec", zerolinecolor="#c9ced6", automargin=True),
        yaxis=dict(gridcolor="#e5e8ec", zerolinecolor="#c9ced6", automargin=True),
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.02),
        title=dict(x=0.0, xanchor="left", font=dict(size=17)),
    )
)
pio.templates["awslab"] = TEMPLATE
pio.renderers.default = "plotly_mimetype"


def apply(fig: go.Figure, *, height: int = 420) -> go.Figure:
    """Give a figure the course's template and a fixed height; returns the same figure."""
    fig.update_layout(template=TEMPLATE, height=height)
    return fig


def rounded(values, digits: int = 6) -> list:
    """Plain Python floats rounded to ``digits`` (numpy arrays would be stored as unreadable base64)."""
    return [None if v is None else round(float(v), digits) for v in values]
