"""A packet walk through a VPC: the request and its response, hop by hop, with the rule that decided each hop.

The network is given in the shapes EC2's describe calls return (subnets, route tables, network ACLs, security groups,
network interfaces, NAT gateways), so output read from the sandbox or a real account can be fed in unchanged.

References:
    - Amazon VPC User Guide, "Network ACL rules",
      https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html (read 2026-11-27)
    - Amazon VPC User Guide, "Control subnet traffic with network access control lists" (ephemeral ports),
      https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html (read 2026-11-27)
    - Amazon VPC User Guide, "How route priority works",
      https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise

from awslab import validate
from awslab.networking.cidr import parse_address
from awslab.networking.firewall import (
    EPHEMERAL_PORTS,
    check_ip_permissions,
    check_nacl_entries,
    evaluate_nacl,
    evaluate_security_groups,
    normalize_protocol,
)
from awslab.networking.routing import TARGET_KINDS, RouteChoice, route_table_for_subnet, select_route
from awslab.validate import checked


@dataclass(frozen=True)
class Network:
    """One or more VPCs as EC2 describes them; lists hold the describe calls' items unchanged.

    ``internet_gateways`` may be left empty: a VPC then counts as having an internet gateway when one of its route
    tables routes to one.

    >>> from awslab.networking.scenarios import two_tier_network
    >>> len(two_tier_network().interfaces)
    2
    """

    subnets: list[dict]
    route_tables: list[dict]
    network_acls: list[dict]
    security_groups: list[dict]
    interfaces: list[dict]
    nat_gateways: list[dict] = field(default_factory=list)
    internet_gateways: list[dict] = field(default_factory=list)
    prefix_lists: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Hop:
    """One decision on the way: which leg, what checked the packet, which resource, the verdict and the rule.

    >>> from awslab.networking.scenarios import two_tier_network
    >>> walk_packet(two_tier_network(), source="198.51.100.20", destination="203.0.113.10").hops[0].component
    'internet gateway'
    """

    leg: str
    component: str
    resource_id: str
    allowed: bool
    explanation: str


@dataclass(frozen=True)
class PacketWalk:
    """The whole walk: whether the request arrived, whether the response made it back, and every hop.

    >>> from awslab.networking.scenarios import two_tier_network
    >>> walk_packet(two_tier_network(), source="198.51.100.20", destination="203.0.113.10").connected
    True
    """

    source: str
    destination: str
    protocol: str
    port: int
    source_port: int
    request_delivered: bool
    response_delivered: bool
    hops: tuple[Hop, ...]
    left_via: str | None = None

    @property
    def connected(self) -> bool:
        """True when both the request and the response got through."""
        return self.request_delivered and self.response_delivered

    @property
    def verdict(self) -> str:
        """One phrase for the outcome: connected, response lost, request blocked, or left the VPC."""
        if self.left_via:
            return f"left the VPC via {self.left_via}"
        if self.connected:
            return "connected"
        return "request delivered, response lost" if self.request_delivered else "request blocked"

    @property
    def blocking_hop(self) -> Hop | None:
        """The first hop that stopped a packet, if any."""
        return next((h for h in self.hops if not h.allowed), None)


@dataclass(frozen=True)
class _End:
    address: str
    interface: dict | None
    subnet: dict | None


class _Walker:
    def __init__(self, network: Network, protocol: str, port: int, source_port: int, nat_port: int | None = None):
        self.net, self.protocol, self.port, self.source_port = network, protocol, port, source_port
        self.nat_port = nat_port
        self.hops: list[Hop] = []
        self.leg = "request"
        self.left_via: str | None = None

    def add(self, component: str, resource_id: str, allowed: bool, explanation: str) -> bool:
        self.hops.append(Hop(self.leg, component, resource_id, allowed, explanation))
        return allowed

    def subnet(self, subnet_id: str) -> dict:
        for subnet in self.net.subnets:
            if subnet["SubnetId"] == subnet_id:
                return subnet
        raise ValueError(f"SubnetId={subnet_id!r} is not among the network's subnets")

    def groups(self, interface: dict) -> list[dict]:
        wanted = [g["GroupId"] for g in interface.get("Groups", [])]
        known = {g["GroupId"]: g for g in self.net.security_groups}
        missing = [g for g in wanted if g not in known]
        if missing:
            raise ValueError(f"security groups {missing} of {interface['NetworkInterfaceId']} are not in the network")
        return [known[g] for g in wanted]

    def nacl(self, subnet: dict) -> dict:
        default = None
        for acl in self.net.network_acls:
            if any(a.get("SubnetId") == subnet["SubnetId"] for a in acl.get("Associations", [])):
                return acl
            if acl.get("IsDefault") and acl.get("VpcId") == subnet.get("VpcId"):
                default = acl
        if default is None:
            raise ValueError(f"subnet {subnet['SubnetId']} has no network ACL and its VPC has no default one")
        return default

    def routes(self, subnet: dict) -> tuple[str, list[dict]]:
        tables = [t for t in self.net.route_tables if t.get("VpcId") in (None, subnet.get("VpcId"))]
        table = route_table_for_subnet(tables, subnet["SubnetId"])
        return table.get("RouteTableId", "route table"), table.get("Routes", [])

    def nacl_hop(self, subnet: dict, *, egress: bool, address: str, port: int) -> bool:
        acl = self.nacl(subnet)
        decision = evaluate_nacl(
            acl.get("Entries", []), egress=egress, protocol=self.protocol, port=port, address=address
        )
        way = "outbound" if egress else "inbound"
        return self.add(
            f"network ACL ({way}, {subnet['SubnetId']})",
            acl.get("NetworkAclId", "network ACL"),
            decision.allowed,
            decision.explanation,
        )

    def nacl_range_hop(self, subnet: dict, *, egress: bool, address: str, low: int, high: int, why: str) -> bool:
        """A NACL hop for a packet whose port is any one of low..high (a port someone else picks): allowed only if
        every port in the range is allowed; otherwise the explanation names the ports that fail and the rule."""
        acl = self.nacl(subnet)
        entries = acl.get("Entries", [])
        cuts = {low, high + 1}
        for entry in entries:
            if "PortRange" in entry:
                cuts.update(p for p in (entry["PortRange"]["From"], entry["PortRange"]["To"] + 1) if low < p <= high)
        edges = sorted(cuts)
        failing: list[tuple[int, int, str]] = []
        first_ok = None
        for start, stop in pairwise(edges):
            decision = evaluate_nacl(entries, egress=egress, protocol=self.protocol, port=start, address=address)
            if decision.allowed:
                first_ok = first_ok or decision.explanation
            elif failing and failing[-1][1] == start - 1 and failing[-1][2] == decision.explanation:
                failing[-1] = (failing[-1][0], stop - 1, decision.explanation)
            else:
                failing.append((start, stop - 1, decision.explanation))
        way = "outbound" if egress else "inbound"
        if not failing:
            text = f"every port {why} ({low}-{high}) is allowed: {first_ok}"
        else:
            denied = sum(b - a + 1 for a, b, _ in failing)
            spans = ", ".join(f"{a}-{b}" if a != b else str(a) for a, b, _ in failing[:3])
            text = (
                f"the reply arrives at a port {why} ({low}-{high}), and ports {spans} are not allowed "
                f"({failing[0][2]}), so {denied / (high - low + 1):.0%} of such connections lose their replies"
            )
        return self.add(
            f"network ACL ({way}, {subnet['SubnetId']})", acl.get("NetworkAclId", "network ACL"), not failing, text
        )

    def sg_hop(self, interface: dict, *, egress: bool, address: str, peer: dict | None) -> bool:
        peer_groups = [g["GroupId"] for g in peer.get("Groups", [])] if peer else []
        decision = evaluate_security_groups(
            self.groups(interface),
            egress=egress,
            protocol=self.protocol,
            port=self.port,
            address=address,
            peer_group_ids=peer_groups,
            prefix_lists=self.net.prefix_lists,
        )
        way = "outbound" if egress else "inbound"
        return self.add(
            f"security groups ({way})", interface["NetworkInterfaceId"], decision.allowed, decision.explanation
        )

    def stateful_hop(self, interface: dict) -> bool:
        return self.add(
            "security groups (stateful return)",
            interface["NetworkInterfaceId"],
            True,
            "security groups are stateful: the response to an allowed connection is let through",
        )

    def route_hop(self, subnet: dict, destination: str) -> tuple[RouteChoice, str]:
        table_id, routes = self.routes(subnet)
        choice = select_route(routes, destination, prefix_lists=self.net.prefix_lists)
        return choice, table_id

    def resolve(self, name: str, endpoint: str) -> _End:
        if not isinstance(endpoint, str):
            raise ValueError(f"{name} must be a network interface id (eni-...) or an IP address, got {endpoint!r}")
        for interface in self.net.interfaces:
            public = interface.get("Association", {}).get("PublicIp")
            if endpoint in (interface["NetworkInterfaceId"], interface["PrivateIpAddress"], public):
                return _End(interface["PrivateIpAddress"], interface, self.subnet(interface["SubnetId"]))
        parse_address(name, endpoint)
        return _End(endpoint, None, None)


@checked
def walk_packet(
    network: Network,
    *,
    source: str,
    destination: str,
    protocol: str = "tcp",
    port: int = 443,
    source_port: int = 50000,
    nat_port: int | None = None,
) -> PacketWalk:
    """Walk a request from ``source`` to ``destination`` (interface ids or IPs) and its response back.

    ``source_port`` is the client's ephemeral port, the destination port of the response. Through a NAT gateway the
    source port is translated as well: the internet's reply arrives at the NAT gateway's port (``nat_port``; the
    gateway picks it from 1024-65535, so when it is None the NAT subnet's inbound NACL must allow that whole range),
    and only the last stretch, from the NAT gateway back to the client, uses ``source_port``.

    >>> from awslab.networking.scenarios import two_tier_network
    >>> walk_packet(two_tier_network(), source="198.51.100.20", destination="203.0.113.10", port=22).verdict
    'request blocked'
    """
    proto = normalize_protocol("protocol", protocol)
    port = validate.integer("port", port, minimum=0, maximum=65535)
    source_port = validate.integer("source_port", source_port, minimum=1, maximum=65535)
    if nat_port is not None:
        low, high = EPHEMERAL_PORTS["nat-gateway"]
        nat_port = validate.integer("nat_port", nat_port, minimum=low, maximum=high)
    walker = _Walker(network, proto, port, source_port, nat_port)
    src, dst = walker.resolve("source", source), walker.resolve("destination", destination)
    if src.interface is None and dst.interface is None:
        raise ValueError(
            f"source={source!r} and destination={destination!r} are both outside the network; "
            "at least one must be a network interface in it"
        )
    if src.interface is not None and dst.interface is not None:
        request, response = _internal(walker, src, dst)
    elif src.interface is not None:
        request, response = _outbound(walker, src, dst)
    else:
        request, response = _inbound(walker, src, dst)
    return PacketWalk(
        source, destination, proto, port, source_port, request, response, tuple(walker.hops), walker.left_via
    )


def _internal(w: _Walker, src: _End, dst: _End) -> tuple[bool, bool]:
    if not w.sg_hop(src.interface, egress=True, address=dst.address, peer=dst.interface):
        return False, False
    if not _route_between(w, src, dst):
        return False, False
    crosses = src.subnet["SubnetId"] != dst.subnet["SubnetId"]
    if crosses and not (
        w.nacl_hop(src.subnet, egress=True, address=dst.address, port=w.port)
        and w.nacl_hop(dst.subnet, egress=False, address=src.address, port=w.port)
    ):
        return False, False
    if not w.sg_hop(dst.interface, egress=False, address=src.address, peer=src.interface):
        return False, False
    w.leg = "response"
    w.stateful_hop(dst.interface)
    if not _route_between(w, dst, src):
        return True, False
    if crosses and not (
        w.nacl_hop(dst.subnet, egress=True, address=src.address, port=w.source_port)
        and w.nacl_hop(src.subnet, egress=False, address=dst.address, port=w.source_port)
    ):
        return True, False
    return True, w.stateful_hop(src.interface)


def _route_between(w: _Walker, here: _End, there: _End) -> bool:
    choice, table_id = w.route_hop(here.subnet, there.address)
    same_vpc = here.subnet.get("VpcId") == there.subnet.get("VpcId")
    ok = choice.routed and (
        (choice.target_kind == "local" and same_vpc) or (choice.target_kind == "peering" and not same_vpc)
    )
    text = choice.explanation
    if choice.routed and not ok:
        text += f"; {there.address} is not reached that way, so the packet is lost"
    return w.add("route table", table_id, ok, text)


def _nat_gateway(w: _Walker, nat_id: str) -> dict:
    for nat in w.net.nat_gateways:
        if nat["NatGatewayId"] == nat_id:
            return nat
    raise ValueError(f"NatGatewayId={nat_id!r} is routed to but not among the network's nat_gateways")


def _outbound(w: _Walker, src: _End, dst: _End) -> tuple[bool, bool]:
    if not w.sg_hop(src.interface, egress=True, address=dst.address, peer=None):
        return False, False
    choice, table_id = w.route_hop(src.subnet, dst.address)
    if choice.target_kind == "internet_gateway" and choice.routed:
        public = src.interface.get("Association", {}).get("PublicIp")
        if not w.add("route table", table_id, True, choice.explanation):
            return False, False
        if not w.nacl_hop(src.subnet, egress=True, address=dst.address, port=w.port):
            return False, False
        if not w.add(
            "internet gateway",
            choice.target_id,
            public is not None,
            f"translates {src.address} to public {public}"
            if public
            else f"{src.interface['NetworkInterfaceId']} has no public IPv4 address, so the internet gateway "
            "cannot carry it (give it a public or Elastic IP, or route through a NAT gateway)",
        ):
            return False, False
        w.leg = "response"
        w.add("internet gateway", choice.target_id, True, f"translates {public} back to {src.address}")
        if not w.nacl_hop(src.subnet, egress=False, address=dst.address, port=w.source_port):
            return True, False
        return True, w.stateful_hop(src.interface)
    if choice.target_kind == "nat_gateway" and choice.routed:
        w.add("route table", table_id, True, choice.explanation)
        return _via_nat(w, src, dst, _nat_gateway(w, choice.target_id))
    if not choice.routed:
        w.add("route table", table_id, False, choice.explanation)
        return False, False
    w.add("route table", table_id, True, choice.explanation)
    if w.nacl_hop(src.subnet, egress=True, address=dst.address, port=w.port):
        w.left_via = f"{TARGET_KINDS[choice.target_kind]} {choice.target_id}"
        w.add(
            TARGET_KINDS[choice.target_kind],
            choice.target_id,
            True,
            "the packet leaves the VPC here; what lies beyond is outside this walk (see awslab.networking.peering)",
        )
    return False, False


def _via_nat(w: _Walker, src: _End, dst: _End, nat: dict) -> tuple[bool, bool]:
    nat_subnet = w.subnet(nat["SubnetId"])
    addresses = (nat.get("NatGatewayAddresses") or [{}])[0]
    nat_ip, public = addresses.get("PrivateIp", "NAT private IP"), addresses.get("PublicIp")
    apart = nat_subnet["SubnetId"] != src.subnet["SubnetId"]
    if apart and not (
        w.nacl_hop(src.subnet, egress=True, address=dst.address, port=w.port)
        and w.nacl_hop(nat_subnet, egress=False, address=src.address, port=w.port)
    ):
        return False, False
    choice, table_id = w.route_hop(nat_subnet, dst.address)
    ok = choice.routed and choice.target_kind == "internet_gateway"
    text = choice.explanation + ("" if ok else "; a NAT gateway needs its own subnet to route to an internet gateway")
    if not w.add("route table (NAT gateway's subnet)", table_id, ok, text):
        return False, False
    if not w.nacl_hop(nat_subnet, egress=True, address=dst.address, port=w.port):
        return False, False
    if not w.add(
        "NAT gateway",
        nat["NatGatewayId"],
        public is not None,
        f"rewrites source {src.address} port {w.source_port} to {nat_ip} and a port of its own, sent out as public {public}"
        if public
        else "the NAT gateway has no public (Elastic) IP, so it cannot reach the internet",
    ):
        return False, False
    w.leg = "response"
    # The NAT gateway rewrites the source port too, to one it picks from 1024-65535, and the internet's reply comes
    # back to that port, not to the client's. Given nat_port, check that port; otherwise every port it may pick.
    if w.nat_port is not None:
        if not w.nacl_hop(nat_subnet, egress=False, address=dst.address, port=w.nat_port):
            return True, False
    else:
        low, high = EPHEMERAL_PORTS["nat-gateway"]
        if not w.nacl_range_hop(
            nat_subnet, egress=False, address=dst.address, low=low, high=high, why="the NAT gateway picks"
        ):
            return True, False
    w.add("NAT gateway", nat["NatGatewayId"], True, f"translates the reply back to {src.address}")
    if apart and not (
        w.nacl_hop(nat_subnet, egress=True, address=src.address, port=w.source_port)
        and w.nacl_hop(src.subnet, egress=False, address=dst.address, port=w.source_port)
    ):
        return True, False
    return True, w.stateful_hop(src.interface)


def _internet_gateway_id(w: _Walker, vpc_id: str | None) -> str | None:
    """The VPC's internet gateway: from DescribeInternetGateways attachments, else guessed from its routes."""
    for gateway in w.net.internet_gateways:
        if any(a.get("VpcId") == vpc_id for a in gateway.get("Attachments", [])):
            return gateway["InternetGatewayId"]
    for table in w.net.route_tables:
        if table.get("VpcId") in (None, vpc_id):
            for route in table.get("Routes", []):
                if str(route.get("GatewayId", "")).startswith("igw-"):
                    return route["GatewayId"]
    return None


def _inbound(w: _Walker, src: _End, dst: _End) -> tuple[bool, bool]:
    public = dst.interface.get("Association", {}).get("PublicIp")
    igw = _internet_gateway_id(w, dst.subnet.get("VpcId"))
    if igw is None:
        w.add(
            "internet gateway",
            "none",
            False,
            "no route table of the VPC uses an internet gateway, so nothing carries internet traffic into it",
        )
        return False, False
    if not w.add(
        "internet gateway",
        igw,
        public is not None,
        f"translates public {public} to {dst.address}"
        if public
        else f"{dst.interface['NetworkInterfaceId']} has no public IPv4 address: the internet cannot reach it",
    ):
        return False, False
    if not w.nacl_hop(dst.subnet, egress=False, address=src.address, port=w.port):
        return False, False
    if not w.sg_hop(dst.interface, egress=False, address=src.address, peer=None):
        return False, False
    w.leg = "response"
    w.stateful_hop(dst.interface)
    choice, table_id = w.route_hop(dst.subnet, src.address)
    ok = choice.routed and choice.target_kind == "internet_gateway"
    text = choice.explanation
    if choice.routed and not ok:
        text += "; the reply would leave another way than it came, so the client never sees it"
    if not w.add("route table", table_id, ok, text):
        return True, False
    if not w.nacl_hop(dst.subnet, egress=True, address=src.address, port=w.source_port):
        return True, False
    return True, w.add("internet gateway", choice.target_id, True, f"translates {dst.address} back to {public}")


@checked
def with_nacl_entries(network: Network, network_acl_id: str, entries: list[dict]) -> Network:
    """A copy of ``network`` whose network ACL ``network_acl_id`` has ``entries`` (for break-and-fix explorers).

    >>> from awslab.networking.scenarios import two_tier_network
    >>> walk_packet(with_nacl_entries(two_tier_network(), "acl-0web", []), source="198.51.100.20", destination="203.0.113.10").verdict
    'request blocked'
    """
    if not any(acl.get("NetworkAclId") == network_acl_id for acl in network.network_acls):
        raise ValueError(f"network_acl_id={network_acl_id!r} is not among the network's network ACLs")
    acls = [
        dict(acl, Entries=check_nacl_entries(entries, "entries")) if acl.get("NetworkAclId") == network_acl_id else acl
        for acl in network.network_acls
    ]
    return replace(network, network_acls=acls)


@checked
def with_security_group_rules(
    network: Network, group_id: str, ip_permissions: list[dict], *, egress: bool = False
) -> Network:
    """A copy of ``network`` whose group ``group_id`` has ``ip_permissions`` as its inbound (or outbound) rules.

    >>> from awslab.networking.scenarios import two_tier_network
    >>> walk_packet(with_security_group_rules(two_tier_network(), "sg-0web", []), source="198.51.100.20", destination="203.0.113.10").blocking_hop.component
    'security groups (inbound)'
    """
    field_name = "IpPermissionsEgress" if egress else "IpPermissions"
    if not any(g.get("GroupId") == group_id for g in network.security_groups):
        raise ValueError(f"group_id={group_id!r} is not among the network's security groups")
    groups = [
        dict(g, **{field_name: check_ip_permissions(ip_permissions, "ip_permissions")})
        if g.get("GroupId") == group_id
        else g
        for g in network.security_groups
    ]
    return replace(network, security_groups=groups)


@checked
def ephemeral_range(client: str = "aws-recommended") -> tuple[int, int]:
    """The ephemeral (client) port range of a kind of client, for the NACL rules return traffic needs.

    >>> ephemeral_range("linux")
    (32768, 60999)
    """
    return EPHEMERAL_PORTS[validate.choice("client", client, EPHEMERAL_PORTS)]
