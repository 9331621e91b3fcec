"""Redshift: rows over slices by distribution style, join redistribution, zone-map block skipping, parallel COPY.

Row and block counts are plain integers; sizes GiB/MiB as named; times seconds.

References:
    - Amazon Redshift Database Developer Guide, "Choose the best distribution style" / sort keys,
      https://docs.aws.amazon.com/redshift/latest/dg/c_choosing_dist_sort.html (read 2026-11-27)
    - Amazon Redshift Database Developer Guide, "Evaluating the query plan" (data redistribution),
      https://docs.aws.amazon.com/redshift/latest/dg/c_data_redistribution.html (read 2026-11-27)
    - Amazon Redshift Database Developer Guide, "Loading data from compressed and uncompressed files",
      https://docs.aws.amazon.com/redshift/latest/dg/t_splitting-data-files.html (read 2026-11-27)
    - Amazon Redshift Database Developer Guide, "Implementing manual WLM",
      https://docs.aws.amazon.com/redshift/latest/dg/cm-c-defining-query-queues.html (read 2026-11-27)
"""

from __future__ import annotations

import heapq
import math
import reprlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.databases.dynamodb_partitions import zipf_shares
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

# Slices per compute node by node type ("Node type details", Redshift Management Guide working-with-clusters,
# read 2026-11-27).
SLICES_PER_NODE = {
    "ra3.large": 2,
    "ra3.xlplus": 2,
    "ra3.4xlarge": 4,
    "ra3.16xlarge": 16,
    "dc2.large": 2,
    "dc2.8xlarge": 16,
}
# Distribution styles (CREATE TABLE DISTSTYLE; AUTO, the default, starts as ALL for small tables and changes to
# EVEN or KEY as the table grows). https://docs.aws.amazon.com/redshift/latest/dg/c_choosing_dist_sort.html
# (read 2026-11-27). Columns are stored in 1 MB blocks with a min/max zone map per block.
DIST_STYLES = ("EVEN", "KEY", "ALL")
SORT_STYLES = ("none", "compound", "interleaved")
# Join redistribution labels in EXPLAIN output (https://docs.aws.amazon.com/redshift/latest/dg/c_data_redistribution.html,
# read 2026-11-27).
JOIN_LABELS = (
    "DS_DIST_NONE",
    "DS_DIST_ALL_NONE",
    "DS_DIST_INNER",
    "DS_DIST_OUTER",
    "DS_BCAST_INNER",
    "DS_DIST_ALL_INNER",
    "DS_DIST_BOTH",
)


def _hash_slice(keys: np.ndarray, slices: int) -> np.ndarray:
    """Deterministic 64-bit mix (splitmix64 finaliser) of integer keys, then modulo the slice count."""
    x = keys.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    x = x ^ (x >> np.uint64(31))
    return (x % np.uint64(slices)).astype(np.int64)


@checked
def sample_keys(rows: int, distinct_keys: int, *, zipf_exponent: float = 0.0, seed: int = 0) -> np.ndarray:
    """Seeded distribution-key column: ``rows`` integer keys with Zipf-skewed frequencies (0 = uniform).

    >>> sample_keys(5, 3, seed=0).tolist()
    [1, 0, 0, 0, 2]
    """
    count = validate.integer("rows", rows, minimum=0, maximum=50_000_000)
    shares = zipf_shares(distinct_keys, zipf_exponent)
    return np.random.default_rng(seed).choice(shares.size, size=count, p=shares)


@dataclass(frozen=True)
class Distribution:
    """Where a table's rows live: rows on each slice, and each row's slice (None for ALL).

    >>> distribute(sample_keys(1000, 50, seed=0), "EVEN").rows_per_slice.tolist()
    [250, 250, 250, 250]
    """

    style: str
    nodes: int
    slices_per_node: int
    rows: int
    rows_per_slice: np.ndarray
    slice_of_row: np.ndarray | None

    @property
    def stored_rows(self) -> int:
        """Rows stored across the cluster (rows x nodes for ALL)."""
        return int(self.rows_per_slice.sum())

    @property
    def skew(self) -> float:
        """Rows on the fullest slice over the mean of the slices that hold data (1.0 = perfectly even)."""
        used = self.rows_per_slice if self.style != "ALL" else self.rows_per_slice[:: self.slices_per_node]
        return float(used.max() / used.mean()) if used.sum() else 1.0


