"""Every quiz and every exercise on every notebook page, answered in a real browser as a learner would (issue 16).

At 1280 px with the mouse, every question: a single-choice question is first answered wrongly (only that pick is
explained, the right answer stays hidden, the learner may try again), then rightly (every answer explained); a
multiple-answer question is answered rightly at once. Every number and choice exercise gets its right answer typed
or picked; a code exercise (checked by the kernel) opens its hint and solution. The score counts what happened, and
after a reload the page keeps the answers, the solved exercises and the sidebar tick. At 390 px with a finger, the
first question and the first exercise of each page are answered the same way (the controls are reachable and big
enough to tap).
"""

import json
import re
from pathlib import Path

import pytest

from tests.browser.test_site import KNOWN_CONSOLE_NOISE

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PAGES = [f"notebooks/{nb.parent.name}/{nb.stem}.html" for nb in sorted((ROOT / "notebooks").glob("*/*.md"))]


def _press(page, locator, touch):
    locator.evaluate("e => e.scrollIntoView({block: 'center'})")  # clear of the sticky header at 390 px
    box = locator.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, "not visible"
    (page.touchscreen.tap if touch else page.mouse.click)(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _answer_question(page, question, touch, where):
    labels = question.locator("label.awslab-a")
    correct = [labels.nth(i).get_attribute("data-correct") == "1" for i in range(labels.count())]
    multiple = question.locator("input[type=checkbox]").count() > 0
    check = question.locator("button.awslab-check")
    verdict = question.locator(".awslab-verdict")
    whys = question.locator(".awslab-why")
    if not multiple:
        wrong = correct.index(False)
        _press(page, labels.nth(wrong).locator("input"), touch)
        _press(page, check, touch)
        assert verdict.inner_text().startswith("Not quite"), f"{where}: a wrong pick gave {verdict.inner_text()!r}"
        shown = [whys.nth(i).is_visible() for i in range(whys.count())]
        assert shown[wrong] and sum(shown) == 1, f"{where}: a wrong pick must explain only itself, shown {shown}"
        assert question.locator("button.awslab-reveal").is_visible(), f"{where}: no 'Show the answer' after a miss"
        _press(page, labels.nth(correct.index(True)).locator("input"), touch)
    else:
        for i, right in enumerate(correct):
            if right:
                _press(page, labels.nth(i).locator("input"), touch)
    _press(page, check, touch)
    assert verdict.inner_text() == "Correct.", f"{where}: the right answer gave {verdict.inner_text()!r}"
    assert all(whys.nth(i).is_visible() for i in range(whys.count())), f"{where}: a right answer explains them all"
    return multiple


def _solve_exercise(page, box, touch, where):
    kind = box.get_attribute("data-kind")
    if kind == "code":
        for part in ("hint", "solution"):
            details = box.locator(f"details.awslab-ex-{part}")
            _press(page, details.locator("summary"), touch)
            assert details.get_attribute("open") is not None, f"{where}: the {part} does not open"
        return False
    answer = json.loads(box.get_attribute("data-answer"))
    if kind == "number":
        field = box.locator("input.awslab-ex-in")
        _press(page, field, touch)
        field.fill(f"{answer:,}" if isinstance(answer, int) else repr(answer))
    else:
        options = box.locator("input[type=radio]")
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        assert answer in values, f"{where}: the answer {answer!r} is not among the choices {values}"
        _press(page, options.nth(values.index(answer)), touch)
    _press(page, box.locator("button.awslab-ex-check"), touch)
    verdict = box.locator(".awslab-ex-verdict")
    assert "right" in (verdict.get_attribute("class") or ""), f"{where}: the right answer gave {verdict.inner_text()!r}"
    return True


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PAGES)
def test_every_quiz_and_exercise_answers(browser, site, path, width):
    touch = width < 600
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=touch)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)) if not any(n in str(e) for n in KNOWN_CONSOLE_NOISE) else None)
    try:
        page.goto(f"{site}/{path}", wait_until="domcontentloaded")
        quizzes, exercises = page.locator(".awslab-quiz"), page.locator(".awslab-ex")
        assert quizzes.count() >= 1, f"{path}: no quiz on the page"
        assert exercises.count() >= 2, f"{path}: fewer than two exercises on the page"
        questions = page.locator(".awslab-quiz .awslab-q")
        asked = range(questions.count()) if not touch else range(1)
        first_try = 0
        for i in asked:
            where = f"{path} at {width} px, question {i + 1}"
            first_try += _answer_question(page, questions.nth(i), touch, where)
        if not touch:
            total = questions.count()
            score = " ".join(quizzes.nth(q).locator(".awslab-score").inner_text() for q in range(quizzes.count()))
            got = [tuple(map(int, m)) for m in re.findall(r"Score: (\d+) of (\d+) right at the first try", score)]
            assert sum(a for a, _ in got) == first_try and sum(b for _, b in got) == total, f"{path}: score {score!r}"
        solved = []
        for i in range(exercises.count() if not touch else 1):
            box = exercises.nth(i)
            if _solve_exercise(page, box, touch, f"{path} at {width} px, exercise {box.get_attribute('data-ex')}"):
                solved.append(box.get_attribute("data-ex"))
        if not touch:
            page.reload(wait_until="domcontentloaded")
            for eid in solved:
                text = page.locator(f"#exercise-{eid} .awslab-ex-verdict").inner_text()
                assert text == "Solved before.", f"{path}: exercise {eid} after a reload says {text!r}"
            kept = page.locator(".awslab-quiz .awslab-verdict", has_text="Correct.").count()
            assert kept == questions.count(), f"{path}: {kept} of {questions.count()} answers kept after a reload"
            own = page.locator(".bd-sidebar-primary a.current.reference.internal")  # this page's own link
            assert own.locator(".awslab-done").count() == 1, f"{path}: every question answered, no tick in the sidebar"
        assert not errors, f"{path}: page errors {errors}"
    finally:
        context.close()
