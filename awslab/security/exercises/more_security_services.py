"""Exercises for 05_more_security_services, answered by the rate-based rule simulation of awslab.security.waf.

>>> lowest_safe_limit.answer, round(flood_blocked.answer, 1)
(50, 98.9)

References:
    - AWS WAF Developer Guide, "Using rate-based rule statements in AWS WAF" (a rule counts incoming requests
      and rate limits while they come too fast), https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html
      (read 2026-11-27)
"""

from __future__ import annotations

from awslab import exercises
from awslab.security import waf

CANDIDATE_LIMITS = tuple(range(10, 110, 10))


def _lowest_safe_limit(window_seconds: int = 300, attacker_rps: float = 2.0) -> int:
    for limit in CANDIDATE_LIMITS:
        if waf.simulate_rate_rule(limit, window_seconds, attacker_rps, seed=0).others_blocked_fraction == 0:
            return limit
    raise AssertionError("no candidate limit leaves the normal clients alone")  # pragma: no cover


lowest_safe_limit = exercises.number(
    "more-security-services-1",
    "A limit that spares your users",
    task=(
        "In the rate-rule simulation (seed 0, 5-minute window, attacker at 2 requests/s, 50 normal clients at "
        "0.1 requests/s each), what is the lowest limit among 10, 20, ..., 100 at which *no* request of a normal "
        "client is blocked?"
    ),
    answer=_lowest_safe_limit(),
    tolerance=0,
    hint="Move the limit in the WAF explorer down from 100 and watch the 'normal users blocked' share.",
    solution=(
        "50. A normal client averages 0.1 x 300 = 30 requests per window, but arrivals are random: some windows "
        "hold 40 or more, so limits of 30 and 40 still block real users. Leave headroom above the average."
    ),
)

flood_blocked = exercises.number(
    "more-security-services-2",
    "How much of a flood is blocked?",
    task=(
        "Limit 100 requests per 60-second window; one IP sends 5 requests/s for 30 minutes (seed 0). What "
        "percentage of its requests does the rule block?"
    ),
    answer=waf.simulate_rate_rule(100, 60, 5, seed=0).attacker_blocked_fraction * 100,
    unit="%",
    hint="The model's window counts every request the IP sends, blocked ones included. Try 100 and 60 s in the explorer.",
    solution=(
        "About 98.9%: after its first 100 requests (some 20 s) the IP sends 300 a minute and never falls back "
        "under the limit, because the rule counts incoming requests, blocked ones too; only those first ~100 of "
        "~9,000 get through. The tempting 2/3 (100 allowed of every 300) counts only the allowed ones. (The model "
        "blocks at once; AWS WAF reacts after some seconds, so a few more get through.)"
    ),
)