@checked
def distribute(keys: np.ndarray, style: str, *, nodes: int = 2, slices_per_node: int = 2) -> Distribution:
    """Place rows (given by their distribution-key values) on slices: EVEN round robin, KEY by hash, ALL everywhere.

    ALL keeps one full copy on the first slice of every node.

    >>> round(distribute(sample_keys(10_000, 100, zipf_exponent=1.0, seed=0), "KEY").skew, 2)
    1.39
    """
    validate.choice("style", style, DIST_STYLES)
    count = validate.integer("nodes", nodes, minimum=1, maximum=128)
    per_node = validate.integer("slices_per_node", slices_per_node, minimum=1, maximum=32)
    values = np.asarray(keys)
    if values.ndim != 1 or (values.size and not np.issubdtype(values.dtype, np.integer)):
        raise ValueError(f"keys must be a one-dimensional array of integer key values, got dtype {values.dtype}")
    slices = count * per_node
    if style == "ALL":
        per_slice = np.zeros(slices, dtype=np.int64)
        per_slice[::per_node] = values.size
        return Distribution(style, count, per_node, int(values.size), per_slice, None)
    where = np.arange(values.size) % slices if style == "EVEN" else _hash_slice(values, slices)
    return Distribution(style, count, per_node, int(values.size), np.bincount(where, minlength=slices), where)


@checked
def join_redistribution(
    outer_keys: np.ndarray,
    inner_keys: np.ndarray,
    *,
    outer_style: str,
    inner_style: str,
    nodes: int = 2,
    slices_per_node: int = 2,
) -> dict[str, object]:
    """Rows a hash join on the key column must move, and the EXPLAIN label of the cheapest legal strategy.

    A KEY table is taken to be distributed on the join column. The choice by fewest rows moved is a
    simplification of Redshift's cost-based planner.

    >>> join_redistribution(sample_keys(1000, 50, seed=0), sample_keys(50, 50, seed=1), outer_style="EVEN", inner_style="ALL")["label"]
    'DS_DIST_ALL_NONE'
    """
    validate.choice("outer_style", outer_style, DIST_STYLES)
    validate.choice("inner_style", inner_style, DIST_STYLES)
    outer = distribute(outer_keys, outer_style, nodes=nodes, slices_per_node=slices_per_node)
    inner = distribute(inner_keys, inner_style, nodes=nodes, slices_per_node=slices_per_node)
    slices = nodes * slices_per_node

    def moved(table: Distribution, keys: np.ndarray) -> int:
        if table.style == "KEY":
            return 0
        return int(np.sum(table.slice_of_row != _hash_slice(np.asarray(keys), slices)))

    broadcast = inner.rows * nodes
    if inner.style == "ALL":
        options = {"DS_DIST_ALL_NONE": 0}
    elif outer.style == "ALL":
        options = {"DS_DIST_ALL_INNER": inner.rows}
    elif outer.style == "KEY" and inner.style == "KEY":
        options = {"DS_DIST_NONE": 0}
    elif outer.style == "KEY":
        options = {"DS_DIST_INNER": moved(inner, inner_keys), "DS_BCAST_INNER": broadcast}
    elif inner.style == "KEY":
        options = {"DS_DIST_OUTER": moved(outer, outer_keys), "DS_BCAST_INNER": broadcast}
    else:
        options = {"DS_DIST_BOTH": moved(outer, outer_keys) + moved(inner, inner_keys), "DS_BCAST_INNER": broadcast}
    label = min(options, key=lambda k: options[k])
    return {
        "label": label,
        "rows_moved": options[label],
        "options": options,
        "outer_skew": outer.skew,
        "inner_skew": inner.skew,
    }


# --- Sort keys and zone maps ---------------------------------------------------------------------------------------
def _z_order(a: np.ndarray, b: np.ndarray, bits: int = 16) -> np.ndarray:
    code = np.zeros(a.size, dtype=np.int64)
    for bit in range(bits):
        code |= ((a >> bit) & 1) << (2 * bit + 1) | ((b >> bit) & 1) << (2 * bit)
    return code


@dataclass(frozen=True)
class ZoneMaps:
    """A two-column table (a, b) in its sorted order, with each block's min and max per column.

    >>> build_zone_maps(rows=10_000, seed=0).sort
    'compound'
    """

    sort: str
    rows_per_block: int
    distinct_values: int
    a: np.ndarray
    b: np.ndarray
    minimums: dict[str, np.ndarray]
    maximums: dict[str, np.ndarray]


