"""The practice exam, on the static site and in JupyterLab.

A practice exam is the real exam's number of questions (SAA-C03: 65) drawn from the bank in proportion to the
domain weights, seeded so that an instructor can hand out the same exam: on the site ``?seed=N`` in the address picks
it. The draw is :func:`awslab.exam.bank.draw` (``python -m awslab exam`` prints the same exam for the same seed); the
page runs its JavaScript twin, ``awslab/exam/draw.js``, and a browser test checks that they agree.

The score. AWS reports a scaled score from 100 to 1000 (pass: 720 for SAA-C03, 750 for SAP-C02) but does not
publish how raw answers map to it, and some questions of the real exam are unscored. The estimate here is a plain
linear map of the fraction right, ``100 + 900 x right / total`` (every practice question counts), compared with the
passing score: it is an estimate, not AWS's scaling.

Two faces: :func:`practice_html` (self-contained HTML and inline JavaScript: timer, navigator, flags, review screen,
score per domain, explanations, a history of attempts in ``localStorage`` under ``awslab:exam:attempts``) and
:func:`exam_widget` (ipywidgets; the timer there is a deadline shown and re-checked at every click, since a kernel
widget has no clock of its own running between interactions).

>>> scaled_score(45, 65), scaled_score(0, 65), scaled_score(65, 65)
(723, 100, 1000)

References:
    The exam facts (questions, minutes, scale, passing score) come from :mod:`awslab.exam.guide`, whose sources are
    the exam guides, e.g. https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/solutions-architect-associate-03.html
    (read 2026-12-03).
"""

from __future__ import annotations

import html
import json
import reprlib
import time
from dataclasses import dataclass
from pathlib import Path

from awslab.exam import bank, web
from awslab.validate import checked

DEFAULT_SEED = 2026
MAX_SEED = 999_999_999


class _Entry:
    """A pool item as :func:`awslab.exam.bank.draw` sees a question: its uid and its domain in the exam."""

    def __init__(self, uid: str, domain: str):
        self.uid, self.domain = uid, domain

    def exam_domain(self, exam: str) -> str:
        return self.domain


_ITEM_KEYS = ("q", "a", "o", "d", "s", "l")  # what the pages and the kernel read of a payload item
_DATA_KEYS = ("exam", "seed", "passing", "scale", "domains", "pool")  # what they read of the payload
_HISTORY_KEYS = ("exam", "seed", "right", "total", "scaled", "pass")  # what the history reads of a stored attempt
_ATTEMPT_KEYS = (*_HISTORY_KEYS, "domains", "results", "timeUp")


def _items(name: str, items) -> dict:
    """Payload items by uid (:func:`awslab.exam.web.bank_items`); ValueError naming the parameter otherwise."""
    if not isinstance(items, dict):
        raise ValueError(f"{name}={reprlib.repr(items)} must be a dict of payload items by uid (from web.bank_items)")
    for uid, item in items.items():
        if (
            not isinstance(uid, str)
            or not isinstance(item, dict)
            or any(k not in item for k in _ITEM_KEYS)
            or not isinstance(item["a"], list)
        ):
            raise ValueError(
                f"{name}[{uid!r}]={reprlib.repr(item)} is not a payload item: it needs {', '.join(_ITEM_KEYS)} "
                "(from web.bank_items)"
            )
    return items


def _payload(name: str, d) -> dict:
    """The practice payload (:func:`exam_data`); ValueError naming the parameter otherwise."""
    if not isinstance(d, dict) or any(k not in d for k in _DATA_KEYS):
        raise ValueError(
            f"{name}={reprlib.repr(d)} is not the practice payload: it needs {', '.join(_DATA_KEYS)} (from exam_data)"
        )
    _items(f"{name}['pool']", d["pool"])
    return d


def _record(name: str, value, keys: tuple[str, ...]) -> dict:
    """An attempt record (:func:`grade_run`) holding ``keys``; ValueError naming the parameter otherwise."""
    if not isinstance(value, dict) or any(k not in value for k in keys):
        raise ValueError(
            f"{name}={reprlib.repr(value)} is not an attempt record: it needs {', '.join(keys)} (from grade_run)"
        )
    return value


