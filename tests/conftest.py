"""Shared fixtures: the built book (built once per test session, exactly as `make book` builds it)."""

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support import HTML, ROOT, CourseRun, course_run


@pytest.fixture(scope="session")
def built_book(default_run) -> Path:
    """The course's own book, built by the same command as `make book`, from the session's default course run (the
    build finds a current executed copy of every notebook and executes none).

    Under pytest-xdist several workers may ask at once; a file lock makes them take turns (the second build finds
    everything cached and takes seconds)."""
    (ROOT / "_build").mkdir(exist_ok=True)
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"
    marker = ROOT / "_build" / ".book-built-by-test-run"
    with open(ROOT / "_build" / ".book.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            # One build per test run: a second build while another worker reads the pages could rewrite them.
            if marker.exists() and marker.read_text() == run_id:
                return HTML
            result = subprocess.run(
                [sys.executable, "-m", "awslab", "book"], capture_output=True, text=True, timeout=1200, cwd=ROOT
            )
            assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
            marker.write_text(run_id)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return HTML


@pytest.fixture(autouse=True)
def _review_queue_in_tmp(tmp_path_factory, monkeypatch):
    """A quiz answered wrong in a test joins a review queue in a temporary folder, never the user's own."""
    monkeypatch.setenv("AWSLAB_REVIEW_FILE", str(tmp_path_factory.getbasetemp() / "review-queue" / "review.json"))


@pytest.fixture(scope="session")
def default_run() -> CourseRun:
    """The course at its default parameters, executed once per test session: nbval's comparison, the book and the
    default-value assertions all read it."""
    return course_run(None)


@pytest.fixture(scope="session")
def startup_run() -> CourseRun:
    """The course under scenarios/startup.yaml (other values for every notebook), executed once per test session:
    the chapters' batch assertions and the scenario tests read it."""
    return course_run("startup")


# Hypothesis: one place for its settings. "dev" for authors' quick loops, "ci" (when CI is set) tries more examples
# in a fixed order, so that a red CI run can be reproduced exactly. HYPOTHESIS_PROFILE picks one by name.
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
