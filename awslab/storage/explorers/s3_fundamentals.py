"""Explorers of the S3 fundamentals notebook (01): read-after-write consistency and durability."""

from __future__ import annotations

from awslab import ui
from awslab.storage import figures
from awslab.storage import s3_reliability as reliability


def explore_consistency(mean_propagation_ms: float = 200, replicas: int = 3, seed: int = 0) -> ui.Explorer:
    """Stale-read share against time since the write, the eventual model of the past next to today's strong model.

    >>> explore_consistency().last_view.numbers["stale reads today (strong)"]
    '0%'
    """

    def view(mean_propagation_ms, replicas):
        eventual = reliability.stale_read_curve("eventual", replicas, mean_propagation_ms, seed=seed, writes=5000)
        strong = reliability.stale_read_curve("strong", replicas, mean_propagation_ms, seed=seed)
        exact = (
            [
                reliability.stale_read_probability_closed_form(t, replicas, mean_propagation_ms)
                for t in eventual.delays_ms
            ]
            if mean_propagation_ms > 0
            else None
        )
        return ui.View(
            figures.stale_read_figure([eventual, strong], exact),
            {
                "stale reads 100 ms after the write (eventual)": f"{eventual.stale_fraction[4]:.1%}",
                "mean time until every replica has it": f"{eventual.expected_stale_window_ms:,.0f} ms",
                "stale reads today (strong)": f"{max(strong.stale_fraction):.0%}",
            },
        )

    return ui.explorer(
        "Consistency: how long can a read be stale?",
        [
            ui.Slider(
                "mean_propagation_ms",
                "mean propagation delay",
                min=0,
                max=500,
                step=50,
                value=mean_propagation_ms,
                unit="ms",
            ),
            ui.Slider("replicas", "replicas", min=1, max=6, step=1, value=replicas, integer=True),
        ],
        view,
    )


def explore_durability(
    object_count: int = 10_000_000, years: int = 10_000, trials: int = 2_000, seed: int = 0
) -> ui.Explorer:
    """Objects lost from a store of ``object_count`` after ``years``: Monte Carlo against the closed form.

    >>> explore_durability().last_view.numbers["one object lost every"]
    '10,000 years'
    """

    def view(years, object_count, nines):
        durability = 1 - 10.0 ** (-nines)
        losses = reliability.simulate_object_losses(object_count, years, durability, trials=trials, seed=seed)
        expected = reliability.expected_objects_lost(object_count, years, durability)
        return ui.View(
            figures.durability_figure(losses.tolist(), expected, object_count, years),
            {
                "expected objects lost (closed form)": f"{expected:,.3g}",
                "simulated mean": f"{losses.mean():,.3g}",
                "one object lost every": f"{reliability.years_per_lost_object(object_count, durability):,.0f} years",
            },
        )

    return ui.explorer(
        "Durability: expected object loss",
        [
            ui.Slider(
                "years", "years stored", min=1_000, max=20_000, step=1_000, value=years, unit="years", integer=True
            ),
            ui.Number("object_count", "objects stored", value=object_count, integer=True),
            ui.Slider("nines", "durability nines", min=9, max=12, step=1, value=11, integer=True),
        ],
        view,
    )
