"""Explorers for the Glacier, EBS, CloudFront and Storage Gateway notebooks: controls -> model -> figure."""

from __future__ import annotations

import numpy as np

from awslab import ui
from awslab.storage import cloudfront, ebs, ebs_sizing, ebs_snapshots, figures, glacier, storage_gateway

# The edge-cache explorers simulate fewer requests than the model's defaults (about 36,000 instead of 180,000)
# so that one update, model and figure, stays near 20 ms; the notebooks run the full-size workload in a plain cell.
EDGE_REQUESTS_PER_SECOND = 10.0
EDGE_DURATION_SECONDS = 3_600.0
TTL_STEPS_SECONDS = [0, 60, 300, 900, 3_600, 14_400, 86_400]


# --- Glacier ---------------------------------------------------------------------------------------------------
def explore_retrieval_plan(
    data_gb: float = 500, objects: int = 5_000, deadline_hours: float = 12, storage_class: str = "GLACIER"
) -> ui.Explorer:
    """Every restore tier for one job (hours against USD); the planner picks the cheapest that meets the deadline."""

    def view(deadline_hours, data_gb, objects, storage_class):
        plan = glacier.plan_retrieval(data_gb, objects, deadline_hours, storage_class)
        chosen = plan.chosen
        numbers = {
            "cheapest tier in time": chosen.tier if chosen else "none: every tier is too slow",
            "its cost": f"${chosen.total_usd:,.2f}" if chosen else "-",
            "ready within": f"{chosen.hours:,.2f} h" if chosen else "-",
        }
        notes = sorted({note for option in plan.options for note in option.notes})
        if notes:
            numbers["note"] = "; ".join(notes)
        return ui.View(figures.retrieval_plan_figure(plan), numbers)

    return ui.explorer(
        "Glacier retrieval planner",
        [
            ui.Slider(
                "deadline_hours",
                "deadline",
                min=1,
                max=72,
                step=1,
                value=deadline_hours,
                unit="h",
                static_values=[1, 3, 5, 8, 12, 24, 48, 72],
            ),
            ui.Number("data_gb", "data to restore", value=data_gb, unit="GB"),
            ui.Number("objects", "objects", value=objects, integer=True),
            ui.Choice(
                "storage_class",
                "archived in",
                options=[("Glacier Flexible Retrieval", "GLACIER"), ("Glacier Deep Archive", "DEEP_ARCHIVE")],
                value=storage_class,
            ),
        ],
        view,
    )


# 5-minute steps keep a day at 288 points, so the static figures stay small (the bucket is exact per step).
STEP_SECONDS = 300


# --- EBS -------------------------------------------------------------------------------------------------------
def _daily_demand(base_iops: float, peak_iops: float, peak_minutes: float) -> np.ndarray:
    """One day at 5-minute steps: ``peak_iops`` for ``peak_minutes`` at the start of every 6 hours, else the base."""
    return ebs.burst_pattern_demand(
        base_iops,
        peak_iops,
        peak_seconds=peak_minutes * 60,
        period_seconds=6 * 3600,
        total_seconds=86_400,
        step_seconds=STEP_SECONDS,
    )


def explore_gp2_burst(
    size_gib: float = 100, peak_iops: float = 3_000, peak_minutes: float = 60, base_iops: float = 200
) -> ui.Explorer:
    """A gp2 volume's credit bucket through a day of peaks: delivered IOPS and BurstBalance."""

    def view(size_gib, peak_iops, peak_minutes, base_iops):
        result = ebs.simulate_gp2_burst(size_gib, _daily_demand(base_iops, peak_iops, peak_minutes), STEP_SECONDS)
        perf = result.performance
        return ui.View(
            figures.gp2_burst_figure(result),
            {
                "baseline": f"{perf.baseline_iops:,.0f} IOPS",
                "a full bucket lasts at 3,000 IOPS": "no burst (baseline ≥ 3,000)"
                if perf.burst_seconds is None
                else f"{perf.burst_seconds / 60:,.0f} min",
                "bucket first empty after": "never"
                if result.seconds_to_empty is None
                else f"{result.seconds_to_empty / 60:,.0f} min",
                "I/O demanded but not served": f"{result.unmet_io:,.0f}",
            },
        )

    return ui.explorer(
        "gp2 burst credits through a day",
        [
            ui.Slider(
                "size_gib",
                "volume size",
                min=1,
                max=1_000,
                step=1,
                value=size_gib,
                unit="GiB",
                static_values=[20, 50, 100, 200, 334, 500, 750, 1_000],
            ),
            ui.Number("peak_iops", "demand during a peak", value=peak_iops, unit="IOPS"),
            ui.Slider(
                "peak_minutes", "peak length (every 6 h)", min=0, max=360, step=15, value=peak_minutes, unit="min"
            ),
            ui.Slider("base_iops", "demand between peaks", min=0, max=3_000, step=50, value=base_iops, unit="IOPS"),
        ],
        view,
    )


