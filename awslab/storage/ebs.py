"""Amazon EBS model: volume types, prices and monthly cost, gp2 performance and burst credits.

Sizing questions (gp3 against gp2, the volume chooser, RAID) live in :mod:`awslab.storage.ebs_sizing`;
incremental snapshots, lazy loading, encryption and persistence in :mod:`awslab.storage.ebs_snapshots`.

Units are in the names: ``size_gib``, ``iops``, ``throughput_mibps``, ``seconds``, ``usd_per_gb_month``.
Prices are us-east-1 list prices, overridable through :class:`EbsPrices`.

References:
    - Amazon EBS User Guide, "Amazon EBS General Purpose SSD volumes",
      https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html (read 2026-11-27)
    - Amazon EBS User Guide, "Amazon EBS volume types",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSVolumeTypes.html (read 2026-12-03)
    - Amazon EBS pricing, US East (N. Virginia),
      https://aws.amazon.com/ebs/pricing/ (read 2026-11-27)
    - Amazon EC2 API Reference, "CreateVolume" (sizes and IOPS ranges, as in botocore 1.44.8's service model),
      (no URL recorded; read 2026-11-27)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

# --- Limits -------------------------------------------------------------------------------------------------
# Volume size and IOPS ranges: EC2 API Reference, CreateVolume (botocore 1.44.8 service model), read 2026-11-27.
# gp2 performance rules and the burst table: EBS User Guide, "General Purpose SSD volumes", read 2026-11-27.
GP2_MIN_SIZE_GIB = 1
GP2_MAX_SIZE_GIB = 16_384
GP2_IOPS_PER_GIB = 3.0
GP2_MIN_IOPS = 100.0
GP2_MAX_IOPS = 16_000.0
GP2_BURST_IOPS = 3_000.0
GP2_CREDIT_CAP = 5_400_000.0  # I/O credits: initial balance and accrual limit
GP2_SMALL_THROUGHPUT_MIBPS = 128.0  # volumes of 170 GiB and less
GP2_MAX_THROUGHPUT_MIBPS = 250.0  # reached (sustained) from 334 GiB; 171-333 GiB burst to it
GP2_SMALL_THROUGHPUT_MAX_GIB = 170.0
GP2_FULL_THROUGHPUT_MIN_GIB = 334.0
MAX_IO_SIZE_MIB = 0.25  # 256 KiB: largest I/O counted as one operation on SSD volumes

GP3_BASELINE_IOPS = 3_000.0
GP3_MAX_IOPS = 80_000.0  # [16,000 until 2025]
GP3_IOPS_PER_GIB = 500.0
GP3_BASELINE_THROUGHPUT_MIBPS = 125.0
GP3_MAX_THROUGHPUT_MIBPS = 2_000.0  # [1,000 until 2025]
GP3_MIBPS_PER_IOPS = 0.25

SECONDS_PER_MONTH = 730 * 3600  # AWS bills a month as 730 hours


@checked
def gp3_performance_check(
    size_gib: float,
    iops: float,
    throughput_mibps: float,
    *,
    names: tuple[str, str, str] = ("size_gib", "iops", "throughput_mibps"),
) -> tuple[float, float, float]:
    """A gp3 volume's (size, IOPS, throughput) if CreateVolume would accept them, else a ValueError naming the field.

    IOPS and throughput are whole numbers (CreateVolume's Iops and Throughput are integers): 3,000 IOPS up to
    500 per GiB (at most 80,000), 125 MiB/s up to 0.25 MiB/s per provisioned IOPS (at most 2,000).

    >>> gp3_performance_check(100, 4000, 250)
    (100.0, 4000.0, 250.0)
    >>> gp3_performance_check(100, 1.5, 250)
    Traceback (most recent call last):
    ...
    ValueError: iops must be a whole number (3000 to 50000 IOPS), got 1.5
    """
    size_name, iops_name, tp_name = names
    size = validate.number(size_name, size_gib, minimum=1, maximum=VOLUME_TYPES["gp3"].max_size_gib, unit="GiB")
    cap = max(GP3_BASELINE_IOPS, min(GP3_MAX_IOPS, GP3_IOPS_PER_GIB * size))
    iops_p = float(validate.integer(iops_name, iops, minimum=int(GP3_BASELINE_IOPS), maximum=int(cap), unit="IOPS"))
    tp_cap = min(GP3_MAX_THROUGHPUT_MIBPS, max(GP3_BASELINE_THROUGHPUT_MIBPS, GP3_MIBPS_PER_IOPS * iops_p))
    tp = validate.integer(
        tp_name, throughput_mibps, minimum=int(GP3_BASELINE_THROUGHPUT_MIBPS), maximum=int(tp_cap), unit="MiB/s"
    )
    return size, iops_p, float(tp)


@dataclass(frozen=True, kw_only=True)
class VolumeType:
    """Static facts about one EBS volume type (sizes in GiB, performance per volume).

    >>> VOLUME_TYPES["gp3"].max_iops, VOLUME_TYPES["st1"].boot
    (80000.0, False)
    """

    name: str
    family: str  # "SSD" or "HDD"
    min_size_gib: int
    max_size_gib: int
    max_iops: float
    max_throughput_mibps: float
    boot: bool
    annual_failure_rate: float
    use: str


# Durability: EBS User Guide, "Amazon EBS volume types" (AFR 0.1-0.2 %, io2 0.001 %), read 2026-11-27.
VOLUME_TYPES: dict[str, VolumeType] = {
    "gp3": VolumeType(
        name="gp3",
        family="SSD",
        min_size_gib=1,
        max_size_gib=65_536,
        max_iops=GP3_MAX_IOPS,
        max_throughput_mibps=GP3_MAX_THROUGHPUT_MIBPS,
        boot=True,
        annual_failure_rate=0.002,
        use="general purpose SSD, performance provisioned independently of size",
    ),
    "gp2": VolumeType(
        name="gp2",
        family="SSD",
        min_size_gib=1,
        max_size_gib=16_384,
        max_iops=GP2_MAX_IOPS,
        max_throughput_mibps=GP2_MAX_THROUGHPUT_MIBPS,
        boot=True,
        annual_failure_rate=0.002,
        use="general purpose SSD, performance grows with size, bursts to 3,000 IOPS",
    ),
    "io2": VolumeType(
        name="io2",
        family="SSD",
        min_size_gib=4,
        max_size_gib=65_536,
        max_iops=256_000.0,
        max_throughput_mibps=4_000.0,
        boot=True,
        annual_failure_rate=0.00001,
        use="provisioned IOPS SSD (Block Express), 1,000 IOPS per GiB",
    ),
    "io1": VolumeType(
        name="io1",
        family="SSD",
        min_size_gib=4,
        max_size_gib=16_384,
        max_iops=64_000.0,
        max_throughput_mibps=1_000.0,
        boot=True,
        annual_failure_rate=0.002,
        use="provisioned IOPS SSD, 50 IOPS per GiB",
    ),
    "st1": VolumeType(
        name="st1",
        family="HDD",
        min_size_gib=125,
        max_size_gib=16_384,
        max_iops=500.0,
        max_throughput_mibps=500.0,
        boot=False,
        annual_failure_rate=0.002,
        use="throughput optimised HDD for large sequential reads",
    ),
    "sc1": VolumeType(
        name="sc1",
        family="HDD",
        min_size_gib=125,
        max_size_gib=16_384,
        max_iops=250.0,
        max_throughput_mibps=250.0,
        boot=False,
        annual_failure_rate=0.002,
        use="cold HDD, lowest cost, infrequent sequential access",
    ),
    "standard": VolumeType(
        name="standard",
        family="HDD",
        min_size_gib=1,
        max_size_gib=1_024,
        max_iops=200.0,
        max_throughput_mibps=90.0,
        boot=True,
        annual_failure_rate=0.002,
        use="magnetic, previous generation",
    ),
}
IO1_IOPS_PER_GIB = 50.0
IO2_IOPS_PER_GIB = 1_000.0
PIOPS_MIN_IOPS = 100.0
ST1_BASELINE_MIBPS_PER_TIB, ST1_BURST_MIBPS_PER_TIB = 40.0, 250.0
SC1_BASELINE_MIBPS_PER_TIB, SC1_BURST_MIBPS_PER_TIB = 12.0, 80.0
STANDARD_AVERAGE_IOPS = 100.0


@dataclass(frozen=True)
class EbsPrices:
    """us-east-1 list prices (USD). Source: aws.amazon.com/ebs/pricing/ as recorded 2026-11-27; override freely.

    >>> EBS_PRICES_US_EAST_1.gp3_usd_per_gb_month
    0.08
    """

    gp3_usd_per_gb_month: float = 0.08
    gp3_usd_per_iops_month: float = 0.005  # above 3,000
    gp3_usd_per_mibps_month: float = 0.04  # above 125 MiB/s
    gp2_usd_per_gb_month: float = 0.10
    io1_usd_per_gb_month: float = 0.125
    io1_usd_per_iops_month: float = 0.065
    io2_usd_per_gb_month: float = 0.125
    io2_usd_per_iops_month_tiers: tuple[tuple[float, float], ...] = (
        (32_000, 0.065),
        (64_000, 0.0455),
        (float("inf"), 0.032),
    )
    st1_usd_per_gb_month: float = 0.045
    sc1_usd_per_gb_month: float = 0.015
    standard_usd_per_gb_month: float = 0.05
    standard_usd_per_million_io: float = 0.05
    snapshot_usd_per_gb_month: float = 0.05
    snapshot_archive_usd_per_gb_month: float = 0.0125  # full snapshot blocks (snapshot-archive-pricing.html)
    snapshot_archive_restore_usd_per_gb: float = 0.03  # per GB restored from the archive tier (same page)
    fast_snapshot_restore_usd_per_dsu_hour: float = 0.75


EBS_PRICES_US_EAST_1 = EbsPrices()


@checked
def monthly_cost_usd(
    volume_type: str,
    size_gib: float,
    *,
    iops: float | None = None,
    throughput_mibps: float | None = None,
    io_per_month_millions: float = 0.0,
    prices: EbsPrices = EBS_PRICES_US_EAST_1,
) -> float:
    """Monthly list price (USD) of one volume with the given provisioned size, IOPS and throughput.

    >>> monthly_cost_usd("gp2", 100)
    10.0
    >>> round(monthly_cost_usd("gp3", 100, iops=4000, throughput_mibps=250), 2)
    18.0
    """
    validate.choice("volume_type", volume_type, VOLUME_TYPES)
    size = validate.number("size_gib", size_gib, minimum=0, exclusive_minimum=True, unit="GiB")
    if volume_type == "gp3":  # what CreateVolume accepts: whole numbers within the gp3 limits
        gp3_performance_check(
            size,
            GP3_BASELINE_IOPS if iops is None else iops,
            GP3_BASELINE_THROUGHPUT_MIBPS if throughput_mibps is None else throughput_mibps,
        )
    if volume_type in ("io1", "io2") and iops is not None:
        validate.integer("iops", iops, minimum=100, maximum=int(VOLUME_TYPES[volume_type].max_iops), unit="IOPS")
    return price_of_volume(
        volume_type,
        size,
        iops=iops,
        throughput_mibps=throughput_mibps,
        io_per_month_millions=io_per_month_millions,
        prices=prices,
    )


@checked
def price_of_volume(
    volume_type: str,
    size: float,
    *,
    iops: float | None,
    throughput_mibps: float | None,
    io_per_month_millions: float,
    prices: EbsPrices,
) -> float:
    """The list price arithmetic of monthly_cost_usd without its CreateVolume limits (for what-if rows).

    >>> price_of_volume("gp2", 100, iops=None, throughput_mibps=None, io_per_month_millions=0, prices=EBS_PRICES_US_EAST_1)
    10.0
    """
    if volume_type == "gp2":
        return size * prices.gp2_usd_per_gb_month
    if volume_type == "gp3":
        iops_p = GP3_BASELINE_IOPS if iops is None else validate.number("iops", iops, minimum=0)
        tp = (
            GP3_BASELINE_THROUGHPUT_MIBPS
            if throughput_mibps is None
            else validate.number("throughput_mibps", throughput_mibps, minimum=0)
        )
        return (
            size * prices.gp3_usd_per_gb_month
            + max(0.0, iops_p - GP3_BASELINE_IOPS) * prices.gp3_usd_per_iops_month
            + max(0.0, tp - GP3_BASELINE_THROUGHPUT_MIBPS) * prices.gp3_usd_per_mibps_month
        )
    if volume_type in ("io1", "io2"):
        if iops is None:
            raise ValueError(f"iops=None: {volume_type} needs provisioned IOPS (100 or more)")
        iops_p = validate.number("iops", iops, minimum=0)
        if volume_type == "io1":
            return size * prices.io1_usd_per_gb_month + iops_p * prices.io1_usd_per_iops_month
        cost, lower = size * prices.io2_usd_per_gb_month, 0.0
        for upper, rate in prices.io2_usd_per_iops_month_tiers:
            cost += max(0.0, min(iops_p, upper) - lower) * rate
            lower = upper
        return cost
    if volume_type == "standard":
        io = validate.number("io_per_month_millions", io_per_month_millions, minimum=0)
        return size * prices.standard_usd_per_gb_month + io * prices.standard_usd_per_million_io
    rate = prices.st1_usd_per_gb_month if volume_type == "st1" else prices.sc1_usd_per_gb_month
    return size * rate


# --- gp2 performance and burst credits -----------------------------------------------------------------------
@dataclass(frozen=True)
class Gp2Performance:
    """gp2 performance for one size: IOPS, how long a full credit bucket lasts, how long an empty one refills.

    >>> p = gp2_performance(100)
    >>> p.baseline_iops, p.burst_seconds
    (300.0, 2000.0)
    """

    size_gib: float
    baseline_iops: float
    burst_iops: float
    burst_seconds: float | None  # None where the baseline reaches 3,000 IOPS (no burst)
    refill_seconds: float | None
    sustained_throughput_mibps: float
    max_throughput_mibps: float


@checked
def gp2_performance(size_gib: float) -> Gp2Performance:
    """Baseline and burst IOPS, burst duration and refill time (seconds) of a gp2 volume of ``size_gib``.

    >>> gp2_performance(1000).burst_seconds is None
    True
    """
    size = validate.number("size_gib", size_gib, minimum=GP2_MIN_SIZE_GIB, maximum=GP2_MAX_SIZE_GIB, unit="GiB")
    baseline = min(max(GP2_MIN_IOPS, GP2_IOPS_PER_GIB * size), GP2_MAX_IOPS)
    if baseline < GP2_BURST_IOPS:
        burst = GP2_BURST_IOPS
        burst_s, refill_s = GP2_CREDIT_CAP / (GP2_BURST_IOPS - baseline), GP2_CREDIT_CAP / baseline
    else:
        burst, burst_s, refill_s = baseline, None, None
    size_cap = GP2_SMALL_THROUGHPUT_MIBPS if size <= GP2_SMALL_THROUGHPUT_MAX_GIB else GP2_MAX_THROUGHPUT_MIBPS
    sustained_cap = GP2_MAX_THROUGHPUT_MIBPS if size >= GP2_FULL_THROUGHPUT_MIN_GIB else GP2_SMALL_THROUGHPUT_MIBPS
    return Gp2Performance(
        size_gib=size,
        baseline_iops=baseline,
        burst_iops=burst,
        burst_seconds=burst_s,
        refill_seconds=refill_s,
        sustained_throughput_mibps=min(sustained_cap, baseline * MAX_IO_SIZE_MIB),
        max_throughput_mibps=min(size_cap, burst * MAX_IO_SIZE_MIB),
    )


def _demand_array(demand_iops: Sequence[float] | np.ndarray) -> np.ndarray:
    demand = np.asarray(demand_iops, dtype=float)
    if demand.ndim != 1 or demand.size == 0:
        raise ValueError(f"demand_iops must be a non-empty 1-D series of IOPS, got shape {demand.shape}")
    if not np.all(np.isfinite(demand)) or np.any(demand < 0):
        raise ValueError("demand_iops must hold finite values >= 0 IOPS")
    return demand


@checked
def clamped_walk(start: float, increments: np.ndarray, cap: float) -> np.ndarray:
    """Levels of ``start + cumsum(increments)`` kept inside [0, cap] step by step (vectorised per phase).

    Between touches of opposite walls only one wall can bind, and a walk held by one wall has a closed form
    (``s - min(0, running min of s)``); so the loop runs once per empty-to-full swing, not once per step.

    >>> clamped_walk(5.0, np.array([-10.0, 4.0, 20.0]), 10.0).tolist()
    [0.0, 4.0, 10.0]
    """
    increments = np.asarray(increments, dtype=float)
    validate.number("cap", cap, minimum=0)
    validate.number("start", start, minimum=0, maximum=cap, maximum_name="cap")
    out = np.empty(increments.size)
    pos, level, lower_phase = 0, float(start), True
    while pos < increments.size:
        s = level + np.cumsum(increments[pos:])
        if lower_phase:
            path = s - np.minimum(np.minimum.accumulate(s), 0.0)
            broken = np.flatnonzero(path > cap)
        else:
            path = s - np.maximum(np.maximum.accumulate(s - cap), 0.0)
            broken = np.flatnonzero(path < 0.0)
        if broken.size == 0:
            out[pos:] = path
            break
        k = int(broken[0])
        out[pos : pos + k] = path[:k]
        level = cap if lower_phase else 0.0
        out[pos + k] = level
        pos, lower_phase = pos + k + 1, not lower_phase
    return out


@dataclass(frozen=True, eq=False)
class Gp2BurstResult:
    """gp2 burst simulation: per step demand, delivered IOPS and the credit balance at the end of the step.

    >>> r = simulate_gp2_burst(100, [3000] * 3, 600)
    >>> r.credits.tolist()
    [3780000.0, 2160000.0, 540000.0]
    """

    performance: Gp2Performance
    step_seconds: float
    time_seconds: np.ndarray  # end of each step
    demand_iops: np.ndarray
    delivered_iops: np.ndarray
    credits: np.ndarray
    burst_balance_percent: np.ndarray  # the CloudWatch BurstBalance metric
    seconds_to_empty: float | None
    seconds_empty_to_full: float | None
    unmet_io: float  # I/O operations demanded but not delivered in the run


@checked
def simulate_gp2_burst(
    size_gib: float,
    demand_iops: Sequence[float] | np.ndarray,
    step_seconds: float = 1.0,
    *,
    initial_credits: float = GP2_CREDIT_CAP,
) -> Gp2BurstResult:
    """Run the gp2 credit bucket over an IOPS demand series (one value per ``step_seconds``).

    Token bucket: credits accrue at the baseline rate and each I/O spends one; the balance stays within
    [0, 5.4 million]. With credits the volume serves up to 3,000 IOPS, without them its baseline.

    >>> r = simulate_gp2_burst(100, [3000] * 4, step_seconds=900)
    >>> round(r.seconds_to_empty), round(r.unmet_io)
    (2000, 4320000)
    """
    perf = gp2_performance(size_gib)
    dt = validate.number("step_seconds", step_seconds, minimum=0, exclusive_minimum=True, unit="s")
    c0 = validate.number("initial_credits", initial_credits, minimum=0, maximum=GP2_CREDIT_CAP, unit="I/O credits")
    demand = _demand_array(demand_iops)
    n = demand.size
    time_s = dt * np.arange(1, n + 1)
    if perf.burst_seconds is None:
        delivered = np.minimum(demand, perf.baseline_iops)
        credits = np.full(n, GP2_CREDIT_CAP)
        return Gp2BurstResult(
            performance=perf,
            step_seconds=dt,
            time_seconds=time_s,
            demand_iops=demand,
            delivered_iops=delivered,
            credits=credits,
            burst_balance_percent=np.full(n, 100.0),
            seconds_to_empty=None,
            seconds_empty_to_full=None,
            unmet_io=float(np.sum(demand - delivered) * dt),
        )
    want = np.minimum(demand, perf.burst_iops)
    increments = (perf.baseline_iops - want) * dt
    credits = clamped_walk(c0, increments, GP2_CREDIT_CAP)
    before = np.concatenate(([c0], credits[:-1]))
    delivered = np.where(increments >= 0, want, perf.baseline_iops + (before - credits) / dt)
    to_empty = _first_crossing(before, credits, increments, dt, empty=True, after=0)
    to_full = None
    if to_empty is not None:
        start = int(to_empty // dt)
        full_at = _first_crossing(before, credits, increments, dt, empty=False, after=start)
        to_full = None if full_at is None else full_at - to_empty
    return Gp2BurstResult(
        performance=perf,
        step_seconds=dt,
        time_seconds=time_s,
        demand_iops=demand,
        delivered_iops=delivered,
        credits=credits,
        burst_balance_percent=100.0 * credits / GP2_CREDIT_CAP,
        seconds_to_empty=to_empty,
        seconds_empty_to_full=to_full,
        unmet_io=float(np.sum(demand - delivered) * dt),
    )


def _first_crossing(
    before: np.ndarray, after_arr: np.ndarray, inc: np.ndarray, dt: float, *, empty: bool, after: int
) -> float | None:
    """Interpolated time (seconds) the bucket first becomes empty (or full) at or after step ``after``."""
    tol = 1e-6
    hit = (
        (after_arr[after:] <= tol) & (inc[after:] < 0)
        if empty
        else (after_arr[after:] >= GP2_CREDIT_CAP - tol) & (inc[after:] > 0) & (before[after:] < GP2_CREDIT_CAP - tol)
    )
    idx = np.flatnonzero(hit)
    if idx.size == 0:
        return None
    i = after + int(idx[0])
    gap = before[i] if empty else GP2_CREDIT_CAP - before[i]
    return i * dt + dt * min(1.0, gap / abs(inc[i]))


@checked
def burst_pattern_demand(
    base_iops: float,
    peak_iops: float,
    *,
    peak_seconds: float,
    period_seconds: float,
    total_seconds: float,
    step_seconds: float = 1.0,
    noise_fraction: float = 0.0,
    seed: int = 0,
) -> np.ndarray:
    """A demand series: ``peak_iops`` for ``peak_seconds`` at the start of every period, else ``base_iops``.

    >>> burst_pattern_demand(100, 3000, peak_seconds=2, period_seconds=4, total_seconds=8).tolist()
    [3000.0, 3000.0, 100.0, 100.0, 3000.0, 3000.0, 100.0, 100.0]
    """
    base = validate.number("base_iops", base_iops, minimum=0)
    peak = validate.number("peak_iops", peak_iops, minimum=0)
    period = validate.number("period_seconds", period_seconds, minimum=0, exclusive_minimum=True, unit="s")
    peak_s = validate.number(
        "peak_seconds", peak_seconds, minimum=0, maximum=period, unit="s", maximum_name="period_seconds"
    )
    dt = validate.number("step_seconds", step_seconds, minimum=0, exclusive_minimum=True, unit="s")
    if total_seconds is not None and isinstance(total_seconds, (int, float)) and total_seconds < dt:
        raise ValueError(f"step_seconds={step_seconds!r} is longer than total_seconds={total_seconds!r}")
    total = validate.number("total_seconds", total_seconds, minimum=dt, maximum=1e7 * dt, unit="s")
    noise = validate.number("noise_fraction", noise_fraction, minimum=0, maximum=1)
    t = dt * np.arange(int(round(total / dt)))
    demand = np.where(np.mod(t, period) < peak_s, peak, base)
    if noise > 0:
        rng = np.random.default_rng(seed)
        demand = np.maximum(0.0, demand * (1.0 + noise * rng.standard_normal(t.size)))
    return demand


@checked
def with_prices(**overrides: float) -> EbsPrices:
    """us-east-1 prices with some fields replaced, e.g. ``with_prices(gp2_usd_per_gb_month=0.11)``.

    >>> with_prices(gp2_usd_per_gb_month=0.11).gp2_usd_per_gb_month
    0.11
    """
    return dataclasses.replace(EBS_PRICES_US_EAST_1, **overrides)
