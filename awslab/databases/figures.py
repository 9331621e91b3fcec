"""Plotly figures for the databases chapter, drawn from model results (never computing the model themselves)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from awslab import theme
from awslab.databases.dynamodb_partitions import HotPartitionResult
from awslab.databases.elasticache import CacheAsideResult
from awslab.databases.rds import ReplicaLagResult
from awslab.databases.redshift import Distribution


def _finish(fig: go.Figure, title: str, x_title: str, y_title: str, height: int = 420) -> go.Figure:
    fig.update_layout(title=title, xaxis_title=x_title, yaxis_title=y_title)
    return theme.apply(fig, height=height)


# --- DynamoDB ------------------------------------------------------------------------------------------------------
def capacity_steps_figure(table: pd.DataFrame) -> go.Figure:
    """Read and write units per operation against item size (from ``dynamodb.capacity_table``)."""
    fig = go.Figure()
    kib = [s / 1024 for s in table["item_size_bytes"]]
    for column, name in (
        ("read_eventual", "read, eventually consistent"),
        ("read_strong", "read, strongly consistent"),
        ("read_transactional", "read, transactional"),
        ("write_standard", "write"),
        ("write_transactional", "write, transactional"),
    ):
        fig.add_trace(
            go.Scatter(x=theme.rounded(kib), y=theme.rounded(table[column]), name=name, mode="lines", line_shape="hv")
        )
    return _finish(
        fig,
        "Capacity units per item: reads round up to 4 KB, writes to 1 KB",
        "item size (KB)",
        "capacity units per request",
    )


def capacity_cost_figure(sweep: pd.DataFrame) -> go.Figure:
    """Monthly USD of provisioned and on-demand capacity against read rate (from ``capacity_mode_sweep``)."""
    fig = go.Figure()
    x = theme.rounded(sweep["reads_per_second"])
    fig.add_trace(
        go.Scatter(x=x, y=theme.rounded(sweep["provisioned_usd_per_month"]), name="provisioned (sized for peak)")
    )
    fig.add_trace(
        go.Scatter(x=x, y=theme.rounded(sweep["on_demand_usd_per_month"]), name="on-demand (pay per request)")
    )
    return _finish(fig, "Provisioned vs on-demand, us-east-1 list prices", "average reads per second", "USD per month")


def hot_partitions_figure(result: HotPartitionResult) -> go.Figure:
    """Mean write units demanded, served and throttled per partition, with the per-partition capacity line."""
    labels = [f"P{i}" for i in range(result.partitions)]
    seconds = result.demand.shape[0]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=labels, y=theme.rounded(result.served.sum(axis=0) / seconds), name="served"))
    fig.add_trace(
        go.Bar(
            x=labels,
            y=theme.rounded(result.throttled.sum(axis=0) / seconds),
            name="throttled",
            marker_color=theme.COLORS[3],
        )
    )
    fig.add_trace(
        go.Scatter(
            x=labels,
            y=[round(result.capacity_per_partition_wcu, 6)] * result.partitions,
            name="provisioned share per partition",
            mode="lines",
            line=dict(dash="dash"),
        )
    )
    fig.update_layout(barmode="stack")
    title = (
        f"{result.partitions} partitions, {result.write_shards} write shard(s): "
        f"{result.throttled_fraction:.1%} of writes throttled"
    )
    return _finish(fig, title, "partition", "write units per second (mean)")


def throttling_timeline_figure(results: Mapping[str, HotPartitionResult]) -> go.Figure:
    """Throttled writes per second over time, one line per labelled run (e.g. without and with sharding)."""
    fig = go.Figure()
    for label, result in results.items():
        throttled = result.throttled.sum(axis=1)
        fig.add_trace(go.Scatter(x=list(range(throttled.size)), y=theme.rounded(throttled), name=label, mode="lines"))
    return _finish(fig, "Throttled writes per second", "time (s)", "throttled writes per second")


def read_pages_figure(pages: Sequence[Mapping[str, object]]) -> go.Figure:
    """Items read and returned per 1 MB page, with the read units each page consumed (from ``read_pages``)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = list(range(1, len(pages) + 1))
    fig.add_trace(go.Bar(x=x, y=[p["ScannedCount"] for p in pages], name="ScannedCount (items read)"))
    fig.add_trace(go.Bar(x=x, y=[p["Count"] for p in pages], name="Count (items returned)"))
    fig.add_trace(
        go.Scatter(
            x=x,
            y=[round(p["ConsumedCapacity"]["CapacityUnits"], 6) for p in pages],
            name="read units",
            mode="lines+markers",
        ),
        secondary_y=True,
    )
    fig.update_yaxes(title_text="read units", secondary_y=True)
    return _finish(fig, "Query/Scan pages: 1 MB read per call, filters do not reduce the cost", "page", "items")


