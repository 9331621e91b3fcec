"""Amazon EBS model: volume types, prices, gp2 burst credits, gp3 against gp2, RAID, snapshots, lazy loading.

The file holds the whole service (the chapter keeps one model module per service): performance models first,
then block-level incremental snapshots, lazy loading of restored volumes, encryption and persistence rules.

Units are in the names: ``size_gib``, ``iops``, ``throughput_mibps``, ``seconds``, ``usd_per_gb_month``.
Prices are us-east-1 list prices, overridable through :class:`EbsPrices`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.storage.cloudfront import zipf_indices

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


@dataclass(frozen=True)
class VolumeType:
    """Static facts about one EBS volume type (sizes in GiB, performance per volume)."""

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
        "gp3",
        "SSD",
        1,
        65_536,
        GP3_MAX_IOPS,
        GP3_MAX_THROUGHPUT_MIBPS,
        True,
        0.002,
        "general purpose SSD, performance provisioned independently of size",
    ),
    "gp2": VolumeType(
        "gp2",
        "SSD",
        1,
        16_384,
        GP2_MAX_IOPS,
        GP2_MAX_THROUGHPUT_MIBPS,
        True,
        0.002,
        "general purpose SSD, performance grows with size, bursts to 3,000 IOPS",
    ),
    "io2": VolumeType(
        "io2",
        "SSD",
        4,
        65_536,
        256_000.0,
        4_000.0,
        True,
        0.00001,
        "provisioned IOPS SSD (Block Express), 1,000 IOPS per GiB",
    ),
    "io1": VolumeType("io1", "SSD", 4, 16_384, 64_000.0, 1_000.0, True, 0.002, "provisioned IOPS SSD, 50 IOPS per GiB"),
    "st1": VolumeType(
        "st1", "HDD", 125, 16_384, 500.0, 500.0, False, 0.002, "throughput optimised HDD for large sequential reads"
    ),
    "sc1": VolumeType(
        "sc1", "HDD", 125, 16_384, 250.0, 250.0, False, 0.002, "cold HDD, lowest cost, infrequent sequential access"
    ),
    "standard": VolumeType("standard", "HDD", 1, 1_024, 200.0, 90.0, True, 0.002, "magnetic, previous generation"),
}
IO1_IOPS_PER_GIB = 50.0
IO2_IOPS_PER_GIB = 1_000.0
PIOPS_MIN_IOPS = 100.0
ST1_BASELINE_MIBPS_PER_TIB, ST1_BURST_MIBPS_PER_TIB = 40.0, 250.0
SC1_BASELINE_MIBPS_PER_TIB, SC1_BURST_MIBPS_PER_TIB = 12.0, 80.0
STANDARD_AVERAGE_IOPS = 100.0


@dataclass(frozen=True)
class EbsPrices:
    """us-east-1 list prices (USD). Source: aws.amazon.com/ebs/pricing/ as recorded 2026-11-27; override freely."""

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
    snapshot_archive_usd_per_gb_month: float = 0.0125
    fast_snapshot_restore_usd_per_dsu_hour: float = 0.75


EBS_PRICES_US_EAST_1 = EbsPrices()


def monthly_cost_usd(
    volume_type: str,
    size_gib: float,
    iops: float | None = None,
    throughput_mibps: float | None = None,
    io_per_month_millions: float = 0.0,
    prices: EbsPrices = EBS_PRICES_US_EAST_1,
) -> float:
    """Monthly list price (USD) of one volume with the given provisioned size, IOPS and throughput."""
    validate.choice("volume_type", volume_type, VOLUME_TYPES)
    size = validate.number("size_gib", size_gib, minimum=0, exclusive_minimum=True, unit="GiB")
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
    """gp2 performance for one size: IOPS, how long a full credit bucket lasts, how long an empty one refills."""

    size_gib: float
    baseline_iops: float
    burst_iops: float
    burst_seconds: float | None  # None where the baseline reaches 3,000 IOPS (no burst)
    refill_seconds: float | None
    sustained_throughput_mibps: float
    max_throughput_mibps: float


def gp2_performance(size_gib: float) -> Gp2Performance:
    """Baseline and burst IOPS, burst duration and refill time (seconds) of a gp2 volume of ``size_gib``."""
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
        size,
        baseline,
        burst,
        burst_s,
        refill_s,
        min(sustained_cap, baseline * MAX_IO_SIZE_MIB),
        min(size_cap, burst * MAX_IO_SIZE_MIB),
    )


def _demand_array(demand_iops: Sequence[float] | np.ndarray) -> np.ndarray:
    demand = np.asarray(demand_iops, dtype=float)
    if demand.ndim != 1 or demand.size == 0:
        raise ValueError(f"demand_iops must be a non-empty 1-D series of IOPS, got shape {demand.shape}")
    if not np.all(np.isfinite(demand)) or np.any(demand < 0):
        raise ValueError("demand_iops must hold finite values >= 0 IOPS")
    return demand


def clamped_walk(start: float, increments: np.ndarray, cap: float) -> np.ndarray:
    """Levels of ``start + cumsum(increments)`` kept inside [0, cap] step by step (vectorised per phase).

    Between touches of opposite walls only one wall can bind, and a walk held by one wall has a closed form
    (``s - min(0, running min of s)``); so the loop runs once per empty-to-full swing, not once per step.
    """
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
    """gp2 burst simulation: per step demand, delivered IOPS and the credit balance at the end of the step."""

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


def simulate_gp2_burst(
    size_gib: float,
    demand_iops: Sequence[float] | np.ndarray,
    step_seconds: float = 1.0,
    initial_credits: float = GP2_CREDIT_CAP,
) -> Gp2BurstResult:
    """Run the gp2 credit bucket over an IOPS demand series (one value per ``step_seconds``).

    Token bucket: credits accrue at the baseline rate and each I/O spends one; the balance stays within
    [0, 5.4 million]. With credits the volume serves up to 3,000 IOPS, without them its baseline.
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
            perf,
            dt,
            time_s,
            demand,
            delivered,
            credits,
            np.full(n, 100.0),
            None,
            None,
            float(np.sum(demand - delivered) * dt),
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
        perf,
        dt,
        time_s,
        demand,
        delivered,
        credits,
        100.0 * credits / GP2_CREDIT_CAP,
        to_empty,
        to_full,
        float(np.sum(demand - delivered) * dt),
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


