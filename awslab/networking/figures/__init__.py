"""Plotly figures for the networking chapter, each drawn from a model result; one module per notebook."""

from awslab.networking.figures._common import ALLOW_COLOR, DENY_COLOR, FREE_COLOR, PRIVATE_COLOR, PUBLIC_COLOR
from awslab.networking.figures.addressing import cidr_bits_figure, vpc_plan_figure
from awslab.networking.figures.connecting_networks import reachability_figure
from awslab.networking.figures.firewalls_packet_walk import packet_walk_figure, rule_table_figure
from awslab.networking.figures.privatelink_dns import (
    edge_scores_figure,
    endpoint_connection_figure,
    resolution_figure,
)
from awslab.networking.figures.route53 import dns_shares_figure, failover_timeline_figure
from awslab.networking.figures.transit_gateway import reachability_matrix_figure, transit_walk_figure

__all__ = [
    "ALLOW_COLOR",
    "DENY_COLOR",
    "FREE_COLOR",
    "PRIVATE_COLOR",
    "PUBLIC_COLOR",
    "cidr_bits_figure",
    "dns_shares_figure",
    "edge_scores_figure",
    "endpoint_connection_figure",
    "failover_timeline_figure",
    "packet_walk_figure",
    "reachability_figure",
    "reachability_matrix_figure",
    "resolution_figure",
    "rule_table_figure",
    "transit_walk_figure",
    "vpc_plan_figure",
]
