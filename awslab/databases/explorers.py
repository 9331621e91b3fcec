"""Explorers for the databases notebooks: controls -> model -> figure, all built through awslab.ui.

RDS and DynamoDB live here; the ElastiCache and Redshift ones in ``explorers_cache_warehouse`` are re-exported.
"""

from __future__ import annotations

from awslab import ui
from awslab.databases import dynamodb as ddb
from awslab.databases import dynamodb_partitions as hot
from awslab.databases import figures, rds
from awslab.databases.explorers_cache_warehouse import (  # noqa: F401  (one import path for every notebook)
    CACHE_SIZES_ITEMS,
    JOIN_PAIRS,
    ONE_QUEUE,
    TWO_QUEUES,
    _with,
    explore_cache_aside,
    explore_copy,
    explore_distribution,
    explore_join,
    explore_node_failure,
    explore_redis_failover,
    explore_wlm,
    explore_zone_maps,
)

# --- RDS -----------------------------------------------------------------------------------------------------------
RECOVERY_SETUPS = {
    "no automated backups, daily snapshot": dict(backup_retention_days=0),
    "automated backups, 7 days": dict(backup_retention_days=7),
    "backups + Multi-AZ": dict(backup_retention_days=7, multi_az=True),
    "backups + Multi-AZ + read replica": dict(backup_retention_days=7, multi_az=True, read_replicas=1),
    "backups + read replica (no Multi-AZ)": dict(backup_retention_days=7, read_replicas=1),
    "backups + Multi-AZ + cross-Region replica": dict(
        backup_retention_days=7, multi_az=True, cross_region_replica=True
    ),
}


def explore_recovery(
    setup: str = "backups + Multi-AZ",
    database_size_gib: float = 100,
    replica_lag_seconds: float = 5,
    corruption_detected_after_hours: float = 2,
) -> ui.Explorer:
    """RPO and RTO of each failure scenario under a backup/Multi-AZ/replica setup."""

    def view(setup, database_size_gib, replica_lag_seconds, corruption_detected_after_hours):
        matrix = rds.recovery_matrix(
            **RECOVERY_SETUPS[setup],
            database_size_gib=database_size_gib,
            replica_lag_seconds=replica_lag_seconds,
            corruption_detected_after_hours=corruption_detected_after_hours,
        )
        numbers = {
            row.scenario.replace("_", " "): f"{row.mechanism} (RPO {row.rpo_seconds / 60:,.1f} min, "
            f"RTO {row.rto_seconds / 60:,.1f} min)"
            for row in matrix.itertuples()
        }
        return ui.View(figures.recovery_figure(matrix), numbers)

    return ui.explorer(
        "RPO and RTO: what each setup recovers from, and how fast",
        [
            ui.Choice("setup", "setup", options=list(RECOVERY_SETUPS), value=setup),
            ui.Number("database_size_gib", "database size", value=database_size_gib, unit="GiB"),
            ui.Slider("replica_lag_seconds", "replica lag", min=0, max=60, step=1, value=replica_lag_seconds, unit="s"),
            ui.Slider(
                "corruption_detected_after_hours",
                "bad write found after",
                min=0,
                max=24 * 40,
                step=12,
                value=corruption_detected_after_hours,
                unit="h",
            ),
        ],
        view,
    )