def explore_gp3_vs_gp2(size_gib: float = 100, gp3_iops: float = 3_000, peak_minutes: float = 120) -> ui.Explorer:
    """The same day of demand on gp2 and on gp3 of the same size: I/O served and monthly price."""

    def view(peak_minutes, size_gib, gp3_iops):
        demand = _daily_demand(300, 3_000, peak_minutes)
        comparison = ebs_sizing.compare_gp3_gp2(size_gib, demand, STEP_SECONDS, gp3_iops)
        return ui.View(
            figures.gp3_gp2_figure(comparison),
            {
                "gp2 I/O not served": f"{comparison.gp2_unmet_io:,.0f}",
                "gp3 I/O not served": f"{comparison.gp3_unmet_io:,.0f}",
                "gp2 per month": f"${comparison.gp2_monthly_usd:,.2f}",
                "gp3 per month": f"${comparison.gp3_monthly_usd:,.2f}",
            },
        )

    return ui.explorer(
        "gp3 against gp2 for one workload",
        [
            ui.Slider(
                "peak_minutes",
                "3,000 IOPS peak length (every 6 h)",
                min=0,
                max=360,
                step=15,
                value=peak_minutes,
                unit="min",
                static_values=[0, 30, 60, 120, 180, 240, 360],
            ),
            ui.Number("size_gib", "volume size", value=size_gib, unit="GiB"),
            ui.Number("gp3_iops", "gp3 provisioned IOPS", value=gp3_iops, unit="IOPS"),
        ],
        view,
    )


def explore_volume_chooser(
    size_gib: float = 500, iops: float = 4_000, throughput_mibps: float = 200, boot: bool = False
) -> ui.Explorer:
    """Which EBS volume types meet a size, IOPS and throughput requirement, and what each costs a month."""

    def view(iops, size_gib, throughput_mibps, boot):
        options = ebs_sizing.choose_volume(size_gib, iops, throughput_mibps, boot)
        fitting = [o for o in options if o.qualifies]
        return ui.View(
            figures.volume_chooser_figure(options),
            {
                "cheapest that fits": f"{fitting[0].volume_type} at ${fitting[0].monthly_usd:,.2f}/month"
                if fitting
                else "none",
                "types that fit": ", ".join(o.volume_type for o in fitting) or "none",
            },
        )

    return ui.explorer(
        "EBS volume chooser",
        [
            ui.Slider(
                "iops",
                "sustained IOPS needed",
                min=0,
                max=100_000,
                step=500,
                value=iops,
                unit="IOPS",
                static_values=[100, 1_000, 3_000, 6_000, 16_000, 32_000, 64_000],
            ),
            ui.Number("size_gib", "volume size", value=size_gib, unit="GiB"),
            ui.Slider(
                "throughput_mibps", "throughput needed", min=0, max=2_000, step=25, value=throughput_mibps, unit="MiB/s"
            ),
            ui.Toggle("boot", "boot volume", value=boot),
        ],
        view,
    )


def explore_snapshots(
    n_blocks: int = 40, n_snapshots: int = 5, change_fraction: float = 0.15, delete: str = "none", seed: int = 0
) -> ui.Explorer:
    """Incremental snapshots block by block; delete one and see which blocks are freed and which move on."""
    ids = [f"snap-{k:04d}" for k in range(n_snapshots)]

    def view(delete, change_fraction, n_blocks):
        writes = ebs_snapshots.random_snapshot_writes(n_blocks, n_snapshots, 0.6, change_fraction, seed)
        chain = ebs_snapshots.take_snapshots(n_blocks, writes)
        numbers = {"blocks stored (512 KiB each)": f"{chain.stored_blocks():,}"}
        if delete != "none":
            deletion = ebs_snapshots.delete_snapshot(chain, delete)
            chain = deletion.chain
            numbers |= {
                f"deleting {delete} frees": f"{deletion.freed_blocks} blocks",
                "handed to the next snapshot": f"{deletion.moved_blocks} blocks",
                "blocks stored after": f"{chain.stored_blocks():,}",
            }
        return ui.View(figures.snapshot_chain_figure(chain), numbers)

    return ui.explorer(
        "Incremental snapshots and deletion",
        [
            ui.Choice("delete", "delete snapshot", options=["none", *ids], value=delete),
            ui.Slider(
                "change_fraction", "blocks rewritten between snapshots", min=0, max=1, step=0.05, value=change_fraction
            ),
            ui.Number("n_blocks", "blocks in the volume", value=n_blocks, integer=True),
        ],
        view,
    )


