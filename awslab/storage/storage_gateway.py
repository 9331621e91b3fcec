"""AWS Storage Gateway model: gateway types and their quotas, a capacity calculator, local-disk sizing,
and a cached-volume simulation (working set against local cache: hit ratio and bytes fetched from S3).

Sizes in GiB/TiB (binary, as the quotas are written), rates in MB/s, times in seconds.

References:
    - AWS Storage Gateway User Guide, "AWS Storage Gateway quotas" (volumes),
      (no URL recorded; read 2026-11-27)
    - Tape Gateway User Guide, "Quotas for tapes",
      (no URL recorded; read 2026-11-27)
    - Amazon S3 File Gateway User Guide, "Limits and quotas",
      (no URL recorded; read 2026-11-27)
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked


@dataclass(frozen=True)
class GatewayType:
    """One kind of gateway: how applications reach it, where the data lives, what stays on premises.

    >>> GATEWAY_TYPES["volume_cached"].protocol
    'iSCSI block volumes'
    """

    key: str
    name: str
    protocol: str
    data_lives_in: str
    kept_on_premises: str
    backups: str
    note: str = ""


GATEWAY_TYPES: dict[str, GatewayType] = {
    "s3_file": GatewayType(
        key="s3_file",
        name="Amazon S3 File Gateway",
        protocol="NFS or SMB file shares",
        data_lives_in="S3 objects, one per file, readable with the S3 API",
        kept_on_premises="a cache of recently used files",
        backups="S3 versioning, replication and lifecycle apply to the objects",
    ),
    "fsx_file": GatewayType(
        key="fsx_file",
        name="Amazon FSx File Gateway",
        protocol="SMB file shares",
        data_lives_in="an FSx for Windows File Server file system",
        kept_on_premises="a cache of recently used files",
        backups="FSx backups",
        note="no longer available to new customers (existing ones continue)",
    ),
    "volume_cached": GatewayType(
        key="volume_cached",
        name="Volume Gateway, cached volumes",
        protocol="iSCSI block volumes",
        data_lives_in="S3 (not visible as objects)",
        kept_on_premises="a cache of recently read and written data",
        backups="incremental snapshots stored as EBS snapshots",
    ),
    "volume_stored": GatewayType(
        key="volume_stored",
        name="Volume Gateway, stored volumes",
        protocol="iSCSI block volumes",
        data_lives_in="on premises; copied to S3 asynchronously",
        kept_on_premises="the whole data set",
        backups="incremental snapshots stored as EBS snapshots",
    ),
    "tape": GatewayType(
        key="tape",
        name="Tape Gateway (virtual tape library)",
        protocol="iSCSI VTL (tape drives and a changer)",
        data_lives_in="virtual tapes in S3; ejected tapes archived to S3 Glacier Flexible Retrieval or Deep Archive",
        kept_on_premises="a cache of recently written tapes",
        backups="the tapes are the backups",
    ),
}

# Quotas: Storage Gateway User Guide, "AWS Storage Gateway quotas" (volumes), Tape Gateway User Guide,
# "Quotas for tapes" (virtual tape up to 15 TiB [5 TiB]), S3 File Gateway User Guide "Limits and quotas"
# (50 file shares per gateway [10]); all read 2026-11-27.
TIB_GIB = 1024
VOLUME_LIMITS = {  # max volume TiB, volumes per gateway, total TiB per gateway
    "volume_cached": (32, 32, 1_024),
    "volume_stored": (16, 32, 512),
}
TAPE_MIN_GIB, TAPE_MAX_GIB = 100, 15 * TIB_GIB
TAPES_PER_LIBRARY = 1_500
LIBRARY_MAX_GIB = 1024 * TIB_GIB  # 1 PiB of tapes in one virtual tape library; the archive is unlimited
FILE_SHARES_PER_GATEWAY = 50
CACHE_MIN_GIB = 150
CACHE_MAX_GIB = {"s3_file": 64 * TIB_GIB, "fsx_file": 64 * TIB_GIB, "volume_cached": 16 * TIB_GIB, "tape": 64 * TIB_GIB}
UPLOAD_BUFFER_MIN_GIB, UPLOAD_BUFFER_MAX_GIB = 150, 2 * TIB_GIB
NEEDS_UPLOAD_BUFFER = ("volume_cached", "volume_stored", "tape")


@dataclass(frozen=True)
class CapacityReport:
    """Volumes or tapes checked against a gateway's quotas.

    >>> r = volume_capacity("volume_stored", [16, 8])
    >>> r.count, r.total_tib, r.fits
    (2, 24.0, True)
    """

    gateway_type: str
    count: int
    total_tib: float
    max_count: int
    max_item_tib: float
    max_total_tib: float
    remaining_tib: float
    fits: bool
    problems: tuple[str, ...]


def _sizes(name: str, sizes: Sequence[float], unit: str) -> list[float]:
    if isinstance(sizes, str) or not isinstance(sizes, Sequence | np.ndarray):
        raise ValueError(f"{name} must be a list of sizes in {unit}, got {sizes!r}")
    return [
        validate.number(f"{name}[{i}]", s, minimum=0, exclusive_minimum=True, unit=unit) for i, s in enumerate(sizes)
    ]


@checked
def volume_capacity(gateway_type: str, volume_sizes_tib: Sequence[float]) -> CapacityReport:
    """Check a Volume Gateway's volumes (TiB each) against the per-volume, count and total quotas.

    >>> volume_capacity("volume_cached", [32, 32, 16]).fits
    True
    >>> volume_capacity("volume_stored", [32]).problems
    ('volume 0 is 32 TiB; a stored volume holds at most 16 TiB',)
    """
    validate.choice("gateway_type", gateway_type, VOLUME_LIMITS)
    sizes = _sizes("volume_sizes_tib", volume_sizes_tib, "TiB")
    max_vol, max_n, max_total = VOLUME_LIMITS[gateway_type]
    problems = [
        f"volume {i} is {s:g} TiB; a {gateway_type.split('_')[1]} volume holds at most {max_vol} TiB"
        for i, s in enumerate(sizes)
        if s > max_vol
    ]
    if len(sizes) > max_n:
        problems.append(f"{len(sizes)} volumes; a gateway serves at most {max_n}")
    total = float(sum(sizes))
    if total > max_total:
        problems.append(f"{total:g} TiB in total; a gateway serves at most {max_total} TiB")
    return CapacityReport(
        gateway_type=gateway_type,
        count=len(sizes),
        total_tib=total,
        max_count=max_n,
        max_item_tib=max_vol,
        max_total_tib=max_total,
        remaining_tib=max(0.0, max_total - total),
        fits=not problems,
        problems=tuple(problems),
    )


@checked
def tape_library_capacity(tape_sizes_gib: Sequence[float]) -> CapacityReport:
    """Check the virtual tapes of one Tape Gateway library (GiB each) against the tape quotas.

    >>> tape_library_capacity([100, 2_048]).fits
    True
    """
    sizes = _sizes("tape_sizes_gib", tape_sizes_gib, "GiB")
    problems = [
        f"tape {i} is {s:g} GiB; tapes are {TAPE_MIN_GIB} GiB to {TAPE_MAX_GIB // TIB_GIB} TiB"
        for i, s in enumerate(sizes)
        if not TAPE_MIN_GIB <= s <= TAPE_MAX_GIB
    ]
    if len(sizes) > TAPES_PER_LIBRARY:
        problems.append(f"{len(sizes)} tapes; a library holds at most {TAPES_PER_LIBRARY} (archive more)")
    total = float(sum(sizes))
    if total > LIBRARY_MAX_GIB:
        problems.append(f"{total / TIB_GIB:g} TiB of tapes; a library holds at most 1 PiB (archive more)")
    return CapacityReport(
        gateway_type="tape",
        count=len(sizes),
        total_tib=total / TIB_GIB,
        max_count=TAPES_PER_LIBRARY,
        max_item_tib=TAPE_MAX_GIB / TIB_GIB,
        max_total_tib=LIBRARY_MAX_GIB / TIB_GIB,
        remaining_tib=max(0.0, (LIBRARY_MAX_GIB - total) / TIB_GIB),
        fits=not problems,
        problems=tuple(problems),
    )


@checked
def max_gateway_capacity_tib(gateway_type: str) -> float:
    """Largest data set one gateway can present (TiB): volumes x per-volume size, or the tape library.

    >>> max_gateway_capacity_tib("volume_cached")
    1024.0
    """
    validate.choice("gateway_type", gateway_type, (*VOLUME_LIMITS, "tape"))
    if gateway_type == "tape":
        return LIBRARY_MAX_GIB / TIB_GIB
    max_vol, max_n, max_total = VOLUME_LIMITS[gateway_type]
    return float(min(max_vol * max_n, max_total))


# --- Local disks -----------------------------------------------------------------------------------------------
@checked
def upload_buffer_gb(
    application_mb_per_s: float, network_mb_per_s: float, compression_factor: float, write_hours: float
) -> float:
    """Upload buffer (GB) to absorb a write burst: (application rate - network rate x compression) x duration.

    The sizing rule of the Volume and Tape Gateway guides ("Sizing the upload buffer"); 0 if the link keeps up.

    >>> round(upload_buffer_gb(120, 50, 1.5, 8))
    1296
    """
    app = validate.number("application_mb_per_s", application_mb_per_s, minimum=0, unit="MB/s")
    net = validate.number("network_mb_per_s", network_mb_per_s, minimum=0, unit="MB/s")
    comp = validate.number("compression_factor", compression_factor, minimum=1, unit="x")
    hours = validate.number("write_hours", write_hours, minimum=0, unit="h")
    return max(0.0, app - net * comp) * hours * 3600 / 1000


@checked
def check_local_disks(gateway_type: str, cache_gib: float, upload_buffer_gib: float = 0.0) -> tuple[str, ...]:
    """Problems with a gateway's cache and upload-buffer disks against the recommended sizes (empty: fine).

    >>> check_local_disks("volume_cached", 150, 200)
    ()
    """
    validate.choice("gateway_type", gateway_type, GATEWAY_TYPES)
    cache = validate.number("cache_gib", cache_gib, minimum=0, unit="GiB")
    buffer = validate.number("upload_buffer_gib", upload_buffer_gib, minimum=0, unit="GiB")
    problems = []
    if gateway_type in CACHE_MAX_GIB and not CACHE_MIN_GIB <= cache <= CACHE_MAX_GIB[gateway_type]:
        problems.append(f"cache {cache:g} GiB; use {CACHE_MIN_GIB} GiB to {CACHE_MAX_GIB[gateway_type] // TIB_GIB} TiB")
    if gateway_type in NEEDS_UPLOAD_BUFFER and not UPLOAD_BUFFER_MIN_GIB <= buffer <= UPLOAD_BUFFER_MAX_GIB:
        problems.append(f"upload buffer {buffer:g} GiB; use {UPLOAD_BUFFER_MIN_GIB} GiB to 2 TiB")
    return tuple(problems)


# --- Cached volumes: working set against local cache ----------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CachedVolumeResult:
    """Reads served by a cached volume's local cache (LRU) or fetched from S3.

    >>> r = simulate_cached_volume(1024, 200, 150, n_reads=2000, seed=0)
    >>> round(r.warm_hit_ratio, 2)
    0.33
    """

    reads: int
    hits: int
    hit_ratio: float
    bytes_from_s3: float
    warm_hit_ratio: float  # over the second half of the reads, once the cache has filled
    hit_ratio_over_time: np.ndarray
    predicted_hit_ratio: float  # the fast analytic estimate of the warm hit ratio


def _block_counts(
    volume_gib: float, working_set_gib: float, cache_gib: float, block_mib: float
) -> tuple[int, int, int]:
    volume = validate.number(
        "volume_gib",
        volume_gib,
        minimum=0,
        exclusive_minimum=True,
        maximum=VOLUME_LIMITS["volume_cached"][0] * TIB_GIB,
        unit="GiB",
    )
    working = validate.number(
        "working_set_gib", working_set_gib, minimum=0, exclusive_minimum=True, maximum=volume, unit="GiB"
    )
    cache = validate.number("cache_gib", cache_gib, minimum=0, unit="GiB")
    block = validate.number("block_mib", block_mib, minimum=0, exclusive_minimum=True, unit="MiB")
    per_gib = 1024 / block
    return max(1, int(volume * per_gib)), max(1, int(working * per_gib)), int(cache * per_gib)


@checked
def cached_volume_hit_ratio(
    volume_gib: float, working_set_gib: float, cache_gib: float, working_set_share: float = 0.9, block_mib: float = 64.0
) -> float:
    """Analytic LRU hit ratio (Che's approximation) for reads: ``working_set_share`` of them fall uniformly on
    the working set, the rest uniformly on the whole volume.

    >>> round(cached_volume_hit_ratio(1024, 200, 150), 3)
    0.606
    """
    n_vol, n_ws, n_cache = _block_counts(volume_gib, working_set_gib, cache_gib, block_mib)
    share = validate.number("working_set_share", working_set_share, minimum=0, maximum=1)
    n_cold = n_vol - n_ws
    p_cold = (1 - share) / n_vol  # every block, hot or not, also gets its share of the cold reads
    p_ws = share / n_ws + p_cold
    if n_cache <= 0:
        return 0.0
    if n_cache >= n_ws + (n_cold if p_cold > 0 else 0):  # every block that is ever read fits
        return 1.0

    def occupied(t: float) -> float:
        return n_ws * -math.expm1(-p_ws * t) + n_cold * -math.expm1(-p_cold * t)

    lo, hi = 0.0, 1.0
    while occupied(hi) < n_cache:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if occupied(mid) < n_cache else (lo, mid)
    t = (lo + hi) / 2
    return n_ws * p_ws * -math.expm1(-p_ws * t) + n_cold * p_cold * -math.expm1(-p_cold * t)


@checked
def simulate_cached_volume(
    volume_gib: float,
    working_set_gib: float,
    cache_gib: float,
    n_reads: int = 50_000,
    working_set_share: float = 0.9,
    block_mib: float = 64.0,
    seed: int = 0,
    n_buckets: int = 50,
) -> CachedVolumeResult:
    """Seeded reads against a cached volume whose local cache keeps the most recently used blocks.

    The cache starts cold. LRU replacement is sequential by nature, so reads are processed in a loop (up to
    200,000; use :func:`cached_volume_hit_ratio` for an instant estimate of the warm hit ratio). ``block_mib``
    is the model's caching granularity, coarse by default so that a short run warms the cache.

    >>> r = simulate_cached_volume(1024, 200, 150, n_reads=2000, seed=0)
    >>> r.reads, round(r.predicted_hit_ratio, 3)
    (2000, 0.606)
    """
    n_vol, n_ws, n_cache = _block_counts(volume_gib, working_set_gib, cache_gib, block_mib)
    reads = validate.integer("n_reads", n_reads, minimum=1, maximum=200_000)
    share = validate.number("working_set_share", working_set_share, minimum=0, maximum=1)
    buckets = validate.integer("n_buckets", n_buckets, minimum=1, maximum=reads)
    rng = np.random.default_rng(seed)
    hot = rng.random(reads) < share
    blocks = np.where(hot, rng.integers(0, n_ws, size=reads), rng.integers(0, n_vol, size=reads)).tolist()
    cache: OrderedDict[int, None] = OrderedDict()
    hit = np.zeros(reads, dtype=bool)
    for i, b in enumerate(blocks):
        if b in cache:
            cache.move_to_end(b)
            hit[i] = True
        elif n_cache > 0:
            cache[b] = None
            if len(cache) > n_cache:
                cache.popitem(last=False)
    hits = int(hit.sum())
    over_time = np.array([chunk.mean() for chunk in np.array_split(hit, buckets)])
    predicted = cached_volume_hit_ratio(volume_gib, working_set_gib, cache_gib, share, block_mib)
    warm = float(hit[reads // 2 :].mean())
    return CachedVolumeResult(
        reads=reads,
        hits=hits,
        hit_ratio=hits / reads,
        bytes_from_s3=(reads - hits) * block_mib * 1024**2,
        warm_hit_ratio=warm,
        hit_ratio_over_time=over_time,
        predicted_hit_ratio=predicted,
    )


@checked
def sizes_from_text(name: str, text: str) -> list[float]:
    """Sizes typed as a comma-separated list ("32, 32, 16") as floats; anything else raises naming ``name``.

    >>> sizes_from_text("sizes", "32, 32, 16")
    [32.0, 32.0, 16.0]
    """
    if len(str(text)) > 10_000:
        raise ValueError(f"{name} is {len(str(text)):,} characters long; at most 10,000 are allowed")
    parts = [p.strip() for p in str(text).split(",") if p.strip()]
    if not parts:
        raise ValueError(f"{name}={text!r}: type one or more sizes separated by commas, e.g. '32, 16'")
    try:
        sizes = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"{name}={text!r} holds something that is not a number; use e.g. '32, 16'") from None
    for size in sizes:
        validate.number(f"{name} entry", size, minimum=0)
    return sizes
