"""Runs that never lie (issue 18): one run at a time per output folder, good copies never replaced by failed or
interrupted ones, results.json marked when anything went wrong, one rule for parameter values, one-line errors.

The run tests execute a tiny test-only notebook (written into a tmp folder) through the real command line."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from awslab import compare, runner
from tests.support import ROOT

S3 = runner.NOTEBOOKS / "01_storage" / "01_s3_fundamentals.md"
S3_KEY = "01_storage/01_s3_fundamentals.ipynb"

SLEEPER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
kernelspec:
  display_name: Python 3 (ipykernel)
  language: python
  name: python3
---

# A notebook for the runner's tests

```{code-cell} ipython3
:tags: [parameters]

seconds = 0.0  # how long the middle cell sleeps
label = "default"  # the result it records
fail = False  # raise in the middle cell
marker = ""  # a file written when the middle cell starts
stubborn = False  # the middle cell ignores an interrupt (keeps sleeping)
```

```{code-cell} ipython3
:tags: [validate-parameters]

if seconds < 0:
    raise ValueError(f"seconds={seconds!r} must be at least 0")
```

```{code-cell} ipython3
import pathlib
import time

from awslab import results

if marker:
    pathlib.Path(marker).write_text("started")
try:
    time.sleep(seconds)
except KeyboardInterrupt:
    if not stubborn:
        raise
    time.sleep(seconds)
if fail:
    raise RuntimeError("asked to fail")
results.record("label", label)
```

```{code-cell} ipython3
print("done", label)
```
"""


def awslab(*args: str, timeout: int = 300, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "awslab", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout, **kwargs
    )


def start_awslab(*args: str) -> subprocess.Popen:
    """`python -m awslab ARGS` in its own process group, as a shell runs a command (Ctrl-C reaches the group)."""
    return subprocess.Popen(
        [sys.executable, "-m", "awslab", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )


def wait_for(path: Path, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.2)


def one_line_error(done: subprocess.CompletedProcess, *words: str) -> str:
    """The command failed with exit code 2 and one line on stderr containing WORDS, and no traceback."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


@pytest.fixture
def sleeper(tmp_path) -> Path:
    source = tmp_path / "lab" / "sleeper.md"
    source.parent.mkdir()
    source.write_text(SLEEPER)
    return source


def layout(out: Path) -> dict:
    """What a run left in OUT/default: every file (relative path -> bytes), staging and temporary files included."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def kernels_of(out: Path) -> list[int]:
    """Processes still running whose environment points at OUT (the kernels a run started, through their results
    file): after a run, none may be left."""
    pids = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if str(out).encode() in (proc / "environ").read_bytes():
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


# --- One rule for values --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("017", 17),
        ("1:30", "1:30"),
        ("1e3", 1000.0),
        ("-2.5E-1", -0.25),
        ("0o17", 15),
        ("0x1F", 31),
        ("true", True),
        ("False", False),
        ("yes", "yes"),
        ("off", "off"),
        ("~", None),
        ("1_000", "1_000"),
        ("2026-12-03", "2026-12-03"),
        ("[1, 2]", [1, 2]),
        ("[1,", "[1,"),  # not YAML: the text itself
    ],
)
def test_values_follow_yaml_1_2_core(text, value):
    assert runner.parse_value(text) == value
    assert type(runner.parse_value(text)) is type(value)


def test_command_line_values_fit_the_default_type():
    assert runner.coerce("seed", "017", 1) == 17
    assert runner.coerce("x", "1e3", 1.5) == 1000.0
    assert runner.coerce("n", "1e3", 1) == 1000 and isinstance(runner.coerce("n", "1e3", 1), int)
    assert runner.coerce("at", "1:30", "noon") == "1:30"
    assert runner.coerce("code", "017", "a") == "017"  # text stays exactly as typed
    assert runner.coerce("b", "TRUE", False) is True
    for name, text, default, allowed in [
        ("n", "1:30", 1, "int"),
        ("b", "yes", False, "bool"),
        ("n", "2.5", 1, "int"),
        ("n", "1e400", 1, "int"),
        ("x", "true", 1.5, "float"),
    ]:
        with pytest.raises(ValueError, match=f"parameter {name}={text!r} must be a {allowed} like its default"):
            runner.coerce(name, text, default)


