"""Explorers of the Glacier notebook (05): the restore-tier planner."""

from __future__ import annotations

from awslab import ui
from awslab.storage import figures, glacier


def explore_retrieval_plan(
    data_gb: float = 500, objects: int = 5_000, deadline_hours: float = 12, storage_class: str = "GLACIER"
) -> ui.Explorer:
    """Every restore tier for one job (hours against USD); the planner picks the cheapest that meets the deadline.

    >>> explore_retrieval_plan().last_view.numbers["cheapest tier in time"]
    'Standard'
    """

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
