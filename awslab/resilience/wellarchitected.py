"""A Well-Architected review of a DR design: the framework's questions asked of it, findings with a risk level.

The AWS Well-Architected Framework has six pillars. A review asks each pillar's questions of one workload and rates
each answer's risk; the Well-Architected Tool's own levels are ``HIGH``, ``MEDIUM`` and ``NONE`` (plus
``UNANSWERED`` and ``NOT_APPLICABLE``). Lenses add questions for one kind of workload (the Serverless Applications
Lens, the SAP Lens, or a custom lens you write and import).

The question summaries below are our own words; the identifiers (REL 9 ... REL 13) are the framework's. Only the
reliability questions carry a number here: those are the ones we read; the other pillars' checks name the pillar
only. The review is deterministic: the same design gives the same findings in the same order.

References:
    - AWS Well-Architected Framework, "Cloud Workloads" (the six pillars),
      https://docs.aws.amazon.com/wellarchitected/latest/framework/workloads.html (read 2026-12-03)
    - AWS Well-Architected Framework, "Failure management" (REL 9 back up data, REL 10 fault isolation, REL 11
      withstand component failures, REL 12 test reliability, REL 13 plan for disaster recovery),
      https://docs.aws.amazon.com/wellarchitected/latest/framework/a-failure-management.html (read 2026-12-03)
    - Reliability Pillar, "Back up data" (REL09-BP01 ... BP04: identify, secure and encrypt, automate, test restores),
      https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/back-up-data.html (read 2026-12-03)
    - Serverless Applications Lens, https://docs.aws.amazon.com/wellarchitected/latest/serverless-applications-lens/welcome.html
      and SAP Lens, https://docs.aws.amazon.com/wellarchitected/latest/sap-lens/sap-lens.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.resilience import dr
from awslab.validate import checked

PILLARS = (
    "Operational excellence",
    "Security",
    "Reliability",
    "Performance efficiency",
    "Cost optimization",
    "Sustainability",
)
LENSES = ("Serverless Applications Lens", "SAP Lens", "custom lenses (your own questions, imported into the tool)")
RISKS = ("HIGH", "MEDIUM", "NONE")  # the Well-Architected Tool's risk levels used here
VAULT_LOCKS = ("none", "governance", "compliance")
STRATEGY_RANK = {s: i for i, s in enumerate(dr.STRATEGIES)}

QUESTIONS = {
    "REL 9": "How do you back up data? (identified, encrypted, automatic, restores tested)",
    "REL 10": "How do you use fault isolation to protect the workload? (AZs, Regions)",
    "REL 11": "How does the workload withstand component failures? (detect, fail over automatically)",
    "REL 12": "How do you test reliability? (game days, DR drills)",
    "REL 13": "How do you plan for disaster recovery? (targets defined, strategy meets them)",
    "SEC": "Are backups protected from deletion and encrypted? (Security pillar)",
    "COST": "Does the DR spend buy only what the targets need? (Cost optimization pillar)",
    "SUS": "How much capacity sits idle for DR? (Sustainability pillar)",
}


@dataclass(frozen=True, kw_only=True)
class Practices:
    """What a team does around a design, beyond what the DR model computes.

    >>> Practices().vault_lock
    'none'
    """

    multi_az: bool = True
    backups_automated: bool = True
    backups_encrypted: bool = True
    vault_lock: str = "none"  # none, governance or compliance
    cross_account_copy: bool = False
    restores_tested: bool = False
    dr_drill_days_ago: int | None = None  # None: never drilled
    targets_documented: bool = True


@dataclass(frozen=True)
class Finding:
    """One answer of the review: the question, the risk and why.

    >>> Finding("REL 9", "Reliability", "HIGH", "no restore test").risk
    'HIGH'
    """

    question: str
    pillar: str
    risk: str
    finding: str


@checked
def review(
    workload: dr.Workload,
    design: dr.Design,
    targets: dict,
    budget_usd_per_month: float,
    practices: Practices | None = None,
) -> list[Finding]:
    """Ask the review's questions of one design; findings in a fixed question order.

    >>> [f.risk for f in review(dr.Workload(), dr.Design(), {"RtoInMinutes": 30, "RpoInMinutes": 15}, 250)]
    ['MEDIUM', 'NONE', 'MEDIUM', 'HIGH', 'NONE', 'MEDIUM', 'MEDIUM', 'NONE']
    """
    p = practices or Practices()
    if not isinstance(p, Practices):
        raise TypeError(f"practices must be a Practices, got {type(p).__name__}")
    validate.choice("practices.vault_lock", p.vault_lock, VAULT_LOCKS)
    if p.dr_drill_days_ago is not None:
        validate.integer("practices.dr_drill_days_ago", p.dr_drill_days_ago, minimum=0, maximum=36_500, unit="days")
    outcome = dr.simulate(workload, design)
    graded = dr.grade(outcome, targets, budget_usd_per_month)
    findings = []

    # REL 9: backups
    if not p.backups_automated:
        findings.append(Finding("REL 9", "Reliability", "HIGH", "backups are not automatic (no backup plan)"))
    elif not p.restores_tested:
        findings.append(Finding("REL 9", "Reliability", "MEDIUM", "backups run, but no restore has been tested"))
    else:
        findings.append(Finding("REL 9", "Reliability", "NONE", "automatic backups with tested restores"))
    # REL 10: fault isolation
    if not p.multi_az:
        findings.append(Finding("REL 10", "Reliability", "HIGH", "one Availability Zone: an AZ failure stops it"))
    else:
        findings.append(
            Finding("REL 10", "Reliability", "NONE", f"multi-AZ, with a recovery Region ({design.recovery_region})")
        )
    # REL 11: withstand component failures (detection and automatic failover)
    if outcome.rto_parts["decide"] > 0:
        findings.append(
            Finding(
                "REL 11",
                "Reliability",
                "MEDIUM",
                f"failover waits for a person ({outcome.rto_parts['decide']:g} min to decide)",
            )
        )
    else:
        findings.append(Finding("REL 11", "Reliability", "NONE", "health checks move traffic without a person"))
    # REL 12: testing
    if p.dr_drill_days_ago is None:
        findings.append(Finding("REL 12", "Reliability", "HIGH", "the DR plan has never been drilled"))
    elif p.dr_drill_days_ago > 365:
        findings.append(Finding("REL 12", "Reliability", "MEDIUM", f"last DR drill {p.dr_drill_days_ago} days ago"))
    else:
        findings.append(Finding("REL 12", "Reliability", "NONE", f"DR drill {p.dr_drill_days_ago} days ago"))
    # REL 13: DR plan against its targets
    misses = [r for r in graded.reasons if not r.startswith("cost")]
    if not p.targets_documented:
        findings.append(Finding("REL 13", "Reliability", "HIGH", "no RTO/RPO targets agreed with the business"))
    elif misses:
        findings.append(Finding("REL 13", "Reliability", "HIGH", "; ".join(misses)))
    else:
        findings.append(
            Finding(
                "REL 13",
                "Reliability",
                "NONE",
                f"{dr.STRATEGY_LABELS[design.strategy]} meets RTO and RPO ({outcome.rto_minutes:.0f} min, "
                f"{outcome.rpo_minutes:g} min)",
            )
        )
    # Security: backups protected and encrypted
    if not p.backups_encrypted:
        findings.append(Finding("SEC", "Security", "HIGH", "backups are not encrypted"))
    elif p.vault_lock == "none" and not p.cross_account_copy:
        findings.append(
            Finding(
                "SEC",
                "Security",
                "MEDIUM",
                "one account can delete every backup: no Vault Lock, no copy in another account",
            )
        )
    else:
        findings.append(Finding("SEC", "Security", "NONE", f"backups protected (Vault Lock: {p.vault_lock})"))
    # Cost: a cheaper rung that meets the same targets
    grades = dr.grade_designs(targets, budget_usd_per_month, workload, design)
    cheapest = dr.cheapest_meeting(grades)
    over = [r for r in graded.reasons if r.startswith("cost")]
    if over:
        findings.append(Finding("COST", "Cost optimization", "HIGH", over[0]))
    elif cheapest is not None and STRATEGY_RANK[cheapest] < STRATEGY_RANK[design.strategy]:
        saving = (
            outcome.cost_usd_per_month - next(g for g in grades if g.strategy == cheapest).outcome.cost_usd_per_month
        )
        findings.append(
            Finding(
                "COST",
                "Cost optimization",
                "MEDIUM",
                f"{dr.STRATEGY_LABELS[cheapest]} meets the same targets for ${saving:,.0f}/month less",
            )
        )
    else:
        findings.append(Finding("COST", "Cost optimization", "NONE", "no cheaper rung meets the targets"))
    # Sustainability: idle standby capacity
    idle = outcome.cost_parts["standby servers"]
    if design.strategy == "WARM_STANDBY" and design.standby_fraction > 0.5:
        findings.append(
            Finding("SUS", "Sustainability", "MEDIUM", f"{design.standby_fraction:.0%} of the fleet idles as standby")
        )
    else:
        findings.append(Finding("SUS", "Sustainability", "NONE", f"standby servers cost ${idle:,.0f}/month"))
    return findings


@checked
def risk_counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each risk level (the tool's summary line).

    >>> risk_counts([Finding("REL 9", "Reliability", "HIGH", "x"), Finding("SEC", "Security", "NONE", "y")])
    {'HIGH': 1, 'MEDIUM': 0, 'NONE': 1}
    """
    if not isinstance(findings, list) or not all(isinstance(f, Finding) for f in findings):
        raise TypeError("findings must be a list of Finding (from review)")
    return {risk: sum(f.risk == risk for f in findings) for risk in RISKS}
