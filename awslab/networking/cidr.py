"""IPv4 CIDR arithmetic the way a VPC sees it: sizes, reserved addresses, subnet plans, bit-level views.

All math uses the standard library's :mod:`ipaddress`. Addresses are strings in dotted-quad form.

References:
    - Amazon VPC User Guide, "VPC CIDR blocks",
      https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html (read 2026-11-27)
    - Amazon VPC User Guide, "Subnet CIDR blocks",
      https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html (read 2026-11-27)
    - Amazon VPC User Guide, "Default VPCs",
      https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html (read 2026-11-27)
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

# VPC User Guide, "VPC CIDR blocks" and "Subnet CIDR blocks" (vpc-cidr-blocks.html, subnet-sizing.html),
# read 2026-11-27: IPv4 VPC and subnet blocks range from /16 (65,536 addresses) to /28 (16 addresses).
VPC_MIN_PREFIX = 16
VPC_MAX_PREFIX = 28
# subnet-sizing.html, read 2026-11-27: the first four and the last address of every subnet are reserved.
RESERVED_PER_SUBNET = 5
# VPC User Guide, "Default VPCs" (default-vpc.html), read 2026-11-27: 172.31.0.0/16 with one /20 per AZ.
DEFAULT_VPC_CIDR = "172.31.0.0/16"
DEFAULT_SUBNET_PREFIX = 20

_RESERVED_ROLES = (
    "network address",
    "VPC router",
    "DNS server (Amazon-provided, base + 2)",
    "reserved by AWS for future use",
    "network broadcast address (broadcast is not supported in a VPC)",
)


@checked
def parse_network(
    name: str, cidr: str, *, min_prefix: int = VPC_MIN_PREFIX, max_prefix: int = VPC_MAX_PREFIX
) -> ipaddress.IPv4Network:
    """Return ``cidr`` as an IPv4Network, checking it is aligned and inside /min_prefix-/max_prefix.

    >>> parse_network("vpc_cidr", "10.0.0.0/16")
    IPv4Network('10.0.0.0/16')
    """
    low = validate.integer("min_prefix", min_prefix, minimum=0, maximum=32)
    validate.integer("max_prefix", max_prefix, minimum=low, maximum=32, minimum_name="min_prefix")
    if not isinstance(cidr, str):
        raise ValueError(f"{name} must be an IPv4 CIDR string such as '10.0.0.0/16', got {cidr!r}")
    try:
        network = ipaddress.IPv4Network(cidr, strict=False)
    except (ipaddress.AddressValueError, ipaddress.NetmaskValueError, ValueError) as exc:
        raise ValueError(f"{name}={cidr!r} is not an IPv4 CIDR block such as '10.0.0.0/16' ({exc})") from None
    if "/" not in cidr:
        raise ValueError(f"{name}={cidr!r} has no prefix length; write it as e.g. '{cidr}/24'")
    if str(network) != cidr.strip():
        raise ValueError(f"{name}={cidr!r} has host bits set; the block starting there is '{network}'")
    if not min_prefix <= network.prefixlen <= max_prefix:
        raise ValueError(
            f"{name}={cidr!r}: prefix /{network.prefixlen} is outside the allowed range /{min_prefix}-/{max_prefix}"
        )
    return network


@checked
def parse_address(name: str, address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """Return ``address`` as an ip_address, raising ValueError naming ``name`` if it is not one.

    >>> parse_address("destination", "10.0.1.5")
    IPv4Address('10.0.1.5')
    """
    try:
        return ipaddress.ip_address(address)
    except (ValueError, TypeError):
        raise ValueError(f"{name}={address!r} is not an IP address such as '10.0.1.25'") from None


@checked
def usable_addresses(cidr: str) -> int:
    """Number of addresses an AWS subnet with this CIDR (/16-/28) can hand out: size minus the five reserved.

    >>> usable_addresses("10.0.1.0/24")
    251
    """
    network = parse_network("cidr", cidr)
    return network.num_addresses - RESERVED_PER_SUBNET


@checked
def reserved_addresses(cidr: str) -> list[str]:
    """The five addresses AWS reserves in a subnet, in order: base, +1, +2, +3 and the last address.

    >>> reserved_addresses("10.0.1.0/28")
    ['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.15']
    """
    network = parse_network("cidr", cidr)
    base = network.network_address
    return [str(base), str(base + 1), str(base + 2), str(base + 3), str(network.broadcast_address)]


@checked
def reserved_address_roles(cidr: str) -> list[tuple[str, str]]:
    """Pairs (address, what AWS uses it for) for the five reserved addresses of ``cidr``.

    >>> reserved_address_roles("10.0.1.0/28")[2]
    ('10.0.1.2', 'DNS server (Amazon-provided, base + 2)')
    """
    return list(zip(reserved_addresses(cidr), _RESERVED_ROLES, strict=True))


@checked
def prefix_for_hosts(hosts_needed: int) -> int:
    """Longest prefix (smallest subnet) whose usable addresses cover ``hosts_needed`` after AWS's five reserved.

    >>> prefix_for_hosts(1000)
    22
    """
    hosts = validate.integer(
        "hosts_needed", hosts_needed, minimum=1, maximum=2 ** (32 - VPC_MIN_PREFIX) - RESERVED_PER_SUBNET, unit="hosts"
    )
    host_bits = max(32 - VPC_MAX_PREFIX, math.ceil(math.log2(hosts + RESERVED_PER_SUBNET)))
    return 32 - host_bits


@checked
def plan_subnets(vpc_cidr: str, prefix_lengths: list[int]) -> list[str]:
    """Aligned, non-overlapping subnets inside ``vpc_cidr``, one per prefix length, in the order requested.

    Blocks are placed largest first, which packs power-of-two blocks without gaps, so the plan fits exactly
    when the requested sizes sum to no more than the VPC.

    >>> plan_subnets("10.0.0.0/16", [24, 24, 20])
    ['10.0.16.0/24', '10.0.17.0/24', '10.0.0.0/20']
    """
    vpc = parse_network("vpc_cidr", vpc_cidr)
    if not isinstance(prefix_lengths, (list, tuple)) or not prefix_lengths:
        raise ValueError(f"prefix_lengths must be a non-empty list of prefix lengths, got {prefix_lengths!r}")
    prefixes = [
        validate.integer(f"prefix_lengths[{i}]", p, minimum=max(VPC_MIN_PREFIX, vpc.prefixlen), maximum=VPC_MAX_PREFIX)
        for i, p in enumerate(prefix_lengths)
    ]
    needed = sum(2 ** (32 - p) for p in prefixes)
    if needed > vpc.num_addresses:
        raise ValueError(
            f"prefix_lengths={list(prefix_lengths)!r} need {needed:,} addresses but "
            f"vpc_cidr={vpc_cidr!r} has {vpc.num_addresses:,}"
        )
    order = sorted(range(len(prefixes)), key=lambda i: (prefixes[i], i))
    result: list[str] = [""] * len(prefixes)
    cursor = int(vpc.network_address)
    for i in order:
        result[i] = f"{ipaddress.IPv4Address(cursor)}/{prefixes[i]}"
        cursor += 2 ** (32 - prefixes[i])
    return result


@checked
def overlapping_pairs(cidrs: list[str]) -> list[tuple[str, str]]:
    """Every pair of blocks in ``cidrs`` that share at least one address (any prefix /0-/32 accepted).

    >>> overlapping_pairs(["10.0.0.0/24", "10.0.0.128/25", "10.0.1.0/24"])
    [('10.0.0.0/24', '10.0.0.128/25')]
    """
    networks = [parse_network(f"cidrs[{i}]", c, min_prefix=0, max_prefix=32) for i, c in enumerate(cidrs)]
    return [
        (cidrs[i], cidrs[j])
        for i in range(len(networks))
        for j in range(i + 1, len(networks))
        if networks[i].overlaps(networks[j])
    ]


@checked
def free_blocks(vpc_cidr: str, used: list[str]) -> list[str]:
    """The largest aligned blocks of ``vpc_cidr`` not covered by any block in ``used``.

    >>> free_blocks("10.0.0.0/22", ["10.0.0.0/24"])
    ['10.0.1.0/24', '10.0.2.0/23']
    """
    vpc = parse_network("vpc_cidr", vpc_cidr)
    free = [vpc]
    for i, cidr in enumerate(used):
        block = parse_network(f"used[{i}]", cidr, min_prefix=0, max_prefix=32)
        next_free: list[ipaddress.IPv4Network] = []
        for candidate in free:
            if block.supernet_of(candidate):
                continue
            if candidate.supernet_of(block):
                next_free.extend(candidate.address_exclude(block))
            else:
                next_free.append(candidate)
        free = next_free
    return [str(n) for n in sorted(free)]


@dataclass(frozen=True)
class Tier:
    """One row of a subnet plan: a name, whether its route table sends 0.0.0.0/0 to an internet gateway, a size.

    >>> Tier("app", hosts_needed=100)
    Tier(name='app', public=False, prefix_length=None, hosts_needed=100)
    """

    name: str
    public: bool = False
    prefix_length: int | None = None
    hosts_needed: int | None = None

    def resolved_prefix(self) -> int:
        """The prefix length this tier's subnets get (from prefix_length or hosts_needed)."""
        if (self.prefix_length is None) == (self.hosts_needed is None):
            raise ValueError(
                f"tier {self.name!r} needs exactly one of prefix_length or hosts_needed, got "
                f"prefix_length={self.prefix_length!r}, hosts_needed={self.hosts_needed!r}"
            )
        if self.prefix_length is not None:
            return validate.integer(
                f"tier {self.name!r} prefix_length", self.prefix_length, minimum=VPC_MIN_PREFIX, maximum=VPC_MAX_PREFIX
            )
        return prefix_for_hosts(self.hosts_needed)


