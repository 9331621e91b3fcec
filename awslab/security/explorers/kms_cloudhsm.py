"""Explorers for 03_kms_cloudhsm: KMS key rotation and envelope-encryption calls."""

from __future__ import annotations

import numpy as np

from awslab import ui
from awslab.security import figures, kms


def explore_kms_rotation(rotation_period_days: int = 365, years: int = 5) -> ui.Explorer:
    """Automatic rotation over ``years``: the version new data uses and how many versions KMS keeps.

    >>> next(iter(explore_kms_rotation().last_view.numbers.items()))
    ('rotations', '4')
    """

    def view(rotation_period_days, years):
        schedule = kms.rotation_schedule(int(round(years * 365)), rotation_period_days)
        return ui.figure_with_numbers(
            figures.rotation_figure(schedule.iloc[:: max(1, len(schedule) // 120)]),
            {
                "rotations": str(int(schedule["encrypting_version"].iloc[-1])),
                "versions still decrypting": str(int(schedule["versions_kept"].iloc[-1])),
            },
        )

    return ui.explorer(
        "KMS automatic key rotation",
        [
            ui.Slider(
                "rotation_period_days",
                "rotation period",
                min=90,
                max=2560,
                step=5,
                value=rotation_period_days,
                unit="days",
                integer=True,
                static_values=[90, 180, 365, 730, 1095, 1825, 2560],
            ),
            ui.Number("years", "years shown", value=years, unit="years", integer=True),
        ],
        view,
    )


def explore_envelope_calls(
    object_count: int = 10_000, object_size_kib: int = 1024, data_key_reuse: int = 1
) -> ui.Explorer:
    """KMS requests to encrypt ``object_count`` objects directly (4 KiB per call) or with data keys.

    >>> next(iter(explore_envelope_calls().last_view.numbers.items()))
    ('direct Encrypt calls', '2,560,000')
    """

    def view(data_key_reuse, object_count, object_size_kib):
        count = int(object_count)
        if count < 1 or count > 1_000_000:
            raise ValueError(f"object_count={object_count} is outside the allowed range (1 to 1000000)")
        calls = kms.kms_calls(np.full(count, int(object_size_kib) * 1024), data_key_reuse)
        return ui.figure_with_numbers(
            figures.kms_calls_figure(calls),
            {
                "direct Encrypt calls": f"{calls['direct_encrypt_calls']:,}",
                "GenerateDataKey calls": f"{calls['envelope_generate_data_key_calls']:,}",
            },
        )

    return ui.explorer(
        "Why envelope encryption: KMS requests",
        [
            ui.Slider(
                "data_key_reuse",
                "objects per data key",
                min=1,
                max=10_000,
                step=1,
                value=data_key_reuse,
                integer=True,
                static_values=[1, 10, 100, 1000, 10_000],
            ),
            ui.Number("object_count", "objects", value=object_count, integer=True),
            ui.Number("object_size_kib", "object size", value=object_size_kib, unit="KiB", integer=True),
        ],
        view,
    )
