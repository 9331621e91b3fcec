"""JupyterLab in a real browser: run a chapter notebook, move an explorer's slider, type a bad value."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = "01_storage/04_large_objects_replication.ipynb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(home: Path, root_dir: Path, env: dict | None = None):
    """A JupyterLab server of its own (settings, runtime and workspaces under ``home``, no token, no news) serving
    ``root_dir``; yields its URL and, on the way out, stops its kernels and the server."""
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    # Lab 4 renders only the cells in view by default; the tests want every cell in the DOM.
    notebook_settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True, exist_ok=True)
    (notebook_settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    env = {
        **os.environ,
        **(env or {}),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    port = free_port()
    jupyter = Path(sys.executable).with_name("jupyter")
    server = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            "--allow-root",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={root_dir}",
            "--LabApp.news_url=None",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start: " + server.stderr.read().decode()[-2000:])
    try:
        yield url
    finally:
        for kernel in json.load(urllib.request.urlopen(f"{url}/api/kernels")):
            urllib.request.urlopen(urllib.request.Request(f"{url}/api/kernels/{kernel['id']}", method="DELETE"))
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, browser):
    with jupyterlab(tmp_path_factory.mktemp("lab"), ROOT / "notebooks") as url:
        yield url


def test_live_explorer_reacts_and_shows_errors_in_place(browser, lab, screenshots):
    page = browser.new_page(viewport={"width": 1400, "height": 2400})
    try:
        page.goto(f"{lab}/lab/tree/{NOTEBOOK}", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        kernel_dialog = page.locator(".jp-Dialog").get_by_role("button", name="Select", exact=True)
        try:  # a fresh Lab may ask which kernel to start; the notebook names python3, which is offered first
            kernel_dialog.click(timeout=5_000)
        except Exception:
            pass
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        explorer = page.locator(".awslab-explorer").first
        explorer.wait_for(timeout=60_000)
        explorer.scroll_into_view_if_needed()
        numbers = explorer.locator(".awslab-numbers")
        page.wait_for_function(
            "document.querySelector('.awslab-explorer .js-plotly-plot .main-svg') !== null", timeout=30_000
        )
        before = numbers.inner_text()
        assert "1,639 × 5 MiB" in before  # 8 GiB, automatic part size

        handle = explorer.locator(".widget-slider .noUi-handle").first  # object size
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_function(
            "before => document.querySelector('.awslab-explorer .awslab-numbers').innerText !== before",
            arg=before,
            timeout=15_000,
        )
        after = numbers.inner_text()
        assert "1,844 × 5 MiB" in after  # 9 GiB
        figure_title = explorer.locator(".js-plotly-plot .gtitle").first.text_content()
        assert "9 GiB" in figure_title

        box = explorer.locator("input[type='number']").first  # failures per GiB sent
        box.fill("-1")
        box.press("Enter")
        error = explorer.locator(".awslab-error")
        error.wait_for(timeout=15_000)
        assert "failures_per_gib=-1" in error.inner_text() and "allowed range" in error.inner_text()
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        assert page.locator("text=Traceback").count() == 0
        page.screenshot(path=str(screenshots / "jupyterlab_explorer.png"))
    except Exception:
        page.screenshot(path=str(screenshots / "jupyterlab_failure.png"))
        raise
    finally:
        page.close()
