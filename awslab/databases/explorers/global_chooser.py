"""Explorers of 06_global_tables_and_chooser: a counter written in two Regions of a global table, and the
"which database for this access pattern" chooser."""

from __future__ import annotations

from functools import lru_cache

from awslab import ui, validate
from awslab.databases import chooser, figures
from awslab.databases import global_tables as gt

AS_PRESET = "as the access pattern says"
OVERRIDES = (AS_PRESET, "required", "not needed")


@lru_cache(maxsize=16)
def _writes(writes_per_second: float, seed: int) -> tuple:
    return tuple(sorted(gt.random_writes(writes_per_second=writes_per_second, seconds=30, seed=seed).items()))


def explore_global_writes(lag_ms: float = 800, writes_per_second: float = 2.0, mode: str = "MREC",
                          seed: int = 0) -> ui.Explorer:  # fmt: skip
    """A counter incremented in us-east-1 and eu-west-1 for 30 s: increments lost to last-writer-wins.

    >>> explore_global_writes().last_view.numbers["replicas agree at the end"]
    'yes'
    """

    def view(lag_ms, writes_per_second, mode):
        writes = {region: list(times) for region, times in _writes(float(writes_per_second), seed)}
        run = gt.simulate_counter(writes, lag_ms=lag_ms, mode=mode)
        return ui.View(
            figures.counter_writes_figure(run),
            {
                "increments": f"{run.increments}",
                "counter at the end": f"{run.increments - run.lost_updates}",
                "lost updates": f"{run.lost_updates} ({run.lost_updates / max(run.increments, 1):.0%})",
                "replicas agree at the end": "yes" if run.converged else "no",
            },
        )

    return ui.explorer(
        "Global table: one counter, two Regions",
        [
            ui.Slider(
                "lag_ms",
                "replication lag",
                min=0,
                max=5000,
                step=50,
                value=lag_ms,
                unit="ms",
                static_values=[0, 100, 250, 500, 1000, 2000],
            ),  # fmt: skip
            ui.Slider(
                "writes_per_second",
                "increments per Region",
                min=0.5,
                max=10,
                step=0.5,
                value=writes_per_second,
                unit="per s",
            ),  # fmt: skip
            ui.Choice("mode", "consistency mode", options=list(gt.MODES), value=mode),
        ],
        view,
    )


def explore_chooser(access_pattern: str = "shopping carts, any Region writes", multi_region_writes: str = AS_PRESET,
                    serverless: str = AS_PRESET, top: int = 6) -> ui.Explorer:  # fmt: skip
    """Rank the purpose-built databases for an access pattern; override two requirements to see the ranking move.

    >>> explore_chooser().last_view.numbers["1st"]
    'DynamoDB (8)'
    """

    def view(access_pattern, multi_region_writes, serverless, top):
        validate.integer("top", top, minimum=1, maximum=len(chooser.SERVICES))
        need = dict(chooser.PRESETS[validate.choice("access_pattern", access_pattern, chooser.PRESETS)])
        for key, value in (("multi_region_writes", multi_region_writes), ("serverless", serverless)):
            if validate.choice(key, value, OVERRIDES) != AS_PRESET:
                need[key] = value == "required"
        ranked = chooser.rank(need)
        numbers = {
            place: f"{c.service} ({c.score})" for place, c in zip(("1st", "2nd", "3rd"), ranked[:3], strict=True)
        }
        numbers["why the first"] = "; ".join(ranked[0].reasons)
        return ui.View(figures.chooser_figure(ranked, top=top), numbers)

    return ui.explorer(
        "Which database for this access pattern?",
        [
            ui.Choice("access_pattern", "access pattern", options=list(chooser.PRESETS), value=access_pattern),
            ui.Choice(
                "multi_region_writes", "writes in several Regions", options=list(OVERRIDES), value=multi_region_writes
            ),
            ui.Choice("serverless", "serverless", options=list(OVERRIDES), value=serverless),
            ui.Number("top", "services shown", value=top, integer=True),
        ],
        view,
    )
