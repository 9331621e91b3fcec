"""The built site in a real browser: loads offline without errors, draws every figure, sliders and quizzes respond."""

import json
from pathlib import Path

import pytest

from awslab import book
from tests.support import EXECUTED

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
            executed = EXECUTED / "default" / notebook.parent.name / notebook.name  # the copy the book was built from
            expected = book.figure_counts(json.loads(executed.read_text()))
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
        figure = page.locator(".awslab-figure", has=page.locator(".awslab-range")).first
        figure.scroll_into_view_if_needed()
        plot = figure.locator(".js-plotly-plot")
        state = "gd => gd.data.map(t => t.visible)"
        before, sub = plot.evaluate(state), figure.locator(".awslab-fig-sub").inner_text()
        box = figure.locator(".awslab-range").bounding_box()
        page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] / 2)
        page.wait_for_timeout(300)
        after = plot.evaluate(state)
        assert after != before
        assert figure.locator(".awslab-fig-sub").inner_text() != sub
        assert sum(bool(v) for v in after) == sum(bool(v) for v in before)
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
        question.locator("label.awslab-a[data-correct='0']").first.click()  # a wrong answer (order is shuffled)
        question.locator("button.awslab-check").click()
        assert "Not quite" in question.locator(".awslab-verdict").inner_text()
        question.locator("label.awslab-a[data-correct='1']").first.click()  # the right one
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


def test_download_button_gives_the_notebook(browser, site):
    page, _, errors = open_page(browser, f"{site}/notebooks/01_storage/05_glacier.html")
    try:
        page.locator(".dropdown-download-buttons button.dropdown-toggle").click()
        link = page.locator("a.btn-download-source-button")
        assert link.is_visible() and link.inner_text().strip() == ".ipynb"
        # The link opens a tab that the browser turns into a download (a static server sends .ipynb as a file).
        downloads = []
        page.on("download", lambda d: downloads.append(d))
        page.context.on("page", lambda tab: tab.on("download", lambda d: downloads.append(d)))
        link.click()
        for _ in range(100):
            if downloads:
                break
            page.wait_for_timeout(100)
        assert downloads, "clicking .ipynb started no download"
        assert downloads[0].suggested_filename == "05_glacier.ipynb"
        downloaded = json.loads(Path(downloads[0].path()).read_text())
        source = json.loads((ROOT / "notebooks" / "01_storage" / "05_glacier.ipynb").read_text())
        assert downloaded["nbformat"] == 4
        assert [c["source"] for c in downloaded["cells"]] == [c["source"] for c in source["cells"]]
        assert errors == []
    finally:
        page.close()


CONTRAST_JS = """
(el) => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let bg = el;
  while (bg && (getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)' || getComputedStyle(bg).backgroundColor === 'transparent')) bg = bg.parentElement;
  const back = rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)');
  const fore = rgb(getComputedStyle(el).color);
  const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
"""


def _contrast(foreground: str, background: str) -> float:
    def lum(colour: str) -> float:
        colour = colour.lstrip("#")
        if len(colour) == 3:
            colour = "".join(c * 2 for c in colour)
        channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([lum(foreground), lum(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_mode_keeps_figures_and_quizzes_readable(browser, site, screenshots):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site}/notebooks/01_storage/02_storage_classes_lifecycle.html", wait_until="load")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        figure = page.locator(".awslab-figure .js-plotly-plot").first
        figure.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('.awslab-figure .js-plotly-plot')._fullLayout !== undefined")
        page.wait_for_function("gd => gd._fullLayout.paper_bgcolor !== '#ffffff'", arg=figure.element_handle())
        colours = figure.evaluate("gd => [gd._fullLayout.font.color, gd._fullLayout.paper_bgcolor]")
        assert _contrast(*colours) >= 4.5, colours  # legible text on the figure's own (dark) background
        assert _contrast(colours[1], "#000000") < 2.0, colours  # no glaring white card on the dark page
        grid = figure.evaluate("gd => gd._fullLayout.xaxis.gridcolor")
        assert _contrast(grid, colours[1]) < 3.0, grid  # grid lines stay faint
        page.evaluate("document.documentElement.dataset.theme = 'light'")  # the reader switches back
        page.wait_for_function("gd => gd._fullLayout.paper_bgcolor === '#ffffff'", arg=figure.element_handle())
        page.evaluate("document.documentElement.dataset.theme = 'dark'")
        page.wait_for_function("gd => gd._fullLayout.paper_bgcolor !== '#ffffff'", arg=figure.element_handle())
        question = page.locator(".awslab-quiz .awslab-q").first
        question.scroll_into_view_if_needed()
        assert page.locator(".awslab-quiz h4").first.evaluate(CONTRAST_JS) >= 4.5  # the theme colours headings
        assert question.locator("p").first.evaluate(CONTRAST_JS) >= 4.5
        question.locator("label.awslab-a[data-correct='0']").first.click()
        question.locator("button.awslab-check").click()
        assert question.locator(".awslab-verdict").evaluate(CONTRAST_JS) >= 4.5
        assert question.locator("label.awslab-a.wrong").evaluate(CONTRAST_JS) >= 4.5
        question.locator("button.awslab-reveal").click()  # a wrong pick no longer shows the right answer by itself
        assert question.locator("label.awslab-a.right").evaluate(CONTRAST_JS) >= 4.5
        page.screenshot(path=str(screenshots / "dark__notebooks__01_storage__02_storage_classes_lifecycle.html.png"))
    finally:
        context.close()
