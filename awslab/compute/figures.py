"""Plotly figures for the Compute chapter, each drawn from a model result (lists of rounded floats, not arrays)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from awslab import theme
from awslab.compute.asg_sim import AsgRun
from awslab.compute.beanstalk import Deployment
from awslab.compute.ec2 import RightSizing
from awslab.compute.elb import traffic_share
from awslab.compute.elb_sim import ElbResult
from awslab.compute.lifecycle import ACTIONS, Instance, Transition, transition
from awslab.compute.pricing import FleetCost, SpotRun


def _finish(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(title=title)
    return theme.apply(fig, height=height)


def right_sizing_figure(result: RightSizing, top: int = 12) -> go.Figure:
    """Bar chart of USD per hour (list price plus T3 surplus credits) for the cheapest types, fitting ones coloured."""
    table = result.ranking.head(top)
    colours = ["#2a9d8f" if fits else "#bbbbbb" for fits in table["fits"]]
    fig = go.Figure(
        go.Bar(
            x=table["name"].tolist(),
            y=theme.rounded(table["effective_usd_per_hour"]),
            marker_color=colours,
            text=[f"{v} vCPU / {m:g} GiB" for v, m in zip(table["vcpu"], table["memory_gib"], strict=True)],
        )
    )
    fig.update_xaxes(title="instance type (grey: too small)")
    fig.update_yaxes(title="On-Demand price + T3 surplus credits (USD per hour, us-east-1)")
    best = result.best.name if result.best else "nothing fits"
    return _finish(fig, f"Cheapest fit for {result.vcpu_needed:g} vCPU and {result.memory_gib_needed:g} GiB: {best}")


def lifecycle_figure(transitions: Sequence[Transition]) -> go.Figure:
    """Table of a sequence of lifecycle actions: the states passed through, what was lost and what was kept."""
    rows = [
        [f"{t.before.state} -> {t.after.state}" for t in transitions],
        [" -> ".join(t.path) for t in transitions],
        [t.refused or ", ".join(t.lost) or "nothing" for t in transitions],
        [", ".join(t.kept) or "-" for t in transitions],
    ]
    fig = go.Figure(
        go.Table(
            header={"values": ["change", "states passed", "lost (or why refused)", "kept"]}, cells={"values": rows}
        )
    )
    return _finish(fig, "What survives each lifecycle transition", height=120 + 60 * len(transitions))


def fleet_cost_figure(result: FleetCost) -> go.Figure:
    """Total cost against the number of reservations, with the cheapest mix marked."""
    fig = go.Figure(
        go.Scatter(
            x=list(result.reserved_counts), y=theme.rounded(result.total_usd), mode="lines+markers", name="total"
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[result.best_reserved_count],
            y=theme.rounded([result.best_usd]),
            mode="markers",
            marker={"size": 14, "symbol": "star"},
            name="cheapest mix",
        )
    )
    fig.update_xaxes(title="reserved instances (the rest On-Demand)")
    fig.update_yaxes(title="cost over the term (USD)")
    return _finish(fig, "Reserve the baseline, pay On-Demand for the peak")


def spot_figure(result: SpotRun, max_price_usd_per_hour: float) -> go.Figure:
    """Spot price against the maximum price, with the job's completed work on a second axis."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    hours = theme.rounded([m / 60 for m in result.minutes])
    fig.add_trace(go.Scatter(x=hours, y=theme.rounded(result.spot_usd_per_hour), name="Spot price"))
    fig.add_trace(
        go.Scatter(
            x=[hours[0], hours[-1]],
            y=theme.rounded([max_price_usd_per_hour] * 2),
            name="maximum price",
            line={"dash": "dash"},
        )
    )
    fig.add_trace(go.Scatter(x=hours, y=theme.rounded(result.work_done_hours), name="work done"), secondary_y=True)
    fig.update_xaxes(title="time (hours)")
    fig.update_yaxes(title="price (USD per hour)", secondary_y=False)
    fig.update_yaxes(title="work done (hours)", secondary_y=True)
    return _finish(
        fig,
        f"Spot job: {result.interruptions} interruptions, {result.work_lost_hours:g} h of work lost, "
        f"USD {result.cost_usd:g} vs {result.on_demand_cost_usd:g} On-Demand",
    )


