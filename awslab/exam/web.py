"""What the exam-practice pages share: the question payload, the inline script and style, the page shell.

A question travels to the browser as a small dict: ``u`` its uid, ``q`` the text, ``m`` whether several answers are
right, ``a`` the answers as written (``[text, right, why]``), ``o`` the order they are shown in (the quiz's own
shuffle, :func:`awslab.quiz.display_order`), ``t`` its exam tasks, ``d`` its domain in the exam at hand, ``s`` and
``l`` the address and name of the notebook section that teaches it. The pages keep what they remember in the
browser's ``localStorage`` (per origin, nothing sent anywhere).

References:
    MDN Web Docs, "Window: localStorage property", https://developer.mozilla.org/en-US/docs/Web/API/Window/localStorage
    (read 2026-12-03): per-origin storage that persists across sessions; a private window starts empty.
"""

from __future__ import annotations

import functools
import json
import reprlib
from importlib import resources

from awslab.quiz import display_order
from awslab.validate import checked

PAGES = ("practice", "review", "progress")


@checked
def see_link(see: str | None, base: str = "../", suffix: str = ".html") -> tuple[str, str]:
    """The address (relative to the page, ``base`` leading to the book's root) and label of a ``see`` reference.

    >>> see_link("01_storage/06_ebs#gp2-burst-credits", base="", suffix=".ipynb")[0]
    'notebooks/01_storage/06_ebs.ipynb#gp2-burst-credits'
    >>> see_link("10_resilience/01_dr_strategies#summary")[1]
    'Disaster recovery strategies: RTO, RPO and what they cost, section “summary”'
    >>> see_link(None)
    ('', '')
    """
    if not see:
        return "", ""
    notebook, _, anchor = str(see).partition("#")
    href = f"{base}notebooks/{notebook}{suffix}" + (f"#{anchor}" if anchor else "")
    title = notebook_title(notebook)
    return href, title + (f", section “{anchor.replace('-', ' ')}”" if anchor else "")


@functools.lru_cache(maxsize=256)
def notebook_title(notebook: str) -> str:
    """A notebook's H1 (its path when it has none or is missing).

    >>> notebook_title("10_resilience/01_dr_strategies")
    'Disaster recovery strategies: RTO, RPO and what they cost'
    """
    from awslab.exam.links import NOTEBOOKS

    path = NOTEBOOKS / f"{notebook}.md"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return notebook


@checked
def payload_item(
    uid: str,
    text: str,
    answers,
    *,
    multiple: bool = False,
    order: tuple[int, ...] | None = None,
    tasks=(),
    domain: str = "",
    see: str | None = None,
    base: str = "../",
    suffix: str = ".html",
) -> dict:
    """One question as the pages carry it (see the module docstring).

    >>> item = payload_item("demo/q", "Which?", [("A", True, "yes"), ("B", False, "no")], tasks=["saa-1.1"],
    ...                     see="10_resilience/01_dr_strategies#summary")
    >>> item["s"], sorted(item["o"]), item["a"][0]
    ('../notebooks/10_resilience/01_dr_strategies.html#summary', [0, 1], ['A', True, 'yes'])
    """
    answers = _answers(answers)
    if isinstance(tasks, (str, bytes)) or not isinstance(tasks, (list, tuple)):
        raise ValueError(f"tasks={tasks!r} must be a list of exam task ids (such as 'saa-1.1')")
    if not order:
        quiz_id, _, question_id = uid.rpartition("/")
        right = None if multiple else next((i for i, a in enumerate(answers) if a[1]), None)
        if not multiple and right is None:
            raise ValueError(
                f"answers={reprlib.repr(answers)} has no right answer (a single-answer question needs one)"
            )
        order = display_order(quiz_id, question_id, len(answers), right)
    href, label = see_link(see, base, suffix)
    return {
        "u": uid,
        "q": str(text),
        "m": bool(multiple),
        "a": answers,
        "o": list(order),
        "t": list(tasks),
        "d": domain,
        "s": href,
        "l": label,
    }