def test_scenario_files_use_the_same_rule(tmp_path):
    scenario_file = tmp_path / "s.yaml"
    scenario_file.write_text(f"name: t\nparameters: {{seed: 017}}\nnotebooks:\n  {S3_KEY}: {{years: 1e3}}\n")
    plan = dict(runner.plan_run([S3], {}, runner.Scenario.load(scenario_file)))
    assert plan[S3] == {"seed": 17, "years": 1000}
    scenario_file.write_text(f"notebooks:\n  {S3_KEY}: {{years: 1:30}}\n")
    with pytest.raises(ValueError, match=r"s\.yaml: notebooks\.01_storage/01_s3_fundamentals\.ipynb: .*years='1:30'"):
        runner.plan_run([S3], {}, runner.Scenario.load(scenario_file))
    scenario_file.write_text("parameters: {seed: 1}\nparameters: {seed: 2}\n")
    with pytest.raises(ValueError, match="line 2, column 1: the key 'parameters' appears twice"):
        runner.Scenario.load(scenario_file)


# --- Scenario and command-line errors: one line, never a traceback ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("name: [unclosed\n", ["s.yaml", "not valid YAML", "line 2"]),
        (f"notebooks:\n  {S3_KEY}: [1, 2]\n", ["s.yaml", f"notebooks.{S3_KEY} must be a mapping", "[1, 2]"]),
        ("notebooks:\n  01_storage/01_s3_fundamentals.md: {seed: 1}\n", ["s.yaml", "01_s3_fundamentals.md", ".ipynb"]),
        ("notebooks:\n  01_storage/99_nothing.ipynb: {seed: 1}\n", ["s.yaml", "99_nothing.ipynb", "do not exist"]),
        ("parameters: [1, 2]\n", ["s.yaml", "parameters must be a mapping"]),
        ("parameters: {1: 2}\n", ["s.yaml", "1 is not a parameter name"]),
        ("just text\n", ["s.yaml", "must be a mapping"]),
        (f"notebooks:\n  {S3_KEY}: {{years: twenty}}\n", ["s.yaml", "years='twenty' must be a int", S3_KEY]),
    ],
    ids=["malformed", "list-values", "md-key", "unknown-key", "parameters-list", "int-name", "text", "wrong-type"],
)
def test_scenario_errors_are_one_line(tmp_path, text, words):
    scenario_file = tmp_path / "s.yaml"
    scenario_file.write_text(text)
    done = awslab("run", str(S3), "--scenario", str(scenario_file), "--output", str(tmp_path / "out"))
    one_line_error(done, *words)
    assert not (tmp_path / "out").exists()


def test_a_missing_scenario_file_and_other_cli_mistakes_are_one_line(tmp_path):
    one_line_error(awslab("run", str(S3), "--scenario", str(tmp_path / "nope.yaml")), "nope.yaml", "no such file")
    one_line_error(awslab("run", str(S3), "-p", "seed", "1", "-p", "seed", "2"), "-p seed is given twice")
    one_line_error(awslab("params", str(tmp_path / "missing.md")), "missing.md")


def test_a_notebook_outside_notebooks_cannot_silently_lose_its_scenario(tmp_path, sleeper):
    copy = tmp_path / "01_storage" / "01_s3_fundamentals.md"
    copy.parent.mkdir()
    copy.write_bytes(S3.read_bytes())
    scenario_file = tmp_path / "s.yaml"
    scenario_file.write_text(f"name: t\nnotebooks:\n  {S3_KEY}: {{years: 20}}\n")
    done = awslab("run", str(copy), "--scenario", str(scenario_file), "--output", str(tmp_path / "out"))
    one_line_error(done, str(copy), "outside notebooks/", "without --scenario")


# --- compare --------------------------------------------------------------------------------------------------


def results_file(path: Path, scenario: str, **extra) -> Path:
    entry = {"ok": True, "parameters": {}, "results": {"x": 1}, "seconds": 1.0}
    data = {"scenario": scenario, "description": "", "notebooks": {"a/b.ipynb": entry}, **extra}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return path


def test_compare_refuses_two_runs_of_one_scenario(tmp_path):
    first = results_file(tmp_path / "1" / "results.json", "startup")
    second = results_file(tmp_path / "2" / "results.json", "startup")
    with pytest.raises(ValueError, match=r"2/results\.json and .*1/results\.json are both scenario 'startup'"):
        compare.load_runs([first, second])
    one_line_error(awslab("compare", str(first), str(second), "--output", str(tmp_path)), "both scenario 'startup'")
    assert not (tmp_path / "comparison.csv").exists()