def burst_pattern_demand(
    base_iops: float,
    peak_iops: float,
    peak_seconds: float,
    period_seconds: float,
    total_seconds: float,
    step_seconds: float = 1.0,
    noise_fraction: float = 0.0,
    seed: int = 0,
) -> np.ndarray:
    """A demand series: ``peak_iops`` for ``peak_seconds`` at the start of every period, else ``base_iops``."""
    base = validate.number("base_iops", base_iops, minimum=0)
    peak = validate.number("peak_iops", peak_iops, minimum=0)
    period = validate.number("period_seconds", period_seconds, minimum=0, exclusive_minimum=True, unit="s")
    peak_s = validate.number("peak_seconds", peak_seconds, minimum=0, maximum=period, unit="s")
    dt = validate.number("step_seconds", step_seconds, minimum=0, exclusive_minimum=True, unit="s")
    total = validate.number("total_seconds", total_seconds, minimum=dt, maximum=1e7 * dt, unit="s")
    noise = validate.number("noise_fraction", noise_fraction, minimum=0, maximum=1)
    t = dt * np.arange(int(round(total / dt)))
    demand = np.where(np.mod(t, period) < peak_s, peak, base)
    if noise > 0:
        rng = np.random.default_rng(seed)
        demand = np.maximum(0.0, demand * (1.0 + noise * rng.standard_normal(t.size)))
    return demand


