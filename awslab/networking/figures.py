"""Plotly figures for the networking chapter, each drawn from a model result."""

from __future__ import annotations

import ipaddress

import plotly.graph_objects as go

from awslab import theme
from awslab.networking.cidr import CidrBits, VpcPlan
from awslab.networking.firewall import protocol_label
from awslab.networking.healthcheck import FailoverTimeline
from awslab.networking.peering import Path
from awslab.networking.route53 import DnsAnswer
from awslab.networking.walk import PacketWalk

PUBLIC_COLOR = "#2ca02c"
PRIVATE_COLOR = "#1f77b4"
FREE_COLOR = "#e5e8ec"
ALLOW_COLOR = "#2ca02c"
DENY_COLOR = "#d62728"


def _box(
    shapes: list[dict],
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    *,
    fill: str,
    line: str = "#232f3e",
    dash: str = "solid",
    opacity: float = 1.0,
) -> None:
    # Shapes are collected and set once: fig.add_shape per box costs milliseconds each.
    shapes.append(
        dict(
            type="rect",
            x0=round(x0, 6),
            y0=round(y0, 6),
            x1=round(x1, 6),
            y1=round(y1, 6),
            fillcolor=fill,
            opacity=opacity,
            line=dict(color=line, width=1.5, dash=dash),
            layer="below",
        )
    )


def vpc_plan_figure(plan: VpcPlan) -> go.Figure:
    """The planned VPC: AZ columns by tier rows of subnets (top) and where each sits in the address space (bottom)."""
    fig = go.Figure()
    shapes: list[dict] = []
    azs, tiers = list(plan.availability_zones), list(plan.tiers)
    cell_w, cell_h, gap = 1.0, 0.7, 0.1
    top = len(tiers) * (cell_h + gap) + 0.5
    _box(shapes, -0.2, -1.35, len(azs) * (cell_w + gap) + 0.1, top, fill="#ffffff", line="#ff9900")
    labels_x, labels_y, labels, hovers = [], [], [], []
    for column, az in enumerate(azs):
        x0 = column * (cell_w + gap)
        _box(shapes, x0 - 0.05, -0.05, x0 + cell_w + 0.05, top - 0.35, fill="#ffffff", line="#7f7f7f", dash="dash")
        labels_x.append(x0 + cell_w / 2)
        labels_y.append(top - 0.2)
        labels.append(f"<b>{az}</b>")
        hovers.append(f"Availability Zone {az}")
    for subnet in plan.subnets:
        column, row = azs.index(subnet.availability_zone), tiers.index(subnet.tier)
        x0 = column * (cell_w + gap)
        y0 = (len(tiers) - 1 - row) * (cell_h + gap)
        _box(
            shapes,
            x0,
            y0,
            x0 + cell_w,
            y0 + cell_h,
            fill=PUBLIC_COLOR if subnet.public else PRIVATE_COLOR,
            opacity=0.35,
        )
        labels_x.append(x0 + cell_w / 2)
        labels_y.append(y0 + cell_h / 2)
        labels.append(
            f"{subnet.tier} ({'public' if subnet.public else 'private'})<br>{subnet.cidr}"
            f"<br>{subnet.usable_addresses:,} usable"
        )
        hovers.append(
            f"{subnet.name}<br>{subnet.cidr}<br>usable {subnet.first_usable} - {subnet.last_usable}"
            f"<br>{subnet.usable_addresses:,} of {subnet.total_addresses:,} addresses"
        )
    fig.add_trace(
        go.Scatter(
            x=labels_x,
            y=labels_y,
            mode="text",
            text=labels,
            hovertext=hovers,
            hoverinfo="text",
            showlegend=False,
            textfont=dict(size=11),
        )
    )
    _address_bar(fig, shapes, plan, width=len(azs) * (cell_w + gap) - gap)
    fig.update_layout(shapes=shapes)
    fig.update_xaxes(visible=False, range=[-0.3, len(azs) * (cell_w + gap) + 0.2])
    fig.update_yaxes(visible=False, range=[-1.45, top + 0.1])
    fig.update_layout(
        title=f"VPC {plan.vpc_cidr}: {len(plan.subnets)} subnets, "
        f"{plan.used_addresses:,} of {2 ** (32 - int(plan.vpc_cidr.split('/')[1])):,} addresses "
        "allocated (bar: address space, grey = free)"
    )
    return theme.apply(fig, height=220 + 110 * len(tiers))


