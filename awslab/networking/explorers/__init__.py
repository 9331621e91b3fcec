"""Explorers of the networking notebooks (controls -> network model -> figure, all built through awslab.ui),
one module per notebook."""

from awslab.networking.explorers.addressing import explore_cidr_bits, explore_vpc_plan
from awslab.networking.explorers.connecting_networks import explore_reachability
from awslab.networking.explorers.firewalls_packet_walk import explore_nacl, explore_packet_walk, json_lines
from awslab.networking.explorers.privatelink_dns import (
    explore_dns_resolution,
    explore_edge_choice,
    explore_endpoint_service,
)
from awslab.networking.explorers.route53 import explore_dns_policy, explore_failover_timing
from awslab.networking.explorers.routing import explore_route_lookup
from awslab.networking.explorers.transit_gateway import explore_segmentation, explore_transit_walk

__all__ = [
    "explore_cidr_bits",
    "explore_dns_policy",
    "explore_dns_resolution",
    "explore_edge_choice",
    "explore_endpoint_service",
    "explore_failover_timing",
    "explore_nacl",
    "explore_packet_walk",
    "explore_reachability",
    "explore_route_lookup",
    "explore_segmentation",
    "explore_transit_walk",
    "explore_vpc_plan",
    "json_lines",
]
