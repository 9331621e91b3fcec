"""Explorer for 05_more_security_services: a WAF rate-based rule against a burst."""

from __future__ import annotations

from awslab import ui
from awslab.security import figures, waf


def explore_waf_rate_rule(
    limit: int = 100, window_seconds: int = 300, attacker_rps: float = 2.0, *, client_rps: float = 0.1, seed: int = 0
) -> ui.Explorer:
    """A WAF rate-based rule against one flooding IP and 50 normal clients: move the limit.

    >>> next(iter(explore_waf_rate_rule().last_view.numbers.items()))
    ('attacker requests blocked', '97.2%')
    """

    def view(limit, window_seconds, attacker_rps, client_rps):
        result = waf.simulate_rate_rule(
            limit, window_seconds, attacker_rps, client_count=50, client_rps=client_rps, seed=seed
        )
        first = result.first_block_seconds
        return ui.figure_with_numbers(
            figures.waf_figure(result),
            {
                "attacker requests blocked": f"{result.attacker_blocked_fraction:.1%}",
                "normal requests blocked": f"{result.others_blocked_fraction:.1%}",
                "first block after": "never" if first is None else f"{first:,.0f} s",
            },
        )

    return ui.explorer(
        "AWS WAF rate-based rule",
        [
            ui.Slider(
                "limit",
                "limit per window",
                min=10,
                max=2000,
                step=10,
                value=limit,
                unit="requests",
                integer=True,
                static_values=[10, 20, 50, 100, 200, 500, 1000, 2000],
            ),
            ui.Choice(
                "window_seconds",
                "evaluation window",
                options=list(waf.EVALUATION_WINDOWS_SECONDS),
                value=window_seconds,
                unit="s",
            ),
            ui.Number("attacker_rps", "attacker rate", value=attacker_rps, unit="requests/s"),
            ui.Number("client_rps", "normal client rate", value=client_rps, unit="requests/s"),
        ],
        view,
    )
