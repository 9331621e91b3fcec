"""Connecting networks: VPC peering rules, VPN and Direct Connect links, transit gateways, and who reaches whom.

Peering and a virtual private gateway connect exactly two networks and never forward traffic onward (no transitive,
no edge-to-edge routing); a transit gateway routes between everything attached to it.

References:
    - Amazon Virtual Private Cloud Connectivity Options (whitepaper), "VPC peering",
      https://docs.aws.amazon.com/whitepapers/latest/aws-vpc-connectivity-options/vpc-peering.html (read 2026-12-03)
    - AWS Site-to-Site VPN User Guide, "Site-to-Site VPN quotas",
      https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-limits.html (read 2026-11-27)
    - AWS Site-to-Site VPN User Guide, "Tunnel options for your AWS Site-to-Site VPN connection",
      https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html (read 2026-12-03)
    - Amazon VPC User Guide, "How route priority works" (Direct Connect and VPN routes),
      https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html (read 2026-12-03)
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from awslab import validate
from awslab.networking.cidr import parse_network
from awslab.validate import checked

# VPC Peering Guide, "VPC peering limitations" and "VPC peering connection lifecycle"
# (vpc-peering-basics.html), read 2026-11-27: no overlapping CIDRs (any overlap, even of a secondary block, blocks
# the peering), no transitive peering, no edge-to-edge routing; an unanswered request expires after 7 days.
PEERING_REQUEST_EXPIRY_DAYS = 7
# Site-to-Site VPN User Guide, "How it works" / quotas (vpn-limits.html), read 2026-11-27: two tunnels per
# connection, each in a different AZ endpoint, up to 1.25 Gbps per tunnel.
VPN_TUNNELS_PER_CONNECTION = 2
VPN_TUNNEL_MAX_GBPS = 1.25
# Large tunnels: TunnelBandwidth "large" supports up to 5 Gbps per tunnel ("standard", the default, 1.25 Gbps) on
# transit gateway and Cloud WAN attachments. EC2 API Reference, VpnConnectionOptionsSpecification.TunnelBandwidth
# (botocore 1.44.8 EC2 model) and Site-to-Site VPN User Guide, "Tunnel options" (VPNTunnels.html), read 2026-12-03.
VPN_LARGE_TUNNEL_MAX_GBPS = 5.0
# Direct Connect User Guide, "Dedicated connections" (dedicated_connection.html), read 2026-11-27.
DIRECT_CONNECT_DEDICATED_GBPS = (1, 10, 100, 400)

LINK_KINDS = ("peering", "vpn", "direct_connect", "transit_gateway")
SITE_KINDS = ("vpc", "on-premises")


def _cidr_blocks(name: str, cidrs: list[str]) -> list:
    if not isinstance(cidrs, (list, tuple)) or not cidrs:
        raise ValueError(f"{name} must be a non-empty list of CIDR blocks, got {cidrs!r}")
    return [parse_network(f"{name}[{i}]", c) for i, c in enumerate(cidrs)]


@checked
def can_peer(cidrs_a: list[str], cidrs_b: list[str]) -> bool:
    """True when no CIDR block of VPC A overlaps any block of VPC B (AWS refuses the peering otherwise).

    >>> can_peer(["10.0.0.0/16"], ["10.1.0.0/16"])
    True
    >>> can_peer(["10.0.0.0/16"], ["10.0.128.0/17"])
    False
    """
    blocks_a, blocks_b = _cidr_blocks("cidrs_a", cidrs_a), _cidr_blocks("cidrs_b", cidrs_b)
    return not any(a.overlaps(b) for a in blocks_a for b in blocks_b)


@checked
def peering_status(
    cidrs_a: list[str], cidrs_b: list[str], *, accepted: bool | None = None, days_pending: float = 0
) -> str:
    """The Status.Code a peering request ends in: failed, pending-acceptance, active, rejected or expired.

    ``accepted`` is None while the owner of VPC B has not answered.

    >>> peering_status(["10.0.0.0/16"], ["10.1.0.0/16"], accepted=True)
    'active'
    >>> peering_status(["10.0.0.0/16"], ["10.1.0.0/16"], days_pending=8)
    'expired'
    """
    days = validate.number("days_pending", days_pending, minimum=0, unit="days")
    if not can_peer(cidrs_a, cidrs_b):
        return "failed"
    if accepted is None:
        return "expired" if days > PEERING_REQUEST_EXPIRY_DAYS else "pending-acceptance"
    return "active" if accepted else "rejected"


@dataclass(frozen=True)
class Site:
    """A network: a VPC or an on-premises data centre, with its CIDR blocks.

    >>> Site("A", ("10.0.0.0/16",)).kind
    'vpc'
    """

    name: str
    cidrs: tuple[str, ...]
    kind: str = "vpc"


@dataclass(frozen=True)
class Link:
    """A connection between two sites, or (kind "transit_gateway") an attachment of site ``a`` to gateway ``b``.

    >>> Link("peering", "A", "B").active
    True
    """

    kind: str
    a: str
    b: str
    active: bool = True


@dataclass(frozen=True)
class Path:
    """Whether ``source`` reaches ``destination``, over what, and why.

    >>> reachability([Site("A", ("10.0.0.0/16",)), Site("B", ("10.1.0.0/16",))], [Link("peering", "A", "B")])[("A", "B")].via
    'peering'
    """

    source: str
    destination: str
    reachable: bool
    via: str
    reason: str


def _check(sites: list[Site], links: list[Link]) -> dict[str, Site]:
    by_name: dict[str, Site] = {}
    for site in sites:
        if not isinstance(site, Site):
            raise ValueError(f"sites must hold peering.Site values, got {site!r}")
        if not isinstance(site.cidrs, tuple | list) or not all(isinstance(c, str) for c in site.cidrs):
            raise ValueError(f"site {site.name!r} cidrs={site.cidrs!r} must be a tuple of CIDR strings")
        validate.choice(f"site {site.name!r} kind", site.kind, SITE_KINDS)
        if site.name in by_name:
            raise ValueError(f"site name {site.name!r} appears twice; names must be unique")
        by_name[site.name] = site
    for link in links:
        if not isinstance(link, Link):
            raise ValueError(f"links must hold peering.Link values, got {link!r}")
        validate.choice("link kind", link.kind, LINK_KINDS)
        ends = [link.a] if link.kind == "transit_gateway" else [link.a, link.b]
        for end in ends:
            if end not in by_name:
                raise ValueError(
                    f"link {link.kind} {link.a}-{link.b} names site {end!r}, which is not in sites; known: "
                    f"{', '.join(by_name) or 'none'}"
                )
        kinds = sorted(by_name[e].kind for e in ends)
        if link.kind == "peering" and kinds != ["vpc", "vpc"]:
            raise ValueError(f"peering {link.a}-{link.b} must join two VPCs")
        if link.kind in ("vpn", "direct_connect") and kinds != ["on-premises", "vpc"]:
            raise ValueError(f"{link.kind} {link.a}-{link.b} must join an on-premises site to a VPC")
    return by_name


def _direct(a: Site, b: Site, links: list[Link]) -> Path | None:
    for link in links:
        if link.kind == "transit_gateway" or {link.a, link.b} != {a.name, b.name}:
            continue
        if not link.active:
            continue
        if link.kind == "peering" and not can_peer(list(a.cidrs), list(b.cidrs)):
            return Path(a.name, b.name, False, "peering", "their CIDR blocks overlap, so the peering cannot exist")
        return Path(a.name, b.name, True, link.kind, f"direct {link.kind.replace('_', ' ')} connection")
    gateways_a = {ln.b for ln in links if ln.kind == "transit_gateway" and ln.a == a.name and ln.active}
    gateways_b = {ln.b for ln in links if ln.kind == "transit_gateway" and ln.a == b.name and ln.active}
    shared = sorted(gateways_a & gateways_b)
    if shared:
        return Path(
            a.name,
            b.name,
            True,
            f"transit gateway {shared[0]}",
            "both attach to the same transit gateway, which routes between its attachments",
        )
    return None


def _hops(source: str, destination: str, links: list[Link]) -> list[str] | None:
    graph: dict[str, set[str]] = {}
    for link in (ln for ln in links if ln.active):
        graph.setdefault(link.a, set()).add(link.b)
        graph.setdefault(link.b, set()).add(link.a)
    previous = {source: source}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph.get(node, ())):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    if destination not in previous:
        return None
    path = [destination]
    while path[-1] != source:
        path.append(previous[path[-1]])
    return path[::-1]


@checked
def reachability(sites: list[Site], links: list[Link]) -> dict[tuple[str, str], Path]:
    """For every ordered pair of sites, whether traffic can flow directly (AWS routes no traffic transitively).

    >>> reachability([Site("A", ("10.0.0.0/16",)), Site("B", ("10.1.0.0/16",)), Site("C", ("10.2.0.0/16",))], TOPOLOGIES["peering A-B and B-C (a chain)"])[("A", "C")].reachable
    False
    """
    _check(sites, links)
    result: dict[tuple[str, str], Path] = {}
    for a in sites:
        for b in sites:
            if a.name == b.name:
                result[(a.name, b.name)] = Path(a.name, b.name, True, "itself", "same network")
                continue
            path = _direct(a, b, links)
            if path is None:
                chain = _hops(a.name, b.name, links)
                if chain is None:
                    path = Path(a.name, b.name, False, "none", "no connection at all")
                else:
                    middle = " -> ".join(chain)
                    path = Path(
                        a.name,
                        b.name,
                        False,
                        "none",
                        f"only through {middle}; peerings, VPNs and Direct Connect do not carry traffic "
                        "onward (no transitive or edge-to-edge routing): peer them directly or use a "
                        "transit gateway",
                    )
            result[(a.name, b.name)] = path
    return result


@checked
def vpn_availability(tunnel_availability: float, tunnels: int = VPN_TUNNELS_PER_CONNECTION) -> float:
    """Probability at least one tunnel of a VPN connection is up, tunnels failing independently.

    >>> round(vpn_availability(0.99), 6)
    0.9999
    """
    p = validate.number("tunnel_availability", tunnel_availability, minimum=0, maximum=1)
    n = validate.integer("tunnels", tunnels, minimum=1, maximum=VPN_TUNNELS_PER_CONNECTION)
    return 1 - (1 - p) ** n


# Ready-made topologies over VPCs A, B, C and an office (site names of the reachability explorer).
TOPOLOGIES = {
    "peering A-B and B-C (a chain)": [Link("peering", "A", "B"), Link("peering", "B", "C")],
    "full mesh of peerings": [
        Link("peering", "A", "B"),
        Link("peering", "B", "C"),
        Link("peering", "A", "C"),
    ],
    "VPN office-A, peering A-B": [Link("vpn", "office", "A"), Link("peering", "A", "B")],
    "Direct Connect office-A, VPN office-B, peering A-C": [
        Link("direct_connect", "office", "A"),
        Link("vpn", "office", "B"),
        Link("peering", "A", "C"),
    ],
    "transit gateway: all four attached": [Link("transit_gateway", s, "tgw-0hub") for s in "ABC"]
    + [Link("transit_gateway", "office", "tgw-0hub")],
}
