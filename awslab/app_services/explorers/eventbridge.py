"""Explorer for 04_eventbridge: pick (or type) an event pattern and see which sample events a rule would match."""

from __future__ import annotations

import json

from awslab import ui
from awslab.app_services import eventbridge, figures

PRESETS = list(eventbridge.PRESET_PATTERNS)


def explore_event_pattern(preset: str = PRESETS[0], custom_pattern: str = "") -> ui.Explorer:
    """A rule's event pattern against six sample events; a typed pattern (JupyterLab) overrides the preset.

    >>> next(iter(explore_event_pattern().last_view.numbers.items()))
    ('events matched', '1 of 6')
    """

    def view(preset, custom_pattern):
        pattern = custom_pattern.strip() or eventbridge.PRESET_PATTERNS[preset]
        rows = eventbridge.match_table(pattern)
        hits = [r["event"] for r in rows if r["matches"]]
        shown = pattern if isinstance(pattern, str) else json.dumps(pattern)
        return ui.View(
            figures.pattern_match_figure(rows),
            {
                "events matched": f"{len(hits)} of {len(rows)}",
                "matched": ", ".join(hits) or "(none)",
                "pattern": shown if len(shown) <= 120 else shown[:117] + "...",
            },
        )

    return ui.explorer(
        "EventBridge: which events does this pattern match?",
        [
            ui.Choice("preset", "pattern", options=PRESETS, value=preset),
            ui.Text("custom_pattern", "or type a pattern (JSON)", value=custom_pattern),
        ],
        view,
    )
