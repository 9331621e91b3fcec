"""Shared colours and the box helper of the networking figures."""

from __future__ import annotations

PUBLIC_COLOR = "#2ca02c"
PRIVATE_COLOR = "#1f77b4"
FREE_COLOR = "#e5e8ec"
ALLOW_COLOR = "#2ca02c"
DENY_COLOR = "#d62728"


def _box(
    shapes: list[dict],
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    *,
    fill: str,
    line: str = "#232f3e",
    dash: str = "solid",
    opacity: float = 1.0,
) -> None:
    # Shapes are collected and set once: fig.add_shape per box costs milliseconds each.
    shapes.append(
        dict(
            type="rect",
            x0=round(x0, 6),
            y0=round(y0, 6),
            x1=round(x1, 6),
            y1=round(y1, 6),
            fillcolor=fill,
            opacity=opacity,
            line=dict(color=line, width=1.5, dash=dash),
            layer="below",
        )
    )
