"""How fast the site's pages paint (issue 16, point 4), measured in Chromium on localhost: first contentful paint
of a text page and of notebook pages across chapters, as they are and with the CPU slowed 4x (DevTools throttling).
The numbers go to _build/speed.json and the test output; the bounds are the issue's (notebook pages under 1 s, and
under 3 s slowed; a text page near 0.5 s). Each bound holds for the fastest of three loads: other work on the machine
(CI runs tests side by side) only ever adds time, so the fastest load is the page's own cost."""

import json
import statistics
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "text": "book/intro.html",
    "storage": "notebooks/01_storage/06_ebs.html",
    "compute": "notebooks/02_compute/03_auto_scaling.html",
    "networking": "notebooks/03_networking/03_firewalls_packet_walk.html",
    "databases": "notebooks/04_databases/02_dynamodb.html",
    "security": "notebooks/05_security/02_iam_policies.html",
    "management": "notebooks/07_management/02_cloudformation.html",
}
FCP = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"


def _first_paint(browser, url: str, slowdown: int) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        if slowdown > 1:
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        page.goto(url, wait_until="load")
        page.wait_for_function(f"({FCP})() !== undefined", timeout=30_000)
        return page.evaluate(FCP)
    finally:
        context.close()


@pytest.fixture(scope="module")
def speeds(browser, site):
    found = {}
    for kind, path in PAGES.items():
        for slowdown in (1, 4):
            runs = [_first_paint(browser, f"{site}/{path}", slowdown) for _ in range(3)]
            found[f"{kind} x{slowdown}"] = {
                "page": path,
                "first_paint_ms": round(statistics.median(runs)),
                "runs": runs,
            }
    out = ROOT / "_build" / "speed.json"
    out.write_text(json.dumps(found, indent=2))
    print("\nfirst contentful paint (fastest of 3, ms):", {k: v["first_paint_ms"] for k, v in found.items()})
    return found


@pytest.mark.parametrize("kind", [k for k in PAGES if k != "text"])
def test_notebook_pages_paint_fast(speeds, kind):
    assert speeds[f"{kind} x1"]["first_paint_ms"] < 1000, speeds[f"{kind} x1"]
    assert speeds[f"{kind} x4"]["first_paint_ms"] < 3000, speeds[f"{kind} x4"]


def test_a_text_page_stays_fast(speeds):
    assert speeds["text x1"]["first_paint_ms"] < 700, speeds["text x1"]
