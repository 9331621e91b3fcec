"""Explorers for the migration notebook: controls -> model -> figure, all built through awslab.ui."""

from __future__ import annotations

import math

from awslab import ui
from awslab.migration import cutover, figures, strategies

WRITES_STEPS = [0.0, 100.0, 250.0, 500.0, 750.0, 1000.0, 1500.0, 2000.0]


def explore_strategy(
    time_pressure: str = "medium",
    target_operating_model: str = "managed",
    code_ownership: str = "owned",
    licence: str = "portable",
    compliance: str = "none",
    hypervisor: str = "other",
    saas_alternative: bool = False,
    still_needed: bool = True,
    dependencies: int = 0,
) -> ui.Explorer:
    """The 7 Rs for one workload: change its attributes and watch the recommendation and its reasons.

    >>> explore_strategy().last_view.numbers["recommended"]
    'replatform: managed services (RDS by DMS, Elastic Beanstalk, ECS) with small changes'
    """

    def view(
        time_pressure,
        target_operating_model,
        code_ownership,
        licence,
        compliance,
        hypervisor,
        saas_alternative,
        still_needed,
        dependencies,
    ):
        deps = tuple(f"dependency-{i + 1}" for i in range(int(dependencies)))
        workload = strategies.Workload(
            "this workload",
            still_needed=still_needed,
            licence=licence,
            code_ownership=code_ownership,
            saas_alternative=saas_alternative,
            time_pressure=time_pressure,
            target_operating_model=target_operating_model,
            hypervisor=hypervisor,
            compliance=compliance,
            dependencies=deps,
        )
        rec = strategies.recommend(workload)
        return ui.View(
            figures.strategy_figure(rec),
            {
                "recommended": f"{rec.strategy}: {rec.lands_on}",
                "effort / benefit": f"{rec.effort:g} / {rec.benefit:g} (our illustrative 0-10 scores)",
                "runner-up": rec.runner_up,
                "why": "; ".join(rec.reasons[:3]),
            },
        )

    def pairs(values):
        return [(v, v) for v in values]

    return ui.explorer(
        "The 7 Rs: which strategy for this workload?",
        [
            ui.Choice("time_pressure", "time pressure", options=pairs(strategies.TIME_PRESSURE), value=time_pressure),
            ui.Choice(
                "target_operating_model",
                "target operating model",
                options=pairs(strategies.OPERATING_MODELS),
                value=target_operating_model,
            ),
            ui.Choice("code_ownership", "code", options=pairs(strategies.CODE_OWNERSHIP), value=code_ownership),
            ui.Choice("licence", "licence", options=pairs(strategies.LICENCES), value=licence),
            ui.Choice("compliance", "compliance", options=pairs(strategies.COMPLIANCE), value=compliance),
            ui.Choice("hypervisor", "hypervisor", options=pairs(strategies.HYPERVISORS), value=hypervisor),
            ui.Toggle("saas_alternative", "a SaaS product could replace it", value=saas_alternative),
            ui.Toggle("still_needed", "still needed", value=still_needed),
            ui.Slider(
                "dependencies", "tightly coupled dependencies", min=0, max=10, step=1, value=dependencies, integer=True
            ),
        ],
        view,
    )


def explore_cutover(
    writes_per_second: float = 500.0,
    apply_per_second: float = 1000.0,
    database_gib: float = 500.0,
    full_load_gib_per_hour: float = 100.0,
    cutover_after_hours: float = 24.0,
) -> ui.Explorer:
    """A DMS full load and CDC: raise the write rate past the apply rate and watch the lag grow.

    >>> explore_cutover().last_view.numbers["downtime at cutover"]
    '15.1 min'
    """

    def view(writes_per_second, apply_per_second, database_gib, full_load_gib_per_hour, cutover_after_hours):
        plan = cutover.cutover_plan(
            database_gib,
            full_load_gib_per_hour=full_load_gib_per_hour,
            writes_per_second=writes_per_second,
            apply_per_second=apply_per_second,
            cutover_after_hours=cutover_after_hours,
        )
        catch = f"{plan.catch_up_hours:,.2f} h after the load" if math.isfinite(plan.catch_up_hours) else "never"
        return ui.View(
            figures.lag_figure(plan),
            {
                "replication": "keeps up" if plan.keeps_up else "falls behind: the lag grows every hour",
                "full load": f"{plan.full_load_hours:,.2f} h",
                "caught up": catch,
                "lag at cutover": f"{plan.lag_at_cutover_seconds:,.0f} s",
                "downtime at cutover": f"{plan.downtime_minutes:,.1f} min",
            },
        )

    return ui.explorer(
        "DMS CDC: does replication keep up?",
        [
            ui.Slider(
                "writes_per_second",
                "source writes",
                min=0,
                max=2000,
                step=50,
                value=writes_per_second,
                unit="changes/s",
                static_values=WRITES_STEPS,
            ),
            ui.Number("apply_per_second", "DMS apply rate", value=apply_per_second, unit="changes/s"),
            ui.Number("database_gib", "database size", value=database_gib, unit="GiB"),
            ui.Number("full_load_gib_per_hour", "full-load rate", value=full_load_gib_per_hour, unit="GiB/h"),
            ui.Slider(
                "cutover_after_hours", "cut over after", min=1, max=168, step=1, value=cutover_after_hours, unit="h"
            ),
        ],
        view,
    )
