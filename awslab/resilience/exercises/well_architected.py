"""Exercises for 03_well_architected: how many high risks, and which question a finding answers.

>>> high_risks.check(high_risks.answer).right, drill_question.check("REL 12").right
(True, True)

References:
    - AWS Well-Architected Framework, "Failure management" (REL 9 to REL 13),
      https://docs.aws.amazon.com/wellarchitected/latest/framework/a-failure-management.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.resilience import dr, wellarchitected

_FINDINGS = wellarchitected.review(
    dr.Workload(),
    dr.Design(strategy="BACKUP_AND_RESTORE"),
    {"RtoInMinutes": 60, "RpoInMinutes": 240},
    250,
    wellarchitected.Practices(restores_tested=True, vault_lock="compliance"),
)
_COUNTS = wellarchitected.risk_counts(_FINDINGS)
high_risks = exercises.number(
    "well-architected-1",
    "High risks of a backup-and-restore design",
    task=(
        "Review the default workload as **backup and restore** against RTO 60 min and RPO 240 min, budget $250, "
        "with restores tested and a compliance-mode Vault Lock (never drilled). How many findings are HIGH risk?"
    ),
    answer=_COUNTS["HIGH"],
    unit="findings",
    tolerance=0,
    hint="Run `wellarchitected.review(...)` and count the findings whose risk is 'HIGH'.",
    solution="; ".join(f"{f.question}: {f.finding}" for f in _FINDINGS if f.risk == "HIGH") + ".",
)

drill_question = exercises.choice(
    "well-architected-2",
    "Which question asks about DR drills?",
    task="A reviewer asks when the team last failed over to the recovery Region on purpose. Which question is it?",
    choices=("REL 9", "REL 11", "REL 12", "REL 13"),
    answer="REL 12",
    hint="One question is about backups, one about withstanding failures, one about testing, one about the DR plan.",
    solution=f"REL 12: {wellarchitected.QUESTIONS['REL 12']}",
)
