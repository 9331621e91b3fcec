"""Explorers for the Overview notebook: controls -> availability / Region models -> figures, through awslab.ui."""

from __future__ import annotations

from awslab import ui
from awslab.overview import availability as av
from awslab.overview import figures
from awslab.overview import regions as rg

BETA_STEPS = [0.0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0]


def explore_availability(
    instance_availability: float = av.EC2_INSTANCE_LEVEL_SLA,
    instances_per_az: int = 2,
    correlation_beta: float = 0.0,
    az_availability: float = av.ASSUMED_AZ_AVAILABILITY,
) -> ui.Explorer:
    """Downtime of one AZ, three AZs and two Regions; move the common-cause fraction beta and watch redundancy fade.

    >>> explore_availability().last_view.numbers["one AZ"]
    '3.24 nines, 302 min/year'
    """

    def view(correlation_beta, instance_availability, instances_per_az, az_availability):
        table = av.compare_deployments(
            instance_availability, instances_per_az, az_availability, correlation_beta=correlation_beta
        )
        numbers = {
            row["name"]: f"{row['nines']:.2f} nines, {row['downtime_minutes_per_year']:,.3g} min/year"
            for _, row in table.iterrows()
        }
        return ui.View(figures.deployment_downtime_figure(table), numbers)

    return ui.explorer(
        "Availability: one AZ, multi-AZ, multi-Region",
        [
            ui.Slider(
                "correlation_beta",
                "common-cause share beta",
                min=0,
                max=1,
                step=0.001,
                value=correlation_beta,
                static_values=BETA_STEPS,
            ),
            ui.Number("instance_availability", "instance availability (0-1)", value=instance_availability),
            ui.Slider(
                "instances_per_az", "instances per AZ", min=1, max=4, step=1, value=instances_per_az, integer=True
            ),
            ui.Number("az_availability", "AZ availability (0-1)", value=az_availability),
        ],
        view,
    )


def explore_closest_region(scenario: str = "Tokyo and Seoul", custom_users: str = "") -> ui.Explorer:
    """The Region with the lowest user-weighted SAMPLE round trip for an audience; type your own as text.

    >>> explore_closest_region().last_view.numbers["closest Region"]
    'ap-northeast-1 (Asia Pacific (Tokyo))'
    """
    table = rg.region_table()

    def view(scenario, custom_users):
        groups = rg.parse_user_groups(custom_users) if custom_users.strip() else rg.USER_SCENARIOS[scenario]
        ranking = rg.closest_regions(groups)
        best = ranking.iloc[0]
        runner_up = ranking.iloc[1]
        return ui.View(
            figures.region_map_figure(table, groups, str(best["code"])),
            {
                "closest Region": f"{best['code']} ({best['name']})",
                "mean sample RTT": f"{best['mean_rtt_ms']:.0f} ms",
                "worst group": f"{best['worst_group']} at {best['worst_rtt_ms']:.0f} ms",
                "runner-up": f"{runner_up['code']} at {runner_up['mean_rtt_ms']:.0f} ms",
            },
        )

    return ui.explorer(
        "Closest Region for my users (sample latencies)",
        [
            ui.Choice("scenario", "audience", options=list(rg.USER_SCENARIOS), value=scenario),
            ui.Text("custom_users", "your users (label lat lon users; ...)", value=custom_users),
        ],
        view,
    )