def explore_failover(
    detection_seconds: float = 30,
    promotion_seconds: float = 45,
    dns_update_seconds: float = 10,
    client_dns_cache_seconds: float = 5,
    client_reconnect_seconds: float = 5,
) -> ui.Explorer:
    """Phases of a Multi-AZ failover; a client that caches DNS too long stretches the outage."""

    def view(client_dns_cache_seconds, detection_seconds, promotion_seconds, dns_update_seconds,
             client_reconnect_seconds):  # fmt: skip
        timeline = rds.failover_timeline(
            detection_seconds, promotion_seconds, dns_update_seconds, client_dns_cache_seconds, client_reconnect_seconds
        )
        total = timeline[-1]["end_s"]
        low, high = rds.MULTI_AZ_FAILOVER_SECONDS
        return ui.View(
            figures.failover_timeline_figure(timeline),
            {
                "writes fail for": f"{total:,.0f} s",
                "AWS's typical failover": f"{low}-{high} s (plus your client's DNS caching)",
            },
        )

    return ui.explorer(
        "Multi-AZ failover timeline",
        [
            ui.Slider(
                "client_dns_cache_seconds",
                "client DNS cache",
                min=0,
                max=300,
                step=5,
                value=client_dns_cache_seconds,
                unit="s",
                static_values=_with([0, 5, 30, 60, 120, 300], client_dns_cache_seconds),
            ),
            ui.Number("detection_seconds", "failure detection", value=detection_seconds, unit="s"),
            ui.Slider(
                "promotion_seconds", "standby promotion", min=10, max=120, step=5, value=promotion_seconds, unit="s"
            ),
            ui.Slider("dns_update_seconds", "CNAME update", min=0, max=60, step=5, value=dns_update_seconds, unit="s"),
            ui.Slider(
                "client_reconnect_seconds",
                "client reconnect",
                min=0,
                max=60,
                step=1,
                value=client_reconnect_seconds,
                unit="s",
            ),
        ],
        view,
    )


def explore_replica_lag(
    mean_writes_per_second: float = 800,
    apply_writes_per_second: float = 1000,
    burst_multiplier: float = 2.0,
    read_after_write_delay_s: float = 1.0,
    seed: int = 0,
) -> ui.Explorer:
    """Asynchronous read replica under a write burst: lag and the share of stale read-after-write reads."""

    def view(mean_writes_per_second, apply_writes_per_second, burst_multiplier, read_after_write_delay_s):
        result = rds.simulate_replica_lag(
            mean_writes_per_second,
            apply_writes_per_second,
            burst_multiplier,
            seconds=240,
            read_after_write_delay_s=read_after_write_delay_s,
            seed=seed,
        )
        return ui.View(
            figures.replica_lag_figure(result, every_seconds=2),
            {
                "peak replica lag": f"{result.lag_seconds.max():,.1f} s",
                "lag at the end": f"{result.lag_seconds[-1]:,.1f} s",
                "worst stale-read share": f"{result.stale_read_fraction.max():.0%}",
            },
        )

    return ui.explorer(
        "Read replica lag under a write burst",
        [
            ui.Slider(
                "mean_writes_per_second",
                "writes on the primary",
                min=100,
                max=1400,
                step=100,
                value=mean_writes_per_second,
                unit="writes/s",
                static_values=_with([200, 400, 600, 800, 1000, 1200], mean_writes_per_second),
            ),
            ui.Number("apply_writes_per_second", "replica apply rate", value=apply_writes_per_second, unit="writes/s"),
            ui.Slider("burst_multiplier", "burst (×)", min=1, max=4, step=0.5, value=burst_multiplier),
            ui.Slider(
                "read_after_write_delay_s",
                "reader reads its write after",
                min=0,
                max=10,
                step=0.5,
                value=read_after_write_delay_s,
                unit="s",
            ),
        ],
        view,
    )


def explore_storage_autoscaling(
    growth_gib_per_day: float = 8, max_allocated_storage_gib: float = 400, allocated_gib: float = 100, seed: int = 0
) -> ui.Explorer:
    """Used and allocated storage over 60 days, with storage autoscaling on or off."""

    def view(growth_gib_per_day, autoscaling, max_allocated_storage_gib, allocated_gib):
        history = rds.simulate_storage_autoscaling(
            allocated_gib,
            min(60.0, allocated_gib * 0.6),
            growth_gib_per_day,
            max_allocated_storage_gib if autoscaling else None,
            days=60,
            seed=seed,
        )
        full = history["storage_full"]
        return ui.View(
            figures.storage_autoscaling_figure(history, every_hours=12),
            {
                "allocated at the end": f"{history['allocated_gib'].iloc[-1]:,.0f} GiB",
                "storage full from": f"day {history['hour'][full].iloc[0] / 24:,.1f}" if full.any() else "never",
            },
        )

    return ui.explorer(
        "RDS storage autoscaling",
        [
            ui.Slider(
                "growth_gib_per_day",
                "data growth",
                min=0,
                max=20,
                step=1,
                value=growth_gib_per_day,
                unit="GiB/day",
                static_values=_with([2, 5, 8, 12, 16], growth_gib_per_day),
            ),  # fmt: skip
            ui.Toggle("autoscaling", "storage autoscaling", value=True),
            ui.Number("max_allocated_storage_gib", "MaxAllocatedStorage", value=max_allocated_storage_gib, unit="GiB"),
            ui.Number("allocated_gib", "AllocatedStorage", value=allocated_gib, unit="GiB"),
        ],
        view,
    )


