"""Explorers for the networking notebooks: controls -> network model -> figure, all built through awslab.ui."""

from __future__ import annotations

import json
from collections.abc import Callable

from awslab import ui
from awslab.networking import cidr, figures, healthcheck, peering, route53, routing, scenarios, walk
from awslab.networking.firewall import describe_nacl_entry, evaluate_nacl

AZ_NAMES = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"]


def _guard(view: Callable[..., ui.View]) -> Callable[..., ui.View]:
    """Turn a learner's malformed JSON shape (a missing key, a wrong type) into a one-line ValueError."""

    def guarded(**values):
        try:
            return view(**values)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"the rules are not in AWS's shape: {type(exc).__name__} {exc}") from None

    return guarded


def _titled(figure, title: str):
    """Give a figure a title that holds for every step of the static face (per-step facts go in the numbers)."""
    figure.update_layout(title_text=title)
    return figure


def parse_json_list(name: str, text: str) -> list[dict]:
    """A JSON list of objects typed by a learner, or a ValueError naming the box and the problem."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{name} must be a JSON list of objects, got {type(value).__name__}")
    return value


def json_lines(items: list[dict]) -> str:
    """A JSON list written one object per line, for a text box a learner edits."""
    return "[\n" + ",\n".join("  " + json.dumps(item) for item in items) + "\n]"


# --- Addressing ------------------------------------------------------------------------------------------------
def explore_cidr_bits(address: str = "10.0.0.0", prefix_length: int = 24) -> ui.Explorer:
    """The 32 bits of a CIDR, network vs host, with AWS's first/last usable and reserved five addresses."""

    def view(prefix_length, address):
        bits = cidr.cidr_bits(f"{address}/{prefix_length}")
        numbers = {
            "netmask": bits.netmask,
            "block": f"{bits.network_address}/{bits.prefix_length}",
            "addresses": f"{bits.total_addresses:,}",
        }
        if bits.aws_usable_addresses is not None:
            block = f"{bits.network_address}/{bits.prefix_length}"
            numbers["usable in an AWS subnet"] = f"{bits.aws_usable_addresses:,}"
            numbers["first / last usable"] = f"{bits.aws_first_usable} / {bits.aws_last_usable}"
            numbers["AWS reserves"] = ", ".join(cidr.reserved_addresses(block))
        if bits.address != bits.network_address:
            numbers["note"] = f"host bits are set: a subnet must start at {bits.network_address}"
        return ui.View(
            _titled(figures.cidr_bits_figure(bits), "The 32 bits: network bits orange, host bits blue"), numbers
        )

    return ui.explorer(
        "A CIDR block, bit by bit",
        [
            ui.Slider("prefix_length", "prefix length /", min=16, max=28, step=1, value=prefix_length, integer=True),
            ui.Text("address", "IPv4 address", value=address),
        ],
        view,
    )


def explore_vpc_plan(
    vpc_cidr: str = "10.0.0.0/16",
    az_count: int = 3,
    public_prefix: int = 24,
    app_hosts_needed: int = 1000,
    db_prefix: int = 26,
) -> ui.Explorer:
    """A three-tier VPC plan (public, app, db) across AZs, drawn from the planner's output."""

    def view(az_count, vpc_cidr, public_prefix, app_hosts_needed, db_prefix):
        plan = cidr.plan_vpc(
            vpc_cidr,
            AZ_NAMES[: int(az_count)],
            [
                cidr.Tier("public", public=True, prefix_length=int(public_prefix)),
                cidr.Tier("app", hosts_needed=app_hosts_needed),
                cidr.Tier("db", prefix_length=int(db_prefix)),
            ],
        )
        total = 2 ** (32 - int(vpc_cidr.split("/")[1]))
        app = next(s for s in plan.subnets if s.tier == "app")
        return ui.View(
            _titled(figures.vpc_plan_figure(plan), "The plan: subnets by AZ and tier (top), address space used (bar)"),
            {
                "subnets": str(len(plan.subnets)),
                "app subnet size": f"{app.cidr.split('/')[1]} -> {app.usable_addresses:,} usable",
                "addresses allocated": f"{plan.used_addresses:,} of {total:,} ({plan.used_addresses / total:.1%})",
                "largest free block": min(plan.free, key=lambda c: int(c.split("/")[1])) if plan.free else "none",
            },
        )

    return ui.explorer(
        "Plan a VPC: three tiers across Availability Zones",
        [
            ui.Slider("az_count", "Availability Zones", min=1, max=6, step=1, value=az_count, integer=True),
            ui.Text("vpc_cidr", "VPC CIDR", value=vpc_cidr),
            ui.Slider("public_prefix", "public subnets /", min=16, max=28, step=1, value=public_prefix, integer=True),
            ui.Number("app_hosts_needed", "app hosts needed per AZ", value=app_hosts_needed, integer=True),
            ui.Slider("db_prefix", "db subnets /", min=16, max=28, step=1, value=db_prefix, integer=True),
        ],
        view,
    )


