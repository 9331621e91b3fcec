"""Batch runs of the course notebooks with papermill, and the authors' in-place execution.

``python -m awslab run`` executes notebooks (all of notebooks/ by default) into ``_build/executed/``, one line per
notebook (name, seconds, status), and exits non-zero if any failed. ``-p name value`` overrides a parameter in every
notebook that declares it; a name no selected notebook declares, or a value of the wrong type, stops the run before
any cell executes. ``python -m awslab params NOTEBOOK`` lists a notebook's parameters with defaults and meaning.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


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
    """Notebooks named (files or folders), or every course notebook, in course order."""
    targets = [Path(p) for p in paths] if paths else [NOTEBOOKS]
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found += sorted(p for p in target.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        elif target.suffix == ".ipynb" and target.exists():
            found.append(target)
        else:
            raise ValueError(f"{target} is not a notebook or a folder of notebooks")
    return found


def notebook_parameters(path: Path) -> list[Parameter]:
    """The parameters a batch run may set: the assignments of the cell tagged ``parameters``."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
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


def resolve_parameters(notebook: Path, overrides: dict[str, str]) -> dict[str, object]:
    """The overrides this notebook declares, converted to the types of its defaults."""
    declared = {p.name: p for p in notebook_parameters(notebook)}
    return {name: coerce(name, text, declared[name].default) for name, text in overrides.items() if name in declared}


def _execute(notebook: str, output: str, parameters: dict, timeout: int) -> RunResult:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    name = Path(notebook).name
    try:
        papermill.execute_notebook(
            notebook,
            output,
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(Path(notebook).parent),
            execution_timeout=timeout,
            log_output=False,
        )
    except PapermillExecutionError as exc:
        message = f"cell {exc.cell_index}: {exc.ename}: {exc.evalue}"
        return RunResult(name, time.perf_counter() - start, False, message)
    except Exception as exc:  # a kernel that died, a timeout: still one readable line
        return RunResult(name, time.perf_counter() - start, False, f"{type(exc).__name__}: {exc}")
    return RunResult(name, time.perf_counter() - start, True, "ok")


def run(paths: list[str] | None, overrides: dict[str, str], output_dir: Path, jobs: int, timeout: int = 600) -> int:
    """Execute notebooks; print one line each and a summary; return the exit status (0 when all passed)."""
    notebooks = find_notebooks(paths)
    if not notebooks:
        print("no notebooks found", file=sys.stderr)
        return 2
    declared = {p.name for nb in notebooks for p in notebook_parameters(nb)}
    unknown = sorted(set(overrides) - declared)
    if unknown:
        print(
            f"error: unknown parameter(s) {', '.join(unknown)}; the selected notebooks declare: "
            f"{', '.join(sorted(declared))}",
            file=sys.stderr,
        )
        return 2
    try:
        plans = [(nb, resolve_parameters(nb, overrides)) for nb in notebooks]
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    output_dir.mkdir(parents=True, exist_ok=True)
    width = max(len(nb.name) for nb in notebooks)
    results: list[RunResult] = []
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [
            pool.submit(_execute, str(nb), str(output_dir / nb.parent.name / nb.name), params, timeout)
            for nb, params in plans
        ]
        for nb in notebooks:
            (output_dir / nb.parent.name).mkdir(parents=True, exist_ok=True)
        for future in futures:
            result = future.result()
            results.append(result)
            status = "ok" if result.ok else f"FAILED  {result.message}"
            print(f"{result.notebook:<{width}}  {result.seconds:6.1f} s  {status}", flush=True)
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def execute_in_place(paths: list[str] | None, timeout: int = 600) -> int:
    """Re-execute notebooks in place with clean metadata and no widget state (what gets committed)."""
    import nbformat
    from nbclient import NotebookClient

    status = 0
    for path in find_notebooks(paths):
        start = time.perf_counter()
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            store_widget_state=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
        except Exception as exc:
            print(f"{path.name}: FAILED {type(exc).__name__}: {str(exc).splitlines()[-1] if str(exc) else ''}")
            status = 1
            continue
        notebook.metadata.pop("widgets", None)
        notebook.metadata.pop("papermill", None)
        for cell in notebook.cells:
            cell.metadata.pop("execution", None)
            cell.metadata.pop("papermill", None)
        nbformat.write(notebook, path)
        print(f"{path.name}: executed in {time.perf_counter() - start:.1f} s, {path.stat().st_size // 1024} KB")
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


def build_book(source: Path = ROOT) -> int:
    """Build the Jupyter Book; the execution cache is dropped when the package changed since the last build."""
    import shutil
    import subprocess

    build = source / "_build"
    stamp = build / ".awslab-package-fingerprint"
    fingerprint = package_fingerprint()
    cache = build / ".jupyter_cache"
    if not stamp.exists() or stamp.read_text() != fingerprint:
        # Outputs depend on the package as much as on the cells: start the book afresh.
        if cache.exists():
            print("awslab changed since the last build: notebooks will be executed again")
        for stale in (cache, build / ".doctrees", build / "jupyter_execute", build / "html"):
            shutil.rmtree(stale, ignore_errors=True)
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(source), "-W", "-n", "--keep-going"]
    status = subprocess.call(command)
    if status == 0:
        build.mkdir(exist_ok=True)
        stamp.write_text(fingerprint)
    return status
