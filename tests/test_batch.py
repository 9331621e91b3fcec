"""Batch runs through `python -m awslab run` (papermill): other parameters, bad parameters, one line per notebook."""

import json
from pathlib import Path

import pytest

from awslab import runner
from tests.support import batch_run
from tests.support import run_awslab as awslab

ROOT = Path(__file__).resolve().parent.parent
STORAGE = ROOT / "notebooks" / "01_storage"
S3_NOTEBOOKS = [str(p) for p in sorted(STORAGE.glob("0[1-4]_*.ipynb"))]
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


def test_runs_every_notebook_with_other_parameters(tmp_path):
    parameters = {
        "seed": "11",
        "years": "5000",
        "gets_per_month": "4",
        "object_size_gib": "2",
        "presign_expires_seconds": "600",
        "price_overrides": '{"GLACIER": {"usd_per_gb_month": 0.004}}',
    }
    result = batch_run(S3_NOTEBOOKS, tmp_path, parameters, expected=4)
    assert "WARNING" not in result.stderr, result.stderr  # the kernel's start-up chatter stays out of the report
    executed = json.loads((tmp_path / "default" / "01_storage" / "01_s3_fundamentals.ipynb").read_text())
    printed = "".join("".join(o.get("text", "")) for c in executed["cells"] for o in c.get("outputs", []))
    assert "years=5,000" in printed and "seed=11" in printed
    lifecycle = json.loads((tmp_path / "default" / "01_storage" / "02_storage_classes_lifecycle.ipynb").read_text())
    assert any("injected-parameters" in c["metadata"].get("tags", []) for c in lifecycle["cells"])
    assert "'GLACIER': {'usd_per_gb_month': 0.004}" in json.dumps(lifecycle)


def test_bad_value_stops_the_notebook_with_a_clear_line(tmp_path):
    result = awslab("run", str(STORAGE / "01_s3_fundamentals.ipynb"), "--output", str(tmp_path), "-p", "years", "-5")
    assert result.returncode == 1
    expected = "FAILED  bad parameter (no cell was run): years=-5 is outside the allowed range (1 to 100000)"
    assert expected in result.stdout
    assert "0 passed, 1 failed" in result.stdout
    assert not (tmp_path / "default" / "01_storage" / "01_s3_fundamentals.ipynb").exists()  # no kernel, no copy


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
        inferred = set(papermill.inspect_notebook(str(notebook)))
        declared = {p.name for p in runner.notebook_parameters(notebook)}
        assert inferred == declared, f"{notebook.name}: papermill cannot parse {sorted(declared - inferred)}"
