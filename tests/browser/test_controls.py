"""Every control of every kernel-free explorer on the site, used as a learner would (issue 16, point 1): each button
clicked with the mouse at 1280 px and tapped with a finger at 390 px, each slider position clicked; after each, the
figure shows exactly that step's traces and the control says which step is on."""

import json
from pathlib import Path

import pytest

from tests.browser.test_site import KNOWN_CONSOLE_NOISE

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PAGES = [f"notebooks/{nb.parent.name}/{nb.stem}.html" for nb in sorted((ROOT / "notebooks").glob("*/*.md"))]
STEPS = """gd => {
  const s = gd.layout.sliders && gd.layout.sliders.length ? gd.layout.sliders[0].steps : gd.layout.updatemenus[0].buttons;
  return s.map(step => step.args[0].visible);
}"""
VISIBLE = "gd => gd.data.map(t => t.visible === true)"


def _press(page, locator, touch):
    # To the middle of the screen: at 390 px the site's sticky header covers the top edge, where
    # scroll_into_view_if_needed leaves an element, and a tap there lands on the header.
    locator.evaluate("e => e.scrollIntoView({block: 'center'})")
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    (page.touchscreen.tap if touch else page.mouse.click)(x, y)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PAGES)
def test_every_control_changes_its_figure(browser, site, path, width):
    touch = width < 600
    context = browser.new_context(viewport={"width": width, "height": 900}, has_touch=touch)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)) if not any(n in str(e) for n in KNOWN_CONSOLE_NOISE) else None)
    try:
        page.goto(f"{site}/{path}", wait_until="networkidle")
        figures = page.locator(".awslab-figure", has=page.locator(".awslab-controls"))
        for index in range(figures.count()):
            figure = figures.nth(index)
            figure.scroll_into_view_if_needed()  # figures are drawn as they come near the screen
            plot = figure.locator(".js-plotly-plot")
            plot.scroll_into_view_if_needed()
            page.wait_for_function("gd => gd._fullLayout", arg=plot.element_handle(), timeout=15_000)
            masks = plot.evaluate(STEPS)
            where = f"{path} figure {index + 1} at {width} px"
            controls = figure.locator(".awslab-controls")
            assert controls.bounding_box()["width"] <= width, f"{where}: controls wider than the screen"
            buttons = figure.locator("button.awslab-step")
            if buttons.count():
                assert buttons.count() == len(masks), where
                order = list(range(1, len(masks))) + [0]  # the default first is already on: start from the next
                for i in order:
                    button = buttons.nth(i)
                    box = button.bounding_box()
                    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{where}: button {i} off screen"
                    assert box["height"] >= 32, f"{where}: button {i} too small for a finger"
                    _press(page, button, touch)
                    page.wait_for_function(
                        "([gd, mask]) => JSON.stringify(gd.data.map(t => t.visible === true)) === JSON.stringify(mask)",
                        arg=[plot.element_handle(), masks[i]],
                        timeout=5_000,
                    )
                    assert button.get_attribute("aria-pressed") == "true", where
            else:
                slider = figure.locator("input.awslab-range")
                labels = json.loads(slider.get_attribute("data-labels"))
                assert len(labels) == len(masks), where
                seen = set()
                thumb = 8  # half of Chromium's range thumb
                for i in range(len(masks)):
                    slider.evaluate("e => e.scrollIntoView({block: 'center'})")
                    box = slider.bounding_box()
                    x = box["x"] + thumb + (box["width"] - 2 * thumb) * i / max(1, len(masks) - 1)
                    (page.touchscreen.tap if touch else page.mouse.click)(x, box["y"] + box["height"] / 2)
                    value = int(slider.input_value())
                    page.wait_for_function(
                        "([gd, mask]) => JSON.stringify(gd.data.map(t => t.visible === true)) === JSON.stringify(mask)",
                        arg=[plot.element_handle(), masks[value]],
                        timeout=5_000,
                    )
                    assert figure.locator(".awslab-controls output").inner_text() == labels[value], where
                    seen.add(value)
                assert seen == set(range(len(masks))), f"{where}: positions {sorted(seen)} of {len(masks)} reached"
        assert errors == [], errors
    finally:
        context.close()
