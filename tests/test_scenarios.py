"""Scenario runs, shards and collected results (the runner's planning is tested without executing notebooks)."""

import subprocess
import sys
from pathlib import Path

import pytest

from awslab import results, runner
from tests.support import ONLY

ROOT = Path(__file__).resolve().parent.parent
STORAGE = ROOT / "notebooks" / "01_storage"
S3_NOTEBOOKS = sorted(STORAGE.glob("0[1-4]_*.md"))


def test_shipped_scenarios_plan_cleanly():
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        scenario = runner.Scenario.load(path)
        plans = dict(runner.plan_run(runner.find_notebooks(None), {}, scenario))
        lifecycle = plans[STORAGE / "02_storage_classes_lifecycle.md"]
        assert (
            lifecycle["object_count"]
            == scenario.notebooks["01_storage/02_storage_classes_lifecycle.ipynb"]["object_count"]
        )
        assert plans[STORAGE / "01_s3_fundamentals.md"]["seed"] == scenario.parameters["seed"]
        every = {runner.notebook_key(nb) for nb in runner.find_notebooks(None)}
        assert set(scenario.notebooks) == every, f"{path.name} leaves out {sorted(every - set(scenario.notebooks))}"
        for notebook, values in plans.items():  # every value passes the notebook's own checks
            runner.preflight(notebook, values)


def test_command_line_beats_scenario_and_types_are_checked(tmp_path):
    scenario_file = tmp_path / "s.yaml"
    scenario_file.write_text(
        "name: t\nparameters: {seed: 5}\nnotebooks:\n  01_storage/01_s3_fundamentals.ipynb: {years: 20}\n"
    )
    scenario = runner.Scenario.load(scenario_file)
    plan = dict(runner.plan_run(S3_NOTEBOOKS, {"seed": "9"}, scenario))
    assert plan[STORAGE / "01_s3_fundamentals.md"] == {"seed": 9, "years": 20}
    scenario_file.write_text("notebooks:\n  01_storage/01_s3_fundamentals.ipynb: {years: twenty}\n")
    with pytest.raises(ValueError, match="years='twenty' must be a int"):
        runner.plan_run(S3_NOTEBOOKS, {}, runner.Scenario.load(scenario_file))
    scenario_file.write_text("notebooks:\n  01_storage/01_s3_fundamentals.ipynb: {gets_per_month: 2}\n")
    with pytest.raises(ValueError, match="sets 'gets_per_month' for 01_storage/01_s3_fundamentals.ipynb"):
        runner.plan_run(S3_NOTEBOOKS, {}, runner.Scenario.load(scenario_file))
    scenario_file.write_text("notebooks:\n  01_storage/99_missing.ipynb: {seed: 1}\n")
    with pytest.raises(ValueError, match="do not exist"):
        runner.plan_run(S3_NOTEBOOKS, {}, runner.Scenario.load(scenario_file))
    scenario_file.write_text("name: t\nparamaters: {}\n")
    with pytest.raises(ValueError, match="unknown key"):
        runner.Scenario.load(scenario_file)


def test_shards_partition_the_notebooks():
    notebooks = runner.find_notebooks(None)
    shards = [runner.shard(notebooks, f"{i}/3") for i in (1, 2, 3)]
    assert sorted(nb for s in shards for nb in s) == sorted(notebooks)
    assert not set(shards[0]) & set(shards[1])
    for bad in ("0/3", "4/3", "x", "1-3"):
        with pytest.raises(ValueError, match="--shard"):
            runner.shard(notebooks, bad)


def test_record_is_silent_interactively_and_collected_in_batch(tmp_path, monkeypatch):
    monkeypatch.delenv(results.RESULTS_FILE_ENV, raising=False)
    assert results.record("answer", 42) is None
    target = tmp_path / "r.jsonl"
    monkeypatch.setenv(results.RESULTS_FILE_ENV, str(target))
    results.record("answer", 42)
    results.record("answer", 43)
    results.record("name", "GLACIER")
    assert results.read_results(str(target)) == {"answer": 43, "name": "GLACIER"}
    for bad_name, bad_value, message in [
        ("Bad Name", 1, "lowercase"),
        ("x", float("nan"), "finite"),
        ("x", object(), "number, string"),
    ]:
        with pytest.raises(ValueError, match=message):
            results.record(bad_name, bad_value)


@pytest.mark.notebooks
def test_scenario_run_collects_results_and_compare_writes_offline_page(tmp_path, startup_run):
    """The whole course under one scenario (the session's startup run), then a comparison with another."""
    out = tmp_path / "executed"
    assert startup_run.returncode == 0, startup_run.stdout[-4000:]
    count = len(runner.find_notebooks(ONLY or None))
    assert f"{count} passed, 0 failed" in startup_run.stdout
    startup = startup_run.summary
    assert startup["scenario"] == "startup" and len(startup["notebooks"]) == count
    for name, entry in startup["notebooks"].items():
        assert entry["ok"] and len(entry["results"]) >= 2, f"{name} records {entry['results']}"
    if "01_storage/02_storage_classes_lifecycle.ipynb" not in startup["notebooks"]:
        pytest.skip("AWSLAB_TEST_NOTEBOOKS leaves out the lifecycle notebook the comparison uses")
    entry = startup["notebooks"]["01_storage/02_storage_classes_lifecycle.ipynb"]
    assert entry["parameters"]["object_size_kib"] == 128 and entry["results"]["cheapest_policy"]
    done = subprocess.run(
        [sys.executable, "-m", "awslab", "run", str(STORAGE / "02_storage_classes_lifecycle.md")]
        + ["--scenario", str(ROOT / "scenarios" / "enterprise.yaml"), "--output", str(out), "--jobs", "2"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[1/1] 02_storage_classes_lifecycle.ipynb" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "awslab", "compare", "--output", str(tmp_path)]
        + [str(startup_run.folder / "results.json"), str(out / "enterprise" / "results.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "comparison.html").read_text()
    assert "cheapest_total_usd" in page and 'src="plotly.min.js"' in page and "cdn" not in page.lower()
    assert (tmp_path / "plotly.min.js").exists()
    header = (tmp_path / "comparison.csv").read_text().splitlines()[0]
    assert header == "notebook,result,startup,enterprise"