# --- Routing ---------------------------------------------------------------------------------------------------
# An example S3 prefix list (pl-63a5400a is S3's list in us-east-1; the ranges are a sample of its entries).
S3_PREFIX_LIST = {"pl-63a5400a": ["52.216.0.0/15", "3.5.0.0/19"]}
ROUTE_TABLE_PRESETS = {
    "public subnet (internet gateway)": routing.route_table("10.0.0.0/16", internet_gateway_id="igw-0a1b"),
    "private subnet (NAT gateway)": routing.route_table("10.0.0.0/16", nat_gateway_id="nat-0a1b"),
    "private subnet (NAT instance)": routing.route_table("10.0.0.0/16")
    + [{"DestinationCidrBlock": "0.0.0.0/0", "InstanceId": "i-0nat", "Origin": "CreateRoute", "State": "active"}],
    "VPN-only subnet (virtual private gateway)": routing.route_table("10.0.0.0/16", vpn_gateway_id="vgw-0a1b")
    + [
        {
            "DestinationCidrBlock": "10.0.5.0/24",
            "GatewayId": "vgw-0a1b",
            "Origin": "EnableVgwRoutePropagation",
            "State": "active",
        }
    ],
    "hybrid: IGW, VPN, peering, S3 endpoint": routing.route_table(
        "10.0.0.0/16", internet_gateway_id="igw-0a1b", vpn_gateway_id="vgw-0a1b", peerings={"10.1.0.0/16": "pcx-0ab"}
    )
    + [{"DestinationPrefixListId": "pl-63a5400a", "GatewayId": "vpce-0s3", "Origin": "CreateRoute", "State": "active"}],
}
SAMPLE_DESTINATIONS = [
    ("8.8.8.8 (internet)", "8.8.8.8"),
    ("10.0.1.25 (same VPC)", "10.0.1.25"),
    ("10.0.5.9 (same VPC; on-prem also advertises it)", "10.0.5.9"),
    ("192.168.10.5 (on premises)", "192.168.10.5"),
    ("10.1.2.3 (peered VPC)", "10.1.2.3"),
    ("52.216.8.1 (Amazon S3)", "52.216.8.1"),
]


def _destination_text(route: dict) -> str:
    return route.get("DestinationCidrBlock") or route.get("DestinationPrefixListId") or "?"


def explore_route_lookup(
    destination: str = "8.8.8.8", table: str = "hybrid: IGW, VPN, peering, S3 endpoint", extra_route_json: str = ""
) -> ui.Explorer:
    """Longest-prefix match over a route table; add your own route as JSON and watch the chosen target change."""

    @_guard
    def view(destination, table, extra_route_json):
        routes = list(ROUTE_TABLE_PRESETS[table])
        if extra_route_json.strip():
            routes += parse_json_list("extra route", extra_route_json)
        choice = routing.select_route(routes, destination, prefix_lists=S3_PREFIX_LIST)
        rows = []
        for route in routes:
            kind, target = routing.route_target(route)
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
            ui.Choice("destination", "destination", options=SAMPLE_DESTINATIONS, value=destination),
            ui.Choice("table", "route table", options=list(ROUTE_TABLE_PRESETS), value=table),
            ui.Text("extra_route_json", "add a route (JSON)", value=extra_route_json, rows=2),
        ],
        view,
    )


# --- Firewalls -------------------------------------------------------------------------------------------------
def explore_nacl(
    port: int = 443, source_address: str = "198.51.100.20", protocol: str = "tcp", entries_json: str | None = None
) -> ui.Explorer:
    """A network ACL's inbound rules against one packet: lowest number first, the first match decides."""
    default_entries = json_lines([e for e in scenarios.web_nacl_entries() if not e["Egress"]])

    @_guard
    def view(port, source_address, protocol, entries_json):
        entries = parse_json_list("NACL entries", entries_json)
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


