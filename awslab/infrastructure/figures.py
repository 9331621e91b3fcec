"""Plotly figures for the Overview chapter: downtime by deployment shape, Region map, latency heatmap."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from awslab.infrastructure.availability import nines
from awslab.infrastructure.regions import UserGroup


def _r(values) -> list:
    """Plain Python floats rounded to 6 decimals (plotly 7 would base64-encode numpy arrays)."""
    return [None if v is None else round(float(v), 6) for v in values]


def deployment_downtime_figure(table: pd.DataFrame) -> go.Figure:
    """Bars of expected downtime (minutes per year, log scale) for each deployment shape of compare_deployments."""
    labels = [f"{a * 100:.5f} %" for a in table["availability"]]
    fig = go.Figure(
        go.Bar(
            x=list(table["name"]),
            y=_r(table["downtime_minutes_per_year"]),
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
    return fig


def redundancy_figure(copies: Sequence[int], availability_by_beta: dict[float, Sequence[float]]) -> go.Figure:
    """Availability (in nines) against number of redundant copies, one line per correlation beta."""
    fig = go.Figure()
    for beta, values in availability_by_beta.items():
        n9 = [None if v >= 1 else nines(v) for v in values]
        fig.add_trace(go.Scatter(x=list(copies), y=_r(n9), mode="lines+markers", name=f"beta = {beta:g}"))
    fig.update_layout(
        title="Redundancy helps until failures are correlated",
        xaxis_title="Redundant copies",
        yaxis_title="Availability (nines)",
    )
    return fig


def region_map_figure(
    regions: pd.DataFrame, user_groups: Sequence[UserGroup] = (), highlight: str | None = None
) -> go.Figure:
    """World map of Regions (code, name, lat, lon) with optional user groups and one highlighted Region.

    Drawn with plotly's geo layout; the book serves the base-map topojson locally (no CDN).
    """
    chosen = regions["code"] == highlight
    fig = go.Figure()
    fig.add_trace(
        go.Scattergeo(
            lat=_r(regions.loc[~chosen, "lat"]),
            lon=_r(regions.loc[~chosen, "lon"]),
            text=[
                f"{c}<br>{n}" for c, n in zip(regions.loc[~chosen, "code"], regions.loc[~chosen, "name"], strict=True)
            ],
            mode="markers",
            marker={"size": 8, "color": "#ff9900"},
            name="Regions",
            hoverinfo="text",
        )
    )
    if chosen.any():
        row = regions[chosen].iloc[0]
        fig.add_trace(
            go.Scattergeo(
                lat=_r([row["lat"]]),
                lon=_r([row["lon"]]),
                text=[f"{row['code']}<br>{row['name']}"],
                mode="markers",
                marker={"size": 14, "color": "#d62728", "symbol": "star"},
                name=f"Closest: {row['code']}",
                hoverinfo="text",
            )
        )
        for g in user_groups:
            fig.add_trace(
                go.Scattergeo(
                    lat=_r([g.lat, row["lat"]]),
                    lon=_r([g.lon, row["lon"]]),
                    mode="lines",
                    line={"width": 1, "color": "#7f7f7f"},
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
    if user_groups:
        fig.add_trace(
            go.Scattergeo(
                lat=_r([g.lat for g in user_groups]),
                lon=_r([g.lon for g in user_groups]),
                text=[f"{g.label}: {g.users:g} users" for g in user_groups],
                mode="markers",
                marker={"size": 9, "color": "#1f77b4", "symbol": "circle-open"},
                name="Users",
                hoverinfo="text",
            )
        )
    fig.update_geos(projection_type="natural earth", showcountries=True, showland=True, landcolor="#f2f2f2")
    fig.update_layout(title="AWS Regions (a selection)", margin={"l": 0, "r": 0, "t": 40, "b": 0})
    return fig


def latency_heatmap_figure(table: pd.DataFrame) -> go.Figure:
    """Heatmap of a SAMPLE inter-Region round-trip latency table (ms)."""
    fig = go.Figure(
        go.Heatmap(
            z=[_r(row) for row in table.values.tolist()],
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
    return fig