def _address_bar(fig: go.Figure, shapes: list[dict], plan: VpcPlan, *, width: float) -> None:
    vpc = ipaddress.IPv4Network(plan.vpc_cidr)
    base, total = int(vpc.network_address), vpc.num_addresses
    xs, ys, texts = [], [], []
    blocks = [(s.cidr, PUBLIC_COLOR if s.public else PRIVATE_COLOR, s.name) for s in plan.subnets]
    blocks += [(c, FREE_COLOR, "free") for c in plan.free]
    for cidr, color, name in blocks:
        network = ipaddress.IPv4Network(cidr)
        x0 = (int(network.network_address) - base) / total * width
        x1 = x0 + network.num_addresses / total * width
        _box(shapes, x0, -1.1, x1, -0.6, fill=color, opacity=0.6, line="#ffffff")
        xs.append(round((x0 + x1) / 2, 6))
        ys.append(-0.85)
        texts.append(f"{name}<br>{cidr}")
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            marker=dict(size=1, opacity=0),
            hovertext=texts,
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.add_annotation(
        x=0,
        y=-1.2,
        xanchor="left",
        showarrow=False,
        font=dict(size=11),
        text=f"address space of {plan.vpc_cidr}, left to right: blue private, green public, "
        "grey free (hover for blocks)",
    )


def cidr_bits_figure(bits: CidrBits) -> go.Figure:
    """The 32 bits of an address, network bits in orange and host bits in blue, with the block's key addresses."""
    xs = [float(i + i // 8 * 0.5) for i in range(32)]
    colors = [theme.AWS_ORANGE if i < bits.prefix_length else PRIVATE_COLOR for i in range(32)]
    hover = [f"bit {i + 1}: {'network' if i < bits.prefix_length else 'host'}" for i in range(32)]
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=[0.0] * 32,
            mode="markers+text",
            text=[str(b) for b in bits.bits],
            marker=dict(symbol="square", size=22, color=colors),
            hovertext=hover,
            hoverinfo="text",
            textfont=dict(color="#ffffff", size=14),
            showlegend=False,
        )
    )
    octets = bits.address.split(".")
    fig.add_trace(
        go.Scatter(
            x=[float(k * 8.5 + 3.5) for k in range(4)],
            y=[-0.6] * 4,
            mode="text",
            text=[f"<b>{o}</b>" for o in octets],
            showlegend=False,
            hoverinfo="skip",
        )
    )
    lines = [
        f"netmask {bits.netmask}",
        f"network {bits.network_address}",
        f"broadcast {bits.broadcast_address}",
        f"{bits.total_addresses:,} addresses",
    ]
    if bits.aws_usable_addresses is not None:
        lines.append(
            f"AWS subnet: {bits.aws_usable_addresses:,} usable, {bits.aws_first_usable} - {bits.aws_last_usable}"
        )
    else:
        lines.append("outside AWS's /16-/28 subnet range")
    fig.add_annotation(
        x=15.75, y=-1.35, text="   |   ".join(lines[:2]) + "<br>" + "   |   ".join(lines[2:]), showarrow=False
    )
    fig.update_xaxes(visible=False, range=[-1, 34])
    fig.update_yaxes(visible=False, range=[-1.7, 0.6])
    fig.update_layout(
        title=f"{bits.cidr}: {bits.prefix_length} network bits (orange), {bits.host_bits} host bits (blue)"
    )
    return theme.apply(fig, height=260)


def packet_walk_figure(walk: PacketWalk) -> go.Figure:
    """Each hop of the request (top row) and the response (bottom row), green when allowed, red where stopped."""
    fig = go.Figure()
    for leg, y in (("request", 1.0), ("response", 0.0)):
        hops = [h for h in walk.hops if h.leg == leg]
        if not hops:
            fig.add_annotation(x=0, y=y, text=f"{leg}: not sent", showarrow=False, xanchor="left")
            continue
        xs = [float(i) for i in range(len(hops))]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=[y] * len(hops),
                mode="lines+markers+text",
                name=leg,
                marker=dict(
                    size=22,
                    color=[ALLOW_COLOR if h.allowed else DENY_COLOR for h in hops],
                    symbol=["circle" if h.allowed else "x" for h in hops],
                ),
                line=dict(color="#7f7f7f"),
                text=[f"{_short(h.component)}<br>{h.resource_id}" for h in hops],
                textposition=["top center" if i % 2 == 0 else "bottom center" for i in range(len(hops))],
                textfont=dict(size=10),
                hovertext=[f"{h.component}: {h.explanation}" for h in hops],
                hoverinfo="text",
                showlegend=False,
            )
        )
    width = max((sum(1 for h in walk.hops if h.leg == leg) for leg in ("request", "response")), default=1)
    fig.update_xaxes(visible=False, range=[-0.7, max(width, 2) - 0.3])
    fig.update_yaxes(tickvals=[0.0, 1.0], ticktext=["response", "request"], range=[-0.6, 1.6], showgrid=False)
    verdict = walk.verdict
    blocked = walk.blocking_hop
    subtitle = f"<br><sup>stopped at {blocked.component}: {blocked.explanation}</sup>" if blocked else ""
    flow = f"{protocol_label(walk.protocol)}/{walk.port}"
    fig.update_layout(title=f"{walk.source} -> {walk.destination} ({flow}): {verdict}{subtitle}")
    return theme.apply(fig, height=360)


