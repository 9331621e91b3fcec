"""Explorer for 01_shared_responsibility: who secures each layer of a service."""

from __future__ import annotations

from awslab import ui
from awslab.security import figures, responsibility


def explore_responsibility(service_set: str = "EC2 vs RDS vs S3", custom_services: str = "") -> ui.Explorer:
    """Who secures each layer for a set of services; type your own comma-separated list to override the preset.

    >>> explore_responsibility().last_view.numbers
    {"customer's share for EC2": '80%', "customer's share for RDS": '50%', "customer's share for S3": '40%'}
    """

    def view(service_set, custom_services):
        if custom_services.strip():
            services = tuple(s.strip() for s in custom_services.split(",") if s.strip())
        else:
            services = responsibility.SERVICE_SETS[service_set]
        table = responsibility.responsibility_table(services)
        share = responsibility.customer_share(services)
        return ui.figure_with_numbers(
            figures.responsibility_figure(table),
            {f"customer's share for {s}": f"{share[s]:.0%}" for s in services},
        )

    return ui.explorer(
        "Shared responsibility: who secures what",
        [
            ui.Choice("service_set", "services", options=list(responsibility.SERVICE_SETS), value=service_set),
            ui.Text("custom_services", "or type services (EC2, RDS, S3, Lambda)", value=custom_services),
        ],
        view,
    )
