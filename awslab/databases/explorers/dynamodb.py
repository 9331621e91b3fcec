"""Explorers of 02_dynamodb: capacity units per item size, capacity modes, hot partitions, query vs scan."""

from __future__ import annotations

from awslab import ui
from awslab.databases import dynamodb as ddb
from awslab.databases import dynamodb_partitions as hot
from awslab.databases import figures

ITEM_SIZES_BYTES = [100, 1024, 2500, 4096, 4097, 6000, 8192, 12_000, 20_480, 102_400, 409_600]


def explore_capacity(item_size_bytes: int = 6000, items: int = 10, consistency: str = "eventual") -> ui.Explorer:
    """Units to read (GetItem, BatchGetItem, Query) and write ``items`` items of one size.

    >>> explore_capacity().last_view.numbers["10 × GetItem"]
    '10 units'
    """

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
                static_values=ITEM_SIZES_BYTES,
            ),
            ui.Number("items", "items per request", value=items, integer=True),
            ui.Choice("consistency", "consistency", options=list(ddb.READ_UNITS_PER_READ), value=consistency),
        ],
        view,
    )


def explore_capacity_cost(
    peak_to_average: float = 2.0, item_size_bytes: int = 1024, read_write_ratio: float = 4.0, reads_per_second=200
) -> ui.Explorer:
    """Monthly cost of provisioned (sized for the peak) vs on-demand capacity over a range of read rates.

    >>> explore_capacity_cost().last_view.numbers["at 200 reads/s, provisioned"]
    '$94.99/month (286 RCU, 143 WCU)'
    """
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
                static_values=[1, 1.5, 2, 3, 4, 5, 7, 10],
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
    """Skewed partition-key writes against per-partition limits; write sharding spreads the hot keys.

    >>> explore_hot_partitions().last_view.numbers["hottest partition's share"]
    '36%'
    """

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
                static_values=[1, 2, 3, 5, 10, 20],
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
    """Read units and calls to find items: a Query on their partition key vs a Scan with a filter.

    >>> explore_query_vs_scan().last_view.numbers["Query"]
    '24.5 units in 1 call(s)'
    """

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
                static_values=[1, 10, 100, 1000, 10_000],
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
