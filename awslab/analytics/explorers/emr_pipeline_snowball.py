"""Explorers of 08_analytics/02_emr_pipeline_snowball: EMR cluster costs, a Data Pipeline run, network or Snowball."""

from __future__ import annotations

from awslab import ui
from awslab.analytics import datapipeline, emr, figures, snowball


def explore_emr_costs(
    jobs_per_month: float = 30, nodes: int = 10, job_hours: float = 2, data_gb: float = 500
) -> ui.Explorer:
    """Persistent vs transient EMR clusters: move the number of jobs a month and watch the cheaper one change.

    >>> explore_emr_costs().last_view.numbers
    {'persistent a month': '$1,832 (92% idle)', 'transient a month': '$165', 'cheaper': 'transient', 'persistent pays from': '356 jobs a month'}
    """

    def view(jobs_per_month, nodes, job_hours, data_gb):
        persistent, transient = emr.compare_clusters(nodes, jobs_per_month, job_hours, data_gb)
        cheaper = min((persistent, transient), key=lambda c: c.total_usd)
        break_even = emr.break_even_jobs_per_month(nodes, job_hours, data_gb)
        break_even_text = f"{break_even:,.0f} jobs a month" if break_even != float("inf") else "never within a month"
        return ui.View(
            figures.emr_cost_figure(persistent, transient),
            {
                "persistent a month": f"${persistent.total_usd:,.0f} ({persistent.idle_fraction:.0%} idle)",
                "transient a month": f"${transient.total_usd:,.0f}",
                "cheaper": cheaper.mode,
                "persistent pays from": break_even_text,
            },
        )

    return ui.explorer(
        "EMR: persistent or transient cluster?",
        [
            ui.Slider(
                "jobs_per_month",
                "jobs a month",
                min=0,
                max=360,
                step=10,
                value=jobs_per_month,
                static_values=[0, 10, 30, 60, 100, 150, 200, 250, 300, 340, 360],
            ),
            ui.Slider("nodes", "nodes", min=2, max=50, step=1, value=nodes, integer=True),
            ui.Slider("job_hours", "hours a job", min=0.5, max=12, step=0.5, value=job_hours, unit="h"),
            ui.Number("data_gb", "data kept", value=data_gb, unit="GB"),
        ],
        view,
    )


def explore_pipeline(aggregate_failures: int = 1, logs_ready_minutes: float = 12) -> ui.Explorer:
    """The nightly Data Pipeline: the EMR step fails ``aggregate_failures`` times; the logs arrive late.

    >>> explore_pipeline().last_view.numbers
    {'Aggregate': 'FINISHED after 2 attempt(s)', 'Notify': 'FINISHED', 'last activity ends': 'minute 186'}
    """

    def view(aggregate_failures, logs_ready_minutes):
        runs = datapipeline.run_pipeline(
            datapipeline.example_pipeline(),
            durations_minutes=datapipeline.PIPELINE_DURATIONS_MINUTES,
            failing_attempts={"Aggregate": aggregate_failures},
            precondition_true_at_minutes={"LogsReady": logs_ready_minutes},
        )
        finished = [r.end_minutes for r in runs.values() if r.end_minutes is not None]
        return ui.View(
            figures.pipeline_figure(runs),
            {
                "Aggregate": f"{runs['Aggregate'].status} after {runs['Aggregate'].attempts} attempt(s)",
                "Notify": runs["Notify"].status,
                "last activity ends": f"minute {max(finished):g}",
            },
        )

    return ui.explorer(
        "Data Pipeline: preconditions, retries and cascading failure",
        [
            ui.Slider(
                "aggregate_failures", "Aggregate failures", min=0, max=5, step=1, value=aggregate_failures, integer=True
            ),
            ui.Number("logs_ready_minutes", "logs land at minute", value=logs_ready_minutes, unit="min"),
        ],
        view,
    )


BANDWIDTH_CHOICES_MBPS = [
    ("50 Mbit/s", 50),
    ("100 Mbit/s", 100),
    ("500 Mbit/s", 500),
    ("1 Gbit/s", 1000),
    ("10 Gbit/s", 10_000),
]
SIZES_TB = [1, 5, 10, 25, 50, 80, 100, 160, 250, 500]


def explore_transfer(bandwidth_mbps: float = 100, data_tb: float = 100, utilisation: float = 0.8) -> ui.Explorer:
    """Network or Snowball: days over the wire against days by shipped devices, for a range of data sizes.

    >>> explore_transfer().last_view.numbers
    {'100 TB over the network': '115.7 days', 'on 1 device(s)': '10.6 days', 'faster': 'device', 'devices win from': '5.4 TB'}
    """

    def view(bandwidth_mbps, data_tb, utilisation):
        plans = [snowball.plan_transfer(tb, bandwidth_mbps, utilisation=utilisation) for tb in SIZES_TB]
        mine = snowball.plan_transfer(data_tb, bandwidth_mbps, utilisation=utilisation)
        return ui.View(
            figures.transfer_figure(plans, bandwidth_mbps),
            {
                f"{data_tb:g} TB over the network": f"{mine.network_days:,.1f} days",
                f"on {mine.devices} device(s)": f"{mine.device_days:,.1f} days",
                "faster": mine.recommendation,
                "devices win from": f"{snowball.break_even_tb(bandwidth_mbps, utilisation=utilisation):,.1f} TB",
            },
        )

    return ui.explorer(
        "Network or Snowball?",
        [
            ui.Choice("bandwidth_mbps", "link", options=BANDWIDTH_CHOICES_MBPS, value=bandwidth_mbps),
            ui.Number("data_tb", "data to move", value=data_tb, unit="TB"),
            ui.Slider("utilisation", "share of the link used", min=0.1, max=1.0, step=0.1, value=utilisation),
        ],
        view,
    )