def test_compare_names_the_file_it_cannot_read(tmp_path):
    good = results_file(tmp_path / "good" / "results.json", "startup")
    corrupt = tmp_path / "corrupt" / "results.json"
    corrupt.parent.mkdir()
    corrupt.write_text('{"scenario": "x", "notebooks": {')
    one_line_error(awslab("compare", str(good), str(corrupt), "--output", str(tmp_path)), str(corrupt), "JSON")
    one_line_error(awslab("compare", str(tmp_path / "none.json"), "--output", str(tmp_path)), "none.json")
    stopped = results_file(tmp_path / "stopped" / "results.json", "enterprise", ok=False, interrupted=True)
    with pytest.raises(ValueError, match="stopped/results.json: the 'enterprise' run was interrupted"):
        compare.load_runs([good, stopped])
    odd = tmp_path / "odd.json"
    odd.write_text('{"scenario": "y", "notebooks": {"a/b.ipynb": {"results": 3}}}')
    with pytest.raises(ValueError, match="odd.json is not a results.json"):
        compare.load_runs([odd])


# --- Runs ------------------------------------------------------------------------------------------------------


def good_run(sleeper: Path, out: Path) -> dict:
    """A first, successful default run: the copy, its stamp and results.json that later runs must respect."""
    done = awslab("run", str(sleeper), "--output", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads((out / "default" / "results.json").read_text())
    assert summary["ok"] is True and summary["interrupted"] is False
    assert summary["notebooks"]["lab/sleeper.ipynb"]["results"] == {"label": "default"}
    assert runner.current_copy(sleeper, out / "default") == out / "default" / "lab" / "sleeper.ipynb"
    return layout(out)


def test_a_failed_run_keeps_the_good_copy_and_says_so(tmp_path, sleeper):
    out = tmp_path / "out"
    before = good_run(sleeper, out)
    done = awslab("run", str(sleeper), "--output", str(out), "--jobs", "1", "-p", "fail", "true", "-p", "label", "b")
    assert done.returncode == 1 and "RuntimeError: asked to fail" in done.stdout, done.stdout + done.stderr
    after = layout(out)
    copy = "default/lab/sleeper.ipynb"
    assert after[copy] == before[copy] and after[f"{copy}.source-key"] == before[f"{copy}.source-key"]
    assert runner.current_copy(sleeper, out / "default") is not None  # the book may still use the good copy
    summary = json.loads(after["default/results.json"])
    entry = summary["notebooks"]["lab/sleeper.ipynb"]
    assert summary["ok"] is False and summary["interrupted"] is False
    assert entry["ok"] is False and entry["status"] == "failed" and entry["results"] == {}
    assert entry["executed"] == "lab/sleeper.failed.ipynb" and entry["parameters"] == {"fail": True, "label": "b"}
    failed = json.loads(after["default/lab/sleeper.failed.ipynb"])
    assert failed["metadata"]["papermill"]["exception"] is True
    assert failed["metadata"]["awslab"]["ok"] is False and not failed["metadata"]["awslab"]["interrupted"]
    assert sorted(after) == sorted([*before, "default/lab/sleeper.failed.ipynb"])  # no staging, no .jsonl left
    # A later good run replaces the copy and removes the stale failed one.
    done = awslab("run", str(sleeper), "--output", str(out), "--jobs", "1", "-p", "label", "c")
    assert done.returncode == 0, done.stdout + done.stderr
    after = layout(out)
    assert "default/lab/sleeper.failed.ipynb" not in after
    assert f"{copy}.source-key" not in after  # other parameters: not the default copy the book may reuse
    assert runner.current_copy(sleeper, out / "default") is None


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_run_keeps_the_good_copy_and_marks_everything(tmp_path, sleeper, how):
    out = tmp_path / "out"
    before = good_run(sleeper, out)
    marker = tmp_path / "started"
    process = start_awslab(
        *["run", str(sleeper), "--output", str(out), "--jobs", "1"],
        *["-p", "seconds", "120", "-p", "label", "second", "-p", "marker", str(marker)],
    )
    wait_for(marker, process)
    if how == "ctrl-c":  # the terminal sends SIGINT to the whole foreground group: the runner and its workers
        os.killpg(process.pid, signal.SIGINT)
    else:  # a supervisor stops the runner alone
        process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=120)
    signum = signal.SIGINT if how == "ctrl-c" else signal.SIGTERM
    assert process.returncode == 128 + signum, stdout + stderr
    assert "Traceback" not in stdout + stderr and "interrupted" in stderr
    after = layout(out)
    copy = "default/lab/sleeper.ipynb"
    assert after[copy] == before[copy] and after[f"{copy}.source-key"] == before[f"{copy}.source-key"]
    summary = json.loads(after["default/results.json"])
    entry = summary["notebooks"]["lab/sleeper.ipynb"]
    assert summary["ok"] is False and summary["interrupted"] is True
    assert entry["ok"] is False and entry["status"] == "interrupted" and entry["parameters"]["label"] == "second"
    assert entry["executed"] == "lab/sleeper.failed.ipynb"
    failed = json.loads(after["default/lab/sleeper.failed.ipynb"])
    assert failed["metadata"]["papermill"]["exception"] is True and failed["metadata"]["awslab"]["interrupted"]
    states = [c["metadata"]["papermill"]["status"] for c in failed["cells"] if c["cell_type"] == "code"]
    assert states[-2:] == ["failed", "pending"], states  # the sleeping cell stopped, the last one never ran
    assert sorted(after) == sorted([*before, "default/lab/sleeper.failed.ipynb"])
    assert runner.current_copy(sleeper, out / "default") is not None
    assert kernels_of(out) == []