# --- gp3 against gp2 --------------------------------------------------------------------------------------------
def _gp3_check(size_gib: float, iops: float, throughput_mibps: float) -> tuple[float, float, float]:
    size = validate.number("size_gib", size_gib, minimum=1, maximum=VOLUME_TYPES["gp3"].max_size_gib, unit="GiB")
    cap = max(GP3_BASELINE_IOPS, min(GP3_MAX_IOPS, GP3_IOPS_PER_GIB * size))
    iops_p = validate.number("iops", iops, minimum=GP3_BASELINE_IOPS, maximum=cap, unit="IOPS")
    tp_cap = min(GP3_MAX_THROUGHPUT_MIBPS, max(GP3_BASELINE_THROUGHPUT_MIBPS, GP3_MIBPS_PER_IOPS * iops_p))
    tp = validate.number(
        "throughput_mibps", throughput_mibps, minimum=GP3_BASELINE_THROUGHPUT_MIBPS, maximum=tp_cap, unit="MiB/s"
    )
    return size, iops_p, tp


@dataclass(frozen=True, eq=False)
class Gp3Gp2Comparison:
    """The same demand served by a gp2 volume and by a gp3 volume of the same size."""

    gp2: Gp2BurstResult
    gp3_iops: float
    gp3_throughput_mibps: float
    gp3_delivered_iops: np.ndarray
    gp2_unmet_io: float
    gp3_unmet_io: float
    gp2_monthly_usd: float
    gp3_monthly_usd: float


def compare_gp3_gp2(
    size_gib: float,
    demand_iops: Sequence[float] | np.ndarray,
    step_seconds: float = 1.0,
    gp3_iops: float = GP3_BASELINE_IOPS,
    gp3_throughput_mibps: float = GP3_BASELINE_THROUGHPUT_MIBPS,
    prices: EbsPrices = EBS_PRICES_US_EAST_1,
) -> Gp3Gp2Comparison:
    """Serve one demand series with gp2 (bursting) and with gp3 (flat provisioned IOPS); compare I/O and cost."""
    gp2 = simulate_gp2_burst(size_gib, demand_iops, step_seconds)
    size, iops_p, tp = _gp3_check(size_gib, gp3_iops, gp3_throughput_mibps)
    delivered = np.minimum(gp2.demand_iops, iops_p)
    return Gp3Gp2Comparison(
        gp2,
        iops_p,
        tp,
        delivered,
        gp2.unmet_io,
        float(np.sum(gp2.demand_iops - delivered) * gp2.step_seconds),
        monthly_cost_usd("gp2", size, prices=prices),
        monthly_cost_usd("gp3", size, iops_p, tp, prices=prices),
    )


# --- Volume chooser ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VolumeOption:
    """One volume type judged against a requirement: whether it qualifies, why not, how provisioned, cost."""

    volume_type: str
    qualifies: bool
    reasons: tuple[str, ...]
    provisioned_iops: float | None
    provisioned_throughput_mibps: float | None
    sustained_iops: float
    sustained_throughput_mibps: float
    monthly_usd: float | None  # None where the size is outside the type's range


def choose_volume(
    size_gib: float, iops: float, throughput_mibps: float, boot: bool = False, prices: EbsPrices = EBS_PRICES_US_EAST_1
) -> tuple[VolumeOption, ...]:
    """Judge every volume type for a size (GiB), sustained IOPS and throughput (MiB/s); cheapest fit first."""
    size = validate.number("size_gib", size_gib, minimum=1, maximum=65_536, unit="GiB")
    need_iops = validate.number("iops", iops, minimum=0, unit="IOPS")
    need_tp = validate.number("throughput_mibps", throughput_mibps, minimum=0, unit="MiB/s")
    options = [_judge(name, size, need_iops, need_tp, boot, prices) for name in VOLUME_TYPES]
    return tuple(
        sorted(options, key=lambda o: (not o.qualifies, o.monthly_usd if o.monthly_usd is not None else float("inf")))
    )