@checked
def bank_items(exam: str | None = None, *, base: str = "../", suffix: str = ".html", bank=None) -> dict[str, dict]:
    """Every bank question (of one exam, with its domain there, when ``exam`` is given) as payload items by uid.

    >>> from awslab.exam.bank import _demo_bank
    >>> items = bank_items("saa", bank=_demo_bank())
    >>> len(items), sorted({i["d"] for i in items.values()})
    (160, ['saa-1', 'saa-2', 'saa-3', 'saa-4'])
    """
    from awslab.exam.bank import _questions

    bank = _questions("bank", bank, needs=("uid", "tasks", "exam_domain", "question", "see"))
    items = {}
    for b in bank:
        tasks = list(b.tasks)
        domain = b.exam_domain(exam) if exam else ""
        if exam and domain is None:
            continue
        q = b.question
        items[b.uid] = payload_item(
            b.uid,
            q.question,
            [(a.text, a.correct, a.why) for a in q.answers],
            multiple=q.multiple,
            order=q.shown,
            tasks=tasks,
            domain=domain,
            see=b.see,
            base=base,
            suffix=suffix,
        )
    return items


def _answers(answers) -> list[list]:
    """A question's answers as ``[text, right, why]`` lists; ValueError naming ``answers`` otherwise."""
    if isinstance(answers, (str, bytes, dict)) or not isinstance(answers, (list, tuple)) or not answers:
        raise ValueError(f"answers={answers!r} must be a non-empty list of (text, right, why) answers")
    checked_answers = []
    for index, answer in enumerate(answers):
        if isinstance(answer, (str, bytes, dict)) or not isinstance(answer, (list, tuple)) or len(answer) != 3:
            raise ValueError(f"answers[{index}]={answer!r} must be a (text, right, why) answer")
        a, r, w = answer
        checked_answers.append([str(a), bool(r), str(w)])
    return checked_answers


def _script() -> str:
    """The pages' inline scripts (``draw.js``, then ``data/exam.js``), safe to repeat on a page (they boot once)."""
    package = resources.files("awslab.exam")
    draw = package.joinpath("draw.js").read_text(encoding="utf-8")  # the bank's draw, shared with awslab.exam.bank
    pages = package.joinpath("data", "exam.js").read_text(encoding="utf-8")
    return f"<script>{draw}</script><script>{pages}</script>"


