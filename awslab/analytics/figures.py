"""Plotly figures for the analytics models: shard load, EMR costs, pipeline runs, network vs shipping, Athena scans,
Glue runs, Lake Formation permissions and the streaming chooser."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.analytics.athena import Scan
from awslab.analytics.datapipeline import ActivityRun
from awslab.analytics.emr import ClusterCost
from awslab.analytics.kinesis import SHARD_WRITE_RECORDS_PER_SECOND, HotKeyResult, ReshardStep
from awslab.analytics.snowball import TransferPlan
from awslab.analytics.streaming_choice import Option


def shard_requirements_figure(needs: dict[str, float], shards: int) -> go.Figure:
    """Shards each Kinesis quota calls for, against the shard count chosen (the largest need, rounded up)."""
    fig = go.Figure()
    fig.add_trace(go.Bar(x=list(needs), y=theme.rounded(list(needs.values())), name="shards this quota needs"))
    fig.add_hline(y=float(shards), line_dash="dash", annotation_text=f"shards provisioned: {shards}")
    fig.update_layout(
        title=f"Kinesis shard calculator: {shards} shard{'s' if shards != 1 else ''}",
        xaxis_title="quota",
        yaxis=dict(title="shards", rangemode="tozero"),
    )
    return theme.apply(fig)


def shard_load_figure(result: HotKeyResult, title: str = "Write load per shard") -> go.Figure:
    """Per-shard write utilisation (1.0 = the shard's write quota), split into accepted and throttled."""
    load = result.load
    ids = [s.replace("shardId-", "") for s in load["ShardId"]]
    accepted = (load["records_per_second"] - load["throttled_records_per_second"]) / SHARD_WRITE_RECORDS_PER_SECOND
    throttled = load["throttled_records_per_second"] / SHARD_WRITE_RECORDS_PER_SECOND
    fig = go.Figure()
    fig.add_trace(go.Bar(x=ids, y=theme.rounded(accepted), name="accepted"))
    fig.add_trace(go.Bar(x=ids, y=theme.rounded(throttled), name="throttled", marker_color="#d62728"))
    fig.add_hline(y=1.0, line_dash="dash", annotation_text="shard write quota")
    fig.update_layout(
        title=f"{title}<br><sup>{result.throttled_fraction:.1%} of records throttled</sup>",
        barmode="stack",
        xaxis_title="shard",
        yaxis_title="records/s as a share of 1,000/s",
    )
    return theme.apply(fig)


def reshard_figure(steps: list[ReshardStep]) -> go.Figure:
    """Open shards and throttled share of records after each resharding step."""
    labels = [f"{i}: {step.action}" for i, step in enumerate(steps)]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=labels, y=[len(step.shards) for step in steps], name="open shards"))
    fig.add_trace(
        go.Scatter(
            x=labels,
            y=theme.rounded([100 * step.throttled_fraction for step in steps]),
            name="records throttled (%)",
            yaxis="y2",
            mode="lines+markers",
        )
    )
    fig.update_layout(
        title="Resharding a hot stream, one SplitShard at a time",
        xaxis_title="step",
        yaxis=dict(title="open shards"),
        yaxis2=dict(title="throttled (%)", overlaying="y", side="right", rangemode="tozero"),
    )
    return theme.apply(fig)


def emr_cost_figure(persistent: ClusterCost, transient: ClusterCost) -> go.Figure:
    """Monthly cost of a persistent vs transient clusters, compute and storage stacked."""
    modes = [persistent.mode, transient.mode]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=modes, y=theme.rounded([persistent.compute_usd, transient.compute_usd]), name="compute"))
    fig.add_trace(
        go.Bar(
            x=modes, y=theme.rounded([persistent.storage_usd, transient.storage_usd]), name="storage (HDFS on EBS / S3)"
        )
    )
    fig.update_layout(
        title="EMR: persistent vs transient clusters (us-east-1 list prices)",
        barmode="stack",
        xaxis_title="cluster model",
        yaxis_title="USD per month",
    )
    return theme.apply(fig)


def pipeline_figure(runs: dict[str, ActivityRun]) -> go.Figure:
    """A Gantt-style chart of a pipeline run, coloured by final status."""
    colors = {"FINISHED": "#2ca02c", "FAILED": "#d62728", "CASCADE_FAILED": "#c9ced6"}
    fig = go.Figure()
    for status, color in colors.items():
        chosen = [r for r in runs.values() if r.status == status]
        if not chosen:
            continue
        fig.add_trace(
            go.Bar(
                y=[r.id for r in chosen],
                orientation="h",
                name=status,
                marker_color=color,
                base=theme.rounded([r.start_minutes or 0.0 for r in chosen]),
                x=theme.rounded(
                    [(r.end_minutes - r.start_minutes) if r.end_minutes is not None else 0.0 for r in chosen]
                ),
                text=[f"{r.attempts} attempt(s)" for r in chosen],
                textposition="inside",
            )
        )
    fig.update_yaxes(autorange="reversed", title_text="activity")
    fig.update_layout(title="Data Pipeline run", xaxis_title="minutes since the run started", barmode="overlay")
    return theme.apply(fig)


