"""Explorers of the Storage Gateway notebook (08): cached volume sizing and Volume Gateway quotas."""

from __future__ import annotations

import numpy as np

from awslab import ui
from awslab.storage import figures, storage_gateway


def explore_cached_volume(
    cache_gib: float = 150,
    volume_gib: float = 1_024,
    working_set_gib: float = 200,
    working_set_share: float = 0.9,
    seed: int = 0,
) -> ui.Explorer:
    """A cached volume's local cache against its working set: share of reads served locally, bytes from S3.

    >>> explore_cached_volume().last_view.numbers["estimate"]
    '60.6%'
    """

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
    """Type the volumes of a Volume Gateway (TiB each) and check them against its quotas.

    >>> explore_gateway_capacity().last_view.numbers["fits"]
    'yes'
    """

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
