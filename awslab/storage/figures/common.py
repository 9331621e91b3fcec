"""Helpers the storage figures share: rounded float lists for plotly, thinning long series, the common finish."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from awslab import theme

MAX_POINTS = 1_500  # longest line drawn; longer series are thinned evenly


def floats(values: Sequence[float] | np.ndarray, digits: int = 6) -> list[float | None]:
    """VALUES as plain floats rounded to DIGITS, None where a value is missing or not finite."""
    return [None if v is None or not np.isfinite(v) else round(float(v), digits) for v in np.asarray(values, float)]


def thin(n: int) -> np.ndarray:
    """Indices of at most MAX_POINTS evenly spread points of a series of N (first and last kept)."""
    return np.unique(np.linspace(0, n - 1, min(n, MAX_POINTS)).round().astype(int))


def finish(fig: go.Figure, title: str) -> go.Figure:
    """Give FIG its title and a legend below the plot, in the course theme."""
    fig.update_layout(title=title, legend={"orientation": "h", "y": -0.2})
    return theme.apply(fig)