# --- CloudFront ------------------------------------------------------------------------------------------------
def explore_edge_cache(
    ttl_seconds: float = 3_600,
    zipf_exponent: float = 0.9,
    n_edges: int = 10,
    requests_per_second: float = EDGE_REQUESTS_PER_SECOND,
    seed: int = 0,
) -> ui.Explorer:
    """Edge caches warming up over an hour: hit ratio, origin load and latency against TTL, popularity and edges."""

    def view(ttl_seconds, zipf_exponent, n_edges, requests_per_second):
        result = cloudfront.simulate_edge_cache(
            zipf_exponent=zipf_exponent,
            requests_per_second=requests_per_second,
            duration_seconds=EDGE_DURATION_SECONDS,
            ttl_seconds=ttl_seconds,
            n_edges=n_edges,
            seed=seed,
        )
        return ui.View(
            figures.edge_cache_figure(result),
            {
                "hit ratio": f"{result.hit_ratio:.1%}",
                "origin requests/s": f"{result.origin_requests_per_second:,.2f}",
                "mean latency": f"{result.mean_latency_ms:,.0f} ms",
                "p95 latency": f"{result.p95_latency_ms:,.0f} ms",
            },
        )

    return ui.explorer(
        "CloudFront edge caches",
        [
            ui.Slider(
                "ttl_seconds",
                "TTL",
                min=0,
                max=86_400,
                step=60,
                value=ttl_seconds,
                unit="s",
                integer=True,
                static_values=TTL_STEPS_SECONDS,
            ),
            ui.Slider("zipf_exponent", "popularity skew (Zipf exponent)", min=0, max=2, step=0.1, value=zipf_exponent),
            ui.Slider("n_edges", "edge locations used", min=1, max=50, step=1, value=n_edges, integer=True),
            ui.Number("requests_per_second", "requests per second", value=requests_per_second),
        ],
        view,
    )


def explore_audience(farthest_region_ms: float = 280, campus_region: int = 0, seed: int = 0) -> ui.Explorer:
    """Latency with and without CloudFront for a global, a single-location and a VPN-funnelled audience."""

    def view(farthest_region_ms, campus_region):
        regions = np.linspace(10, farthest_region_ms, 6).round(3).tolist()
        results = [
            cloudfront.audience_comparison(
                audience,
                regions,
                requests_per_second=20,
                duration_seconds=900,
                campus_region=campus_region,
                seed=seed,
            )
            for audience in cloudfront.AUDIENCES
        ]
        return ui.View(
            figures.audience_figure(results),
            {
                f"{r.audience.replace('_', ' ')} saves": f"{r.saved_ms:,.0f} ms ({r.saved_fraction:.0%})"
                for r in results
            },
        )

    return ui.explorer(
        "Who gains from edge locations?",
        [
            ui.Slider(
                "farthest_region_ms",
                "round trip from the farthest region to the origin",
                min=20,
                max=400,
                step=10,
                value=farthest_region_ms,
                unit="ms",
                static_values=[20, 50, 100, 150, 200, 280, 400],
            ),
            ui.Choice("campus_region", "single location sits in region", options=list(range(6)), value=campus_region),
        ],
        view,
    )


