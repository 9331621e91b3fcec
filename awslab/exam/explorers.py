"""The exam-practice faces for a live kernel: the practice exam and today's review as ipywidgets panels.

The models they run on (the draw, the grading, the SM-2 schedule, the kernel's files) are in
:mod:`awslab.exam.practice` and :mod:`awslab.exam.review`; the static pages are built there too. This module is the
presentation layer, the only one here that imports ipywidgets (on first use).
"""

from __future__ import annotations

import html
import json
import reprlib
import time
from pathlib import Path

from awslab.exam import web
from awslab.exam.practice import (
    DEFAULT_SEED,
    ExamRun,
    _clock,
    _items,
    _write_json,
    attempts_path,
    draw,
    exam_data,
    grade_run,
    result_report,
)
from awslab.exam.review import ReviewStore, day_number
from awslab.validate import checked


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
def review_widget(*, items: dict | None = None, path: str | Path | None = None, today=day_number, base: str = "../../"):
    """The live face: the questions due today in the kernel's queue (:class:`ReviewStore`), one at a time.

    >>> import tempfile, pathlib
    >>> panel = review_widget(items={}, path=pathlib.Path(tempfile.mkdtemp()) / "r.json")
    >>> "0 due today" in panel.children[0].value
    True
    """
    import html

    import ipywidgets as w

    if not callable(today):
        raise TypeError(f"today={reprlib.repr(today)} must be a function returning today's day number (day_number)")
    if path is not None and (not str(path).strip() or Path(path).is_dir()):
        raise ValueError(f"path={path!r} must be the path of the review queue's JSON file, not a folder")
    items = web.bank_items(base=base, suffix=".ipynb") if items is None else _items("items", items)
    store = ReviewStore(path)
    summary, card, feedback = w.HTML(), w.VBox(), w.HTML()
    check, nxt = w.Button(description="Check", button_style="primary"), w.Button(description="Next question")
    panel = w.VBox([summary, card, w.HBox([check, nxt]), feedback])
    panel.add_class("awslab-review-live")
    state = {"uid": None, "chooser": None}

    def due() -> list[str]:
        return [u for u in store.due(today()) if u in items]

    def show(_=None):
        queue = due()
        summary.value = f"<h4>Today's review</h4><p>{len(queue)} due today ({store.path}).</p>"
        feedback.value = ""
        check.disabled, nxt.disabled = not queue, True
        if not queue:
            state["uid"] = None
            card.children = [w.HTML("<p>Nothing to review today.</p>")]
            return
        uid = state["uid"] = queue[0]
        item = items[uid]
        if item["m"]:
            chooser = [
                w.Checkbox(description=item["a"][j][0], indent=False, layout=w.Layout(width="auto")) for j in item["o"]
            ]
            state["chooser"] = lambda: sorted(j for j, c in zip(item["o"], chooser, strict=True) if c.value)
            widgets = chooser
        else:
            radio = w.RadioButtons(
                options=[(item["a"][j][0], j) for j in item["o"]], value=None, layout=w.Layout(width="auto")
            )
            state["chooser"] = lambda: [] if radio.value is None else [radio.value]
            widgets = [radio]
        card.children = [w.HTML(f"<p>{html.escape(item['q'])}</p>"), *widgets]

    def grade_it(_=None):
        uid = state["uid"]
        if uid is None:
            return
        item, picks = items[uid], state["chooser"]()
        if not picks:
            feedback.value = "Choose an answer first."
            return
        right = picks == [i for i, a in enumerate(item["a"]) if a[1]]
        saved = store.answer(uid, right=right, today=today())
        lines = "".join(
            f"<li>{'✔' if item['a'][j][1] else '✘'} {html.escape(item['a'][j][0])}: {html.escape(item['a'][j][2])}</li>"
            for j in item["o"]
        )
        link = f"<p>Learn it: <a href='{html.escape(item['s'])}'>{html.escape(item['l'])}</a></p>" if item["s"] else ""
        feedback.value = (
            f"<b>{'Right' if right else 'Not quite'}: back in {saved.interval} "
            f"day{'s' if saved.interval != 1 else ''}.</b><ul>{lines}</ul>{link}"
        )
        check.disabled, nxt.disabled = True, False

    check.on_click(grade_it)
    nxt.on_click(show)
    panel.refresh = show
    show()
    return panel