@dataclass(frozen=True)
class PlannedSubnet:
    """One subnet of a plan, with the address facts a learner checks against the console.

    >>> describe_subnet("app-a", "app", "us-east-1a", cidr="10.0.1.0/24", public=False).usable_addresses
    251
    """

    name: str
    tier: str
    availability_zone: str
    cidr: str
    public: bool
    total_addresses: int
    usable_addresses: int
    first_usable: str
    last_usable: str


@dataclass(frozen=True)
class VpcPlan:
    """A VPC CIDR, its subnets (tier by tier, AZ by AZ) and the blocks left free for growth.

    >>> plan_vpc("10.0.0.0/16", ["us-east-1a"], [Tier("web", prefix_length=24)]).free[:2]
    ('10.0.1.0/24', '10.0.2.0/23')
    """

    vpc_cidr: str
    availability_zones: tuple[str, ...]
    tiers: tuple[str, ...]
    subnets: tuple[PlannedSubnet, ...]
    free: tuple[str, ...]

    @property
    def used_addresses(self) -> int:
        """Addresses allocated to subnets (reserved ones included)."""
        return sum(s.total_addresses for s in self.subnets)


@checked
def describe_subnet(name: str, tier: str, availability_zone: str, *, cidr: str, public: bool) -> PlannedSubnet:
    """A PlannedSubnet with sizes and the first and last usable address of ``cidr``.

    >>> describe_subnet("web-a", "web", "us-east-1a", cidr="10.0.0.0/24", public=True).last_usable
    '10.0.0.254'
    """
    network = parse_network("cidr", cidr)
    return PlannedSubnet(
        name=name,
        tier=tier,
        availability_zone=availability_zone,
        cidr=cidr,
        public=public,
        total_addresses=network.num_addresses,
        usable_addresses=network.num_addresses - RESERVED_PER_SUBNET,
        first_usable=str(network.network_address + 4),
        last_usable=str(network.broadcast_address - 1),
    )


