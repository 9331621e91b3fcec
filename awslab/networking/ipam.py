"""IPAM pools: hand out VPC CIDRs from a pool so no two ever overlap (what a transit gateway needs).

Amazon VPC IP Address Manager keeps pools (a top-level pool, Regional pools inside it, pools per business unit) and
allocates a CIDR of a requested netmask length from a pool's free space, refusing overlaps with what it already
allocated. This model does the same with the standard library's ``ipaddress``: first fit, aligned on the block size,
lowest address first, and it reports allocations whose netmask lies outside the pool's allowed range.

>>> [a.cidr for a in allocate("10.0.0.0/8", [16, 16, 20], existing=["10.0.0.0/16"]).allocations]
['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/20']

References:
    - Amazon EC2 API Reference, "AllocateIpamPoolCidr" (an allocation never overlaps another allocation from the
      same pool; netmask lengths 0-32 for IPv4; pool allocation rules such as a default netmask length),
      https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AllocateIpamPoolCidr.html (read 2026-12-03)
    - Amazon VPC Transit Gateways, "Amazon VPC attachments in AWS Transit Gateway" (no routing between overlapping
      VPC CIDRs), https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html (read 2026-12-03)
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

# VPC User Guide (vpc-cidr-blocks.html): a VPC CIDR is /16 to /28. The model's pools allow that range unless told
# otherwise (min_netmask/max_netmask stand for a pool's allocation rules; not AWS's default for a new pool).
VPC_MIN_PREFIX, VPC_MAX_PREFIX = 16, 28


@dataclass(frozen=True)
class Allocation:
    """One CIDR given out from the pool (``cidr=None`` when the pool had no room for the request).

    >>> allocate("10.0.0.0/15", [16]).allocations[0]
    Allocation(netmask_length=16, cidr='10.0.0.0/16', explanation='first free aligned /16 in 10.0.0.0/15')
    """

    netmask_length: int
    cidr: str | None
    explanation: str


@dataclass(frozen=True)
class PoolState:
    """The pool after the requests: each allocation, what is free, and the share of the pool in use.

    >>> allocate("10.0.0.0/15", [16, 16, 16]).refused
    1
    """

    pool_cidr: str
    allocations: tuple[Allocation, ...]
    existing: tuple[str, ...]
    free: tuple[str, ...]
    used_fraction: float

    @property
    def refused(self) -> int:
        """How many requests found no room."""
        return sum(a.cidr is None for a in self.allocations)


def _pool(pool_cidr: str) -> ipaddress.IPv4Network:
    try:
        pool = ipaddress.ip_network(pool_cidr)
    except (TypeError, ValueError):
        raise ValueError(
            f"pool_cidr={pool_cidr!r} is not an IPv4 CIDR block with host bits clear, e.g. 10.0.0.0/8"
        ) from None
    if pool.version != 4:
        raise ValueError(f"pool_cidr={pool_cidr!r}: this model allocates IPv4 only")
    return pool


@checked
def allocate(
    pool_cidr: str,
    netmask_lengths: list[int],
    *,
    existing: list[str] | None = None,
    min_netmask: int = VPC_MIN_PREFIX,
    max_netmask: int = VPC_MAX_PREFIX,
) -> PoolState:
    """Allocate one CIDR per requested netmask length, first fit, never overlapping ``existing`` or each other.

    >>> allocate("10.0.0.0/16", [28], min_netmask=24).allocations[0].cidr
    '10.0.0.0/28'
    """
    pool = _pool(pool_cidr)
    min_netmask = validate.integer("min_netmask", min_netmask, minimum=pool.prefixlen, maximum=32)
    max_netmask = validate.integer("max_netmask", max_netmask, minimum=min_netmask, maximum=32)
    taken: list[ipaddress.IPv4Network] = []
    for block in existing or []:
        try:
            net = ipaddress.ip_network(block)
        except ValueError:
            raise ValueError(f"existing contains {block!r}, not a CIDR block with host bits clear") from None
        if not net.subnet_of(pool):
            raise ValueError(f"existing allocation {block} is outside the pool {pool}")
        if any(net.overlaps(t) for t in taken):
            raise ValueError(f"existing allocations overlap at {block}")
        taken.append(net)
    allocations = []
    for index, length in enumerate(netmask_lengths):
        length = validate.integer(f"netmask_lengths[{index}]", length, minimum=0, maximum=32)
        if not min_netmask <= length <= max_netmask:
            allocations.append(
                Allocation(length, None, f"/{length} is outside the pool's allowed /{min_netmask}-/{max_netmask}")
            )
            continue
        found = next((c for c in pool.subnets(new_prefix=length) if not any(c.overlaps(t) for t in taken)), None)
        if found is None:
            allocations.append(Allocation(length, None, f"no free aligned /{length} is left in {pool}"))
            continue
        taken.append(found)
        allocations.append(Allocation(length, str(found), f"first free aligned /{length} in {pool}"))
    free = list(ipaddress.collapse_addresses([pool]))
    for t in taken:
        free = [piece for block in free for piece in _without(block, t)]
    used = sum(t.num_addresses for t in taken) / pool.num_addresses
    return PoolState(
        str(pool),
        tuple(allocations),
        tuple(existing or []),
        tuple(str(b) for b in ipaddress.collapse_addresses(free)),
        round(used, 6),
    )


def _without(block: ipaddress.IPv4Network, taken: ipaddress.IPv4Network) -> list[ipaddress.IPv4Network]:
    if not block.overlaps(taken):
        return [block]
    if block.subnet_of(taken):
        return []
    return list(block.address_exclude(taken))


@checked
def overlaps(cidrs: list[str]) -> list[tuple[str, str]]:
    """Every pair of CIDR blocks in ``cidrs`` that overlap (a transit gateway cannot route between them).

    >>> overlaps(["10.0.0.0/16", "10.0.128.0/17", "10.1.0.0/16"])
    [('10.0.0.0/16', '10.0.128.0/17')]
    """
    nets = []
    for block in cidrs:
        try:
            nets.append(ipaddress.ip_network(block))
        except ValueError:
            raise ValueError(f"cidrs contains {block!r}, not a CIDR block with host bits clear") from None
    return [
        (str(a), str(b)) for i, a in enumerate(nets) for b in nets[i + 1 :] if a.version == b.version and a.overlaps(b)
    ]
