"""Explorers of 08_analytics/04_glue_lake_formation_and_streaming: a Glue run's bill, Lake Formation grants and the
streaming chooser."""

from __future__ import annotations

from dataclasses import replace

from awslab import ui, validate
from awslab.analytics import figures, glue, lakeformation, streaming_choice

MINUTE_STEPS = [0.5, 1, 2, 5, 10, 15, 30]


def explore_glue_run(minutes: float = 2, worker_type: str = "G.1X", workers: int = 10) -> ui.Explorer:
    """What one Glue run costs as its length changes, for each kind of run: watch the minimums.

    >>> explore_glue_run().last_view.numbers["Spark job (Glue 2.0+)"]
    'USD 0.1467 (2 min billed)'
    """

    def view(minutes, worker_type, workers):
        dpus = glue.dpus_for(worker_type, workers)
        seconds = validate.number("minutes", minutes, minimum=0, maximum=43_200, unit="min") * 60
        grid = [i * 0.5 for i in range(0, 41)]
        curves = {glue.RUN_LABELS[k]: [glue.run_cost(k, dpus, m * 60).usd for m in grid] for k in glue.MINIMUM_SECONDS}
        numbers = {}
        for kind in glue.MINIMUM_SECONDS:
            cost = glue.run_cost(kind, dpus, seconds)
            numbers[glue.RUN_LABELS[kind]] = f"USD {cost.usd:.4f} ({cost.billed_seconds / 60:g} min billed)"
        return ui.View(figures.glue_runs_figure(grid, curves, minutes, dpus), numbers)

    return ui.explorer(
        "AWS Glue: per-second billing and the minimums",
        [
            ui.Slider(
                "minutes",
                "run length",
                min=0.5,
                max=30,
                step=0.5,
                value=minutes,
                unit="min",
                static_values=MINUTE_STEPS,
            ),
            ui.Choice("worker_type", "worker type", options=list(glue.WORKER_DPUS), value=worker_type),
            ui.Number("workers", "workers", value=workers, integer=True),
        ],
        view,
    )


def explore_permissions(principal: str = "analyst", table: str = "orders", columns: str = "*") -> ui.Explorer:
    """Pick a role: which columns of the sales database it may SELECT, and why, for one query.

    >>> explore_permissions().last_view.numbers["verdict"]
    'denied: card_number has no grant'
    """

    def view(principal, table, columns):
        validate.choice("principal", principal, lakeformation.PRINCIPALS)
        arn = lakeformation.PRINCIPALS[principal]
        wanted = [c.strip() for c in str(columns).split(",") if c.strip()]
        verdict = lakeformation.evaluate(arn, table, wanted, lakeformation.SAMPLE_GRANTS, lakeformation.SALES)
        grid = lakeformation.grid(arn, lakeformation.SAMPLE_GRANTS, lakeformation.SALES)
        text = "allowed" if verdict.allowed else f"denied: {', '.join(verdict.refused)} has no grant"
        numbers = {"verdict": text}
        numbers.update({f"reason {i + 1}": r for i, r in enumerate(verdict.reasons[:6])})
        return ui.View(figures.permissions_figure(grid, principal), numbers)

    return ui.explorer(
        "Lake Formation: who may read what",
        [
            ui.Choice("principal", "role", options=list(lakeformation.PRINCIPALS), value=principal),
            ui.Choice("table", "table", options=list(lakeformation.SALES.tables), value=table),
            ui.Text("columns", "columns (comma-separated, or *)", value=columns),
        ],
        view,
    )


def explore_streaming(
    scenario: str = "orders to three microservices, replay a week", retention_days: float = 7
) -> ui.Explorer:
    """Pick a scenario: which of MSK, Kinesis Data Streams and Firehose meets it, with the least to run.

    >>> explore_streaming().last_view.numbers["pick"]
    'Kinesis Data Streams on-demand'
    """

    def view(scenario, retention_days):
        validate.choice("scenario", scenario, streaming_choice.SCENARIOS)
        needs = replace(streaming_choice.SCENARIOS[scenario], retention_days=retention_days)
        options = streaming_choice.assess(needs)
        numbers = {"pick": streaming_choice.best(needs)}
        for o in options:
            numbers[o.service] = ("meets; " if o.meets else "ruled out: ") + o.reasons[0]
        return ui.View(figures.streaming_figure(options, scenario), numbers)

    return ui.explorer(
        "Streaming ingestion: MSK, Kinesis or Firehose?",
        [
            ui.Choice("scenario", "scenario", options=list(streaming_choice.SCENARIOS), value=scenario),
            ui.Number("retention_days", "retention needed", value=retention_days, unit="days"),
        ],
        view,
    )
