"""Figures of 06_global_tables_and_chooser: counter writes under last-writer-wins, and the chooser's ranking."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from awslab import theme
from awslab.databases.chooser import Choice
from awslab.databases.figures._base import _finish
from awslab.databases.global_tables import ReplicationRun


def counter_writes_figure(run: ReplicationRun) -> go.Figure:
    """Each write of the counter by Region and time; the ones that built on a stale copy (lost increments) marked."""
    flags = run.stale_reads()
    fig = go.Figure()
    for stale, name, color in ((False, "saw every earlier write", theme.COLORS[0]),
                               (True, "built on a stale copy", theme.COLORS[3])):  # fmt: skip
        part = [w for w, flag in zip(run.writes, flags, strict=True) if flag == stale]
        fig.add_trace(
            go.Scatter(
                x=theme.rounded([w.time_ms / 1000 for w in part]),
                y=[w.region for w in part],
                mode="markers",
                name=name,
                marker={"color": color, "size": 9, "symbol": "x" if stale else "circle"},
            )  # fmt: skip
        )
    return _finish(fig, f"{run.mode}: {run.increments} increments, counter ends at {run.increments - run.lost_updates}",
                   "time (s)", "Region", height=360)  # fmt: skip


def chooser_figure(choices: Sequence[Choice], top: int = 6) -> go.Figure:
    """The best ``top`` services by score, best at the top."""
    best = list(choices)[:top][::-1]
    fig = go.Figure(go.Bar(x=[c.score for c in best], y=[c.service for c in best], orientation="h",
                           hovertext=["<br>".join(c.reasons) for c in best], marker_color=theme.COLORS[2]))  # fmt: skip
    return _finish(fig, f"Best fit: {best[-1].service}" if best else "No service", "score (our weights)", "")
