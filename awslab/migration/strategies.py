"""The 7 Rs of migration as a decision model: one workload's attributes in, a recommended strategy out, with reasons,
ranked alternatives and effort/benefit scores; and a portfolio of workloads planned into dependency-ordered waves.

The seven strategies are AWS's own list (retire, retain, rehost, relocate, repurchase, replatform, refactor; the
Migration Hub Strategy Recommendations API spells them ``Retirement | Retain | Rehost | Relocate | Repurchase |
Replatform | Refactor``). **The effort and benefit numbers are this course's own illustrative scores** (0-10, a
teaching device, not AWS figures): what matters is their order and how the workload's attributes move them.

    score = benefit - weight(time_pressure) * effort        (weight: low 0.4, medium 0.8, high 1.5)

Hard constraints remove a strategy (with the reason shown): relocate needs VMware vSphere at the source (it moves
to VMware Cloud on AWS without converting the VMs); repurchase needs a SaaS or other product to buy; refactor needs
code the organisation owns; a licence tied to on-premises hardware blocks moving that software as it is (rehost,
relocate, replatform); data that must stay on premises blocks every move; and retire is for workloads nobody needs.

>>> r = recommend(Workload("crm", code_ownership="vendor", saas_alternative=True, target_operating_model="managed"))
>>> r.strategy, r.runner_up
('repurchase', 'rehost')

References:
    - AWS Prescriptive Guidance, "Migration strategies" (the 7 Rs) and "Mobilize your organization to accelerate
      large-scale migrations", https://docs.aws.amazon.com/prescriptive-guidance/latest/large-migration-guide/migration-strategies.html
      (read 2026-12-03; the page was not in the search index, the seven names were checked against the next entry).
    - Migration Hub Strategy Recommendations API Reference, "StrategySummary" (valid values Rehost | Retirement |
      Refactor | Replatform | Retain | Relocate | Repurchase),
      https://docs.aws.amazon.com/migrationhub-strategy/latest/APIReference/API_StrategySummary.html (read 2026-12-03).
    - AWS Migration Immersion Day, "Migration Planning" (relocate means migrating into VMware Cloud on AWS),
      https://migration-immersionday.workshop.aws/en/apn/mpa/5.migrationplanning.html (read 2026-12-03).
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from functools import lru_cache

from awslab import validate

STRATEGIES = ("retire", "retain", "relocate", "rehost", "replatform", "repurchase", "refactor")

# Our own illustrative scores (0-10), not AWS numbers: (effort, benefit) before the workload's attributes move them.
BASE_SCORES = {
    "retire": (1.0, 9.0),
    "retain": (0.0, 0.0),
    "relocate": (1.0, 3.0),
    "rehost": (2.0, 5.0),
    "replatform": (5.0, 6.0),
    "repurchase": (6.0, 7.0),
    "refactor": (9.0, 9.0),
}
EFFORT_WEIGHT = {"low": 0.4, "medium": 0.8, "high": 1.5}
LICENCES = ("portable", "byol", "tied-to-hardware")
CODE_OWNERSHIP = ("owned", "vendor")
TIME_PRESSURE = tuple(EFFORT_WEIGHT)
OPERATING_MODELS = ("same", "managed", "cloud-native")
COMPLIANCE = ("none", "audited", "on-premises-only")
HYPERVISORS = ("vmware", "other")
MAX_DEPENDENCIES = 50
# What each strategy lands on in AWS (examples, not a rule).
LANDS_ON = {
    "retire": "nothing: decommission it and archive its data",
    "retain": "stays where it is; revisit later",
    "relocate": "VMware Cloud on AWS, the same VMs",
    "rehost": "EC2, copied by AWS Application Migration Service (MGN)",
    "replatform": "managed services (RDS by DMS, Elastic Beanstalk, ECS) with small changes",
    "repurchase": "a SaaS or Marketplace product, data moved by its import tools",
    "refactor": "a new architecture (containers, serverless, purpose-built databases)",
}


@dataclass(frozen=True)
class Workload:
    """One application (or server group) to place: its attributes decide the strategy.

    >>> Workload("payroll", licence="byol").licence
    'byol'
    """

    name: str
    _: KW_ONLY
    still_needed: bool = True
    licence: str = "portable"
    code_ownership: str = "owned"
    saas_alternative: bool = False
    time_pressure: str = "medium"
    target_operating_model: str = "managed"
    hypervisor: str = "other"
    compliance: str = "none"
    dependencies: tuple[str, ...] = ()

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"name={self.name!r} is not allowed: give the workload a non-empty name")
        validate.choice("licence", self.licence, LICENCES)
        validate.choice("code_ownership", self.code_ownership, CODE_OWNERSHIP)
        validate.choice("time_pressure", self.time_pressure, TIME_PRESSURE)
        validate.choice("target_operating_model", self.target_operating_model, OPERATING_MODELS)
        validate.choice("hypervisor", self.hypervisor, HYPERVISORS)
        validate.choice("compliance", self.compliance, COMPLIANCE)
        if not isinstance(self.dependencies, tuple) or not all(isinstance(d, str) for d in self.dependencies):
            raise ValueError(f"dependencies={self.dependencies!r} is not allowed: give a tuple of workload names")
        if len(self.dependencies) > MAX_DEPENDENCIES:
            raise ValueError(f"dependencies has {len(self.dependencies)} names; at most {MAX_DEPENDENCIES} are allowed")


@dataclass(frozen=True)
class Option:
    """One strategy scored for one workload; ``eligible`` False means a hard constraint removed it (``note`` says why).

    >>> Option("retain", 0.0, 0.0, 0.0, True, "").strategy
    'retain'
    """

    strategy: str
    effort: float
    benefit: float
    score: float
    eligible: bool
    note: str


@dataclass(frozen=True)
class Recommendation:
    """The strategy for a workload, why, and the ranked alternatives (eligible ones first, best score first).

    >>> recommend(Workload("old-report", still_needed=False)).strategy
    'retire'
    """

    workload: str
    strategy: str
    effort: float
    benefit: float
    score: float
    runner_up: str
    reasons: tuple[str, ...]
    ranked: tuple[Option, ...]
    lands_on: str


def _blocked(w: Workload) -> dict[str, str]:
    """The strategies a hard constraint removes, each with the reason."""
    blocked = {}
    if w.still_needed:
        blocked["retire"] = "the workload is still needed"
    else:
        for s in STRATEGIES:
            if s != "retire":
                blocked[s] = "nobody needs the workload: moving it pays for something unused"
        return blocked
    if w.compliance == "on-premises-only":
        for s in STRATEGIES:
            if s not in ("retire", "retain"):
                blocked[s] = "its data must stay on premises for now"
        return blocked
    if w.hypervisor != "vmware":
        blocked["relocate"] = "relocate moves vSphere VMs to VMware Cloud on AWS; this workload is not on VMware"
    if not w.saas_alternative:
        blocked["repurchase"] = "no SaaS or other product to buy"
    if w.code_ownership != "owned":
        blocked["refactor"] = "the code belongs to a vendor: nobody here can re-architect it"
    if w.licence == "tied-to-hardware":
        for s in ("rehost", "relocate", "replatform"):
            blocked.setdefault(
                s, "its licence is tied to the on-premises hardware, so the software cannot move as it is"
            )
    return blocked


def _adjusted(w: Workload, strategy: str) -> tuple[float, float, list[str]]:
    """Effort and benefit after the workload's attributes, with the reasons that moved them."""
    effort, benefit = BASE_SCORES[strategy]
    why = []
    model = w.target_operating_model
    if strategy in ("replatform", "refactor", "repurchase"):
        bonus = {"same": -2.0, "managed": 2.0, "cloud-native": 1.0}[model]
        if strategy == "refactor":
            bonus = {"same": -4.0, "managed": 0.0, "cloud-native": 3.0}[model]
        benefit += bonus
        if bonus:
            why.append(f"target operating model '{model}' {'raises' if bonus > 0 else 'lowers'} its benefit")
    if strategy in ("relocate", "rehost") and model == "same":
        benefit += 2.0 if strategy == "relocate" else 1.0
        why.append(
            "the team wants to keep operating servers as today"
            + (" with its vSphere tools" if strategy == "relocate" else "")
        )
    if strategy == "replatform" and w.code_ownership == "vendor":
        effort += 1.0
        benefit -= 1.0
        why.append("vendor software limits what can change (supported managed engines only)")
    if strategy in ("refactor", "replatform") and w.dependencies:
        extra = (0.5 if strategy == "refactor" else 0.25) * len(w.dependencies)
        effort += extra
        why.append(f"{len(w.dependencies)} dependencies add {extra:g} effort")
    if w.licence == "byol" and strategy == "repurchase":
        benefit += 1.0
        why.append("buying a product drops the bring-your-own-licence bookkeeping (Dedicated Hosts, licence counts)")
    if w.licence == "byol" and strategy in ("rehost", "relocate"):
        effort += 1.0
        why.append("BYOL may need Dedicated Hosts and License Manager rules")
    if w.compliance == "audited" and strategy not in ("retire", "retain"):
        effort += 0.5
        why.append("audit evidence for the new environment adds effort")
    if strategy == "retain":
        penalty = {"low": 0.0, "medium": -1.0, "high": -3.0}[w.time_pressure]
        benefit += penalty
        if penalty:
            why.append(f"{w.time_pressure} time pressure (a data-centre exit) makes staying costly")
    return effort, benefit, why


