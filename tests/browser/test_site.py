"""The built site in a real browser: loads offline without errors, draws every figure, sliders and quizzes respond."""

import json
from pathlib import Path

import pytest

from awslab import book

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
# Not ours, and present in a default Jupyter Book 1 build too: JB1 declares THEBE_JS_URL twice on every page, and
# pydata-sphinx-theme logs "invalid theme mode" when a second page of the same origin opens with an empty stored mode.
KNOWN_CONSOLE_NOISE = ("THEBE_JS_URL", "Got invalid theme mode: . Resetting to auto.")


def pages():
    for page in sorted((ROOT / "book").glob("*.md")):
        yield f"book/{page.stem}.html", None
    for notebook in sorted((ROOT / "notebooks").glob("*/*.ipynb")):
        yield f"notebooks/{notebook.parent.name}/{notebook.stem}.html", notebook


def open_page(browser, url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside, errors = [], []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)) if not any(n in str(e) for n in KNOWN_CONSOLE_NOISE) else None)
    page.on(
        "console",
        lambda m: (
            errors.append(m.text) if m.type == "error" and not any(n in m.text for n in KNOWN_CONSOLE_NOISE) else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    return page, outside, errors


@pytest.mark.parametrize(("path", "notebook"), list(pages()), ids=[p for p, _ in pages()])
def test_page_loads_offline_and_draws_every_figure(browser, site, screenshots, path, notebook):
    page, outside, errors = open_page(browser, f"{site}/{path}")
    try:
        assert outside == [], f"requests leaving 127.0.0.1: {outside}"
        assert errors == [], errors
        if notebook is not None:
            expected = book.figure_counts(json.loads(notebook.read_text()))
            drawn_js = "[...document.querySelectorAll('.awslab-figure .js-plotly-plot')].filter(e => e._fullLayout && e.querySelector('.main-svg')).length"
            page.wait_for_function(f"{drawn_js} >= {expected}", timeout=20_000)
            drawn = page.evaluate(drawn_js)
            assert drawn == expected
        page.screenshot(path=str(screenshots / (path.replace("/", "__") + ".png")), full_page=True)
    finally:
        page.close()


def test_kernel_free_slider_changes_the_figure(browser, site):
    page, _, errors = open_page(browser, f"{site}/notebooks/01_storage/01_s3_fundamentals.html")
    try:
        figure = page.locator(".awslab-figure .js-plotly-plot").first
        figure.scroll_into_view_if_needed()
        before = figure.evaluate("gd => ({visible: gd.data.map(t => t.visible), sub: gd.layout.title.subtitle.text})")
        rail = figure.locator(".slider-rail-touch-rect").first
        box = rail.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] / 2)
        page.wait_for_timeout(500)
        after = figure.evaluate("gd => ({visible: gd.data.map(t => t.visible), sub: gd.layout.title.subtitle.text})")
        assert after["visible"] != before["visible"]
        assert after["sub"] != before["sub"]
        assert sum(bool(v) for v in after["visible"]) == sum(bool(v) for v in before["visible"])
        assert errors == []
    finally:
        page.close()


def test_quiz_answers_on_click(browser, site):
    page, _, errors = open_page(browser, f"{site}/notebooks/01_storage/02_storage_classes_lifecycle.html")
    try:
        question = page.locator(".awslab-quiz .awslab-q").first
        question.scroll_into_view_if_needed()
        question.locator("button.awslab-check").click()
        assert question.locator(".awslab-verdict").inner_text() == "Choose an answer first."
        question.locator("label.awslab-a").nth(1).click()  # a wrong answer
        question.locator("button.awslab-check").click()
        assert "Not quite" in question.locator(".awslab-verdict").inner_text()
        question.locator("label.awslab-a").nth(0).click()  # the right one
        question.locator("button.awslab-check").click()
        assert question.locator(".awslab-verdict").inner_text() == "Correct."
        assert question.locator(".awslab-why").first.is_visible()
        assert errors == []
    finally:
        page.close()


def test_search_finds_a_term(browser, site):
    page, outside, _ = open_page(browser, f"{site}/search.html?q=durability")
    try:
        page.wait_for_selector("#search-results li a", timeout=15_000)
        hrefs = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))")
        assert any("01_s3_fundamentals" in h for h in hrefs), hrefs
        assert outside == []
    finally:
        page.close()
