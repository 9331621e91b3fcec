"""Explorers of the storage classes and lifecycle notebook (02): compare lifecycle policies, follow one month by month."""

from __future__ import annotations

from awslab import ui
from awslab.storage import figures
from awslab.storage import s3_lifecycle as lifecycle

SIZE_CHOICES_KIB = [("16 KiB", 16), ("128 KiB", 128), ("1 MiB", 1024), ("10 MiB", 10 * 1024), ("100 MiB", 100 * 1024)]


def explore_policy_comparison(
    object_count: int = 1_000_000,
    object_size_kib: int = 1024,
    horizon_days: int = 730,
    gets_per_month: float = 1.0,
    half_life_days: float = 30,
) -> ui.Explorer:
    """Every preset policy on the same population; move the read rate and watch the cheapest policy change.

    >>> explore_policy_comparison().last_view.numbers["cheapest policy"]
    'GLACIER_IR after 30 days'
    """

    def view(gets_per_month, object_size_kib, half_life_days, object_count, horizon_days):
        table = lifecycle.compare_policies(
            lifecycle.PRESET_POLICIES,
            object_count=object_count,
            object_size_bytes=object_size_kib * 1024,
            horizon_days=horizon_days,
            access=lifecycle.AccessPattern(gets_per_month, half_life_days),
        )
        best = table.iloc[0]
        return ui.View(
            figures.policy_comparison_figure(table),
            {
                "cheapest policy": best["policy"],
                "its total": f"${best['total']:,.2f}",
                "STANDARD only": f"${table.set_index('policy').loc['stay in STANDARD', 'total']:,.2f}",
            },
        )

    return ui.explorer(
        "Which lifecycle policy is cheapest?",
        [
            ui.Slider(
                "gets_per_month",
                "reads per object per month (when new)",
                min=0,
                max=10,
                step=0.5,
                value=gets_per_month,
                static_values=[0, 0.1, 0.5, 1, 2, 3, 5, 10],
            ),
            ui.Choice("object_size_kib", "object size", options=SIZE_CHOICES_KIB, value=object_size_kib),
            ui.Slider(
                "half_life_days", "read rate halves every", min=0, max=180, step=15, value=half_life_days, unit="days"
            ),
            ui.Number("object_count", "objects", value=object_count, integer=True),
            ui.Slider(
                "horizon_days", "horizon", min=90, max=1825, step=5, value=horizon_days, unit="days", integer=True
            ),
        ],
        view,
    )


def explore_lifecycle_policy(
    preset: str = "IA at 30, GLACIER at 90",
    custom_policy_json: str = "",
    object_count: int = 1_000_000,
    object_size_kib: int = 1024,
    horizon_days: int = 730,
) -> ui.Explorer:
    """One policy month by month: pick a preset, or paste your own LifecycleConfiguration JSON (it wins when set).

    >>> explore_lifecycle_policy().last_view.numbers["path"]
    'STANDARD (day 0) → STANDARD_IA (day 30) → GLACIER (day 90)'
    """
    lifecycle.parse_lifecycle(lifecycle.PRESET_POLICIES[preset])

    def view(preset, custom_policy_json, gets_per_month, object_count, object_size_kib):
        custom = custom_policy_json.strip()
        result = lifecycle.simulate_lifecycle(
            custom or lifecycle.PRESET_POLICIES[preset],
            object_count=object_count,
            object_size_bytes=object_size_kib * 1024,
            horizon_days=horizon_days,
            access=lifecycle.AccessPattern(gets_per_month, 30),
            name="your policy" if custom else preset,
        )
        numbers = {
            "total over the horizon": f"${result.total_usd:,.2f}",
            "path": " → ".join(f"{p.storage_class} (day {p.start_day})" for p in result.phases),
        }
        if result.notes:
            numbers["note"] = "; ".join(result.notes)
        return ui.View(figures.lifecycle_cost_figure(result), numbers)

    return ui.explorer(
        "A lifecycle policy, month by month",
        [
            ui.Choice("preset", "policy", options=list(lifecycle.PRESET_POLICIES), value=preset),
            ui.Text("custom_policy_json", "or paste a LifecycleConfiguration (JSON)", value=custom_policy_json, rows=6),
            ui.Slider("gets_per_month", "reads per object per month (when new)", min=0, max=10, step=0.5, value=1.0),
            ui.Number("object_count", "objects", value=object_count, integer=True),
            ui.Choice("object_size_kib", "object size", options=SIZE_CHOICES_KIB, value=object_size_kib),
        ],
        view,
        main="preset",
    )
