"""Explorers for 08_secrets_and_parameters: a rotation simulation over staging labels, and where to keep secrets."""

from __future__ import annotations

from awslab import ui
from awslab.security import figures, secrets


def explore_rotation(
    failure_probability: float = 0.2, strategy: str = "single-user", *, attempts: int = 24, seed: int = 0
) -> ui.Explorer:
    """Scheduled rotations that sometimes fail: where AWSCURRENT, AWSPENDING and AWSPREVIOUS point, and when
    clients cannot sign in.

    >>> explore_rotation(0.0).last_view.numbers["attempts after which clients failed"]
    '0'
    """

    def view(failure_probability, strategy, attempts):
        run = secrets.simulate_rotations(attempts, failure_probability, strategy, seed=seed)
        t = run.timeline
        return ui.figure_with_numbers(
            figures.secret_rotation_figure(t),
            {
                "rotations completed": str(int((t["outcome"] == "rotated").sum())),
                "failed attempts": str(int((t["outcome"] != "rotated").sum())),
                "attempts after which clients failed": str(run.broken_attempts),
                "versions kept": str(len(run.final.versions)),
            },
        )

    return ui.explorer(
        "Secrets Manager rotation",
        [
            ui.Slider(
                "failure_probability",
                "chance an attempt fails",
                min=0,
                max=0.6,
                step=0.1,
                value=failure_probability,
                static_values=[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
            ),
            ui.Choice("strategy", "rotation strategy", options=list(secrets.STRATEGIES), value=strategy),
            ui.Slider("attempts", "rotation attempts", min=1, max=100, step=1, value=attempts, integer=True),
        ],
        view,
    )


def explore_store_cost(
    secret_count: int = 100,
    value_bytes: int = 1024,
    api_calls_per_month: float = 1_000_000,
    *,
    needs_rotation: bool = False,
    peak_tps: float = 10.0,
) -> ui.Explorer:
    """Secrets Manager or Parameter Store: which can hold the secrets, and what each costs per month.

    >>> explore_store_cost().last_view.numbers["cheapest that fits"]
    'Parameter Store standard'
    """

    def view(secret_count, value_bytes, api_calls_per_month, needs_rotation, peak_tps):
        options = secrets.store_options(
            secret_count, value_bytes, api_calls_per_month, needs_rotation=needs_rotation, peak_tps=peak_tps
        )
        feasible = [o for o in options if o.feasible]
        numbers = {o.store: (f"${o.monthly_usd:,.2f}/month" if o.feasible else "cannot") for o in options}
        numbers["cheapest that fits"] = min(feasible, key=lambda o: o.monthly_usd).store if feasible else "none"
        return ui.figure_with_numbers(figures.store_cost_figure(options), numbers)

    return ui.explorer(
        "Where to keep secrets",
        [
            ui.Slider(
                "secret_count",
                "secrets",
                min=1,
                max=20_000,
                step=1,
                value=secret_count,
                integer=True,
                static_values=[1, 10, 100, 1000, 10_000, 20_000],
            ),
            ui.Number("value_bytes", "value size", value=value_bytes, unit="bytes", integer=True),
            ui.Number("api_calls_per_month", "API calls per month", value=api_calls_per_month),
            ui.Toggle("needs_rotation", "needs built-in rotation", value=needs_rotation),
            ui.Number("peak_tps", "peak reads per second", value=peak_tps, unit="requests/s"),
        ],
        view,
    )
