"""Helpers shared by the test layers (a plain module: conftest.py files cannot be imported by name reliably)."""

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"


def build_book(source: Path) -> subprocess.CompletedProcess:
    """Build a Jupyter Book folder the way the course does (warnings are errors)."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return subprocess.run(
        [str(jupyter_book), "build", str(source), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        timeout=900,
    )


def run_awslab(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    """`python -m awslab ARGS` from the repository root, output captured (batch runs, params, bench)."""
    return subprocess.run(
        [sys.executable, "-m", "awslab", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout
    )


def check_explorer(factory, main: str, labels: list[str], bad: dict, message: str) -> None:
    """The explorer contract: builds cleanly, updates fast, precomputes the expected static steps in a small figure,
    and answers a bad typed value with the model's message while keeping the last good view."""
    started = time.perf_counter()
    explorer = factory()
    assert explorer.error is None and explorer.main == main
    assert explorer.last_view.numbers and explorer.last_view.figure.layout.title.text
    control = next(c for c in explorer.controls if c.name == main)
    timings = []
    for value in control.steps()[:4]:
        tick = time.process_time()
        explorer.set(**{main: value})
        timings.append(time.process_time() - tick)
        assert explorer.error is None
    # CPU time of an update (model + figure): wall time on a shared machine would measure the neighbours too.
    assert sorted(timings)[len(timings) // 2] < 0.05, timings
    figure = explorer.static_figure()
    assert time.perf_counter() - started < 10
    menu = figure.layout.sliders[0].steps if figure.layout.sliders else figure.layout.updatemenus[0].buttons
    assert [step.label for step in menu] == labels
    assert len(json.dumps(figure.to_plotly_json(), default=str)) < 150_000
    good = dict(explorer.last_view.numbers)
    explorer.set(**bad)
    assert explorer.error is not None and message in explorer.error
    assert explorer.last_view.numbers == good  # the last good view stays
