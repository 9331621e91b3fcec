"""Seeded random set-ups of the networking models and what the models answer for them.

``outcomes()`` was run on the code before the chapter's refactor (issue 15) and its answers stored in
golden_models.json; test_golden.py checks that today's models give exactly the same answers."""

import ipaddress
import random

from awslab.networking import firewall, peering, route53, routing, scenarios, walk

CASES = 200
PROTOCOLS = ["6", "17", "1", "-1", "tcp", "udp"]
CIDRS = ["0.0.0.0/0", "10.0.0.0/16", "10.0.1.0/24", "198.51.100.0/24", "203.0.113.0/25", "192.168.0.0/16"]
ADDRESSES = ["10.0.1.7", "198.51.100.20", "203.0.113.5", "8.8.8.8", "192.168.3.4", "10.0.200.1"]


def _nacl(rng: random.Random) -> list[dict]:
    entries = []
    for number in rng.sample(range(1, 300), rng.randint(1, 8)):
        protocol = rng.choice(["6", "17", "1", "-1"])
        entry = {
            "RuleNumber": number,
            "Protocol": protocol,
            "RuleAction": rng.choice(["allow", "deny"]),
            "Egress": rng.random() < 0.3,
            "CidrBlock": rng.choice(CIDRS),
        }
        if protocol in ("6", "17") and rng.random() < 0.8:
            low = rng.randint(0, 65535)
            entry["PortRange"] = {"From": low, "To": rng.randint(low, 65535)}
        if protocol == "1" and rng.random() < 0.5:
            entry["IcmpTypeCode"] = {"Type": rng.choice([-1, 0, 8]), "Code": -1}
        entries.append(entry)
    return entries


def _permissions(rng: random.Random) -> list[dict]:
    permissions = []
    for _ in range(rng.randint(0, 4)):
        protocol = rng.choice(["tcp", "udp", "icmp", "-1"])
        permission = {"IpProtocol": protocol}
        if protocol in ("tcp", "udp"):
            low = rng.randint(0, 65535)
            permission.update(FromPort=low, ToPort=rng.randint(low, 65535))
        permission["IpRanges"] = [{"CidrIp": c} for c in rng.sample(CIDRS, rng.randint(0, 2))]
        if rng.random() < 0.3:
            permission["UserIdGroupPairs"] = [{"GroupId": rng.choice([scenarios.WEB_SG, "sg-0other"])}]
        permissions.append(permission)
    return permissions


def _routes(rng: random.Random) -> list[dict]:
    routes = [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable"}]
    targets = [
        {"GatewayId": "igw-0a"},
        {"GatewayId": "vgw-0a"},
        {"NatGatewayId": "nat-0a"},
        {"VpcPeeringConnectionId": "pcx-0a"},
        {"TransitGatewayId": "tgw-0a"},
        {"NetworkInterfaceId": "eni-0a"},
    ]
    for _ in range(rng.randint(0, 6)):
        network = ipaddress.ip_network(f"{rng.choice(ADDRESSES)}/{rng.choice([0, 8, 16, 24, 28])}", strict=False)
        route = {"DestinationCidrBlock": str(network), **rng.choice(targets)}
        route["Origin"] = rng.choice(["CreateRoute", "EnableVgwRoutePropagation"])
        route["State"] = "blackhole" if rng.random() < 0.1 else "active"
        routes.append(route)
    if rng.random() < 0.3:
        routes.append({"DestinationPrefixListId": "pl-63a5400a", "GatewayId": "vpce-0s3", "Origin": "CreateRoute"})
    return routes


def _records(rng: random.Random) -> list[dict]:
    policy = rng.choice(list(route53.DNS_PRESETS))
    records = [dict(r) for r in route53.DNS_PRESETS[policy]]
    for record in records:
        if "Weight" in record:
            record["Weight"] = rng.randint(0, 255)
    return records


def outcomes() -> list[dict]:
    """What the models answer for CASES seeded random set-ups (plain JSON-able data)."""
    results = []
    base = scenarios.two_tier_network()
    for seed in range(CASES):
        rng = random.Random(seed)
        protocol, port, address = rng.choice(PROTOCOLS), rng.randint(0, 65535), rng.choice(ADDRESSES)
        entries = _nacl(rng)
        nacl = firewall.evaluate_nacl(entries, egress=rng.random() < 0.3, protocol=protocol, port=port, address=address)
        permissions = _permissions(rng)
        match = firewall.match_security_group(
            permissions, protocol=protocol, port=port, address=address, peer_group_ids=[scenarios.WEB_SG]
        )
        routes = _routes(rng)
        destination = rng.choice([*ADDRESSES, "52.216.8.1"])
        choice = routing.select_route(routes, destination, prefix_lists=routing.S3_PREFIX_LIST)
        records = _records(rng)
        unhealthy = [r["SetIdentifier"] for r in records if "HealthCheckId" in r and rng.random() < 0.4]
        client = rng.choice(list(route53.CLIENTS))
        dns = route53.answer(
            records,
            "www.example.com.",
            client=route53.CLIENTS[client],
            health=route53.health_from_text(records, ", ".join(unhealthy)),
        )
        flow = rng.choice(list(scenarios.FLOWS))
        source, target, flow_protocol, flow_port = scenarios.FLOWS[flow]
        network = walk.with_nacl_entries(base, "acl-0web", _nacl(rng) + firewall.default_nacl_entries())
        network = walk.with_security_group_rules(network, scenarios.APP_SG, _permissions(rng))
        packet = walk.walk_packet(
            network,
            source=source,
            destination=target,
            protocol=flow_protocol,
            port=flow_port,
            source_port=rng.randint(1024, 65535),
        )
        topology = rng.choice(list(peering.TOPOLOGIES))
        b_cidr = rng.choice(["10.1.0.0/16", "10.0.128.0/17", "10.2.0.0/24", "172.16.0.0/16"])
        sites = [
            peering.Site("A", ("10.0.0.0/16",)),
            peering.Site("B", (b_cidr,)),
            peering.Site("C", ("10.2.0.0/16",)),
            peering.Site("office", ("192.168.0.0/16",), "on-premises"),
        ]
        paths = peering.reachability(sites, peering.TOPOLOGIES[topology])
        results.append(
            {
                "nacl": [nacl.allowed, nacl.rule_number, nacl.explanation],
                "sg": None if match is None else match.describe(),
                "route": [choice.target_kind, choice.target_id, choice.matched_cidr, choice.explanation],
                "subnet": routing.classify_subnet(routes),
                "dns": [dns.policy, {k: round(v, 12) for k, v in dns.shares.items()}, dns.explanation],
                "walk": [
                    packet.verdict,
                    [f"{h.leg}|{h.component}|{h.resource_id}|{h.allowed}" for h in packet.hops],
                    packet.blocking_hop.explanation if packet.blocking_hop else None,
                ],
                "paths": sorted(f"{a}-{b}:{p.reachable}:{p.via}:{p.reason}" for (a, b), p in paths.items()),
            }
        )
    return results