def _json_tag(data) -> str:
    """A JSON payload in a ``<script type=application/json>`` nothing inside can close."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return f"<script type='application/json' class='ax-data'>{text}</script>"


@checked
def page(kind: str, body: str, data) -> str:
    """The self-contained HTML of one page face: style, body, payload and script.

    >>> html = page("review", "<p>x</p>", {"pool": {}})
    >>> html.startswith("<div class='awslab-exam-page' data-page='review'>"), "<p>x</p>" in html
    (True, True)
    """
    if kind not in PAGES:
        raise ValueError(f"page kind {kind!r} is not one of {', '.join(PAGES)}")
    try:
        tag = _json_tag(data)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"data must be JSON data (dicts, lists, text, numbers): {exc}") from None
    return f"<div class='awslab-exam-page' data-page='{kind}'>{STYLE}{body}{tag}{_script()}</div>"


STYLE = (
    "<style>.awslab-exam-page{--ax-fg:#232f3e;--ax-bg:#fff;--ax-line:#d5dbe3;--ax-soft:#f3f6f9;--ax-accent:#0b64c0;"
    "--ax-ok:#1e7b34;--ax-bad:#a4262c;--ax-flag:#b35c00;color:var(--ax-fg);background:var(--ax-bg);"
    "border:1px solid var(--ax-line);border-radius:6px;padding:10px 14px;margin:10px 0;color-scheme:light}"
    ".ax-qtext,.ax-a,.ax-why,.ax-link{overflow-wrap:anywhere}.awslab-exam-page a{color:var(--ax-accent)}"
    ".ax-table td.ax-num,.ax-table th.ax-num{white-space:nowrap}.ap-tick{color:var(--ax-ok);font-weight:bold}"
    "html[data-theme=dark] .awslab-exam-page{--ax-fg:#e3e7ed;--ax-bg:#1d232b;--ax-line:#3b4552;--ax-soft:#262e38;"
    "--ax-accent:#6cb4ff;--ax-ok:#7ee2a0;--ax-bad:#ff9c9c;--ax-flag:#ffb86b;color-scheme:dark}"
    ".awslab-exam-page h3,.awslab-exam-page h4{color:inherit;margin:10px 0 6px}"
    ".awslab-exam-page button{font:inherit;padding:6px 14px;margin:3px 4px 3px 0;border:1px solid var(--ax-line);"
    "border-radius:4px;background:var(--ax-soft);color:var(--ax-fg);cursor:pointer;min-height:36px}"
    ".awslab-exam-page button:disabled{opacity:.45;cursor:default}"
    ".awslab-exam-page button.ax-primary{background:var(--ax-accent);border-color:var(--ax-accent);color:var(--ax-bg)}"
    ".awslab-exam-page input[type=text],.awslab-exam-page input[inputmode]{font:inherit;padding:5px 8px;width:9em;"
    "background:var(--ax-bg);color:var(--ax-fg);border:1px solid var(--ax-line);border-radius:4px}"
    ".ax-bar{position:sticky;top:var(--pst-header-height,0);z-index:2;display:flex;flex-wrap:wrap;gap:6px 16px;"
    "justify-content:space-between;background:var(--ax-soft);padding:6px 10px;border-radius:4px;margin-bottom:8px;"
    "box-shadow:0 -16px 0 var(--ax-bg)}"
    ".ax-timer{font-weight:bold;font-variant-numeric:tabular-nums}.ax-timer.ax-low{color:var(--ax-bad)}"
    ".ax-a{display:flex;gap:8px;align-items:flex-start;margin:6px 0;padding:8px 10px;border:1px solid var(--ax-line);"
    "border-radius:4px;cursor:pointer}.ax-a input{margin-top:4px;flex:none}"
    ".ax-a:has(input:checked){border-color:var(--ax-accent);background:var(--ax-soft)}"
    ".ax-nav,.ax-list{display:flex;flex-wrap:wrap;gap:4px;margin:10px 0}"
    ".awslab-exam-page .ax-go{min-width:40px;padding:4px 0;margin:0;text-align:center}"
    ".awslab-exam-page .ax-go.ax-done{background:var(--ax-accent);color:var(--ax-bg);border-color:var(--ax-accent)}"
    ".awslab-exam-page .ax-go.ax-flagged{box-shadow:inset 0 -4px 0 var(--ax-flag)}"
    ".awslab-exam-page .ax-go.ax-here{outline:2px solid var(--ax-fg);outline-offset:1px}"
    ".ax-flag[aria-pressed=true]{border-color:var(--ax-flag)!important;color:var(--ax-flag)!important;font-weight:bold}"
    ".ax-legend{font-size:.9em;opacity:.85}"
    ".ax-table{border-collapse:collapse;width:100%;font-size:.95em}.ax-table th,.ax-table td{border-bottom:1px solid "
    "var(--ax-line);padding:4px 6px;text-align:left;vertical-align:top}"
    ".ax-scroll{overflow-x:auto}"
    ".ax-bar-outer{display:inline-block;width:90px;height:10px;background:var(--ax-soft);border:1px solid var(--ax-line);"
    "vertical-align:middle}.ax-bar-inner{display:block;height:100%;background:var(--ax-accent)}"
    ".ax-pass{color:var(--ax-ok)}.ax-fail{color:var(--ax-bad)}.ax-big{font-size:1.15em}"
    ".ax-why{padding-left:1.2em}.ax-why li{margin:4px 0}.ax-why .ax-right span{color:var(--ax-ok)}"
    ".ax-why .ax-wrong span{color:var(--ax-bad)}.ax-why .ax-mine{background:var(--ax-soft)}"
    ".ax-missed-q{border-top:1px solid var(--ax-line);padding-top:6px;margin-top:8px}"
    ".ax-note{font-size:.92em;opacity:.9}.ax-link{font-family:monospace;font-size:.9em}"
    ".ax-error{color:var(--ax-bad)}"
    "</style>"
)
