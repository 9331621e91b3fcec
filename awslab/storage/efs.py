"""Amazon EFS model: the Bursting throughput credit bucket (baseline, burst, credits, metered reads), a day's
simulation of it, the monthly cost of the three throughput modes, lifecycle policies and mount targets per AZ.

Throughput is in MiB/s of *metered* throughput unless a name says otherwise: EFS meters a read at one third of
its size, so a read-heavy client sees up to three times the metered rate. Sizes in GiB, times in seconds,
credits in MiB (one credit lets one MiB be metered above the baseline).

References:
    - Amazon EFS User Guide, "Amazon EFS performance" (throughput modes, Bursting: 50 MiB/s per TiB baseline,
      100 MiB/s or 100 MiB/s per TiB burst, 2.1 TiB credit cap and initial balance, the bursting table),
      https://docs.aws.amazon.com/efs/latest/ug/performance.html (read 2026-12-03; the bursting table checked
      against the awsdocs/amazon-efs-user-guide snapshot, doc_source/performance.md)
    - AWS re:Post Knowledge Center, "How do Amazon EFS burst credits work?" (permitted throughput, hourly metering
      of the size, only Standard-class data counts when lifecycle management is on),
      https://repost.aws/knowledge-center/efs-burst-credits (read 2026-12-03)
    - AWS What's New, "Amazon Elastic File System increases file system minimum throughput" (1 MiB/s minimum,
      2020-06-30), https://aws.amazon.com/about-aws/whats-new/2020/06/amazon-efs--increases-file-system-minimum-throughput/
      (read 2026-12-03)
    - AWS Storage Blog, "Amazon EFS introduces 3X read-throughput increase at no additional charge" (reads metered
      at 1/3; 750 MB/s read + 250 MB/s write is metered as 500 MB/s),
      https://aws.amazon.com/blogs/storage/amazon-efs-introduces-3x-read-throughput-increase-at-no-additional-charge/
      (read 2026-12-03)
    - Amazon EFS pricing (Standard storage USD 0.30 per GB-month, us-east-1), https://aws.amazon.com/efs/pricing/
      (read 2026-12-03). The Elastic (USD 0.03 per GB read, USD 0.06 per GB written) and Provisioned
      (USD 6.00 per MB/s-month) prices are as quoted by secondary sources (sst.dev EFS component docs; Manning,
      "Amazon Web Services in Action", 3rd ed.), not confirmed on the AWS pricing page: illustrative.
    - Amazon EFS API Reference (botocore 1.44 service model): ThroughputMode bursting/provisioned/elastic,
      PerformanceMode generalPurpose/maxIO, LifecyclePolicy TransitionToIA/TransitionToArchive/
      TransitionToPrimaryStorageClass values (read 2026-12-03)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.storage.ebs import burst_pattern_demand, clamped_walk
from awslab.validate import checked

MIB_PER_TIB = 1024 * 1024
GIB_PER_TIB = 1024
DAY_SECONDS = 86_400

# --- Bursting throughput (EFS User Guide, "Amazon EFS performance", read 2026-12-03) -------------------------
BASELINE_MIBPS_PER_TIB = 50.0  # = 50 KiB/s per GiB of Standard-class data
MIN_BASELINE_MIBPS = 1.0  # since 2020-06-30 (What's New); before, tiny file systems had 50 KiB/s per GiB only
BURST_MIBPS_MIN = 100.0  # every file system, whatever its size
BURST_MIBPS_PER_TIB = 100.0  # file systems above 1 TiB
CREDIT_CAP_TIB = 2.1  # TiB of credits: the cap below 1 TiB, and per TiB stored above it
INITIAL_CREDITS_MIB = CREDIT_CAP_TIB * MIB_PER_TIB  # a new file system starts with 2.1 TiB of credits
READ_METERING = 1.0 / 3.0  # a read is metered at a third of its size (Bursting and Provisioned; blog, 2020)
PER_CLIENT_MAX_MIBPS = {"bursting": 500.0, "provisioned": 500.0, "elastic": 1_500.0}  # performance summary table
MAX_SIZE_GIB = 1024.0 * GIB_PER_TIB  # the explorers' and checks' upper bound (1 PiB), not an EFS quota

THROUGHPUT_MODES = ("bursting", "provisioned", "elastic")
PERFORMANCE_MODES = ("generalPurpose", "maxIO")
# LifecyclePolicy values (EFS API Reference, botocore service model, read 2026-12-03)
TRANSITION_DAYS = (1, 7, 14, 30, 60, 90, 180, 270, 365)


@dataclass(frozen=True)
class EfsPrices:
    """us-east-1 list prices (USD). Standard storage is from the EFS pricing page; the rest are illustrative.

    >>> EfsPrices().standard_usd_per_gb_month
    0.3
    """

    standard_usd_per_gb_month: float = 0.30
    elastic_read_usd_per_gb: float = 0.03  # illustrative (secondary source)
    elastic_write_usd_per_gb: float = 0.06  # illustrative (secondary source)
    provisioned_usd_per_mibps_month: float = 6.00  # illustrative (secondary source)


EFS_PRICES_US_EAST_1 = EfsPrices()
SECONDS_PER_MONTH = 30 * DAY_SECONDS  # the course's 30-day month
GB_PER_MIB = 1 / 1024  # AWS bills storage and transfer in GB of 2**30 bytes, so a GiB here is a billed GB


@dataclass(frozen=True)
class BurstingPerformance:
    """Bursting-mode throughput for one size of Standard-class data (metered MiB/s) and its credit bucket.

    >>> p = bursting_performance(256)
    >>> p.baseline_mibps, p.burst_mibps, p.burst_minutes_per_day
    (12.5, 100.0, 180.0)
    """

    size_gib: float
    baseline_mibps: float  # earned continuously; the permitted throughput when the credits are gone
    burst_mibps: float  # permitted while the balance is positive
    credit_cap_mib: float
    credits_earned_per_day_mib: float
    burst_minutes_per_day: float  # at the burst rate, with no other I/O, earning as much as it spends
    full_bucket_burst_seconds: float | None  # from a full bucket at the burst rate; None if it never empties

    @property
    def burst_share_of_day(self) -> float:
        """Share of a day the file system can burst, earning the rest of the day (the table's last column)."""
        return self.burst_minutes_per_day / 1440.0


@checked
def bursting_performance(size_gib: float) -> BurstingPerformance:
    """Baseline, burst rate, credit cap and daily burst minutes of a Bursting file system of ``size_gib``.

    >>> bursting_performance(1536).burst_mibps
    150.0
    """
    size = validate.number("size_gib", size_gib, minimum=0, maximum=MAX_SIZE_GIB, unit="GiB")
    tib = size / GIB_PER_TIB
    baseline = max(MIN_BASELINE_MIBPS, BASELINE_MIBPS_PER_TIB * tib)
    burst = max(BURST_MIBPS_MIN, BURST_MIBPS_PER_TIB * tib)
    cap = CREDIT_CAP_TIB * MIB_PER_TIB * max(1.0, tib)
    drain = burst - baseline
    return BurstingPerformance(
        size_gib=size,
        baseline_mibps=baseline,
        burst_mibps=burst,
        credit_cap_mib=cap,
        credits_earned_per_day_mib=baseline * DAY_SECONDS,
        burst_minutes_per_day=1440.0 * baseline / burst,
        full_bucket_burst_seconds=cap / drain if drain > 0 else None,
    )


@checked
def metered_mibps(read_mibps: float, write_mibps: float) -> float:
    """Metered throughput (MiB/s) of a client mix: reads count a third, writes and metadata in full.

    >>> metered_mibps(750, 250)
    500.0
    """
    r = validate.number("read_mibps", read_mibps, minimum=0, unit="MiB/s")
    w = validate.number("write_mibps", write_mibps, minimum=0, unit="MiB/s")
    return r * READ_METERING + w


def _metering_factor(read_share: float) -> float:
    share = validate.number("read_share", read_share, minimum=0, maximum=1)
    return share * READ_METERING + (1.0 - share)


@dataclass(frozen=True, eq=False)
class EfsBurstResult:
    """A Bursting simulation: per step the demand and delivery (client MiB/s and metered) and the credits.

    >>> r = simulate_bursting(100, [200.0] * 2, 3600)
    >>> round(float(r.credits_mib[-1]) / MIB_PER_TIB, 3)
    1.447
    """

    performance: BurstingPerformance
    step_seconds: float
    read_share: float
    time_seconds: np.ndarray  # end of each step
    demand_mibps: np.ndarray  # what clients ask for (MiB/s of data)
    delivered_mibps: np.ndarray  # what they get (MiB/s of data)
    metered_mibps: np.ndarray  # what EFS meters of the delivery
    credits_mib: np.ndarray  # BurstCreditBalance at the end of each step (MiB)
    seconds_to_empty: float | None
    unmet_mib: float  # data asked for and not delivered in the run

    @property
    def unmet_share(self) -> float:
        """Share of the demanded data that was not delivered."""
        total = float(self.demand_mibps.sum() * self.step_seconds)
        return self.unmet_mib / total if total > 0 else 0.0


@checked
def simulate_bursting(
    size_gib: float,
    demand_mibps: Sequence[float] | np.ndarray,
    step_seconds: float = 60.0,
    *,
    read_share: float = 0.0,
    initial_credits_mib: float | None = None,
) -> EfsBurstResult:
    """Run the EFS credit bucket over a demand series (client MiB/s, one value per ``step_seconds``).

    Credits accrue at the baseline and each metered MiB spends one; the balance stays in [0, cap]. With credits
    the file system may meter up to its burst rate, without them its baseline. ``read_share`` of the demand is
    reads, metered at a third. A new file system starts with 2.1 TiB of credits (``initial_credits_mib=None``).

    >>> r = simulate_bursting(100, [100.0] * 10, 3600, initial_credits_mib=0)
    >>> round(float(r.delivered_mibps[0]), 3), r.seconds_to_empty
    (4.883, 0.0)
    """
    perf = bursting_performance(size_gib)
    dt = validate.number("step_seconds", step_seconds, minimum=0, exclusive_minimum=True, unit="s")
    factor = _metering_factor(read_share)
    c0 = (
        min(INITIAL_CREDITS_MIB, perf.credit_cap_mib)
        if initial_credits_mib is None
        else validate.number(
            "initial_credits_mib", initial_credits_mib, minimum=0, maximum=perf.credit_cap_mib, unit="MiB"
        )
    )
    demand = np.asarray(demand_mibps, dtype=float)
    if demand.ndim != 1 or demand.size == 0:
        raise ValueError(f"demand_mibps must be a non-empty 1-D series of MiB/s, got shape {demand.shape}")
    if not np.all(np.isfinite(demand)) or np.any(demand < 0):
        raise ValueError("demand_mibps must hold finite values >= 0 MiB/s")
    want = np.minimum(demand * factor, perf.burst_mibps)  # metered MiB/s the clients try to drive
    increments = (perf.baseline_mibps - want) * dt
    credits = clamped_walk(c0, increments, perf.credit_cap_mib)
    before = np.concatenate(([c0], credits[:-1]))
    metered = np.where(increments >= 0, want, np.minimum(want, perf.baseline_mibps + (before - credits) / dt))
    delivered = metered / factor
    empty = np.flatnonzero((credits <= 1e-6) & (increments < 0))
    to_empty = None
    if empty.size:
        i = int(empty[0])
        to_empty = float(i * dt + dt * min(1.0, before[i] / abs(increments[i])))
    return EfsBurstResult(
        performance=perf,
        step_seconds=dt,
        read_share=float(read_share),
        time_seconds=dt * np.arange(1, demand.size + 1),
        demand_mibps=demand,
        delivered_mibps=delivered,
        metered_mibps=metered,
        credits_mib=credits,
        seconds_to_empty=to_empty,
        unmet_mib=float(np.sum(demand - delivered) * dt),
    )


@checked
def daily_demand(
    base_mibps: float, peak_mibps: float, *, peak_minutes: float, peaks_per_day: int = 1, step_seconds: float = 60.0
) -> np.ndarray:
    """A day of client demand (MiB/s per step): ``peak_mibps`` for ``peak_minutes`` at the start of each of
    ``peaks_per_day`` equal periods, ``base_mibps`` otherwise.

    >>> daily_demand(1, 50, peak_minutes=60, peaks_per_day=2, step_seconds=3600).tolist()[:13]
    [50.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 50.0]
    """
    validate.number("base_mibps", base_mibps, minimum=0, unit="MiB/s")
    validate.number("peak_mibps", peak_mibps, minimum=0, unit="MiB/s")
    periods = validate.integer("peaks_per_day", peaks_per_day, minimum=1, maximum=24)
    period = DAY_SECONDS / periods
    validate.number("peak_minutes", peak_minutes, minimum=0, maximum=period / 60, unit="min")
    return burst_pattern_demand(
        base_mibps,
        peak_mibps,
        peak_seconds=peak_minutes * 60,
        period_seconds=period,
        total_seconds=DAY_SECONDS,
        step_seconds=step_seconds,
    )


@dataclass(frozen=True)
class ModeCost:
    """One throughput mode's monthly bill for a workload, and whether the mode can serve it.

    >>> mode_costs(1024, average_mibps=10, peak_mibps=80)[0].mode
    'bursting'
    """

    mode: str
    storage_usd: float
    throughput_usd: float
    serves_workload: bool
    note: str

    @property
    def total_usd(self) -> float:
        """Storage plus throughput, USD per month."""
        return self.storage_usd + self.throughput_usd


@checked
def mode_costs(
    size_gib: float,
    *,
    average_mibps: float,
    peak_mibps: float,
    read_share: float = 0.5,
    prices: EfsPrices = EFS_PRICES_US_EAST_1,
) -> list[ModeCost]:
    """Monthly cost (USD, Standard storage) of serving a workload in each throughput mode.

    Bursting is free beyond storage but serves the workload only when the metered average stays within the
    baseline and the peak within the burst rate. Provisioned is priced on the metered peak above what the
    size already earns; Elastic on the data moved (reads and writes priced apart).

    >>> [round(c.total_usd, 2) for c in mode_costs(100, average_mibps=2, peak_mibps=50, read_share=0.5)]
    [30.0, 204.7, 257.81]
    """
    perf = bursting_performance(size_gib)
    peak = validate.number("peak_mibps", peak_mibps, minimum=0, unit="MiB/s")
    avg = validate.number(
        "average_mibps", average_mibps, minimum=0, maximum=peak, unit="MiB/s", maximum_name="peak_mibps"
    )
    factor = _metering_factor(read_share)
    storage = perf.size_gib * prices.standard_usd_per_gb_month
    avg_metered, peak_metered = avg * factor, peak * factor
    bursting_ok = avg_metered <= perf.baseline_mibps and peak_metered <= perf.burst_mibps
    provisioned = max(0.0, np.ceil(peak_metered) - perf.baseline_mibps) * prices.provisioned_usd_per_mibps_month
    moved_gb = avg * SECONDS_PER_MONTH * GB_PER_MIB
    elastic = moved_gb * (
        read_share * prices.elastic_read_usd_per_gb + (1 - read_share) * prices.elastic_write_usd_per_gb
    )
    return [
        ModeCost(
            "bursting",
            storage,
            0.0,
            bursting_ok,
            "within baseline and burst" if bursting_ok else "needs more than the size earns",
        ),
        ModeCost("provisioned", storage, float(provisioned), True, f"{np.ceil(peak_metered):g} MiB/s metered"),
        ModeCost("elastic", storage, float(elastic), True, f"{moved_gb:,.0f} GB moved per month"),
    ]


# --- Lifecycle policies (the PutLifecycleConfiguration shape) -------------------------------------------------
@checked
def lifecycle_policies(
    to_ia_days: int | None = 30, to_archive_days: int | None = 90, back_on_first_access: bool = True
) -> list[dict]:
    """The ``LifecyclePolicies`` list for PutLifecycleConfiguration (AWS's shape and values).

    >>> lifecycle_policies(30, None, True)
    [{'TransitionToIA': 'AFTER_30_DAYS'}, {'TransitionToPrimaryStorageClass': 'AFTER_1_ACCESS'}]
    """

    def value(name: str, days: int) -> str:
        d = validate.integer(name, days, minimum=1, maximum=365, unit="days")
        if d not in TRANSITION_DAYS:
            raise ValueError(
                f"{name}={days!r} is not one of the lifecycle choices: {', '.join(map(str, TRANSITION_DAYS))}"
            )
        return "AFTER_1_DAY" if d == 1 else f"AFTER_{d}_DAYS"

    policies = []
    if to_ia_days is not None:
        policies.append({"TransitionToIA": value("to_ia_days", to_ia_days)})
    if to_archive_days is not None:
        policies.append({"TransitionToArchive": value("to_archive_days", to_archive_days)})
    if back_on_first_access:
        policies.append({"TransitionToPrimaryStorageClass": "AFTER_1_ACCESS"})
    return policies


# --- Mount targets: one per Availability Zone -----------------------------------------------------------------
@dataclass(frozen=True)
class MountTargetPlan:
    """Which subnets get a mount target (the first one named per AZ) and which would conflict.

    >>> plan_mount_targets([{"SubnetId": "a1", "AvailabilityZone": "us-east-1a"}]).mount_subnets
    ('a1',)
    """

    mount_subnets: tuple[str, ...]
    conflicts: tuple[str, ...]  # CreateMountTarget answers MountTargetConflict for these
    zones: tuple[str, ...]


@checked
def plan_mount_targets(subnets: list[dict], one_zone: str | None = None) -> MountTargetPlan:
    """Mount targets for ``subnets`` (the ``Subnets`` of describe-subnets): one per AZ; a One Zone file system
    takes one, in its own zone (``one_zone``).

    >>> p = plan_mount_targets([{"SubnetId": "a1", "AvailabilityZone": "z-a"}, {"SubnetId": "a2", "AvailabilityZone": "z-a"}])
    >>> p.conflicts
    ('a2',)
    """
    items = validate.json_objects("subnets", subnets)
    chosen: dict[str, str] = {}
    conflicts = []
    for i, s in enumerate(items):
        if not s.get("SubnetId") or not s.get("AvailabilityZone"):
            raise ValueError(f"subnets[{i}] needs SubnetId and AvailabilityZone, got {s!r}")
        zone = s["AvailabilityZone"]
        if (one_zone is not None and zone != one_zone) or zone in chosen:
            conflicts.append(s["SubnetId"])
        else:
            chosen[zone] = s["SubnetId"]
    return MountTargetPlan(tuple(chosen.values()), tuple(conflicts), tuple(chosen))
