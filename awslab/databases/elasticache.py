"""ElastiCache: a seeded cache-aside simulation, Memcached node failure and key remapping, engine comparison.

Times are seconds unless a name says otherwise (latencies in milliseconds).

References:
    - Amazon ElastiCache User Guide, "Managing clusters",
      https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.html (read 2026-11-27)
    - Amazon ElastiCache User Guide, "Working with shards",
      https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Shards.html (read 2026-11-27)
    - Amazon ElastiCache User Guide, "Comparing Valkey, Memcached, and Redis OSS",
      https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SelectEngine.html (read 2026-11-27)
    - Amazon ElastiCache, "Redis OSS vs. Memcached",
      https://aws.amazon.com/elasticache/redis-vs-memcached/ (read 2026-11-27)
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.databases.dynamodb_partitions import zipf_shares
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

# Memcached clusters hold 1-60 nodes; a Valkey/Redis OSS shard has one primary and up to 5 replicas.
# https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.html and .../Shards.html (read 2026-11-27)
MEMCACHED_MAX_NODES = 60
REDIS_MAX_REPLICAS_PER_SHARD = 5
MAX_SIMULATED_REQUESTS = 500_000

# Memcached vs Valkey/Redis OSS (ElastiCache SelectEngine.html and aws.amazon.com/elasticache/redis-vs-memcached,
# read 2026-11-27). Valkey/Redis run commands on one main thread (I/O threads only help networking).
ENGINE_FEATURES = (
    ("Simple key/value strings and blobs", True, True),
    ("Rich data types (lists, sets, sorted sets, hashes, streams)", False, True),
    ("Multithreaded command execution on one node", True, False),
    ("Scale out by adding nodes / shards", True, True),
    ("Replication and read replicas", False, True),
    ("Automatic failover (Multi-AZ)", False, True),
    ("Persistence: backups and restore", False, True),
    ("Pub/sub messaging", False, True),
    ("Sorting and ranking (leaderboards)", False, True),
    ("Geospatial indexing", False, True),
    ("Encryption in transit and at rest", True, True),
)


@checked
def engine_comparison() -> pd.DataFrame:
    """Feature matrix: one row per feature, True where the engine has it.

    >>> engine_comparison().shape
    (11, 3)
    """
    import pandas as pd

    return pd.DataFrame(ENGINE_FEATURES, columns=["feature", "Memcached", "Valkey / Redis OSS"])


@dataclass(frozen=True)
class CacheAsideResult:
    """Outcome of a cache-aside run: per-request hits and timings plus database reads per second.

    >>> simulate_cache_aside(2000, 100, 500, cache_capacity_items=100, seed=0).hit_count
    1299
    """

    hits: np.ndarray
    request_times_s: np.ndarray
    cold_misses: int
    expired_misses: int
    capacity_misses: int
    evictions: int
    mean_latency_ms: float
    db_reads_per_second: np.ndarray

    @property
    def requests(self) -> int:
        """Requests served."""
        return int(self.hits.size)

    @property
    def hit_count(self) -> int:
        """Requests answered from the cache."""
        return int(self.hits.sum())

    @property
    def miss_count(self) -> int:
        """Requests that went to the database (then filled the cache)."""
        return self.requests - self.hit_count

    @property
    def hit_ratio(self) -> float:
        """Hits / requests."""
        return self.hit_count / self.requests if self.requests else 0.0


@checked
def simulate_cache_aside(
    requests: int = 20_000,
    requests_per_second: float = 1000,
    distinct_keys: int = 10_000,
    *,
    zipf_exponent: float = 1.0,
    cache_capacity_items: int = 1000,
    ttl_seconds: float = 60.0,
    cache_latency_ms: float = 0.5,
    db_latency_ms: float = 10.0,
    seed: int = 0,
) -> CacheAsideResult:
    """Cache-aside with an LRU cache of ``cache_capacity_items`` and a TTL: read cache, on a miss read DB and set.

    Requests arrive as a Poisson stream with Zipf-popular keys. ``ttl_seconds`` 0 means no expiry. A miss costs
    the cache lookup, the database read and the cache write (a second cache round trip).
    LRU order is inherently sequential, so the request loop is Python over pre-drawn numpy keys and times.

    >>> round(simulate_cache_aside(2000, 100, 500, cache_capacity_items=100, seed=0).hit_ratio, 3)
    0.649
    """
    count = validate.integer("requests", requests, minimum=1, maximum=MAX_SIMULATED_REQUESTS)
    rate = validate.number("requests_per_second", requests_per_second, minimum=0, exclusive_minimum=True)
    capacity = validate.integer("cache_capacity_items", cache_capacity_items, minimum=0)
    ttl = validate.number("ttl_seconds", ttl_seconds, minimum=0, unit="s")
    cache_ms = validate.number("cache_latency_ms", cache_latency_ms, minimum=0, unit="ms")
    db_ms = validate.number("db_latency_ms", db_latency_ms, minimum=0, unit="ms")
    shares = zipf_shares(distinct_keys, zipf_exponent)
    rng = np.random.default_rng(seed)
    keys = rng.choice(shares.size, size=count, p=shares).tolist()
    times = np.cumsum(rng.exponential(1.0 / rate, size=count))
    hits = np.zeros(count, dtype=bool)
    cache: OrderedDict[int, float] = OrderedDict()
    seen: set[int] = set()
    cold = expired = evictions = 0
    never = float("inf")
    for i, (key, now) in enumerate(zip(keys, times.tolist(), strict=True)):
        expiry = cache.get(key)
        if expiry is not None and expiry > now:
            hits[i] = True
            cache.move_to_end(key)
            continue
        if expiry is not None:
            expired += 1
            del cache[key]
        elif key not in seen:
            cold += 1
            seen.add(key)
        if capacity:
            cache[key] = now + ttl if ttl else never
            if len(cache) > capacity:
                cache.popitem(last=False)
                evictions += 1
    misses = count - int(hits.sum())
    latency = (count * cache_ms + misses * (db_ms + cache_ms)) / count
    db_reads = np.bincount(times[~hits].astype(int), minlength=int(times[-1]) + 1).astype(float)
    return CacheAsideResult(hits, times, cold, expired, misses - cold - expired, evictions, latency, db_reads)


@checked
def cache_aside_sweep(cache_capacities_items: list[int], ttls_seconds: list[float], **settings: object) -> pd.DataFrame:
    """Hit ratio, database reads per second and mean latency over a grid of cache sizes and TTLs (same seed).

    >>> cache_aside_sweep([10, 100], [60], requests=2000, distinct_keys=500).shape
    (2, 8)
    """
    import pandas as pd

    rows = []
    for ttl in ttls_seconds:
        for capacity in cache_capacities_items:
            result = simulate_cache_aside(cache_capacity_items=capacity, ttl_seconds=ttl, **settings)  # type: ignore
            duration = float(result.request_times_s[-1])
            rows.append(
                {
                    "cache_capacity_items": capacity,
                    "ttl_seconds": ttl,
                    "hit_ratio": result.hit_ratio,
                    "db_reads_per_second": result.miss_count / duration if duration else 0.0,
                    "mean_latency_ms": result.mean_latency_ms,
                    "requests": result.requests,
                    "hits": result.hit_count,
                    "misses": result.miss_count,
                }
            )
    return pd.DataFrame(rows)


# --- Memcached: hashing and node failure ---------------------------------------------------------------------------
@checked
def remapped_key_fraction(
    nodes: int, hashing: str = "consistent", *, keys: int = 100_000, virtual_nodes: int = 100, seed: int = 0
) -> float:
    """Share of keys that move to another node when one of ``nodes`` is removed ("consistent" ring or "modulo").

    >>> round(remapped_key_fraction(4, keys=10_000), 2)
    0.27
    >>> round(remapped_key_fraction(4, "modulo", keys=10_000), 2)
    0.76
    """
    count = validate.integer("nodes", nodes, minimum=2, maximum=MEMCACHED_MAX_NODES)
    validate.choice("hashing", hashing, ("consistent", "modulo"))
    samples = validate.integer("keys", keys, minimum=1, maximum=10_000_000)
    vnodes = validate.integer("virtual_nodes", virtual_nodes, minimum=1, maximum=1000)
    rng = np.random.default_rng(seed)
    if hashing == "modulo":
        digest = rng.integers(0, 2**62, size=samples)
        return float(np.mean(digest % count != digest % (count - 1)))
    points = rng.random(count * vnodes)
    owners = np.repeat(np.arange(count), vnodes)
    order = np.argsort(points)
    points, owners = points[order], owners[order]
    positions = rng.random(samples)
    before = owners[np.searchsorted(points, positions) % points.size]
    survivors = owners != count - 1
    after = owners[survivors][np.searchsorted(points[survivors], positions) % int(survivors.sum())]
    return float(np.mean(before != after))


@checked
def memcached_node_failure(
    nodes: int = 4,
    *,
    requests_per_second: float = 10_000,
    hit_ratio: float = 0.9,
    failure_at_s: float = 60,
    replacement_s: float = 300,
    warmup_s: float = 120,
    seconds: int = 900,
) -> pd.DataFrame:
    """Database reads per second around the loss of one of ``nodes`` equal Memcached nodes.

    The failed node's 1/nodes of the key space misses until a replacement joins empty; it then refills with
    time constant ``warmup_s``. Many small nodes lose a small slice each; few large nodes lose a big one.

    >>> int(memcached_node_failure(seconds=400)["db_reads_per_second"].max())
    3250
    """
    import pandas as pd

    count = validate.integer("nodes", nodes, minimum=1, maximum=MEMCACHED_MAX_NODES)
    rate = validate.number("requests_per_second", requests_per_second, minimum=0)
    ratio = validate.number("hit_ratio", hit_ratio, minimum=0, maximum=1)
    fail = validate.number("failure_at_s", failure_at_s, minimum=0, unit="s")
    replace = validate.number("replacement_s", replacement_s, minimum=0, unit="s")
    warm = validate.number("warmup_s", warmup_s, minimum=0, unit="s", exclusive_minimum=True)
    steps = validate.integer("seconds", seconds, minimum=1, maximum=86_400, unit="s")
    t = np.arange(steps, dtype=float)
    lost_hit_ratio = np.where(t < fail, 0.0, ratio)
    back = t >= fail + replace
    lost_hit_ratio[back] = ratio * np.exp(-(t[back] - fail - replace) / warm)
    baseline = rate * (1 - ratio)
    db = baseline + rate / count * lost_hit_ratio
    return pd.DataFrame({"second": t, "db_reads_per_second": db, "baseline_db_reads_per_second": baseline})


@checked
def redis_failover_timeline(
    detection_seconds: float = 15,
    promotion_seconds: float = 30,
    *,
    dns_update_seconds: float = 10,
    replicas: int = 1,
    replacement_seconds: float = 600,
) -> list[dict[str, float | str]]:
    """Failover of a Valkey/Redis OSS shard: detect, promote a replica, repoint the primary endpoint.

    With ``replicas`` 0 there is nothing to promote: the node is replaced and comes back empty unless restored
    from a backup, so the outage lasts ``replacement_seconds``.

    >>> [step["phase"] for step in redis_failover_timeline()]
    ['detect primary failure', 'promote a replica', 'update primary endpoint DNS']
    """
    count = validate.integer("replicas", replicas, minimum=0, maximum=REDIS_MAX_REPLICAS_PER_SHARD)
    promote = (
        ("promote a replica", "promotion_seconds", promotion_seconds)
        if count
        else ("replace the node (starts empty)", "replacement_seconds", replacement_seconds)
    )
    timeline, clock = [], 0.0
    for name, param, seconds in (
        ("detect primary failure", "detection_seconds", detection_seconds),
        promote,
        ("update primary endpoint DNS", "dns_update_seconds", dns_update_seconds),
    ):
        duration = validate.number(param, seconds, minimum=0, unit="s")
        timeline.append({"phase": name, "start_s": clock, "end_s": clock + duration})
        clock += duration
    return timeline
