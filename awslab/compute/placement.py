"""Placement groups: where instances land under each strategy, and what one rack failure takes with it.

Source (read 2026-11-27): https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-strategies.html and
placement-groups-limitations (cluster: one AZ, packed close for low latency; partition: up to 7 partitions per AZ,
partitions share no racks; spread: each instance on its own rack, at most 7 running instances per AZ per group).
Older material says a placement group lives in a single AZ: that is still true of cluster groups only.

References:
    - Amazon EC2 User Guide, "Placement strategies for your placement groups",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-strategies.html (read 2026-11-27)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

STRATEGIES = ("cluster", "partition", "spread")
MAX_PARTITIONS_PER_AZ = 7
MAX_SPREAD_INSTANCES_PER_AZ = 7


@dataclass(frozen=True)
class Placement:
    """Each instance's AZ and rack group (the partition number, or a rack of its own for spread).

    >>> place("partition", 4, ["us-east-1a"], partitions_per_az=2).rack_group
    ['us-east-1a/partition-1', 'us-east-1a/partition-2', 'us-east-1a/partition-1', 'us-east-1a/partition-2']
    """

    strategy: str
    availability_zone: list[str]
    rack_group: list[str]


@checked
def place(
    strategy: str,
    instance_count: int,
    availability_zones: Sequence[str],
    partitions_per_az: int = MAX_PARTITIONS_PER_AZ,
) -> Placement:
    """Return where ``instance_count`` instances go, or raise ValueError when the strategy's limits forbid it.

    >>> place("spread", 3, ["us-east-1a", "us-east-1b"]).availability_zone
    ['us-east-1a', 'us-east-1b', 'us-east-1a']
    """
    kind = validate.choice("strategy", strategy, STRATEGIES)
    n = validate.integer("instance_count", instance_count, minimum=1, maximum=100_000)  # the model's bound
    azs = list(availability_zones)
    if not azs or len(set(azs)) != len(azs):
        raise ValueError(f"availability_zones={azs!r} must name at least one AZ, each once")
    if kind == "cluster":
        if len(azs) != 1:
            raise ValueError(f"availability_zones={azs!r}: a cluster placement group lives in exactly one AZ")
        return Placement(kind, [azs[0]] * n, [f"{azs[0]}/cluster"] * n)
    if kind == "spread":
        limit = MAX_SPREAD_INSTANCES_PER_AZ * len(azs)
        if n > limit:
            raise ValueError(
                f"instance_count={n} exceeds {MAX_SPREAD_INSTANCES_PER_AZ} running instances per AZ "
                f"in a spread group ({limit} across {len(azs)} AZs)"
            )
        zones = [azs[i % len(azs)] for i in range(n)]
        return Placement(kind, zones, [f"{az}/rack-{i}" for i, az in enumerate(zones)])
    parts = validate.integer("partitions_per_az", partitions_per_az, minimum=1, maximum=MAX_PARTITIONS_PER_AZ)
    zones = [azs[i % len(azs)] for i in range(n)]
    groups = [f"{az}/partition-{(i // len(azs)) % parts + 1}" for i, az in enumerate(zones)]
    return Placement(kind, zones, groups)


@checked
def rack_failure_loss(placement: Placement) -> float:
    """Return the largest fraction of the group that one rack (or partition) failure can take down.

    >>> rack_failure_loss(place("cluster", 4, ["us-east-1a"])), rack_failure_loss(place("spread", 4, ["us-east-1a"]))
    (1.0, 0.25)
    """
    counts: dict[str, int] = {}
    for group in placement.rack_group:
        counts[group] = counts.get(group, 0) + 1
    return max(counts.values()) / len(placement.rack_group)
