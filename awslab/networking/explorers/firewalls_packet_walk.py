"""Explorers of 03_firewalls_packet_walk: a network ACL against one packet, and the two-tier VPC's packet walk."""

from __future__ import annotations

import json

from awslab import ui, validate
from awslab.networking import figures, scenarios, walk
from awslab.networking.firewall import describe_nacl_entry, evaluate_nacl


def json_lines(items: list[dict]) -> str:
    """A JSON list written one object per line, for a text box a learner edits.

    >>> print(json_lines([{"RuleNumber": 100}, {"RuleNumber": 200}]))
    [
      {"RuleNumber": 100},
      {"RuleNumber": 200}
    ]
    """
    return "[\n" + ",\n".join("  " + json.dumps(item) for item in items) + "\n]"


def explore_nacl(
    port: int = 443, source_address: str = "198.51.100.20", protocol: str = "tcp", entries_json: str | None = None
) -> ui.Explorer:
    """A network ACL's inbound rules against one packet: lowest number first, the first match decides.

    >>> explore_nacl(port=22).last_view.numbers["verdict"]
    'denied'
    """
    default_entries = json_lines([e for e in scenarios.web_nacl_entries() if not e["Egress"]])

    def view(port, source_address, protocol, entries_json):
        entries = validate.json_objects("NACL entries", entries_json)
        decision = evaluate_nacl(entries, egress=False, protocol=protocol, port=int(port), address=source_address)
        inbound = sorted((e for e in entries if not e.get("Egress", False)), key=lambda e: e["RuleNumber"])
        rows = [
            [str(e["RuleNumber"]) if e["RuleNumber"] < 32767 else "*", describe_nacl_entry(e), e["RuleAction"].upper()]
            for e in inbound
        ]
        decided = next((i for i, e in enumerate(inbound) if e["RuleNumber"] == decision.rule_number), None)
        fig = figures.rule_table_figure(
            ["Rule #", "Rule", "Action"],
            rows,
            decided=decided,
            allowed=decision.allowed,
            title="Inbound rules in evaluation order: the highlighted rule decided",
        )
        return ui.View(
            fig,
            {
                "verdict": "allowed" if decision.allowed else "denied",
                "rule": str(decision.rule_number),
                "why": decision.explanation,
            },
        )

    return ui.explorer(
        "Network ACL: first match wins",
        [
            ui.Slider(
                "port",
                "destination port",
                min=0,
                max=65535,
                step=1,
                value=port,
                integer=True,
                static_values=[22, 80, 443, 1023, 1024, 3389, 8080, 50000],
            ),
            ui.Text("source_address", "source address", value=source_address),
            ui.Choice("protocol", "protocol", options=["tcp", "udp", "icmp"], value=protocol),
            ui.Text("entries_json", "NACL entries (JSON)", value=entries_json or default_entries, rows=8),
        ],
        view,
    )


def _sg(network: walk.Network, group_id: str) -> dict:
    return next(g for g in network.security_groups if g["GroupId"] == group_id)


def _acl(network: walk.Network, acl_id: str) -> dict:
    return next(a for a in network.network_acls if a["NetworkAclId"] == acl_id)


def explore_packet_walk(
    flow: str = "internet -> web server, HTTPS 443",
    web_nacl_json: str | None = None,
    app_sg_json: str | None = None,
    source_port: int = 50000,
) -> ui.Explorer:
    """The two-tier VPC's packet walk; edit the web subnet's NACL or the app group's rules and watch each hop.

    >>> explore_packet_walk(flow="internet -> web server, SSH 22").last_view.numbers["verdict"]
    'request blocked'
    """
    base = scenarios.two_tier_network()
    default_nacl = json_lines(_acl(base, "acl-0web")["Entries"])
    default_sg = json_lines(_sg(base, scenarios.APP_SG)["IpPermissions"])

    def view(flow, web_nacl_json, app_sg_json, source_port):
        network = walk.with_nacl_entries(base, "acl-0web", validate.json_objects("web subnet NACL", web_nacl_json))
        network = walk.with_security_group_rules(
            network, scenarios.APP_SG, validate.json_objects("app security group", app_sg_json)
        )
        source, destination, protocol, port = scenarios.FLOWS[flow]
        result = walk.walk_packet(
            network, source=source, destination=destination, protocol=protocol, port=port, source_port=source_port
        )
        blocked = result.blocking_hop
        numbers = {
            "verdict": result.verdict,
            "hops checked": str(len(result.hops)),
            "stopped at": f"{blocked.component} {blocked.resource_id}" if blocked else "nowhere",
            "because": blocked.explanation if blocked else "every hop allowed it",
        }
        figure = figures.packet_walk_figure(result).update_layout(
            title_text="Request (top) and response (bottom), hop by hop"
        )
        return ui.View(figure, numbers)

    return ui.explorer(
        "Packet walk: break a rule, then fix it",
        [
            ui.Choice("flow", "flow", options=list(scenarios.FLOWS), value=flow),
            ui.Text("web_nacl_json", "web subnet NACL entries (JSON)", value=web_nacl_json or default_nacl, rows=8),
            ui.Text("app_sg_json", "app security group inbound (JSON)", value=app_sg_json or default_sg, rows=3),
            ui.Number("source_port", "client's ephemeral port", value=source_port, integer=True),
        ],
        view,
    )
