"""Plotly figures for the application-services models: fleets, polling, fan-out, workflow history, throttling."""

from __future__ import annotations

import copy
import functools

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from awslab import theme
from awslab.app_services.apigateway import ThrottleResult
from awslab.app_services.sns import Delivery, Topic
from awslab.app_services.sqs_fleet import FleetResult, PollingCost
from awslab.app_services.swf import WorkflowRun


def fleet_figure(result: FleetResult, title: str = "Consumer fleet on an SQS queue") -> go.Figure:
    """Queue depth (visible, in flight) and age of the oldest message over time, in two stacked panels."""
    times = theme.rounded(result.times_seconds)
    # Two y-axes on split domains rather than make_subplots: the same picture, built several times faster.
    fig = go.Figure(
        [
            go.Scatter(x=times, y=theme.rounded(result.visible), name="visible", mode="lines"),
            go.Scatter(x=times, y=theme.rounded(result.in_flight), name="in flight", mode="lines"),
            go.Scatter(
                x=times, y=theme.rounded(result.oldest_message_age_seconds), name="oldest age", mode="lines", yaxis="y2"
            ),
        ]
    )
    summary = (
        f"sent {result.messages_sent:,} · deleted {result.deleted:,} · DLQ {result.dead_lettered:,} · "
        f"duplicates {result.duplicate_processings:,}"
    )
    fig.update_layout(
        title=f"{title}<br><sup>{summary}</sup>",
        xaxis=dict(title="time (s)", anchor="y2"),
        yaxis=dict(title="messages in the queue", domain=[0.56, 1.0], rangemode="tozero"),
        yaxis2=dict(title="oldest message age (s)", domain=[0.0, 0.44], rangemode="tozero"),
    )
    return theme.apply(fig, height=520)


def visibility_sweep_figure(table: pd.DataFrame) -> go.Figure:
    """Duplicate processings and p99 latency against the visibility timeout (one row per timeout)."""
    timeouts = theme.rounded(table["visibility_timeout_seconds"])
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=timeouts,
            y=theme.rounded(table["duplicate_processings"]),
            name="duplicate processings",
            mode="lines+markers",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=timeouts,
            y=theme.rounded(table["latency_seconds_p99"]),
            name="p99 latency (s)",
            mode="lines+markers",
            yaxis="y2",
        )
    )
    fig.update_layout(
        title="Choosing the visibility timeout",
        xaxis=dict(title="visibility timeout (s)", type="log"),
        yaxis=dict(title="duplicate processings", rangemode="tozero"),
        yaxis2=dict(title="p99 send-to-delete latency (s)", overlaying="y", side="right", rangemode="tozero"),
    )
    return theme.apply(fig)


def polling_figure(costs: list[PollingCost], title: str = "Short vs long polling") -> go.Figure:
    """Receive requests a month (total and empty) and their cost, one bar group per wait time."""
    labels = ["short poll" if c.wait_time_seconds == 0 else f"long poll {c.wait_time_seconds:g} s" for c in costs]
    layout = copy.deepcopy(_polling_layout())
    layout["yaxis"]["title"] = {"text": "requests / month"}
    layout["yaxis2"]["title"] = {"text": "USD / month (us-east-1 list)"}
    layout.update(title={"text": title}, barmode="group")
    fig = go.Figure(
        [
            go.Bar(
                x=labels,
                y=theme.rounded([c.receive_requests_per_month for c in costs]),
                name="all receives",
                xaxis="x",
                yaxis="y",
            ),
            go.Bar(
                x=labels,
                y=theme.rounded([c.empty_receives_per_month for c in costs]),
                name="empty receives",
                xaxis="x",
                yaxis="y",
            ),
            go.Bar(
                x=labels,
                y=theme.rounded([c.usd_per_month for c in costs]),
                name="USD",
                showlegend=False,
                xaxis="x2",
                yaxis="y2",
            ),
        ],
        layout,
    )
    return theme.apply(fig)