INTERNET_CLIENT = "198.51.100.20"
FLOWS = {
    "internet -> web server, HTTPS 443": (INTERNET_CLIENT, scenarios.WEB_PUBLIC_IP, "tcp", 443),
    "internet -> web server, SSH 22": (INTERNET_CLIENT, scenarios.WEB_PUBLIC_IP, "tcp", 22),
    "web -> app server, 8080": (scenarios.WEB_ENI, scenarios.APP_ENI, "tcp", 8080),
    "web -> app server, 5432": (scenarios.WEB_ENI, scenarios.APP_ENI, "tcp", 5432),
    "app -> internet, HTTPS via NAT gateway": (scenarios.APP_ENI, "192.0.2.80", "tcp", 443),
    "internet -> app server, 8080": (INTERNET_CLIENT, "10.0.1.20", "tcp", 8080),
}


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
    """The two-tier VPC's packet walk; edit the web subnet's NACL or the app group's rules and watch each hop."""
    base = scenarios.two_tier_network()
    default_nacl = json_lines(_acl(base, "acl-0web")["Entries"])
    default_sg = json_lines(_sg(base, scenarios.APP_SG)["IpPermissions"])

    @_guard
    def view(flow, web_nacl_json, app_sg_json, source_port):
        network = walk.with_nacl_entries(base, "acl-0web", parse_json_list("web subnet NACL", web_nacl_json))
        network = walk.with_security_group_rules(
            network, scenarios.APP_SG, parse_json_list("app security group", app_sg_json)
        )
        source, destination, protocol, port = FLOWS[flow]
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
        figure = _titled(figures.packet_walk_figure(result), "Request (top) and response (bottom), hop by hop")
        return ui.View(figure, numbers)

    return ui.explorer(
        "Packet walk: break a rule, then fix it",
        [
            ui.Choice("flow", "flow", options=list(FLOWS), value=flow),
            ui.Text("web_nacl_json", "web subnet NACL entries (JSON)", value=web_nacl_json or default_nacl, rows=8),
            ui.Text("app_sg_json", "app security group inbound (JSON)", value=app_sg_json or default_sg, rows=3),
            ui.Number("source_port", "client's ephemeral port", value=source_port, integer=True),
        ],
        view,
    )


# --- Connecting networks ---------------------------------------------------------------------------------------
TOPOLOGIES = {
    "peering A-B and B-C (a chain)": [peering.Link("peering", "A", "B"), peering.Link("peering", "B", "C")],
    "full mesh of peerings": [
        peering.Link("peering", "A", "B"),
        peering.Link("peering", "B", "C"),
        peering.Link("peering", "A", "C"),
    ],
    "VPN office-A, peering A-B": [peering.Link("vpn", "office", "A"), peering.Link("peering", "A", "B")],
    "Direct Connect office-A, VPN office-B, peering A-C": [
        peering.Link("direct_connect", "office", "A"),
        peering.Link("vpn", "office", "B"),
        peering.Link("peering", "A", "C"),
    ],
    "transit gateway: all four attached": [peering.Link("transit_gateway", s, "tgw-0hub") for s in "ABC"]
    + [peering.Link("transit_gateway", "office", "tgw-0hub")],
}


def explore_reachability(
    topology: str = "peering A-B and B-C (a chain)", vpc_b_cidr: str = "10.1.0.0/16"
) -> ui.Explorer:
    """Who reaches whom among three VPCs and an office; type an overlapping CIDR for VPC B to break its peerings."""

    def view(topology, vpc_b_cidr):
        sites = [
            peering.Site("A", ("10.0.0.0/16",)),
            peering.Site("B", (vpc_b_cidr,)),
            peering.Site("C", ("10.2.0.0/16",)),
            peering.Site("office", ("192.168.0.0/16",), "on-premises"),
        ]
        cidr.parse_network("VPC B CIDR", vpc_b_cidr)
        paths = peering.reachability(sites, TOPOLOGIES[topology])
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
            ui.Choice("topology", "topology", options=list(TOPOLOGIES), value=topology),
            ui.Text("vpc_b_cidr", "VPC B CIDR", value=vpc_b_cidr),
        ],
        view,
    )


# --- Route 53 --------------------------------------------------------------------------------------------------
def _record(set_id: str, value: str, health: bool = True, **policy) -> dict:
    record = {
        "Name": "www.example.com.",
        "Type": "A",
        "SetIdentifier": set_id,
        "TTL": 60,
        "ResourceRecords": [{"Value": value}],
        **policy,
    }
    if health:
        record["HealthCheckId"] = f"hc-{set_id}"
    return record


