"""Explorers for 07_identity_for_apps: what a sign-in path ends with, and which session durations STS accepts."""

from __future__ import annotations

import pandas as pd

from awslab import ui
from awslab.security import app_identity, figures

REQUESTED_HOURS = (0.25, 1, 2, 4, 8, 12, 13)


def explore_sign_in(
    flow: str = "identity-pool-enhanced", role_max_hours: int = 1, *, duration_seconds: int = 0
) -> ui.Explorer:
    """Pick a sign-in path: the hops, what the app ends with (JWTs or AWS credentials) and for how long.

    ``duration_seconds`` 0 means "not given" (the service's default).

    >>> explore_sign_in().last_view.numbers["ends with"]
    'AWS credentials'
    """

    def view(flow, role_max_hours, duration_seconds):
        result = app_identity.sign_in(
            flow,
            duration_seconds=duration_seconds or None,
            role_max_session_seconds=int(role_max_hours) * 3600,
        )
        renew = result.renew_without_user_seconds
        return ui.figure_with_numbers(
            figures.sign_in_figure(result),
            {
                "ends with": result.ends_with,
                "signs AWS API requests": "yes" if result.aws_credentials else "no",
                "usable for": f"{result.usable_seconds / 3600:g} h",
                "silent renewal": "identity provider decides" if renew is None else f"{renew / 86400:g} days",
            },
        )

    return ui.explorer(
        "Sign-in paths: what the app ends with",
        [
            ui.Choice("flow", "sign-in path", options=[(k, k) for k in app_identity.FLOWS], value=flow),
            ui.Slider(
                "role_max_hours",
                "role MaxSessionDuration",
                min=1,
                max=12,
                step=1,
                value=role_max_hours,
                unit="h",
                integer=True,
            ),
            ui.Number(
                "duration_seconds", "DurationSeconds (0: default)", value=duration_seconds, unit="s", integer=True
            ),
        ],
        view,
    )


def duration_grid(role_max_hours: int, requested_hours=REQUESTED_HOURS) -> pd.DataFrame:
    """Granted (True) or refused, for a direct AssumeRole and a chained one, at each requested length (hours).

    >>> duration_grid(12).loc["role chaining"].tolist()
    [True, True, False, False, False, False, False]
    """
    rows = {}
    for name, chained in (("direct", False), ("role chaining", True)):
        rows[name] = [
            app_identity.check_duration(
                round(h * 3600), role_max_session_seconds=int(role_max_hours) * 3600, role_chaining=chained
            ).valid
            for h in requested_hours
        ]
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(requested_hours))


def explore_session_duration(role_max_hours: int = 1) -> ui.Explorer:
    """Move the role's MaxSessionDuration: which DurationSeconds STS grants, directly and when chaining roles.

    >>> explore_session_duration(12).last_view.numbers["longest direct session"]
    '12 h'
    """

    def view(role_max_hours):
        grid = duration_grid(role_max_hours)
        direct = max(h for h, ok in zip(REQUESTED_HOURS, grid.loc["direct"], strict=True) if ok)
        chained = max(h for h, ok in zip(REQUESTED_HOURS, grid.loc["role chaining"], strict=True) if ok)
        return ui.figure_with_numbers(
            figures.duration_grid_figure(grid, f"Role maximum {role_max_hours} h: which durations STS grants"),
            {
                "longest direct session": f"{direct:g} h",
                "longest chained session": f"{chained:g} h",
                "default when omitted": "1 h",
                "shortest allowed": "15 min",
            },
        )

    return ui.explorer(
        "STS session duration",
        [
            ui.Slider(
                "role_max_hours",
                "role MaxSessionDuration",
                min=1,
                max=12,
                step=1,
                value=role_max_hours,
                unit="h",
                integer=True,
                static_values=[1, 2, 4, 6, 8, 12],
            ),
        ],
        view,
    )
