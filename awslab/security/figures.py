"""Plotly figures for the security chapter, drawn from model results (IAM grids and traces, MFA drift, KMS rotation,
the CloudTrail digest chain, the shared responsibility matrix)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from awslab import theme
from awslab.security.cloudtrail import Trail, ValidationResult
from awslab.security.credentials import Lifetime
from awslab.security.iam import Evaluation
from awslab.security.waf import RateRuleResult

_DECISION_CODE = {"implicitDeny": 0, "allowed": 1, "explicitDeny": 2}
_DECISION_SCALE = [
    [0.0, "#d9d9d9"],
    [0.33, "#d9d9d9"],
    [0.34, "#2ca02c"],
    [0.66, "#2ca02c"],
    [0.67, "#d62728"],
    [1.0, "#d62728"],
]
_OWNER_CODE = {"AWS": 0, "Shared": 1, "Customer": 2}


def decision_grid_figure(grid: pd.DataFrame, title: str = "IAM decisions: actions x resources") -> go.Figure:
    """Heatmap of an :func:`awslab.security.iam.evaluate_grid` result (grey implicit deny, green allow, red deny)."""
    codes = [[_DECISION_CODE[v] for v in row] for row in grid.to_numpy().tolist()]
    fig = go.Figure(
        go.Heatmap(
            z=codes,
            x=[str(c) for c in grid.columns],
            y=[str(i) for i in grid.index],
            text=grid.to_numpy().tolist(),
            texttemplate="%{text}",
            zmin=0,
            zmax=2,
            colorscale=_DECISION_SCALE,
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(title=title, xaxis_title="resource (ARN)", yaxis_title="action")
    return fig


def trace_figure(evaluation: Evaluation) -> go.Figure:
    """A table of the evaluation trace: each statement, each test's outcome and the reason."""
    mark = {True: "yes", False: "no", None: "-"}
    rows = evaluation.trace
    columns = {
        "policy / statement": [f"{t.source}[{t.policy_index}].Statement[{t.statement_index}]" for t in rows],
        "Sid": [t.sid or "" for t in rows],
        "Effect": [t.effect for t in rows],
        "action": [mark[t.action_matched] for t in rows],
        "resource": [mark[t.resource_matched] for t in rows],
        "principal": [mark[t.principal_matched] for t in rows],
        "conditions": [mark[t.conditions_matched] for t in rows],
        "reason": [t.reason for t in rows],
    }
    fill = ["#fde0dd" if t.matched and t.effect == "Deny" else "#e5f5e0" if t.matched else "white" for t in rows]
    fig = go.Figure(
        go.Table(
            header={"values": list(columns)},
            cells={"values": list(columns.values()), "fill_color": [fill] * len(columns)},
        )
    )
    fig.update_layout(title=f"{evaluation.action} on {evaluation.resource}: {evaluation.decision}")
    return fig


def mfa_drift_figure(
    drift_seconds, probabilities_by_window: dict[int, list[float]], period_seconds: int = 30
) -> go.Figure:
    """Acceptance probability of a TOTP code versus device clock drift, one line per server window."""
    fig = go.Figure()
    for window, probabilities in probabilities_by_window.items():
        fig.add_trace(
            go.Scatter(
                x=theme.rounded(drift_seconds),
                y=theme.rounded(probabilities),
                mode="lines",
                name=f"window ±{window} step(s)",
            )
        )
    fig.update_layout(
        title=f"TOTP acceptance vs clock drift ({period_seconds} s steps)",
        xaxis_title="device clock drift (s)",
        yaxis_title="probability code is accepted",
        yaxis_range=[0, 1.05],
    )
    return fig


