"""EBS snapshots as blocks: incremental snapshots, deletion, lazy loading of restored volumes, encryption, persistence.

Units are in the names: ``blocks`` (512 KiB snapshot blocks), ``volume_gib``, ``ms``, ``usd``.

References:
    - Amazon EBS User Guide, "Create Amazon EBS snapshots" (incremental snapshots, snapshot encryption),
      https://docs.aws.amazon.com/ebs/latest/userguide/ebs-creating-snapshot.html (read 2026-12-03)
    - Amazon EBS User Guide, EBS direct APIs (ListSnapshotBlocks: BlockSize 524288),
      (no URL recorded; read 2026-11-27)
    - Amazon EBS User Guide, "Amazon EBS encryption" and "How EBS encryption works",
      (no URL recorded; read 2026-11-27)
    - Amazon EBS pricing, snapshots and fast snapshot restore,
      https://aws.amazon.com/ebs/pricing/ (read 2026-11-27)
    - Amazon EBS User Guide, "Pricing and billing for archiving Amazon EBS snapshots" (USD 0.0125 per GB-month,
      USD 0.03 per GB restored, 90-day minimum archive period),
      https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-archive-pricing.html (read 2026-12-03)
    - Amazon EC2 API Reference, "ModifySnapshotTier" (an archived snapshot becomes a full snapshot of every block
      written when it was taken), as shipped in botocore 1.44.8's EC2 model (read 2026-12-03)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.storage.cloudfront import zipf_indices
from awslab.storage.ebs import EBS_PRICES_US_EAST_1, EbsPrices
from awslab.validate import checked

# --- Incremental snapshots (block level) ------------------------------------------------------------------------
# Snapshot block size: EBS direct APIs (ListSnapshotBlocks returns BlockSize 524288), EBS User Guide, read 2026-11-27.
SNAPSHOT_BLOCK_KIB = 512


@dataclass(frozen=True, eq=False)
class SnapshotChain:
    """Snapshots of one volume, oldest first.

    ``images[k, b]`` is the version of block ``b`` that snapshot k captures (0: never written, nothing stored).
    ``owned[k]`` holds the block versions stored under snapshot k: those that changed since the previous
    remaining snapshot, plus any inherited when an older neighbour was deleted.

    >>> chain = take_snapshots(4, [[0, 1, 2], [1]])
    >>> chain.stored_blocks()
    4
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


@checked
def take_snapshots(n_blocks: int, writes: Sequence[Sequence[int]]) -> SnapshotChain:
    """Snapshot a volume after each batch of block writes; ``writes[k]`` are the blocks written before snapshot k.

    >>> take_snapshots(4, [[0, 1, 2], [1], [1, 3]]).stored_blocks()
    6
    """
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
    return SnapshotChain(n_blocks=n, snapshot_ids=ids, images=np.array(images), owned=tuple(owned))


@dataclass(frozen=True, eq=False)
class SnapshotDeletion:
    """What deleting one snapshot did: the chain left, blocks freed, blocks handed to the next snapshot.

    >>> d = delete_snapshot(take_snapshots(4, [[0, 1, 2], [1], [1, 3]]), "snap-0001")
    >>> d.freed_blocks, d.moved_blocks
    (1, 0)
    """

    chain: SnapshotChain
    freed_blocks: int
    moved_blocks: int


