"""Plotly figures for Glacier, EBS, CloudFront and Storage Gateway, drawn from model results.

Each ``<thing>_figure(result, ...)`` takes what a model function returned and draws it; numbers go to plotly
as Python lists of rounded floats so that saved notebooks stay small and readable.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from awslab import theme
from awslab.storage.cloudfront import AudienceResult, EdgeCacheResult, StaleWindowResult
from awslab.storage.ebs import Gp2BurstResult, Gp2Performance
from awslab.storage.ebs_sizing import Gp3Gp2Comparison, VolumeOption
from awslab.storage.ebs_snapshots import LazyLoadResult, SnapshotChain
from awslab.storage.glacier import RetrievalPlan
from awslab.storage.storage_gateway import CachedVolumeResult, CapacityReport

MAX_POINTS = 1_500  # longest line drawn; longer series are thinned evenly


def _floats(values: Sequence[float] | np.ndarray, digits: int = 6) -> list[float | None]:
    return [None if v is None or not np.isfinite(v) else round(float(v), digits) for v in np.asarray(values, float)]


def _thin(n: int) -> np.ndarray:
    return np.unique(np.linspace(0, n - 1, min(n, MAX_POINTS)).round().astype(int))


def _finish(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(title=title, legend={"orientation": "h", "y": -0.2})
    return theme.apply(fig)


# --- EBS ------------------------------------------------------------------------------------------------------
def gp2_burst_figure(result: Gp2BurstResult) -> go.Figure:
    """Demand against delivered IOPS (top) and the credit balance as BurstBalance % (bottom)."""
    idx = _thin(result.time_seconds.size)
    t = _floats(result.time_seconds[idx] / 60)
    fig = go.Figure(
        [
            go.Scatter(x=t, y=_floats(result.demand_iops[idx]), name="demand", line={"dash": "dot"}),
            go.Scatter(x=t, y=_floats(result.delivered_iops[idx]), name="delivered"),
            go.Scatter(
                x=t, y=_floats(result.burst_balance_percent[idx]), name="BurstBalance", fill="tozeroy", yaxis="y2"
            ),
        ]
    )
    # Two stacked panels on one x axis, laid out by hand (make_subplots costs ~20 ms per explorer update).
    fig.update_layout(
        yaxis={"title": {"text": "IOPS"}, "domain": [0.45, 1.0]},
        yaxis2={"title": {"text": "credits left (%)"}, "domain": [0.0, 0.35], "range": [0, 105], "anchor": "x"},
        xaxis={"title": {"text": "time (minutes)"}, "anchor": "y2"},
    )
    p = result.performance
    return _finish(fig, f"gp2 {p.size_gib:g} GiB: baseline {p.baseline_iops:,.0f} IOPS, burst {p.burst_iops:,.0f}")


def gp2_burst_table_figure(performances: Sequence[Gp2Performance]) -> go.Figure:
    """Burst duration and refill time (minutes) against volume size for a list of gp2 sizes."""
    bursting = [p for p in performances if p.burst_seconds is not None]
    sizes = [p.size_gib for p in bursting]
    fig = go.Figure(
        [
            go.Scatter(
                x=sizes,
                y=_floats([p.burst_seconds / 60 for p in bursting]),
                name="full bucket lasts",
                mode="lines+markers",
            ),
            go.Scatter(
                x=sizes,
                y=_floats([p.refill_seconds / 60 for p in bursting]),
                name="empty bucket refills",
                mode="lines+markers",
            ),
        ]
    )
    fig.update_xaxes(title_text="volume size (GiB)")
    fig.update_yaxes(title_text="minutes", type="log")
    return _finish(fig, "gp2 burst at 3,000 IOPS: bigger volumes burst longer and refill faster")


def gp3_gp2_figure(comparison: Gp3Gp2Comparison) -> go.Figure:
    """IOPS delivered by gp2 and gp3 for the same demand, with the monthly price of each in the legend."""
    g = comparison.gp2
    idx = _thin(g.time_seconds.size)
    t = _floats(g.time_seconds[idx] / 60)
    fig = go.Figure(
        [
            go.Scatter(x=t, y=_floats(g.demand_iops[idx]), name="demand", line={"dash": "dot"}),
            go.Scatter(x=t, y=_floats(g.delivered_iops[idx]), name=f"gp2 (${comparison.gp2_monthly_usd:,.2f}/month)"),
            go.Scatter(
                x=t,
                y=_floats(comparison.gp3_delivered_iops[idx]),
                name=f"gp3 {comparison.gp3_iops:,.0f} IOPS (${comparison.gp3_monthly_usd:,.2f}/month)",
            ),
        ]
    )
    fig.update_xaxes(title_text="time (minutes)")
    fig.update_yaxes(title_text="IOPS")
    return _finish(fig, f"Same workload on gp2 and gp3 ({g.performance.size_gib:g} GiB)")


def volume_chooser_figure(options: Sequence[VolumeOption]) -> go.Figure:
    """Monthly price of every volume type for one requirement; types that cannot meet it are greyed out."""
    priced = [o for o in options if o.monthly_usd is not None]
    fig = go.Figure(
        go.Bar(
            x=[o.volume_type for o in priced],
            y=_floats([o.monthly_usd for o in priced], 2),
            marker_color=["#2a9d8f" if o.qualifies else "#c7c7c7" for o in priced],
            hovertext=["fits" if o.qualifies else "; ".join(o.reasons) for o in priced],
            hoverinfo="text+y",
        )
    )
    fig.update_xaxes(title_text="volume type")
    fig.update_yaxes(title_text="USD per month (us-east-1 list price)")
    return _finish(fig, "Which EBS volume types fit, and what each costs")


def snapshot_chain_figure(chain: SnapshotChain) -> go.Figure:
    """Which snapshot stores each block a snapshot needs (rows: snapshots, columns: blocks; blank: empty)."""
    owner_of: dict[int, int] = {}
    for k, versions in enumerate(chain.owned):
        owner_of.update(dict.fromkeys(versions.tolist(), k))
    grid = [[owner_of.get(int(v)) if v else None for v in row] for row in chain.images]
    fig = go.Figure(
        go.Heatmap(
            z=grid,
            x=list(range(chain.n_blocks)),
            y=list(chain.snapshot_ids),
            colorscale="Viridis",
            colorbar={"title": "stored in snapshot #"},
            xgap=1,
            ygap=1,
        )
    )
    fig.update_xaxes(title_text="block")
    fig.update_yaxes(title_text="snapshot", autorange="reversed")
    return _finish(
        fig,
        f"Incremental snapshots: {chain.stored_blocks()} blocks stored for "
        f"{len(chain.snapshot_ids)} snapshots of {chain.n_blocks} blocks",
    )


def lazy_loading_figure(result: LazyLoadResult, window: int = 1_000) -> go.Figure:
    """Moving-average read latency on a freshly restored volume, falling as blocks arrive from S3."""
    n = result.read_latency_ms.size
    w = max(1, min(window, n))
    moving = np.convolve(result.read_latency_ms, np.ones(w) / w, mode="valid")
    idx = _thin(moving.size)
    fig = go.Figure(
        [
            go.Scatter(x=(idx + w).tolist(), y=_floats(moving[idx]), name=f"mean of last {w} reads"),
            go.Scatter(x=[0, n], y=[result.warm_mean_latency_ms] * 2, name="initialised volume", line={"dash": "dash"}),
        ]
    )
    fig.update_xaxes(title_text="reads since the volume was created")
    fig.update_yaxes(title_text="read latency (ms)")
    return _finish(
        fig,
        f"Lazy loading: {result.cold_reads:,} first-touch reads; initialising first would take "
        f"{result.initialization_seconds / 60:,.0f} min",
    )


# --- CloudFront -----------------------------------------------------------------------------------------------
def _two_axis(x: list, left: list, right: list, left_name: str, right_name: str, mode: str = "lines") -> go.Figure:
    """Two series on a shared x axis, the second against a right-hand y axis (cheaper than make_subplots)."""
    fig = go.Figure(
        [
            go.Scatter(x=x, y=left, name=left_name, mode=mode),
            go.Scatter(x=x, y=right, name=right_name, mode=mode, yaxis="y2"),
        ]
    )
    fig.update_layout(
        yaxis={"title": {"text": left_name}, "range": [0, 1]},
        yaxis2={
            "title": {"text": "origin requests per second"},
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
        },
    )
    return fig


def edge_cache_figure(result: EdgeCacheResult) -> go.Figure:
    """Hit ratio and origin requests per second over the run (caches warming up)."""
    fig = _two_axis(
        _floats(result.bucket_start_seconds / 60),
        _floats(result.hit_ratio_over_time),
        _floats(result.origin_rps_over_time),
        "hit ratio",
        "origin requests/s",
    )
    fig.update_xaxes(title_text="time (minutes)")
    return _finish(fig, f"Edge caches: hit ratio {result.hit_ratio:.1%}, mean latency {result.mean_latency_ms:.0f} ms")


def ttl_sweep_figure(ttls_seconds: Sequence[float], results: Sequence[EdgeCacheResult]) -> go.Figure:
    """Hit ratio and origin load against TTL for one workload."""
    fig = _two_axis(
        _floats(ttls_seconds),
        _floats([r.hit_ratio for r in results]),
        _floats([r.origin_requests_per_second for r in results]),
        "hit ratio",
        "origin requests/s",
        mode="lines+markers",
    )
    fig.update_xaxes(title_text="TTL (seconds)", type="log")
    return _finish(fig, "Longer TTLs: more hits, less load on the origin")


def audience_figure(results: Sequence[AudienceResult]) -> go.Figure:
    """Mean latency with and without CloudFront for each audience shape."""
    names = [r.audience.replace("_", " ") for r in results]
    fig = go.Figure(
        [
            go.Bar(x=names, y=_floats([r.mean_latency_without_cdn_ms for r in results], 2), name="straight to origin"),
            go.Bar(x=names, y=_floats([r.mean_latency_with_cdn_ms for r in results], 2), name="through CloudFront"),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text="audience")
    fig.update_yaxes(title_text="mean latency (ms)")
    return _finish(fig, "Who gains from edge locations")


def stale_window_figure(results: Sequence[StaleWindowResult]) -> go.Figure:
    """Worst and mean time edges served the old content after an update, per strategy."""
    names = [r.strategy.replace("_", " ") for r in results]
    fig = go.Figure(
        [
            go.Bar(x=names, y=_floats([r.worst_stale_seconds for r in results], 2), name="worst edge"),
            go.Bar(x=names, y=_floats([r.mean_stale_seconds for r in results], 2), name="mean edge"),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text="how the update is published")
    fig.update_yaxes(title_text="stale window (seconds)", type="log")
    return _finish(fig, "Invalidation against versioned file names")


# --- Glacier and Storage Gateway ------------------------------------------------------------------------------
def retrieval_plan_figure(plan: RetrievalPlan) -> go.Figure:
    """Each restore tier as hours against USD, with the deadline; the chosen tier is highlighted."""
    fig = go.Figure()
    for o in plan.options:
        chosen = plan.chosen is not None and o.tier == plan.chosen.tier
        fig.add_trace(
            go.Scatter(
                x=[round(o.hours, 4)],
                y=[round(o.total_usd, 4)],
                mode="markers+text",
                text=[o.tier],
                textposition="top center",
                name=o.tier,
                marker={"size": 16 if chosen else 10, "symbol": "star" if chosen else "circle"},
            )
        )
    fig.add_vline(x=plan.deadline_hours, line_dash="dash", annotation_text="deadline")
    fig.update_xaxes(title_text="hours until every object is back (worst case)", type="log")
    fig.update_yaxes(title_text="USD (retrieval + temporary copy)")
    title = f"Restoring {plan.data_gb:,.0f} GB in {plan.objects:,} objects: "
    return _finish(fig, title + (plan.chosen.tier if plan.chosen else "no tier meets the deadline"))


def cached_volume_figure(cache_gib: Sequence[float], results: Sequence[CachedVolumeResult]) -> go.Figure:
    """Simulated warm hit ratio and the analytic estimate against local cache size."""
    x = _floats(cache_gib)
    fig = go.Figure(
        [
            go.Scatter(x=x, y=_floats([r.warm_hit_ratio for r in results]), name="simulated (warm)", mode="markers"),
            go.Scatter(x=x, y=_floats([r.predicted_hit_ratio for r in results]), name="estimate", mode="lines"),
        ]
    )
    fig.update_xaxes(title_text="local cache (GiB)")
    fig.update_yaxes(title_text="reads served from the cache", range=[0, 1.02])
    return _finish(fig, "Cached volume: hit ratio against cache size")


def gateway_capacity_figure(report: CapacityReport) -> go.Figure:
    """Capacity used against the gateway's quota (TiB)."""
    fig = go.Figure(
        [
            go.Bar(
                x=[round(report.total_tib, 3)],
                y=[report.gateway_type],
                orientation="h",
                name="used",
                marker_color="#2a9d8f" if report.fits else "#e76f51",
            ),
            go.Bar(
                x=[round(report.remaining_tib, 3)],
                y=[report.gateway_type],
                orientation="h",
                name="left",
                marker_color="#c7c7c7",
            ),
        ]
    )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title_text=f"TiB (quota {report.max_total_tib:,.0f} TiB)")
    return _finish(fig, "Gateway capacity" + ("" if report.fits else ": " + "; ".join(report.problems)))


def cache_size_figure(
    cache_gib: Sequence[float], predicted: Sequence[float], chosen_cache_gib: float, chosen: CachedVolumeResult
) -> go.Figure:
    """The analytic hit ratio against cache size, with one simulated run (warm hit ratio) at the chosen size."""
    fig = go.Figure(
        [
            go.Scatter(x=_floats(cache_gib), y=_floats(predicted), name="estimate (LRU, Che)", mode="lines"),
            go.Scatter(
                x=[round(float(chosen_cache_gib), 6)],
                y=[round(chosen.warm_hit_ratio, 6)],
                name=f"simulated, {chosen.reads:,} reads",
                mode="markers",
                marker={"size": 12, "symbol": "diamond"},
            ),
        ]
    )
    fig.update_xaxes(title_text="local cache (GiB)")
    fig.update_yaxes(title_text="reads served from the cache", range=[0, 1.02])
    return _finish(fig, f"Cached volume: {chosen.hit_ratio:.0%} of reads from the cache at {chosen_cache_gib:g} GiB")