def operation_units_figure(rows: Sequence[Mapping[str, object]]) -> go.Figure:
    """Capacity units of each way to read or write the same items: ``{"operation", "units", "kind"}`` rows."""
    fig = go.Figure()
    for i, kind in enumerate(dict.fromkeys(str(r["kind"]) for r in rows)):
        chosen = [r for r in rows if r["kind"] == kind]
        fig.add_trace(
            go.Bar(
                x=[str(r["operation"]) for r in chosen],
                y=theme.rounded(float(r["units"]) for r in chosen),
                text=[f"{float(r['units']):g}" for r in chosen],
                textposition="outside",
                name=kind,
                marker_color=theme.COLORS[i % len(theme.COLORS)],
            )
        )
    return _finish(fig, "Capacity units for the same items, by operation", "operation", "capacity units")


def query_vs_scan_figure(comparison: Mapping[str, Mapping[str, float]]) -> go.Figure:
    """Read units and calls of a Query and a filtered Scan (from ``dynamodb.query_vs_scan``)."""
    names = list(comparison)
    fig = make_subplots(rows=1, cols=2, subplot_titles=("read units consumed", "API calls (1 MB pages)"))
    fig.add_trace(
        go.Bar(
            x=names, y=theme.rounded(comparison[n]["read_units"] for n in names), name="read units", showlegend=False
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Bar(x=names, y=theme.rounded(comparison[n]["calls"] for n in names), name="calls", showlegend=False),
        row=1,
        col=2,
    )
    fig.update_yaxes(type="log", row=1, col=1)
    fig.update_yaxes(type="log", row=1, col=2)
    return _finish(fig, "Finding the same items: Query on the key vs Scan with a filter", "operation", "count (log)")


# --- RDS -----------------------------------------------------------------------------------------------------------
def recovery_figure(matrix: pd.DataFrame) -> go.Figure:
    """RPO and RTO in minutes per failure scenario (from ``rds.recovery_matrix``), log scale."""
    fig = go.Figure()
    for column, name in (("rpo_seconds", "RPO: data lost"), ("rto_seconds", "RTO: downtime")):
        minutes = [max(v / 60, 0.01) for v in matrix[column]]
        fig.add_trace(
            go.Bar(x=list(matrix["scenario"]), y=theme.rounded(minutes), name=name, hovertext=list(matrix["mechanism"]))
        )
    fig.update_layout(barmode="group", yaxis_type="log")
    return _finish(fig, "Recovery objectives by failure (0 shown as 0.01 min)", "failure scenario", "minutes")


def failover_timeline_figure(timeline: Sequence[Mapping[str, object]], title: str = "Multi-AZ failover") -> go.Figure:
    """Gantt-style bars of failover phases (from ``rds.failover_timeline`` or ``redis_failover_timeline``)."""
    fig = go.Figure()
    for i, phase in enumerate(timeline):
        fig.add_trace(
            go.Bar(
                y=[phase["phase"]],
                x=[round(phase["end_s"] - phase["start_s"], 6)],
                base=[round(phase["start_s"], 6)],
                orientation="h",
                name=str(phase["phase"]),
                marker_color=theme.COLORS[i % len(theme.COLORS)],
                showlegend=False,
            )
        )
    total = timeline[-1]["end_s"] if timeline else 0
    fig.update_yaxes(autorange="reversed")
    return _finish(fig, f"{title}: writes fail for {total:.0f} s", "time since failure (s)", "phase", height=360)


def replica_lag_figure(result: ReplicaLagResult, every_seconds: int = 1) -> go.Figure:
    """Write rate, replica lag and the stale share of read-after-write reads over time (a point every n seconds)."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08)
    n = every_seconds
    t = theme.rounded(result.seconds[::n])
    fig.add_trace(
        go.Scatter(x=t, y=theme.rounded(result.writes_per_second[::n]), name="writes/s on primary"), row=1, col=1
    )
    fig.add_trace(
        go.Scatter(x=t, y=theme.rounded(result.applied_per_second[::n]), name="writes/s applied on replica"),
        row=1,
        col=1,
    )
    fig.add_trace(go.Scatter(x=t, y=theme.rounded(result.lag_seconds[::n]), name="replica lag (s)"), row=2, col=1)
    fig.add_trace(
        go.Scatter(x=t, y=theme.rounded(result.stale_read_fraction[::n]), name="stale read share"), row=2, col=1
    )
    fig.update_yaxes(title_text="writes per second", row=1, col=1)
    fig.update_yaxes(title_text="seconds / share", row=2, col=1)
    fig.update_xaxes(title_text="time (s)", row=2, col=1)
    fig.update_layout(title="Asynchronous replication: lag grows when writes outpace the replica")
    return theme.apply(fig, height=520)


# --- ElastiCache ---------------------------------------------------------------------------------------------------
def cache_sweep_figure(sweep: pd.DataFrame) -> go.Figure:
    """Hit ratio and mean latency against cache size, one line per TTL (from ``cache_aside_sweep``)."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=("hit ratio", "mean latency (ms)"))
    for i, (ttl, group) in enumerate(sweep.groupby("ttl_seconds", sort=True)):
        name, color = (f"TTL {ttl:g} s" if ttl else "no TTL"), theme.COLORS[i % len(theme.COLORS)]
        x = list(group["cache_capacity_items"])
        fig.add_trace(go.Scatter(x=x, y=theme.rounded(group["hit_ratio"]), name=name, line_color=color), row=1, col=1)
        fig.add_trace(
            go.Scatter(x=x, y=theme.rounded(group["mean_latency_ms"]), name=name, line_color=color, showlegend=False),
            row=1,
            col=2,
        )
    fig.update_xaxes(title_text="cache size (items)")
    fig.update_yaxes(title_text="hits / requests", row=1, col=1)
    fig.update_yaxes(title_text="milliseconds", row=1, col=2)
    fig.update_layout(title="Cache-aside: a bigger cache and a longer TTL raise hits and cut latency")
    return theme.apply(fig)


def cache_db_load_figure(result: CacheAsideResult) -> go.Figure:
    """Database reads per second over a cache-aside run: the cold start, then the steady state."""
    y = result.db_reads_per_second
    fig = go.Figure(go.Scatter(x=list(range(y.size)), y=theme.rounded(y), mode="lines", name="database reads"))
    return _finish(
        fig,
        f"Database load behind the cache (hit ratio {result.hit_ratio:.1%})",
        "time (s)",
        "database reads per second",
    )


def node_failure_figure(runs: Mapping[str, pd.DataFrame], every_seconds: int = 1) -> go.Figure:
    """Database reads per second around a Memcached node failure, one line per cluster layout."""
    fig = go.Figure()
    for label, frame in runs.items():
        frame = frame.iloc[::every_seconds]
        fig.add_trace(
            go.Scatter(x=theme.rounded(frame["second"]), y=theme.rounded(frame["db_reads_per_second"]), name=label)
        )
    return _finish(
        fig,
        "Losing one Memcached node: the bigger its slice, the bigger the spike",
        "time (s)",
        "database reads per second",
    )


# --- Redshift ------------------------------------------------------------------------------------------------------
def slices_figure(distributions: Mapping[str, Distribution]) -> go.Figure:
    """Rows stored on each slice, one bar group per distribution style."""
    fig = go.Figure()
    for label, dist in distributions.items():
        names = [f"node {i // dist.slices_per_node} / slice {i}" for i in range(dist.rows_per_slice.size)]
        fig.add_trace(
            go.Bar(
                x=names,
                y=[int(v) for v in dist.rows_per_slice],
                name=f"{label} (skew {dist.skew:.2f}, stored {dist.stored_rows:,})",
            )
        )
    fig.update_layout(barmode="group")
    return _finish(fig, "Rows per slice by distribution style", "slice", "rows")


def join_figure(plans: Mapping[str, Mapping[str, object]]) -> go.Figure:
    """Rows moved across the network for a join under each pair of distribution styles."""
    labels = list(plans)
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=[int(p["rows_moved"]) for p in plans.values()],
            text=[str(p["label"]) for p in plans.values()],
            textposition="outside",
        )
    )
    return _finish(fig, "Join redistribution (EXPLAIN label on each bar)", "outer / inner distribution", "rows moved")