@checked
def draw(d: dict, seed: int) -> list[str]:
    """The uids of the practice exam for ``seed`` over the payload ``d`` (:func:`exam_data`), in exam order: exactly
    :func:`awslab.exam.bank.draw` (the page runs its twin, ``draw.js``). ValueError when a domain is short.

    >>> from awslab.exam.bank import _demo_bank
    >>> d = exam_data("saa", items=web.bank_items("saa", bank=_demo_bank()))
    >>> exam = draw(d, 7)
    >>> len(exam), exam == [q.uid for q in bank.draw("saa", seed=7, bank=_demo_bank())]
    (65, True)
    """
    d = _payload("d", d)
    pool = [_Entry(uid, item["d"]) for uid, item in d["pool"].items()]
    return [q.uid for q in bank.draw(d["exam"], seed=seed, bank=pool)]


@checked
def scaled_score(right: int, total: int, low: int = 100, high: int = 1000) -> int:
    """The page's estimate of the scaled score: linear in the fraction right, rounded half up.

    >>> scaled_score(32, 50)
    676
    """
    if total < 1 or not 0 <= right <= total:
        raise ValueError(f"right={right!r}, total={total!r}: need 0 <= right <= total and total >= 1")
    return int(low + (high - low) * right / total + 0.5)


@checked
def exam_data(
    exam: str = "saa", *, seed: int = DEFAULT_SEED, items: dict | None = None, base: str = "../", suffix: str = ".html"
) -> dict:
    """The practice page's payload: the exam's facts, its blueprint and the question pool.

    >>> from awslab.exam.bank import _demo_bank
    >>> d = exam_data("saa", items=web.bank_items("saa", bank=_demo_bank()))
    >>> d["code"], d["minutes"], d["passing"], [x["count"] for x in d["domains"]], len(d["pool"])
    ('SAA-C03', 130, 720, [19, 17, 16, 13], 160)
    """
    from awslab.exam.guide import blueprint, guide

    g = guide(exam)
    items = web.bank_items(g.key, base=base, suffix=suffix) if items is None else _items("items", items)
    return {
        "exam": g.key,
        "code": g.code,
        "name": g.name,
        "seed": int(seed),
        "minutes": g.scoring.minutes,
        "passing": g.scoring.passing,
        "scale": [g.scoring.low, g.scoring.high],
        "domains": [
            {"id": b.domain, "title": b.title, "weight": b.weight, "count": b.questions} for b in blueprint(g.key)
        ],
        "pool": items,
        # draw.js's input (awslab.exam.bank.bank_data's shape, cut to what the draw reads)
        "bank": {
            "exams": {
                g.key: {
                    "key": g.key,
                    "code": g.code,
                    "scoring": {"questions": g.scoring.questions},
                    "domains": [{"id": x.id, "title": x.title, "weight": x.weight} for x in g.domains],
                }
            },
            "questions": [{"uid": uid, "exam_domains": {g.key: item["d"]}} for uid, item in sorted(items.items())],
        },
    }