@lru_cache(maxsize=4096)
def recommend(workload: Workload) -> Recommendation:
    """Score the 7 Rs for one workload and pick the best eligible one (ties go to the less effort).

    >>> r = recommend(Workload("web", time_pressure="high", target_operating_model="cloud-native"))
    >>> r.strategy, [o.strategy for o in r.ranked][:3]
    ('rehost', ['rehost', 'replatform', 'refactor'])
    >>> recommend(Workload("web", time_pressure="low", target_operating_model="cloud-native")).strategy
    'refactor'
    """
    if not isinstance(workload, Workload):
        raise ValueError(f"workload={workload!r} is not allowed: give a Workload")
    blocked = _blocked(workload)
    weight = EFFORT_WEIGHT[workload.time_pressure]
    options, reasons_of = [], {}
    for s in STRATEGIES:
        effort, benefit, why = _adjusted(workload, s)
        score = round(benefit - weight * effort, 2)
        options.append(Option(s, round(effort, 2), round(benefit, 2), score, s not in blocked, blocked.get(s, "")))
        reasons_of[s] = why
    ranked = tuple(sorted(options, key=lambda o: (not o.eligible, -o.score, o.effort, STRATEGIES.index(o.strategy))))
    best, second = ranked[0], ranked[1]
    reasons = [
        f"score {best.benefit:g} benefit - {weight:g} x {best.effort:g} effort = {best.score:g} "
        f"({workload.time_pressure} time pressure)"
    ]
    reasons += reasons_of[best.strategy]
    reasons += [f"not {o.strategy}: {o.note}" for o in ranked if not o.eligible and o.strategy != "retire"][:3]
    if best.strategy != "retire" and second.eligible:
        reasons.append(f"runner-up {second.strategy} scores {second.score:g}")
    return Recommendation(
        workload=workload.name,
        strategy=best.strategy,
        effort=best.effort,
        benefit=best.benefit,
        score=best.score,
        runner_up=second.strategy if second.eligible else "none",
        reasons=tuple(reasons),
        ranked=ranked,
        lands_on=LANDS_ON[best.strategy],
    )


