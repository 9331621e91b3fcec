"""Figures of the protecting data notebook (03): an object's version history, a presigned URL's lifetime."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme


def version_history_figure(rows: list[dict], key: str) -> go.Figure:
    """The versions of one key, oldest at the left; delete markers drawn as crosses, the current one outlined."""
    fig = go.Figure()
    xs = list(range(1, len(rows) + 1))
    colors = [theme.COLORS[3] if row["kind"] == "delete marker" else theme.COLORS[0] for row in rows]
    fig.add_scatter(
        x=xs,
        y=[1] * len(rows),
        mode="markers+text",
        text=[row["VersionId"] for row in rows],
        textposition="top center",
        marker=dict(
            size=[30 if row["IsLatest"] else 20 for row in rows],
            color=colors,
            symbol=["x" if row["kind"] == "delete marker" else "square" for row in rows],
            line=dict(width=[4 if row["IsLatest"] else 0 for row in rows], color="#232f3e"),
        ),
        hovertext=[f"{row['kind']}, {row['Size']} bytes" for row in rows],
        hoverinfo="text",
        showlegend=False,
    )
    fig.update_layout(
        title_text=f"Versions of {key!r} (oldest left; the outlined one is current)",
        xaxis=dict(title="order written", dtick=1),
        yaxis=dict(visible=False, range=[0.5, 1.6]),
    )
    return theme.apply(fig, height=300)


def presign_timeline_figure(
    expires_in_hours: float, check_after_hours: float, credential_hours: float | None
) -> go.Figure:
    """When a presigned URL works: from signing until its expiry (or its credentials' expiry, if sooner)."""
    end = expires_in_hours if credential_hours is None else min(expires_in_hours, credential_hours)
    fig = go.Figure()
    fig.add_bar(y=["URL"], x=[end], orientation="h", marker_color=theme.COLORS[2], name="works", base=[0])
    if end < expires_in_hours:
        fig.add_bar(
            y=["URL"],
            x=[expires_in_hours - end],
            base=[end],
            orientation="h",
            marker_color="#cccccc",
            name="dead: the signing credentials expired",
        )
    valid = check_after_hours <= end
    fig.add_vline(x=check_after_hours, line=dict(color=theme.COLORS[2] if valid else theme.COLORS[3], width=3))
    fig.update_layout(
        title_text="Lifetime of a presigned URL",
        xaxis_title="hours after signing",
        xaxis_range=[0, 170],
        barmode="overlay",
        yaxis_visible=False,
    )
    return theme.apply(fig, height=280)
