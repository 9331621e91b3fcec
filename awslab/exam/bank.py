"""The question bank: every question of the course (each notebook's quiz and the exam bank), each with a
course-unique uid, its exam tasks and domains, a difficulty and the notebook section that teaches it; seeded practice
exams drawn from it in proportion to an exam's domain weights; and its coverage of each exam guide.

>>> bank = load_bank()
>>> len(bank) >= 300, len({q.uid for q in bank}) == len(bank)
(True, True)
>>> demo = _demo_bank()  # 40 made-up questions per domain (the examples must not depend on how the course is tagged)
>>> first = draw("saa", seed=7, bank=demo)
>>> len(first), first == draw("saa", seed=7, bank=demo), first != draw("saa", seed=8, bank=demo)
(65, True, True)

How a practice exam is drawn (:func:`draw`): the blueprint (:func:`awslab.exam.blueprint`) gives each domain its
number of questions, the domain weights times the count, rounded by the largest-remainder method. A question belongs
to the domain of its first task of that exam (a question tagged ``[saa-1.3, saa-4.1]`` counts for domain 1). The
same seed on the same bank gives the same exam on any machine, in Python or in a browser; a bank that gained or lost
questions gives a different one, so an export carries the bank's fingerprint. The steps, exactly (portable to
JavaScript with ``Math.imul`` and ``>>>``):

1. Seed: the FNV-1a 32-bit hash of the UTF-8 text ``awslab-exam/<exam key>/<seed>`` (``awslab-exam/saa/7``).
2. Generator: mulberry32 from that seed; each call gives a float in [0, 1) (:func:`_random`).
3. For each domain in guide order: its questions sorted by uid; a partial Fisher-Yates shuffle takes its share
   (for i = 0 .. n-1: j = i + floor(r() * (len - i)), swap items i and j; keep the first n).
4. The picks of all domains, in that order, are shuffled by Fisher-Yates from the end
   (for i = len-1 down to 1: j = floor(r() * (i + 1)), swap items i and j).

>>> r = _random("saa", 7)
>>> [round(next(r), 6) for _ in range(3)]
[0.398457, 0.955, 0.377247]

References
----------
- AWS Certified Solutions Architect - Associate (SAA-C03) exam guide,
  https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/solutions-architect-associate-03.html
  (read 2026-12-03)
- AWS Certified Solutions Architect - Professional (SAP-C02) exam guide,
  https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-professional-02/solutions-architect-professional-02.html
  (read 2026-12-03)
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from awslab import quiz
from awslab.exam import links
from awslab.exam.guide import blueprint, guide, guides

PACKAGE = Path(__file__).resolve().parent.parent
_LOAD = re.compile(r"""quiz\.load\(\s*["']([a-z0-9_]+)["']\s*,\s*["']awslab\.([a-z0-9_]+)["']\s*\)""")


@dataclass(frozen=True)
class BankQuestion:
    """One question of the bank: ``uid`` (``<chapter>/<quiz>/<id>``, or ``exam/<bank file>/<id>``), where it lives,
    the question itself (answers, display order, tags) and ``see``, the notebook section that teaches it (the
    question's own ``see``, else the notebook that shows its quiz; None if neither)."""

    uid: str
    chapter: str
    quiz: str
    quiz_title: str
    question: quiz.Question
    see: str | None

    @property
    def tasks(self) -> tuple[str, ...]:
        return self.question.tasks

    @property
    def difficulty(self) -> int | None:
        return self.question.difficulty

    @property
    def domains(self) -> tuple[str, ...]:
        return self.question.domains

    @property
    def notebook(self) -> str | None:
        """The teaching notebook's path under notebooks/ without extension."""
        return None if self.see is None else self.see.split("#")[0]

    @property
    def anchor(self) -> str | None:
        return None if self.see is None or "#" not in self.see else self.see.split("#", 1)[1]

    @property
    def href(self) -> str | None:
        """The teaching section's address relative to the book's root, e.g. ``notebooks/01_storage/06_ebs.html#x``."""
        if self.see is None:
            return None
        return f"notebooks/{self.notebook}.html" + (f"#{self.anchor}" if self.anchor else "")

    def exam_domain(self, exam: str) -> str | None:
        """The domain this question counts for in ``exam``: the domain of its first task of that exam."""
        prefix = guide(exam).key + "-"
        return next((d for d in self.domains if d.startswith(prefix)), None)

    def to_dict(self) -> dict:
        """Plain data (JSON-ready): answers in display order, each with correct and why.

        >>> d = load_bank()[0].to_dict()
        >>> sorted(d)[:5], len(d["answers"]) >= 2
        (['answers', 'difficulty', 'domains', 'href', 'multiple'], True)
        """
        q = self.question
        return {
            "uid": self.uid,
            "quiz": self.quiz,
            "question": q.question,
            "multiple": q.multiple,
            "answers": [
                {"text": q.answers[i].text, "correct": q.answers[i].correct, "why": q.answers[i].why} for i in q.shown
            ],
            "tasks": list(q.tasks),
            "domains": list(q.domains),
            "difficulty": q.difficulty,
            "see": self.see,
            "href": self.href,
        }


@functools.lru_cache(maxsize=1)
def quiz_notebooks(notebooks: Path = links.NOTEBOOKS) -> dict[tuple[str, str], str]:
    """Which notebook shows each quiz: ``(chapter, quiz) -> notebook``, found from ``quiz.load("name", "awslab.x")``
    in ``notebooks/*/*.md``.

    >>> quiz_notebooks()[("storage", "ebs")]
    '01_storage/06_ebs'
    """
    found: dict[tuple[str, str], str] = {}
    for path in sorted(notebooks.glob("*/*.md")):
        for name, chapter in _LOAD.findall(path.read_text(encoding="utf-8")):
            found.setdefault((chapter, name), f"{path.parent.name}/{path.stem}")
    return found


def quiz_files(root: Path = PACKAGE) -> list[tuple[str, Path]]:
    """Every quiz file of the course, as (chapter, path): ``awslab/*/quizzes/*.yaml``, then ``awslab/exam/bank/*.yaml``
    (chapter ``exam``).

    >>> ("storage", "ebs.yaml") in [(c, p.name) for c, p in quiz_files()]
    True
    """
    root = _folder("root", root)
    files = [(p.parent.parent.name, p) for p in sorted(root.glob("*/quizzes/*.yaml"))]
    files += [("exam", p) for p in sorted(root.glob("exam/bank/*.yaml"))]
    return files


def load_bank(root: Path | None = None) -> tuple[BankQuestion, ...]:
    """Every question of the course, in file order. ValueError names the file and what is wrong (a quiz's own
    errors, a uid used twice).

    >>> sum(1 for q in load_bank() if q.chapter == "storage") >= 50
    True
    """
    if root is None:
        return _default_bank()
    root = _folder("root", root)
    return _load(root, root.parent / "notebooks")


def _questions(name: str, value, needs: tuple[str, ...] = ("uid",)) -> tuple:
    """The bank (None), or a list of bank questions checked to have what the caller reads; ValueError otherwise."""
    if value is None:
        return load_bank()
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        raise ValueError(f"{name}={value!r} must be a list of bank questions (from load_bank or draw)")
    items = tuple(value)
    for index, q in enumerate(items):
        if not isinstance(getattr(q, "uid", None), str) or any(not hasattr(q, attr) for attr in needs):
            raise ValueError(
                f"{name}[{index}]={q!r} is not a bank question: it needs {', '.join(needs)} (from load_bank or draw)"
            )
    return items


def _folder(name: str, value) -> Path:
    """A folder given as a path or text; ValueError naming the parameter otherwise."""
    if isinstance(value, bool) or not isinstance(value, (str, Path)) or not str(value).strip():
        raise ValueError(f"{name}={value!r} must be a folder path (text or pathlib.Path)")
    path = Path(value)
    if not path.is_dir():
        raise ValueError(f"{name}={value!r} is not a folder")
    return path


@functools.lru_cache(maxsize=1)
def _default_bank() -> tuple[BankQuestion, ...]:
    return _load(PACKAGE, links.NOTEBOOKS)


def _load(root: Path, notebooks: Path) -> tuple[BankQuestion, ...]:
    shown = quiz_notebooks(notebooks) if notebooks == links.NOTEBOOKS else quiz_notebooks.__wrapped__(notebooks)
    bank, seen = [], {}
    for chapter, path in quiz_files(root):
        try:
            q = quiz.Quiz.from_file(path)
        except ValueError as exc:
            raise ValueError(f"{path.relative_to(root.parent)}: {exc}") from None
        except Exception as exc:  # a YAML syntax error: one line naming the file
            raise ValueError(f"{path.relative_to(root.parent)}: not readable YAML ({exc.__class__.__name__})") from None
        default = shown.get((chapter, q.id))
        for question in q.questions:
            uid = f"{chapter}/{q.id}/{question.id}"
            if uid in seen:
                raise ValueError(f"{path.relative_to(root.parent)}: uid {uid!r} is already used by {seen[uid]}")
            seen[uid] = path.relative_to(root.parent)
            bank.append(BankQuestion(uid, chapter, q.id, q.title, question, question.see or default))
    return tuple(bank)


def fingerprint(questions=None) -> str:
    """A short hash of the bank's uids: two exams drawn with the same seed match when their fingerprints do.

    >>> len(fingerprint())
    12
    """
    uids = sorted(q.uid for q in _questions("questions", questions))
    return hashlib.sha256("\n".join(uids).encode()).hexdigest()[:12]


def draw(exam: str = "saa", seed: int = 0, count: int | None = None, bank=None) -> tuple[BankQuestion, ...]:
    """A seeded practice exam: ``count`` questions (default: the real exam's, 65 for SAA-C03, 75 for SAP-C02), as many
    from each domain as :func:`awslab.exam.blueprint` says, no question twice, in a seeded shuffled order (see the
    module docstring for how). ValueError if the seed or count is bad or a domain has too few questions.

    >>> exam = draw("saa", seed=1, bank=_demo_bank())
    >>> from collections import Counter
    >>> sorted(Counter(q.exam_domain("saa") for q in exam).items())
    [('saa-1', 19), ('saa-2', 17), ('saa-3', 16), ('saa-4', 13)]
    """
    e = guide(exam)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a whole number, 0 or more; got {seed!r}")
    plan = blueprint(e.key, count)
    questions = _questions("bank", bank, needs=("uid", "exam_domain"))
    pools: dict[str, list[BankQuestion]] = {b.domain: [] for b in plan}
    for q in questions:
        domain = q.exam_domain(e.key)
        if domain is not None:
            pools[domain].append(q)
    rng = _random(e.key, seed)
    picked: list[BankQuestion] = []
    for b in plan:
        pool = sorted(pools[b.domain], key=lambda q: q.uid)
        if len(pool) < b.questions:
            raise ValueError(
                f"{e.code} domain {b.domain} ({b.title}) needs {b.questions} questions for a {sum(p.questions for p in plan)}"
                f"-question exam but the bank has {len(pool)}; ask for fewer (count) or tag more questions"
            )
        for i in range(b.questions):  # partial Fisher-Yates: the first n of a seeded shuffle
            j = i + int(next(rng) * (len(pool) - i))
            pool[i], pool[j] = pool[j], pool[i]
        picked += pool[: b.questions]
    for i in range(len(picked) - 1, 0, -1):
        j = int(next(rng) * (i + 1))
        picked[i], picked[j] = picked[j], picked[i]
    return tuple(picked)


def bank_data(questions=None) -> dict:
    """The bank and the guides as plain data (JSON-ready), for a browser: what ``draw.js`` (the same draw in
    JavaScript) and a practice-exam page need. Each question has ``exam_domains``: the domain it counts for per exam.

    >>> data = bank_data()
    >>> sorted(data), sorted(data["exams"]), data["questions"][0]["exam_domains"]["saa"].startswith("saa-")
    (['exams', 'fingerprint', 'questions'], ['saa', 'sap'], True)
    """
    questions = _questions("questions", questions, needs=("uid", "to_dict"))
    exams = {}
    for e in guides().values():
        s = e.scoring
        exams[e.key] = {
            "key": e.key,
            "code": e.code,
            "name": e.name,
            "source": e.source,
            "scoring": {
                "scale": [s.low, s.high],
                "passing": s.passing,
                "questions": s.questions,
                "unscored": s.unscored,
                "minutes": s.minutes,
            },
            "domains": [
                {
                    "id": d.id,
                    "title": d.title,
                    "weight": d.weight,
                    "tasks": [{"id": t.id, "summary": t.summary} for t in d.tasks],
                }
                for d in e.domains
            ],
        }
    items = []
    for q in questions:
        item = q.to_dict()
        item["exam_domains"] = {key: q.exam_domain(key) for key in exams}
        items.append(item)
    return {"fingerprint": fingerprint(questions), "exams": exams, "questions": items}


@dataclass(frozen=True)
class TaskCoverage:
    """How many questions of the bank carry a task, and which notebooks teach them."""

    id: str
    summary: str
    questions: int
    notebooks: tuple[str, ...]


@dataclass(frozen=True)
class DomainCoverage:
    """Questions that count for a domain in a drawn exam (their first task of the exam is in it), and its tasks."""

    id: str
    title: str
    weight: int
    questions: int
    tasks: tuple[TaskCoverage, ...]


@dataclass(frozen=True)
class ExamCoverage:
    """The bank's coverage of one exam guide."""

    key: str
    code: str
    questions: int
    domains: tuple[DomainCoverage, ...]

    @property
    def gaps(self) -> tuple[str, ...]:
        """Task ids no question carries."""
        return tuple(t.id for d in self.domains for t in d.tasks if t.questions == 0)


def coverage(bank=None) -> tuple[ExamCoverage, ...]:
    """The bank's count per exam, domain and task, with the notebooks that teach each task. A question with two tasks
    counts for both tasks; a domain counts each question once, for the domain of its first task of that exam (the
    domain it is drawn for).

    >>> saa = coverage(_demo_bank())[0]
    >>> saa.code, saa.questions, [d.questions for d in saa.domains], saa.gaps
    ('SAA-C03', 160, [40, 40, 40, 40], ())
    >>> isinstance(saa.domains[0], DomainCoverage), isinstance(saa.domains[0].tasks[0], TaskCoverage)
    (True, True)
    """
    questions = _questions("bank", bank, needs=("uid", "tasks"))
    result = []
    for e in guides().values():
        domains = []
        for d in e.domains:
            tasks = []
            for t in d.tasks:
                carrying = [q for q in questions if t.id in q.tasks]
                notebooks = sorted({q.notebook for q in carrying if q.notebook})
                tasks.append(TaskCoverage(t.id, t.summary, len(carrying), tuple(notebooks)))
            counted = sum(1 for q in questions if q.exam_domain(e.key) == d.id)
            domains.append(DomainCoverage(d.id, d.title, d.weight, counted, tuple(tasks)))
        total = sum(1 for q in questions if q.exam_domain(e.key) is not None)
        result.append(ExamCoverage(e.key, e.code, total, tuple(domains)))
    return tuple(result)


_MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & _MASK


def _random(exam_key: str, seed: int):
    """The draw's generator: mulberry32 seeded with the FNV-1a hash of ``awslab-exam/<key>/<seed>`` (floats in [0, 1))."""
    h = 0x811C9DC5
    for byte in f"awslab-exam/{exam_key}/{seed}".encode():
        h = _imul(h ^ byte, 0x01000193)
    a = h
    while True:
        a = (a + 0x6D2B79F5) & _MASK
        t = _imul(a ^ (a >> 15), a | 1)
        t = ((t + _imul(t ^ (t >> 7), t | 61)) & _MASK) ^ t
        yield ((t ^ (t >> 14)) & _MASK) / 4294967296


def _demo_bank(per_domain: int = 40) -> tuple[BankQuestion, ...]:
    """Made-up questions for the examples: ``per_domain`` in each SAA domain, spread over its tasks."""
    made = []
    for e in [guide("saa")]:
        for d in e.domains:
            for n in range(per_domain):
                task = d.tasks[n % len(d.tasks)].id
                q = quiz.Question(
                    f"q{n}",
                    "?",
                    (quiz.Answer("a", True, "w"), quiz.Answer("b", False, "w")),
                    False,
                    (),
                    (task,),
                    1 + n % 3,
                    None,
                )
                made.append(BankQuestion(f"demo/{d.id}/q{n}", "demo", d.id, "Demo", q, None))
    return tuple(made)
