"""Plotly figures for the analytics models: shard load, EMR costs, pipeline runs, network vs shipping."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.analytics.datapipeline import ActivityRun
from awslab.analytics.emr import ClusterCost
from awslab.analytics.kinesis import SHARD_WRITE_RECORDS_PER_SECOND, HotKeyResult, ReshardStep
from awslab.analytics.snowball import TransferPlan


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
