"""Batch runs of the course notebooks with papermill, and the authors' in-place execution.

``python -m awslab run`` executes notebooks (all of notebooks/ by default) into ``_build/executed/``, one line per
notebook (name, seconds, status), and exits non-zero if any failed. ``-p name value`` overrides a parameter in every
notebook that declares it; a name no selected notebook declares, or a value of the wrong type, stops the run before
any cell executes. ``python -m awslab params NOTEBOOK`` lists a notebook's parameters with defaults and meaning.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import yaml

from awslab import notebook as nbfile

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXECUTED = ROOT / "_build" / "executed"
# Beside an executed default-parameter copy: the source_key it was made from (see current_copy).
STAMP_SUFFIX = ".source-key"
# The cell right after ``parameters`` that checks them (imports, validate.* calls, a one-line echo): a batch run
# executes it outside any kernel first, so a bad value stops the notebook before the kernel starts.
CHECK_TAG = "validate-parameters"
# The kernel's own log: ipykernel warns on every start that its local TCP sockets are unencrypted, which buried the
# one-line-per-notebook report, and logs "KeyboardInterrupt caught in kernel" at ERROR when the client interrupts it
# on shutdown after the last cell (jupyter_client does that before stopping a kernel). Neither is about the notebook:
# a failing cell is reported through the execution messages, and cell output (warnings included) is unaffected.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]


@dataclass(frozen=True)
class Parameter:
    """One assignment in a notebook's ``parameters`` cell: its default and the comment that explains it."""

    name: str
    default: object
    meaning: str


@dataclass(frozen=True)
class RunResult:
    notebook: str
    seconds: float
    ok: bool
    message: str


def find_notebooks(paths: list[str] | None = None) -> list[Path]:
    """The MyST sources of the notebooks named (sources, their .ipynb, or folders), or of the whole course, in order.

    A run always executes the source an author edits; naming the committed ``.ipynb`` means its source beside it."""
    targets = [Path(p).resolve() for p in paths] if paths else [NOTEBOOKS]
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found += sorted(
                p
                for p in target.rglob(f"*{nbfile.SOURCE_SUFFIX}")
                if ".ipynb_checkpoints" not in p.parts and nbfile.is_source(p)
            )
        elif target.suffix == ".ipynb" and target.with_suffix(nbfile.SOURCE_SUFFIX).exists():
            found.append(target.with_suffix(nbfile.SOURCE_SUFFIX))
        elif target.exists() and nbfile.is_source(target):
            found.append(target)
        else:
            raise ValueError(f"{target} is not a course notebook (a MyST .md source or its .ipynb) or a folder of them")
    return found


def notebook_key(path: Path) -> str:
    """How results and scenarios name a notebook: its path under notebooks/ with the .ipynb suffix."""
    path = Path(path).with_suffix(".ipynb")
    return path.relative_to(NOTEBOOKS).as_posix() if path.is_relative_to(NOTEBOOKS) else path.name