def explore_stale_window(
    ttl_seconds: float = 86_400, invalidation_seconds: float = 60, html_ttl_seconds: float = 300, seed: int = 0
) -> ui.Explorer:
    """How long edges serve the old file after an update: wait for the TTL, invalidate, or use a versioned name."""

    def view(ttl_seconds, invalidation_seconds, html_ttl_seconds):
        results = [
            cloudfront.simulate_stale_window(
                strategy,
                ttl_seconds,
                requests_per_second_per_edge=0.01,
                invalidation_seconds=invalidation_seconds,
                html_ttl_seconds=html_ttl_seconds,
                seed=seed,
            )
            for strategy in cloudfront.UPDATE_STRATEGIES
        ]
        return ui.View(
            figures.stale_window_figure(results),
            {f"worst edge, {r.strategy.replace('_', ' ')}": f"{r.worst_stale_seconds:,.0f} s" for r in results},
        )

    return ui.explorer(
        "Updating cached content",
        [
            ui.Slider(
                "ttl_seconds",
                "object TTL",
                min=300,
                max=86_400,
                step=300,
                value=ttl_seconds,
                unit="s",
                integer=True,
                static_values=[300, 3_600, 21_600, 86_400],
            ),
            ui.Number("invalidation_seconds", "invalidation takes", value=invalidation_seconds, unit="s"),
            ui.Slider(
                "html_ttl_seconds",
                "TTL of the page linking to it",
                min=0,
                max=3_600,
                step=60,
                value=html_ttl_seconds,
                unit="s",
            ),
        ],
        view,
    )


# --- Storage Gateway -------------------------------------------------------------------------------------------
def explore_cached_volume(
    cache_gib: float = 150,
    volume_gib: float = 1_024,
    working_set_gib: float = 200,
    working_set_share: float = 0.9,
    seed: int = 0,
) -> ui.Explorer:
    """A cached volume's local cache against its working set: share of reads served locally, bytes from S3."""

    def view(cache_gib, volume_gib, working_set_gib, working_set_share):
        result = storage_gateway.simulate_cached_volume(
            volume_gib, working_set_gib, cache_gib, n_reads=20_000, working_set_share=working_set_share, seed=seed
        )
        sweep = np.linspace(0, 2 * working_set_gib, 21).round(6).tolist()
        predicted = [
            storage_gateway.cached_volume_hit_ratio(volume_gib, working_set_gib, c, working_set_share) for c in sweep
        ]
        return ui.View(
            figures.cache_size_figure(sweep, predicted, cache_gib, result),
            {
                "reads served from the cache (warm)": f"{result.warm_hit_ratio:.1%}",
                "estimate": f"{result.predicted_hit_ratio:.1%}",
                "fetched from S3": f"{result.bytes_from_s3 / 1024**3:,.0f} GiB for {result.reads:,} reads",
            },
        )

    return ui.explorer(
        "Cached volume: cache size against working set",
        [
            ui.Slider(
                "cache_gib",
                "local cache",
                min=0,
                max=400,
                step=10,
                value=cache_gib,
                unit="GiB",
                static_values=[0, 50, 100, 150, 200, 250, 300, 400],
            ),
            ui.Number("volume_gib", "volume size", value=volume_gib, unit="GiB"),
            ui.Slider("working_set_gib", "working set", min=10, max=500, step=10, value=working_set_gib, unit="GiB"),
            ui.Slider(
                "working_set_share",
                "share of reads on the working set",
                min=0,
                max=1,
                step=0.05,
                value=working_set_share,
            ),
        ],
        view,
    )


def explore_gateway_capacity(gateway_type: str = "volume_cached", volume_sizes_tib: str = "32, 32, 16") -> ui.Explorer:
    """Type the volumes of a Volume Gateway (TiB each) and check them against its quotas."""

    def view(gateway_type, volume_sizes_tib):
        sizes = storage_gateway.sizes_from_text("volume_sizes_tib", volume_sizes_tib)
        report = storage_gateway.volume_capacity(gateway_type, sizes)
        return ui.View(
            figures.gateway_capacity_figure(report),
            {
                "volumes": f"{report.count} of at most {report.max_count}",
                "total": f"{report.total_tib:,.1f} TiB of {report.max_total_tib:,.0f} TiB",
                "fits": "yes" if report.fits else "no: " + "; ".join(report.problems),
            },
        )

    return ui.explorer(
        "Volume Gateway capacity",
        [
            ui.Choice(
                "gateway_type",
                "gateway",
                options=[("cached volumes", "volume_cached"), ("stored volumes", "volume_stored")],
                value=gateway_type,
            ),
            ui.Text("volume_sizes_tib", "volume sizes (TiB, comma-separated)", value=volume_sizes_tib),
        ],
        view,
    )