def _judge(name: str, size: float, need_iops: float, need_tp: float, boot: bool, prices: EbsPrices) -> VolumeOption:
    vt = VOLUME_TYPES[name]
    reasons: list[str] = []
    if not vt.min_size_gib <= size <= vt.max_size_gib:
        reasons.append(f"size {size:g} GiB outside {vt.min_size_gib}-{vt.max_size_gib} GiB")
    if boot and not vt.boot:
        reasons.append(f"{name} cannot be a boot volume")
    iops_p = tp_p = None
    if name == "gp2":
        perf = gp2_performance(min(max(size, 1.0), GP2_MAX_SIZE_GIB))
        iops_s, tp_s = perf.baseline_iops, perf.sustained_throughput_mibps
    elif name == "gp3":
        cap = max(GP3_BASELINE_IOPS, min(GP3_MAX_IOPS, GP3_IOPS_PER_GIB * size))
        iops_p = max(GP3_BASELINE_IOPS, need_iops, need_tp / GP3_MIBPS_PER_IOPS)
        tp_p = max(GP3_BASELINE_THROUGHPUT_MIBPS, need_tp)
        if iops_p > cap:
            reasons.append(f"needs {iops_p:,.0f} IOPS, gp3 allows {cap:,.0f} at {size:g} GiB")
        iops_s, tp_s = min(iops_p, cap), min(tp_p, GP3_MAX_THROUGHPUT_MIBPS, GP3_MIBPS_PER_IOPS * min(iops_p, cap))
    elif name in ("io1", "io2"):
        ratio = IO1_IOPS_PER_GIB if name == "io1" else IO2_IOPS_PER_GIB
        cap = min(vt.max_iops, ratio * size)
        iops_p = max(PIOPS_MIN_IOPS, need_iops, need_tp / MAX_IO_SIZE_MIB)
        if iops_p > cap:
            reasons.append(f"needs {iops_p:,.0f} IOPS, {name} allows {cap:,.0f} at {size:g} GiB")
        iops_s = min(iops_p, cap)
        tp_s = min(vt.max_throughput_mibps, iops_s * MAX_IO_SIZE_MIB)
    elif name in ("st1", "sc1"):
        per_tib = ST1_BASELINE_MIBPS_PER_TIB if name == "st1" else SC1_BASELINE_MIBPS_PER_TIB
        iops_s, tp_s = vt.max_iops, min(vt.max_throughput_mibps, per_tib * size / 1024)
    else:
        iops_s, tp_s = STANDARD_AVERAGE_IOPS, vt.max_throughput_mibps
    if need_iops > iops_s and not any("IOPS" in r for r in reasons):
        reasons.append(f"sustains {iops_s:,.0f} IOPS, {need_iops:,.0f} needed")
    if need_tp > tp_s:
        reasons.append(f"sustains {tp_s:,.1f} MiB/s, {need_tp:,.1f} needed")
    io_millions = need_iops * SECONDS_PER_MONTH / 1e6
    fits_size = vt.min_size_gib <= size <= vt.max_size_gib
    cost = monthly_cost_usd(name, size, iops_p, tp_p, io_millions, prices) if fits_size else None
    return VolumeOption(name, not reasons, tuple(reasons), iops_p, tp_p, iops_s, tp_s, cost)


# --- RAID ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RaidArray:
    """Capacity, performance and yearly chance of losing the array for n identical EBS volumes."""

    level: str
    volumes: int
    size_gib: float
    read_iops: float
    write_iops: float
    throughput_mibps: float
    annual_loss_probability: float
    limited_by_instance: bool


def raid_array(
    level: str,
    volumes: int,
    size_gib: float,
    iops: float,
    throughput_mibps: float,
    volume_annual_failure_rate: float = 0.002,
    instance_max_iops: float | None = None,
    instance_max_throughput_mibps: float | None = None,
) -> RaidArray:
    """RAID 0 (striping) or RAID 1 (mirroring) arithmetic over ``volumes`` identical volumes.

    RAID 0 adds size, IOPS and throughput and is lost when any member fails; RAID 1 keeps one volume's size,
    writes to every member and is lost only when all fail. The instance's EBS limits cap the sum.
    """
    validate.choice("level", level, ("RAID0", "RAID1"))
    n = validate.integer("volumes", volumes, minimum=2 if level == "RAID1" else 1, maximum=64)
    size = validate.number("size_gib", size_gib, minimum=1, unit="GiB")
    v_iops = validate.number("iops", iops, minimum=0, unit="IOPS")
    v_tp = validate.number("throughput_mibps", throughput_mibps, minimum=0, unit="MiB/s")
    afr = validate.number("volume_annual_failure_rate", volume_annual_failure_rate, minimum=0, maximum=1)
    if level == "RAID0":
        total_size, read, write, tp, loss = n * size, n * v_iops, n * v_iops, n * v_tp, 1 - (1 - afr) ** n
    else:
        total_size, read, write, tp, loss = size, n * v_iops, v_iops, v_tp, afr**n
    limited = False
    if instance_max_iops is not None:
        cap = validate.number("instance_max_iops", instance_max_iops, minimum=0, unit="IOPS")
        limited |= read > cap
        read, write = min(read, cap), min(write, cap)
    if instance_max_throughput_mibps is not None:
        cap = validate.number("instance_max_throughput_mibps", instance_max_throughput_mibps, minimum=0)
        limited |= tp > cap
        tp = min(tp, cap)
    return RaidArray(level, n, total_size, read, write, tp, loss, limited)


