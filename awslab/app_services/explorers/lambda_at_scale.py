"""Explorer for 06_lambda_at_scale: a traffic spike against a function's concurrency."""

from __future__ import annotations

from awslab import ui
from awslab.app_services import figures, lambda_scale

PROVISIONED_STEPS = [0, 100, 250, 500, 750, 1000]


def explore_spike(
    provisioned: int = 0,
    peak_rps: float = 4000,
    duration_ms: float = 500,
    reserved: int = 0,
    invocation: str = "sync",
    *,
    seed: int = 0,
) -> ui.Explorer:
    """A 30-second spike in a 60-second window; reserved 0 means no reservation (the unreserved pool).

    >>> next(iter(explore_spike().last_view.numbers.items()))
    ('requests', '121,500')
    """

    def view(provisioned, peak_rps, duration_ms, reserved, invocation):
        profile = lambda_scale.spike_profile(50, peak_rps, seconds=60, start_second=10, length_seconds=30)
        result = lambda_scale.simulate_spike(
            profile,
            duration_ms=duration_ms,
            reserved=int(reserved) or None,
            provisioned=int(provisioned),
            invocation=invocation,
            seed=seed,
        )
        return ui.View(
            figures.spike_figure(result),
            {
                "requests": f"{result.requests:,}",
                "served": f"{result.succeeded:,}",
                "throttled (429)": f"{result.throttled:,} ({result.throttle_rate:.1%})",
                "still queued (async)": f"{result.pending:,}",
                "cold starts": f"{result.cold_starts:,}",
                "peak concurrency": f"{result.peak_concurrency:,} of {result.limit:,}",
            },
        )

    return ui.explorer(
        "Lambda: a spike against concurrency",
        [
            ui.Slider(
                "provisioned",
                "provisioned concurrency",
                min=0,
                max=1000,
                step=50,
                value=provisioned,
                integer=True,
                static_values=PROVISIONED_STEPS,
            ),
            ui.Slider("peak_rps", "peak", min=500, max=10_000, step=500, value=peak_rps, unit="requests/s"),
            ui.Slider("duration_ms", "duration", min=100, max=2000, step=100, value=duration_ms, unit="ms"),
            ui.Number("reserved", "reserved concurrency (0: none)", value=reserved, integer=True),
            ui.Choice("invocation", "invocation", options=["sync", "async"], value=invocation),
        ],
        view,
    )
