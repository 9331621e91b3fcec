"""Explorers of the large objects and replication notebook (04): the multipart upload planner."""

from __future__ import annotations

from awslab import ui
from awslab.storage import figures, s3


def explore_multipart(
    object_size_gib: float = 8, bandwidth_mbps: float = 500, parallel_streams: int = 8, failures_per_gib: float = 0.5
) -> ui.Explorer:
    """Upload time against part size for one object, with failures resending a part (or the whole single PUT).

    >>> explore_multipart().last_view.numbers["parts"]
    '1,639 × 5 MiB (last 2.0 MiB)'
    """
    candidate_mib = [5, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 5120]

    def view(object_size_gib, part_size_mib, bandwidth_mbps, parallel_streams, failures_per_gib):
        size = int(object_size_gib * s3.GIB)
        plan = s3.plan_multipart_upload(size, None if part_size_mib == 0 else int(part_size_mib * s3.MIB))
        per_stream = bandwidth_mbps / 4  # one TCP stream rarely fills the pipe: assume a quarter of it
        sizes, seconds = [], []
        for mib in candidate_mib:
            if mib * s3.MIB * s3.MAX_PARTS >= size:
                est = s3.upload_estimate(
                    size, bandwidth_mbps, parallel_streams, mib * s3.MIB, failures_per_gib, per_stream
                )
                sizes.append(mib)
                seconds.append(est.seconds)
        chosen = s3.upload_estimate(
            size, bandwidth_mbps, parallel_streams, plan.part_size, failures_per_gib, per_stream
        )
        single = None
        if size <= s3.MAX_SINGLE_PUT_BYTES:
            single = s3.upload_estimate(size, bandwidth_mbps, 1, None, failures_per_gib, per_stream).seconds
        title = f"Uploading {object_size_gib:g} GiB over {bandwidth_mbps:g} Mbit/s with {parallel_streams} streams"
        numbers = {
            "parts": f"{plan.part_count:,} × {plan.part_size / s3.MIB:,.0f} MiB (last {plan.last_part_size / s3.MIB:,.1f} MiB)",
            "expected time (multipart)": f"{chosen.seconds:,.0f} s",
            "bytes resent after failures": f"{chosen.retransmitted_fraction:.1%}",
            "single PUT": "not allowed over 5 GiB" if single is None else f"{single:,.0f} s",
        }
        return ui.View(figures.multipart_figure(sizes, seconds, plan.part_size / s3.MIB, single, title), numbers)

    return ui.explorer(
        "Multipart upload planner",
        [
            ui.Slider(
                "object_size_gib",
                "object size",
                min=1,
                max=100,
                step=1,
                value=object_size_gib,
                unit="GiB",
                static_values=[1, 2, 4, 5, 8, 16, 32, 64, 100],
            ),
            ui.Choice(
                "part_size_mib",
                "part size",
                options=[("automatic", 0)] + [(f"{m} MiB", m) for m in candidate_mib],
                value=0,
            ),
            ui.Slider("bandwidth_mbps", "bandwidth", min=50, max=2000, step=50, value=bandwidth_mbps, unit="Mbit/s"),
            ui.Slider(
                "parallel_streams", "parallel streams", min=1, max=32, step=1, value=parallel_streams, integer=True
            ),
            ui.Number("failures_per_gib", "failures per GiB sent", value=failures_per_gib),
        ],
        view,
    )
