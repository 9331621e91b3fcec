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
:func:`awslab.exam.explorers.exam_widget` (ipywidgets; the timer there is a deadline shown and re-checked at every click, since a kernel
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
