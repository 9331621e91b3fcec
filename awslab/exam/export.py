"""A seeded practice exam for instructors, as data and as Markdown: the questions with their options in display order,
the answer key with an explanation per option, and the domain blueprint (``python -m awslab exam``).

>>> data = practice_exam("saa", seed=3, count=10)
>>> data["exam"], data["count"], [b["questions"] for b in data["blueprint"]]
('SAA-C03', 10, [3, 3, 2, 2])
>>> data == practice_exam("saa", seed=3, count=10)
True
>>> to_markdown(data).splitlines()[0]
'# Practice exam: SAA-C03, seed 3'

References
----------
- AWS Certified Solutions Architect - Associate (SAA-C03) exam guide,
  https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/solutions-architect-associate-03.html
  (read 2026-12-03)
"""

from __future__ import annotations

import json
import reprlib
from pathlib import Path

from awslab import validate
from awslab.exam.bank import draw, fingerprint, load_bank
from awslab.exam.guide import blueprint, guide
from awslab.validate import checked

LETTERS = "ABCDEFGHIJ"


def practice_exam(exam: str = "saa", seed: int = 0, count: int | None = None) -> dict:
    """The exam drawn by :func:`awslab.exam.draw` as plain data (JSON-ready). Options are lettered in display order;
    ``answer`` lists the right letters. ``bank`` is the bank's fingerprint: the same seed and fingerprint give the
    same exam.

    >>> q = practice_exam("saa", seed=1, count=4)["questions"][0]
    >>> sorted(q)[:4], q["answer"] == [o["letter"] for o in q["options"] if o["correct"]]
    (['answer', 'difficulty', 'domain', 'domains'], True)
    """
    e = guide(exam)
    plan = blueprint(e.key, count)
    questions = draw(e.key, seed=seed, count=count)
    items = []
    for number, q in enumerate(questions, 1):
        d = q.to_dict()
        options = [{"letter": LETTERS[i], **a} for i, a in enumerate(d.pop("answers"))]
        items.append(
            {
                "number": number,
                **d,
                "domain": q.exam_domain(e.key),
                "options": options,
                "answer": [o["letter"] for o in options if o["correct"]],
            }
        )
    return {
        "exam": e.code,
        "key": e.key,
        "name": e.name,
        "seed": seed,
        "count": len(items),
        "bank": fingerprint(load_bank()),
        "minutes": e.scoring.minutes,
        "scale": [e.scoring.low, e.scoring.high],
        "passing": e.scoring.passing,
        "guide": e.source,
        "blueprint": [
            {"domain": b.domain, "title": b.title, "weight": b.weight, "questions": b.questions} for b in plan
        ],
        "questions": items,
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


_DATA_KEYS = ("exam", "seed", "name", "count", "minutes", "bank", "blueprint", "questions")
_BLUEPRINT_KEYS = ("domain", "title", "weight", "questions")
_QUESTION_KEYS = ("number", "uid", "question", "multiple", "options", "answer", "tasks", "difficulty", "see")
_OPTION_KEYS = ("letter", "text", "correct", "why")


def _exam_data(name: str, data) -> dict:
    """A practice exam as :func:`practice_exam` returns it; ValueError naming the parameter otherwise."""

    def need(where: str, value, keys: tuple[str, ...]) -> None:
        if not isinstance(value, dict) or any(k not in value for k in keys):
            raise ValueError(
                f"{where}={reprlib.repr(value)} is not part of a practice exam: it needs {', '.join(keys)} "
                "(from practice_exam)"
            )

    need(name, data, _DATA_KEYS)
    for key, keys in (("blueprint", _BLUEPRINT_KEYS), ("questions", _QUESTION_KEYS)):
        if not isinstance(data[key], list):
            raise ValueError(f"{name}[{key!r}]={reprlib.repr(data[key])} must be a list (from practice_exam)")
        for index, part in enumerate(data[key]):
            need(f"{name}[{key!r}][{index}]", part, keys)
    for index, q in enumerate(data["questions"]):
        if not isinstance(q["options"], list):
            raise ValueError(f"{name}['questions'][{index}]['options'] must be a list (from practice_exam)")
        for j, option in enumerate(q["options"]):
            need(f"{name}['questions'][{index}]['options'][{j}]", option, _OPTION_KEYS)
    return data


@checked
def to_markdown(data: dict) -> str:
    """The exam as Markdown: blueprint, questions, then the answer key with every option explained.

    >>> [line for line in to_markdown(practice_exam("saa", seed=1, count=4)).splitlines() if line.startswith("## ")]
    ['## Blueprint', '## Questions', '## Answer key']
    """
    _exam_data("data", data)
    lines = [
        f"# Practice exam: {data['exam']}, seed {data['seed']}",
        "",
        f"{data['name']}. {data['count']} questions, {data['minutes']} minutes on the real exam. "
        f"Bank fingerprint {data['bank']}: the same seed on the same bank draws the same exam.",
        "",
        "## Blueprint",
        "",
        "| domain | title | weight | questions |",
        "|---|---|---|---|",
    ]
    for b in data["blueprint"]:
        lines.append(f"| {b['domain']} | {_cell(b['title'])} | {b['weight']} % | {b['questions']} |")
    lines += ["", "## Questions", ""]
    for q in data["questions"]:
        hint = " (choose all that apply)" if q["multiple"] else ""
        lines.append(f"**{q['number']}.** {q['question']}{hint}")
        lines.append("")
        lines += [f"- {o['letter']}. {o['text']}" for o in q["options"]]
        lines.append("")
    lines += ["## Answer key", ""]
    for q in data["questions"]:
        where = f" Teaches it: {q['see']}." if q["see"] else ""
        lines.append(
            f"**{q['number']}. {', '.join(q['answer'])}** ({q['uid']}; tasks {', '.join(q['tasks'])}; "
            f"difficulty {q['difficulty']}).{where}"
        )
        lines.append("")
        for o in q["options"]:
            mark = "right" if o["correct"] else "wrong"
            lines.append(f"- {o['letter']} ({mark}): {o['why']}")
        lines.append("")
    return "\n".join(lines)


@checked
def write(data: dict, fmt: str, output: Path | None) -> str:
    """Render ``data`` as ``md`` or ``json``; write it to ``output`` if given. Returns the text.

    >>> import json
    >>> json.loads(write(practice_exam("saa", seed=1, count=4), "json", None))["count"]
    4
    >>> write({}, "pdf", None)
    Traceback (most recent call last):
    ...
    ValueError: fmt='pdf' is not one of: md, json
    """
    validate.choice("fmt", fmt, ("md", "json"))
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n" if fmt == "json" else to_markdown(data) + "\n"
    if output is not None:
        output.write_text(text, encoding="utf-8")
    return text
