"""Figures draw model results; model modules stay free of plotly, widgets and boto3."""

import json

from awslab.networking import cidr, figures, healthcheck, peering, scenarios
from awslab.networking.walk import walk_packet

MODEL_MODULES = ["cidr", "routing", "firewall", "walk", "scenarios", "peering", "route53", "healthcheck"]


def _plain(fig) -> str:
    text = json.dumps(fig.to_plotly_json(), default=str)
    assert "bdata" not in text, "numpy arrays leaked into the figure data"
    return text


def test_vpc_plan_figure_draws_every_subnet_and_free_block():
    plan = cidr.plan_vpc(
        "10.0.0.0/16",
        ["us-east-1a", "us-east-1b"],
        [cidr.Tier("public", public=True, prefix_length=24), cidr.Tier("app", hosts_needed=200)],
    )
    fig = figures.vpc_plan_figure(plan)
    text = _plain(fig)
    for subnet in plan.subnets:
        assert subnet.cidr in text
    assert plan.free[0] in text
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    # outer VPC + one per AZ + one per subnet + one per bar segment (subnets and free blocks)
    assert len(rects) == 1 + 2 + 2 * len(plan.subnets) + len(plan.free)
    assert "10.0.0.0/16" in fig.layout.title.text


def test_cidr_bits_figure_colours_network_bits():
    fig = figures.cidr_bits_figure(cidr.cidr_bits("10.0.0.0/20"))
    colors = fig.data[0].marker.color
    assert colors.count(colors[0]) == 20 and len(colors) == 32
    assert "4,091 usable" in _plain(fig)


def test_packet_walk_figure_marks_the_blocking_hop():
    walk = walk_packet(scenarios.two_tier_network(), source="198.51.100.9", destination=scenarios.WEB_ENI, port=22)
    fig = figures.packet_walk_figure(walk)
    assert len(fig.data) == 1 and figures.DENY_COLOR in fig.data[0].marker.color
    assert "request blocked" in fig.layout.title.text and "response: not sent" in _plain(fig)
    ok = figures.packet_walk_figure(
        walk_packet(scenarios.two_tier_network(), source=scenarios.WEB_ENI, destination=scenarios.APP_ENI, port=8080)
    )
    assert len(ok.data) == 2 and "connected" in ok.layout.title.text


def test_failover_and_reachability_figures():
    timeline = healthcheck.failover_timeline(seed=2)
    fig = figures.failover_timeline_figure(timeline)
    _plain(fig)
    assert fig.layout.xaxis.title.text.startswith("seconds") and max(fig.data[0].y) == 100.0
    sites = [peering.Site("A", ("10.0.0.0/16",)), peering.Site("B", ("10.1.0.0/16",))]
    heat = figures.reachability_figure(peering.reachability(sites, [peering.Link("peering", "A", "B")]))
    assert [list(row) for row in heat.data[0].z] == [[1.0, 1.0], [1.0, 1.0]]