@functools.lru_cache(maxsize=1)
def _polling_layout() -> dict:
    """The two-panel layout of :func:`polling_figure` (make_subplots costs more than the rest of an update)."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=("ReceiveMessage requests a month", "Cost a month"))
    return fig.layout.to_plotly_json()


def fanout_figure(topic: Topic, deliveries: list[Delivery] | None = None) -> go.Figure:
    """A topic and its subscriptions drawn as a fan; with ``deliveries``, filtered-out ones are greyed."""
    count = len(topic.subscriptions)
    ys = [1 - i / max(count - 1, 1) for i in range(count)] if count > 1 else [0.5]
    fig = go.Figure()
    for index, (subscription, y) in enumerate(zip(topic.subscriptions, ys, strict=True)):
        delivered = deliveries[index].delivered if deliveries else True
        color = theme.AWS_ORANGE if delivered else "#c9ced6"
        fig.add_trace(
            go.Scatter(
                x=[0, 1],
                y=[0.5, round(y, 6)],
                mode="lines",
                line=dict(color=color, width=3),
                hoverinfo="skip",
                showlegend=False,
            )
        )
        text = f"{subscription.protocol}: {subscription.endpoint}"
        if subscription.filter_policy:
            text += "<br><sup>filter " + ", ".join(subscription.filter_policy) + "</sup>"
        fig.add_annotation(x=1.02, y=round(y, 6), text=text, showarrow=False, xanchor="left", align="left")
    fig.add_trace(
        go.Scatter(
            x=[0],
            y=[0.5],
            mode="markers+text",
            text=[f"topic {topic.name}"],
            textposition="middle left",
            marker=dict(size=26, color=theme.AWS_ORANGE),
            showlegend=False,
        )
    )
    fig.update_xaxes(visible=False, range=[-0.6, 1.9])
    fig.update_yaxes(visible=False, range=[-0.15, 1.15])
    fig.update_layout(title="SNS fan-out: each subscription gets its own copy")
    return theme.apply(fig, height=max(300, 90 * count))


def workflow_figure(run: WorkflowRun) -> go.Figure:
    """The workflow history as a timeline: one marker per event, grouped by kind of event."""
    groups = {"Decision": "decider", "Activity": "activity worker", "Timer": "timer", "Workflow": "workflow"}
    fig = go.Figure()
    for prefix, lane in groups.items():
        events = [e for e in run.history if e["eventType"].startswith(prefix)]
        fig.add_trace(
            go.Scatter(
                x=[e["eventTimestamp"] for e in events],
                y=[lane] * len(events),
                mode="markers",
                name=lane,
                text=[f"{e['eventId']}: {e['eventType']}" for e in events],
                hovertemplate="%{text}<br>t=%{x} s<extra></extra>",
                marker=dict(
                    size=11,
                    symbol=[
                        "x" if "Failed" in e["eventType"] or "TimedOut" in e["eventType"] else "circle" for e in events
                    ],
                ),
            )
        )
    fig.update_layout(
        title=f"SWF workflow history: {run.status} after {run.duration_seconds:g} s, {len(run.history)} events",
        xaxis_title="time since start (s)",
        yaxis_title="",
    )
    return theme.apply(fig, height=360)


def throttle_figure(result: ThrottleResult, rate_limit: float, burst_limit: int) -> go.Figure:
    """Requests offered, accepted and throttled (429) per second against the steady rate limit."""
    seconds = theme.rounded(result.second_starts)
    fig = go.Figure(
        [
            go.Bar(x=seconds, y=theme.rounded(result.accepted_per_second), name="accepted"),
            go.Bar(
                x=seconds, y=theme.rounded(result.throttled_per_second), name="throttled (429)", marker_color="#d62728"
            ),
        ]
    )
    y = float(rate_limit)
    # What fig.add_hline(y, line_dash="dash", annotation_text=...) draws, written out: add_hline alone took half of
    # an update (issue 24).
    fig.update_layout(
        shapes=[
            {
                "line": {"dash": "dash"},
                "type": "line",
                "x0": 0,
                "x1": 1,
                "xref": "x domain",
                "y0": y,
                "y1": y,
                "yref": "y",
            }
        ],
        annotations=[
            {
                "showarrow": False,
                "text": f"rate limit {rate_limit:g}/s",
                "x": 1,
                "xanchor": "right",
                "xref": "x domain",
                "y": y,
                "yanchor": "bottom",
                "yref": "y",
            }
        ],
        title=f"API Gateway token bucket: rate {rate_limit:g}/s, burst {burst_limit:g}",
        barmode="stack",
        xaxis_title="time (s)",
        yaxis_title="requests per second",
    )
    return theme.apply(fig)


def pattern_match_figure(rows: list[dict], title: str = "Which events does the rule match?") -> go.Figure:
    """One bar per sample event: matched (1) or not (0)."""
    names = [r["event"] for r in rows]
    hits = [1 if r["matches"] else 0 for r in rows]
    colors = [theme.COLORS[2] if h else theme.COLORS[7] for h in hits]
    fig = go.Figure(go.Bar(x=hits, y=names, orientation="h", marker_color=colors, showlegend=False))
    fig.update_layout(
        title=f"{title}<br><sup>{sum(hits)} of {len(hits)} sample events go to the targets</sup>",
        xaxis=dict(title="matched (1) or not (0)", range=[0, 1.05], tickvals=[0, 1]),
        yaxis=dict(autorange="reversed"),
        margin=dict(l=230),
    )
    return theme.apply(fig, height=360)


def workflow_cost_figure(
    executions: list[int], standard_usd: list[float], express_usd: list[float], marker: int | None = None
) -> go.Figure:
    """Monthly cost of one workflow as Standard and as Express against executions per month (log axes)."""
    fig = go.Figure(
        [
            go.Scatter(x=executions, y=theme.rounded(standard_usd, 4), name="Standard", mode="lines"),
            go.Scatter(x=executions, y=theme.rounded(express_usd, 4), name="Express", mode="lines"),
        ]
    )
    if marker is not None:
        fig.add_vline(x=marker, line_dash="dot", line_color=theme.COLORS[7])
    fig.update_layout(
        title="Standard vs Express: monthly cost (us-east-1)",
        xaxis=dict(title="executions per month", type="log"),
        yaxis=dict(title="USD per month", type="log"),
    )
    return theme.apply(fig)


def retry_figure(waits: list[float], title: str = "Retry waits (jitter off)") -> go.Figure:
    """Seconds before each retry and the running total."""
    retries = list(range(1, len(waits) + 1))
    total, running = 0.0, []
    for wait in waits:
        total += wait
        running.append(total)
    fig = go.Figure(
        [
            go.Bar(x=retries, y=theme.rounded(waits, 3), name="wait before the retry"),
            go.Scatter(x=retries, y=theme.rounded(running, 3), name="since the first failure", mode="lines+markers"),
        ]
    )
    fig.update_layout(title=title, xaxis=dict(title="retry", dtick=1), yaxis=dict(title="seconds", rangemode="tozero"))
    return theme.apply(fig)


def spike_figure(result, title: str = "A traffic spike against Lambda concurrency") -> go.Figure:
    """Busy environments against the function's limit, and throttled requests per second, over time."""
    seconds = result.seconds.tolist()
    fig = go.Figure(
        [
            go.Scatter(x=seconds, y=result.concurrency.tolist(), name="concurrency (busy)", mode="lines"),
            go.Scatter(
                x=seconds, y=result.environments.tolist(), name="environments", mode="lines", line=dict(dash="dot")
            ),
            go.Bar(
                x=seconds,
                y=result.throttled_per_second.tolist(),
                name="throttled / s",
                yaxis="y2",
                marker_color=theme.COLORS[3],
                opacity=0.5,
            ),
        ]
    )
    fig.add_hline(y=result.limit, line_dash="dash", line_color=theme.COLORS[7])
    fig.update_layout(
        title=f"{title}<br><sup>limit {result.limit:,} · throttled {result.throttled:,} · cold starts "
        f"{result.cold_starts:,}</sup>",
        xaxis=dict(title="time (s)"),
        yaxis=dict(title="execution environments", rangemode="tozero"),
        yaxis2=dict(title="throttled requests / s", overlaying="y", side="right", rangemode="tozero"),
    )
    return theme.apply(fig)


