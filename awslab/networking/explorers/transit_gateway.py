"""Explorers of 06_transit_gateway: one flow walked through the transit gateway, and the segmentation matrix."""

from __future__ import annotations

from awslab import ui, validate
from awslab.networking import figures
from awslab.networking import transit_gateway as tgw

AZS = ["use1-az1", "use1-az2", "use1-az3"]


def explore_transit_walk(
    preset: str = "isolated VPCs + shared services",
    flow: str = "prod-a -> prod-b",
    source_az: str = "use1-az1",
    destination_az: str = "use1-az2",
    routes_json: str = "",
) -> ui.Explorer:
    """Can A reach B through the transit gateway, and back? Add routes as CreateTransitGatewayRoute requests.

    >>> explore_transit_walk(flow="dev -> shared services").last_view.numbers["verdict"]
    'connected'
    """
    flows = {label: (src, dst) for label, src, dst in tgw.FLOWS}

    def view(preset, flow, source_az, destination_az, routes_json):
        network = tgw.PRESETS[preset]
        if routes_json.strip():
            network = tgw.with_routes(network, validate.json_objects("routes", routes_json))
        source, destination = flows[flow]
        walk = tgw.can_reach(
            network, source=source, destination=destination, source_az=source_az, destination_az=destination_az
        )
        blocked = walk.blocking_hop
        numbers = {
            "verdict": walk.verdict,
            "hops": str(len(walk.hops)),
            "stopped at": f"{blocked.component} {blocked.resource_id}" if blocked else "nowhere",
            "because": blocked.explanation if blocked else "every hop forwarded it, both ways",
        }
        return ui.View(figures.transit_walk_figure(walk), numbers)

    return ui.explorer(
        "Transit gateway: can A reach B, and back?",
        [
            ui.Choice("preset", "design", options=tgw.PRESET_NAMES, value=preset),
            ui.Choice("flow", "flow", options=list(flows), value=flow),
            ui.Choice("source_az", "source AZ", options=AZS, value=source_az),
            ui.Choice("destination_az", "destination AZ", options=AZS, value=destination_az),
            ui.Text("routes_json", "add routes (CreateTransitGatewayRoute JSON)", value=routes_json, rows=3),
        ],
        view,
    )


def explore_segmentation(preset: str = "isolated VPCs + shared services", cross_az: bool = False) -> ui.Explorer:
    """Who reaches whom: every ordered pair of attached networks walked through the design's route tables.

    >>> explore_segmentation(preset="flat: one route table").last_view.numbers["pairs connected"]
    '20 of 20'
    """

    def view(preset, cross_az):
        matrix = tgw.preset_matrix(preset, cross_az)
        verdicts = list(matrix.values())
        total = len(verdicts)
        fig = figures.reachability_matrix_figure(matrix, title=f"{preset}: who reaches whom (source row -> column)")
        return ui.View(
            fig,
            {
                "pairs connected": f"{verdicts.count('connected')} of {total}",
                "request blocked": str(verdicts.count("request blocked")),
                "response lost": str(verdicts.count("request delivered, response lost")),
            },
        )

    return ui.explorer(
        "Segmentation: route tables decide who talks to whom",
        [
            ui.Choice("preset", "design", options=tgw.PRESET_NAMES, value=preset),
            ui.Toggle("cross_az", "the two ends sit in different AZs", value=cross_az),
        ],
        view,
    )