# A sample portfolio of 12 workloads (invented, for teaching): the names are what `dependencies` refer to.
SAMPLE_PORTFOLIO = (
    Workload("active-directory", code_ownership="vendor", target_operating_model="managed"),
    Workload(
        "oracle-erp-db",
        code_ownership="vendor",
        licence="byol",
        target_operating_model="managed",
        compliance="audited",
        dependencies=("active-directory",),
    ),
    Workload(
        "erp-app",
        code_ownership="vendor",
        licence="byol",
        target_operating_model="same",
        dependencies=("oracle-erp-db", "active-directory"),
    ),
    Workload(
        "web-shop", time_pressure="low", target_operating_model="cloud-native", dependencies=("catalog-api", "payments")
    ),
    Workload("catalog-api", target_operating_model="managed", dependencies=("catalog-db",)),
    Workload("catalog-db", target_operating_model="managed"),
    Workload("payments", compliance="on-premises-only", dependencies=("active-directory",)),
    Workload("crm", code_ownership="vendor", saas_alternative=True, target_operating_model="managed"),
    Workload(
        "file-shares",
        code_ownership="vendor",
        hypervisor="vmware",
        time_pressure="high",
        target_operating_model="same",
        dependencies=("active-directory",),
    ),
    Workload("reporting-2009", still_needed=False, dependencies=("oracle-erp-db",)),
    Workload("hr-portal", code_ownership="vendor", saas_alternative=True, licence="tied-to-hardware"),
    Workload("build-servers", hypervisor="vmware", time_pressure="high", target_operating_model="same"),
)