# --- DynamoDB ------------------------------------------------------------------------------------------------------
ITEM_SIZES_BYTES = [100, 1024, 2500, 4096, 4097, 6000, 8192, 12_000, 20_480, 102_400, 409_600]


def explore_capacity(item_size_bytes: int = 6000, items: int = 10, consistency: str = "eventual") -> ui.Explorer:
    """Units to read (GetItem, BatchGetItem, Query) and write ``items`` items of one size."""

    def view(item_size_bytes, items, consistency):
        count = int(items)
        sizes = [item_size_bytes] * count
        batch = ddb.batch_get_read_capacity_units(sizes, consistency)  # the model refuses 0 or > 100 items
        read_consistency = "strong" if consistency == "transactional" else consistency
        rows = [
            {
                "operation": f"{count} × GetItem",
                "units": count * ddb.read_capacity_units(item_size_bytes, consistency),
                "kind": "read",
            },
            {
                "operation": "BatchGetItem",
                "units": batch,
                "kind": "read",
            },
            {
                "operation": "Query (same items)",
                "units": ddb.query_read_capacity_units(sizes, read_consistency),
                "kind": "read",
            },
            {
                "operation": f"{count} × PutItem",
                "units": count * ddb.write_capacity_units(item_size_bytes, consistency == "transactional"),
                "kind": "write",
            },
        ]
        numbers = {row["operation"]: f"{row['units']:g} units" for row in rows}
        if consistency == "transactional":
            numbers["note"] = "Query has no transactional mode: shown strongly consistent"
        return ui.View(figures.operation_units_figure(rows), numbers)

    return ui.explorer(
        "Capacity units: same items, different operations",
        [
            ui.Slider(
                "item_size_bytes",
                "item size",
                min=0,
                max=ddb.MAX_ITEM_BYTES,
                step=100,
                value=item_size_bytes,
                unit="bytes",
                integer=True,
                static_values=_with(ITEM_SIZES_BYTES, item_size_bytes),
            ),
            ui.Number("items", "items per request", value=items, integer=True),
            ui.Choice("consistency", "consistency", options=list(ddb.READ_UNITS_PER_READ), value=consistency),
        ],
        view,
    )


def explore_capacity_cost(
    peak_to_average: float = 2.0, item_size_bytes: int = 1024, read_write_ratio: float = 4.0, reads_per_second=200
) -> ui.Explorer:
    """Monthly cost of provisioned (sized for the peak) vs on-demand capacity over a range of read rates."""
    rates = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]

    def view(peak_to_average, item_size_bytes, read_write_ratio, reads_per_second):
        sweep = ddb.capacity_mode_sweep(
            rates, read_write_ratio, item_size_bytes, peak_to_average=peak_to_average, target_utilization=0.7
        )
        cost = ddb.capacity_mode_cost(
            reads_per_second, reads_per_second / read_write_ratio, item_size_bytes, peak_to_average=peak_to_average
        )
        return ui.View(
            figures.capacity_cost_figure(sweep),
            {
                f"at {reads_per_second:g} reads/s, provisioned": f"${cost.provisioned_usd_per_month:,.2f}/month "
                f"({cost.provisioned_rcu:,.0f} RCU, {cost.provisioned_wcu:,.0f} WCU)",
                "on-demand": f"${cost.on_demand_usd_per_month:,.2f}/month",
                "cheaper": cost.cheaper_mode,
            },
        )

    return ui.explorer(
        "Provisioned or on-demand?",
        [
            ui.Slider(
                "peak_to_average",
                "peak / average traffic",
                min=1,
                max=10,
                step=0.5,
                value=peak_to_average,
                static_values=_with([1, 1.5, 2, 3, 4, 5, 7, 10], peak_to_average),
            ),
            ui.Choice(
                "item_size_bytes",
                "item size",
                options=[("1 KB", 1024), ("4 KB", 4096), ("10 KB", 10_240)],
                value=item_size_bytes,
            ),
            ui.Slider("read_write_ratio", "reads per write", min=1, max=20, step=1, value=read_write_ratio),
            ui.Number("reads_per_second", "your average reads", value=reads_per_second, unit="reads/s"),
        ],
        view,
    )


