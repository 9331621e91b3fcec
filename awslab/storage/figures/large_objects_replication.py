"""Figures of the large objects and replication notebook (04): upload time against part size."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme


def multipart_figure(
    part_sizes_mib: list[float], seconds: list[float], chosen_mib: float, single_seconds: float | None, title: str
) -> go.Figure:
    """Expected upload time against part size, with the chosen part size and a single PUT for reference."""
    fig = go.Figure()
    fig.add_scatter(x=theme.rounded(part_sizes_mib), y=theme.rounded(seconds), mode="lines+markers", name="multipart")
    if single_seconds is not None:
        fig.add_hline(y=single_seconds, line=dict(color=theme.COLORS[3], dash="dash"))
        fig.add_annotation(
            x=1,
            xref="paper",
            y=single_seconds,
            text="single PUT",
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font=dict(color=theme.COLORS[3]),
        )
    fig.add_vline(x=chosen_mib, line=dict(color=theme.AWS_ORANGE, width=3))
    fig.update_layout(
        title_text=title,
        xaxis_title="part size (MiB, log scale)",
        xaxis_type="log",
        yaxis_title="expected upload time (s)",
    )
    return theme.apply(fig)