@dataclass(frozen=True)
class PlannedWorkload:
    """A workload's place in the plan: its strategy and wave (0 = not migrated: retired or retained).

    >>> plan_portfolio(SAMPLE_PORTFOLIO).workloads[0].name
    'active-directory'
    """

    name: str
    strategy: str
    wave: int
    depends_on: tuple[str, ...]
    hybrid_links: tuple[str, ...]  # dependencies left on premises (retained): they need hybrid connectivity


@dataclass(frozen=True)
class PortfolioPlan:
    """Every workload with exactly one strategy, the migrating ones in waves that come after their dependencies.

    >>> plan = plan_portfolio(SAMPLE_PORTFOLIO)
    >>> plan.wave_count, plan.by_strategy["rehost"]
    (3, 3)
    """

    workloads: tuple[PlannedWorkload, ...]
    waves: tuple[tuple[str, ...], ...]
    by_strategy: dict[str, int]
    wave_count: int


def _check_graph(workloads: tuple[Workload, ...]) -> dict[str, tuple[str, ...]]:
    names = [w.name for w in workloads]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"workload names must be unique; repeated: {', '.join(duplicates)}")
    known = set(names)
    graph = {}
    for w in workloads:
        unknown = [d for d in w.dependencies if d not in known]
        if unknown:
            raise ValueError(f"{w.name} depends on {', '.join(unknown)}, which is not in the portfolio")
        graph[w.name] = w.dependencies
    return graph


@validate.checked
def find_cycle(graph: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A dependency cycle as a path that returns to its start (empty if there is none).

    >>> find_cycle({"a": ("b",), "b": ("c",), "c": ("a",)})
    ('a', 'b', 'c', 'a')
    >>> find_cycle({"a": ("b",), "b": ()})
    ()
    """
    state, path = {}, []

    def visit(node):
        state[node] = "open"
        path.append(node)
        for dep in graph.get(node, ()):
            if state.get(dep) == "open":
                return tuple(path[path.index(dep) :]) + (dep,)
            if dep not in state:
                found = visit(dep)
                if found:
                    return found
        path.pop()
        state[node] = "done"
        return ()

    for node in graph:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return ()


def plan_portfolio(workloads) -> PortfolioPlan:
    """Recommend a strategy for each workload and order the migrating ones into waves (a topological sort: a
    workload's wave is one after the latest wave among the dependencies that migrate too).

    A cycle raises a ValueError that names it: move the workloads of a cycle together, or break a dependency.

    >>> plan_portfolio([Workload("a", dependencies=("b",)), Workload("b")]).waves
    (('b',), ('a',))
    >>> plan_portfolio([Workload("a", dependencies=("b",)), Workload("b", dependencies=("a",))])
    Traceback (most recent call last):
    ValueError: dependencies form a cycle: a -> b -> a; move these workloads together as one group or break a dependency
    """
    if not isinstance(workloads, (list, tuple)):
        raise ValueError("workloads must be a non-empty sequence of Workload")
    workloads = tuple(workloads)
    if not workloads or not all(isinstance(w, Workload) for w in workloads):
        raise ValueError("workloads must be a non-empty sequence of Workload")
    graph = _check_graph(workloads)
    cycle = find_cycle(graph)
    if cycle:
        raise ValueError(
            f"dependencies form a cycle: {' -> '.join(cycle)}; move these workloads together as one group or break "
            "a dependency"
        )
    strategy = {w.name: recommend(w).strategy for w in workloads}
    moves = {n for n, s in strategy.items() if s not in ("retire", "retain")}
    wave: dict[str, int] = {}

    def wave_of(name):
        if name not in wave:
            deps = [wave_of(d) for d in graph[name] if d in moves]
            wave[name] = 1 + max(deps, default=0)
        return wave[name]

    planned = []
    for w in workloads:
        n = wave_of(w.name) if w.name in moves else 0
        hybrid = tuple(d for d in w.dependencies if strategy[d] == "retain") if w.name in moves else ()
        planned.append(PlannedWorkload(w.name, strategy[w.name], n, w.dependencies, hybrid))
    count = max((p.wave for p in planned), default=0)
    waves = tuple(tuple(p.name for p in planned if p.wave == i) for i in range(1, count + 1))
    by = {s: sum(p.strategy == s for p in planned) for s in STRATEGIES}
    return PortfolioPlan(tuple(planned), waves, by, count)