def rotation_figure(schedule: pd.DataFrame) -> go.Figure:
    """KMS key material over time: the version new encryptions use and how many versions still decrypt."""
    fig = go.Figure(
        [
            go.Scatter(
                x=theme.rounded(schedule["day"]),
                y=theme.rounded(schedule["encrypting_version"] + 1),
                mode="lines",
                name="version used to encrypt",
                line_shape="hv",
            ),
            go.Scatter(
                x=theme.rounded(schedule["day"]),
                y=theme.rounded(schedule["versions_kept"]),
                mode="lines",
                name="versions kept for decryption",
                line_shape="hv",
                line_dash="dot",
            ),
        ]
    )
    fig.update_layout(
        title="KMS automatic rotation: old material is kept",
        xaxis_title="day",
        yaxis_title="key material version (count)",
    )
    return fig


def digest_chain_figure(trail: Trail, result: ValidationResult) -> go.Figure:
    """The digest chain: one column per hourly digest, its log files below it, coloured by validation verdict."""
    colour = {"valid": "#2ca02c", "modified": "#d62728", "missing": "#ff7f0e", "not covered": "#7f7f7f"}
    xs, ys, labels, colours = [], [], [], []
    logs = list(trail.logs)
    files_per_hour = max(1, len(logs) // max(1, len(trail.digest_order)))
    for hour, key in enumerate(trail.digest_order):
        verdict = result.digest_files.get(key, "missing")
        xs.append(float(hour))
        ys.append(0.0)
        labels.append(f"digest {hour}: {verdict}")
        colours.append(colour.get(verdict, "#d62728"))
    for position, key in enumerate(logs):
        verdict = result.log_files.get(key, "missing")
        xs.append(float(position // files_per_hour))
        ys.append(-1.0 - position % files_per_hour)
        labels.append(f"log {key.rsplit('_', 2)[-2]}: {verdict}")
        colours.append(colour.get(verdict, "#d62728"))
    for key, verdict in result.log_files.items():
        if key not in trail.logs:
            labels.append(f"log {key.rsplit('_', 2)[-2]}: {verdict}")
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=labels,
            textposition="middle right",
            marker={"size": 18, "color": colours, "symbol": "square"},
            hoverinfo="text",
        )
    )
    fig.update_layout(
        title="CloudTrail digest chain ({})".format("intact" if result.intact else "tampering found"),
        xaxis_title="hour (each digest signs the previous one)",
        yaxis_title="file",
        showlegend=False,
        yaxis={"showticklabels": False},
    )
    return fig


def responsibility_figure(table: pd.DataFrame) -> go.Figure:
    """Heatmap of :func:`awslab.security.responsibility.responsibility_table`: who secures each layer."""
    codes = [[_OWNER_CODE[v] for v in row] for row in table.to_numpy().tolist()]
    fig = go.Figure(
        go.Heatmap(
            z=codes,
            x=[str(c) for c in table.columns],
            y=[str(i) for i in table.index],
            text=table.to_numpy().tolist(),
            texttemplate="%{text}",
            zmin=0,
            zmax=2,
            colorscale=[[0, "#ff9900"], [0.5, "#c7c7c7"], [1, "#1f77b4"]],
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        title="Shared responsibility: who secures what",
        xaxis_title="service",
        yaxis_title="layer",
        yaxis_autorange="reversed",
    )
    return fig


def lifetime_figure(lifetimes: list[Lifetime], chosen: int = 0) -> go.Figure:
    """Allowed lifetime range of each STS API (hours), the default marked, the chosen request's grant highlighted."""
    names = [life.api for life in lifetimes]
    fig = go.Figure(
        [
            go.Bar(
                y=names,
                x=theme.rounded((life.maximum_seconds - life.minimum_seconds) / 3600 for life in lifetimes),
                base=theme.rounded(life.minimum_seconds / 3600 for life in lifetimes),
                orientation="h",
                name="allowed range",
                marker_color=["#ff9900" if i == chosen else "#c7c7c7" for i in range(len(lifetimes))],
                hovertext=[life.rule for life in lifetimes],
            ),
            go.Scatter(
                y=names,
                x=theme.rounded(life.default_seconds / 3600 for life in lifetimes),
                mode="markers",
                name="default",
                marker={"symbol": "line-ns-open", "size": 22, "color": "#232f3e"},
            ),
            go.Scatter(
                y=[names[chosen]],
                x=theme.rounded([lifetimes[chosen].granted_seconds / 3600]),
                mode="markers",
                name="granted",
                marker={"symbol": "diamond", "size": 14, "color": "#d62728"},
            ),
        ]
    )
    fig.update_layout(
        title="Temporary credentials: 15 minutes to 36 hours",
        xaxis_title="session lifetime (hours)",
        yaxis_title="STS API",
        xaxis_range=[0, 37],
    )
    return fig


def key_rotation_figure(steps: pd.DataFrame) -> go.Figure:
    """Access key rotation step by step: applications on each key and applications failing."""
    labels = [f"{step}. {call}" for step, call in zip(steps["step"], steps["call"], strict=True)]
    fig = go.Figure(
        [
            go.Bar(x=labels, y=theme.rounded(steps["apps on old key"]), name="apps on old key", marker_color="#7f7f7f"),
            go.Bar(x=labels, y=theme.rounded(steps["apps on new key"]), name="apps on new key", marker_color="#1f77b4"),
            go.Scatter(
                x=labels,
                y=theme.rounded(steps["apps failing"]),
                mode="lines+markers",
                name="apps failing",
                line={"color": "#d62728", "width": 3},
            ),
        ]
    )
    fig.update_layout(
        barmode="stack",
        title="Rotating an access key: create, switch, disable, then delete",
        xaxis_title="step",
        yaxis_title="applications (count)",
    )
    return fig


def kms_calls_figure(calls: dict[str, int]) -> go.Figure:
    """KMS requests needed: encrypting directly in 4 KiB pieces versus envelope encryption (log scale)."""
    names = {"direct_encrypt_calls": "Encrypt directly", "envelope_generate_data_key_calls": "envelope (data keys)"}
    fig = go.Figure(
        go.Bar(
            x=[names[k] for k in calls],
            y=theme.rounded(calls.values()),
            text=[f"{v:,}" for v in calls.values()],
            textposition="outside",
            marker_color=["#7f7f7f", "#ff9900"],
        )
    )
    fig.update_layout(title="KMS requests to encrypt the data", yaxis_title="KMS requests", yaxis_type="log")
    return fig


def waf_figure(result: RateRuleResult) -> go.Figure:
    """Requests per bin from the attacker and from everyone else, allowed and blocked (stacked)."""
    x = theme.rounded(result.bin_start_seconds / 60)
    series = [
        ("attacker allowed", result.attacker_allowed, "#ff7f0e"),
        ("attacker blocked", result.attacker_blocked, "#d62728"),
        ("others allowed", result.others_allowed, "#2ca02c"),
        ("others blocked", result.others_blocked, "#9467bd"),
    ]
    fig = go.Figure(
        [go.Bar(x=x, y=theme.rounded(values), name=name, marker_color=color) for name, values, color in series]
    )
    fig.update_layout(
        barmode="stack",
        title="AWS WAF rate-based rule against one flooding IP",
        xaxis_title="time (minutes)",
        yaxis_title="requests per bin",
    )
    return fig


_LAYER_COLOURS = {
    "allow": "#2ca02c",
    "deny": "#d62728",
    "no allow": "#ff9900",
    "not given": "#d9d9d9",
    "does not apply": "#9ecae1",
}
_FLOW_LABELS = {
    "rcps": "RCPs",
    "scps": "SCPs",
    "resource_policies": "resource<br>policy",
    "policies": "identity<br>policies",
    "permissions_boundary": "permissions<br>boundary",
    "session_policies": "session<br>policies",
}


def layers_flow_figure(evaluation: Evaluation, title: str | None = None) -> go.Figure:
    """The request's path through the layers (request -> RCPs -> SCPs -> resource -> identity -> boundary -> session),
    each box coloured by its answer, the deciding layer ringed in black."""
    layers = evaluation.layers
    names = ["request", *(layer.name for layer in layers)]
    x = list(range(len(names)))
    colours = ["#232f3e", *(_LAYER_COLOURS[layer.status] for layer in layers)]
    rings = [0, *(5 if layer.deciding else 1 for layer in layers)]
    sizes = [54, *(70 if layer.deciding else 54 for layer in layers)]
    labels = ["request", *(_FLOW_LABELS[layer.name] for layer in layers)]
    states = [evaluation.decision, *(layer.status for layer in layers)]
    notes = [evaluation.reason, *(layer.note or layer.status for layer in layers)]
    deciding = next((layer.label for layer in layers if layer.deciding), "")
    return go.Figure(
        data=[
            {
                "type": "scatter",
                "x": [x[0], x[-1]],
                "y": [0, 0],
                "mode": "lines",
                "line": {"color": "#879196", "width": 2},
                "hoverinfo": "skip",
            },
            {
                "type": "scatter",
                "x": x,
                "y": [0] * len(x),
                "mode": "markers+text",
                "marker": {
                    "symbol": "square",
                    "size": sizes,
                    "color": colours,
                    "line": {"color": "black", "width": rings},
                },
                "text": states,
                "textposition": "bottom center",
                "customdata": notes,
                "hovertemplate": "%{customdata}<extra></extra>",
            },
            {"type": "scatter", "x": x, "y": [0.55] * len(x), "mode": "text", "text": labels, "hoverinfo": "skip"},
        ],
        layout={
            "title": {"text": title or f"{evaluation.decision}: decided by the {deciding}"},
            "showlegend": False,
            "xaxis": {"visible": False, "range": [-0.6, len(x) - 0.4]},
            "yaxis": {"visible": False, "range": [-1, 1]},
            "height": 300,
        },
    )


# --- 07 identity for applications, 08 secrets and parameters, 09 threat detection ---------------------------
def sign_in_figure(result) -> go.Figure:
    """The hops of a sign-in (an :class:`awslab.security.app_identity.SignIn`): each artifact's lifetime in hours,
    log scale; hops whose result does not expire by itself are marked "no fixed lifetime"."""
    labels = [f"{i + 1}. {s.call}" for i, s in enumerate(result.steps)]
    hours = [None if s.lifetime_seconds is None else round(s.lifetime_seconds / 3600, 4) for s in result.steps]
    text = [s.returns if h is None else f"{s.returns}: {h:g} h" for s, h in zip(result.steps, hours, strict=True)]
    colors = [
        "#d9d9d9" if h is None else ("#2ca02c" if "AWS credentials" in s.returns else theme.AWS_ORANGE)
        for s, h in zip(result.steps, hours, strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            y=labels[::-1],
            x=[0.01 if h is None else h for h in hours][::-1],
            orientation="h",
            marker_color=colors[::-1],
            text=text[::-1],
            textposition="auto",
            hoverinfo="text",
        )
    )
    kind = "AWS credentials" if result.aws_credentials else "JWTs only"
    fig.update_layout(
        title=f"{result.flow}: ends with {kind}, {result.usable_seconds / 3600:g} h",
        xaxis_title="lifetime of what the hop returns (hours, log scale)",
        xaxis_type="log",
        yaxis_title="",
        showlegend=False,
    )
    return fig


def duration_grid_figure(grid: pd.DataFrame, title: str = "Does STS accept this DurationSeconds?") -> go.Figure:
    """Heatmap of requested session length (columns, hours) for each way of assuming the role (rows):
    green granted, red refused."""
    codes = [[1 if v else 0 for v in row] for row in grid.to_numpy().tolist()]
    text = [["granted" if v else "refused" for v in row] for row in grid.to_numpy().tolist()]
    fig = go.Figure(
        go.Heatmap(
            z=codes,
            x=[f"{c:g} h" for c in grid.columns],
            y=[str(i) for i in grid.index],
            text=text,
            texttemplate="%{text}",
            zmin=0,
            zmax=1,
            colorscale=[[0, "#d62728"], [0.5, "#d62728"], [0.5, "#2ca02c"], [1, "#2ca02c"]],
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(title=title, xaxis_title="DurationSeconds requested", yaxis_title="")
    return fig


def secret_rotation_figure(timeline: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Which version each staging label points at after every rotation attempt; red crosses where clients reading
    AWSCURRENT could not sign in."""

    def number(values):
        return [None if v == "-" else int(str(v)[1:]) for v in values]

    x = timeline["attempt"].tolist()
    fig = go.Figure()
    for label, color, dash in (
        ("AWSCURRENT", "#2ca02c", "solid"),
        ("AWSPENDING", theme.AWS_ORANGE, "dot"),
        ("AWSPREVIOUS", "#7f7f7f", "dash"),
    ):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=number(timeline[label]),
                name=label,
                mode="lines+markers",
                line={"color": color, "dash": dash, "shape": "hv"},
            )
        )
    broken = timeline[~timeline["clients ok"]]
    fig.add_trace(
        go.Scatter(
            x=broken["attempt"].tolist(),
            y=number(broken["AWSCURRENT"]),
            mode="markers",
            name="clients fail",
            marker={"symbol": "x", "size": 12, "color": "#d62728"},
        )
    )
    failed = int((timeline["outcome"] != "rotated").sum())
    fig.update_layout(
        title=title or f"{len(x)} rotations, {failed} failed, clients failed after {len(broken)}",
        xaxis_title="rotation attempt",
        yaxis_title="version (vN) the label is on",
    )
    return fig


def store_cost_figure(options) -> go.Figure:
    """Monthly cost of each place to keep the secrets (:class:`awslab.security.secrets.StoreOption`), grey where
    the store cannot hold them, with the reason."""
    names = [o.store for o in options]
    usd = [round(o.monthly_usd, 4) for o in options]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=usd,
            marker_color=[theme.AWS_ORANGE if o.feasible else "#d9d9d9" for o in options],
            text=[
                f"${o.monthly_usd:,.2f}" if o.feasible else "cannot: " + o.why_not.split(";")[0].split(" (")[0]
                for o in options
            ],
            textposition="outside",
            cliponaxis=False,
        )
    )
    feasible = [o for o in options if o.feasible]
    best = min(feasible, key=lambda o: o.monthly_usd).store if feasible else "none fits"
    fig.update_layout(title=f"Cheapest that fits: {best}", yaxis_title="USD per month (us-east-1 list)", xaxis_title="")
    return fig


_SHORT_SERVICE = {
    "AWS Security Hub CSPM": "SH CSPM",
    "AWS Shield Standard": "Shield Std",
    "AWS Shield Advanced": "Shield Adv",
    "AWS Network Firewall": "Net Firewall",
}


def coverage_figure(
    table: pd.DataFrame, *, service: str | None = None, source: str | None = None, title: str = "What each service sees"
) -> go.Figure:
    """Heatmap of data sources (rows) x services (columns) from
    :func:`awslab.security.threat_detection.coverage_table`; the chosen service's column or data source's row is
    drawn darker."""
    services, sources = list(table.index), list(table.columns)
    z = []
    for c in sources:
        line = []
        for r in services:
            seen = bool(table.loc[r, c])
            lit = (service is not None and r == service) or (source is not None and c == source)
            line.append((2 if lit else 1) if seen else (0.4 if lit else 0))
        z.append(line)
    short = [_SHORT_SERVICE.get(r, r.replace("Amazon ", "").replace("AWS ", "")) for r in services]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=short,
            y=sources,
            zmin=0,
            zmax=2,
            showscale=False,
            xgap=1,
            ygap=1,
            colorscale=[[0, "#f2f2f2"], [0.2, "#fde0b8"], [0.5, "#9ecae1"], [1, "#08519c"]],
            customdata=[[r for r in services] for _ in sources],
            hovertemplate="%{customdata} / %{y}<extra></extra>",
        )
    )
    fig.update_layout(title=title, xaxis_tickangle=-30, yaxis_autorange="reversed")
    return fig
