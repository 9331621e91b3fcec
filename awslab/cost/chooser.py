"""Storage and database cost: which S3 storage class, EBS volume type and DynamoDB capacity mode for an access pattern.

Nothing is priced here: each choice calls the chapter that models the service, so the numbers are the same ones its
notebooks show. S3 classes come from :func:`awslab.storage.s3_lifecycle.compare_policies` (a year of a cohort of
objects under each preset lifecycle policy, with storage, requests, transitions, retrieval, early deletion and
monitoring fees), EBS types from :func:`awslab.storage.ebs_sizing.choose_volume` (the cheapest type that sustains the
IOPS and throughput), and DynamoDB modes from :func:`awslab.databases.dynamodb.capacity_mode_cost` (provisioned
capacity sized for the peak at the target utilisation, against on-demand request units). Their prices are us-east-1
list prices read on the dates their modules give.

References:
    - awslab.storage.s3_lifecycle (S3 pricing and the lifecycle rules, with its own References)
    - awslab.storage.ebs_sizing and awslab.storage.ebs (EBS volume types and prices, with their References)
    - awslab.databases.dynamodb (DynamoDB capacity modes and prices, with its References)
    - AWS, "Amazon S3 pricing", https://aws.amazon.com/s3/pricing/ (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from awslab import validate
from awslab.databases import dynamodb
from awslab.storage import ebs_sizing, s3_lifecycle
from awslab.validate import checked

KIB = 1024
DAYS_PER_MONTH = s3_lifecycle.DAYS_PER_MONTH


@dataclass(frozen=True)
class ServiceChoice:
    """The cheapest option for one service and the runner-up, USD a month.

    >>> c = ebs_choice(500, 4000, 200)
    >>> c.pick, c.monthly_usd, c.runner_up
    ('gp3', 48.0, 'io1')
    """

    service: str
    pick: str
    monthly_usd: float
    runner_up: str
    runner_up_monthly_usd: float
    options: tuple[tuple[str, float], ...]  # every option that qualifies, cheapest first

    @property
    def saving_over_runner_up_usd(self) -> float:
        """USD a month the pick saves over the runner-up."""
        return round(self.runner_up_monthly_usd - self.monthly_usd, 6)


def _choice(service: str, options: list[tuple[str, float]]) -> ServiceChoice:
    ranked = sorted(options, key=lambda o: (o[1], o[0]))
    second = ranked[1] if len(ranked) > 1 else ranked[0]
    return ServiceChoice(service, ranked[0][0], ranked[0][1], second[0], second[1], tuple(ranked))


@lru_cache(maxsize=256)
def _s3_options(object_count: int, size_bytes: int, gets: float, half_life: float, horizon: int):
    table = s3_lifecycle.compare_policies(
        s3_lifecycle.PRESET_POLICIES,
        object_count=object_count,
        object_size_bytes=size_bytes,
        horizon_days=horizon,
        access=s3_lifecycle.AccessPattern(gets_per_month=gets, half_life_days=half_life),
    )
    months = horizon / DAYS_PER_MONTH
    return tuple((row.policy, round(float(row.total) / months, 6)) for row in table.itertuples())


@checked
def s3_choice(
    object_count: int,
    object_size_kib: float,
    gets_per_month: float,
    *,
    half_life_days: float = 30.0,
    horizon_days: int = 365,
) -> ServiceChoice:
    """The cheapest preset lifecycle policy for a cohort of objects read ``gets_per_month`` each when new, the reads
    halving every ``half_life_days`` (0: steady); USD a month averaged over ``horizon_days``.

    >>> s3_choice(100_000, 1024, 2.0).pick
    'GLACIER_IR after 30 days'
    """
    count = validate.integer("object_count", object_count, minimum=1, maximum=10**9)
    size = validate.number("object_size_kib", object_size_kib, minimum=1, maximum=5 * 1024**3, unit="KiB")
    gets = validate.number("gets_per_month", gets_per_month, minimum=0, maximum=1e6)
    half = validate.number("half_life_days", half_life_days, minimum=0, maximum=1e5, unit="days")
    horizon = validate.integer("horizon_days", horizon_days, minimum=30, maximum=3650, unit="days")
    options = _s3_options(count, int(size * KIB), round(gets, 6), round(half, 6), horizon)
    return _choice("S3 storage class", list(options))


@checked
def ebs_choice(size_gib: float, iops: float, throughput_mibps: float, *, boot: bool = False) -> ServiceChoice:
    """The cheapest EBS volume type that sustains ``iops`` and ``throughput_mibps`` at ``size_gib``.

    >>> ebs_choice(12000, 200, 450).pick
    'st1'
    """
    options = [
        (o.volume_type, round(o.monthly_usd, 6))
        for o in ebs_sizing.choose_volume(size_gib, iops, throughput_mibps, boot)
        if o.qualifies and o.monthly_usd is not None
    ]
    if not options:
        raise ValueError(
            f"no EBS volume type sustains iops={iops:g} and throughput_mibps={throughput_mibps:g} at "
            f"size_gib={size_gib:g}; use a larger volume or several volumes in RAID 0"
        )
    return _choice("EBS volume type", options)


@checked
def dynamodb_choice(
    reads_per_second: float,
    writes_per_second: float,
    item_size_bytes: int,
    *,
    peak_to_average: float = 1.0,
    table_size_gb: float = 0.0,
) -> ServiceChoice:
    """Provisioned (sized for the peak) or on-demand capacity for a table's average read and write rates.

    >>> dynamodb_choice(100, 25, 1024).pick, dynamodb_choice(100, 25, 1024, peak_to_average=4).pick
    ('provisioned', 'on-demand')
    """
    cost = dynamodb.capacity_mode_cost(
        reads_per_second,
        writes_per_second,
        item_size_bytes,
        peak_to_average=peak_to_average,
        table_size_gb=table_size_gb,
    )
    return _choice(
        "DynamoDB capacity mode",
        [
            ("provisioned", round(cost.provisioned_usd_per_month, 6)),
            ("on-demand", round(cost.on_demand_usd_per_month, 6)),
        ],
    )