def with_prices(**overrides: float) -> EbsPrices:
    """us-east-1 prices with some fields replaced, e.g. ``with_prices(gp2_usd_per_gb_month=0.11)``."""
    return dataclasses.replace(EBS_PRICES_US_EAST_1, **overrides)


# --- Incremental snapshots (block level) ------------------------------------------------------------------------
# Snapshot block size: EBS direct APIs (ListSnapshotBlocks returns BlockSize 524288), EBS User Guide, read 2026-11-27.
SNAPSHOT_BLOCK_KIB = 512


@dataclass(frozen=True, eq=False)
class SnapshotChain:
    """Snapshots of one volume, oldest first.

    ``images[k, b]`` is the version of block ``b`` that snapshot k captures (0: never written, nothing stored).
    ``owned[k]`` holds the block versions stored under snapshot k: those that changed since the previous
    remaining snapshot, plus any inherited when an older neighbour was deleted.
    """

    n_blocks: int
    snapshot_ids: tuple[str, ...]
    images: np.ndarray
    owned: tuple[np.ndarray, ...]

    def stored_versions(self) -> np.ndarray:
        """Every block version kept for the chain (sorted, unique)."""
        return np.unique(np.concatenate(self.owned)) if self.owned else np.empty(0, dtype=np.int64)

    def stored_blocks(self) -> int:
        """Number of 512 KiB blocks the chain is billed for."""
        return int(sum(o.size for o in self.owned))

    def restore(self, snapshot_id: str) -> np.ndarray:
        """Block versions a volume created from ``snapshot_id`` would hold."""
        return self.images[self._index(snapshot_id)].copy()

    def _index(self, snapshot_id: str) -> int:
        validate.choice("snapshot_id", snapshot_id, self.snapshot_ids)
        return self.snapshot_ids.index(snapshot_id)


def take_snapshots(n_blocks: int, writes: Sequence[Sequence[int]]) -> SnapshotChain:
    """Snapshot a volume after each batch of block writes; ``writes[k]`` are the blocks written before snapshot k."""
    n = validate.integer("n_blocks", n_blocks, minimum=1, maximum=10_000_000, unit="blocks")
    if len(writes) == 0:
        raise ValueError("writes must list at least one batch of block indices (one per snapshot)")
    current = np.zeros(n, dtype=np.int64)
    images, owned = [], []
    previous = current.copy()
    for k, batch in enumerate(writes):
        blocks = np.unique(np.asarray(batch, dtype=np.int64))
        if blocks.size and (blocks[0] < 0 or blocks[-1] >= n):
            raise ValueError(f"writes[{k}] holds block indices outside 0-{n - 1}")
        current[blocks] = k * n + blocks + 1  # a unique id per (snapshot interval, block)
        changed = current != previous
        owned.append(np.unique(current[changed & (current > 0)]))
        images.append(current.copy())
        previous = current.copy()
    ids = tuple(f"snap-{k:04d}" for k in range(len(writes)))
    return SnapshotChain(n, ids, np.array(images), tuple(owned))


@dataclass(frozen=True, eq=False)
class SnapshotDeletion:
    """What deleting one snapshot did: the chain left, blocks freed, blocks handed to the next snapshot."""

    chain: SnapshotChain
    freed_blocks: int
    moved_blocks: int


