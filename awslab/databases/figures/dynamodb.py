"""Figures of 02_dynamodb: capacity units, capacity cost, hot partitions, reads and query vs scan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from awslab import theme
from awslab.databases.dynamodb_partitions import HotPartitionResult
from awslab.databases.figures._base import _finish


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