@checked
def plan_vpc(vpc_cidr: str, availability_zones: list[str], tiers: list[Tier]) -> VpcPlan:
    """Split ``vpc_cidr`` into one subnet per tier per AZ, sizes from each tier's prefix or hosts needed.

    >>> [s.cidr for s in plan_vpc("10.0.0.0/16", ["us-east-1a", "us-east-1b"], [Tier("web", public=True, prefix_length=24)]).subnets]
    ['10.0.0.0/24', '10.0.1.0/24']
    """
    if not availability_zones or len(set(availability_zones)) != len(availability_zones):
        raise ValueError(f"availability_zones must be a non-empty list of distinct names, got {availability_zones!r}")
    if not tiers or len({t.name for t in tiers}) != len(tiers):
        raise ValueError(f"tiers must be a non-empty list with distinct names, got {[t.name for t in tiers]!r}")
    keys = [(tier, az) for tier in tiers for az in availability_zones]
    cidrs = plan_subnets(vpc_cidr, [tier.resolved_prefix() for tier, _ in keys])
    subnets = tuple(
        describe_subnet(f"{tier.name}-{az}", tier.name, az, cidr=cidr, public=tier.public)
        for (tier, az), cidr in zip(keys, cidrs, strict=True)
    )
    return VpcPlan(
        vpc_cidr=vpc_cidr,
        availability_zones=tuple(availability_zones),
        tiers=tuple(t.name for t in tiers),
        subnets=subnets,
        free=tuple(free_blocks(vpc_cidr, list(cidrs))),
    )