def notebook_parameters(path: Path) -> list[Parameter]:
    """The parameters a batch run may set: the assignments of the cell tagged ``parameters``."""
    notebook = nbfile.read(path)
    cells = [c for c in notebook["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not cells:
        raise ValueError(f"{path}: no cell is tagged 'parameters'")
    source = "".join(cells[0]["source"])
    lines = source.splitlines()
    params = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            line = lines[node.lineno - 1]
            meaning = line.split("#", 1)[1].strip() if "#" in line else ""
            params.append(Parameter(node.targets[0].id, ast.literal_eval(node.value), meaning))
    return params


def preflight(path: Path, values: dict) -> None:
    """Check a run's parameter values with the notebook's own checks before any of its cells runs in a kernel.

    Executes the ``parameters`` cell, then the run's values, then the cell tagged ``validate-parameters``, in a
    private namespace with output captured. A check that fails raises ``ValueError`` with the notebook's message.
    """
    notebook = nbfile.read(path)
    tagged = {
        tag: "".join(cell["source"])
        for cell in notebook["cells"]
        for tag in cell.get("metadata", {}).get("tags", [])
        if tag in ("parameters", CHECK_TAG)
    }
    if CHECK_TAG not in tagged:
        raise ValueError(f"{Path(path).name}: no cell is tagged {CHECK_TAG!r}, so its parameters cannot be checked")
    namespace: dict = {"__name__": "__awslab_preflight__"}
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        exec(compile(tagged.get("parameters", ""), f"{Path(path).name} [parameters]", "exec"), namespace)
        namespace.update(values)
        try:
            exec(compile(tagged[CHECK_TAG], f"{Path(path).name} [{CHECK_TAG}]", "exec"), namespace)
        except (ValueError, TypeError, KeyError) as exc:
            message = str(exc.args[0] if isinstance(exc, KeyError) and exc.args else exc)
            if not any(name in message for name in values):  # a model's own wording: say which values were set
                given = ", ".join(f"{name}={value!r}" for name, value in values.items()) or "the defaults"
                message = f"with {given}: {message}"
            raise ValueError(message) from None


def coerce(name: str, text: str, default: object) -> object:
    """Turn a command-line value into the type of the parameter's default, or raise ValueError saying why not."""
    if isinstance(default, str):
        return text
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        value = text
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif default is None or isinstance(default, (list, dict)):
        return value
    raise ValueError(f"parameter {name}={text!r} must be a {type(default).__name__} like its default {default!r}")


def _execute(notebook: str, output: str, parameters: dict, timeout: int) -> tuple[RunResult, dict]:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from awslab.results import RESULTS_FILE_ENV, read_results

    start = time.perf_counter()
    name = Path(notebook).with_suffix(".ipynb").name
    Path(f"{output}{STAMP_SUFFIX}").unlink(missing_ok=True)  # until this run succeeds, the copy is not current
    try:
        preflight(Path(notebook), parameters)
    except ValueError as exc:
        return RunResult(name, time.perf_counter() - start, False, f"bad parameter (no cell was run): {exc}"), {}
    except Exception as exc:  # a broken check cell (an import that fails, a typo): still one readable line
        message = f"its parameter check failed (no cell was run): {type(exc).__name__}: {exc}"
        return RunResult(name, time.perf_counter() - start, False, message), {}
    results_file = f"{output}.results.jsonl"
    Path(results_file).unlink(missing_ok=True)
    os.environ[RESULTS_FILE_ENV] = results_file  # the kernel inherits it: awslab.results.record writes there
    try:
        papermill.execute_notebook(
            nbfile.read(Path(notebook)),
            output,
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(Path(notebook).parent),
            execution_timeout=timeout,
            log_output=False,
            extra_arguments=KERNEL_ARGS,
        )
    except PapermillExecutionError as exc:
        message = f"cell {exc.cell_index}: {exc.ename}: {exc.evalue}"
        return RunResult(name, time.perf_counter() - start, False, message), {}
    except Exception as exc:  # a kernel that died, a timeout: still one readable line
        return RunResult(name, time.perf_counter() - start, False, f"{type(exc).__name__}: {exc}"), {}
    finally:
        os.environ.pop(RESULTS_FILE_ENV, None)
    results = read_results(results_file)
    Path(results_file).unlink(missing_ok=True)
    if not parameters:  # a default-parameter copy the book may use as it is, while source and package stay the same
        Path(f"{output}{STAMP_SUFFIX}").write_text(source_key(Path(notebook)))
    return RunResult(name, time.perf_counter() - start, True, "ok"), results


@dataclass(frozen=True)
class Scenario:
    """Parameters for a batch run: global ones, and per notebook (keys are paths relative to notebooks/)."""

    name: str
    description: str
    parameters: dict
    notebooks: dict

    @classmethod
    def load(cls, path: Path) -> Scenario:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"scenario {path}: must be a mapping with name, parameters and notebooks")
        unknown = set(data) - {"name", "description", "parameters", "notebooks"}
        if unknown:
            raise ValueError(
                f"scenario {path}: unknown key(s) {sorted(unknown)}; allowed: name, description, parameters, notebooks"
            )
        name = str(data.get("name") or Path(path).stem)
        if not name.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"scenario name {name!r} must be letters, digits, '-' and '_' (it names a folder)")
        for key in ("parameters", "notebooks"):
            if not isinstance(data.get(key) or {}, dict):
                raise ValueError(f"scenario {path}: {key} must be a mapping")
        return cls(
            name,
            str(data.get("description", "")),
            dict(data.get("parameters") or {}),
            {str(k): dict(v or {}) for k, v in (data.get("notebooks") or {}).items()},
        )


