"""Exercises for 01_dr_strategies: read an RTO from its parts, and pick the cheapest strategy that meets targets.

>>> pilot_light_rto.check(pilot_light_rto.answer).right
True

References:
    - Amazon Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is healthy",
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.resilience import dr

_PILOT = dr.simulate(dr.Workload(), dr.Design(strategy="PILOT_LIGHT", request_interval=10, dns_ttl_seconds=300))
pilot_light_rto = exercises.number(
    "dr-strategies-1",
    "A pilot light's RTO from its parts",
    task=(
        "The default workload runs as a **pilot light**, with fast Route 53 health checks (10 s interval, failure "
        "threshold 3) and a DNS TTL of **300 s**. The other planning numbers are the model's defaults (decide "
        f"{dr.DECIDE_MINUTES:g} min, promote the Aurora secondary {dr.PROMOTE_MINUTES:g} min, launch servers "
        f"{dr.LAUNCH_MINUTES:g} min). What is the RTO, in minutes?"
    ),
    answer=round(_PILOT.rto_minutes, 2),
    unit="min",
    hint="Add the five parts: detect (interval x threshold), decide, restore data, scale compute, redirect (TTL).",
    solution=(" + ".join(f"{k} {v:g}" for k, v in _PILOT.rto_parts.items()) + f" = **{_PILOT.rto_minutes:g} min**."),
)

_TARGETS = {"RtoInMinutes": 30, "RpoInMinutes": 15}
_GRADES = dr.grade_designs(_TARGETS, 200)
_BEST = dr.cheapest_meeting(_GRADES)
cheapest_strategy = exercises.choice(
    "dr-strategies-2",
    "The cheapest strategy for the targets",
    task=(
        "The business asks for **RTO 30 minutes, RPO 15 minutes**, and the recovery Region may add at most "
        "**$200 a month**. For the default workload and design, which strategy meets all three?"
    ),
    choices=[dr.STRATEGY_LABELS[s] for s in dr.STRATEGIES],
    answer=dr.STRATEGY_LABELS[_BEST],
    hint="Run `dr.grade_designs({'RtoInMinutes': 30, 'RpoInMinutes': 15}, 200)` and read each reason.",
    solution="; ".join(f"{dr.STRATEGY_LABELS[g.strategy]}: {'meets all' if g.meets else g.reasons[0]}" for g in _GRADES)
    + ".",
)
