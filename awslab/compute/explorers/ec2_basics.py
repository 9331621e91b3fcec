"""Explorers of 01_ec2_basics: right-sizing an instance and its lifecycle."""

from __future__ import annotations

from awslab import ui
from awslab.compute import ec2, figures, lifecycle


def explore_right_sizing(
    vcpu_needed: float = 3, memory_gib_needed: float = 10, headroom_fraction: float = 0.2
) -> ui.Explorer:
    """The cheapest instance type that fits a workload's vCPUs and memory (plus headroom), from the price table.

    >>> explore_right_sizing().last_view.numbers["cheapest fit"]
    'm5.xlarge'
    """

    def view(memory_gib_needed, vcpu_needed, headroom_fraction, allow_burstable):
        result = ec2.right_size(vcpu_needed, memory_gib_needed, headroom_fraction, allow_burstable=allow_burstable)
        best = result.best
        numbers = {
            "needed with headroom": f"{result.vcpu_needed:g} vCPU, {result.memory_gib_needed:g} GiB",
            "cheapest fit": best.name if best else "nothing fits: split the workload",
        }
        if best:
            row = result.ranking.iloc[0]
            numbers["its price"] = (
                f"${row['effective_usd_per_hour']:.4f}/h, ${row['effective_usd_per_month']:,.2f}/month"
                + (
                    f" (incl. ${row['surplus_usd_per_hour']:.4f}/h of T3 surplus credits)"
                    if row["surplus_usd_per_hour"]
                    else ""
                )
            )
            numbers["family ratio"] = f"{best.memory_gib_per_vcpu:g} GiB per vCPU"
        return ui.View(figures.right_sizing_figure(result), numbers)

    return ui.explorer(
        "Right-sizing: the cheapest type that fits",
        [
            ui.Slider(
                "memory_gib_needed",
                "memory needed",
                min=0.5,
                max=768,
                step=0.5,
                value=memory_gib_needed,
                unit="GiB",
                static_values=[1, 2, 4, 8, 10, 16, 32, 64, 128, 256, 384, 768],
            ),
            ui.Number("vcpu_needed", "vCPUs needed", value=vcpu_needed, unit="vCPU"),
            ui.Slider("headroom_fraction", "headroom", min=0, max=1, step=0.1, value=headroom_fraction),
            ui.Toggle("allow_burstable", "allow burstable (t3)", value=True),
        ],
        view,
    )


def explore_lifecycle(elastic_ip: bool = False, termination_protection: bool = False) -> ui.Explorer:
    """Apply a sequence of lifecycle actions to an EBS-backed instance and see what survives each step.

    >>> explore_lifecycle().last_view.numbers["final state"]
    'running'
    """

    def view(scenario, elastic_ip, data_volume_delete_on_termination, termination_protection):
        instance = lifecycle.Instance(
            elastic_ip="3.80.0.7" if elastic_ip else None,
            public_ip="3.80.0.7" if elastic_ip else "54.0.0.10",
            data_ebs_delete_on_termination=data_volume_delete_on_termination,
            disable_api_termination=termination_protection,
        )
        steps = lifecycle.run_actions(instance, lifecycle.LIFECYCLE_SCENARIOS[scenario])
        final = steps[-1].after
        return ui.View(
            figures.lifecycle_figure(steps),
            {
                "final state": final.state,
                "public address now": final.public_ip or "none",
                "billed for instance hours": "yes" if final.state in lifecycle.BILLED_STATES else "no",
                "refused": next((s.refused for s in steps if s.refused), "nothing"),
            },
        )

    return ui.explorer(
        "What survives a lifecycle transition?",
        [
            ui.Choice("scenario", "actions", options=list(lifecycle.LIFECYCLE_SCENARIOS), value="stop, then start"),
            ui.Toggle("elastic_ip", "Elastic IP associated", value=elastic_ip),
            ui.Toggle("data_volume_delete_on_termination", "data volume DeleteOnTermination", value=False),
            ui.Toggle(
                "termination_protection", "termination protection (DisableApiTermination)", value=termination_protection
            ),
        ],
        view,
    )