@checked
def delete_snapshot(chain: SnapshotChain, snapshot_id: str) -> SnapshotDeletion:
    """Delete one snapshot; only block versions no remaining snapshot needs are freed.

    A version stored under the deleted snapshot is still needed exactly when the next snapshot captures it
    (any later snapshot that captures it must pass through the next one), so it moves there; the rest is freed.

    >>> d = delete_snapshot(take_snapshots(4, [[0, 1, 2], [1]]), "snap-0000")
    >>> d.freed_blocks, d.moved_blocks, d.chain.stored_blocks()
    (1, 2, 3)
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
    remaining = SnapshotChain(
        n_blocks=chain.n_blocks, snapshot_ids=ids, images=np.delete(chain.images, k, axis=0), owned=tuple(owned)
    )
    return SnapshotDeletion(remaining, int(gone.size - moved.size), int(moved.size))


@checked
def random_snapshot_writes(
    n_blocks: int, n_snapshots: int, initial_fill_fraction: float = 0.6, change_fraction: float = 0.1, seed: int = 0
) -> list[np.ndarray]:
    """Seeded block writes: a first fill, then ``change_fraction`` of the blocks rewritten between snapshots.

    >>> [len(w) for w in random_snapshot_writes(10, 3, seed=0)]
    [6, 1, 1]
    """
    n = validate.integer("n_blocks", n_blocks, minimum=1, maximum=10_000_000, unit="blocks")
    m = validate.integer("n_snapshots", n_snapshots, minimum=1, maximum=1_000)
    fill = validate.number("initial_fill_fraction", initial_fill_fraction, minimum=0, maximum=1)
    change = validate.number("change_fraction", change_fraction, minimum=0, maximum=1)
    rng = np.random.default_rng(seed)
    writes = [np.sort(rng.choice(n, size=int(round(fill * n)), replace=False))]
    writes += [np.sort(rng.choice(n, size=int(round(change * n)), replace=False)) for _ in range(m - 1)]
    return writes


@checked
def snapshot_storage_usd(blocks: int, prices: EbsPrices = EBS_PRICES_US_EAST_1, archive: bool = False) -> float:
    """Monthly cost (USD) of storing ``blocks`` snapshot blocks of 512 KiB (standard or archive tier).

    For the archive tier pass the snapshot's full block count (see ``archive_snapshot_cost``), never its
    incremental blocks: an archived snapshot is stored whole.

    >>> round(snapshot_storage_usd(2048), 4)
    0.05
    """
    count = validate.integer("blocks", blocks, minimum=0)
    rate = prices.snapshot_archive_usd_per_gb_month if archive else prices.snapshot_usd_per_gb_month
    return count * SNAPSHOT_BLOCK_KIB / (1024 * 1024) * rate


# Archive tier: snapshot-archive-pricing.html (read 2026-12-03). Deleting or permanently restoring an archived
# snapshot before 90 days bills the remaining days at the archive rate.
SNAPSHOT_ARCHIVE_MIN_DAYS = 90


@dataclass(frozen=True)
class ArchivedSnapshotCost:
    """What archiving one snapshot costs: it is stored as a full snapshot, not as its incremental blocks.

    >>> c = archive_snapshot_cost(take_snapshots(4, [[0, 1, 2], [1]]), "snap-0001")
    >>> c.full_blocks, c.incremental_blocks
    (3, 1)
    """

    snapshot_id: str
    full_blocks: int  # every block the snapshot captures: what the archive tier stores and bills
    incremental_blocks: int  # the blocks it owned in the standard tier
    archive_usd_per_month: float
    minimum_usd: float  # the 90-day minimum at the archive rate
    restore_usd: float  # one restore of the whole snapshot back to the standard tier


@checked
def archive_snapshot_cost(
    chain: SnapshotChain, snapshot_id: str, prices: EbsPrices = EBS_PRICES_US_EAST_1
) -> ArchivedSnapshotCost:
    """Archive-tier cost of one snapshot of ``chain``: full size at the archive rate, 90-day minimum, restore fee.

    Archiving frees in the standard tier only the blocks no other snapshot needs; blocks shared with the snapshots
    that stay behind remain billed there.

    >>> round(archive_snapshot_cost(take_snapshots(2048, [range(2048)]), "snap-0000").restore_usd, 2)
    0.03
    """
    k = chain._index(snapshot_id)
    full = int(np.count_nonzero(chain.images[k]))
    gb = full * SNAPSHOT_BLOCK_KIB / (1024 * 1024)
    monthly = gb * prices.snapshot_archive_usd_per_gb_month
    return ArchivedSnapshotCost(
        snapshot_id=snapshot_id,
        full_blocks=full,
        incremental_blocks=int(chain.owned[k].size),
        archive_usd_per_month=monthly,
        minimum_usd=monthly * SNAPSHOT_ARCHIVE_MIN_DAYS / 30,
        restore_usd=gb * prices.snapshot_archive_restore_usd_per_gb,
    )


# --- Lazy loading of volumes restored from snapshots ------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class LazyLoadResult:
    """Reads against a volume restored from a snapshot: which were first touches fetched from S3, and latency.

    >>> r = simulate_lazy_loading(1, 1_000, seed=0)
    >>> r.cold_reads, round(r.blocks_touched_fraction, 2)
    (336, 0.16)
    """

    read_latency_ms: np.ndarray
    first_touch: np.ndarray
    cold_reads: int
    mean_latency_ms: float
    warm_mean_latency_ms: float
    penalty_seconds: float  # time spent waiting on first touches, summed over reads
    blocks_touched_fraction: float
    initialization_seconds: float  # reading every block once beforehand at init_throughput_mibps


@checked
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

    >>> round(simulate_lazy_loading(1, 1_000, seed=0).penalty_seconds, 2)
    6.38
    """
    size = validate.number("volume_gib", volume_gib, minimum=1, maximum=65_536, unit="GiB")
    reads = validate.integer("n_reads", n_reads, minimum=1, maximum=5_000_000)
    s = validate.number("zipf_exponent", zipf_exponent, minimum=0, maximum=5)
    cold = validate.number("cold_latency_ms", cold_latency_ms, minimum=0, unit="ms")
    warm = validate.number(
        "warm_latency_ms", warm_latency_ms, minimum=0, maximum=cold, unit="ms", maximum_name="cold_latency_ms"
    )
    init_tp = validate.number("init_throughput_mibps", init_throughput_mibps, minimum=0, exclusive_minimum=True)
    n_blocks = int(size * 1024 * 1024 // SNAPSHOT_BLOCK_KIB)
    rng = np.random.default_rng(seed)
    blocks = zipf_indices(n_blocks, reads, s, rng)
    first = np.zeros(reads, dtype=bool)
    first[np.unique(blocks, return_index=True)[1]] = True
    latency = np.where(first, cold, warm)
    return LazyLoadResult(
        read_latency_ms=latency,
        first_touch=first,
        cold_reads=int(first.sum()),
        mean_latency_ms=float(latency.mean()),
        warm_mean_latency_ms=warm,
        penalty_seconds=float((cold - warm) * first.sum() / 1000.0),
        blocks_touched_fraction=float(first.sum() / n_blocks),
        initialization_seconds=size * 1024 / init_tp,
    )


@checked
def fast_snapshot_restore_usd(
    snapshots: int, availability_zones: int, hours: float, prices: EbsPrices = EBS_PRICES_US_EAST_1
) -> float:
    """Cost (USD) of Fast Snapshot Restore: one data services unit-hour per snapshot, per AZ, per hour enabled.

    >>> fast_snapshot_restore_usd(1, 2, 24)
    36.0
    """
    n = validate.integer("snapshots", snapshots, minimum=0)
    azs = validate.integer("availability_zones", availability_zones, minimum=0)
    h = validate.number("hours", hours, minimum=0, unit="h")
    return n * azs * h * prices.fast_snapshot_restore_usd_per_dsu_hour


# --- Encryption and persistence rules ---------------------------------------------------------------------------
# EBS User Guide, "Amazon EBS encryption" and "How EBS encryption works", read 2026-11-27.
DEFAULT_EBS_KMS_KEY = "alias/aws/ebs"


@checked
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

    >>> encryption_outcome("CopySnapshot", encrypted=True)
    {'Encrypted': True, 'KmsKeyId': 'alias/aws/ebs'}
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


@checked
def data_after(storage: str, event: str, delete_on_termination: bool | None = None, root: bool = True) -> str:
    """What becomes of a volume's data after an instance event: "kept", "lost" or "deleted".

    Instance store survives only a reboot. EBS survives reboot, stop and hibernate; at termination it is
    deleted when DeleteOnTermination is true (default: true for the root volume, false for others).

    >>> data_after("ebs", "stop")
    'kept'
    >>> data_after("instance-store", "stop")
    'lost'
    """
    validate.choice("storage", storage, ("ebs", "instance-store"))
    validate.choice("event", event, ("reboot", "stop", "hibernate", "terminate"))
    if storage == "instance-store":
        return "kept" if event == "reboot" else "lost"
    if event != "terminate":
        return "kept"
    flag = root if delete_on_termination is None else bool(delete_on_termination)
    return "deleted" if flag else "kept"
