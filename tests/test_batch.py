"""Batch runs through `python -m awslab run` (papermill): other parameters, bad parameters, one line per notebook."""

from pathlib import Path

import pytest

from awslab import runner
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parent.parent
STORAGE = ROOT / "notebooks" / "01_storage"
pytestmark = pytest.mark.notebooks


def test_every_notebook_declares_documented_parameters():
    for notebook in runner.find_notebooks():
        params = runner.notebook_parameters(notebook)
        assert params, notebook
        assert all(p.meaning for p in params), f"{notebook.name}: every parameter needs a comment saying what it is"


def test_params_command_lists_defaults_and_meaning():
    result = awslab("params", str(STORAGE / "01_s3_fundamentals.ipynb"))
    assert result.returncode == 0
    assert "years = 10000    # years the objects are kept" in result.stdout


def test_wrong_type_and_unknown_names_stop_before_any_cell_runs(tmp_path):
    wrong = awslab("run", str(STORAGE), "--output", str(tmp_path), "-p", "years", "ten")
    assert wrong.returncode == 2 and "parameter years='ten' must be a int" in wrong.stderr
    unknown = awslab("run", str(STORAGE), "--output", str(tmp_path), "-p", "yeers", "10")
    assert unknown.returncode == 2 and "unknown parameter(s) yeers" in unknown.stderr
    assert not any(tmp_path.iterdir())


def test_coerce_follows_the_default_type():
    assert runner.coerce("n", "3", 1) == 3
    assert runner.coerce("x", "3", 1.5) == 3.0
    assert runner.coerce("s", "3", "a") == "3"
    assert runner.coerce("b", "true", False) is True
    with pytest.raises(ValueError, match="must be a bool"):
        runner.coerce("b", "3", False)
    with pytest.raises(ValueError, match="must be a int"):
        runner.coerce("n", "2.5", 1)


def test_papermill_reads_every_parameter_cell_without_warnings():
    """papermill infers each parameter's type from its line; an '=' in a comment makes it give up on that line."""
    import papermill

    for notebook in runner.find_notebooks():
        inferred = set(papermill.inspect_notebook(str(notebook.with_suffix(".ipynb"))))
        declared = {p.name for p in runner.notebook_parameters(notebook)}
        assert inferred == declared, f"{notebook.name}: papermill cannot parse {sorted(declared - inferred)}"