def transfer_figure(plans: list[TransferPlan], bandwidth_mbps: float) -> go.Figure:
    """Days over the network vs on shipped devices, for several data sizes."""
    sizes = theme.rounded([p.data_tb for p in plans])
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=sizes,
            y=theme.rounded([p.network_days for p in plans]),
            mode="lines+markers",
            name=f"network at {bandwidth_mbps:g} Mbit/s",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=sizes,
            y=theme.rounded([p.device_days for p in plans]),
            mode="lines+markers",
            name="shipped devices",
            line_shape="hv",
        )
    )
    fig.update_layout(title="Network or ship it?", xaxis_title="data (TB)", yaxis_title="days")
    return theme.apply(fig)


# --- 03 Athena and the data lake ------------------------------------------------------------------------------------
def layouts_figure(scans: list[Scan], title: str) -> go.Figure:
    """Bytes one query scans from each layout of the same table (log axis), each bar labelled with its cost."""
    fig = go.Figure(
        go.Bar(
            y=[s.layout for s in scans],
            x=theme.rounded([max(s.bytes_scanned, 1) / 1e9 for s in scans]),
            orientation="h",
            text=[f"USD {s.cost.usd:,.4f}" for s in scans],
            textposition="outside",
            marker_color=["#d62728" if s.cost.minimum_applied else "#1f77b4" for s in scans],
        )
    )
    fig.update_yaxes(autorange="reversed", title_text="layout")
    fig.update_layout(title=title, xaxis=dict(title="GB scanned (log scale)", type="log"))
    return theme.apply(fig)


def minimum_figure(
    sizes_mb: list[float], billed_usd: list[float], linear_usd: list[float], chosen_mb: float, chosen_usd: float
) -> go.Figure:
    """USD per query against MB scanned: the bill (rounded up, 10 MB at least) and a pure per-byte line."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=theme.rounded(sizes_mb), y=theme.rounded(billed_usd, 9), name="billed", mode="lines", line_shape="hv"
        )
    )
    fig.add_trace(
        go.Scatter(
            x=theme.rounded(sizes_mb),
            y=theme.rounded(linear_usd, 9),
            name="bytes x price",
            mode="lines",
            line_dash="dot",
        )
    )
    fig.add_trace(
        go.Scatter(x=[round(chosen_mb, 6)], y=[round(chosen_usd, 9)], name="your query", mode="markers", marker_size=12)
    )
    fig.update_layout(
        title="Athena: the 10 MB minimum",
        xaxis=dict(title="MB scanned (log scale)", type="log"),
        yaxis=dict(title="USD per query (log scale)", type="log"),
    )
    return theme.apply(fig)


# --- 04 Glue, Lake Formation and streaming --------------------------------------------------------------------------
def glue_runs_figure(
    minutes: list[float], usd_by_kind: dict[str, list[float]], chosen_minutes: float, dpus: float
) -> go.Figure:
    """USD per run against run length for each kind of Glue run: the per-run minimums are the flat starts."""
    fig = go.Figure()
    for label, usd in usd_by_kind.items():
        fig.add_trace(go.Scatter(x=theme.rounded(minutes), y=theme.rounded(usd), name=label, mode="lines"))
    fig.add_vline(x=float(chosen_minutes), line_dash="dash", annotation_text=f"{chosen_minutes:g} min")
    fig.update_layout(
        title=f"AWS Glue: USD per run with {dpus:g} DPUs",
        xaxis_title="minutes the run takes",
        yaxis=dict(title="USD per run", rangemode="tozero"),
    )
    return theme.apply(fig)


def permissions_figure(grid: dict[str, dict[str, bool]], who: str) -> go.Figure:
    """Every column of every table, green where the principal may SELECT it and red where it may not."""
    tables = list(grid)
    width = max(len(cols) for cols in grid.values())
    z = [[(1 if ok else 0) for ok in grid[t].values()] + [None] * (width - len(grid[t])) for t in tables]
    text = [list(grid[t]) + [""] * (width - len(grid[t])) for t in tables]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[f"column {i + 1}" for i in range(width)],
            y=tables,
            text=text,
            texttemplate="%{text}",
            colorscale=[[0, "#f4b6b6"], [1, "#a8dba8"]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=3,
            ygap=3,
        )
    )
    fig.update_yaxes(autorange="reversed", title_text="table")
    fig.update_layout(title=f"Lake Formation: what {who} may SELECT (green) in sales", xaxis_title="")
    return theme.apply(fig, height=320)


def streaming_figure(options: list[Option], title: str) -> go.Figure:
    """Operational effort of each streaming option (lower is less to run), green if it meets the requirements."""
    fig = go.Figure(
        go.Bar(
            y=[o.service for o in options],
            x=[o.effort for o in options],
            orientation="h",
            marker_color=["#2ca02c" if o.meets else "#c9ced6" for o in options],
            text=["meets" if o.meets else "ruled out" for o in options],
            textposition="inside",
        )
    )
    fig.update_yaxes(autorange="reversed", title_text="service")
    fig.update_layout(title=title, xaxis=dict(title="operational effort (1 = least)", range=[0, 5.5]))
    return theme.apply(fig)
