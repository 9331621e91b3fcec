"""Explorers for the resilience notebooks: controls -> DR model -> figure, all built through awslab.ui."""

from __future__ import annotations

from dataclasses import replace

from awslab import ui, validate
from awslab.resilience import dr, figures, wellarchitected

BACKUP_INTERVALS_HOURS = [1, 4, 12, 24]


def _short(value: float) -> str:
    return f"{value:,.0f} min" if value >= 10 else f"{value:.1f} min"


def explore_strategies(
    backup_interval_hours: float = 24,
    failover: str = "dns",
    dns_ttl_seconds: int = 60,
    standby_fraction: float = 0.25,
    workload: dr.Workload | None = None,
) -> ui.Explorer:
    """The four strategies through one Region failure: the timeline of each, as the backup cadence changes.

    >>> explore_strategies().last_view.numbers["RTO by strategy"]
    '94 min · 28 min · 20 min · 2.5 min'
    """
    base = workload or dr.Workload()

    def view(backup_interval_hours, failover, dns_ttl_seconds, standby_fraction):
        design = dr.Design(
            backup_interval_hours=backup_interval_hours,
            failover=failover,
            dns_ttl_seconds=dns_ttl_seconds,
            standby_fraction=standby_fraction,
        )
        outcomes = dr.ladder(base, design)
        return ui.View(
            figures.timeline_figure(outcomes, f"A Region fails: backups every {backup_interval_hours:g} h"),
            {
                "RTO by strategy": " · ".join(_short(o.rto_minutes) for o in outcomes),
                "RPO by strategy": " · ".join(_short(o.rpo_minutes) for o in outcomes),
                "DR cost by strategy": " · ".join(f"${o.cost_usd_per_month:,.0f}" for o in outcomes),
            },
        )

    return ui.explorer(
        "DR strategies: a Region failure",
        [
            ui.Choice(
                "backup_interval_hours",
                "backup every",
                options=[(f"{h} h", h) for h in BACKUP_INTERVALS_HOURS],
                value=backup_interval_hours,
            ),
            ui.Choice(
                "failover",
                "traffic moves by",
                options=[("DNS (TTL)", "dns"), ("Global Accelerator", "global_accelerator")],
                value=failover,
            ),
            ui.Slider(
                "dns_ttl_seconds", "DNS TTL", min=0, max=600, step=30, value=dns_ttl_seconds, unit="s", integer=True
            ),
            ui.Slider(
                "standby_fraction", "warm standby share of fleet", min=0.05, max=1, step=0.05, value=standby_fraction
            ),
        ],
        view,
    )


def explore_grader(
    rto_target_minutes: float = 15,
    rpo_target_minutes: float = 1,
    budget_usd_per_month: float = 500,
    object_replication: str = "crr_rtc",
    workload: dr.Workload | None = None,
) -> ui.Explorer:
    """Set the targets and the budget: which strategies meet them, and the named reason for each that fails.

    >>> explore_grader(rto_target_minutes=30, rpo_target_minutes=15, budget_usd_per_month=250).last_view.numbers["cheapest that meets all"]
    'pilot light'
    """
    base = workload or dr.Workload()

    def view(rto_target_minutes, rpo_target_minutes, budget_usd_per_month, object_replication):
        targets = {"RtoInMinutes": rto_target_minutes, "RpoInMinutes": rpo_target_minutes}
        grades = dr.grade_designs(targets, budget_usd_per_month, base, dr.Design(object_replication=object_replication))
        best = dr.cheapest_meeting(grades)
        numbers = {"cheapest that meets all": dr.STRATEGY_LABELS[best] if best else "none"}
        for g in grades:
            numbers[dr.STRATEGY_LABELS[g.strategy]] = "meets every target" if g.meets else "; ".join(g.reasons)
        return ui.View(
            figures.ladder_figure([g.outcome for g in grades], rto_target_minutes, budget_usd_per_month), numbers
        )

    return ui.explorer(
        "DR grader: targets and budget",
        [
            ui.Slider(
                "rto_target_minutes",
                "RTO target",
                min=1,
                max=240,
                step=1,
                value=rto_target_minutes,
                unit="min",
                static_values=[1, 5, 15, 30, 60, 120, 240],
            ),
            ui.Number("rpo_target_minutes", "RPO target", value=rpo_target_minutes, unit="min"),
            ui.Number("budget_usd_per_month", "budget", value=budget_usd_per_month, unit="USD/month"),
            ui.Choice(
                "object_replication",
                "S3 objects",
                options=[("replicated with RTC", "crr_rtc"), ("in the backups", "backup_copy")],
                value=object_replication,
            ),
        ],
        view,
    )


