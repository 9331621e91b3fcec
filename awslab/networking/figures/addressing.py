"""Figures of 01_addressing: the planned VPC and the bits of a CIDR block."""

from __future__ import annotations

import ipaddress

import plotly.graph_objects as go

from awslab import theme
from awslab.networking.cidr import CidrBits, VpcPlan
from awslab.networking.figures._common import FREE_COLOR, PRIVATE_COLOR, PUBLIC_COLOR, _box


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
