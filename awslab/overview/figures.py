"""Plotly figures for the Overview chapter: downtime by deployment shape, Region map, latency heatmap."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from awslab import theme
from awslab.overview.availability import nines
from awslab.overview.regions import UserGroup


def deployment_downtime_figure(table: pd.DataFrame) -> go.Figure:
    """Bars of expected downtime (minutes per year, log scale) for each deployment shape of compare_deployments."""
    labels = [f"{a * 100:.5f} %" for a in table["availability"]]
    fig = go.Figure(
        go.Bar(
            x=list(table["name"]),
            y=theme.rounded(table["downtime_minutes_per_year"]),
            text=labels,
            textposition="outside",
            hovertemplate="%{x}<br>%{y:.2f} min/year<br>availability %{text}<extra></extra>",
        )
    )
    fig.update_layout(
        title="Expected downtime by deployment shape",
        xaxis_title="Deployment",
        yaxis_title="Downtime (minutes per year, log scale)",
    )
    fig.update_yaxes(type="log")
    return theme.apply(fig)


def redundancy_figure(copies: Sequence[int], availability_by_beta: dict[float, Sequence[float]]) -> go.Figure:
    """Availability (in nines) against number of redundant copies, one line per correlation beta."""
    fig = go.Figure()
    for beta, values in availability_by_beta.items():
        n9 = [None if v >= 1 else nines(v) for v in values]
        fig.add_trace(go.Scatter(x=list(copies), y=theme.rounded(n9), mode="lines+markers", name=f"beta = {beta:g}"))
    fig.update_layout(
        title="Redundancy helps until failures are correlated",
        xaxis_title="Redundant copies",
        yaxis_title="Availability (nines)",
    )
    return theme.apply(fig)


def region_map_figure(
    regions: pd.DataFrame, user_groups: Sequence[UserGroup] = (), highlight: str | None = None
) -> go.Figure:
    """Regions (code, name, lat, lon) on longitude/latitude axes, with optional user groups and one highlighted Region.

    An ordinary scatter, not a plotly geo map: a geo map fetches its coastline topojson from a CDN, which the offline
    book must not load. The price is that no coastline is drawn; the points sit at their metro coordinates.
    """
    chosen = regions["code"] == highlight
    fig = go.Figure()
    others = regions.loc[~chosen]
    fig.add_trace(
        go.Scatter(
            x=theme.rounded(others["lon"]),
            y=theme.rounded(others["lat"]),
            text=list(others["code"]),
            hovertext=[f"{c}<br>{n}" for c, n in zip(others["code"], others["name"], strict=True)],
            mode="markers+text",
            textposition="top center",
            textfont={"size": 8},
            marker={"size": 8, "color": "#ff9900"},
            name="Regions",
            hoverinfo="text",
        )
    )
    if chosen.any():
        row = regions[chosen].iloc[0]
        for g in user_groups:
            fig.add_trace(
                go.Scatter(
                    x=theme.rounded([g.lon, row["lon"]]),
                    y=theme.rounded([g.lat, row["lat"]]),
                    mode="lines",
                    line={"width": 1, "color": "#7f7f7f", "dash": "dot"},
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
        fig.add_trace(
            go.Scatter(
                x=theme.rounded([row["lon"]]),
                y=theme.rounded([row["lat"]]),
                text=[row["code"]],
                hovertext=[f"{row['code']}<br>{row['name']}"],
                mode="markers+text",
                textposition="bottom center",
                marker={"size": 16, "color": "#d62728", "symbol": "star"},
                name=f"Closest: {row['code']}",
                hoverinfo="text",
            )
        )
    if user_groups:
        fig.add_trace(
            go.Scatter(
                x=theme.rounded([g.lon for g in user_groups]),
                y=theme.rounded([g.lat for g in user_groups]),
                hovertext=[f"{g.label}: {g.users:g} users" for g in user_groups],
                mode="markers",
                marker={"size": 11, "color": "#1f77b4", "symbol": "circle-open", "line": {"width": 2}},
                name="Users",
                hoverinfo="text",
            )
        )
    fig.add_hline(y=0, line_width=1, line_color="#bbbbbb", annotation_text="equator", annotation_position="right")
    fig.update_layout(title="AWS Regions (a selection) by longitude and latitude", xaxis_title="Longitude (degrees)")
    fig.update_layout(yaxis_title="Latitude (degrees)")
    fig.update_xaxes(range=[-180, 180], dtick=30)
    fig.update_yaxes(range=[-60, 75], dtick=15)
    return theme.apply(fig)


def latency_heatmap_figure(table: pd.DataFrame) -> go.Figure:
    """Heatmap of a SAMPLE inter-Region round-trip latency table (ms)."""
    fig = go.Figure(
        go.Heatmap(
            z=[theme.rounded(row) for row in table.values.tolist()],
            x=list(table.columns),
            y=list(table.index),
            colorscale="YlOrRd",
            colorbar={"title": "RTT (ms)"},
            hovertemplate="%{y} to %{x}: %{z:.0f} ms (sample)<extra></extra>",
        )
    )
    fig.update_layout(
        title="Sample inter-Region round-trip latency (modelled, not measured)",
        xaxis_title="To Region",
        yaxis_title="From Region",
    )
    fig.update_yaxes(autorange="reversed")
    return theme.apply(fig)