@checked
def practice_html(exam: str = "saa", *, seed: int = DEFAULT_SEED, items: dict | None = None, base: str = "../") -> str:
    """The static face: the whole practice exam as self-contained HTML (no server, no network).

    >>> page = practice_html("saa", items={})
    >>> "SAA-C03 practice exam" in page, "100 + 900 &times; right / 65" in page
    (True, True)
    """
    d = exam_data(exam, seed=seed, items=items, base=base)
    total = sum(x["count"] for x in d["domains"])
    shares = ", ".join(f"{html.escape(x['title'].lower())} {x['count']}" for x in d["domains"])
    body = f"""
<div class='ax-intro'>
<h3>{html.escape(d["code"])} practice exam</h3>
<p>{total} questions in {d["minutes"]} minutes, drawn in proportion to the domain weights ({shares}).
The same seed gives the same exam in any browser: an instructor hands out the seed or the link.</p>
<p class='ax-error ax-short' hidden></p>
<p><label>Seed <input class='ax-seed' inputmode='numeric' aria-describedby='ax-seed-help'></label>
<button type='button' class='ax-start ax-primary'>Start the exam</button>
<span class='ax-error ax-seed-error' aria-live='polite'></span></p>
<p id='ax-seed-help' class='ax-note'>Link to this exam: <span class='ax-link'></span></p>
<p class='ax-resume' hidden><span></span> <button type='button' class='ax-continue ax-primary'>Continue it</button>
<button type='button' class='ax-abandon'>Abandon it</button></p>
<p class='ax-note'><b>The clock</b> starts when you press Start and runs on the wall clock, as in the real exam: leaving or
reloading the page does not stop it (your answers are kept in this browser), and when it reaches zero the exam is
submitted as it stands.</p>
<p class='ax-note'><b>How the score is estimated.</b> AWS reports a scaled score from {d["scale"][0]} to {d["scale"][1]}
(pass: {d["passing"]}) and does not publish how answers map to it; the real exam also holds unscored questions. Here
every question counts and the estimate is a straight line:
<i>score = {d["scale"][0]} + {d["scale"][1] - d["scale"][0]} &times; right / {total}</i>, so the pass mark of {d["passing"]} means about
{round(100 * (d["passing"] - d["scale"][0]) / (d["scale"][1] - d["scale"][0]))}% right. Treat it as a rough guide, not a
prediction of AWS's result.</p>
<h4>Your attempts in this browser</h4><div class='ax-history ax-scroll'></div>
</div>
<div class='ax-run' hidden>
<div class='ax-bar'><span class='ax-timer' role='timer' aria-live='off'></span><span class='ax-count'></span></div>
<div class='ax-q' aria-live='polite'></div>
<p><button type='button' class='ax-prev'>Previous</button><button type='button' class='ax-next'>Next</button>
<button type='button' class='ax-flag' aria-pressed='false'>Flag for review</button>
<button type='button' class='ax-toreview ax-primary'>Review and submit</button></p>
<nav class='ax-nav' aria-label='Questions'></nav>
<p class='ax-legend'>Filled: answered. Orange underline: flagged. Outlined: the question shown.</p>
</div>
<div class='ax-review' hidden>
<div class='ax-bar'><span class='ax-timer' role='timer' aria-live='off'></span></div>
<h3>Before you submit</h3><div class='ax-review-lists'></div>
<p><button type='button' class='ax-back'>Back to the questions</button>
<button type='button' class='ax-submit ax-primary'>Submit the exam</button></p>
</div>
<div class='ax-result' hidden>
<h3>Your result</h3><div class='ax-verdict'></div>
<div class='ax-scroll'><table class='ax-table ax-domains'><thead><tr><th>Domain</th><th>Weight</th><th>Right</th>
<th>Score</th></tr></thead><tbody></tbody></table></div>
<p class='ax-note'>The estimate is {d["scale"][0]} + {d["scale"][1] - d["scale"][0]} &times; right / total against the
pass mark of {d["passing"]} (AWS's own scaling is not public). Missed questions join your
<a href='{base}book/review.html'>review queue</a>; see also your <a href='{base}book/progress.html'>progress</a>.</p>
<div class='ax-missed'></div>
<p><button type='button' class='ax-again'>Back to the start</button></p>
<h4>Your attempts in this browser</h4><div class='ax-history ax-scroll'></div>
</div>"""
    return web.page("practice", body, d)


# --- the JupyterLab face ---------------------------------------------------------------------------------------------
def attempts_path() -> Path:
    """Where the kernel keeps exam attempts: beside the review queue (``~/.awslab/exam_attempts.json``).

    >>> attempts_path().name
    'exam_attempts.json'
    """
    from awslab.exam.review import default_path

    return default_path().with_name("exam_attempts.json")


