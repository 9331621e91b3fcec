"""Explorers for 05_step_functions: Standard vs Express cost, and a retrier's waits."""

from __future__ import annotations

from awslab import ui
from awslab.app_services import figures, stepfunctions

EXECUTION_STEPS = [1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
_CURVE = [int(10 ** (3 + i / 4)) for i in range(0, 21)]  # 1,000 to 100,000,000 executions per month


def explore_workflow_cost(
    executions_per_month: int = 1_000_000,
    transitions_per_execution: int = 10,
    duration_ms: float = 2000,
    memory_mb: float = 64,
) -> ui.Explorer:
    """Standard (per state transition) vs Express (per request and GB-second) for one workflow.

    >>> next(iter(explore_workflow_cost().last_view.numbers.items()))
    ('Standard', '249.90 USD/month')
    """

    def view(executions_per_month, transitions_per_execution, duration_ms, memory_mb):
        here = stepfunctions.workflow_cost(
            int(executions_per_month), int(transitions_per_execution), duration_ms=duration_ms, memory_mb=memory_mb
        )
        curve = [
            stepfunctions.workflow_cost(n, int(transitions_per_execution), duration_ms=duration_ms, memory_mb=memory_mb)
            for n in _CURVE
        ]
        return ui.View(
            figures.workflow_cost_figure(
                _CURVE,
                [max(c.standard_usd, 1e-4) for c in curve],
                [max(c.express_usd, 1e-4) for c in curve],
                marker=int(executions_per_month),
            ),
            {
                "Standard": f"{here.standard_usd:,.2f} USD/month",
                "Express": f"{here.express_usd:,.2f} USD/month",
                "cheaper": here.cheaper,
            },
        )

    return ui.explorer(
        "Step Functions: Standard or Express?",
        [
            ui.Choice(
                "executions_per_month", "executions / month", options=EXECUTION_STEPS, value=executions_per_month
            ),
            ui.Slider(
                "transitions_per_execution",
                "state transitions each",
                min=1,
                max=100,
                step=1,
                value=transitions_per_execution,
                integer=True,
            ),
            ui.Slider("duration_ms", "duration each", min=100, max=300_000, step=100, value=duration_ms, unit="ms"),
            ui.Slider("memory_mb", "memory", min=64, max=1024, step=64, value=memory_mb, unit="MB"),
        ],
        view,
    )


def explore_retry(
    backoff_rate: float = 2.0, interval_seconds: int = 1, max_attempts: int = 3, max_delay_seconds: int = 0
) -> ui.Explorer:
    """A Retry field's waits: IntervalSeconds x BackoffRate^n, capped by MaxDelaySeconds (0 here means no cap).

    >>> next(iter(explore_retry().last_view.numbers.items()))
    ('waits', '1, 2, 4 s')
    """

    def view(backoff_rate, interval_seconds, max_attempts, max_delay_seconds):
        retrier = {
            "ErrorEquals": ["States.ALL"],
            "IntervalSeconds": int(interval_seconds),
            "MaxAttempts": int(max_attempts),
            "BackoffRate": float(backoff_rate),
        }
        if max_delay_seconds:
            retrier["MaxDelaySeconds"] = int(max_delay_seconds)
        waits = stepfunctions.retry_intervals(retrier, int(max_attempts))
        return ui.View(
            figures.retry_figure(waits),
            {
                "waits": ", ".join(f"{w:g}" for w in waits) + " s" if waits else "(no retries)",
                "total wait": f"{sum(waits):g} s",
            },
        )

    return ui.explorer(
        "Step Functions Retry: how long are the waits?",
        [
            ui.Slider("backoff_rate", "BackoffRate", min=1.0, max=3.0, step=0.5, value=backoff_rate),
            ui.Slider(
                "interval_seconds",
                "IntervalSeconds",
                min=1,
                max=30,
                step=1,
                value=interval_seconds,
                unit="s",
                integer=True,
            ),
            ui.Slider("max_attempts", "MaxAttempts", min=0, max=10, step=1, value=max_attempts, integer=True),
            ui.Number(
                "max_delay_seconds", "MaxDelaySeconds (0: none)", value=max_delay_seconds, unit="s", integer=True
            ),
        ],
        view,
    )