@checked
def build_zone_maps(
    rows: int = 100_000,
    *,
    rows_per_block: int = 1000,
    sort: str = "compound",
    distinct_values: int = 1000,
    seed: int = 0,
) -> ZoneMaps:
    """Seeded table of uniform a, b in 0..distinct_values-1, sorted by ``sort``, cut into blocks with zone maps.

    "compound" sorts by a then b, "interleaved" by a Z-order of both (equal weight), "none" keeps load order.

    >>> len(build_zone_maps(rows=10_000, seed=0).minimums["a"])
    10
    """
    count = validate.integer("rows", rows, minimum=1, maximum=10_000_000)
    per_block = validate.integer("rows_per_block", rows_per_block, minimum=1, maximum=count)
    validate.choice("sort", sort, SORT_STYLES)
    domain = validate.integer("distinct_values", distinct_values, minimum=1, maximum=65_536)
    rng = np.random.default_rng(seed)
    a = rng.integers(0, domain, size=count)
    b = rng.integers(0, domain, size=count)
    if sort == "compound":
        order = np.lexsort((b, a))
    elif sort == "interleaved":
        order = np.argsort(_z_order(a, b, max(1, (domain - 1).bit_length())), kind="stable")
    else:
        order = np.arange(count)
    a, b = a[order], b[order]
    blocks = math.ceil(count / per_block)
    pad = blocks * per_block - count
    minimums, maximums = {}, {}
    for name, column in (("a", a), ("b", b)):
        padded = np.concatenate([column, np.full(pad, column[-1])]).reshape(blocks, per_block)
        minimums[name], maximums[name] = padded.min(axis=1), padded.max(axis=1)
    return ZoneMaps(sort, per_block, domain, a, b, minimums, maximums)


@checked
def zone_map_query(
    maps: ZoneMaps, a_range: tuple[int, int] | None = (0, 99), b_range: tuple[int, int] | None = None
) -> dict[str, float]:
    """Blocks a range query must read: those whose min/max overlap every predicate (None = no filter).

    >>> zone_map_query(build_zone_maps(rows=10_000, seed=0))["fraction_scanned"]
    0.2
    """
    blocks = maps.minimums["a"].size
    keep = np.ones(blocks, dtype=bool)
    matches = np.ones(maps.a.size, dtype=bool)
    for name, column, bounds in (("a_range", "a", a_range), ("b_range", "b", b_range)):
        if bounds is None:
            continue
        low, high = (validate.integer(name, v, minimum=0, maximum=maps.distinct_values - 1) for v in bounds)
        if low > high:
            raise ValueError(f"{name}={bounds!r} has its low end above its high end")
        keep &= (maps.maximums[column] >= low) & (maps.minimums[column] <= high)
        values = maps.a if column == "a" else maps.b
        matches &= (values >= low) & (values <= high)
    return {
        "blocks_total": float(blocks),
        "blocks_scanned": float(keep.sum()),
        "fraction_scanned": float(keep.sum() / blocks),
        "matching_rows": float(matches.sum()),
        "fraction_matching": float(matches.mean()),
    }


@checked
def zone_map_scan(
    rows: int = 100_000,
    *,
    rows_per_block: int = 1000,
    sort: str = "compound",
    a_range: tuple[int, int] | None = (0, 99),
    b_range: tuple[int, int] | None = None,
    distinct_values: int = 1000,
    seed: int = 0,
) -> dict[str, float]:
    """Blocks read by a range query on a table sorted by ``sort`` (``build_zone_maps`` then ``zone_map_query``).

    >>> zone_map_scan(rows=10_000, sort="none", seed=0)["fraction_scanned"]
    1.0
    """
    return zone_map_query(
        build_zone_maps(rows, rows_per_block=rows_per_block, sort=sort, distinct_values=distinct_values, seed=seed),
        a_range,
        b_range,
    )


# --- COPY in parallel ------------------------------------------------------------------------------------------------
# Each slice loads one file at a time, so the number of files should be a multiple of the slice count.
# https://docs.aws.amazon.com/redshift/latest/dg/t_splitting-data-files.html (read 2026-11-27)
# Per-slice load rate and per-file overhead below are teaching assumptions, not published figures; overridable.
SLICE_LOAD_MIB_PER_SECOND = 20.0
PER_FILE_OVERHEAD_SECONDS = 0.5