def asg_figure(result: AsgRun, every: int = 1) -> go.Figure:
    """Three panels over the run: load against capacity, instance counts, and latency with dropped requests.

    ``every`` keeps one minute in that many (a lighter figure for an explorer's precomputed steps).
    """
    if not isinstance(every, int) or every < 1:
        raise ValueError(f"every must be a whole number >= 1, got {every!r}")
    result = _thin(result, every)
    x = [round(m / 60, 6) for m in result.minutes]
    hv, dotted = {"shape": "hv"}, {"dash": "dot", "shape": "hv"}
    return _on_grid(
        _asg_grid,
        [
            ((1, 1), dict(type="scatter", x=x, y=result.load_rps, name="load (req/s)")),
            ((1, 1), dict(type="scatter", x=x, y=result.capacity_rps, name="capacity (req/s)", line=hv)),
            ((2, 1), dict(type="scatter", x=x, y=result.desired, name="desired", line=hv)),
            ((2, 1), dict(type="scatter", x=x, y=result.in_service, name="InService", line=hv)),
            ((2, 1), dict(type="scatter", x=x, y=result.min_size, name="min", line=dotted)),
            ((2, 1), dict(type="scatter", x=x, y=result.max_size, name="max", line=dotted)),
            ((3, 1), dict(type="scatter", x=x, y=result.latency_ms, name="latency (ms)")),
            ((3, 1), dict(type="scatter", x=x, y=result.dropped_rps, name="dropped (req/s)")),
        ],
        f"Auto Scaling group: the run costs USD {result.cost_billed_per_second_usd:g} billed per second, "
        f"USD {result.cost_billed_per_hour_usd:g} if billed per hour",
    )


def _asg_grid() -> tuple[go.Figure, int]:
    fig = make_subplots(
        rows=3,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.06,
        subplot_titles=("load and capacity", "instances", "latency and dropped load"),
    )
    fig.update_xaxes(title="time (hours)", row=3, col=1)
    fig.update_yaxes(title="requests per second", row=1, col=1)
    fig.update_yaxes(title="instances", row=2, col=1)
    fig.update_yaxes(title="ms / req/s", row=3, col=1)
    return fig, 760


@lru_cache(maxsize=8)
def _grid(build: Callable[[], tuple[go.Figure, int]], cells: tuple[tuple[int, ...], ...]) -> tuple[str, dict]:
    """A subplot grid's themed layout (as JSON text) and the axes a trace in each cell refers to.

    make_subplots and the template cost far more than the traces, and they never change: build them once.
    ``cells`` are (row, col) or (row, col, secondary_y).
    """
    fig, height = build()
    for cell in cells:
        fig.add_trace(go.Scatter(), row=cell[0], col=cell[1], secondary_y=cell[2:] == (True,))
    axes = {cell: {"xaxis": trace.xaxis, "yaxis": trace.yaxis} for cell, trace in zip(cells, fig.data, strict=True)}
    return json.dumps(theme.apply(fig, height=height).layout.to_plotly_json()), axes


def _on_grid(build: Callable[[], tuple[go.Figure, int]], traces: list[tuple[tuple, dict]], title: str) -> go.Figure:
    """The figure ``build`` draws with ``traces`` added cell by cell and ``title`` set, as ``_finish`` leaves it."""
    layout_json, axes = _grid(build, tuple(dict.fromkeys(cell for cell, _ in traces)))
    layout = json.loads(layout_json)
    layout["title"] = {"text": title}
    return go.Figure(data=[{**trace, **axes[cell]} for cell, trace in traces], layout=layout)


def _thin(result: AsgRun, every: int) -> AsgRun:
    if every == 1:
        return result
    fields = ("minutes", "load_rps", "desired", "min_size", "max_size", "in_service", "capacity_rps", "latency_ms")
    fields += ("dropped_rps",)
    return replace(result, **{name: getattr(result, name)[::every] for name in fields})


def traffic_share_figure(targets_per_az: dict[str, int]) -> go.Figure:
    """Per-target share of all traffic in each AZ, cross-zone load balancing on versus off."""
    fig = go.Figure()
    for cross_zone in (True, False):
        share = traffic_share(targets_per_az, cross_zone)
        fig.add_trace(
            go.Bar(
                x=list(share),
                y=theme.rounded([100 * v for v in share.values()]),
                name=f"cross-zone {'on' if cross_zone else 'off'}",
            )
        )
    fig.update_xaxes(title="Availability Zone")
    fig.update_yaxes(title="share of all traffic per target (%)")
    return _finish(fig, "Traffic per target: " + ", ".join(f"{az}: {n}" for az, n in targets_per_az.items()))


