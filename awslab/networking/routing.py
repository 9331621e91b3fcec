"""VPC route tables in EC2's own ``Routes`` shape: route selection and subnet classification.

A route is a dict as ``describe-route-tables`` returns it, e.g.
``{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0abc", "Origin": "CreateRoute", "State": "active"}``.

References:
    - Amazon VPC User Guide, "How route priority works",
      https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html (read 2026-11-27)
    - Amazon VPC User Guide, "Configure route tables",
      https://docs.aws.amazon.com/AmazonVPC/latest/UserGuide/VPC_Route_Tables.html (read 2026-12-03)
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from awslab.networking.cidr import parse_address
from awslab.validate import checked

# VPC User Guide, "Route tables" / "How route priority works" (route-tables-priority.html), read 2026-11-27:
# longest prefix first; on a tie static routes beat prefix-list routes, which beat propagated routes; a propagated
# route never overrides the local route, even when it is more specific.
TARGET_KINDS = {
    "local": "local route (inside the VPC)",
    "internet_gateway": "internet gateway",
    "egress_only_internet_gateway": "egress-only internet gateway",
    "nat_gateway": "NAT gateway",
    "nat_instance": "NAT instance",
    "network_interface": "network interface",
    "virtual_private_gateway": "virtual private gateway",
    "peering": "VPC peering connection",
    "gateway_endpoint": "gateway VPC endpoint",
    "transit_gateway": "transit gateway",
    "carrier_gateway": "carrier gateway",
}
_ID_FIELDS = (
    "GatewayId",
    "NatGatewayId",
    "InstanceId",
    "NetworkInterfaceId",
    "VpcPeeringConnectionId",
    "TransitGatewayId",
    "EgressOnlyInternetGatewayId",
    "CarrierGatewayId",
)
_GATEWAY_PREFIXES = {"igw-": "internet_gateway", "vgw-": "virtual_private_gateway", "vpce-": "gateway_endpoint"}
_FIELD_KINDS = {
    "NatGatewayId": "nat_gateway",
    "InstanceId": "nat_instance",
    "NetworkInterfaceId": "network_interface",
    "VpcPeeringConnectionId": "peering",
    "TransitGatewayId": "transit_gateway",
    "EgressOnlyInternetGatewayId": "egress_only_internet_gateway",
    "CarrierGatewayId": "carrier_gateway",
}
_PROPAGATED = "EnableVgwRoutePropagation"


@dataclass(frozen=True)
class RouteChoice:
    """The route a packet to ``destination`` takes, or ``route=None`` when no route matches.

    >>> select_route(route_table("10.0.0.0/16"), "8.8.8.8").routed
    False
    """

    destination: str
    route: dict | None
    target_kind: str | None
    target_id: str | None
    matched_cidr: str | None
    blackhole: bool
    explanation: str

    @property
    def routed(self) -> bool:
        """True when a usable (non-blackhole) route matched."""
        return self.route is not None and not self.blackhole


@dataclass(frozen=True)
class RouteTarget:
    """Where a route sends packets: its kind (a TARGET_KINDS key) and the target's id.

    >>> RouteTarget("internet_gateway", "igw-0abc").kind
    'internet_gateway'
    """

    kind: str
    target_id: str


@checked
def route_target(route: dict) -> RouteTarget:
    """A route's target, e.g. RouteTarget("internet_gateway", "igw-0abc"); kinds are TARGET_KINDS' keys.

    >>> route_target({"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-0a1b"})
    RouteTarget(kind='nat_gateway', target_id='nat-0a1b')
    """
    if not isinstance(route, dict):
        raise ValueError(f"route must be a dict in describe-route-tables Routes shape, got {route!r}")
    gateway = route.get("GatewayId")
    if gateway == "local":
        return RouteTarget("local", "local")
    if gateway:
        for prefix, kind in _GATEWAY_PREFIXES.items():
            if gateway.startswith(prefix):
                return RouteTarget(kind, gateway)
        raise ValueError(f"route GatewayId={gateway!r} is not one of: local, igw-..., vgw-..., vpce-...")
    for field, kind in _FIELD_KINDS.items():
        if route.get(field):
            # A route to an instance's ENI that the console shows with InstanceId is the classic NAT instance.
            return RouteTarget(kind, route[field])
    raise ValueError(f"route={route!r} has no target; expected one of: {', '.join(_ID_FIELDS)}")


_Net = ipaddress.IPv4Network | ipaddress.IPv6Network


def _route_destinations(route: dict, prefix_lists: dict[str, list[str]]) -> list[_Net]:
    if "DestinationCidrBlock" in route:
        return [ipaddress.ip_network(route["DestinationCidrBlock"])]
    if "DestinationIpv6CidrBlock" in route:
        return [ipaddress.ip_network(route["DestinationIpv6CidrBlock"])]
    if "DestinationPrefixListId" in route:
        pl = route["DestinationPrefixListId"]
        if pl not in prefix_lists:
            raise ValueError(
                f"route DestinationPrefixListId={pl!r} is not in prefix_lists (known: {sorted(prefix_lists) or 'none'})"
            )
        return [ipaddress.ip_network(c) for c in prefix_lists[pl]]
    raise ValueError(
        f"route={route!r} has no DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId"
    )


_DESTINATION_FIELDS = ("DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId")


@checked
def check_routes(routes: object, name: str = "routes") -> list[dict]:
    """``routes`` if each is a describe-route-tables route (a destination, a target), else a ValueError naming it.

    >>> len(check_routes(route_table("10.0.0.0/16", internet_gateway_id="igw-1")))
    2
    >>> check_routes([{"DestinationCidrBlock": 10, "GatewayId": "local"}])
    Traceback (most recent call last):
    ...
    ValueError: routes[0].DestinationCidrBlock=10 must be a CIDR string such as '10.0.0.0/16'
    """
    if not isinstance(routes, (list, tuple)):
        raise ValueError(f"{name} must be a list of describe-route-tables Routes, got {type(routes).__name__}")
    for index, route in enumerate(routes):
        where = f"{name}[{index}]"
        if not isinstance(route, dict):
            raise ValueError(f"{where} must be an object in describe-route-tables Routes shape, got {route!r}")
        for field in _DESTINATION_FIELDS:
            if field in route:
                value = route[field]
                if field == "DestinationPrefixListId":
                    if not isinstance(value, str):
                        raise ValueError(f"{where}.{field}={value!r} must be a prefix list id such as 'pl-63a5400a'")
                    continue
                if not isinstance(value, str):
                    raise ValueError(f"{where}.{field}={value!r} must be a CIDR string such as '10.0.0.0/16'")
                try:
                    ipaddress.ip_network(value)
                except ValueError:
                    raise ValueError(
                        f"{where}.{field}={value!r} is not a CIDR block with its host bits clear, e.g. '10.0.0.0/16'"
                    ) from None
        for field in (*_ID_FIELDS, "Origin", "State"):
            if route.get(field) is not None and not isinstance(route[field], str):
                raise ValueError(f"{where}.{field}={route[field]!r} must be a string")
    return list(routes)


def _tie_rank(route: dict) -> int:
    if route.get("Origin") == _PROPAGATED:
        return 2
    return 1 if "DestinationPrefixListId" in route else 0


@checked
def select_route(
    routes: list[dict], destination: str, *, prefix_lists: dict[str, list[str]] | None = None
) -> RouteChoice:
    """The route AWS uses for ``destination``: longest prefix, then static > prefix list > propagated.

    >>> select_route(ROUTE_TABLE_PRESETS["public subnet (internet gateway)"], "8.8.8.8").explanation
    '8.8.8.8 matches 0.0.0.0/0 (longest prefix /0) -> internet gateway igw-0a1b'
    """
    address = parse_address("destination", destination)
    lists = prefix_lists or {}
    if not isinstance(lists, dict):
        raise ValueError(f"prefix_lists must map a prefix list id to its CIDRs, got {type(lists).__name__}")
    candidates = []
    local_covers = False
    for position, route in enumerate(check_routes(routes)):
        for network in _route_destinations(route, lists):
            if network.version == address.version and address in network:
                candidates.append((network.prefixlen, -_tie_rank(route), -position, route, network))
                local_covers |= route.get("GatewayId") == "local"
    if local_covers:
        candidates = [c for c in candidates if c[3].get("Origin") != _PROPAGATED]
    if not candidates:
        return RouteChoice(
            destination, None, None, None, None, False, f"no route matches {destination}: the packet is dropped"
        )
    _, _, _, route, network = max(candidates, key=lambda c: c[:3])
    found = route_target(route)
    kind, target = found.kind, found.target_id
    blackhole = route.get("State") == "blackhole"
    via = "local route" if kind == "local" else f"{TARGET_KINDS[kind]} {target}"
    text = f"{destination} matches {network} (longest prefix /{network.prefixlen}) -> {via}" + (
        "; the target is gone (blackhole), the packet is dropped" if blackhole else ""
    )
    return RouteChoice(destination, route, kind, target, str(network), blackhole, text)


@checked
def classify_subnet(routes: list[dict]) -> str:
    """'public' (a route to an internet gateway), 'vpn-only' (to a virtual private gateway, no IGW) or 'private'.

    >>> classify_subnet(route_table("10.0.0.0/16", nat_gateway_id="nat-1"))
    'private'
    """
    kinds = {route_target(r).kind for r in check_routes(routes) if r.get("State") != "blackhole"}
    if "internet_gateway" in kinds:
        return "public"
    if "virtual_private_gateway" in kinds:
        return "vpn-only"
    return "private"


@checked
def route_table_for_subnet(route_tables: list[dict], subnet_id: str) -> dict:
    """The route table (DescribeRouteTables shape) associated with ``subnet_id``, else the VPC's main table.

    >>> route_table_for_subnet([{"RouteTableId": "rtb-main", "Associations": [{"Main": True}]}], "subnet-1")["RouteTableId"]
    'rtb-main'
    """
    main = None
    for table in route_tables:
        for association in table.get("Associations", []):
            if association.get("SubnetId") == subnet_id:
                return table
            if association.get("Main"):
                main = table
    if main is None:
        raise ValueError(
            f"subnet_id={subnet_id!r} has no associated route table in route_tables and no table there is marked Main"
        )
    return main


@checked
def route_table(
    vpc_cidr: str,
    *,
    internet_gateway_id: str | None = None,
    nat_gateway_id: str | None = None,
    vpn_gateway_id: str | None = None,
    on_premises_cidr: str = "192.168.0.0/16",
    peerings: dict[str, str] | None = None,
) -> list[dict]:
    """A Routes list like the one EC2 shows: the local route plus the default route and any VPN/peering routes.

    >>> [r["DestinationCidrBlock"] for r in route_table("10.0.0.0/16", internet_gateway_id="igw-1")]
    ['10.0.0.0/16', '0.0.0.0/0']
    """
    if internet_gateway_id and nat_gateway_id:
        raise ValueError("give internet_gateway_id or nat_gateway_id for 0.0.0.0/0, not both")
    routes = [{"DestinationCidrBlock": vpc_cidr, "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"}]
    if internet_gateway_id:
        routes.append(
            {
                "DestinationCidrBlock": "0.0.0.0/0",
                "GatewayId": internet_gateway_id,
                "Origin": "CreateRoute",
                "State": "active",
            }
        )
    if nat_gateway_id:
        routes.append(
            {
                "DestinationCidrBlock": "0.0.0.0/0",
                "NatGatewayId": nat_gateway_id,
                "Origin": "CreateRoute",
                "State": "active",
            }
        )
    if vpn_gateway_id:
        routes.append(
            {
                "DestinationCidrBlock": on_premises_cidr,
                "GatewayId": vpn_gateway_id,
                "Origin": "CreateRoute",
                "State": "active",
            }
        )
    for cidr, pcx in (peerings or {}).items():
        routes.append(
            {"DestinationCidrBlock": cidr, "VpcPeeringConnectionId": pcx, "Origin": "CreateRoute", "State": "active"}
        )
    return routes


# An example S3 prefix list (pl-63a5400a is S3's list in us-east-1; the ranges are a sample of its entries).
S3_PREFIX_LIST = {"pl-63a5400a": ["52.216.0.0/15", "3.5.0.0/19"]}
ROUTE_TABLE_PRESETS = {
    "public subnet (internet gateway)": route_table("10.0.0.0/16", internet_gateway_id="igw-0a1b"),
    "private subnet (NAT gateway)": route_table("10.0.0.0/16", nat_gateway_id="nat-0a1b"),
    "private subnet (NAT instance)": route_table("10.0.0.0/16")
    + [{"DestinationCidrBlock": "0.0.0.0/0", "InstanceId": "i-0nat", "Origin": "CreateRoute", "State": "active"}],
    "VPN-only subnet (virtual private gateway)": route_table("10.0.0.0/16", vpn_gateway_id="vgw-0a1b")
    + [
        {
            "DestinationCidrBlock": "10.0.5.0/24",
            "GatewayId": "vgw-0a1b",
            "Origin": "EnableVgwRoutePropagation",
            "State": "active",
        }
    ],
    "hybrid: IGW, VPN, peering, S3 endpoint": route_table(
        "10.0.0.0/16", internet_gateway_id="igw-0a1b", vpn_gateway_id="vgw-0a1b", peerings={"10.1.0.0/16": "pcx-0ab"}
    )
    + [{"DestinationPrefixListId": "pl-63a5400a", "GatewayId": "vpce-0s3", "Origin": "CreateRoute", "State": "active"}],
}
# (label, destination address) pairs that exercise every preset table's routes.
SAMPLE_DESTINATIONS = [
    ("8.8.8.8 (internet)", "8.8.8.8"),
    ("10.0.1.25 (same VPC)", "10.0.1.25"),
    ("10.0.5.9 (same VPC; on-prem also advertises it)", "10.0.5.9"),
    ("192.168.10.5 (on premises)", "192.168.10.5"),
    ("10.1.2.3 (peered VPC)", "10.1.2.3"),
    ("52.216.8.1 (Amazon S3)", "52.216.8.1"),
]