def shard(notebooks: list[Path], spec: str | None) -> list[Path]:
    """The notebooks of shard ``i/n`` (1-based): every n-th notebook starting at the i-th, in course order."""
    if not spec:
        return notebooks
    try:
        index, count = (int(part) for part in spec.split("/"))
    except ValueError:
        raise ValueError(f"--shard {spec!r} must look like 2/4 (this machine runs shard 2 of 4)") from None
    if not 1 <= index <= count:
        raise ValueError(f"--shard {spec!r}: the shard number must be between 1 and {count}")
    return notebooks[index - 1 :: count]


def plan_run(notebooks: list[Path], overrides: dict[str, str], scenario: Scenario | None) -> list[tuple[Path, dict]]:
    """Each notebook with the parameters it will get; ValueError for unknown names or values of the wrong type."""
    declared = {nb: {p.name: p for p in notebook_parameters(nb)} for nb in notebooks}
    everything = {name for params in declared.values() for name in params}
    global_values: dict[str, object] = dict(scenario.parameters) if scenario else {}
    unknown = sorted(set(overrides) - everything)
    if unknown:
        raise ValueError(
            f"unknown parameter(s) {', '.join(unknown)}; the selected notebooks declare: "
            f"{', '.join(sorted(everything))}"
        )
    if global_values:  # a scenario is written for the whole course: its names must exist somewhere in it
        course = {p.name for nb in find_notebooks(None) for p in notebook_parameters(nb)}
        unknown = sorted(set(global_values) - course)
        if unknown:
            raise ValueError(
                f"the scenario sets unknown parameter(s) {', '.join(unknown)}; the course declares: "
                f"{', '.join(sorted(course))}"
            )
    plans = []
    for nb in notebooks:
        params = declared[nb]
        values = {k: _typed(k, v, params[k].default) for k, v in global_values.items() if k in params}
        key = notebook_key(nb)
        for name, value in (scenario.notebooks.get(key, {}) if scenario else {}).items():
            if name not in params:
                raise ValueError(f"scenario sets {name!r} for {key}, which declares: {', '.join(sorted(params))}")
            values[name] = _typed(name, value, params[name].default)
        values.update({k: coerce(k, v, params[k].default) for k, v in overrides.items() if k in params})
        plans.append((nb, values))
    missing = sorted(
        k
        for k in (scenario.notebooks if scenario else {})
        if not (NOTEBOOKS / k).with_suffix(nbfile.SOURCE_SUFFIX).exists()
    )
    if missing:
        raise ValueError(f"the scenario names notebook(s) that do not exist under notebooks/: {', '.join(missing)}")
    return plans


def _typed(name: str, value: object, default: object) -> object:
    """A value from a scenario file (already YAML-typed) checked against the default's type."""
    if isinstance(value, str) and not isinstance(default, str):
        return coerce(name, value, default)
    if (
        isinstance(default, bool) != isinstance(value, bool)
        or (isinstance(default, (int, float)) and not isinstance(value, (int, float)))
        or (isinstance(default, int) and not isinstance(default, bool) and isinstance(value, float))
        or (isinstance(default, str) and not isinstance(value, str))
    ):
        raise ValueError(f"parameter {name}={value!r} must be a {type(default).__name__} like its default {default!r}")
    return float(value) if isinstance(default, float) else value


