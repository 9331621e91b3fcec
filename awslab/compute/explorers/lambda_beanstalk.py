"""Explorers of 05_lambda_beanstalk: Lambda against an instance, and Beanstalk deployment policies."""

from __future__ import annotations

import numpy as np

from awslab import ui
from awslab.compute import beanstalk, figures, lambda_cost


def explore_lambda_vs_instance(
    duration_ms: float = 100, memory_mb: int = 512, instance_usd_per_hour: float = 0.0416
) -> ui.Explorer:
    """Monthly cost of a request-driven workload on Lambda and on always-on instances, against request volume.

    >>> explore_lambda_vs_instance().last_view.numbers["Lambda per million requests (no free tier)"]
    '$1.03'
    """
    grid = [float(v) for v in np.logspace(4, 9, 26)]

    def view(duration_ms, memory_mb, instance_usd_per_hour, requests_per_second_per_instance):
        table = lambda_cost.compare(
            grid, duration_ms, memory_mb, instance_usd_per_hour, requests_per_second_per_instance, peak_to_average=3
        )
        even = lambda_cost.breakeven_requests_per_month(duration_ms, memory_mb, instance_usd_per_hour)
        per_million = lambda_cost.lambda_monthly_cost(1e6, duration_ms, memory_mb, free_tier=False).total_usd
        return ui.View(
            figures.lambda_vs_instance_figure(table),
            {
                "Lambda per million requests (no free tier)": f"${per_million:,.2f}",
                "break-even with one always-on instance": f"{even:,.3g} requests/month",
            },
        )

    return ui.explorer(
        "Lambda or an always-on instance?",
        [
            ui.Slider(
                "duration_ms",
                "duration per request",
                min=1,
                max=3000,
                step=1,
                value=duration_ms,
                unit="ms",
                static_values=[10, 20, 50, 100, 200, 500, 1000, 2000],
            ),
            ui.Choice(
                "memory_mb", "memory", options=[128, 256, 512, 1024, 2048, 4096, 10240], value=memory_mb, unit="MB"
            ),
            ui.Number("instance_usd_per_hour", "instance price (t3.medium)", value=instance_usd_per_hour, unit="USD/h"),
            ui.Slider(
                "requests_per_second_per_instance",
                "one instance serves",
                min=10,
                max=500,
                step=10,
                value=100,
                unit="req/s",
            ),
        ],
        view,
    )


def explore_deployment(instances: int = 8, batch_percent: float = 25) -> ui.Explorer:
    """A Beanstalk deployment under each policy: who serves the old and the new version, minute by minute.

    >>> explore_deployment().last_view.numbers["duration"]
    '12 min'
    """

    def view(policy, instances, batch_percent, launch_minutes):
        result = beanstalk.deployment_timeline(
            policy, instances, batch_size=batch_percent, batch_size_type="Percentage", launch_minutes=launch_minutes
        )
        return ui.View(
            figures.deployment_figure(result),
            {
                "duration": f"{result.total_minutes:g} min",
                "lowest serving capacity": f"{result.min_capacity_fraction:.0%}",
                "extra instances at the peak": str(result.extra_instances_peak),
                "rollback": result.rollback,
            },
        )

    return ui.explorer(
        "Elastic Beanstalk deployment policies",
        [
            ui.Choice("policy", "DeploymentPolicy", options=list(beanstalk.DEPLOYMENT_POLICIES), value="Rolling"),
            ui.Number("instances", "instances", value=instances, integer=True),
            ui.Slider("batch_percent", "BatchSize", min=5, max=100, step=5, value=batch_percent, unit="%"),
            ui.Slider("launch_minutes", "time to launch an instance", min=1, max=15, step=1, value=5, unit="min"),
        ],
        view,
    )
