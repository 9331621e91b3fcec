"""Figures of 01_rds_aurora: recovery objectives, failover timeline, replica lag, storage autoscaling."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from awslab import theme
from awslab.databases.figures._base import _finish
from awslab.databases.rds import ReplicaLagResult


def recovery_figure(matrix: pd.DataFrame) -> go.Figure:
    """RPO and RTO in minutes per failure scenario (from ``rds.recovery_matrix``), log scale."""
    fig = go.Figure()
    for column, name in (("rpo_seconds", "RPO: data lost"), ("rto_seconds", "RTO: downtime")):
        minutes = [max(v / 60, 0.01) for v in matrix[column]]
        fig.add_trace(
            go.Bar(x=list(matrix["scenario"]), y=theme.rounded(minutes), name=name, hovertext=list(matrix["mechanism"]))
        )
    fig.update_layout(barmode="group", yaxis_type="log")
    return _finish(fig, "Recovery objectives by failure (0 shown as 0.01 min)", "failure scenario", "minutes")


def failover_timeline_figure(timeline: Sequence[Mapping[str, object]], title: str = "Multi-AZ failover") -> go.Figure:
    """Gantt-style bars of failover phases (from ``rds.failover_timeline`` or ``redis_failover_timeline``)."""
    fig = go.Figure()
    for i, phase in enumerate(timeline):
        fig.add_trace(
            go.Bar(
                y=[phase["phase"]],
                x=[round(phase["end_s"] - phase["start_s"], 6)],
                base=[round(phase["start_s"], 6)],
                orientation="h",
                name=str(phase["phase"]),
                marker_color=theme.COLORS[i % len(theme.COLORS)],
                showlegend=False,
            )
        )
    total = timeline[-1]["end_s"] if timeline else 0
    fig.update_yaxes(autorange="reversed")
    return _finish(fig, f"{title}: writes fail for {total:.0f} s", "time since failure (s)", "phase", height=360)


def replica_lag_figure(result: ReplicaLagResult, every_seconds: int = 1) -> go.Figure:
    """Write rate, replica lag and the stale share of read-after-write reads over time (a point every n seconds)."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08)
    n = every_seconds
    t = theme.rounded(result.seconds[::n])
    fig.add_trace(
        go.Scatter(x=t, y=theme.rounded(result.writes_per_second[::n]), name="writes/s on primary"), row=1, col=1
    )
    fig.add_trace(
        go.Scatter(x=t, y=theme.rounded(result.applied_per_second[::n]), name="writes/s applied on replica"),
        row=1,
        col=1,
    )
    fig.add_trace(go.Scatter(x=t, y=theme.rounded(result.lag_seconds[::n]), name="replica lag (s)"), row=2, col=1)
    fig.add_trace(
        go.Scatter(x=t, y=theme.rounded(result.stale_read_fraction[::n]), name="stale read share"), row=2, col=1
    )
    fig.update_yaxes(title_text="writes per second", row=1, col=1)
    fig.update_yaxes(title_text="seconds / share", row=2, col=1)
    fig.update_xaxes(title_text="time (s)", row=2, col=1)
    fig.update_layout(title="Asynchronous replication: lag grows when writes outpace the replica")
    return theme.apply(fig, height=520)


def storage_autoscaling_figure(history: pd.DataFrame, every_hours: int = 1) -> go.Figure:
    """Used vs allocated storage over time (from ``rds.simulate_storage_autoscaling``), full hours marked."""
    history = history.iloc[::every_hours]
    days = [h / 24 for h in history["hour"]]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(x=theme.rounded(days), y=theme.rounded(history["allocated_gib"]), name="allocated", line_shape="hv")
    )
    fig.add_trace(go.Scatter(x=theme.rounded(days), y=theme.rounded(history["used_gib"]), name="used"))
    full = history[history["storage_full"]]
    if len(full):
        fig.add_trace(
            go.Scatter(
                x=theme.rounded(full["hour"] / 24),
                y=theme.rounded(full["used_gib"]),
                mode="markers",
                name="storage full: writes fail",
                marker_color=theme.COLORS[3],
            )
        )
    return _finish(fig, "RDS storage autoscaling", "time (days)", "GiB")