def elb_figure(result: ElbResult) -> go.Figure:
    """Outcomes per second (served, dropped, timed out) and each target's share of requests."""
    traces = [
        ((1, 1), dict(type="scatter", x=result.seconds, y=list(ys), name=name, stackgroup="outcome"))
        for name, ys in (
            ("served", result.served_per_second),
            ("dropped", result.dropped_per_second),
            ("timed out", result.timed_out_per_second),
        )
    ]
    traces.append(
        (
            (1, 1, True),
            dict(
                type="scatter",
                x=result.seconds,
                y=list(result.healthy_targets_per_second),
                name="targets in service",
                line={"shape": "hv", "dash": "dot"},
            ),
        )
    )
    share = theme.rounded([100 * v for v in result.share_per_target.values()])
    traces.append(((1, 2), dict(type="bar", x=result.target_ids, y=share, name="share (%)")))
    return _on_grid(
        _elb_grid,
        traces,
        f"{result.total} requests: {result.served} served, {result.dropped} dropped, "
        f"{result.timed_out} timed out; p99 latency {result.latency_p99_ms:g} ms",
    )


def _elb_grid() -> tuple[go.Figure, int]:
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.65, 0.35],
        specs=[[{"secondary_y": True}, {}]],
        subplot_titles=("requests per second by outcome", "share of requests per target"),
    )
    fig.update_yaxes(title="targets in service", secondary_y=True, row=1, col=1)
    fig.update_xaxes(title="time (s)", row=1, col=1)
    fig.update_xaxes(title="target", row=1, col=2)
    fig.update_yaxes(title="requests per second", row=1, col=1)
    fig.update_yaxes(title="% of requests", row=1, col=2)
    return fig, 420


def lambda_vs_instance_figure(table: pd.DataFrame) -> go.Figure:
    """Monthly cost of Lambda and of always-on instances against request volume (log axes)."""
    x = theme.rounded(table["requests_per_month"])
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=theme.rounded(table["lambda_usd"]), name="Lambda"))
    fig.add_trace(
        go.Scatter(x=x, y=theme.rounded(table["instance_usd"]), name="always-on instances", line={"shape": "hv"})
    )
    fig.update_xaxes(title="requests per month", type="log")
    fig.update_yaxes(title="cost (USD per month, us-east-1)")
    return _finish(fig, "Lambda versus an always-on instance")


def deployment_figure(result: Deployment) -> go.Figure:
    """Instances serving the old and the new version, and instances running, through a Beanstalk deployment."""
    fig = go.Figure()
    x = theme.rounded(result.phase_minutes)
    for name, ys in (("serving old version", result.old_serving), ("serving new version", result.new_serving)):
        fig.add_trace(go.Scatter(x=x, y=list(ys), name=name, stackgroup="serving", line={"shape": "hv"}))
    fig.add_trace(
        go.Scatter(
            x=x, y=list(result.instances_running), name="instances running", line={"shape": "hv", "dash": "dash"}
        )
    )
    fig.update_xaxes(title="time since the deployment started (minutes)")
    fig.update_yaxes(title="instances")
    return _finish(
        fig,
        f"{result.policy}: {result.total_minutes:g} min, capacity never below "
        f"{100 * result.min_capacity_fraction:g} %, up to {result.extra_instances_peak} extra",
    )


_STATE_XY = {
    "pending": (2.0, 2.5),
    "running": (1.0, 1.0),
    "stopping": (2.0, 1.5),
    "stopped": (3.0, 1.0),
    "shutting-down": (2.0, 0.0),
    "terminated": (3.0, 0.0),
}