def explore_hot_partitions(
    write_shards: int = 1,
    zipf_exponent: float = 1.2,
    write_capacity_units: float = 4000,
    writes_per_second: float = 3000,
    seed: int = 0,
) -> ui.Explorer:
    """Skewed partition-key writes against per-partition limits; write sharding spreads the hot keys."""

    def view(write_shards, zipf_exponent, adaptive_capacity, write_capacity_units, writes_per_second):
        result = hot.simulate_hot_partitions(
            write_capacity_units,
            writes_per_second,
            distinct_keys=1000,
            zipf_exponent=zipf_exponent,
            write_shards=write_shards,
            seconds=60,
            burst_seconds=0,
            adaptive_capacity=adaptive_capacity,
            seed=seed,
        )
        return ui.View(
            figures.hot_partitions_figure(result),
            {
                "writes throttled": f"{result.throttled_fraction:.1%}",
                "table capacity used": f"{result.table_utilization:.0%}",
                "hottest partition's share": f"{result.partition_share.max():.0%}",
            },
        )

    return ui.explorer(
        "Hot partitions and write sharding",
        [
            ui.Slider(
                "write_shards",
                "write shards per key",
                min=1,
                max=20,
                step=1,
                value=write_shards,
                integer=True,
                static_values=_with([1, 2, 3, 5, 10, 20], write_shards),
            ),  # fmt: skip
            ui.Slider("zipf_exponent", "key skew (Zipf exponent)", min=0, max=2, step=0.1, value=zipf_exponent),
            ui.Toggle("adaptive_capacity", "adaptive capacity", value=False),
            ui.Number("write_capacity_units", "provisioned WCU", value=write_capacity_units, unit="WCU"),
            ui.Slider(
                "writes_per_second", "writes", min=500, max=6000, step=500, value=writes_per_second, unit="writes/s"
            ),
        ],
        view,
    )


def explore_query_vs_scan(
    matching_items: int = 100, table_items: int = 1_000_000, item_size_bytes: int = 2000
) -> ui.Explorer:
    """Read units and calls to find items: a Query on their partition key vs a Scan with a filter."""

    def view(matching_items, table_items, item_size_bytes):
        comparison = ddb.query_vs_scan(table_items, item_size_bytes, matching_items)
        query, scan = comparison["Query"], comparison["Scan"]
        return ui.View(
            figures.query_vs_scan_figure(comparison),
            {
                "Query": f"{query['read_units']:,.1f} units in {query['calls']:,.0f} call(s)",
                "Scan": f"{scan['read_units']:,.1f} units in {scan['calls']:,.0f} call(s)",
                "Scan costs": f"{scan['read_units'] / query['read_units']:,.0f}× the Query",
            },
        )

    return ui.explorer(
        "Query vs Scan (eventually consistent reads)",
        [
            ui.Slider(
                "matching_items",
                "items wanted",
                min=1,
                max=10_000,
                step=1,
                value=matching_items,
                integer=True,
                static_values=_with([1, 10, 100, 1000, 10_000], matching_items),
            ),  # fmt: skip
            ui.Number("table_items", "items in the table", value=table_items, integer=True),
            ui.Choice(
                "item_size_bytes",
                "item size",
                options=[("200 B", 200), ("2 KB", 2000), ("20 KB", 20_000)],
                value=item_size_bytes,
            ),
        ],
        view,
    )