DNS_PRESETS = {
    "weighted (blue 200, green 55, dark 0)": [
        _record("blue", "192.0.2.10", Weight=200),
        _record("green", "192.0.2.20", Weight=55),
        _record("dark", "192.0.2.30", Weight=0),
    ],
    "latency (two Regions, the resilient design)": route53.resilient_multi_region_records(),
    "failover (primary, secondary)": [
        _record("primary", "192.0.2.10", Failover="PRIMARY"),
        _record("secondary", "198.51.100.10", health=False, Failover="SECONDARY"),
    ],
    "geolocation (California, Germany, Europe, default)": [
        _record("us-ca", "192.0.2.10", GeoLocation={"CountryCode": "US", "SubdivisionCode": "CA"}),
        _record("germany", "198.51.100.20", GeoLocation={"CountryCode": "DE"}),
        _record("europe", "198.51.100.10", GeoLocation={"ContinentCode": "EU"}),
        _record("default", "203.0.113.10", GeoLocation={"CountryCode": "*"}),
    ],
}
CLIENTS = {
    "Berlin": route53.Client("EU", "DE", None, {"us-east-1": 95.0, "eu-west-1": 25.0}),
    "Paris": route53.Client("EU", "FR", None, {"us-east-1": 85.0, "eu-west-1": 18.0}),
    "San Francisco": route53.Client("NA", "US", "CA", {"us-east-1": 70.0, "eu-west-1": 140.0}),
    "New York": route53.Client("NA", "US", "NY", {"us-east-1": 8.0, "eu-west-1": 75.0}),
    "Tokyo": route53.Client("AS", "JP", None, {"us-east-1": 160.0, "eu-west-1": 220.0}),
}


def health_from_text(records: list[dict], unhealthy: str) -> dict[str, bool]:
    """Health per HealthCheckId from a comma-separated list of SetIdentifiers a learner marks unhealthy."""
    names = [n.strip() for n in unhealthy.split(",") if n.strip()]
    known = {r["SetIdentifier"]: r.get("HealthCheckId") for r in records}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unhealthy names {unknown} are not records here; use any of: {', '.join(known)}")
    without = [n for n in names if known[n] is None]
    if without:
        raise ValueError(f"{without} have no health check, so Route 53 always treats them as healthy")
    return {known[n]: False for n in names}


def explore_dns_policy(
    policy: str = "weighted (blue 200, green 55, dark 0)",
    client: str = "Berlin",
    unhealthy: str = "",
    queries: int = 10_000,
    seed: int = 0,
) -> ui.Explorer:
    """How Route 53 answers www.example.com under each routing policy, from a client, with some records unhealthy."""

    def view(policy, client, unhealthy):
        records = DNS_PRESETS[policy]
        result = route53.answer(
            records, "www.example.com.", client=CLIENTS[client], health=health_from_text(records, unhealthy)
        )
        counts = route53.sample_answers(result, queries, seed=seed)
        fig = figures.dns_shares_figure(result, counts, title="Share of DNS answers per record")
        top = max(result.shares, key=result.shares.get)
        return ui.View(
            fig,
            {
                "most likely answer": f"{top} ({', '.join(result.values[top])})" if result.answered else "no answer",
                "why": result.explanation,
            },
        )

    return ui.explorer(
        "Route 53 routing policies",
        [
            ui.Choice("policy", "routing policy", options=list(DNS_PRESETS), value=policy),
            ui.Choice("client", "client in", options=list(CLIENTS), value=client),
            ui.Text("unhealthy", "unhealthy records (comma-separated)", value=unhealthy),
        ],
        view,
    )


def explore_failover_timing(
    ttl: int = 60, request_interval: int = 30, failure_threshold: int = 3, seed: int = 0
) -> ui.Explorer:
    """Traffic draining from a failed endpoint: checkers' detection, the 18% rule, then resolver TTL expiry."""

    def view(ttl, request_interval, failure_threshold):
        worst = route53.failover_seconds(request_interval, failure_threshold, ttl)
        timeline = healthcheck.failover_timeline(
            request_interval, failure_threshold, ttl, resolvers=2000, step_seconds=max(1.0, worst / 150), seed=seed
        )
        return ui.View(
            _titled(figures.failover_timeline_figure(timeline), "Traffic still sent to the failed endpoint"),
            {
                "Route 53 marks it unhealthy after": f"{timeline.detection_seconds:.0f} s",
                "last resolver moved after": f"{timeline.all_moved_seconds:.0f} s",
                "worst case (interval x threshold + TTL)": f"{timeline.worst_case_seconds} s",
            },
        )

    return ui.explorer(
        "DNS failover: how fast does traffic move?",
        [
            ui.Slider(
                "ttl",
                "record TTL",
                min=0,
                max=300,
                step=10,
                value=ttl,
                unit="s",
                integer=True,
                static_values=[0, 10, 30, 60, 120, 300],
            ),
            ui.Choice(
                "request_interval",
                "health check interval",
                options=[("30 s (standard)", 30), ("10 s (fast)", 10)],
                value=request_interval,
            ),
            ui.Number("failure_threshold", "failure threshold", value=failure_threshold, integer=True),
        ],
        view,
    )