@checked
def default_vpc_layout(availability_zones: list[str]) -> VpcPlan:
    """The default VPC AWS creates: 172.31.0.0/16 with a public /20 per AZ, in AZ order (at most 16 AZs).

    >>> default_vpc_layout(["us-east-1a", "us-east-1b"]).subnets[1].cidr
    '172.31.16.0/20'
    """
    count = validate.integer(
        "len(availability_zones)",
        len(availability_zones),
        minimum=1,
        maximum=2 ** (DEFAULT_SUBNET_PREFIX - VPC_MIN_PREFIX),
    )
    vpc = ipaddress.IPv4Network(DEFAULT_VPC_CIDR)
    blocks = [str(b) for b in vpc.subnets(new_prefix=DEFAULT_SUBNET_PREFIX)][:count]
    subnets = tuple(
        describe_subnet(f"default-{az}", "default", az, cidr=cidr, public=True)
        for az, cidr in zip(availability_zones, blocks, strict=True)
    )
    return VpcPlan(
        vpc_cidr=DEFAULT_VPC_CIDR,
        availability_zones=tuple(availability_zones),
        tiers=("default",),
        subnets=subnets,
        free=tuple(free_blocks(DEFAULT_VPC_CIDR, blocks)),
    )


@dataclass(frozen=True)
class CidrBits:
    """A bit-level view of an IPv4 CIDR: which of the 32 bits are network bits and which are host bits.

    >>> cidr_bits("10.0.1.0/24").broadcast_address
    '10.0.1.255'
    """

    cidr: str
    address: str
    prefix_length: int
    bits: tuple[int, ...]
    netmask: str
    network_address: str
    broadcast_address: str
    total_addresses: int
    first_host: str
    last_host: str
    aws_usable_addresses: int | None
    aws_first_usable: str | None
    aws_last_usable: str | None

    @property
    def host_bits(self) -> int:
        """Number of host bits (32 minus the prefix length)."""
        return 32 - self.prefix_length

    def octets(self) -> list[str]:
        """The bits grouped as four 8-character strings, one per octet."""
        text = "".join(map(str, self.bits))
        return [text[i : i + 8] for i in range(0, 32, 8)]


@checked
def cidr_bits(cidr: str) -> CidrBits:
    """Bit-level view of ``cidr`` (any address/prefix /0-/32; host bits may be set, as in cidr.xyz).

    >>> cidr_bits("10.0.1.0/28").aws_usable_addresses
    11
    """
    if not isinstance(cidr, str) or "/" not in cidr:
        raise ValueError(f"cidr={cidr!r} must look like '10.0.0.0/16'")
    address_text, _, prefix_text = cidr.partition("/")
    address = parse_address("cidr", address_text)
    if address.version != 4:
        raise ValueError(f"cidr={cidr!r} is not IPv4; the bit view covers IPv4 only")
    prefix = validate.integer(
        "prefix length", int(prefix_text) if prefix_text.isdigit() else prefix_text, minimum=0, maximum=32
    )
    network = ipaddress.IPv4Network(f"{address}/{prefix}", strict=False)
    value = int(address)
    bits = tuple((value >> (31 - i)) & 1 for i in range(32))
    if network.num_addresses > 2:
        first_host, last_host = network.network_address + 1, network.broadcast_address - 1
    else:
        first_host, last_host = network.network_address, network.broadcast_address
    in_aws_range = VPC_MIN_PREFIX <= prefix <= VPC_MAX_PREFIX
    return CidrBits(
        cidr=f"{address}/{prefix}",
        address=str(address),
        prefix_length=prefix,
        bits=bits,
        netmask=str(network.netmask),
        network_address=str(network.network_address),
        broadcast_address=str(network.broadcast_address),
        total_addresses=network.num_addresses,
        first_host=str(first_host),
        last_host=str(last_host),
        aws_usable_addresses=network.num_addresses - RESERVED_PER_SUBNET if in_aws_range else None,
        aws_first_usable=str(network.network_address + 4) if in_aws_range else None,
        aws_last_usable=str(network.broadcast_address - 1) if in_aws_range else None,
    )


# The six Availability Zones of us-east-1 (its zone names; a plan takes the first N).
AZ_NAMES = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"]
