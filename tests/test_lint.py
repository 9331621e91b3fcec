"""ruff over everything we write: the package, the tests and the notebooks' code (it reads the committed .ipynb)."""

import subprocess
import sys
from pathlib import Path

from tests.support import ROOT

RUFF = Path(sys.executable).with_name("ruff")


def test_ruff_finds_nothing_in_the_package_tests_and_notebooks():
    done = subprocess.run(
        [str(RUFF), "check", "awslab", "tests", "notebooks", "conftest.py"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_ruff_format_is_applied():
    done = subprocess.run(
        [str(RUFF), "format", "--check", "awslab", "tests", "conftest.py"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout[-4000:]