def delete_snapshot(chain: SnapshotChain, snapshot_id: str) -> SnapshotDeletion:
    """Delete one snapshot; only block versions no remaining snapshot needs are freed.

    A version stored under the deleted snapshot is still needed exactly when the next snapshot captures it
    (any later snapshot that captures it must pass through the next one), so it moves there; the rest is freed.
    """
    k = chain._index(snapshot_id)
    gone = chain.owned[k]
    owned = list(chain.owned)
    moved = np.empty(0, dtype=np.int64)
    if k + 1 < len(chain.snapshot_ids):
        moved = np.intersect1d(gone, chain.images[k + 1])
        owned[k + 1] = np.union1d(owned[k + 1], moved)
    del owned[k]
    ids = chain.snapshot_ids[:k] + chain.snapshot_ids[k + 1 :]
    remaining = SnapshotChain(chain.n_blocks, ids, np.delete(chain.images, k, axis=0), tuple(owned))
    return SnapshotDeletion(remaining, int(gone.size - moved.size), int(moved.size))


def random_snapshot_writes(
    n_blocks: int, n_snapshots: int, initial_fill_fraction: float = 0.6, change_fraction: float = 0.1, seed: int = 0
) -> list[np.ndarray]:
    """Seeded block writes: a first fill, then ``change_fraction`` of the blocks rewritten between snapshots."""
    n = validate.integer("n_blocks", n_blocks, minimum=1, maximum=10_000_000, unit="blocks")
    m = validate.integer("n_snapshots", n_snapshots, minimum=1, maximum=1_000)
    fill = validate.number("initial_fill_fraction", initial_fill_fraction, minimum=0, maximum=1)
    change = validate.number("change_fraction", change_fraction, minimum=0, maximum=1)
    rng = np.random.default_rng(seed)
    writes = [np.sort(rng.choice(n, size=int(round(fill * n)), replace=False))]
    writes += [np.sort(rng.choice(n, size=int(round(change * n)), replace=False)) for _ in range(m - 1)]
    return writes


def snapshot_storage_usd(blocks: int, prices: EbsPrices = EBS_PRICES_US_EAST_1, archive: bool = False) -> float:
    """Monthly cost (USD) of storing ``blocks`` snapshot blocks of 512 KiB (standard or archive tier)."""
    count = validate.integer("blocks", blocks, minimum=0)
    rate = prices.snapshot_archive_usd_per_gb_month if archive else prices.snapshot_usd_per_gb_month
    return count * SNAPSHOT_BLOCK_KIB / (1024 * 1024) * rate


# --- Lazy loading of volumes restored from snapshots ------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class LazyLoadResult:
    """Reads against a volume restored from a snapshot: which were first touches fetched from S3, and latency."""

    read_latency_ms: np.ndarray
    first_touch: np.ndarray
    cold_reads: int
    mean_latency_ms: float
    warm_mean_latency_ms: float
    penalty_seconds: float  # time spent waiting on first touches, summed over reads
    blocks_touched_fraction: float
    initialization_seconds: float  # reading every block once beforehand at init_throughput_mibps


