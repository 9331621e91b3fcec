"""Plotly figures for the Management chapter: alarm evaluation, template dependency graph, stack events,
Config compliance timeline, Trusted Advisor summary."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from awslab import theme

STATE_COLOURS = {"OK": "#2ca02c", "ALARM": "#d62728", "INSUFFICIENT_DATA": "#7f7f7f"}
COMPLIANCE_COLOURS = {"COMPLIANT": "#2ca02c", "NON_COMPLIANT": "#d62728", "NOT_APPLICABLE": "#7f7f7f"}
TA_COLOURS = {"ok": "#2ca02c", "warning": "#ffbf00", "error": "#d62728"}


def alarm_figure(
    values: Sequence[float | None],
    states: Sequence[str],
    threshold: float,
    *,
    period_seconds: int = 300,
    metric_name: str = "CPUUtilization",
    unit: str = "%",
) -> go.Figure:
    """The metric per period (gaps where missing), the threshold, and the alarm state after each period as a band."""
    if len(values) != len(states):
        raise ValueError(f"values and states must have the same length, got {len(values)} and {len(states)}")
    minutes = [round(i * period_seconds / 60, 6) for i in range(len(values))]
    fig = go.Figure()
    real = [v for v in values if v is not None]
    top = max(real + [threshold]) * 1.15 if real else threshold * 1.15 or 1.0
    for state, colour in STATE_COLOURS.items():
        xs = [m for m, s in zip(minutes, states, strict=True) if s == state]
        fig.add_trace(
            go.Bar(
                x=xs,
                y=[round(top, 6)] * len(xs),
                marker={"color": colour},
                opacity=0.18,
                width=period_seconds / 60,
                name=state,
                hoverinfo="name",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=minutes,
            y=theme.rounded(values),
            mode="lines+markers",
            name=metric_name,
            connectgaps=False,
            line={"color": "#1f77b4"},
        )
    )
    missing = [m for m, v in zip(minutes, values, strict=True) if v is None]
    if missing:
        fig.add_trace(
            go.Scatter(
                x=missing,
                y=[0.0] * len(missing),
                mode="markers",
                name="missing datapoint",
                marker={"symbol": "x", "color": "#7f7f7f", "size": 9},
            )
        )
    fig.add_hline(
        y=round(float(threshold), 6), line_dash="dash", line_color="#d62728", annotation_text=f"threshold {threshold:g}"
    )
    fig.update_layout(
        title="Alarm evaluation: metric, threshold and alarm state",
        barmode="overlay",
        xaxis_title="Time (minutes)",
        yaxis_title=f"{metric_name} ({unit})",
        bargap=0,
    )
    return fig


def dependency_graph_figure(
    dependencies: dict[str, list[str]], waves: list[list[str]], resource_types: dict[str, str] | None = None
) -> go.Figure:
    """The template's dependency graph: resources in columns by creation wave, arrows from each dependency to the
    resource that needs it (output of cloudformation.dependencies and creation_waves)."""
    position: dict[str, tuple[float, float]] = {}
    for x, wave in enumerate(waves):
        for y, name in enumerate(wave):
            position[name] = (float(x), round(-(y - (len(wave) - 1) / 2), 6))
    fig = go.Figure()
    arrows = []
    for name, needs in dependencies.items():
        for dep in needs:
            (x0, y0), (x1, y1) = position[dep], position[name]
            arrows.append(
                dict(
                    x=x1,
                    y=y1,
                    ax=x0,
                    ay=y0,
                    xref="x",
                    yref="y",
                    axref="x",
                    ayref="y",
                    showarrow=True,
                    arrowhead=3,
                    arrowsize=1.2,
                    arrowwidth=1.2,
                    arrowcolor="#7f7f7f",
                    standoff=14,
                    startstandoff=14,
                )
            )
    fig.update_layout(annotations=arrows)  # one layout update: far faster than add_annotation per arrow
    names = list(position)
    types = resource_types or {}
    fig.add_trace(
        go.Scatter(
            x=[position[n][0] for n in names],
            y=[position[n][1] for n in names],
            mode="markers+text",
            text=names,
            textposition="top center",
            marker={"size": 22, "color": "#ff9900"},
            hovertext=[
                f"{n}<br>{types.get(n, '')}<br>needs: {', '.join(dependencies.get(n, [])) or 'nothing'}" for n in names
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.update_layout(
        title="Template dependency graph (left to right = creation order)",
        xaxis_title="Creation wave (resources in one wave are created in parallel)",
        yaxis_title="Resources in the wave",
    )
    fig.update_xaxes(
        tickvals=list(range(len(waves))),
        ticktext=[str(i + 1) for i in range(len(waves))],
        range=[-0.5, len(waves) - 0.5],
    )
    fig.update_yaxes(showticklabels=False, zeroline=False)
    return fig


def stack_events_figure(events: Sequence[dict]) -> go.Figure:
    """Gantt-style timeline of a simulated stack: create and delete intervals per resource (seconds)."""
    starts: dict[tuple[str, str], float] = {}
    bars: dict[str, dict[str, list]] = {}
    colours = {"create": "#1f77b4", "failed": "#d62728", "cancelled": "#9467bd", "delete": "#7f7f7f"}
    for e in events:
        rid, status, t = e["LogicalResourceId"], e["ResourceStatus"], e["ElapsedSeconds"]
        if e["ResourceType"] == "AWS::CloudFormation::Stack":
            continue
        if status.endswith("_IN_PROGRESS"):
            starts[(rid, status.split("_")[0])] = t
            continue
        if status == "DELETE_SKIPPED":
            continue
        phase = status.split("_")[0]
        kind = "delete" if phase == "DELETE" else "create"
        if status == "CREATE_FAILED":
            kind = "cancelled" if e.get("ResourceStatusReason") == "Resource creation cancelled" else "failed"
        begin = starts.get((rid, phase), t)
        group = bars.setdefault(kind, {"y": [], "base": [], "x": []})
        group["y"].append(rid)
        group["base"].append(round(begin, 6))
        group["x"].append(round(t - begin, 6))
    fig = go.Figure()
    for kind, data in bars.items():
        fig.add_trace(
            go.Bar(
                y=data["y"], x=data["x"], base=data["base"], orientation="h", name=kind, marker={"color": colours[kind]}
            )
        )
    stack_status = next(
        (e["ResourceStatus"] for e in reversed(events) if e["ResourceType"] == "AWS::CloudFormation::Stack"), ""
    )
    fig.update_layout(
        title=f"Stack events ({stack_status})",
        barmode="overlay",
        xaxis_title="Elapsed time (seconds)",
        yaxis_title="Logical resource id",
    )
    fig.update_yaxes(autorange="reversed")
    return fig


def compliance_timeline_figure(timeline: pd.DataFrame) -> go.Figure:
    """Each evaluation as a marker (resource x rule by time), coloured by compliance; changes drawn larger."""
    fig = go.Figure()
    for compliance, colour in COMPLIANCE_COLOURS.items():
        part = timeline[timeline["ComplianceType"] == compliance]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=[t.isoformat() for t in part["OrderingTimestamp"]],
                y=[f"{r} / {rid}" for r, rid in zip(part["ConfigRuleName"], part["ResourceId"], strict=True)],
                mode="markers",
                name=compliance,
                marker={"color": colour, "size": [14 if c else 8 for c in part["Changed"]], "symbol": "square"},
            )
        )
    fig.update_layout(
        title="AWS Config compliance timeline",
        xaxis_title="Configuration item capture time (UTC)",
        yaxis_title="Rule / resource",
    )
    return fig


def trusted_advisor_figure(results: Sequence) -> go.Figure:
    """One bar per check coloured by status, with the number of flagged resources."""
    fig = go.Figure(
        go.Bar(
            x=[len(r.flagged_resources) for r in results],
            y=[r.name for r in results],
            orientation="h",
            marker={"color": [TA_COLOURS[r.status] for r in results]},
            text=[r.status for r in results],
            textposition="auto",
        )
    )
    fig.update_layout(title="Trusted Advisor free checks", xaxis_title="Flagged resources (count)", yaxis_title="Check")
    fig.update_yaxes(autorange="reversed")
    return fig


def trail_figure(calls: dict[str, dict[str, int]]) -> go.Figure:
    """Stacked bars of recorded API calls per event source: read-only, write, and (overlaid) failed calls."""
    sources = list(calls)
    fig = go.Figure()
    for kind, colour in (("read", "#1f77b4"), ("write", "#ff9900")):
        fig.add_trace(go.Bar(x=sources, y=[calls[s][kind] for s in sources], name=kind, marker={"color": colour}))
    fig.add_trace(
        go.Scatter(
            x=sources,
            y=[calls[s]["failed"] for s in sources],
            mode="markers",
            name="failed (errorCode)",
            marker={"symbol": "x", "size": 12, "color": "#d62728"},
        )
    )
    fig.update_layout(
        title="The trail of this lab's own API calls",
        barmode="stack",
        xaxis_title="Event source",
        yaxis_title="API calls (count)",
    )
    return fig