def run(
    paths: list[str] | None,
    overrides: dict[str, str],
    output_dir: Path,
    jobs: int,
    timeout: int = 600,
    scenario_file: Path | None = None,
    shard_spec: str | None = None,
) -> int:
    """Execute notebooks; print one line each and a summary; return the exit status (0 when all passed)."""
    try:
        scenario = Scenario.load(scenario_file) if scenario_file else None
        notebooks = shard(find_notebooks(paths), shard_spec)
        plans = plan_run(notebooks, overrides, scenario)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not notebooks:
        print("no notebooks to run (an empty shard?)")
        return 0
    target = output_dir / (scenario.name if scenario else "default")
    target.mkdir(parents=True, exist_ok=True)
    width = max(len(nb.with_suffix(".ipynb").name) for nb in notebooks)
    started = time.perf_counter()
    results: list[RunResult] = []
    collected: dict[str, dict] = {}
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {}
        for nb, params in plans:
            out = target / nb.parent.name / nb.with_suffix(".ipynb").name
            out.parent.mkdir(parents=True, exist_ok=True)
            futures[pool.submit(_execute, str(nb), str(out), params, timeout)] = (nb, params)
        for done, future in enumerate(as_completed(futures), start=1):
            nb, params = futures[future]
            result, values = future.result()
            results.append(result)
            collected[f"{nb.parent.name}/{nb.with_suffix('.ipynb').name}"] = {
                "parameters": params,
                "results": values,
                "ok": result.ok,
                "seconds": round(result.seconds, 2),
            }
            status = "ok" if result.ok else f"FAILED  {result.message}"
            print(f"[{done}/{len(plans)}] {result.notebook:<{width}}  {result.seconds:6.1f} s  {status}", flush=True)
    summary = {
        "scenario": scenario.name if scenario else "default",
        "description": scenario.description if scenario else "",
        "jobs": jobs,
        "wall_seconds": round(time.perf_counter() - started, 1),
        "notebooks": dict(sorted(collected.items())),
    }
    (target / "results.json").write_text(json.dumps(summary, indent=1, sort_keys=True, default=str))
    failed = sum(not r.ok for r in results)
    print(f"wall time: {summary['wall_seconds']:.1f} s with {jobs} parallel job(s)")
    print(f"results: {target / 'results.json'}")
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def execute_in_place(paths: list[str] | None, timeout: int = 600) -> int:
    """Execute each MyST source in a fresh kernel and write its pinned .ipynb beside it (what gets committed)."""
    from nbclient import NotebookClient

    status = 0
    for path in find_notebooks(paths):
        start = time.perf_counter()
        notebook = nbfile.read(path)
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            store_widget_state=False,
            extra_arguments=KERNEL_ARGS,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
        except Exception as exc:
            print(f"{path.name}: FAILED {type(exc).__name__}: {str(exc).splitlines()[-1] if str(exc) else ''}")
            status = 1
            continue
        target = nbfile.ipynb_path(path)
        nbfile.write_pinned(notebook, target)
        print(f"{target.name}: executed in {time.perf_counter() - start:.1f} s, {target.stat().st_size // 1024} KB")
    return status


def default_jobs() -> int:
    return os.cpu_count() or 1


def package_fingerprint() -> str:
    """A hash of the awslab package's code and data: notebook outputs depend on it, not only on their own cells."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((ROOT / "awslab").rglob("*")):
        if path.suffix in {".py", ".yaml", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def source_key(source: Path) -> str:
    """What a default-parameter execution of ``source`` depends on: its own text and the awslab package."""
    import hashlib

    return hashlib.sha256(Path(source).read_bytes() + package_fingerprint().encode()).hexdigest()


def current_copy(source: Path, executed_root: Path = EXECUTED / "default") -> Path | None:
    """The executed default-parameter copy of ``source`` if one exists for its current text and package, else None."""
    copy = executed_root / source.parent.name / source.with_suffix(".ipynb").name
    stamp = Path(f"{copy}{STAMP_SUFFIX}")
    if copy.exists() and stamp.exists() and stamp.read_text() == source_key(source):
        return copy
    return None


def build_book(jobs: int | None = None) -> int:
    """Build the Jupyter Book from the executed default-parameter copies of the notebooks.

    Notebooks are executed only where no current copy exists (``make run``, ``make test`` and earlier builds leave
    them in _build/executed/default); the book itself never executes anything. The site is built from a staging
    folder (_build/book-src: the config, the pages and the executed notebooks) because the committed .ipynb hold
    only the pinned outputs, not the figures and quizzes a page shows.
    """
    import subprocess

    sources = find_notebooks(None)
    stale = [nb for nb in sources if current_copy(nb) is None]
    if stale:
        print(f"executing {len(stale)} of {len(sources)} notebooks (no current executed copy)", flush=True)
        if run([str(nb) for nb in stale], {}, EXECUTED, jobs or default_jobs()) != 0:
            print("error: a notebook failed, so the book was not built", file=sys.stderr)
            return 1
    stage = ROOT / "_build" / "book-src"
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    _write_if_changed(stage / "_config.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode())
    _write_if_changed(stage / "_toc.yml", (ROOT / "_toc.yml").read_bytes())
    for page in sorted(p for p in (ROOT / "book").rglob("*") if p.is_file()):
        _write_if_changed(stage / page.relative_to(ROOT), page.read_bytes())
    for nb in sources:
        copy = current_copy(nb)
        _write_if_changed(stage / "notebooks" / nb.parent.name / copy.name, copy.read_bytes())
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(stage), "--path-output", str(ROOT)]
    return subprocess.call([*command, "-W", "-n", "--keep-going"])


def _write_if_changed(path: Path, data: bytes) -> None:
    """Write only when the bytes differ, so that Sphinx's incremental build sees unchanged pages as unchanged."""
    if not path.exists() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
