"""Figures of 07_privatelink_and_dns: a DNS query's stages, an endpoint connection per AZ, and the edge chooser."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.networking.edge import EdgeChoice
from awslab.networking.figures._common import ALLOW_COLOR, DENY_COLOR, FREE_COLOR, PRIVATE_COLOR
from awslab.networking.figures.firewalls_packet_walk import rule_table_figure
from awslab.networking.privatelink import EndpointConnection
from awslab.networking.resolver import Resolution


def resolution_figure(resolution: Resolution) -> go.Figure:
    """The stages a query went through, the deciding one highlighted."""
    rows = [[s.stage, s.matched or "-", s.explanation] for s in resolution.steps]
    decided = next((i for i, s in enumerate(resolution.steps) if s.decided), None)
    answered = not resolution.blocked and resolution.answer not in ("NXDOMAIN", "no answer", "SERVFAIL")
    return rule_table_figure(
        ["Stage", "Matched", "What happened"],
        rows,
        decided=decided,
        allowed=answered,
        title=f"{resolution.name} ({resolution.origin}): {resolution.answer}",
    )


def endpoint_connection_figure(connection: EndpointConnection, subnet_az_ids: list[str], service_az_ids: list[str]):
    """One bar per AZ ID the consumer asked for: green where an endpoint interface serves, red where it cannot."""
    zones = list(dict.fromkeys([*service_az_ids, *subnet_az_ids]))
    colors, labels = [], []
    for zone in zones:
        if zone in connection.az_ids_served and connection.usable:
            colors.append(ALLOW_COLOR)
            labels.append("endpoint serves traffic")
        elif zone in connection.az_ids_served:
            colors.append(PRIVATE_COLOR)
            labels.append(f"endpoint placed, connection {connection.state or 'not created'}")
        elif zone in subnet_az_ids:
            colors.append(DENY_COLOR)
            labels.append("asked for, no service node here")
        else:
            colors.append(FREE_COLOR)
            labels.append("service only (no consumer subnet)")
    fig = go.Figure(
        go.Bar(x=zones, y=[1] * len(zones), marker_color=colors, text=labels, textposition="inside", showlegend=False)
    )
    fig.update_yaxes(visible=False, range=[0, 1.1])
    fig.update_xaxes(title_text="Availability Zone ID")
    state = connection.state or "not created"
    fig.update_layout(title_text=f"Endpoint connection: {state}<br><sup>{connection.reasons[-1]}</sup>")
    return theme.apply(fig, height=300)


def edge_scores_figure(choice: EdgeChoice, *, title: str) -> go.Figure:
    """The two options' scores; the chosen one in green."""
    names = list(choice.scores)
    fig = go.Figure(
        go.Bar(
            x=names,
            y=[choice.scores[n] for n in names],
            marker_color=[ALLOW_COLOR if n == choice.choice else FREE_COLOR for n in names],
            showlegend=False,
        )
    )
    fig.update_yaxes(title_text="points from the workload's needs", rangemode="tozero")
    fig.update_layout(title_text=title)
    return theme.apply(fig, height=320)
