"""Explorers for 06_governance: a request through every layer of AWS's policy evaluation, on the exam's scenarios."""

from __future__ import annotations

from awslab import ui
from awslab.security import figures, organizations


def explore_layers(
    preset: str = "developer with AdministratorAccess, capped by a boundary", fixed: bool = False
) -> ui.Explorer:
    """Pick a scenario and watch which layer decides; the toggle applies the scenario's fix.

    >>> explore_layers().last_view.numbers["deciding layer"]
    'permissions boundary'
    """

    def view(preset, fixed):
        result = organizations.evaluate_scenario(preset, fixed)
        scenario = organizations.SCENARIOS[preset]
        deciding = next(layer.label for layer in result.layers if layer.deciding)
        return ui.figure_with_numbers(
            figures.layers_flow_figure(result, title=f"{scenario.title}: {result.decision}"),
            {
                "decision": result.decision,
                "deciding layer": deciding,
                "reason": result.reason,
                "fix": scenario.fix if not fixed else "applied",
            },
        )

    return ui.explorer(
        "Which layer decides?",
        [
            ui.Choice("preset", "scenario", options=list(organizations.SCENARIOS), value=preset),
            ui.Toggle("fixed", "apply the fix", value=fixed),
        ],
        view,
    )