def zone_map_figure(comparison: pd.DataFrame, filter_label: str = "a 10% range filter") -> go.Figure:
    """Share of blocks scanned by sort style and predicate (from ``redshift.zone_map_comparison``)."""
    fig = go.Figure()
    for predicate, group in comparison.groupby("predicate", sort=False):
        fig.add_trace(
            go.Bar(x=list(group["sort"]), y=theme.rounded(group["fraction_scanned"]), name=f"filter on {predicate}")
        )
    fig.update_layout(barmode="group", yaxis_range=[0, 1.05])
    return _finish(fig, f"Zone maps: blocks read for {filter_label}", "sort key", "share of blocks scanned")


def copy_figure(sweep: pd.DataFrame) -> go.Figure:
    """COPY time and slice utilisation against the number of input files (from ``redshift.copy_sweep``)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = list(sweep["files"])
    fig.add_trace(go.Bar(x=x, y=theme.rounded(sweep["seconds"]), name="load time (s)"))
    fig.add_trace(
        go.Scatter(x=x, y=theme.rounded(sweep["slice_utilization"]), name="slice utilisation", mode="lines+markers"),
        secondary_y=True,
    )
    fig.update_yaxes(title_text="share of slices busy", range=[0, 1.05], secondary_y=True)
    fig.update_xaxes(type="category")
    return _finish(fig, "COPY: one file per slice at a time", "number of files", "seconds")


def wlm_wait_figure(runs: Mapping[str, pd.DataFrame]) -> go.Figure:
    """95th-percentile queue wait per query group, one bar group per WLM configuration (``simulate_wlm`` runs)."""
    fig = go.Figure()
    groups = sorted({g for frame in runs.values() for g in frame["query_group"]})
    for label, frame in runs.items():
        waits = frame.groupby("query_group")["wait_s"].quantile(0.95)
        fig.add_trace(go.Bar(x=groups, y=theme.rounded(waits.get(g, 0.0) for g in groups), name=label))
    fig.update_layout(barmode="group")
    return _finish(
        fig,
        "WLM: a separate queue keeps short queries from waiting behind long ones",
        "query group",
        "95th-percentile wait (s)",
    )


def storage_autoscaling_figure(history: pd.DataFrame, every_hours: int = 1) -> go.Figure:
    """Used vs allocated storage over time (from ``rds.simulate_storage_autoscaling``), full hours marked."""
    history = history.iloc[::every_hours]
    days = [h / 24 for h in history["hour"]]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(x=theme.rounded(days), y=theme.rounded(history["allocated_gib"]), name="allocated", line_shape="hv")
    )
    fig.add_trace(go.Scatter(x=theme.rounded(days), y=theme.rounded(history["used_gib"]), name="used"))
    full = history[history["storage_full"]]
    if len(full):
        fig.add_trace(
            go.Scatter(
                x=theme.rounded(full["hour"] / 24),
                y=theme.rounded(full["used_gib"]),
                mode="markers",
                name="storage full: writes fail",
                marker_color=theme.COLORS[3],
            )
        )
    return _finish(fig, "RDS storage autoscaling", "time (days)", "GiB")
