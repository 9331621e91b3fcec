"""Explorers of 01_addressing: a CIDR bit by bit, and a three-tier VPC plan across Availability Zones."""

from __future__ import annotations

from awslab import ui
from awslab.networking import cidr, figures


def explore_cidr_bits(address: str = "10.0.0.0", prefix_length: int = 24) -> ui.Explorer:
    """The 32 bits of a CIDR, network vs host, with AWS's first/last usable and reserved five addresses.

    >>> explore_cidr_bits(prefix_length=28).last_view.numbers["usable in an AWS subnet"]
    '11'
    """

    def view(prefix_length, address):
        bits = cidr.cidr_bits(f"{address}/{prefix_length}")
        numbers = {
            "netmask": bits.netmask,
            "block": f"{bits.network_address}/{bits.prefix_length}",
            "addresses": f"{bits.total_addresses:,}",
        }
        if bits.aws_usable_addresses is not None:
            block = f"{bits.network_address}/{bits.prefix_length}"
            numbers["usable in an AWS subnet"] = f"{bits.aws_usable_addresses:,}"
            numbers["first / last usable"] = f"{bits.aws_first_usable} / {bits.aws_last_usable}"
            numbers["AWS reserves"] = ", ".join(cidr.reserved_addresses(block))
        if bits.address != bits.network_address:
            numbers["note"] = f"host bits are set: a subnet must start at {bits.network_address}"
        figure = figures.cidr_bits_figure(bits).update_layout(
            title_text="The 32 bits: network bits orange, host bits blue"
        )
        return ui.View(figure, numbers)

    return ui.explorer(
        "A CIDR block, bit by bit",
        [
            ui.Slider("prefix_length", "prefix length /", min=16, max=28, step=1, value=prefix_length, integer=True),
            ui.Text("address", "IPv4 address", value=address),
        ],
        view,
    )


def explore_vpc_plan(
    vpc_cidr: str = "10.0.0.0/16",
    az_count: int = 3,
    public_prefix: int = 24,
    app_hosts_needed: int = 1000,
    db_prefix: int = 26,
) -> ui.Explorer:
    """A three-tier VPC plan (public, app, db) across AZs, drawn from the planner's output.

    >>> explore_vpc_plan(az_count=2).last_view.numbers["subnets"]
    '6'
    """

    def view(az_count, vpc_cidr, public_prefix, app_hosts_needed, db_prefix):
        plan = cidr.plan_vpc(
            vpc_cidr,
            cidr.AZ_NAMES[: int(az_count)],
            [
                cidr.Tier("public", public=True, prefix_length=int(public_prefix)),
                cidr.Tier("app", hosts_needed=app_hosts_needed),
                cidr.Tier("db", prefix_length=int(db_prefix)),
            ],
        )
        total = 2 ** (32 - int(vpc_cidr.split("/")[1]))
        app = next(s for s in plan.subnets if s.tier == "app")
        figure = figures.vpc_plan_figure(plan).update_layout(
            title_text="The plan: subnets by AZ and tier (top), address space used (bar)"
        )
        return ui.View(
            figure,
            {
                "subnets": str(len(plan.subnets)),
                "app subnet size": f"{app.cidr.split('/')[1]} -> {app.usable_addresses:,} usable",
                "addresses allocated": f"{plan.used_addresses:,} of {total:,} ({plan.used_addresses / total:.1%})",
                "largest free block": min(plan.free, key=lambda c: int(c.split("/")[1])) if plan.free else "none",
            },
        )

    return ui.explorer(
        "Plan a VPC: three tiers across Availability Zones",
        [
            ui.Slider("az_count", "Availability Zones", min=1, max=6, step=1, value=az_count, integer=True),
            ui.Text("vpc_cidr", "VPC CIDR", value=vpc_cidr),
            ui.Slider("public_prefix", "public subnets /", min=16, max=28, step=1, value=public_prefix, integer=True),
            ui.Number("app_hosts_needed", "app hosts needed per AZ", value=app_hosts_needed, integer=True),
            ui.Slider("db_prefix", "db subnets /", min=16, max=28, step=1, value=db_prefix, integer=True),
        ],
        view,
    )
