"""Explorers of 01_rds_aurora: recovery objectives, Multi-AZ failover, replica lag and storage autoscaling."""

from __future__ import annotations

from awslab import ui
from awslab.databases import figures, rds


def explore_recovery(
    setup: str = "backups + Multi-AZ",
    database_size_gib: float = 100,
    replica_lag_seconds: float = 5,
    corruption_detected_after_hours: float = 2,
) -> ui.Explorer:
    """RPO and RTO of each failure scenario under a backup/Multi-AZ/replica setup.

    >>> explore_recovery().last_view.numbers["az outage"]
    'Multi-AZ failover to the synchronous standby (RPO 0.0 min, RTO 2.0 min)'
    """

    def view(setup, database_size_gib, replica_lag_seconds, corruption_detected_after_hours):
        matrix = rds.recovery_matrix(
            **rds.RECOVERY_SETUPS[setup],
            database_size_gib=database_size_gib,
            replica_lag_seconds=replica_lag_seconds,
            corruption_detected_after_hours=corruption_detected_after_hours,
        )
        numbers = {
            row.scenario.replace("_", " "): f"{row.mechanism} (RPO {row.rpo_seconds / 60:,.1f} min, "
            f"RTO {row.rto_seconds / 60:,.1f} min)"
            for row in matrix.itertuples()
        }
        return ui.View(figures.recovery_figure(matrix), numbers)

    return ui.explorer(
        "RPO and RTO: what each setup recovers from, and how fast",
        [
            ui.Choice("setup", "setup", options=list(rds.RECOVERY_SETUPS), value=setup),
            ui.Number("database_size_gib", "database size", value=database_size_gib, unit="GiB"),
            ui.Slider("replica_lag_seconds", "replica lag", min=0, max=60, step=1, value=replica_lag_seconds, unit="s"),
            ui.Slider(
                "corruption_detected_after_hours",
                "bad write found after",
                min=0,
                max=24 * 40,
                step=12,
                value=corruption_detected_after_hours,
                unit="h",
            ),
        ],
        view,
    )


def explore_failover(
    detection_seconds: float = 30,
    promotion_seconds: float = 45,
    dns_update_seconds: float = 10,
    client_dns_cache_seconds: float = 5,
    client_reconnect_seconds: float = 5,
) -> ui.Explorer:
    """Phases of a Multi-AZ failover; a client that caches DNS too long stretches the outage.

    >>> explore_failover().last_view.numbers["AWS's typical failover"]
    "60-120 s (plus your client's DNS caching)"
    """

    def view(client_dns_cache_seconds, detection_seconds, promotion_seconds, dns_update_seconds,
             client_reconnect_seconds):  # fmt: skip
        timeline = rds.failover_timeline(
            detection_seconds,
            promotion_seconds,
            dns_update_seconds=dns_update_seconds,
            dns_ttl_seconds=client_dns_cache_seconds,
            client_reconnect_seconds=client_reconnect_seconds,
        )
        total = timeline[-1]["end_s"]
        low, high = rds.MULTI_AZ_FAILOVER_SECONDS
        return ui.View(
            figures.failover_timeline_figure(timeline),
            {
                "writes fail for": f"{total:,.0f} s",
                "AWS's typical failover": f"{low}-{high} s (plus your client's DNS caching)",
            },
        )

    return ui.explorer(
        "Multi-AZ failover timeline",
        [
            ui.Slider(
                "client_dns_cache_seconds",
                "client DNS cache",
                min=0,
                max=300,
                step=5,
                value=client_dns_cache_seconds,
                unit="s",
                static_values=[0, 5, 30, 60, 120, 300],
            ),
            ui.Number("detection_seconds", "failure detection", value=detection_seconds, unit="s"),
            ui.Slider(
                "promotion_seconds", "standby promotion", min=10, max=120, step=5, value=promotion_seconds, unit="s"
            ),
            ui.Slider("dns_update_seconds", "CNAME update", min=0, max=60, step=5, value=dns_update_seconds, unit="s"),
            ui.Slider(
                "client_reconnect_seconds",
                "client reconnect",
                min=0,
                max=60,
                step=1,
                value=client_reconnect_seconds,
                unit="s",
            ),
        ],
        view,
    )


