"""Explorers of 03_elasticache: cache-aside hits and latency, Memcached node failure, Redis failover."""

from __future__ import annotations

from functools import lru_cache

from awslab import ui
from awslab.databases import elasticache as ec
from awslab.databases import figures

CACHE_SIZES_ITEMS = [0, 50, 100, 250, 500, 1000, 2000, 3000, 5000]
CACHE_REQUESTS = 10_000
CACHE_RATE = 100.0
CACHE_KEYS = 5000


def _ttl_options(ttl_seconds: float) -> list[tuple[str, float]]:
    values = sorted({0.0, 10.0, 30.0, 60.0, float(ttl_seconds)})
    return [("no TTL" if v == 0 else f"{v:g} s", v) for v in values]


@lru_cache(maxsize=256)
def _cache_run(capacity: int, ttl: float, zipf: float, db_ms: float, seed: int) -> ec.CacheAsideResult:
    # The LRU simulation is a Python loop: results are memoised so moving back to a setting costs nothing.
    return ec.simulate_cache_aside(
        CACHE_REQUESTS,
        CACHE_RATE,
        CACHE_KEYS,
        zipf_exponent=zipf,
        cache_capacity_items=capacity,
        ttl_seconds=ttl,
        db_latency_ms=db_ms,
        seed=seed,
    )


def explore_cache_aside(
    cache_capacity_items: int = 500, ttl_seconds: float = 30, db_latency_ms: float = 10, seed: int = 0
) -> ui.Explorer:
    """Cache-aside in front of a database: database reads per second over time, hit ratio and mean latency.

    >>> explore_cache_aside().last_view.numbers["hit ratio"]
    '61.9%'
    """

    def view(cache_capacity_items, ttl_seconds, zipf_exponent, db_latency_ms):
        result = _cache_run(int(cache_capacity_items), float(ttl_seconds), float(zipf_exponent), db_latency_ms, seed)
        return ui.View(
            figures.cache_db_load_figure(result),
            {
                "hit ratio": f"{result.hit_ratio:.1%}",
                "mean latency": f"{result.mean_latency_ms:,.2f} ms",
                "misses: cold / expired / evicted": f"{result.cold_misses:,} / {result.expired_misses:,} / "
                f"{result.capacity_misses:,}",
            },
        )

    return ui.explorer(
        f"Cache-aside: {CACHE_REQUESTS:,} reads at {CACHE_RATE:g}/s over {CACHE_KEYS:,} keys",
        [
            ui.Slider(
                "cache_capacity_items",
                "cache size",
                min=0,
                max=5000,
                step=50,
                value=cache_capacity_items,
                unit="items",
                integer=True,
                static_values=CACHE_SIZES_ITEMS,
            ),  # fmt: skip
            ui.Choice("ttl_seconds", "TTL", options=_ttl_options(ttl_seconds), value=float(ttl_seconds)),
            ui.Slider("zipf_exponent", "key popularity skew", min=0, max=1.6, step=0.2, value=1.0),
            ui.Number("db_latency_ms", "database latency", value=db_latency_ms, unit="ms"),
        ],
        view,
    )


def explore_node_failure(
    nodes: int = 4, hit_ratio: float = 0.9, requests_per_second: float = 10_000, replacement_s: float = 300
) -> ui.Explorer:
    """Database load when one Memcached node fails: the chosen cluster next to a two-node cluster.

    >>> explore_node_failure().last_view.numbers["database reads before"]
    '1,000/s'
    """

    def view(nodes, hit_ratio, requests_per_second, replacement_s):
        runs = {
            f"{n} nodes": ec.memcached_node_failure(
                n, requests_per_second=requests_per_second, hit_ratio=hit_ratio, replacement_s=replacement_s
            )
            for n in sorted({2, int(nodes)})
        }
        chosen = runs[f"{int(nodes)} nodes"]
        moved = ec.remapped_key_fraction(max(2, int(nodes)), "consistent", keys=20_000) if nodes > 1 else 1.0
        modulo = ec.remapped_key_fraction(max(2, int(nodes)), "modulo", keys=20_000) if nodes > 1 else 1.0
        return ui.View(
            figures.node_failure_figure(runs, every_seconds=10),
            {
                "database reads before": f"{chosen['baseline_db_reads_per_second'].iloc[0]:,.0f}/s",
                "peak after the failure": f"{chosen['db_reads_per_second'].max():,.0f}/s",
                "keys that move (consistent hashing)": f"{moved:.0%}",
                "keys that move (hash mod N)": f"{modulo:.0%}",
            },
        )

    return ui.explorer(
        "Losing a Memcached node",
        [
            ui.Slider(
                "nodes",
                "nodes in the cluster",
                min=1,
                max=20,
                step=1,
                value=nodes,
                integer=True,
                static_values=[1, 2, 3, 4, 6, 8, 12, 20],
            ),
            ui.Slider("hit_ratio", "hit ratio", min=0.5, max=0.99, step=0.01, value=hit_ratio),
            ui.Number("requests_per_second", "reads", value=requests_per_second, unit="reads/s"),
            ui.Slider(
                "replacement_s", "replacement node joins after", min=0, max=600, step=30, value=replacement_s, unit="s"
            ),
        ],
        view,
    )


def explore_redis_failover(replicas: int = 1, detection_seconds: float = 15) -> ui.Explorer:
    """Failover of a Valkey/Redis OSS shard: with a replica to promote, or without.

    >>> explore_redis_failover().last_view.numbers["data after recovery"]
    'kept (the replica had it)'
    """

    def view(replicas, detection_seconds):
        timeline = ec.redis_failover_timeline(detection_seconds, replicas=replicas)
        return ui.View(
            figures.failover_timeline_figure(timeline, title="Valkey/Redis OSS primary failure"),
            {
                "writes fail for": f"{timeline[-1]['end_s']:,.0f} s",
                "data after recovery": "kept (the replica had it)"
                if replicas
                else "lost unless restored from a backup",
            },
        )

    return ui.explorer(
        "Redis replication group failover",
        [
            ui.Slider(
                "replicas",
                "replicas in the shard",
                min=0,
                max=ec.REDIS_MAX_REPLICAS_PER_SHARD,
                step=1,
                value=replicas,
                integer=True,
            ),
            ui.Number("detection_seconds", "failure detection", value=detection_seconds, unit="s"),
        ],
        view,
    )
