"""Helpers shared by the book tests (a plain module: conftest.py files cannot be imported by name reliably)."""

import subprocess
import sys
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
