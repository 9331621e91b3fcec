"""The exam guides (``guides.yaml``): exams, domains with their weights, task statements, scoring facts, and the
blueprint of a practice exam (questions per domain, by largest-remainder rounding of the weights).

>>> g = guide("sap")
>>> g.code, g.scoring.questions, g.scoring.unscored, g.scoring.passing, g.scoring.minutes
('SAP-C02', 75, 10, 750, 180)
>>> guide("saa").task("saa-3.5").domain
'saa-3'
>>> isinstance(g.scoring, Scoring), g.scoring.scored
(True, 65)

References
----------
- AWS Certified Solutions Architect - Associate (SAA-C03) exam guide,
  https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/solutions-architect-associate-03.html
  (read 2026-12-03). Domains, weights, task numbering and scoring confirmed through independent copies that cite
  it; the page itself is not in our search index.
- AWS Certified Solutions Architect - Professional (SAP-C02) exam guide,
  https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-professional-02/solutions-architect-professional-02.html
  (read 2026-12-03). Same caveat; 75 questions of which 10 unscored, 180 minutes, pass 750.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

GUIDES = Path(__file__).with_name("guides.yaml")
_TASK = re.compile(r"^(saa|sap)-(\d)\.(\d)$")


@dataclass(frozen=True)
class Task:
    """One task statement: its id (``saa-1.1``), our one-line summary, and its domain id (``saa-1``)."""

    id: str
    summary: str
    domain: str


@dataclass(frozen=True)
class Domain:
    """A content domain: id (``saa-1``), our short title, weight in percent, tasks and the services it draws on."""

    id: str
    title: str
    weight: int
    tasks: tuple[Task, ...]
    services: tuple[str, ...]


@dataclass(frozen=True)
class Scoring:
    """The exam's scoring facts: scaled score range, passing score, questions (scored + unscored), minutes."""

    low: int
    high: int
    passing: int
    questions: int
    unscored: int
    minutes: int
    compensatory: bool

    @property
    def scored(self) -> int:
        """Questions that count towards the score."""
        return self.questions - self.unscored


@dataclass(frozen=True)
class Exam:
    """One exam guide: short key (``saa``), code (``SAA-C03``), name, source page, date read, scoring, domains."""

    key: str
    code: str
    name: str
    source: str
    read: str
    scoring: Scoring
    domains: tuple[Domain, ...]

    @property
    def tasks(self) -> tuple[Task, ...]:
        """Every task statement of the exam, in guide order."""
        return tuple(t for d in self.domains for t in d.tasks)

    def task(self, task_id: str) -> Task:
        """The task with this id; ValueError names the allowed ids."""
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise ValueError(f"task {task_id!r} is not a {self.code} task; allowed: {', '.join(t.id for t in self.tasks)}")

    def domain(self, domain_id: str) -> Domain:
        """The domain with this id."""
        for d in self.domains:
            if d.id == domain_id:
                return d
        raise ValueError(
            f"domain {domain_id!r} is not a {self.code} domain; allowed: {', '.join(d.id for d in self.domains)}"
        )


@dataclass(frozen=True)
class Blueprint:
    """How many questions of a practice exam come from one domain."""

    domain: str
    title: str
    weight: int
    questions: int


@functools.lru_cache(maxsize=1)
def guides() -> dict[str, Exam]:
    """Every exam guide, keyed ``saa`` and ``sap``, validated on load.

    >>> sorted(guides())
    ['saa', 'sap']
    """
    data = yaml.safe_load(GUIDES.read_text(encoding="utf-8"))
    exams = {}
    for key, e in data["exams"].items():
        domains = []
        for d in e["domains"]:
            tasks = tuple(Task(str(t["id"]), str(t["summary"]), str(d["id"])) for t in d["tasks"])
            for t in tasks:
                match = _TASK.match(t.id)
                if not match or match.group(1) != key or f"{key}-{match.group(2)}" != d["id"]:
                    raise ValueError(f"{GUIDES.name}: task id {t.id!r} does not belong to domain {d['id']!r}")
            domains.append(Domain(str(d["id"]), str(d["title"]), int(d["weight"]), tasks, tuple(d["services"])))
        if sum(d.weight for d in domains) != 100:
            raise ValueError(
                f"{GUIDES.name}: the {key} domain weights add up to {sum(d.weight for d in domains)}, not 100"
            )
        s = e["scoring"]
        scoring = Scoring(
            int(s["scale"][0]),
            int(s["scale"][1]),
            int(s["passing"]),
            int(s["questions"]),
            int(s["unscored"]),
            int(s["minutes"]),
            bool(s["compensatory"]),
        )
        exams[key] = Exam(
            key, str(e["code"]), str(e["name"]), str(e["source"]), str(e["read"]), scoring, tuple(domains)
        )
    return exams


def guide(exam: str) -> Exam:
    """One exam guide by its key (``saa`` or ``sap``; the codes ``SAA-C03``/``SAP-C02`` work too).

    >>> guide("SAA-C03").key
    'saa'
    """
    all_ = guides()
    for e in all_.values():
        if exam in (e.key, e.code, e.code.lower()):
            return e
    raise ValueError(
        f"exam {exam!r} is not known; allowed: {', '.join(all_)} (or {', '.join(e.code for e in all_.values())})"
    )


@functools.lru_cache(maxsize=1)
def task_ids() -> frozenset[str]:
    """Every task id of every exam (what a question's ``tasks`` may name).

    >>> {"saa-1.1", "sap-4.4"} <= task_ids(), len(task_ids())
    (True, 34)
    """
    return frozenset(t.id for e in guides().values() for t in e.tasks)


def blueprint(exam: str, count: int | None = None) -> tuple[Blueprint, ...]:
    """Questions per domain for a practice exam of ``count`` questions (default: the real exam's number), in
    proportion to the domain weights, rounded by the largest-remainder method (ties: the earlier domain).

    >>> [(b.domain, b.questions) for b in blueprint("saa", 65)]
    [('saa-1', 19), ('saa-2', 17), ('saa-3', 16), ('saa-4', 13)]
    >>> [b.questions for b in blueprint("sap")]
    [19, 22, 19, 15]
    """
    e = guide(exam)
    if count is None:
        count = e.scoring.questions
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be a whole number of questions, 1 or more; got {count!r}")
    shares = [d.weight * count for d in e.domains]  # in hundredths of a question: exact integer arithmetic
    whole = [s // 100 for s in shares]
    left = count - sum(whole)
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(shares[i] % 100), i))
    for i in by_remainder[:left]:
        whole[i] += 1
    return tuple(Blueprint(d.id, d.title, d.weight, n) for d, n in zip(e.domains, whole, strict=True))
