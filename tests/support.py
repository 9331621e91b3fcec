"""Helpers shared by the test layers (a plain module: conftest.py files cannot be imported by name reliably)."""

import fcntl
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from awslab import runner

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
EXECUTED = ROOT / "_build" / "executed"
# Quick loops: AWSLAB_TEST_NOTEBOOKS="notebooks/02_compute notebooks/03_networking" runs only those in the course runs.
ONLY = os.environ.get("AWSLAB_TEST_NOTEBOOKS", "").split()


@dataclass(frozen=True)
class CourseRun:
    """One execution of the course (every notebook once, in a fresh kernel each) that many tests read."""

    folder: Path  # _build/executed/<scenario>: the executed notebooks and results.json
    stdout: str
    returncode: int

    @property
    def summary(self) -> dict:
        return json.loads((self.folder / "results.json").read_text())

    def entry(self, key: str) -> dict:
        """results.json's entry for a notebook (``01_storage/05_glacier.ipynb``)."""
        return self.summary["notebooks"][key]


def course_run(scenario: str | None) -> CourseRun:
    """The course executed once per test session under ``scenario`` (None: default parameters), into EXECUTED.

    Every worker asks; a file lock makes the first one run it and the others wait for it and reuse it."""
    name = scenario or "default"
    EXECUTED.mkdir(parents=True, exist_ok=True)
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"
    marker = EXECUTED / f".{name}-run-by-test-session.json"
    with open(EXECUTED / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if marker.exists():
                done = json.loads(marker.read_text())
                # AWSLAB_TEST_REUSE_RUNS=1 (authors' loops only): reuse the last run while no source or package
                # file changed since; every copy's stamp says what it was made from (runner.current_copy).
                if done["run_id"] == run_id or (os.environ.get("AWSLAB_TEST_REUSE_RUNS") == "1" and _current(name)):
                    return CourseRun(EXECUTED / name, done["stdout"], done["returncode"])
            args = ["run", *ONLY, "--output", str(EXECUTED), "--jobs", "2"]
            if scenario:
                args += ["--scenario", str(ROOT / "scenarios" / f"{scenario}.yaml")]
            result = run_awslab(*args, timeout=1800)
            stdout = result.stdout + result.stderr
            marker.write_text(json.dumps({"run_id": run_id, "stdout": stdout, "returncode": result.returncode}))
            return CourseRun(EXECUTED / name, stdout, result.returncode)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _current(name: str) -> bool:
    return name == "default" and all(runner.current_copy(nb) for nb in runner.find_notebooks(ONLY or None))


def ran(run: CourseRun, key: str) -> None:
    """Skip-proof check that notebook KEY (``02_compute/03_auto_scaling.ipynb``) ran and passed in RUN."""
    line = next((x for x in run.stdout.splitlines() if f"] {Path(key).name} " in x), None)
    assert line is not None, f"{key} was not part of the {run.folder.name} run:\n{run.stdout[-3000:]}"
    assert line.rstrip().endswith(" ok"), line


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
    started = time.thread_time()
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
    assert time.thread_time() - started < 10
    menu = figure.layout.sliders[0].steps if figure.layout.sliders else figure.layout.updatemenus[0].buttons
    assert [step.label for step in menu] == labels
    assert len(json.dumps(figure.to_plotly_json(), default=str)) < 150_000
    good = dict(explorer.last_view.numbers)
    explorer.set(**bad)
    assert explorer.error is not None and message in explorer.error
    assert explorer.last_view.numbers == good  # the last good view stays


def batch_run(targets: list[Path], output: Path, parameters: dict[str, str], expected: int, timeout: int = 900):
    """`python -m awslab run TARGETS` with ``-p`` overrides into OUTPUT, two jobs; asserts that all EXPECTED notebooks
    passed and returns the completed process."""
    args = [item for name, value in parameters.items() for item in ("-p", name, str(value))]
    result = run_awslab("run", *map(str, targets), "--output", str(output), "--jobs", "2", *args, timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len([line for line in result.stdout.splitlines() if line.endswith(" ok")]) == expected
    assert result.stdout.strip().splitlines()[-1] == f"{expected} passed, 0 failed"
    return result


def executed(output: Path, name: str) -> dict:
    """The executed copy of notebook NAME somewhere below a batch run's output folder (its layout is the runner's)."""
    (path,) = output.rglob(name)
    return json.loads(path.read_text())


def printed(output: Path, name: str) -> str:
    """Everything the executed notebook NAME printed (its stream outputs), joined."""
    cells = executed(output, name)["cells"]
    return "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", []))


# --- What the startup run gave each notebook (the chapters' batch tests) ----------------------------------------
STARTUP = runner.load_yaml((ROOT / "scenarios" / "startup.yaml").read_text())  # the rule the runner reads it by


def _source(key: str) -> Path:
    return ROOT / "notebooks" / Path(key).with_suffix(".md")


def scenario_values(key: str) -> dict:
    """The values the startup scenario gives notebook KEY: its own, plus the scenario-wide ones it defines."""
    defined = {p.name for p in runner.notebook_parameters(_source(key))}
    shared = {k: v for k, v in (STARTUP.get("parameters") or {}).items() if k in defined}
    return {**shared, **STARTUP["notebooks"][key]}


def values_used(run: CourseRun, key: str, shown=None) -> dict:
    """Check KEY ran with the scenario's values and echoed each on its "parameters:" line; return every parameter
    as the notebook saw it. ``shown`` formats a value the way the notebook prints it (default: str, repr for text)."""
    ran(run, key)
    entry = run.entry(key)
    wanted = scenario_values(key)
    assert wanted and {k: entry["parameters"][k] for k in wanted} == wanted
    echo = next(line for line in printed(run.folder, Path(key).name).splitlines() if line.startswith("parameters:"))
    for name, value in entry["parameters"].items():
        text = shown(name, value) if shown else None
        if text is None:
            text = repr(value) if isinstance(value, str) else str(value)
        assert f"{name}={text}" in echo, (name, echo)
    return {**{p.name: p.default for p in runner.notebook_parameters(_source(key))}, **entry["parameters"]}


def own_values(key: str) -> dict:
    """The values scenarios/startup.yaml gives notebook KEY (its own, plus the scenario-wide ones it declares)."""
    return dict(STARTUP["notebooks"][key])


def seed_of(run, key: str) -> int:
    """The seed the notebook ran with (the scenario-wide seed where the notebook has one)."""
    return run.entry(key)["parameters"].get("seed", STARTUP["parameters"]["seed"])


def assert_echoed(run, key: str) -> None:
    """The notebook's first printed line names every scenario value, in one of the course's number formats."""
    line = next(x for x in printed(run.folder, Path(key).name).splitlines() if x.startswith("parameters:"))
    for name, value in own_values(key).items():
        forms = {str(value), repr(value)}
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            forms |= {f"{value:,}", f"{value:g}"}
        assert any(f"{name}={form}" in line for form in forms), (name, value, line)
    assert {k: run.entry(key)["parameters"][k] for k in own_values(key)} == own_values(key)


def explorer_numbers(factory) -> list[dict]:
    """An explorer's numbers at its start and at every static step of every control, as plain JSON (golden tests)."""
    explorer = factory()
    rows = [{"start": explorer.last_view.numbers, "error": explorer.error}]
    for control in explorer.controls:
        for value in control.steps():
            explorer = factory()
            explorer.set(**{control.name: value})
            rows.append(
                {
                    "control": control.name,
                    "value": value,
                    "numbers": explorer.last_view.numbers,
                    "error": explorer.error,
                }
            )
    return json.loads(json.dumps(rows, default=str, sort_keys=True))