_SHORT_NAMES = (
    ("security groups (stateful", "SG return"),
    ("security groups (outbound", "SG out"),
    ("security groups (inbound", "SG in"),
    ("network ACL (outbound", "NACL out"),
    ("network ACL (inbound", "NACL in"),
    ("route table", "routes"),
)


def _short(component: str) -> str:
    for prefix, short in _SHORT_NAMES:
        if component.startswith(prefix):
            return short
    return component


def failover_timeline_figure(timeline: FailoverTimeline) -> go.Figure:
    """Share of traffic (%) still sent to a failed endpoint against seconds since the failure."""
    fig = go.Figure(
        go.Scatter(
            x=timeline.times_seconds,
            y=[round(100 * s, 6) for s in timeline.share_on_failed],
            mode="lines",
            name="traffic to the failed endpoint",
            line=dict(shape="hv"),
        )
    )
    for x, label, color in (
        (timeline.detection_seconds, "Route 53 marks it unhealthy", theme.AWS_ORANGE),
        (timeline.all_moved_seconds, "last resolver moved", ALLOW_COLOR),
        (float(timeline.worst_case_seconds), "worst case: detection + TTL", DENY_COLOR),
    ):
        fig.add_trace(
            go.Scatter(
                x=[x, x], y=[0.0, 105.0], mode="lines", name=f"{label} ({x:.0f} s)", line=dict(color=color, dash="dash")
            )
        )
    fig.update_xaxes(range=[0, round(timeline.worst_case_seconds * 1.05 + 1, 6)])
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.25, x=0))
    fig.update_layout(
        title=f"DNS failover with TTL {timeline.ttl_seconds} s: traffic drains after detection",
        xaxis_title="seconds since the endpoint failed",
        yaxis_title="traffic to failed endpoint (%)",
    )
    fig.update_yaxes(range=[0, 105])
    return theme.apply(fig, height=480)


def reachability_figure(paths: dict[tuple[str, str], Path]) -> go.Figure:
    """A source x destination grid: green where traffic flows directly, red where it cannot (hover says why)."""
    names = list(dict.fromkeys(a for a, _ in paths))
    z = [[1.0 if paths[(a, b)].reachable else 0.0 for b in names] for a in names]
    hover = [[f"{a} -> {b}: {paths[(a, b)].via}<br>{paths[(a, b)].reason}" for b in names] for a in names]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            hovertext=hover,
            hoverinfo="text",
            showscale=False,
            zmin=0.0,
            zmax=1.0,
            colorscale=[[0.0, DENY_COLOR], [1.0, ALLOW_COLOR]],
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        title="Who reaches whom (no transitive routing)",
        xaxis_title="destination network",
        yaxis_title="source network",
    )
    fig.update_yaxes(autorange="reversed")
    return theme.apply(fig)


# --- Rule tables and DNS answer shares ---
_HIGHLIGHT = "#ffe8b3"


def rule_table_figure(
    headers: list[str], rows: list[list[str]], *, decided: int | None, allowed: bool | None, title: str
) -> go.Figure:
    """A table of rules (routes, NACL entries) with the row that decided (index ``decided``) coloured."""
    mark = ALLOW_COLOR if allowed else DENY_COLOR
    fill = [_HIGHLIGHT if i == decided else "#ffffff" for i in range(len(rows))]
    first_col = [mark if i == decided else "#ffffff" for i in range(len(rows))]
    columns = [list(col) for col in zip(*rows, strict=True)] if rows else [[] for _ in headers]
    fig = go.Figure(
        go.Table(
            header=dict(values=[f"<b>{h}</b>" for h in headers], fill_color=FREE_COLOR, align="left"),
            cells=dict(
                values=columns,
                fill_color=[first_col] + [fill] * (len(headers) - 1),
                align="left",
                height=26,
            ),
        )
    )
    fig.update_layout(title=title)
    return theme.apply(fig, height=150 + 28 * max(len(rows), 3))


def dns_shares_figure(result: DnsAnswer, counts: dict[str, int], *, title: str) -> go.Figure:
    """Bars: each record's probability of being the answer (%), with a sampled count of queries on hover."""
    labels = list(result.shares)
    total = sum(counts.values()) or 1
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=[round(100 * result.shares[k], 6) for k in labels],
            marker_color=[ALLOW_COLOR if result.shares[k] > 0 else FREE_COLOR for k in labels],
            text=[f"{100 * result.shares[k]:.1f}%" for k in labels],
            textposition="outside",
            hovertext=[
                f"{k}: {', '.join(result.values[k])}<br>{counts.get(k, 0):,} of {total:,} sampled queries"
                for k in labels
            ],
            hoverinfo="text",
            name="share of answers",
        )
    )
    fig.update_yaxes(range=[0, 115])
    fig.update_layout(title=title, xaxis_title="record (SetIdentifier)", yaxis_title="share of DNS answers (%)")
    return theme.apply(fig, height=400)
