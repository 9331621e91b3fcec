"""Shared fixtures: the built book (built once per test session, exactly as `make book` builds it)."""

import subprocess
import sys
from pathlib import Path

import pytest
from booktools import HTML, ROOT


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The course's own book, built by the same command as `make book`."""
    result = subprocess.run(
        [sys.executable, "-m", "awslab", "book"], capture_output=True, text=True, timeout=900, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return HTML


def pytest_collection_modifyitems(config, items):
    """Keep what must share a process together when pytest-xdist spreads tests over cores (`-n auto`):
    each notebook's nbval cells share one kernel, and the book tests share one build of the book."""
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix == ".ipynb":
            item.add_marker(pytest.mark.xdist_group(path.stem))
        elif item.get_closest_marker("book") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("book"))