def lifecycle_diagram_figure() -> go.Figure:
    """The lifecycle state machine, its edges found by running every action on a running and a stopped instance."""
    edges: dict[tuple[str, str], set[str]] = {}
    for state in ("running", "stopped"):
        for action in ACTIONS:
            step = transition(Instance(state=state), action)
            if step.refused:
                continue
            for a, b in zip(step.path, step.path[1:], strict=False):
                edges.setdefault((a, b), set()).add(action if b == step.path[1] else "")
    fig = go.Figure()
    for (a, b), actions in sorted(edges.items()):
        (x0, y0), (x1, y1) = _STATE_XY[a], _STATE_XY[b]
        offset = 0.08 if a == b else 0.0
        fig.add_annotation(
            x=x1,
            y=y1 + offset,
            ax=x0,
            ay=y0 - offset,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=3,
            standoff=18,
            startstandoff=18,
        )
        label = ", ".join(sorted(x for x in actions if x))
        if label:
            fig.add_annotation(
                x=round((x0 + x1) / 2, 6),
                y=round((y0 + y1) / 2 + 0.12 + 2 * offset, 6),
                text=label,
                showarrow=False,
                font={"size": 10},
            )
    names = list(_STATE_XY)
    fig.add_trace(
        go.Scatter(
            x=[_STATE_XY[n][0] for n in names],
            y=[_STATE_XY[n][1] for n in names],
            mode="markers+text",
            text=names,
            textposition="bottom center",
            marker={"size": 28},
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.update_xaxes(visible=False, range=[0.4, 3.6], title="lifecycle position")
    fig.update_yaxes(visible=False, range=[-0.5, 2.9], title="")
    return _finish(fig, "EC2 instance lifecycle (billed while running)")


def health_check_figure(view: Sequence[bool], down_intervals: Sequence[tuple[float, float]]) -> go.Figure:
    """The target's real state against the load balancer's health-check verdict, second by second."""
    seconds = list(range(len(view)))
    real = [0 if any(a <= t < b for a, b in down_intervals) else 1 for t in seconds]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=seconds, y=real, name="target really up", line={"shape": "hv"}))
    fig.add_trace(
        go.Scatter(
            x=seconds,
            y=[round(0.9 * int(v), 6) for v in view],
            name="load balancer says healthy",
            line={"shape": "hv", "dash": "dash"},
        )
    )
    fig.update_xaxes(title="time (s)")
    fig.update_yaxes(title="up (1) / down (0)", tickvals=[0, 1])
    lag_out = next((t for t in seconds if not view[t]), None)
    title = "Health checks: out of service at " + (f"{lag_out} s" if lag_out is not None else "never")
    return _finish(fig, title)


def breakeven_figure(costs: pd.DataFrame, utilization: float) -> go.Figure:
    """Cost per instance over a term against utilisation: On-Demand rises, each reservation is flat."""
    fig = go.Figure()
    x = theme.rounded(100 * costs["utilization"])
    for column in costs.columns[1:]:
        dash = None if column == "On-Demand" else "dash"
        fig.add_trace(go.Scatter(x=x, y=theme.rounded(costs[column]), name=column, line={"dash": dash}))
    fig.add_vline(x=round(100 * utilization, 6), line={"color": "#555", "dash": "dot"})
    fig.update_xaxes(title="utilisation (% of the term's hours the instance runs)")
    fig.update_yaxes(title="cost over the term (USD per instance)")
    return _finish(fig, "On-Demand against reservations: where the lines cross is the break-even")


def step_scaling_figure(
    metric_values: Sequence[float], capacities: Sequence[int], threshold: float, metric_value: float, current: int
) -> go.Figure:
    """New capacity after one step-scaling action, for every metric value, with the alarm threshold marked."""
    fig = go.Figure(
        go.Scatter(x=theme.rounded(metric_values), y=list(capacities), name="new capacity", line={"shape": "hv"})
    )
    fig.add_trace(
        go.Scatter(
            x=theme.rounded([metric_value]),
            y=[capacities[min(range(len(metric_values)), key=lambda i: abs(metric_values[i] - metric_value))]],
            mode="markers",
            marker={"size": 14, "symbol": "star"},
            name="this breach",
        )
    )
    fig.add_hline(y=current, line={"dash": "dot", "color": "#777"})
    fig.add_vline(x=threshold, line={"dash": "dash", "color": "#d62728"})
    fig.update_xaxes(title="metric value when the alarm fires (e.g. CPU %)")
    fig.update_yaxes(title="capacity after the action (instances)")
    return _finish(fig, f"Step scaling from {current} instances (threshold {threshold:g}, dashed)")
