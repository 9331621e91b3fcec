"""Transit Gateway route tables and segmentation: can A reach B, and back, hop by hop.

The transit gateway is given in the EC2 API's own shapes:

- ``attachments``: DescribeTransitGatewayAttachments items. Each carries its one ``Association`` (the route table
  that routes what *arrives* from that attachment); VPC attachments may carry the DescribeTransitGatewayVpcAttachments
  ``Options`` (``ApplianceModeSupport``).
- ``route_tables``: one dict per TransitGatewayRouteTable with its static ``Routes`` (SearchTransitGatewayRoutes
  shape: ``DestinationCidrBlock``, ``TransitGatewayAttachments``, ``Type``, ``State``) and its ``Propagations``
  (GetTransitGatewayRouteTablePropagations shape).
- ``cidrs``: what each attached resource propagates (a VPC's CIDR blocks, the prefixes on-premises routers announce).
- ``vpc_routes``: the workload subnets' route table (describe-route-tables ``Routes``) of each attached VPC.
- ``appliances``: VPCs that inspect traffic and hand it back to the transit gateway (an inspection VPC), by VpcId,
  with the id of the firewall or Gateway Load Balancer endpoint that does it.

Route selection is the VPC chapter's own (:func:`awslab.networking.routing.select_route`): longest prefix first, then
a static route over a propagated one. Among propagated routes for the same prefix the transit gateway prefers, in
order, VPC, Direct Connect gateway, Connect, then VPN propagations (``PROPAGATION_PREFERENCE``).

>>> walk = can_reach(PRESETS["isolated VPCs + shared services"], source="prod-a", destination="prod-b")
>>> walk.verdict, walk.blocking_hop.explanation
('request blocked', 'no route matches 10.2.0.10 in tgw-rtb-spokes: the transit gateway drops the packet')

References:
    - Amazon VPC Transit Gateways, "How AWS Transit Gateway works" (route tables, associations, propagations, route
      evaluation order, Availability Zones and appliance mode),
      https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html (read 2026-12-03)
    - Amazon VPC Transit Gateways, "Transit gateways in AWS Transit Gateway" (one route table per attachment,
      segmentation), https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html (read 2026-12-03)
    - Amazon VPC Transit Gateways, "AWS Transit Gateway Quotas",
      https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html (read 2026-12-03)
    - Amazon VPC Transit Gateways, "Amazon VPC attachments in AWS Transit Gateway" (one subnet per AZ, no overlapping
      CIDRs), https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html (read 2026-12-03)
    - AWS Network Firewall Developer Guide, "Transit gateway attachment configuration for AWS Network Firewall"
      (appliance mode on the inspection VPC's attachment),
      https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config-tgw-multi-az.html (read 2026-12-03)
    - Amazon EC2 API Reference, "SearchTransitGatewayRoutes" and "TransitGatewayRouteTable",
      https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SearchTransitGatewayRoutes.html (read 2026-12-03)
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field, replace
from functools import lru_cache

from awslab import validate
from awslab.networking.cidr import parse_address
from awslab.networking.routing import check_routes, select_route
from awslab.networking.walk import Hop, PacketWalk
from awslab.validate import checked

# AWS Transit Gateway Quotas (transit-gateway-quotas.html), read 2026-12-03.
TRANSIT_GATEWAYS_PER_ACCOUNT = 5  # per Region, adjustable
ROUTE_TABLES_PER_TRANSIT_GATEWAY = 20  # adjustable
ROUTES_PER_TRANSIT_GATEWAY = 10_000  # static and dynamic, across all its route tables; adjustable
ATTACHMENTS_PER_TRANSIT_GATEWAY = 5_000  # not adjustable
# The quotas page's Bandwidth section: a VPC attachment carries up to 100 Gbps per Availability Zone (burst).
VPC_ATTACHMENT_GBPS_PER_AZ = 100
MTU_BYTES = 8_500  # between VPCs, Direct Connect, Connect and peering attachments (VPN: 1,500)

# "Route evaluation order" (how-transit-gateways-work.html): most specific first; for one prefix, static routes,
# then prefix-list routes, then propagated routes from VPCs, Direct Connect gateways, Connect, then VPN.
PROPAGATION_PREFERENCE = ("vpc", "direct-connect-gateway", "connect", "vpn", "peering")
_ORIGIN = {"static": "CreateRoute", "propagated": "EnableVgwRoutePropagation"}  # routing.py's tie-break origins
_MAX_TGW_PASSES = 4  # an inspection VPC sends a packet back once; more passes than this is a routing loop


@dataclass(frozen=True)
class TransitNetwork:
    """A transit gateway and what hangs off it, in the EC2 API's shapes (see the module docstring).

    >>> sorted(PRESETS["flat: one route table"].resources)[:2]
    ['dev', 'on-premises']
    """

    attachments: list[dict]
    route_tables: list[dict]
    cidrs: dict[str, list[str]]
    vpc_routes: dict[str, list[dict]] = field(default_factory=dict)
    appliances: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # ResourceId -> a short name for hops and figures

    def __post_init__(self):
        _check_network(self)

    @property
    def resources(self) -> dict[str, str]:
        """Short name -> ResourceId of every attached resource."""
        return {self.names.get(a["ResourceId"], a["ResourceId"]): a["ResourceId"] for a in self.attachments}


def _check_network(net: TransitNetwork) -> None:
    if not isinstance(net.attachments, list) or not all(isinstance(a, dict) for a in net.attachments):
        raise ValueError("attachments must be a list of DescribeTransitGatewayAttachments items (dicts)")
    if not isinstance(net.route_tables, list) or not all(isinstance(t, dict) for t in net.route_tables):
        raise ValueError("route_tables must be a list of transit gateway route tables (dicts)")
    tables = {t.get("TransitGatewayRouteTableId") for t in net.route_tables}
    if None in tables:
        raise ValueError("every route table needs a TransitGatewayRouteTableId")
    attachment_ids = set()
    for a in net.attachments:
        for key in ("TransitGatewayAttachmentId", "ResourceId", "ResourceType"):
            if not isinstance(a.get(key), str):
                raise ValueError(f"attachment {a!r} needs a string {key}")
        if a["ResourceType"] not in PROPAGATION_PREFERENCE:
            raise ValueError(
                f"attachment {a['TransitGatewayAttachmentId']}: ResourceType={a['ResourceType']!r} is not one of "
                f"{', '.join(PROPAGATION_PREFERENCE)}"
            )
        association = a.get("Association")
        if association and association.get("TransitGatewayRouteTableId") not in tables:
            raise ValueError(
                f"attachment {a['TransitGatewayAttachmentId']} is associated with "
                f"{association.get('TransitGatewayRouteTableId')!r}, which is not among route_tables"
            )
        attachment_ids.add(a["TransitGatewayAttachmentId"])
    for t in net.route_tables:
        where = t["TransitGatewayRouteTableId"]
        for index, route in enumerate(t.get("Routes", [])):
            if not isinstance(route, dict):
                raise ValueError(f"{where}.Routes[{index}] must be a SearchTransitGatewayRoutes route (a dict)")
            _network("DestinationCidrBlock", route.get("DestinationCidrBlock"), f"{where}.Routes[{index}]")
            if route.get("State", "active") not in ("active", "blackhole"):
                raise ValueError(f"{where}.Routes[{index}].State={route.get('State')!r} must be active or blackhole")
            for target in route.get("TransitGatewayAttachments", []):
                if target.get("TransitGatewayAttachmentId") not in attachment_ids:
                    raise ValueError(
                        f"{where}.Routes[{index}] targets {target.get('TransitGatewayAttachmentId')!r}, "
                        "which is not among the attachments"
                    )
            if route.get("State", "active") == "active" and not route.get("TransitGatewayAttachments"):
                raise ValueError(f"{where}.Routes[{index}] is active but names no TransitGatewayAttachments")
        for p in t.get("Propagations", []):
            if p.get("TransitGatewayAttachmentId") not in attachment_ids:
                raise ValueError(f"{where} propagates {p.get('TransitGatewayAttachmentId')!r}: not an attachment")
    if not isinstance(net.cidrs, dict):
        raise ValueError("cidrs must map a ResourceId to the CIDR blocks it propagates")
    for resource, blocks in net.cidrs.items():
        for block in blocks:
            _network("cidrs", block, resource)
    for vpc, routes in net.vpc_routes.items():
        check_routes(routes, f"vpc_routes[{vpc!r}]")


def _network(name: str, value, where: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {name}={value!r} is not a CIDR block such as '10.0.0.0/16'") from None


# --- route tables ------------------------------------------------------------------------------------------------
@checked
def effective_routes(network: TransitNetwork, route_table_id: str) -> list[dict]:
    """The route table's routes as SearchTransitGatewayRoutes returns them: its static routes, then the propagated.

    >>> [r["DestinationCidrBlock"] for r in effective_routes(PRESETS["isolated VPCs + shared services"], "tgw-rtb-spokes")]
    ['192.168.99.0/24', '10.100.0.0/16', '192.168.0.0/16']
    """
    table = _table(network, route_table_id)
    routes = [dict(r, Type=r.get("Type", "static"), State=r.get("State", "active")) for r in table.get("Routes", [])]
    by_id = {a["TransitGatewayAttachmentId"]: a for a in network.attachments}
    propagated = []
    for p in table.get("Propagations", []):
        if p.get("State", "enabled") != "enabled":
            continue
        attachment = by_id[p["TransitGatewayAttachmentId"]]
        for block in network.cidrs.get(attachment["ResourceId"], []):
            propagated.append(
                {
                    "DestinationCidrBlock": block,
                    "TransitGatewayAttachments": [_target(attachment)],
                    "Type": "propagated",
                    "State": "active",
                }
            )
    propagated.sort(key=lambda r: PROPAGATION_PREFERENCE.index(r["TransitGatewayAttachments"][0]["ResourceType"]))
    return routes + propagated


def _target(attachment: dict) -> dict:
    return {
        "ResourceId": attachment["ResourceId"],
        "TransitGatewayAttachmentId": attachment["TransitGatewayAttachmentId"],
        "ResourceType": attachment["ResourceType"],
    }


def _table(network: TransitNetwork, route_table_id: str) -> dict:
    for table in network.route_tables:
        if table["TransitGatewayRouteTableId"] == route_table_id:
            return table
    known = ", ".join(t["TransitGatewayRouteTableId"] for t in network.route_tables)
    raise ValueError(f"route_table_id={route_table_id!r} is not a route table of the network (known: {known})")


@dataclass(frozen=True)
class TgwRouteChoice:
    """The transit gateway route a destination takes: the route (or None), its next attachment, and why.

    >>> choose_route(PRESETS["flat: one route table"], "tgw-rtb-flat", "10.2.0.10").attachment_id
    'tgw-attach-prod-b'
    """

    route: dict | None
    attachment_id: str | None
    blackhole: bool
    explanation: str

    @property
    def forwards(self) -> bool:
        """True when the packet leaves through an attachment."""
        return self.attachment_id is not None and not self.blackhole


@checked
def choose_route(network: TransitNetwork, route_table_id: str, destination: str) -> TgwRouteChoice:
    """Longest prefix, then static over propagated (routing.select_route over the table's effective routes).

    >>> choose_route(PRESETS["isolated VPCs + shared services"], "tgw-rtb-spokes", "192.168.99.5").explanation
    '192.168.99.5 matches 192.168.99.0/24 (longest prefix /24, static) in tgw-rtb-spokes: a blackhole route, the transit gateway drops the packet'
    """
    parse_address("destination", destination)
    routes = effective_routes(network, route_table_id)
    # The VPC chapter's selector reads EC2 route-table routes: one per TGW route, same prefix, same tie-break origin.
    as_vpc_routes = [
        {
            "DestinationCidrBlock": r["DestinationCidrBlock"],
            "TransitGatewayId": (r.get("TransitGatewayAttachments") or [{}])[0].get(
                "TransitGatewayAttachmentId", "blackhole"
            ),
            "Origin": _ORIGIN[r["Type"]],
            "State": r["State"],
        }
        for r in routes
    ]
    choice = select_route(as_vpc_routes, destination)
    if choice.route is None:
        return TgwRouteChoice(
            None,
            None,
            False,
            f"no route matches {destination} in {route_table_id}: the transit gateway drops the packet",
        )
    route = routes[next(i for i, r in enumerate(as_vpc_routes) if r is choice.route)]
    head = (
        f"{destination} matches {route['DestinationCidrBlock']} (longest prefix /{choice.matched_cidr.split('/')[1]}, "
        f"{route['Type']}) in {route_table_id}"
    )
    if choice.blackhole:
        return TgwRouteChoice(route, None, True, f"{head}: a blackhole route, the transit gateway drops the packet")
    target = route["TransitGatewayAttachments"][0]
    name = network.names.get(target["ResourceId"], target["ResourceId"])
    return TgwRouteChoice(
        route, target["TransitGatewayAttachmentId"], False, f"{head} -> {target['TransitGatewayAttachmentId']} ({name})"
    )


# --- the walk ----------------------------------------------------------------------------------------------------
def _owner(network: TransitNetwork, address: str) -> str | None:
    ip = parse_address("address", address)
    best = None
    for resource, blocks in network.cidrs.items():
        for block in blocks:
            net = ipaddress.ip_network(block)
            if net.version == ip.version and ip in net and (best is None or net.prefixlen > best[0]):
                best = (net.prefixlen, resource)
    return best[1] if best else None


def _attachment_of(network: TransitNetwork, resource_id: str) -> dict | None:
    return next((a for a in network.attachments if a["ResourceId"] == resource_id), None)


class _Walker:
    def __init__(self, network: TransitNetwork):
        self.net = network
        self.hops: list[Hop] = []
        self.leg = "request"
        self.inspected_in: dict[str, list[str]] = {"request": [], "response": []}

    def add(self, component: str, resource_id: str, allowed: bool, explanation: str) -> bool:
        self.hops.append(Hop(self.leg, component, resource_id, allowed, explanation))
        return allowed

    def name(self, resource_id: str) -> str:
        return self.net.names.get(resource_id, resource_id)

    def leave_vpc(self, vpc_id: str, destination: str) -> bool:
        routes = self.net.vpc_routes.get(vpc_id)
        if routes is None:
            return True  # no subnet table given: the VPC sends everything that is not its own to the transit gateway
        choice = select_route(routes, destination)
        ok = choice.routed and choice.target_kind == "transit_gateway"
        text = choice.explanation
        if choice.routed and not ok:
            text += "; the packet never reaches the transit gateway"
        return self.add(f"subnet route table ({self.name(vpc_id)})", vpc_id, ok, text)

    def through(self, source_resource: str, destination: str, az: str) -> bool:
        """From an attached resource to the owner of ``destination`` through the TGW; False where it stops."""
        here = source_resource
        for _ in range(_MAX_TGW_PASSES):
            attachment = _attachment_of(self.net, here)
            if attachment is None:
                return self.add("transit gateway", here, False, f"{self.name(here)} is not attached to the TGW")
            association = attachment.get("Association")
            if not association or association.get("State", "associated") != "associated":
                return self.add(
                    "transit gateway",
                    attachment["TransitGatewayAttachmentId"],
                    False,
                    f"{attachment['TransitGatewayAttachmentId']} is associated with no route table: "
                    "the transit gateway has nowhere to look the packet up and drops it",
                )
            table_id = association["TransitGatewayRouteTableId"]
            choice = choose_route(self.net, table_id, destination)
            if not self.add(f"TGW route table (from {self.name(here)})", table_id, choice.forwards, choice.explanation):
                return False
            target = next(a for a in self.net.attachments if a["TransitGatewayAttachmentId"] == choice.attachment_id)
            there = target["ResourceId"]
            if there in self.net.appliances:
                endpoint = self.net.appliances[there]
                mode = target.get("Options", {}).get("ApplianceModeSupport", "disable") == "enable"
                chosen_az = "the flow's AZ" if mode else az
                self.inspected_in[self.leg].append("flow" if mode else az)
                self.add(
                    f"inspection ({self.name(there)})",
                    endpoint,
                    True,
                    f"the inspection VPC's TGW subnet routes the packet to {endpoint} in {chosen_az} "
                    f"({'appliance mode: one AZ for both directions' if mode else 'no appliance mode: the AZ it entered in'})"
                    "; the firewall subnet routes it back to the transit gateway",
                )
                here = there
                continue
            owner = _owner(self.net, destination)
            if owner != there:
                return self.add(
                    "attachment",
                    target["TransitGatewayAttachmentId"],
                    False,
                    f"sent to {self.name(there)}, which does not hold {destination}: the packet is lost",
                )
            return self.add(
                "attachment",
                target["TransitGatewayAttachmentId"],
                True,
                f"delivered into {self.name(there)} ({target['ResourceType']})",
            )
        return self.add("transit gateway", "loop", False, "the packet loops between route tables and is dropped")


@checked
def can_reach(
    network: TransitNetwork,
    *,
    source: str,
    destination: str,
    source_az: str = "use1-az1",
    destination_az: str = "use1-az1",
) -> PacketWalk:
    """Walk a request from ``source`` to ``destination`` (short names, ResourceIds or IPs) and its response back.

    Both legs run through the route table each attachment is associated with; a stateful inspection appliance that
    sees only one direction (no appliance mode, the two ends in different AZs) drops the response.

    >>> can_reach(PRESETS["isolated VPCs + shared services"], source="prod-a", destination="shared services").verdict
    'connected'
    """
    src_ip, dst_ip = _address(network, "source", source), _address(network, "destination", destination)
    src, dst = _owner(network, src_ip), _owner(network, dst_ip)
    if src is None or dst is None:
        which = "source" if src is None else "destination"
        raise ValueError(f"{which}={source if src is None else destination!r} is in no attached resource's CIDR blocks")
    if src == dst:
        raise ValueError(
            f"source and destination are both in {network.names.get(src, src)}: the VPC routes that locally"
        )
    w = _Walker(network)
    request = _leg(w, src, dst_ip, source_az)
    response = False
    if request:
        w.leg = "response"
        response = _leg(w, dst, src_ip, destination_az)
        if response:
            there, back = w.inspected_in["request"], w.inspected_in["response"]
            if there and back and there != back:
                response = w.add(
                    "inspection (return)",
                    network.appliances[next(iter(network.appliances))],
                    False,
                    f"the request was inspected in {there[0]} but the response arrives at the firewall in {back[0]}: "
                    "a stateful firewall that never saw the request drops the reply (turn on appliance mode on the "
                    "inspection VPC's attachment)",
                )
    return PacketWalk(source, destination, "-1", 0, 0, request, response, tuple(w.hops))


def _leg(w: _Walker, src: str, destination: str, az: str) -> bool:
    attachment = _attachment_of(w.net, src)
    if attachment is not None and attachment["ResourceType"] == "vpc" and not w.leave_vpc(src, destination):
        return False
    return w.through(src, destination, az)


def _address(network: TransitNetwork, name: str, value: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a resource name, a ResourceId or an IP address, got {value!r}")
    if value in SAMPLE_HOSTS and value in network.resources:
        return SAMPLE_HOSTS[value]
    resource = network.resources.get(value, value)
    if resource in network.cidrs:
        block = ipaddress.ip_network(network.cidrs[resource][0])
        return str(block.network_address + 10)
    parse_address(name, value)
    return value


@checked
def reachability_matrix(
    network: TransitNetwork,
    names: list[str] | None = None,
    *,
    source_az: str = "use1-az1",
    destination_az: str = "use1-az1",
) -> dict[tuple[str, str], str]:
    """(source, destination) -> the walk's verdict, for every ordered pair of ``names`` (default: all resources).

    >>> m = reachability_matrix(PRESETS["isolated VPCs + shared services"], ["prod-a", "prod-b", "shared services"])
    >>> m[("prod-a", "prod-b")], m[("prod-a", "shared services")]
    ('request blocked', 'connected')
    """
    names = names or list(network.resources)
    return {
        (a, b): can_reach(network, source=a, destination=b, source_az=source_az, destination_az=destination_az).verdict
        for a in names
        for b in names
        if a != b
    }


@lru_cache(maxsize=32)
def preset_matrix(preset: str, cross_az: bool = False) -> dict[tuple[str, str], str]:
    """The reachability matrix of a preset design over its five attached networks (memoised: presets never change).

    ``cross_az``: every flow's two ends sit in different AZs (what breaks inspection without appliance mode).

    >>> preset_matrix("prod and dev segments")[("dev", "prod-a")]
    'request blocked'
    >>> preset_matrix("inspection VPC (appliance mode off)", cross_az=True)[("dev", "prod-a")]
    'request delivered, response lost'
    """
    name = validate.choice("preset", preset, PRESETS)
    return reachability_matrix(
        PRESETS[name], list(SAMPLE_HOSTS)[:5], destination_az="use1-az2" if cross_az else "use1-az1"
    )


@checked
def with_static_route(
    network: TransitNetwork, route_table_id: str, destination_cidr: str, attachment_id: str | None = None
) -> TransitNetwork:
    """A copy of ``network`` with a static route added (``attachment_id=None``: a blackhole route).

    >>> net = with_static_route(PRESETS["flat: one route table"], "tgw-rtb-flat", "10.2.0.0/24")
    >>> can_reach(net, source="prod-a", destination="prod-b").verdict
    'request blocked'
    """
    _table(network, route_table_id)
    _network("destination_cidr", destination_cidr, "with_static_route")
    if attachment_id is None:
        route = {"DestinationCidrBlock": destination_cidr, "Type": "static", "State": "blackhole"}
    else:
        target = next((a for a in network.attachments if a["TransitGatewayAttachmentId"] == attachment_id), None)
        if target is None:
            raise ValueError(f"attachment_id={attachment_id!r} is not among the network's attachments")
        route = {
            "DestinationCidrBlock": destination_cidr,
            "TransitGatewayAttachments": [_target(target)],
            "Type": "static",
            "State": "active",
        }
    tables = [
        dict(t, Routes=[*t.get("Routes", []), route]) if t["TransitGatewayRouteTableId"] == route_table_id else t
        for t in network.route_tables
    ]
    return replace(network, route_tables=tables)


@checked
def with_routes(network: TransitNetwork, requests: list[dict]) -> TransitNetwork:
    """A copy with each CreateTransitGatewayRoute request applied (``Blackhole: true`` for a blackhole route).

    >>> req = {"TransitGatewayRouteTableId": "tgw-rtb-spokes", "DestinationCidrBlock": "10.2.0.0/16",
    ...        "TransitGatewayAttachmentId": "tgw-attach-prod-b"}
    >>> can_reach(with_routes(PRESETS["isolated VPCs + shared services"], [req]), source="prod-a", destination="prod-b").verdict
    'request delivered, response lost'
    """
    for index, request in enumerate(requests):
        where = f"requests[{index}]"
        table, cidr = request.get("TransitGatewayRouteTableId"), request.get("DestinationCidrBlock")
        if not isinstance(table, str) or not isinstance(cidr, str):
            raise ValueError(
                f"{where} needs TransitGatewayRouteTableId and DestinationCidrBlock (CreateTransitGatewayRoute)"
            )
        blackhole = request.get("Blackhole", False)
        if not isinstance(blackhole, bool):
            raise ValueError(f"{where}.Blackhole={blackhole!r} must be true or false")
        attachment = request.get("TransitGatewayAttachmentId")
        if not blackhole and not isinstance(attachment, str):
            raise ValueError(f"{where} needs a TransitGatewayAttachmentId, or Blackhole: true")
        network = with_static_route(network, table, cidr, None if blackhole else attachment)
    return network


@checked
def with_appliance_mode(network: TransitNetwork, enabled: bool) -> TransitNetwork:
    """A copy with ApplianceModeSupport set on every inspection VPC's attachment.

    >>> net = with_appliance_mode(PRESETS["inspection VPC (appliance mode on)"], False)
    >>> can_reach(net, source="prod-a", destination="prod-b", source_az="use1-az1", destination_az="use1-az2").verdict
    'request delivered, response lost'
    """
    value = "enable" if enabled else "disable"
    attachments = [
        dict(a, Options=dict(a.get("Options", {}), ApplianceModeSupport=value))
        if a["ResourceId"] in network.appliances
        else a
        for a in network.attachments
    ]
    return replace(network, attachments=attachments)


# --- presets -----------------------------------------------------------------------------------------------------
# The same five attached networks in every preset; only the route tables differ.
_RESOURCES = {
    # short name: (ResourceId, ResourceType, CIDRs it propagates)
    "prod-a": ("vpc-0prod-a", "vpc", ["10.1.0.0/16"]),
    "prod-b": ("vpc-0prod-b", "vpc", ["10.2.0.0/16"]),
    "dev": ("vpc-0dev", "vpc", ["10.3.0.0/16"]),
    "shared services": ("vpc-0shared", "vpc", ["10.100.0.0/16"]),
    "on-premises": ("vpn-0office", "vpn", ["192.168.0.0/16"]),
}
SAMPLE_HOSTS = {
    "prod-a": "10.1.0.10",
    "prod-b": "10.2.0.10",
    "dev": "10.3.0.10",
    "shared services": "10.100.0.53",
    "on-premises": "192.168.10.5",
    "retired branch": "192.168.99.5",
}
INSPECTION = ("vpc-0inspect", ["10.200.0.0/16"], "vpce-0firewall")


def _attachment(name: str, resource_id: str, kind: str, table: str | None, **options) -> dict:
    item = {
        "TransitGatewayAttachmentId": f"tgw-attach-{name.replace(' ', '-')}",
        "TransitGatewayId": "tgw-0hub",
        "ResourceType": kind,
        "ResourceId": resource_id,
        "State": "available",
    }
    if table:
        item["Association"] = {"TransitGatewayRouteTableId": table, "State": "associated"}
    if options:
        item["Options"] = options
    return item


def _propagations(attachments: list[dict], names: list[str]) -> list[dict]:
    return [
        {
            "TransitGatewayAttachmentId": a["TransitGatewayAttachmentId"],
            "ResourceId": a["ResourceId"],
            "ResourceType": a["ResourceType"],
            "State": "enabled",
        }
        for a in attachments
        if a["TransitGatewayAttachmentId"].removeprefix("tgw-attach-") in [n.replace(" ", "-") for n in names]
    ]


def _spoke_routes(cidr: str) -> list[dict]:
    return [
        {"DestinationCidrBlock": cidr, "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
        {
            "DestinationCidrBlock": "0.0.0.0/0",
            "TransitGatewayId": "tgw-0hub",
            "Origin": "CreateRoute",
            "State": "active",
        },
    ]


def _preset(tables: dict[str, list[str]], assoc: dict[str, str], static: dict[str, list[tuple]], *, inspect=None):
    names = {rid: name for name, (rid, _, _) in _RESOURCES.items()}
    cidrs = {rid: blocks for rid, _, blocks in _RESOURCES.values()}
    attachments = [_attachment(n, rid, kind, assoc.get(n)) for n, (rid, kind, _) in _RESOURCES.items()]
    appliances = {}
    if inspect is not None:
        vpc, blocks, endpoint = INSPECTION
        names[vpc], cidrs[vpc], appliances[vpc] = "inspection", blocks, endpoint
        attachments.append(_attachment("inspection", vpc, "vpc", assoc["inspection"], ApplianceModeSupport=inspect))
    by_name = {a["TransitGatewayAttachmentId"].removeprefix("tgw-attach-"): a for a in attachments}
    route_tables = []
    for table_id, propagating in tables.items():
        routes = []
        for cidr, target in static.get(table_id, []):
            if target is None:
                routes.append({"DestinationCidrBlock": cidr, "Type": "static", "State": "blackhole"})
            else:
                routes.append(
                    {
                        "DestinationCidrBlock": cidr,
                        "TransitGatewayAttachments": [_target(by_name[target])],
                        "Type": "static",
                        "State": "active",
                    }
                )
        route_tables.append(
            {
                "TransitGatewayRouteTableId": table_id,
                "TransitGatewayId": "tgw-0hub",
                "State": "available",
                "Routes": routes,
                "Propagations": _propagations(attachments, propagating),
            }
        )
    vpc_routes = {rid: _spoke_routes(blocks[0]) for rid, kind, blocks in _RESOURCES.values() if kind == "vpc"}
    return TransitNetwork(attachments, route_tables, cidrs, vpc_routes, appliances, names)


@lru_cache(maxsize=1)
def _presets() -> dict[str, TransitNetwork]:
    everyone = list(_RESOURCES)
    spokes = ["prod-a", "prod-b", "dev"]
    inspection_tables = {"tgw-rtb-spokes": [], "tgw-rtb-firewall": everyone}
    inspection_assoc = {n: "tgw-rtb-spokes" for n in everyone} | {"inspection": "tgw-rtb-firewall"}
    inspection_static = {"tgw-rtb-spokes": [("0.0.0.0/0", "inspection")]}
    return {
        "flat: one route table": _preset({"tgw-rtb-flat": everyone}, {n: "tgw-rtb-flat" for n in everyone}, {}),
        "isolated VPCs + shared services": _preset(
            {"tgw-rtb-spokes": ["shared services", "on-premises"], "tgw-rtb-shared": everyone},
            {
                **{n: "tgw-rtb-spokes" for n in spokes},
                "shared services": "tgw-rtb-shared",
                "on-premises": "tgw-rtb-shared",
            },
            {"tgw-rtb-spokes": [("192.168.99.0/24", None)]},
        ),
        "prod and dev segments": _preset(
            {
                "tgw-rtb-prod": ["prod-a", "prod-b", "shared services", "on-premises"],
                "tgw-rtb-dev": ["dev", "shared services"],
                "tgw-rtb-shared": everyone,
            },
            {
                "prod-a": "tgw-rtb-prod",
                "prod-b": "tgw-rtb-prod",
                "dev": "tgw-rtb-dev",
                "shared services": "tgw-rtb-shared",
                "on-premises": "tgw-rtb-prod",
            },
            {},
        ),
        "inspection VPC (appliance mode on)": _preset(
            inspection_tables, inspection_assoc, inspection_static, inspect="enable"
        ),
        "inspection VPC (appliance mode off)": _preset(
            inspection_tables, inspection_assoc, inspection_static, inspect="disable"
        ),
    }


PRESETS = _presets()
PRESET_NAMES = list(PRESETS)
# (label, source, destination) flows the explorer offers; every preset holds all of them.
FLOWS = [
    ("prod-a -> prod-b", "prod-a", "prod-b"),
    ("prod-a -> dev", "prod-a", "dev"),
    ("dev -> shared services", "dev", "shared services"),
    ("prod-b -> on-premises", "prod-b", "on-premises"),
    ("dev -> on-premises", "dev", "on-premises"),
    ("prod-a -> retired branch (192.168.99.5)", "prod-a", "192.168.99.5"),
]