@dataclass
class ExamRun:
    """One attempt in the kernel: the drawn uids, picks and flags by uid, the deadline (seconds since the epoch).

    >>> ExamRun(["a/b/c"], deadline=7800.0, started=0.0, picks={}, flags=set()).pos
    0
    """

    uids: list[str]
    deadline: float
    started: float
    picks: dict
    flags: set
    pos: int = 0
    result: dict | None = None


@checked
def grade_run(d: dict, run: ExamRun, now: float) -> dict:
    """The attempt record of a finished run, as the page stores it (right per domain, estimate, pass, per uid).

    >>> from awslab.exam.bank import _demo_bank
    >>> d = exam_data("saa", items=web.bank_items("saa", bank=_demo_bank()))
    >>> run = ExamRun(draw(d, 1), 7800.0, 0.0, {}, set())
    >>> run.picks[run.uids[0]] = [0]
    >>> attempt = grade_run(d, run, now=600.0)
    >>> attempt["right"], attempt["scaled"], attempt["pass"], attempt["seconds"], attempt["timeUp"]
    (1, 114, False, 600, False)
    """
    d = _payload("d", d)
    per = {x["id"]: [0, 0] for x in d["domains"]}
    results = {}
    for uid in run.uids:
        item = d["pool"][uid]
        right = sorted(run.picks.get(uid, [])) == [i for i, a in enumerate(item["a"]) if a[1]]
        per[item["d"]][1] += 1
        per[item["d"]][0] += right
        results[uid] = int(right)
    right = sum(results.values())
    scaled = scaled_score(right, len(run.uids), *d["scale"])
    end = min(now, run.deadline)
    return {
        "exam": d["exam"],
        "seed": d["seed"],
        "at": int(end * 1000),
        "seconds": round(end - run.started),
        "right": right,
        "total": len(run.uids),
        "scaled": scaled,
        "pass": scaled >= d["passing"],
        "domains": per,
        "results": results,
        "timeUp": now >= run.deadline,
    }


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.999))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