def simulate_lazy_loading(
    volume_gib: float,
    n_reads: int,
    zipf_exponent: float = 1.1,
    seed: int = 0,
    cold_latency_ms: float = 20.0,
    warm_latency_ms: float = 1.0,
    init_throughput_mibps: float = 250.0,
) -> LazyLoadResult:
    """Seeded reads (Zipf-like over 512 KiB blocks) on a freshly restored volume.

    The first read of a block waits for it to come from S3 (``cold_latency_ms``); later reads run at the
    volume's normal latency. Both latencies are illustrative assumptions, not AWS figures: AWS only says first
    access is slower, and recommends initialising (reading every block) or Fast Snapshot Restore.
    """
    size = validate.number("volume_gib", volume_gib, minimum=1, maximum=65_536, unit="GiB")
    reads = validate.integer("n_reads", n_reads, minimum=1, maximum=5_000_000)
    s = validate.number("zipf_exponent", zipf_exponent, minimum=0, maximum=5)
    cold = validate.number("cold_latency_ms", cold_latency_ms, minimum=0, unit="ms")
    warm = validate.number("warm_latency_ms", warm_latency_ms, minimum=0, maximum=cold, unit="ms")
    init_tp = validate.number("init_throughput_mibps", init_throughput_mibps, minimum=0, exclusive_minimum=True)
    n_blocks = int(size * 1024 * 1024 // SNAPSHOT_BLOCK_KIB)
    rng = np.random.default_rng(seed)
    blocks = zipf_indices(n_blocks, reads, s, rng)
    first = np.zeros(reads, dtype=bool)
    first[np.unique(blocks, return_index=True)[1]] = True
    latency = np.where(first, cold, warm)
    return LazyLoadResult(
        latency,
        first,
        int(first.sum()),
        float(latency.mean()),
        warm,
        float((cold - warm) * first.sum() / 1000.0),
        float(first.sum() / n_blocks),
        size * 1024 / init_tp,
    )


def fast_snapshot_restore_usd(
    snapshots: int, availability_zones: int, hours: float, prices: EbsPrices = EBS_PRICES_US_EAST_1
) -> float:
    """Cost (USD) of Fast Snapshot Restore: one data services unit-hour per snapshot, per AZ, per hour enabled."""
    n = validate.integer("snapshots", snapshots, minimum=0)
    azs = validate.integer("availability_zones", availability_zones, minimum=0)
    h = validate.number("hours", hours, minimum=0, unit="h")
    return n * azs * h * prices.fast_snapshot_restore_usd_per_dsu_hour


# --- Encryption and persistence rules ---------------------------------------------------------------------------
# EBS User Guide, "Amazon EBS encryption" and "How EBS encryption works", read 2026-11-27.
DEFAULT_EBS_KMS_KEY = "alias/aws/ebs"


def encryption_outcome(
    operation: str,
    source_encrypted: bool = False,
    encrypted: bool = False,
    kms_key_id: str | None = None,
    encryption_by_default: bool = False,
    source_kms_key_id: str = DEFAULT_EBS_KMS_KEY,
) -> dict:
    """Whether the resource an EBS call creates is encrypted, as ``{"Encrypted": ..., "KmsKeyId": ...}``.

    ``operation`` is CreateSnapshot (from a volume), CreateVolume (from a snapshot or empty when
    ``source_encrypted`` is False) or CopySnapshot. Encryption is inherited and can be added, never removed.
    """
    validate.choice("operation", operation, ("CreateSnapshot", "CreateVolume", "CopySnapshot"))
    if operation == "CreateSnapshot":
        if encrypted or kms_key_id is not None:
            raise ValueError(
                "encrypted/kms_key_id: CreateSnapshot takes neither; a snapshot inherits the volume's encryption"
            )
        return {"Encrypted": bool(source_encrypted), "KmsKeyId": source_kms_key_id if source_encrypted else None}
    result_encrypted = bool(source_encrypted or encrypted or encryption_by_default)
    if kms_key_id is not None and not result_encrypted:
        raise ValueError(f"kms_key_id={kms_key_id!r} needs encrypted=True (or an encrypted source)")
    if not result_encrypted:
        return {"Encrypted": False, "KmsKeyId": None}
    key = kms_key_id or (source_kms_key_id if source_encrypted else DEFAULT_EBS_KMS_KEY)
    return {"Encrypted": True, "KmsKeyId": key}


def data_after(storage: str, event: str, delete_on_termination: bool | None = None, root: bool = True) -> str:
    """What becomes of a volume's data after an instance event: "kept", "lost" or "deleted".

    Instance store survives only a reboot. EBS survives reboot, stop and hibernate; at termination it is
    deleted when DeleteOnTermination is true (default: true for the root volume, false for others).
    """
    validate.choice("storage", storage, ("ebs", "instance-store"))
    validate.choice("event", event, ("reboot", "stop", "hibernate", "terminate"))
    if storage == "instance-store":
        return "kept" if event == "reboot" else "lost"
    if event != "terminate":
        return "kept"
    flag = root if delete_on_termination is None else bool(delete_on_termination)
    return "deleted" if flag else "kept"
