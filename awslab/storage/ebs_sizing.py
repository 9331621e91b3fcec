"""EBS sizing: gp3 against gp2 for one workload, the volume-type chooser and RAID 0/1 arithmetic.

References:
    - Amazon EBS User Guide, "Amazon EBS General Purpose SSD volumes",
      https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html (read 2026-11-27)
    - Amazon EBS User Guide, "Amazon EBS volume types",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSVolumeTypes.html (read 2026-12-03)
    - Amazon EBS pricing, US East (N. Virginia),
      https://aws.amazon.com/ebs/pricing/ (read 2026-11-27)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.storage.ebs import (
    EBS_PRICES_US_EAST_1,
    GP2_MAX_SIZE_GIB,
    GP3_BASELINE_IOPS,
    GP3_BASELINE_THROUGHPUT_MIBPS,
    GP3_IOPS_PER_GIB,
    GP3_MAX_IOPS,
    GP3_MAX_THROUGHPUT_MIBPS,
    GP3_MIBPS_PER_IOPS,
    IO1_IOPS_PER_GIB,
    IO2_IOPS_PER_GIB,
    MAX_IO_SIZE_MIB,
    PIOPS_MIN_IOPS,
    SC1_BASELINE_MIBPS_PER_TIB,
    SECONDS_PER_MONTH,
    ST1_BASELINE_MIBPS_PER_TIB,
    STANDARD_AVERAGE_IOPS,
    VOLUME_TYPES,
    EbsPrices,
    Gp2BurstResult,
    gp2_performance,
    gp3_performance_check,
    monthly_cost_usd,
    price_of_volume,
    simulate_gp2_burst,
)
from awslab.validate import checked


# --- gp3 against gp2 --------------------------------------------------------------------------------------------
def _gp3_check(size_gib: float, iops: float, throughput_mibps: float) -> tuple[float, float, float]:
    return gp3_performance_check(
        size_gib, iops, throughput_mibps, names=("size_gib", "gp3_iops", "gp3_throughput_mibps")
    )


@dataclass(frozen=True, eq=False)
class Gp3Gp2Comparison:
    """The same demand served by a gp2 volume and by a gp3 volume of the same size.

    >>> c = compare_gp3_gp2(100, [3000] * 4, 900)
    >>> round(c.gp2_unmet_io), round(c.gp3_unmet_io)
    (4320000, 0)
    """

    gp2: Gp2BurstResult
    gp3_iops: float
    gp3_throughput_mibps: float
    gp3_delivered_iops: np.ndarray
    gp2_unmet_io: float
    gp3_unmet_io: float
    gp2_monthly_usd: float
    gp3_monthly_usd: float


@checked
def compare_gp3_gp2(
    size_gib: float,
    demand_iops: Sequence[float] | np.ndarray,
    step_seconds: float = 1.0,
    gp3_iops: float = GP3_BASELINE_IOPS,
    gp3_throughput_mibps: float = GP3_BASELINE_THROUGHPUT_MIBPS,
    prices: EbsPrices = EBS_PRICES_US_EAST_1,
) -> Gp3Gp2Comparison:
    """Serve one demand series with gp2 (bursting) and with gp3 (flat provisioned IOPS); compare I/O and cost.

    >>> c = compare_gp3_gp2(100, [3000] * 4, 900)
    >>> round(c.gp2_monthly_usd, 2), round(c.gp3_monthly_usd, 2)
    (10.0, 8.0)
    """
    gp2 = simulate_gp2_burst(size_gib, demand_iops, step_seconds)
    size, iops_p, tp = _gp3_check(size_gib, gp3_iops, gp3_throughput_mibps)
    delivered = np.minimum(gp2.demand_iops, iops_p)
    return Gp3Gp2Comparison(
        gp2=gp2,
        gp3_iops=iops_p,
        gp3_throughput_mibps=tp,
        gp3_delivered_iops=delivered,
        gp2_unmet_io=gp2.unmet_io,
        gp3_unmet_io=float(np.sum(gp2.demand_iops - delivered) * gp2.step_seconds),
        gp2_monthly_usd=monthly_cost_usd("gp2", size, prices=prices),
        gp3_monthly_usd=monthly_cost_usd("gp3", size, iops=iops_p, throughput_mibps=tp, prices=prices),
    )


# --- Volume chooser ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VolumeOption:
    """One volume type judged against a requirement: whether it qualifies, why not, how provisioned, cost.

    >>> o = choose_volume(500, 4000, 200)[0]
    >>> o.volume_type, o.qualifies, round(o.monthly_usd, 2)
    ('gp3', True, 48.0)
    """

    volume_type: str
    qualifies: bool
    reasons: tuple[str, ...]
    provisioned_iops: float | None
    provisioned_throughput_mibps: float | None
    sustained_iops: float
    sustained_throughput_mibps: float
    monthly_usd: float | None  # None where the size is outside the type's range


@checked
def choose_volume(
    size_gib: float, iops: float, throughput_mibps: float, boot: bool = False, prices: EbsPrices = EBS_PRICES_US_EAST_1
) -> tuple[VolumeOption, ...]:
    """Judge every volume type for a size (GiB), sustained IOPS and throughput (MiB/s); cheapest fit first.

    >>> [o.volume_type for o in choose_volume(500, 4000, 200) if o.qualifies]
    ['gp3', 'io2', 'io1']
    """
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
    cost = (
        price_of_volume(
            name, size, iops=iops_p, throughput_mibps=tp_p, io_per_month_millions=io_millions, prices=prices
        )
        if fits_size
        else None
    )
    return VolumeOption(
        volume_type=name,
        qualifies=not reasons,
        reasons=tuple(reasons),
        provisioned_iops=iops_p,
        provisioned_throughput_mibps=tp_p,
        sustained_iops=iops_s,
        sustained_throughput_mibps=tp_s,
        monthly_usd=cost,
    )


# --- RAID ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RaidArray:
    """Capacity, performance and yearly chance of losing the array for n identical EBS volumes.

    >>> a = raid_array("RAID0", 2, 500, 3000, 125)
    >>> a.read_iops, a.write_iops, a.size_gib
    (6000.0, 6000.0, 1000.0)
    """

    level: str
    volumes: int
    size_gib: float
    read_iops: float
    write_iops: float
    throughput_mibps: float
    annual_loss_probability: float
    limited_by_instance: bool


@checked
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

    >>> a = raid_array("RAID1", 2, 500, 3000, 125)
    >>> a.read_iops, a.write_iops, a.size_gib
    (6000.0, 3000.0, 500.0)
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
    return RaidArray(
        level=level,
        volumes=n,
        size_gib=total_size,
        read_iops=read,
        write_iops=write,
        throughput_mibps=tp,
        annual_loss_probability=loss,
        limited_by_instance=limited,
    )
