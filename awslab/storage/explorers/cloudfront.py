"""Explorers of the CloudFront notebook (07): edge caches, who gains from edges, updating cached content."""

from __future__ import annotations

import numpy as np

from awslab import ui
from awslab.storage import cloudfront, figures

# The edge-cache explorers simulate fewer requests than the model's defaults (about 36,000 instead of 180,000)
# so that one update, model and figure, stays near 20 ms; the notebooks run the full-size workload in a plain cell.
EDGE_REQUESTS_PER_SECOND = 10.0


EDGE_DURATION_SECONDS = 3_600.0


TTL_STEPS_SECONDS = [0, 60, 300, 900, 3_600, 14_400, 86_400]


def explore_edge_cache(
    ttl_seconds: float = 3_600,
    zipf_exponent: float = 0.9,
    n_edges: int = 10,
    requests_per_second: float = EDGE_REQUESTS_PER_SECOND,
    seed: int = 0,
) -> ui.Explorer:
    """Edge caches warming up over an hour: hit ratio, origin load and latency against TTL, popularity and edges.

    >>> explore_edge_cache().last_view.numbers["hit ratio"]
    '52.5%'
    """

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
    """Latency with and without CloudFront for a global, a single-location and a VPN-funnelled audience.

    >>> sorted(explore_audience().last_view.numbers)[0]
    'global saves'
    """

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
    """How long edges serve the old file after an update: wait for the TTL, invalidate, or use a versioned name.

    >>> explore_stale_window().last_view.numbers["worst edge, invalidate"]
    '60 s'
    """

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