@checked
def exam_widget(
    exam: str = "saa",
    *,
    seed: int = DEFAULT_SEED,
    items: dict | None = None,
    clock=time.time,
    store: str | Path | None = None,
    review_path: str | Path | None = None,
    base: str = "../../",
):
    """The live face: the same flow as the page, in ipywidgets (returns the panel; ``panel.run`` is the attempt).

    The timer is a deadline shown beside the time left, re-checked at every click (a widget cannot tick by itself
    without a kernel thread): a click after the deadline submits the exam as it stood. ``clock`` returns seconds
    since the epoch (tests pass a fake one); attempts go to ``store`` (default :func:`attempts_path`), missed
    questions to the review queue (:class:`awslab.exam.review.ReviewStore` at ``review_path``). ValueError when the
    bank holds no question for the exam.

    >>> from awslab.exam.bank import _demo_bank
    >>> panel = exam_widget("saa", seed=3, items=web.bank_items("saa", bank=_demo_bank()), clock=lambda: 0.0)
    >>> len(panel.run.uids), "Time left 2:10:00" in panel.children[0].children[0].value
    (65, True)
    """
    import ipywidgets as w

    from awslab.exam.review import ReviewStore

    if not callable(clock):
        raise TypeError(f"clock={reprlib.repr(clock)} must be a function returning seconds since the epoch")
    d = exam_data(exam, seed=seed, items=items, base=base, suffix=".ipynb")
    if not d["pool"]:
        where = "the question bank" if items is None else "items"
        raise ValueError(f"{where} holds no {d['code']} question yet; tag questions with {exam}- tasks")
    store = Path(store) if store is not None else attempts_path()
    started = clock()
    run = ExamRun(draw(d, d["seed"]), started + d["minutes"] * 60, started, {}, set())
    header = w.HTML()
    text = w.HTML()
    chooser_box = w.VBox()
    prev, nxt = w.Button(description="Previous"), w.Button(description="Next")
    flag = w.ToggleButton(description="Flag for review", value=False)
    to_review = w.Button(description="Review and submit", button_style="primary")
    submit = w.Button(description="Submit the exam", button_style="danger")
    back = w.Button(description="Back to the questions")
    navigator = w.Dropdown(description="Go to", options=[(str(i + 1), i) for i in range(len(run.uids))], value=0)
    review_html, result_html = w.HTML(), w.HTML()
    question_area = w.VBox([header, text, chooser_box, w.HBox([prev, nxt, flag, to_review]), navigator])
    review_area = w.VBox([review_html, w.HBox([back, submit])], layout=w.Layout(display="none"))
    panel = w.VBox([question_area, review_area, result_html])
    panel.add_class("awslab-exam-live")
    panel.run, panel.data = run, d
    busy = {"on": False}

    def timed_out() -> bool:
        if run.result is None and clock() >= run.deadline:
            finish()
            return True
        return run.result is not None

    def status():
        left = run.deadline - clock()
        deadline = time.strftime("%H:%M", time.localtime(run.deadline))
        return (
            f"<div class='ax-bar'><b>Time left {_clock(left)}</b> (deadline {deadline}; updated at every click)"
            f" · Question {run.pos + 1} of {len(run.uids)} · {len(run.picks)} answered · "
            f"{len(run.flags)} flagged</div>"
        )

    def show(i: int):
        busy["on"] = True
        run.pos = i
        uid = run.uids[i]
        item = d["pool"][uid]
        header.value = status()
        hint = f" <em>(choose {sum(a[1] for a in item['a'])})</em>" if item["m"] else ""
        text.value = f"<p><b>{i + 1}.</b> {html.escape(item['q'])}{hint}</p>"
        picks = set(run.picks.get(uid, []))
        if item["m"]:
            boxes = [
                w.Checkbox(value=j in picks, description=item["a"][j][0], indent=False, layout=w.Layout(width="auto"))
                for j in item["o"]
            ]
            for j, box in zip(item["o"], boxes, strict=True):
                box.observe(lambda change, j=j: pick(j, change["new"]), "value")
            chooser_box.children = boxes
        else:
            radio = w.RadioButtons(
                options=[(item["a"][j][0], j) for j in item["o"]],
                value=next(iter(picks), None),
                layout=w.Layout(width="auto"),
            )
            radio.observe(lambda change: pick(change["new"], True, single=True), "value")
            chooser_box.children = [radio]
        flag.value = uid in run.flags
        prev.disabled, nxt.disabled = i == 0, i == len(run.uids) - 1
        navigator.value = i
        busy["on"] = False

    def pick(j, on, single=False):
        if busy["on"] or timed_out():
            return
        uid = run.uids[run.pos]
        picks = set() if single else set(run.picks.get(uid, []))
        (picks.add if on and j is not None else picks.discard)(j)
        if picks:
            run.picks[uid] = sorted(picks)
        else:
            run.picks.pop(uid, None)
        header.value = status()

    def go(i):
        if not timed_out():
            show(i)

    def on_flag(change):
        if busy["on"] or timed_out():
            return
        uid = run.uids[run.pos]
        (run.flags.add if change["new"] else run.flags.discard)(uid)
        header.value = status()

    def open_review(_=None):
        if timed_out():
            return
        unanswered = [i + 1 for i, u in enumerate(run.uids) if u not in run.picks]
        flagged = [i + 1 for i, u in enumerate(run.uids) if u in run.flags]
        review_html.value = (
            f"{status()}<h4>Unanswered ({len(unanswered)})</h4><p>{', '.join(map(str, unanswered)) or 'None.'}</p>"
            f"<h4>Flagged for review ({len(flagged)})</h4><p>{', '.join(map(str, flagged)) or 'None.'}</p>"
        )
        question_area.layout.display, review_area.layout.display = "none", ""

    def close_review(_=None):
        if not timed_out():
            question_area.layout.display, review_area.layout.display = "", "none"
            show(run.pos)

    def finish(_=None):
        if run.result is not None:
            return
        run.result = grade_run(d, run, clock())
        attempts = json.loads(store.read_text(encoding="utf-8")) if store.exists() else []
        attempts.append(run.result)
        _write_json(store, attempts)
        ReviewStore(review_path).missed([u for u in run.uids if not run.result["results"][u]])
        question_area.layout.display, review_area.layout.display = "none", "none"
        result_html.value = result_report(d, run, run.result, attempts)

    prev.on_click(lambda _: go(run.pos - 1))
    nxt.on_click(lambda _: go(run.pos + 1))
    navigator.observe(lambda change: None if busy["on"] else go(change["new"]), "value")
    flag.observe(on_flag, "value")
    to_review.on_click(open_review)
    back.on_click(close_review)
    submit.on_click(finish)
    show(0)
    return panel