def ranking_figure(ranking, title: str) -> go.Figure:
    """A chooser's ranking as horizontal bars: score of each feasible service, ruled-out services greyed at 0."""
    rows = list(reversed(ranking))
    fig = go.Figure(
        go.Bar(
            x=[r.score if r.feasible else 0 for r in rows],
            y=[f"{r.rank}. {r.service}" for r in rows],
            orientation="h",
            marker_color=[
                theme.AWS_ORANGE if r.rank == 1 and r.feasible else theme.COLORS[0] if r.feasible else "#c8c8c8"
                for r in rows
            ],
            text=[f"{r.score}" if r.feasible else "ruled out" for r in rows],
            textposition="outside",
            hovertext=[r.why for r in rows],
            hoverinfo="text",
        )
    )
    fig.update_layout(
        title=title, xaxis=dict(title="score (2 fits, 1 works, per requirement)", rangemode="tozero"), showlegend=False
    )
    return theme.apply(fig, height=120 + 28 * len(rows))


def trace_figure(segments: list[dict], on_path: set[str], title: str = "A trace: segments over time") -> go.Figure:
    """A waterfall of a trace's segments (flattened rows of name, start_ms, end_ms, depth), the critical path in orange."""
    rows = list(reversed(segments))
    fig = go.Figure(
        go.Bar(
            base=[r["start_ms"] for r in rows],
            x=[r["end_ms"] - r["start_ms"] for r in rows],
            y=["  " * r["depth"] + r["name"] for r in rows],
            orientation="h",
            marker_color=[theme.AWS_ORANGE if r["name"] in on_path else theme.COLORS[0] for r in rows],
        )
    )
    fig.update_layout(title=title, xaxis=dict(title="time since the request arrived (ms)"), showlegend=False)
    return theme.apply(fig, height=120 + 28 * len(rows))
