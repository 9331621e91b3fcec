"""Your-turn exercises of the migration notebook, their answers computed by the chapter's own models.

Ids are prefixed with the notebook's topic (``migration-strategies-``) so they are unique in the course.

>>> migration_strategies_hr.check("repurchase").right
True

References:
    - The chapter's models (awslab.migration.strategies, cutover) and the pages they cite; no URL recorded here.
"""

from __future__ import annotations

from awslab import exercises
from awslab.migration import cutover, strategies

_HR = strategies.recommend(
    strategies.Workload(
        "hr", code_ownership="vendor", licence="tied-to-hardware", saas_alternative=True, time_pressure="high"
    )
)
migration_strategies_hr = exercises.choice(
    "migration-strategies-1",
    "A licence that cannot leave",
    task=(
        "A vendor's HR application runs on premises under a licence bound to the physical servers. The vendor sells "
        "the same product as SaaS, and the data centre closes in six months (high time pressure). Which of the 7 Rs?"
    ),
    choices=("rehost", "relocate", "repurchase", "retain"),
    answer=_HR.strategy,
    hint="Which strategies does a hardware-bound licence rule out, and which one replaces the licence altogether?",
    solution=(
        f"{_HR.strategy}: the licence blocks moving the software as it is (rehost, relocate, replatform), the code is "
        "not yours to refactor, and retaining it fights the deadline. Buying the SaaS product drops the licence. Try "
        "`strategies.recommend(strategies.Workload('hr', code_ownership='vendor', licence='tied-to-hardware', "
        "saas_alternative=True, time_pressure='high')).reasons`."
    ),
)

_PLAN = cutover.cutover_plan(800, full_load_gib_per_hour=100, writes_per_second=800, apply_per_second=1000)
migration_strategies_catch_up = exercises.number(
    "migration-strategies-2",
    "How long until CDC catches up?",
    task=(
        "DMS loads an 800 GiB database at 100 GiB an hour while the application writes 800 changes a second; the "
        "task then applies 1,000 changes a second. How many hours after the full load ends is the cached backlog "
        "gone?"
    ),
    answer=_PLAN.catch_up_hours,
    unit="h",
    tolerance=0.02,
    hint="The backlog is 800 changes/s times the load's duration; it shrinks at 1,000 - 800 changes a second.",
    solution=(
        f"{_PLAN.catch_up_hours:g} hours: the load takes 8 h, so 800 x 8 x 3,600 = 23,040,000 changes are cached; "
        "they drain at 200 a second, 115,200 s. Check with `cutover.cutover_plan(800, full_load_gib_per_hour=100, "
        "writes_per_second=800, apply_per_second=1000).catch_up_hours`."
    ),
)

_ERP_WAVE = next(
    p.wave for p in strategies.plan_portfolio(strategies.SAMPLE_PORTFOLIO).workloads if p.name == "erp-app"
)
migration_strategies_wave = exercises.number(
    "migration-strategies-3",
    "Which wave for the ERP application?",
    task=(
        "In the sample portfolio, erp-app depends on oracle-erp-db, which depends on active-directory; all three "
        "migrate. In which wave (1 = first) can erp-app move at the earliest?"
    ),
    answer=_ERP_WAVE,
    tolerance=0,
    hint="A workload's wave is one after the latest wave of the dependencies that migrate.",
    solution=(
        f"Wave {_ERP_WAVE}: active-directory has no dependencies (wave 1), oracle-erp-db follows it (wave 2), and "
        "erp-app follows the database. `strategies.plan_portfolio(strategies.SAMPLE_PORTFOLIO).waves` lists them."
    ),
)
