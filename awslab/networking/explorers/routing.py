"""Explorer of 02_routing: longest-prefix match over a preset route table, plus a route the learner types."""

from __future__ import annotations

from awslab import ui, validate
from awslab.networking import figures, routing


def _destination_text(route: dict) -> str:
    return route.get("DestinationCidrBlock") or route.get("DestinationPrefixListId") or "?"


def explore_route_lookup(
    destination: str = "8.8.8.8", table: str = "hybrid: IGW, VPN, peering, S3 endpoint", extra_route_json: str = ""
) -> ui.Explorer:
    """Longest-prefix match over a route table; add your own route as JSON and watch the chosen target change.

    >>> explore_route_lookup(destination="10.1.2.3").last_view.numbers["chosen target"]
    'VPC peering connection'
    """

    def view(destination, table, extra_route_json):
        routes = list(routing.ROUTE_TABLE_PRESETS[table])
        if extra_route_json.strip():
            routes += validate.json_objects("extra route", extra_route_json)
        choice = routing.select_route(routes, destination, prefix_lists=routing.S3_PREFIX_LIST)
        rows = []
        for route in routes:
            target = routing.route_target(route).target_id
            rows.append([_destination_text(route), target, route.get("Origin", ""), route.get("State", "active")])
        decided = next((i for i, r in enumerate(routes) if r is choice.route), None)
        fig = figures.rule_table_figure(
            ["Destination", "Target", "Origin", "State"],
            rows,
            decided=decided,
            allowed=choice.routed,
            title="The route table: the highlighted route carries the packet",
        )
        return ui.View(
            fig,
            {
                "chosen target": routing.TARGET_KINDS[choice.target_kind] if choice.routed else "dropped",
                "why": choice.explanation,
                "this subnet is": routing.classify_subnet(routes),
            },
        )

    return ui.explorer(
        "Which route wins?",
        [
            ui.Choice("destination", "destination", options=routing.SAMPLE_DESTINATIONS, value=destination),
            ui.Choice("table", "route table", options=list(routing.ROUTE_TABLE_PRESETS), value=table),
            ui.Text("extra_route_json", "add a route (JSON)", value=extra_route_json, rows=2),
        ],
        view,
    )
