"""Explorer of 04_connecting_networks: who reaches whom among three VPCs and an office, per topology."""

from __future__ import annotations

from awslab import ui
from awslab.networking import cidr, figures, peering


def explore_reachability(
    topology: str = "peering A-B and B-C (a chain)", vpc_b_cidr: str = "10.1.0.0/16"
) -> ui.Explorer:
    """Who reaches whom among three VPCs and an office; type an overlapping CIDR for VPC B to break its peerings.

    >>> explore_reachability().last_view.numbers["pairs connected"]
    '2 of 6'
    """

    def view(topology, vpc_b_cidr):
        sites = [
            peering.Site("A", ("10.0.0.0/16",)),
            peering.Site("B", (vpc_b_cidr,)),
            peering.Site("C", ("10.2.0.0/16",)),
            peering.Site("office", ("192.168.0.0/16",), "on-premises"),
        ]
        cidr.parse_network("VPC B CIDR", vpc_b_cidr)
        paths = peering.reachability(sites, peering.TOPOLOGIES[topology])
        pairs = [p for (a, b), p in paths.items() if a < b]
        blocked = [p for p in pairs if not p.reachable]
        return ui.View(
            figures.reachability_figure(paths),
            {
                "pairs connected": f"{len(pairs) - len(blocked)} of {len(pairs)}",
                "not connected": ", ".join(f"{p.source}-{p.destination}" for p in blocked) or "none",
                "A and B may peer": "yes" if peering.can_peer(["10.0.0.0/16"], [vpc_b_cidr]) else "no (overlap)",
            },
        )

    return ui.explorer(
        "Reachability: no transitive routing",
        [
            ui.Choice("topology", "topology", options=list(peering.TOPOLOGIES), value=topology),
            ui.Text("vpc_b_cidr", "VPC B CIDR", value=vpc_b_cidr),
        ],
        view,
    )
