"""Explorers for 04_mfa_cloudtrail: TOTP clock drift and CloudTrail log-file validation."""

from __future__ import annotations

from awslab import ui
from awslab.security import cloudtrail, figures, mfa


def explore_mfa_drift(drift_seconds: int = 20, window_steps: int = 1, delay_seconds: float = 5.0) -> ui.Explorer:
    """Chance a TOTP code is accepted as the device clock drifts, for server windows of 0, 1 and 2 steps.

    >>> next(iter(explore_mfa_drift().last_view.numbers.items()))
    ('accepted at this drift', '100%')
    """
    curve = [float(d) for d in range(-120, 121, 5)]

    def view(drift_seconds, window_steps, delay_seconds):
        probabilities = {
            w: mfa.acceptance_probability(curve, w, delay_seconds=delay_seconds).tolist() for w in sorted({0, 1, 2})
        }
        here = float(mfa.acceptance_probability(drift_seconds, window_steps, delay_seconds=delay_seconds)[0])
        fig = figures.mfa_drift_figure(curve, probabilities)
        fig.add_vline(x=drift_seconds, line_dash="dash", line_color="#232f3e")
        return ui.figure_with_numbers(
            fig,
            {"accepted at this drift": f"{here:.0%}", "server window": f"±{window_steps} step(s) of 30 s"},
        )

    return ui.explorer(
        "MFA codes and clock drift",
        [
            ui.Slider(
                "drift_seconds",
                "device clock drift",
                min=-120,
                max=120,
                step=10,
                value=drift_seconds,
                unit="s",
                integer=True,
            ),
            ui.Slider(
                "window_steps", "server window", min=0, max=2, step=1, value=window_steps, unit="steps", integer=True
            ),
            ui.Number("delay_seconds", "typing delay", value=delay_seconds, unit="s"),
        ],
        view,
    )


def explore_cloudtrail(how: str = "modify_log", target: int = 1, hours: int = 4, *, seed: int = 0) -> ui.Explorer:
    """Tamper with a delivered trail and validate it as `aws cloudtrail validate-logs` would.

    >>> explore_cloudtrail().last_view.numbers["verdict"]
    'tampering detected'
    """
    key = cloudtrail.generate_signing_key()
    trail = cloudtrail.build_trail(cloudtrail.sample_events(hours, seed=seed), key, files_per_hour=3)

    def view(how, target):
        attacked = trail if how == "none" else cloudtrail.tamper(trail, how, target)
        result = cloudtrail.validate_trail(attacked, key.public_key())
        bad = {k: v for k, v in {**result.digest_files, **result.log_files}.items() if v != "valid"}
        return ui.figure_with_numbers(
            figures.digest_chain_figure(attacked, result),
            {
                "verdict": "intact" if result.intact else "tampering detected",
                "files flagged": str(len(bad)),
                "first flag": next(iter(bad.values()), "none"),
            },
        )

    return ui.explorer(
        "CloudTrail log file integrity",
        [
            ui.Choice("how", "tampering", options=["none", *cloudtrail.TAMPERING_METHODS], value=how),
            ui.Number("target", "which file (index)", value=target, integer=True),
        ],
        view,
    )