def explore_replica_lag(
    mean_writes_per_second: float = 800,
    apply_writes_per_second: float = 1000,
    burst_multiplier: float = 2.0,
    read_after_write_delay_s: float = 1.0,
    seed: int = 0,
) -> ui.Explorer:
    """Asynchronous read replica under a write burst: lag and the share of stale read-after-write reads.

    >>> explore_replica_lag().last_view.numbers["lag at the end"]
    '12.7 s'
    """

    def view(mean_writes_per_second, apply_writes_per_second, burst_multiplier, read_after_write_delay_s):
        result = rds.simulate_replica_lag(
            mean_writes_per_second,
            apply_writes_per_second,
            burst_multiplier=burst_multiplier,
            seconds=240,
            read_after_write_delay_s=read_after_write_delay_s,
            seed=seed,
        )
        return ui.View(
            figures.replica_lag_figure(result, every_seconds=2),
            {
                "peak replica lag": f"{result.lag_seconds.max():,.1f} s",
                "lag at the end": f"{result.lag_seconds[-1]:,.1f} s",
                "worst stale-read share": f"{result.stale_read_fraction.max():.0%}",
            },
        )

    return ui.explorer(
        "Read replica lag under a write burst",
        [
            ui.Slider(
                "mean_writes_per_second",
                "writes on the primary",
                min=100,
                max=1400,
                step=100,
                value=mean_writes_per_second,
                unit="writes/s",
                static_values=[200, 400, 600, 800, 1000, 1200],
            ),
            ui.Number("apply_writes_per_second", "replica apply rate", value=apply_writes_per_second, unit="writes/s"),
            ui.Slider("burst_multiplier", "burst (×)", min=1, max=4, step=0.5, value=burst_multiplier),
            ui.Slider(
                "read_after_write_delay_s",
                "reader reads its write after",
                min=0,
                max=10,
                step=0.5,
                value=read_after_write_delay_s,
                unit="s",
            ),
        ],
        view,
    )


def explore_storage_autoscaling(
    growth_gib_per_day: float = 8, max_allocated_storage_gib: float = 400, allocated_gib: float = 100, seed: int = 0
) -> ui.Explorer:
    """Used and allocated storage over 60 days, with storage autoscaling on or off.

    >>> explore_storage_autoscaling().last_view.numbers["allocated at the end"]
    '400 GiB'
    """

    def view(growth_gib_per_day, autoscaling, max_allocated_storage_gib, allocated_gib):
        history = rds.simulate_storage_autoscaling(
            allocated_gib,
            min(60.0, allocated_gib * 0.6),
            growth_gib_per_day=growth_gib_per_day,
            max_allocated_storage_gib=max_allocated_storage_gib if autoscaling else None,
            days=60,
            seed=seed,
        )
        full = history["storage_full"]
        return ui.View(
            figures.storage_autoscaling_figure(history, every_hours=12),
            {
                "allocated at the end": f"{history['allocated_gib'].iloc[-1]:,.0f} GiB",
                "storage full from": f"day {history['hour'][full].iloc[0] / 24:,.1f}" if full.any() else "never",
            },
        )

    return ui.explorer(
        "RDS storage autoscaling",
        [
            ui.Slider(
                "growth_gib_per_day",
                "data growth",
                min=0,
                max=20,
                step=1,
                value=growth_gib_per_day,
                unit="GiB/day",
                static_values=[2, 5, 8, 12, 16],
            ),  # fmt: skip
            ui.Toggle("autoscaling", "storage autoscaling", value=True),
            ui.Number("max_allocated_storage_gib", "MaxAllocatedStorage", value=max_allocated_storage_gib, unit="GiB"),
            ui.Number("allocated_gib", "AllocatedStorage", value=allocated_gib, unit="GiB"),
        ],
        view,
    )