@checked
def copy_load(
    total_size_gib: float,
    files: int,
    *,
    nodes: int = 2,
    slices_per_node: int = 2,
    slice_mib_per_second: float = SLICE_LOAD_MIB_PER_SECOND,
    per_file_overhead_seconds: float = PER_FILE_OVERHEAD_SECONDS,
) -> dict[str, float]:
    """Time to COPY ``total_size_gib`` split into ``files`` equal files: waves of one file per slice.

    >>> copy_load(10, files=8)["seconds"]
    129.0
    """
    size = validate.number("total_size_gib", total_size_gib, minimum=0, unit="GiB")
    count = validate.integer("files", files, minimum=1, maximum=1_000_000)
    slices = validate.integer("nodes", nodes, minimum=1, maximum=128) * validate.integer(
        "slices_per_node", slices_per_node, minimum=1, maximum=32
    )
    rate = validate.number("slice_mib_per_second", slice_mib_per_second, minimum=0, exclusive_minimum=True)
    overhead = validate.number("per_file_overhead_seconds", per_file_overhead_seconds, minimum=0, unit="s")
    waves = math.ceil(count / slices)
    per_file = size * 1024 / count / rate + overhead
    busy = count * per_file
    return {
        "slices": float(slices),
        "waves": float(waves),
        "seconds": waves * per_file,
        "slice_utilization": busy / (waves * per_file * slices),
        "file_size_mib": size * 1024 / count,
    }


@checked
def zone_map_comparison(
    a_range: tuple[int, int] = (0, 99),
    b_range: tuple[int, int] = (0, 99),
    maps_by_sort: dict[str, ZoneMaps] | None = None,
    **settings: object,
) -> pd.DataFrame:
    """Share of blocks scanned for each sort style and predicate (on a, on b, on both).

    ``maps_by_sort`` reuses tables already built by ``build_zone_maps`` (one per sort style); otherwise each is built
    from ``settings``.

    >>> zone_map_comparison(rows=10_000).shape
    (9, 7)
    """
    import pandas as pd

    rows = []
    for sort in SORT_STYLES:
        maps = (
            maps_by_sort[sort] if maps_by_sort else build_zone_maps(sort=sort, **settings)  # type: ignore[arg-type]
        )
        for label, a, b in (("a only", a_range, None), ("b only", None, b_range), ("a and b", a_range, b_range)):
            rows.append({"sort": sort, "predicate": label, **zone_map_query(maps, a, b)})
    return pd.DataFrame(rows)


@checked
def copy_sweep(file_counts: list[int], total_size_gib: float = 10.0, **settings: object) -> pd.DataFrame:
    """COPY time and slice utilisation for each number of input files.

    >>> list(copy_sweep([1, 4], 10).seconds)
    [512.5, 128.5]
    """
    import pandas as pd

    return pd.DataFrame([{"files": n, **copy_load(total_size_gib, n, **settings)} for n in file_counts])  # type: ignore


# --- Workload management (WLM) queues --------------------------------------------------------------------------------
# Manual WLM: queues in the wlm_json_configuration shape; a query goes to the first queue listing its query group,
# else to the last (default) queue, and waits for one of that queue's query_concurrency slots.
# https://docs.aws.amazon.com/redshift/latest/dg/cm-c-defining-query-queues.html (read 2026-11-27)
MAX_WLM_QUERIES = 20_000
# The same page: "up to a total of eight user queues"; the model also bounds the query groups a queue lists.
MAX_WLM_QUEUES = 8
MAX_WLM_QUERY_GROUPS = 100
_WLM_MAX_CHARS = 20_000


