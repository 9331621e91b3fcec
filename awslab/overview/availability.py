"""Availability of serial and redundant components: one AZ, several AZs, several Regions, in nines and minutes.

Availability is the fraction of time a component works, a number in [0, 1]. Components in series all have to
work; redundant (parallel) components need only one. Independent failures multiply; correlated failures (a bad
deployment, a shared dependency) are modelled with the beta-factor model: a fraction ``beta`` of each unit's
unavailability is a common cause that takes every copy down at once.

References:
    - AWS, "Amazon Compute Service Level Agreement",
      https://aws.amazon.com/compute/sla/ (read 2026-11-27)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

MINUTES_PER_YEAR = 365 * 24 * 60
MINUTES_PER_MONTH = 30 * 24 * 60

# Amazon Compute Service Level Agreement, https://aws.amazon.com/compute/sla/ (read 2026-11-27):
# Region-level commitment (instances deployed across two or more AZs) 99.99 % monthly uptime;
# instance-level commitment for a single EC2 instance 99.5 %. An SLA is a credit promise, not a measurement:
# the course uses these numbers as illustrative inputs only.
EC2_REGION_LEVEL_SLA = 0.9999
EC2_INSTANCE_LEVEL_SLA = 0.995

# Illustrative assumptions (not AWS figures) for the deployment comparison; every function takes them as parameters.
ASSUMED_AZ_AVAILABILITY = 0.9995
ASSUMED_REGION_AVAILABILITY = 0.99995


def _availabilities(name: str, values: Sequence[float]) -> list[float]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise ValueError(f"{name} must be a list of numbers in [0, 1], got {values!r}")
    if len(values) == 0:
        raise ValueError(f"{name}=[] must hold at least one availability in [0, 1]")
    return [validate.number(f"{name}[{i}]", v, minimum=0, maximum=1) for i, v in enumerate(values)]


@checked
def serial_availability(availabilities: list[float]) -> float:
    """Availability of components that must all work (independent failures): the product of their availabilities.

    >>> round(serial_availability([0.999, 0.999]), 6)
    0.998001
    """
    return math.prod(_availabilities("availabilities", availabilities))


@checked
def parallel_availability(availabilities: list[float]) -> float:
    """Availability of redundant components where one working copy suffices (independent failures).

    >>> round(parallel_availability([0.99, 0.99]), 6)
    0.9999
    """
    values = _availabilities("availabilities", availabilities)
    return 1.0 - math.prod(1.0 - a for a in values)


@checked
def redundant_availability(availability: float, copies: int, correlation_beta: float = 0.0) -> float:
    """Availability of ``copies`` identical redundant units whose failures share a common-cause fraction ``beta``.

    Beta-factor model: a common cause with probability beta q fails every copy together; each copy also fails
    on its own with the probability that keeps its total unavailability at q = 1 - availability. beta = 0 is
    independent redundancy; beta = 1 is no better than one unit; one copy is always just ``availability``.

    >>> round(redundant_availability(0.99, 2), 6), round(redundant_availability(0.99, 2, correlation_beta=0.1), 6)
    (0.9999, 0.998919)
    """
    a = validate.number("availability", availability, minimum=0, maximum=1)
    n = validate.integer("copies", copies, minimum=1)
    beta = validate.number("correlation_beta", correlation_beta, minimum=0, maximum=1)
    q = 1.0 - a
    common = beta * q
    if common >= 1.0:
        return 0.0
    own = (q - common) / (1.0 - common)
    return (1.0 - common) * (1.0 - own**n)


@checked
def nines(availability: float) -> float:
    """Number of nines of an availability: -log10(1 - availability); 0.999 -> 3.0 (inf for 1.0).

    >>> round(nines(0.9995), 2)
    3.3
    """
    a = validate.number("availability", availability, minimum=0, maximum=1)
    return math.inf if a == 1.0 else -math.log10(1.0 - a)


@checked
def availability_from_nines(count: float) -> float:
    """Availability with ``count`` nines: 3 -> 0.999, 3.5 -> about 0.99968.

    >>> availability_from_nines(3)
    0.999
    """
    n = validate.number("count", count, minimum=0, maximum=15)
    return 1.0 - 10.0 ** (-n)


@checked
def downtime_minutes(availability: float, window_minutes: float = MINUTES_PER_YEAR) -> float:
    """Expected minutes of downtime in a window (default a 365-day year) at the given availability.

    >>> round(downtime_minutes(0.999), 1)
    525.6
    """
    a = validate.number("availability", availability, minimum=0, maximum=1)
    window = validate.number("window_minutes", window_minutes, minimum=0, exclusive_minimum=True, unit="minutes")
    return (1.0 - a) * window


@dataclass(frozen=True)
class DeploymentAvailability:
    """Availability of one deployment shape and the downtime it implies.

    >>> d = deployment_availability("3 AZs", 0.99, 1, 3)
    >>> d.name, round(d.nines, 2)
    ('3 AZs', 4.29)
    """

    name: str
    availability: float
    nines: float
    downtime_minutes_per_year: float
    downtime_minutes_per_month: float


@checked
def deployment_availability(
    name: str,
    instance_availability: float,
    instances_per_az: int,
    az_count: int,
    region_count: int = 1,
    az_availability: float = ASSUMED_AZ_AVAILABILITY,
    region_availability: float = ASSUMED_REGION_AVAILABILITY,
    correlation_beta: float = 0.0,
) -> DeploymentAvailability:
    """Availability of an application tier spread over instances, AZs and Regions (any one copy serves).

    An AZ serves when the AZ is up and at least one of its instances is; a Region serves when the Region is up
    and at least one AZ serves; the deployment serves when at least one Region does. ``correlation_beta`` applies
    the beta-factor model at every level of redundancy (instances, AZs, Regions).

    >>> round(deployment_availability("one AZ", 0.99, 2, 1).downtime_minutes_per_year)
    342
    """
    validate.integer("region_count", region_count, minimum=1)
    validate.integer("instances_per_az", instances_per_az, minimum=1)
    validate.integer("az_count", az_count, minimum=1)
    for label, value in (
        ("instance_availability", instance_availability),
        ("az_availability", az_availability),
        ("region_availability", region_availability),
    ):
        validate.number(label, value, minimum=0, maximum=1)
    per_az = redundant_availability(instance_availability, instances_per_az, correlation_beta)
    az = serial_availability([az_availability, per_az])
    per_region = redundant_availability(az, az_count, correlation_beta)
    region = serial_availability([region_availability, per_region])
    total = redundant_availability(region, region_count, correlation_beta)
    return DeploymentAvailability(
        name=name,
        availability=total,
        nines=nines(total),
        downtime_minutes_per_year=downtime_minutes(total, MINUTES_PER_YEAR),
        downtime_minutes_per_month=downtime_minutes(total, MINUTES_PER_MONTH),
    )


@checked
def compare_deployments(
    instance_availability: float = EC2_INSTANCE_LEVEL_SLA,
    instances_per_az: int = 2,
    az_availability: float = ASSUMED_AZ_AVAILABILITY,
    region_availability: float = ASSUMED_REGION_AVAILABILITY,
    correlation_beta: float = 0.0,
) -> pd.DataFrame:
    """Table comparing one AZ, three AZs in one Region, and two Regions of three AZs, with downtime in minutes.

    >>> compare_deployments()["name"].tolist()
    ['one AZ', 'multi-AZ (3 AZs)', 'multi-Region (2 x 3 AZs)']
    """
    import pandas as pd

    validate.number("instance_availability", instance_availability, minimum=0, maximum=1)
    validate.number("az_availability", az_availability, minimum=0, maximum=1)
    validate.number("region_availability", region_availability, minimum=0, maximum=1)
    validate.integer("instances_per_az", instances_per_az, minimum=1)
    shapes = [("one AZ", 1, 1), ("multi-AZ (3 AZs)", 3, 1), ("multi-Region (2 x 3 AZs)", 3, 2)]
    rows = [
        deployment_availability(
            name,
            instance_availability,
            instances_per_az,
            azs,
            regions,
            az_availability=az_availability,
            region_availability=region_availability,
            correlation_beta=correlation_beta,
        )
        for name, azs, regions in shapes
    ]
    return pd.DataFrame([r.__dict__ for r in rows])


@checked
def nines_table(max_nines: int = 5) -> pd.DataFrame:
    """Downtime per year, month and week for 1 to ``max_nines`` nines (the classic table).

    >>> nines_table(3)["availability_percent"].tolist()
    [90.0, 99.0, 99.9]
    """
    import pandas as pd

    top = validate.integer("max_nines", max_nines, minimum=1, maximum=9)
    rows = []
    for n in range(1, top + 1):
        a = availability_from_nines(n)
        rows.append(
            {
                "nines": n,
                "availability_percent": round(a * 100, 7),
                "downtime_minutes_per_year": downtime_minutes(a, MINUTES_PER_YEAR),
                "downtime_minutes_per_month": downtime_minutes(a, MINUTES_PER_MONTH),
                "downtime_minutes_per_week": downtime_minutes(a, 7 * 24 * 60),
            }
        )
    return pd.DataFrame(rows)


@checked
def redundancy_curves(
    availability: float, max_copies: int = 6, betas: Sequence[float] = (0.0, 0.01, 0.1)
) -> tuple[list[int], dict[float, list[float]]]:
    """Availability of 1..max_copies redundant units for each correlation beta: (copies, {beta: availabilities}).

    >>> copies, curves = redundancy_curves(0.99, max_copies=3, betas=(0.0,))
    >>> copies, [round(v, 6) for v in curves[0.0]]
    ([1, 2, 3], [0.99, 0.9999, 0.999999])
    """
    top = validate.integer("max_copies", max_copies, minimum=1, maximum=20)
    copies = list(range(1, top + 1))
    return copies, {float(b): [redundant_availability(availability, n, b) for n in copies] for b in betas}
