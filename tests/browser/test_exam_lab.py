"""The practice exam's JupyterLab face in a real JupyterLab: a notebook builds the widget over a made-up bank, and the
test answers, flags, opens the review screen, submits and reads the domain scores; the attempt and the missed
questions land in the kernel's files (a temporary folder, not the user's home)."""

import json
from pathlib import Path

import pytest

from tests.browser.test_lab import jupyterlab

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def lab_folder(tmp_path_factory, browser):
    home = tmp_path_factory.mktemp("exam-lab")
    work = home / "work"
    work.mkdir()
    source = (
        "from awslab.exam import explorers, web\n"
        "from tests.exam.fakes import fake_bank\n"
        f"panel = explorers.exam_widget('saa', seed=42, items=web.bank_items('saa', bank=fake_bank()),"
        f" store={str(work / 'attempts.json')!r}, review_path={str(work / 'review.json')!r})\n"
        "panel"
    )
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "exam",
                "metadata": {},
                "source": source,
                "outputs": [],
            }
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (work / "exam.ipynb").write_text(json.dumps(notebook))
    # The review queue's live face over simulated days: the kernel reads "today" from day.txt, which the test writes.
    review_source = (
        "import pathlib\n"
        "from awslab.exam import explorers, web\n"
        "from tests.exam.fakes import fake_bank\n"
        "day = pathlib.Path('day.txt')\n"
        "panel = explorers.review_widget(items=web.bank_items('saa', bank=fake_bank()), path='queue.json',"
        " today=lambda: int(day.read_text()))\n"
        "panel"
    )
    notebook["cells"][0] = {**notebook["cells"][0], "id": "review", "source": review_source}
    (work / "review.ipynb").write_text(json.dumps(notebook))
    with jupyterlab(home, work, {"PYTHONPATH": str(ROOT)}) as url:
        yield url, work


def test_the_practice_exam_in_jupyterlab(browser, lab_folder, screenshots):
    url, work = lab_folder
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    try:
        page.goto(f"{url}/lab/tree/exam.ipynb", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        try:
            page.locator(".jp-Dialog").get_by_role("button", name="Select", exact=True).click(timeout=5_000)
        except Exception:
            pass
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        exam = page.locator(".awslab-exam-live")
        exam.wait_for(timeout=60_000)
        assert "Time left 2:10:00" in exam.inner_text() and "Question 1 of 65" in exam.inner_text()

        exam.locator(".widget-radio-box label, .widget-checkbox label").first.click()
        page.wait_for_function(
            "document.querySelector('.awslab-exam-live').innerText.includes('1 answered')", timeout=15_000
        )
        exam.get_by_role("button", name="Flag for review").click()
        page.wait_for_function(
            "document.querySelector('.awslab-exam-live').innerText.includes('1 flagged')", timeout=15_000
        )
        exam.get_by_role("button", name="Next").click()
        page.wait_for_function(
            "document.querySelector('.awslab-exam-live').innerText.includes('Question 2 of 65')", timeout=15_000
        )
        page.screenshot(path=str(screenshots / "jupyterlab_exam.png"))
        exam.get_by_role("button", name="Review and submit").click()
        page.wait_for_function(
            "document.querySelector('.awslab-exam-live').innerText.includes('Unanswered (64)')", timeout=15_000
        )
        assert "Flagged for review (1)" in exam.inner_text()
        exam.get_by_role("button", name="Submit the exam").click()
        page.wait_for_function(
            "document.querySelector('.awslab-exam-live').innerText.includes('Estimated scaled score')", timeout=15_000
        )
        text = exam.inner_text()
        for title in ("Secure architectures", "Resilient architectures", "High-performing architectures"):
            assert title in text
        page.screenshot(path=str(screenshots / "jupyterlab_exam_result.png"))
        attempts = json.loads((work / "attempts.json").read_text())
        assert len(attempts) == 1 and attempts[0]["seed"] == 42 and attempts[0]["total"] == 65
        missed = 65 - attempts[0]["right"]
        assert len(json.loads((work / "review.json").read_text())) == missed
        assert f"{attempts[0]['right']} of 65 right" in text
        assert page.locator("text=Traceback").count() == 0
    except Exception:
        page.screenshot(path=str(screenshots / "jupyterlab_exam_failure.png"))
        raise
    finally:
        page.close()


def _run_all(page):
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def _due(page, count):
    page.wait_for_function(
        f"(document.querySelector('.awslab-review-live') || {{innerText: ''}}).innerText.includes('{count} due today')",
        timeout=30_000,
    )


def test_the_review_queue_in_jupyterlab_over_simulated_days(browser, lab_folder, screenshots):
    """Three questions missed on day D come back on day D+1; a right answer sends one to D+2 (SM-2's first
    interval), a wrong one keeps it a day away, an untouched one stays due, all kept in the kernel's file."""
    from awslab.exam import review
    from tests.exam.fakes import fake_bank

    url, work = lab_folder
    day = review.day_number()
    store = review.ReviewStore(work / "queue.json")
    missed = [q.uid for q in fake_bank() if not q.question.multiple][:3]
    for uid in missed:
        store.answer(uid, right=False, today=day)
    (work / "day.txt").write_text(str(day))
    page = browser.new_page(viewport={"width": 1280, "height": 1200})
    try:
        page.goto(f"{url}/lab/tree/review.ipynb", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        try:
            page.locator(".jp-Dialog").get_by_role("button", name="Select", exact=True).click(timeout=5_000)
        except Exception:
            pass
        # JupyterLab reopens the exam notebook from the first test too: wait for this one's (the visible) indicator.
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']:visible").first.wait_for(timeout=60_000)
        _run_all(page)
        _due(page, 0)
        assert "Nothing to review today" in page.locator(".awslab-review-live").inner_text()

        (work / "day.txt").write_text(str(day + 1))  # the next day: every miss is due
        _run_all(page)
        _due(page, 3)
        panel = page.locator(".awslab-review-live")
        panel.locator(".widget-radio-box label", has_text="constraint well").click()
        panel.get_by_role("button", name="Check").click()
        page.wait_for_function(
            "document.querySelector('.awslab-review-live').innerText.includes('Right: back in 1 day')", timeout=15_000
        )
        panel.get_by_role("button", name="Next question").click()
        _due(page, 2)
        panel.locator(".widget-radio-box label", has_text="constraint poorly").first.click()
        panel.get_by_role("button", name="Check").click()
        page.wait_for_function(
            "document.querySelector('.awslab-review-live').innerText.includes('Not quite: back in 1 day')",
            timeout=15_000,
        )
        panel.get_by_role("button", name="Next question").click()
        _due(page, 1)
        page.screenshot(path=str(screenshots / "jupyterlab_review.png"))
        cards = json.loads((work / "queue.json").read_text())
        assert sorted(cards) == sorted(missed)
        right = [u for u, c in cards.items() if c["repetitions"] == 1]
        assert len(right) == 1 and cards[right[0]]["due"] == day + 2
        wrong = [u for u, c in cards.items() if c["lapses"] == 2]
        assert len(wrong) == 1 and cards[wrong[0]]["due"] == day + 2 and cards[wrong[0]]["ease"] < 2.5
        untouched = [u for u, c in cards.items() if c["due"] == day + 1]
        assert len(untouched) == 1

        (work / "day.txt").write_text(str(day + 2))  # two days on: the two answered are due, the untouched one too
        _run_all(page)
        _due(page, 3)
        assert page.locator("text=Traceback").count() == 0
    except Exception:
        page.screenshot(path=str(screenshots / "jupyterlab_review_failure.png"))
        raise
    finally:
        page.close()
