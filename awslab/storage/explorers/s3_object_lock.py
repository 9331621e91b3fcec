"""Explorers of the S3 Object Lock and scale notebook (10): who may delete a locked version, and prefix rates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from awslab import ui, validate
from awslab.storage import figures, s3_object_lock, s3_scale

WRITTEN = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # a fixed upload time keeps the faces deterministic
CALLERS = (
    ("an ordinary user", False, False),
    ("an admin with s3:BypassGovernanceRetention, no header", True, False),
    ("that admin sending the bypass header", True, True),
)


def explore_object_lock(
    check_day: float = 10, mode: str = "GOVERNANCE", retention_days: int = 30, legal_hold: bool = False
) -> ui.Explorer:
    """A version written with a retention mode and period (and maybe a legal hold): who may delete it on a day.

    >>> explore_object_lock().last_view.numbers["that admin sending the bypass header"]
    'yes'
    """

    def view(check_day, mode, retention_days, legal_hold):
        days = validate.integer("retention_days", retention_days, minimum=1, maximum=36_500, unit="days")
        until = WRITTEN + timedelta(days=days)
        lock = {
            "ObjectLockMode": mode,
            "ObjectLockRetainUntilDate": until,
            "ObjectLockLegalHoldStatus": "ON" if legal_hold else "OFF",
        }
        horizon = max(2 * days, 30)
        grid = [horizon * i / 60 for i in range(61)]
        rows = [
            [
                s3_object_lock.can_delete_version(
                    lock, WRITTEN + timedelta(days=d), bypass_permission=p, bypass_header=h
                ).allowed
                for d in grid
            ]
            for _, p, h in CALLERS
        ]
        at = WRITTEN + timedelta(days=check_day)
        numbers = {}
        for name, p, h in CALLERS:
            d = s3_object_lock.can_delete_version(lock, at, bypass_permission=p, bypass_header=h)
            numbers[name] = "yes" if d.allowed else "no: " + d.reason
        numbers["retain until"] = f"day {days} ({until:%Y-%m-%d})"
        return ui.View(figures.lock_timeline_figure(grid, [c[0] for c in CALLERS], rows, check_day), numbers)

    return ui.explorer(
        "S3 Object Lock: who may delete this version, and when",
        [
            ui.Slider(
                "check_day",
                "day of the delete request",
                min=0,
                max=120,
                step=1,
                value=check_day,
                unit="days",
                static_values=[0, 10, 29, 30, 31, 60],
            ),
            ui.Choice(
                "mode",
                "retention mode",
                options=[("governance", "GOVERNANCE"), ("compliance", "COMPLIANCE")],
                value=mode,
            ),
            ui.Number("retention_days", "retention period", value=retention_days, unit="days", integer=True),
            ui.Toggle("legal_hold", "legal hold on", value=legal_hold),
        ],
        view,
    )


def explore_prefix_rates(get_rps: float = 20_000, put_rps: float = 2_000, prefixes: int = 1) -> ui.Explorer:
    """A request rate spread over key prefixes: each prefix against S3's documented per-prefix floor.

    >>> explore_prefix_rates().last_view.numbers["prefixes needed"]
    '4'
    """

    def view(get_rps, put_rps, prefixes):
        load = s3_scale.prefix_load(get_rps, put_rps, prefixes=prefixes)
        return ui.View(
            figures.prefix_load_figure(load),
            {
                "prefixes needed": f"{load.prefixes_needed:,}",
                "per prefix": f"{load.get_per_prefix:,.0f} GET/s, {load.put_per_prefix:,.0f} PUT/s",
                "over the floor (503 Slow Down while S3 scales)": f"{load.throttled_share:.1%}",
            },
        )

    return ui.explorer(
        "S3 request rates per prefix",
        [
            ui.Slider(
                "prefixes",
                "key prefixes the load is spread over",
                min=1,
                max=16,
                step=1,
                value=prefixes,
                integer=True,
                static_values=[1, 2, 4, 8, 16],
            ),
            ui.Number("get_rps", "GET/HEAD requests per second", value=get_rps),
            ui.Number("put_rps", "PUT/COPY/POST/DELETE requests per second", value=put_rps),
        ],
        view,
        main="prefixes",
    )