def explore_review(
    strategy: str = "WARM_STANDBY",
    restores_tested: bool = False,
    vault_lock: str = "none",
    dr_drill_days_ago: int = -1,
    rto_target_minutes: float = 30,
    rpo_target_minutes: float = 15,
    budget_usd_per_month: float = 250,
) -> ui.Explorer:
    """A Well-Architected review of one design: findings by risk as the strategy changes (-1 days: never drilled).

    >>> explore_review().last_view.numbers["risks"]
    'HIGH 1 · MEDIUM 4 · NONE 3'
    """

    def view(strategy, restores_tested, vault_lock, dr_drill_days_ago):
        validate.integer("dr_drill_days_ago", dr_drill_days_ago, minimum=-1, maximum=36_500, unit="days (-1: never)")
        practices = wellarchitected.Practices(
            restores_tested=restores_tested,
            vault_lock=vault_lock,
            dr_drill_days_ago=None if dr_drill_days_ago < 0 else dr_drill_days_ago,
        )
        findings = wellarchitected.review(
            dr.Workload(),
            replace(dr.Design(), strategy=strategy),
            {"RtoInMinutes": rto_target_minutes, "RpoInMinutes": rpo_target_minutes},
            budget_usd_per_month,
            practices,
        )
        counts = wellarchitected.risk_counts(findings)
        numbers = {"risks": " · ".join(f"{k} {v}" for k, v in counts.items())}
        numbers |= {f"{f.question} ({f.risk})": f.finding for f in findings if f.risk != "NONE"}
        return ui.View(figures.findings_figure(counts, f"Review: {dr.STRATEGY_LABELS[strategy]}"), numbers)

    return ui.explorer(
        "Well-Architected review of a DR design",
        [
            ui.Choice(
                "strategy", "strategy", options=[(dr.STRATEGY_LABELS[s], s) for s in dr.STRATEGIES], value=strategy
            ),
            ui.Toggle("restores_tested", "restores tested", value=restores_tested),
            ui.Choice("vault_lock", "Vault Lock", options=list(wellarchitected.VAULT_LOCKS), value=vault_lock),
            ui.Number("dr_drill_days_ago", "last DR drill (days ago, -1 never)", value=dr_drill_days_ago, integer=True),
        ],
        view,
    )


def explore_failover_path(
    failure_threshold: int = 3,
    request_interval: int = 30,
    dns_ttl_seconds: int = 60,
    failover: str = "dns",
) -> ui.Explorer:
    """How health checks and the way traffic moves set the detect and redirect parts of a warm standby's RTO.

    >>> explore_failover_path().last_view.numbers["detect + redirect"]
    '1.5 min + 1.0 min = 2.5 min'
    """

    def view(failure_threshold, request_interval, dns_ttl_seconds, failover):
        design = dr.Design(
            strategy="WARM_STANDBY",
            request_interval=request_interval,
            failure_threshold=failure_threshold,
            dns_ttl_seconds=dns_ttl_seconds,
            failover=failover,
        )
        outcomes = [
            dr.simulate(dr.Workload(), design),
            dr.simulate(dr.Workload(), replace(design, strategy="ACTIVE_ACTIVE")),
        ]
        parts = outcomes[0].rto_parts
        return ui.View(
            figures.timeline_figure(outcomes, f"Health check {request_interval} s x {failure_threshold}"),
            {
                "detect + redirect": f"{parts['detect']:.1f} min + {parts['redirect traffic']:.1f} min = "
                f"{parts['detect'] + parts['redirect traffic']:.1f} min",
                "warm standby RTO": f"{outcomes[0].rto_minutes:.1f} min",
                "active/active RTO": f"{outcomes[1].rto_minutes:.1f} min",
            },
        )

    return ui.explorer(
        "Failover path: health checks and DNS",
        [
            ui.Slider(
                "failure_threshold", "failure threshold", min=1, max=10, step=1, value=failure_threshold, integer=True
            ),
            ui.Choice(
                "request_interval",
                "request interval",
                options=[("10 s (fast)", 10), ("30 s (standard)", 30)],
                value=request_interval,
            ),
            ui.Slider(
                "dns_ttl_seconds", "DNS TTL", min=0, max=600, step=30, value=dns_ttl_seconds, unit="s", integer=True
            ),
            ui.Choice(
                "failover",
                "traffic moves by",
                options=[("DNS (TTL)", "dns"), ("Global Accelerator", "global_accelerator")],
                value=failover,
            ),
        ],
        view,
    )
