"""What the shared startup run (scenarios/startup.yaml) gave each notebook, and the check that it echoed it.

Used by the batch tests of compute, overview and analytics (a candidate for tests/support.py)."""

from pathlib import Path

import yaml

from awslab import runner
from tests.support import CourseRun, printed, ran

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = yaml.safe_load((ROOT / "scenarios" / "startup.yaml").read_text())


def _source(key: str) -> Path:
    return ROOT / "notebooks" / Path(key).with_suffix(".md")


def scenario_values(key: str) -> dict:
    """The values the startup scenario gives notebook KEY: its own, plus the scenario-wide ones it defines."""
    defined = {p.name for p in runner.notebook_parameters(_source(key))}
    shared = {k: v for k, v in (SCENARIO.get("parameters") or {}).items() if k in defined}
    return {**shared, **SCENARIO["notebooks"][key]}


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
