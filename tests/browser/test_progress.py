"""Practice on the site, in a real browser: exercises check typed answers, quizzes mark the page done in the sidebar,
and both survive a reload (localStorage)."""

import functools
import http.server
import threading

import pytest

from awslab import exercises
from tests.browser.conftest import QuietHandler

pytestmark = pytest.mark.browser

NUMBER = exercises.number(
    "progress-number",
    "Monthly cost",
    task="What is 1,250 GB at USD 0.023 per GB?",
    answer=28.75,
    unit="USD",
    hint="Multiply.",
    solution="1,250 x 0.023 = **28.75**.",
)
CHOICE = exercises.choice(
    "progress-choice",
    "Pick a class",
    task="Which is an S3 storage class?",
    choices=("gp3", "S3 Glacier Instant Retrieval", "io2"),
    answer="S3 Glacier Instant Retrieval",
    hint="Two of these are EBS volume types.",
    solution="gp3 and io2 are EBS volume types.",
)
CODE = exercises.code(
    "progress-code",
    "Write a statement",
    task="Write a Deny statement.",
    checker=lambda v: (True, "ok"),
    hint="Effect.",
    solution='`{"Effect": "Deny", ...}`',
)


@pytest.fixture
def exercise_page(tmp_path):
    body = "".join(e.to_html() for e in (NUMBER, CHOICE, CODE))
    (tmp_path / "index.html").write_text(
        f"<!doctype html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()


def _verdict(page, eid):
    return page.locator(f"#exercise-{eid} .awslab-ex-verdict").inner_text()


@pytest.mark.parametrize(
    "typed",
    ["28.75", "28.9 USD", "1e3", "abc", "", "27", "2,875"],
)
def test_the_browser_check_agrees_with_python(browser, exercise_page, typed):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(exercise_page)
        box = page.locator("#exercise-progress-number")
        box.locator("input.awslab-ex-in").fill(typed)
        box.locator("button.awslab-ex-check").click()
        shown = _verdict(page, "progress-number")
        if not typed:
            assert shown == "Type an answer first."
        else:
            expected = NUMBER.check(typed)
            assert shown.startswith("Right" if expected.right else "Not"), (typed, shown, str(expected))
            if not expected.right and not str(expected).startswith("Not checked"):
                assert shown.split(":")[1].split("%")[0] in str(expected), (shown, str(expected))
        assert errors == []
    finally:
        page.close()


def test_hint_and_solution_open_on_click_and_a_solved_exercise_is_remembered(browser, exercise_page):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(exercise_page)
        solution = page.locator("#exercise-progress-number details.awslab-ex-solution")
        assert not solution.evaluate("d => d.open")
        solution.locator("summary").click()
        assert solution.evaluate("d => d.open") and "28.75" in solution.inner_text()
        choice = page.locator("#exercise-progress-choice")
        choice.locator("label", has_text="gp3").click()
        choice.locator("button.awslab-ex-check").click()
        assert _verdict(page, "progress-choice").startswith("Not yet")
        choice.locator("label", has_text="Glacier Instant").click()
        choice.locator("button.awslab-ex-check").click()
        assert _verdict(page, "progress-choice") == "Right: S3 Glacier Instant Retrieval."
        assert "JupyterLab" in page.locator("#exercise-progress-code").inner_text()
        page.reload()
        assert _verdict(page, "progress-choice") == "Solved before."
        assert _verdict(page, "progress-number") == ""
    finally:
        context.close()


def test_a_page_whose_quizzes_are_solved_gets_a_tick_in_the_sidebar(browser, site):
    path = "/notebooks/01_storage/02_storage_classes_lifecycle.html"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site + path, wait_until="networkidle")
        link = page.locator(".bd-sidebar-primary a.current.reference.internal")  # this page's own link: href="#"
        assert "Storage classes" in link.inner_text()
        assert link.locator(".awslab-done").count() == 0
        questions = page.locator(".awslab-quiz .awslab-q")
        for i in range(questions.count()):
            q = questions.nth(i)
            q.scroll_into_view_if_needed()
            for label in q.locator("label.awslab-a[data-correct='1']").all():
                label.click()
            q.locator("button.awslab-check").click()
            assert q.locator(".awslab-verdict").inner_text() == "Correct."
        assert link.locator(".awslab-done").count() == 1
        page.goto(site + "/notebooks/01_storage/01_s3_fundamentals.html", wait_until="networkidle")
        other = page.locator(".bd-sidebar-primary a.reference.internal[href$='02_storage_classes_lifecycle.html']")
        assert other.locator(".awslab-done").count() == 1
        mine = page.locator(".bd-sidebar-primary a.reference.internal[href$='01_s3_fundamentals.html']")
        assert mine.locator(".awslab-done").count() == 0
    finally:
        context.close()
