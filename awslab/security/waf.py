"""AWS WAF rate-based rules: how many of a flood's requests get through, and whether normal users are hurt.

A rate-based rule counts the requests from each IP address over a trailing evaluation window and applies its
action (here: block) while the count is above the limit. AWS WAF Developer Guide, waf-rule-statement-type-rate-based
(read 2026-11-27): limit 10 to 2,000,000,000 requests; evaluation window 60, 120, 300 (default) or 600 seconds.
AWS WAF samples the rate periodically and takes some seconds to react; this model applies the rule to every
request at once, so it shows the rule's intent, not WAF's reaction delay.

References:
    - AWS WAF Developer Guide, "Using rate-based rule statements in AWS WAF",
      https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

RATE_LIMIT_RANGE = (10, 2_000_000_000)
EVALUATION_WINDOWS_SECONDS = (60, 120, 300, 600)


@dataclass(frozen=True)
class RateRuleResult:
    """Per-bin request counts (bins of ``bin_seconds``) for the attacker and for everyone else, allowed or blocked.

    >>> r = simulate_rate_rule(100, 60, attacker_rps=5, seed=0)
    >>> round(r.first_block_seconds, 1)
    23.2
    """

    bin_start_seconds: np.ndarray
    attacker_allowed: np.ndarray
    attacker_blocked: np.ndarray
    others_allowed: np.ndarray
    others_blocked: np.ndarray
    first_block_seconds: float | None

    @property
    def attacker_blocked_fraction(self) -> float:
        """Share of the attacker's requests that were blocked (0 to 1)."""
        total = self.attacker_allowed.sum() + self.attacker_blocked.sum()
        return float(self.attacker_blocked.sum() / total) if total else 0.0

    @property
    def others_blocked_fraction(self) -> float:
        """Share of the other clients' requests that were blocked (0 to 1): false positives."""
        total = self.others_allowed.sum() + self.others_blocked.sum()
        return float(self.others_blocked.sum() / total) if total else 0.0


def _blocked(times: np.ndarray, limit: int, window_seconds: int) -> np.ndarray:
    """For sorted request times from one IP: True where the count in the trailing window exceeds ``limit``."""
    in_window = np.arange(times.size) - np.searchsorted(times, times - window_seconds, side="right") + 1
    return in_window > limit


@checked
def simulate_rate_rule(
    limit: int = 100,
    window_seconds: int = 300,
    attacker_rps: float = 2.0,
    *,
    client_count: int = 50,
    client_rps: float = 0.1,
    duration_seconds: int = 1800,
    bin_seconds: int = 60,
    seed: int = 0,
) -> RateRuleResult:
    """One attacking IP at ``attacker_rps`` and ``client_count`` normal IPs at ``client_rps`` requests per second.

    Arrivals are Poisson (seeded). Returns what a block rule with ``limit`` requests per ``window_seconds`` lets
    through, in bins of ``bin_seconds``.

    >>> r = simulate_rate_rule(100, 60, attacker_rps=5, seed=0)
    >>> int(r.attacker_blocked.sum()) > 0, int(r.others_blocked.sum())
    (True, 0)
    """
    limit = validate.integer("limit", limit, minimum=RATE_LIMIT_RANGE[0], maximum=RATE_LIMIT_RANGE[1], unit="requests")
    window_seconds = validate.integer("window_seconds", window_seconds, minimum=60, maximum=600, unit="s")
    if window_seconds not in EVALUATION_WINDOWS_SECONDS:
        raise ValueError(
            f"window_seconds={window_seconds} is not one of the evaluation windows AWS WAF offers: "
            f"{', '.join(map(str, EVALUATION_WINDOWS_SECONDS))}"
        )
    attacker_rps = validate.number("attacker_rps", attacker_rps, minimum=0, maximum=1000, unit="requests/s")
    client_count = validate.integer("client_count", client_count, minimum=0, maximum=10_000)
    client_rps = validate.number("client_rps", client_rps, minimum=0, maximum=100, unit="requests/s")
    duration_seconds = validate.integer("duration_seconds", duration_seconds, minimum=60, maximum=86_400, unit="s")
    bin_seconds = validate.integer("bin_seconds", bin_seconds, minimum=1, maximum=duration_seconds, unit="s")
    rng = np.random.default_rng(seed)
    edges = np.arange(0, duration_seconds + bin_seconds, bin_seconds, dtype=float)

    def arrivals(rate: float) -> np.ndarray:
        return np.sort(rng.uniform(0, duration_seconds, rng.poisson(rate * duration_seconds)))

    attack = arrivals(attacker_rps)
    attack_blocked = _blocked(attack, limit, window_seconds)
    others_allowed = np.zeros(edges.size - 1)
    others_blocked = np.zeros(edges.size - 1)
    for _ in range(client_count):
        times = arrivals(client_rps)
        blocked = _blocked(times, limit, window_seconds)
        others_allowed += np.histogram(times[~blocked], edges)[0]
        others_blocked += np.histogram(times[blocked], edges)[0]
    first = float(attack[attack_blocked][0]) if attack_blocked.any() else None
    return RateRuleResult(
        edges[:-1],
        np.histogram(attack[~attack_blocked], edges)[0].astype(float),
        np.histogram(attack[attack_blocked], edges)[0].astype(float),
        others_allowed,
        others_blocked,
        first,
    )