@checked
def parse_wlm_json(text: str, where: str = "wlm_json_configuration") -> list[dict[str, object]]:
    """Queues from a ``wlm_json_configuration`` parameter value (a JSON list of queue objects).

    Bounded: at most 20,000 characters, 8 queues and 100 query groups per queue (``where`` names the value in
    messages).

    >>> parse_wlm_json('[{"query_group": ["short"], "query_concurrency": 2}, {"query_concurrency": 3}]')[0]
    {'query_group': ['short'], 'query_concurrency': 2}
    """
    queues = validate.json_objects(
        where, validate.json_document(where, text, expect=list, max_chars=_WLM_MAX_CHARS, max_depth=4)
    )
    if not queues:
        raise ValueError(f"{where} must be a non-empty JSON array of queue objects, got []")
    if len(queues) > MAX_WLM_QUEUES:
        raise ValueError(f"{where} has {len(queues)} queues; manual WLM allows at most {MAX_WLM_QUEUES} user queues")
    for i, queue in enumerate(queues):
        groups = queue.get("query_group", [])
        if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
            raise ValueError(f"{where}[{i}].query_group must be a list of group names, got {reprlib.repr(groups)}")
        if len(groups) > MAX_WLM_QUERY_GROUPS:
            raise ValueError(f"{where}[{i}].query_group lists {len(groups)} groups; at most {MAX_WLM_QUERY_GROUPS}")
        validate.integer(f"{where}[{i}].query_concurrency", queue.get("query_concurrency", 5), minimum=1, maximum=50)
    return queues


@checked
def simulate_wlm(
    queues: list[dict[str, object]],
    queries_per_minute: float = 20,
    long_share: float = 0.1,
    *,
    short_mean_seconds: float = 2.0,
    long_mean_seconds: float = 45.0,
    minutes: float = 60,
    seed: int = 0,
) -> pd.DataFrame:
    """Seeded FIFO simulation of WLM queues; one row per query with its group, queue, wait and run seconds.

    Queries arrive as a Poisson stream; a ``long_share`` of them are in query group "long" (exponential run time
    with mean ``long_mean_seconds``), the rest in "short". Each queue is
    ``{"query_group": [...], "query_concurrency": n}``; the last queue is the default.

    >>> simulate_wlm(parse_wlm_json(TWO_QUEUES), seed=0).shape
    (1200, 5)
    """
    import pandas as pd

    queues = parse_wlm_json.__wrapped__(queues, "queues")
    slots = [
        validate.integer(f"queues[{i}].query_concurrency", q.get("query_concurrency", 5), minimum=1, maximum=50)
        for i, q in enumerate(queues)
    ]
    rate = validate.number("queries_per_minute", queries_per_minute, minimum=0, exclusive_minimum=True)
    share = validate.number("long_share", long_share, minimum=0, maximum=1)
    short = validate.number("short_mean_seconds", short_mean_seconds, minimum=0, exclusive_minimum=True)
    long = validate.number("long_mean_seconds", long_mean_seconds, minimum=0, exclusive_minimum=True)
    span = validate.number("minutes", minutes, minimum=0, exclusive_minimum=True)
    count = int(rate * span)
    if count > MAX_WLM_QUERIES:
        raise ValueError(f"queries_per_minute x minutes = {count} queries; at most {MAX_WLM_QUERIES} are simulated")
    rng = np.random.default_rng(seed)
    arrivals = np.sort(rng.uniform(0, span * 60, size=count))
    is_long = rng.random(count) < share
    runs = np.where(is_long, rng.exponential(long, count), rng.exponential(short, count))
    groups = np.where(is_long, "long", "short")
    queue_of = np.array(
        [
            next((i for i, q in enumerate(queues[:-1]) if g in q.get("query_group", [])), len(queues) - 1)
            for g in ("short", "long")
        ]
    )[is_long.astype(int)]
    waits = np.zeros(count)
    for index, size in enumerate(slots):
        free = [0.0] * size
        for i in np.flatnonzero(queue_of == index).tolist():
            start = max(arrivals[i], heapq.heappop(free))
            waits[i] = start - arrivals[i]
            heapq.heappush(free, start + runs[i])
    return pd.DataFrame(
        {"query_group": groups, "queue": queue_of, "arrival_s": arrivals, "wait_s": waits, "run_s": runs}
    )


# (fact table, dimension table) distribution styles the join explorer and notebook compare.
JOIN_PAIRS = [("KEY", "KEY"), ("KEY", "EVEN"), ("EVEN", "KEY"), ("EVEN", "EVEN"), ("EVEN", "ALL"), ("ALL", "EVEN")]
# wlm_json_configuration values: the default single queue of five slots, and a short-query queue beside it.
ONE_QUEUE = '[{"query_concurrency": 5}]'
TWO_QUEUES = '[{"query_group": ["short"], "query_concurrency": 2}, {"query_concurrency": 3}]'