def test_a_second_run_into_the_same_output_is_refused(tmp_path, sleeper):
    out = tmp_path / "out"
    marker = tmp_path / "started"
    first = start_awslab(
        *["run", str(sleeper), "--output", str(out), "--jobs", "1"],
        *["-p", "seconds", "120", "-p", "marker", str(marker)],
    )
    try:
        wait_for(marker, first)
        second = awslab("run", str(sleeper), "--output", str(out), "--jobs", "1")
        one_line_error(second, f"another run (pid {first.pid}", str(out / "default"), "--output")
        # Another output folder is kept apart and may run meanwhile.
        elsewhere = awslab("run", str(sleeper), "--output", str(tmp_path / "other"), "--jobs", "1")
        assert elsewhere.returncode == 0, elsewhere.stdout + elsewhere.stderr
    finally:
        os.killpg(first.pid, signal.SIGINT)
        first.communicate(timeout=120)
    # The lock file stays with a dead holder's pid in it: the next run takes it over.
    assert f"pid {first.pid}" in (out / "default" / runner.LOCK_NAME).read_text()
    done = awslab("run", str(sleeper), "--output", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads((out / "default" / "results.json").read_text())["ok"] is True


def test_a_bad_parameter_stops_the_notebook_before_any_cell(tmp_path, sleeper):
    out = tmp_path / "out"
    done = awslab("run", str(sleeper), "--output", str(out), "-p", "seconds", "-1")
    assert done.returncode == 1 and "bad parameter (no cell was run): seconds=-1.0 must be at least 0" in done.stdout
    summary = json.loads((out / "default" / "results.json").read_text())
    assert summary["ok"] is False and summary["notebooks"]["lab/sleeper.ipynb"]["executed"] is None
    assert not list(out.rglob("*.ipynb"))


def test_a_second_ctrl_c_kills_a_run_whose_cell_ignores_the_first(tmp_path, sleeper):
    out = tmp_path / "out"
    before = good_run(sleeper, out)
    marker = tmp_path / "started"
    process = start_awslab(
        *["run", str(sleeper), "--output", str(out), "--jobs", "1"],
        *["-p", "seconds", "120", "-p", "stubborn", "true", "-p", "marker", str(marker)],
    )
    wait_for(marker, process)
    os.killpg(process.pid, signal.SIGINT)
    time.sleep(2)
    assert process.poll() is None  # the cell caught the interrupt and sleeps on
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGINT, stdout + stderr
    assert "Traceback" not in stdout + stderr
    after = layout(out)
    copy = "default/lab/sleeper.ipynb"
    assert after[copy] == before[copy]
    summary = json.loads(after["default/results.json"])
    entry = summary["notebooks"]["lab/sleeper.ipynb"]
    assert summary["ok"] is False and summary["interrupted"] is True
    assert entry["status"] == "interrupted" and entry["message"].startswith("killed") and entry["executed"] is None
    assert sorted(after) == sorted(before)  # nothing half-written published, no staging left
    deadline = time.monotonic() + 10  # the kernel notices its parent is gone within a second or so
    while kernels_of(out) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert kernels_of(out) == []
