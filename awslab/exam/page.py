"""The exam map's text: for one exam, a table of domains and, per domain, a table of its tasks with the number of
questions that carry each and the notebooks that teach it; a task with no question is marked a gap. The book renders
it at build time (``{awslab-exam-map} saa`` in ``book/exam_map.md``), so the page always shows the current bank.

>>> text = exam_map_markdown("saa")
>>> "saa-3.5" in text and "{doc}`" in text
True
>>> exam_map_markdown("sap").count("| sap-") >= 20
True

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
import re

from awslab.exam import links
from awslab.exam.bank import coverage
from awslab.exam.guide import blueprint, guide

GAP = "**gap: no question yet**"


@functools.lru_cache(maxsize=256)
def notebook_title(notebook: str) -> str:
    """A notebook's short title: its H1 up to the first colon.

    >>> notebook_title("01_storage/06_ebs")
    'Amazon EBS'
    """
    path = links.NOTEBOOKS / f"{notebook}.md"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return re.split(r":\s", line[2:].strip(), maxsplit=1)[0].strip()
    return notebook


def _link(notebook: str) -> str:
    title = notebook_title(notebook).replace("<", "").replace(">", "").replace("`", "")
    return f"{{doc}}`{title} </notebooks/{notebook}>`"


def exam_map_markdown(exam: str, bank=None) -> str:
    """MyST Markdown (no headings, so it can sit inside a directive) mapping one exam's guide to the course.

    >>> exam_map_markdown("saa").splitlines()[2]
    '| domain | weight | questions | a full exam draws |'
    """
    e = guide(exam)
    cov = next(c for c in coverage(bank) if c.key == e.key)
    full = {b.domain: b.questions for b in blueprint(e.key)}
    s = e.scoring
    lines = [
        f"{e.name} ({e.code}): {s.questions} questions ({s.unscored} of them unscored), {s.minutes} minutes, "
        f"a scaled score from {s.low} to {s.high}, pass at {s.passing}. "
        f"Source: [the {e.code} exam guide]({e.source}) (read {e.read}). "
        f"The bank has **{cov.questions} questions** tagged with a {e.code} task.",
        "",
        "| domain | weight | questions | a full exam draws |",
        "|---|---|---|---|",
    ]
    for d in cov.domains:
        short = "" if d.questions >= full[d.id] else " (**short**: the bank has too few for a full exam)"
        lines.append(f"| {d.id} {d.title} | {d.weight} % | {d.questions} | {full[d.id]}{short} |")
    for d in cov.domains:
        lines += ["", f"**{d.id} {d.title}** ({d.weight} %)", "", "| task | our summary | questions | taught in |"]
        lines.append("|---|---|---|---|")
        for t in d.tasks:
            taught = ", ".join(_link(nb) for nb in t.notebooks) if t.notebooks else "none yet"
            count = str(t.questions) if t.questions else GAP
            lines.append(f"| {t.id} | {t.summary.replace('|', '/')} | {count} | {taught} |")
    if cov.gaps:
        lines += ["", f"Gaps in {e.code}: {', '.join(cov.gaps)} (no question carries these tasks yet)."]
    else:
        lines += ["", f"Every {e.code} task has at least one question."]
    return "\n".join(lines)
