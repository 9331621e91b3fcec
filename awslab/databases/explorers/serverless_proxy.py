"""Explorers of 05_aurora_serverless_and_proxy: Serverless v2 capacity over a load shape, and a Lambda burst
against max_connections with and without RDS Proxy."""

from __future__ import annotations

from awslab import ui
from awslab.databases import aurora_serverless as sv2
from awslab.databases import figures
from awslab.databases import rds_proxy as proxy


def explore_serverless(shape: str = "business day", peak_acu: float = 16, min_capacity: float = 0.5,
                       max_capacity: float = 32, seconds_until_auto_pause: int = 300, seed: int = 0) -> ui.Explorer:  # fmt: skip
    """A day of load served by Aurora Serverless v2, and its cost against the provisioned class that holds the peak.

    >>> explore_serverless().last_view.numbers["cheaper"]
    'provisioned'
    """

    def view(shape, peak_acu, min_capacity, max_capacity, seconds_until_auto_pause):
        load = sv2.load_curve(shape, peak_acu, seed=seed)
        run = sv2.simulate_capacity(load, min_capacity, max_capacity, seconds_until_auto_pause=seconds_until_auto_pause)
        comparison = sv2.compare_to_provisioned(run)
        return ui.View(
            figures.serverless_capacity_figure(run, comparison),
            {
                "ACU-hours a day": f"{run.acu_hours:,.1f}",
                "Serverless v2 a day": f"USD {comparison.serverless_usd:,.2f}",
                "provisioned a day": f"USD {comparison.provisioned_usd:,.2f} ({comparison.instance_class})",
                "cheaper": comparison.cheaper,
                "break-even mean capacity": f"{comparison.break_even_average_acu:.1f} ACU",
                "paused": f"{run.paused_minutes} min ({run.resumes} resumes)",
                "minutes capped at MaxCapacity": f"{run.capped_minutes}",
            },
        )

    return ui.explorer(
        "Aurora Serverless v2 over a day",
        [
            ui.Choice("shape", "load shape", options=list(sv2.LOAD_SHAPES), value=shape),
            ui.Slider("peak_acu", "peak demand", min=1, max=64, step=1, value=peak_acu, unit="ACU"),
            ui.Slider("min_capacity", "MinCapacity", min=0, max=16, step=0.5, value=min_capacity, unit="ACU"),
            ui.Slider("max_capacity", "MaxCapacity", min=1, max=256, step=0.5, value=max_capacity, unit="ACU"),
            ui.Number(
                "seconds_until_auto_pause",
                "SecondsUntilAutoPause",
                value=seconds_until_auto_pause,
                integer=True,
                unit="s",
            ),  # fmt: skip
        ],
        view,
    )


def explore_proxy(pinned_fraction: float = 0.0, burst_per_second: float = 500, max_connections: int = 90,
                  max_connections_percent: int = 100, transaction_ms: float = 40, seed: int = 0) -> ui.Explorer:  # fmt: skip
    """A Lambda burst: connections and failures direct to the database and through RDS Proxy.

    >>> explore_proxy().last_view.numbers["proxy: failed invocations"]
    '0'
    """

    def view(pinned_fraction, burst_per_second, max_connections, max_connections_percent, transaction_ms):
        burst = proxy.Burst(burst_per_second=burst_per_second, transaction_ms=transaction_ms)
        run = proxy.simulate(burst, max_connections=max_connections, max_connections_percent=max_connections_percent,
                             pinned_fraction=pinned_fraction, seed=seed)  # fmt: skip
        return ui.View(
            figures.proxy_connections_figure(run),
            {
                "invocations": f"{run.invocations:,}",
                "direct: peak DB connections": f"{run.peak_direct_connections:,}",
                "direct: failed invocations": f"{run.direct_failed:,}",
                "proxy: pool size": f"{run.pool_size:,}",
                "proxy: peak DB connections": f"{run.peak_proxy_connections:,}",
                "proxy: failed invocations": f"{run.proxy_failed:,}",
                "proxy: longest wait for a connection": f"{run.max_wait_seconds:,.1f} s",
            },
        )

    return ui.explorer(
        "RDS Proxy: a Lambda burst against max_connections",
        [
            ui.Slider(
                "pinned_fraction",
                "pinned sessions",
                min=0,
                max=1,
                step=0.05,
                value=pinned_fraction,
                static_values=[0, 0.1, 0.25, 0.5, 0.75, 1],
            ),  # fmt: skip
            ui.Slider("burst_per_second", "burst", min=0, max=2000, step=50, value=burst_per_second, unit="calls/s"),
            ui.Number("max_connections", "max_connections", value=max_connections, integer=True),
            ui.Slider(
                "max_connections_percent",
                "MaxConnectionsPercent",
                min=1,
                max=100,
                step=1,
                value=max_connections_percent,
                integer=True,
                unit="%",
            ),  # fmt: skip
            ui.Slider(
                "transaction_ms", "time in a transaction", min=0, max=300, step=10, value=transaction_ms, unit="ms"
            ),  # fmt: skip
        ],
        view,
    )