@checked
def result_report(d: dict, run: ExamRun, attempt: dict, attempts: list[dict]) -> str:
    """The result as HTML: estimate and verdict, right per domain, every missed question explained, the history.

    >>> from awslab.exam.bank import _demo_bank
    >>> d = exam_data("saa", items=web.bank_items("saa", bank=_demo_bank()))
    >>> run = ExamRun(draw(d, 1), 7800.0, 0.0, {}, set())
    >>> attempt = grade_run(d, run, now=60.0)
    >>> "Estimated scaled score 100 of 1000: fail" in result_report(d, run, attempt, [attempt])
    True
    """
    d = _payload("d", d)
    attempt = _record("attempt", attempt, _ATTEMPT_KEYS)
    for index, a in enumerate(attempts):
        _record(f"attempts[{index}]", a, _HISTORY_KEYS)
    verdict = "pass" if attempt["pass"] else "fail"
    rows = "".join(
        f"<tr><td>{html.escape(x['title'])}</td><td>{x['weight']}%</td><td>{attempt['domains'][x['id']][0]} of "
        f"{attempt['domains'][x['id']][1]}</td></tr>"
        for x in d["domains"]
    )
    missed = []
    for i, uid in enumerate(run.uids):
        if attempt["results"][uid]:
            continue
        item, picks = d["pool"][uid], set(run.picks.get(uid, []))
        lines = "".join(
            f"<li>{'✔' if item['a'][j][1] else '✘'} <b>{html.escape(item['a'][j][0])}</b>"
            f"{' <em>(your pick)</em>' if j in picks else ''}: {html.escape(item['a'][j][2])}</li>"
            for j in item["o"]
        )
        link = f"<p>Learn it: <a href='{html.escape(item['s'])}'>{html.escape(item['l'])}</a></p>" if item["s"] else ""
        missed.append(
            f"<div class='ax-missed-q'><p><b>{i + 1}.</b> {html.escape(item['q'])}</p><ul>{lines}</ul>{link}</div>"
        )
    history = "".join(
        f"<tr><td>{a['seed']}</td><td>{a['right']} of {a['total']}</td><td>{a['scaled']}</td>"
        f"<td>{'pass' if a['pass'] else 'fail'}</td></tr>"
        for a in reversed(attempts)
        if a["exam"] == d["exam"]
    )
    low, high = d["scale"]
    return (
        ("<p><b>Time is up:</b> the exam was submitted as it stood.</p>" if attempt["timeUp"] else "")
        + f"<p><b>Estimated scaled score {attempt['scaled']} of {high}: {verdict}</b> (the mark is {d['passing']}); "
        f"{attempt['right']} of {attempt['total']} right. The estimate is {low} + {high - low} × right / total; AWS's "
        "own scaling is not public.</p>"
        f"<table class='ax-domains'><tr><th>Domain</th><th>Weight</th><th>Right</th></tr>{rows}</table>"
        + ("<h4>The questions you missed</h4>" + "".join(missed) if missed else "<p>Every question right.</p>")
        + f"<h4>Your attempts</h4><table><tr><th>Seed</th><th>Right</th><th>Scaled (est.)</th><th>Result</th></tr>{history}</table>"
    )


def _write_json(path: Path, data) -> None:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
