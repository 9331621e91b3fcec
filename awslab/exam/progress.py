"""The progress page: notebooks completed, quiz scores, exercises solved, exam attempts, the review queue and the
weakest exam tasks, all read from this browser's ``localStorage`` (nothing leaves it).

What it reads: ``awslab:page:<path>`` (a page whose quizzes are all solved, the sidebar's tick), ``awslab:quiz:<id>``
(per question: tried, right at the first try), ``awslab:exercise:<id>`` (solved), ``awslab:exam:attempts`` and
``awslab:review``. The page itself carries the course's notebooks with their quizzes and exercises, and each
question's exam tasks, so the weakest tasks can be named: the five with the lowest share right over exam answers and
first tries at quiz questions.

References:
    MDN Web Docs, "Window: localStorage property", https://developer.mozilla.org/en-US/docs/Web/API/Window/localStorage
    (read 2026-12-03).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from awslab.exam import web
from awslab.validate import checked

_QUIZ = re.compile(r"quiz\.load\(\s*[\"']([a-z0-9_]+)[\"']\s*,\s*[\"'](awslab\.[a-z_.]+)[\"']")
_EXERCISE = re.compile(r"^Exercise ([a-z0-9][a-z0-9-]*): .+$")
_H1 = re.compile(r"^# (.+)$", re.M)


@checked
def course_notebooks(root: Path) -> list[str]:
    """The notebooks of the book's table of contents, in order (paths without extension, e.g. ``notebooks/01_x/02_y``).

    >>> from awslab.exam.links import NOTEBOOKS
    >>> course_notebooks(NOTEBOOKS.parent)[0]
    'notebooks/00_overview/01_global_infrastructure'
    """
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node):
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key, []) or []:
                if str(child.get("file", "")).startswith("notebooks/"):
                    found.append(child["file"])
                walk(child)

    walk(toc)
    return found


@checked
def notebook_entry(root: Path, doc: str, base: str) -> dict:
    """A notebook's title, address, quizzes (id, questions, chapter) and exercise ids, from its source and pinned copy.

    >>> from awslab.exam.links import NOTEBOOKS
    >>> entry = notebook_entry(NOTEBOOKS.parent, "notebooks/01_storage/06_ebs", "../")
    >>> entry["h"], entry["q"][0][0], len(entry["e"]) >= 2
    ('../notebooks/01_storage/06_ebs.html', 'ebs', True)
    """
    from awslab.quiz import load

    source = (root / f"{doc}.md").read_text(encoding="utf-8") if (root / f"{doc}.md").exists() else ""
    title = _H1.search(source)
    quizzes = [
        [name, len(load(name, package).questions), package.rsplit(".", 1)[-1]]
        for name, package in _QUIZ.findall(source)
    ]
    exercises = []
    pinned = root / f"{doc}.ipynb"
    if pinned.exists():
        for cell in json.loads(pinned.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/plain", "")
                match = _EXERCISE.match(("".join(text) if isinstance(text, list) else text).strip())
                if match:
                    exercises.append(match.group(1))
    return {
        "p": doc,
        "t": title.group(1).strip().split(": ", 1)[0] if title else doc,  # the H1 up to its colon: fits a phone
        "h": f"{base}{doc}.html",
        "q": quizzes,
        "e": exercises,
    }


@checked
def progress_html(root: str | Path, *, base: str = "../", bank=None) -> str:
    """The static face of the progress page for the course at ``root``.

    >>> from awslab.exam.links import NOTEBOOKS
    >>> "Weakest exam tasks" in progress_html(NOTEBOOKS.parent)
    True
    """
    from awslab.exam.bank import _folder
    from awslab.exam.guide import guides

    root = _folder("root", root)
    items = web.bank_items(base=base, bank=bank)
    data = {
        "notebooks": [notebook_entry(root, doc, base) for doc in course_notebooks(root)],
        "tasks": {uid: item["t"] for uid, item in items.items()},
        "taskNames": {t.id: t.summary for g in guides().values() for t in g.tasks},
        "exams": [{"key": g.key, "code": g.code, "passing": g.scoring.passing} for g in guides().values()],
    }
    body = (
        "<h3>Your progress</h3><p class='ax-note'>Read from this browser only: another browser or a private window "
        "starts empty.</p>"
        f"<h4>Practice exams</h4><ul class='ap-exams'></ul><p><a href='{base}book/practice_exam.html'>Take a practice "
        "exam</a></p>"
        f"<h4>Review queue</h4><p class='ap-queue'></p><p><a href='{base}book/review.html'>Today's review</a></p>"
        "<h4>Weakest exam tasks</h4><p class='ax-note'>The five tasks with the lowest share right, over your exam "
        "answers and your first tries at quiz questions.</p><ul class='ap-weak'></ul>"
        "<h4>Notebooks completed: <span class='ap-done-count'></span></h4>"
        "<p class='ax-note'>A notebook is complete when every quiz question on it is solved (the tick in the sidebar). "
        "Quiz: right at the first try. Exercises: solved.</p>"
        "<div class='ax-scroll'><table class='ax-table ap-notebooks'><thead><tr><th>Notebook</th><th class='ax-num'>Quiz</th>"
        "<th class='ax-num'>Exercises</th></tr></thead><tbody></tbody></table></div>"
    )
    return web.page("progress", body, data)
