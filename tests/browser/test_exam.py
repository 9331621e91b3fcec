"""Exam practice in a real browser, on cheap test pages built from a made-up bank (not the full course build): a whole
practice exam taken with real clicks at 1280 and 390 px (answers, flags, the review screen, submit, the domain
scores, a reload that finds the attempt in the history), the timer across a reload and at time up, and the review
queue over simulated days (a fake clock), fed by a quiz answered wrong; then the progress page."""

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from awslab import quiz
from awslab.exam import bank, practice, progress, review, web
from awslab.exam.review import grade
from tests.browser.conftest import QuietHandler
from tests.exam.fakes import fake_bank

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SEED = 42
# The page reads the time through window.awslabNow when a test defines it: a fake clock kept in localStorage, so it
# survives reloads; unset, the real clock.
FAKE_CLOCK = "window.awslabNow=function(){var v=localStorage.getItem('test:now');return v?+v:Date.now();};"
DAY_MS = 86_400_000
NOON = "new Date(2026, 11, 3, 12, 0, 0).getTime()"  # local noon, so whole days stay whole days


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exam-site")
    book = folder / "book"
    book.mkdir()
    bank = fake_bank()
    items = web.bank_items("saa", bank=bank)
    storage_quiz = quiz.load("ebs", "awslab.storage")
    shell = (
        "<!doctype html><html><head><meta charset='utf-8'><meta name='viewport' content='width=device-width'>"
        "<style>html[data-theme=dark] body{{background:#12161c;color:#e3e7ed}}body{{font-family:sans-serif;"
        "max-width:900px;margin:0 auto;padding:8px}}</style></head><body>{}</body></html>"
    )
    (book / "practice_exam.html").write_text(shell.format(practice.practice_html("saa", seed=SEED, items=items)))
    review_items = {**web.bank_items(bank=bank), **web.bank_items(bank=_ebs_bank())}
    (book / "review.html").write_text(shell.format(review.review_html(items=review_items)))
    (book / "progress.html").write_text(shell.format(progress.progress_html(ROOT, bank=bank + _ebs_bank())))
    (book / "quiz.html").write_text(shell.format(storage_quiz.to_html()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"url": f"http://127.0.0.1:{server.server_address[1]}/book", "items": items, "quiz": storage_quiz}
    server.shutdown()


def _ebs_bank():
    from awslab.exam.bank import load_bank

    return tuple(q for q in load_bank() if q.uid.startswith("storage/ebs/"))


def _context(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(FAKE_CLOCK)
    return context


def _set_now(page, expression):
    page.evaluate(f"localStorage.setItem('test:now', String({expression}))")


def _tap(page, locator):
    locator.scroll_into_view_if_needed()
    locator.click()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_whole_practice_exam(browser, pages, screenshots, width):
    items = pages["items"]
    context = _context(browser, width)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(pages["url"] + "/practice_exam.html")
        _set_now(page, NOON)
        page.goto(pages["url"] + f"/practice_exam.html?seed={SEED + 1}")
        assert page.locator(".ax-seed").input_value() == str(SEED + 1)  # the address's seed wins
        page.locator(".ax-seed").fill(str(SEED))
        assert page.locator(".ax-link").inner_text().endswith(f"?seed={SEED}")
        page.screenshot(path=str(screenshots / f"exam_intro_{width}.png"), full_page=True)
        _tap(page, page.locator("button.ax-start"))
        run = page.evaluate("JSON.parse(localStorage.getItem('awslab:exam:current:saa'))")
        d = practice.exam_data("saa", items=items, seed=SEED)
        assert run["uids"] == [
            q.uid for q in bank.draw("saa", seed=SEED, bank=fake_bank())
        ]  # the page's draw is Python's
        assert page.locator(".ax-run .ax-timer").inner_text() == "Time left 2:10:00"

        answers, flagged = {}, []
        for i, uid in enumerate(run["uids"]):
            item = items[uid]
            assert page.locator(".ax-qtext").inner_text().startswith(f"{i + 1}. ")
            if i % 6 != 5:  # every sixth question left open
                good = [j for j in item["o"] if item["a"][j][1]]
                picks = good if i % 4 else [next(j for j in item["o"] if not item["a"][j][1])]
                for j in picks:
                    _tap(page, page.locator(f".ax-q input[value='{j}']"))
                answers[uid] = sorted(picks)
            if i % 10 == 2:
                _tap(page, page.locator("button.ax-flag"))
                assert page.locator("button.ax-flag").get_attribute("aria-pressed") == "true"
                flagged.append(i + 1)
            if i == 7:
                page.screenshot(path=str(screenshots / f"exam_question_{width}.png"))
            if i < len(run["uids"]) - 1:
                _tap(page, page.locator("button.ax-next"))
        # The navigator: question 3 shows as answered and flagged, and a tap goes there.
        nav3 = page.locator(".ax-nav .ax-go[data-i='2']")
        assert "ax-flagged" in nav3.get_attribute("class")
        _tap(page, nav3)
        assert page.locator(".ax-qtext").inner_text().startswith("3. ")

        _tap(page, page.locator("button.ax-toreview"))
        unanswered = [i + 1 for i in range(65) if i % 6 == 5]
        open_list = page.locator(".ax-open .ax-go").all_inner_texts()
        assert open_list == [str(n) for n in unanswered]
        assert page.locator(".ax-flags .ax-go").all_inner_texts() == [str(n) for n in flagged]
        assert page.locator(".ax-review .ax-timer").inner_text().startswith("Time left ")
        page.screenshot(path=str(screenshots / f"exam_review_{width}.png"), full_page=True)
        _tap(page, page.locator(".ax-open .ax-go").first)  # back to an open question, then return
        assert page.locator(".ax-qtext").inner_text().startswith(f"{unanswered[0]}. ")
        _tap(page, page.locator("button.ax-toreview"))
        _set_now(page, f"{NOON} + 47 * 60000 + 5000")
        _tap(page, page.locator("button.ax-submit"))

        right = {uid: answers.get(uid) == [j for j, a in enumerate(items[uid]["a"]) if a[1]] for uid in run["uids"]}
        total_right = sum(right.values())
        scaled = practice.scaled_score(total_right, 65)
        assert page.locator(".ax-scaled").inner_text() == str(scaled)
        assert ("pass" if scaled >= 720 else "fail") in page.locator(".ax-verdict").inner_text()
        assert "0:47:05" in page.locator(".ax-verdict").inner_text()
        for domain in d["domains"]:
            mine = [u for u in run["uids"] if items[u]["d"] == domain["id"]]
            row = page.locator(f".ax-domains tr[data-domain='{domain['id']}']").inner_text()
            assert f"{sum(right[u] for u in mine)} of {len(mine)}" in row, row
        missed = page.locator(".ax-missed-q")
        assert missed.count() == 65 - total_right
        first = missed.first
        assert first.locator(".ax-why li").count() == 4  # every option explained
        links = page.locator(".ax-missed .ax-see a")
        assert links.count() > 0
        assert links.first.get_attribute("href").startswith("../notebooks/")
        page.screenshot(path=str(screenshots / f"exam_result_{width}.png"), full_page=True)
        page.evaluate("document.documentElement.dataset.theme='dark'")
        page.screenshot(path=str(screenshots / f"exam_result_dark_{width}.png"))

        queue = page.evaluate("JSON.parse(localStorage.getItem('awslab:review'))")
        assert sorted(queue) == sorted(u for u in run["uids"] if not right[u])

        page.reload()
        history = page.locator(".ax-intro .ax-history tbody tr")
        assert history.count() == 1
        assert f"{total_right} of 65" in history.first.inner_text() and str(SEED) in history.first.inner_text()
        assert page.locator(".ax-resume").is_hidden()
        assert page.locator(".ax-run").is_hidden()
        assert errors == []
    finally:
        context.close()


def test_a_short_bank_says_so_and_cannot_start(browser, pages, tmp_path):
    few = web.bank_items("saa", bank=fake_bank(3))
    (tmp_path / "few.html").write_text(practice.practice_html("saa", items=few))
    (tmp_path / "none.html").write_text(practice.practice_html("saa", items={}))
    (tmp_path / "full.html").write_text(practice.practice_html("saa", items=pages["items"]))
    page = browser.new_page()
    try:
        page.goto((tmp_path / "few.html").as_uri())
        assert "domain saa-1 needs 19 questions but the bank has 3" in page.locator(".ax-short").inner_text()
        assert page.locator("button.ax-start").is_disabled()
        page.goto((tmp_path / "none.html").as_uri())
        assert page.locator("button.ax-start").is_disabled()
        page.goto((tmp_path / "full.html").as_uri())
        assert page.locator(".ax-short").is_hidden() and page.locator("button.ax-start").is_enabled()
    finally:
        page.close()


def test_the_clock_survives_a_reload_and_time_up_submits(browser, pages):
    context = _context(browser, 1280)
    page = context.new_page()
    try:
        page.goto(pages["url"] + "/practice_exam.html")
        _set_now(page, NOON)
        page.reload()
        page.locator("button.ax-start").click()
        page.locator(".ax-q input").first.click()
        _set_now(page, f"{NOON} + 10 * 60000")
        page.reload()  # a paused attempt: the wall clock kept running
        assert "under way: 2:00:00 left" in page.locator(".ax-resume").inner_text()
        page.locator("button.ax-continue").click()
        assert page.locator(".ax-run .ax-timer").inner_text() == "Time left 2:00:00"
        assert "1 answered" in page.locator(".ax-count").inner_text()
        _set_now(page, f"{NOON} + 130 * 60000 + 1")
        page.locator(".ax-result").wait_for(state="visible", timeout=5_000)
        assert "Time is up" in page.locator(".ax-verdict").inner_text()
        attempt = page.evaluate("JSON.parse(localStorage.getItem('awslab:exam:attempts')).pop()")
        assert attempt["timeUp"] and attempt["seconds"] == 130 * 60
    finally:
        context.close()


def test_the_browser_and_python_schedule_alike(browser, pages):
    context = _context(browser, 390)
    page = context.new_page()
    try:
        page.goto(pages["url"] + "/review.html")
        sequence = [False, True, True, True, False, True, True, True, True, False, False, True] * 3
        card, today, expected = None, 20_000, []
        for right in sequence:
            card = grade(card, right=right, today=today)
            expected.append([card.ease, card.interval, card.repetitions, card.due])
            today = card.due
        got = page.evaluate(
            """seq => { var c = null, t = 20000, out = [];
                 seq.forEach(function (r) { c = awslabExam.grade(c, r, t); out.push([c.ease, c.interval, c.repetitions, c.due]);
                 t = c.due; }); return out; }""",
            sequence,
        )
        assert got == expected
        days = page.evaluate(f"[awslabExam.day({NOON}), awslabExam.day({NOON} + 11 * 3600000)]")
        assert days[1] == days[0]  # 23:00 the same evening is the same day
    finally:
        context.close()


def _review_once(page, question, *, right):
    """Answer the one card shown: every right answer, or the first wrong one."""
    targets = [i for i, a in enumerate(question.answers) if a.correct] if right else [label_first(question)]
    for i in targets:
        _tap(page, page.locator(f".ar-card input[value='{i}']"))
    _tap(page, page.locator("button.ar-check"))
    return page.locator(".ar-verdict").inner_text()


def label_first(question):
    """The first wrong answer as shown."""
    return next(i for i in question.shown if not question.answers[i].correct)


def test_the_review_queue_over_simulated_days(browser, pages, screenshots):
    context = _context(browser, 390)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    q = pages["quiz"]
    try:
        page.goto(pages["url"] + "/quiz.html")
        _set_now(page, NOON)
        page.reload()
        first = page.locator(".awslab-q").first
        wrong = label_first(q.questions[0])
        _tap(page, first.locator(f"input[value='{wrong}']"))
        _tap(page, first.locator("button.awslab-check"))
        assert first.locator(".awslab-verdict").inner_text().startswith("Not quite")
        uid = f"storage/ebs/{q.questions[0].id}"
        assert page.evaluate("JSON.parse(localStorage.getItem('awslab:review:inbox'))")[0][0] == uid

        schedule = []  # (day offset, right) -> what Python says
        card, day = None, 0
        card = grade(card, right=False, today=day)
        page.goto(pages["url"] + "/review.html")
        assert page.locator(".ar-due").inner_text() == "0"
        assert "Nothing to review today" in page.locator(".ar-card").inner_text()
        assert "due in 1 day" in page.locator(".ar-summary").inner_text()
        for offset, right in [(1, True), (2, True), (8, False), (9, True), (10, True)]:
            for quiet in range(day + 1, offset):  # the days between: nothing due
                _set_now(page, f"{NOON} + {quiet} * {DAY_MS}")
                page.reload()
                assert page.locator(".ar-due").inner_text() == "0", quiet
            _set_now(page, f"{NOON} + {offset} * {DAY_MS}")
            page.reload()
            assert page.locator(".ar-due").inner_text() == "1", offset
            if offset == 1:
                page.screenshot(path=str(screenshots / "review_390.png"), full_page=True)
                page.evaluate("document.documentElement.dataset.theme='dark'")
                page.screenshot(path=str(screenshots / "review_dark_390.png"), full_page=True)
                page.evaluate("delete document.documentElement.dataset.theme")
            verdict = _review_once(page, q.questions[0], right=right)
            card = grade(card, right=right, today=offset)
            word = "day." if card.interval == 1 else "days."
            assert verdict == f"{'Right' if right else 'Not quite'}: back in {card.interval} {word}", (offset, verdict)
            assert page.locator(".ar-explain .ax-why li").count() == len(q.questions[0].answers)
            schedule.append((offset, card.due))
            day = offset
        assert schedule == [(1, 2), (2, 8), (8, 9), (9, 10), (10, 16)]
        stored = page.evaluate("JSON.parse(localStorage.getItem('awslab:review'))")[uid]
        assert stored["due"] - page.evaluate(f"awslabExam.day({NOON})") == card.due
        assert errors == []

        page.goto(pages["url"] + "/progress.html")
        assert "0 due today, 1 in the queue" in page.locator(".ap-queue").inner_text()
        weak = page.locator(".ap-weak li").evaluate_all("ls => ls.map(l => l.dataset.task)")
        assert weak == sorted(q.questions[0].tasks)[:5]  # the one question tried, wrong at the first try
        assert page.locator(".ap-notebooks tbody tr").count() >= 51
        ebs = page.locator(".ap-notebooks tr", has_text="EBS").first.inner_text()
        assert f"0 of {len(q.questions)}" in ebs
        page.screenshot(path=str(screenshots / "progress_390.png"), full_page=True)
    finally:
        context.close()


def test_the_progress_page_counts_attempts_and_weak_tasks(browser, pages, screenshots):
    items = pages["items"]
    context = _context(browser, 1280)
    page = context.new_page()
    try:
        page.goto(pages["url"] + "/progress.html")
        uids = sorted(items)[:6]
        attempt = {
            "exam": "saa",
            "seed": 1,
            "at": 0,
            "seconds": 60,
            "right": 3,
            "total": 6,
            "scaled": 550,
            "pass": False,
            "domains": {},
            "results": {u: int(i % 2 == 0) for i, u in enumerate(uids)},
            "timeUp": False,
        }
        page.evaluate(f"localStorage.setItem('awslab:exam:attempts', {json.dumps(json.dumps([attempt]))})")
        page.evaluate(
            "localStorage.setItem('awslab:page:' + new URL('../notebooks/01_storage/06_ebs.html', "
            "location.href).pathname, '1')"
        )
        page.reload()
        assert "SAA-C03: 1 attempt, best 550, last 550 (fail, mark 720)" in page.locator(".ap-exams").inner_text()
        assert page.locator(".ap-done-count").inner_text().startswith("1 of ")
        assert page.locator(".ap-nb.ap-done").count() == 1
        score = {}
        for uid, ok in attempt["results"].items():
            for task in items[uid]["t"]:
                score.setdefault(task, [0, 0])
                score[task][0] += ok
                score[task][1] += 1
        expected = sorted(score, key=lambda t: (score[t][0] / score[t][1], -score[t][1], t))
        assert page.locator(".ap-weak li").evaluate_all("ls => ls.map(l => l.dataset.task)") == expected[:5]
        page.screenshot(path=str(screenshots / "progress_1280.png"), full_page=True)
    finally:
        context.close()


@pytest.fixture(scope="module")
def exam_book(tmp_path_factory, pages):
    """The three book pages built as a tiny Jupyter Book (warnings fail it), over the course's own bank."""
    from tests.support import build_book

    source = tmp_path_factory.mktemp("exam-book")
    (source / "book").mkdir()
    for name in ("practice_exam", "review", "progress"):
        (source / "book" / f"{name}.md").write_text((ROOT / "book" / f"{name}.md").read_text())
    (source / "_config.yml").write_text(
        "title: mini\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: 'off'\n"
        "sphinx:\n  extra_extensions: [awslab.book]\n  config:\n    nb_ipywidgets_js: {}\n    nb_render_plugin: awslab\n"
    )
    (source / "_toc.yml").write_text(
        "format: jb-book\nroot: book/practice_exam\nparts:\n  - caption: Exam practice\n    chapters:\n"
        "      - file: book/review\n      - file: book/progress\n"
    )
    result = build_book(source)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html_dir = source / "_build" / "html"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/book"
    server.shutdown()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_book_page_in_the_site_theme_light_and_dark(browser, exam_book, screenshots, width):
    from tests.browser.test_site import KNOWN_CONSOLE_NOISE

    context = _context(browser, width)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: None if any(n in str(e) for n in KNOWN_CONSOLE_NOISE) else errors.append(str(e)))
    try:
        page.goto(exam_book + "/practice_exam.html", wait_until="networkidle")
        assert "How the score is estimated" in page.locator(".ax-intro").inner_text()
        _tap(page, page.locator("button.ax-start"))
        _tap(page, page.locator(".ax-q label.ax-a").first)
        for _ in range(3):
            _tap(page, page.locator("button.ax-next"))
        page.mouse.wheel(0, 400)
        header = page.locator(".bd-header").bounding_box()
        bar = page.locator(".ax-run .ax-bar").bounding_box()
        assert bar["y"] >= header["y"] + header["height"] - 1, (bar, header)  # the timer is never under the header
        page.screenshot(path=str(screenshots / f"exam_book_{width}.png"))
        page.evaluate("document.documentElement.dataset.theme='dark'")
        page.screenshot(path=str(screenshots / f"exam_book_dark_{width}.png"))
        background = page.locator(".awslab-exam-page").evaluate("e => getComputedStyle(e).backgroundColor")
        assert background == "rgb(29, 35, 43)"
        for other in ("review", "progress"):
            page.goto(exam_book + f"/{other}.html", wait_until="networkidle")
            assert page.locator(".awslab-exam-page").count() == 1
        assert errors == []
    finally:
        context.close()
