"""Batch runs of the course notebooks with papermill, and the authors' in-place execution.

``python -m awslab run`` executes notebooks (all of notebooks/ by default) into ``_build/executed/``, one line per
notebook (name, seconds, status), and exits non-zero if any failed. ``-p name value`` overrides a parameter in every
notebook that declares it; a name no selected notebook declares, or a value of the wrong type, stops the run before
any cell executes. ``python -m awslab params NOTEBOOK`` lists a notebook's parameters with defaults and meaning.

Values (``-p`` and scenario files) are read by one rule, YAML 1.2's core schema (see :func:`parse_value`), then
checked against the type of the parameter's default (see :func:`check_type`).

What a run leaves in ``<output>/<scenario>/`` and why it can be trusted:

- one run at a time: a run holds ``.run.lock`` (an OS lock on the file, with the holder's pid written in it) for the
  whole run; a second run into the same folder is refused in one line. A holder that died releases the lock with its
  process, so a stale lock file is simply taken over;
- every notebook executes into the run's own staging folder (``.run-<run id>/``, removed at the end) and is
  published with ``os.replace`` only when it passed: ``<chapter>/<name>.ipynb`` is always a complete, successful
  execution (the last good one), and a default-parameter copy gets its ``.source-key`` stamp after it is in place;
- a notebook that failed or was interrupted is published beside it as ``<name>.failed.ipynb`` with
  ``metadata.papermill.exception: true`` and ``metadata.awslab`` saying ``ok: false`` (and ``interrupted``); it
  never replaces the good copy. A later success removes the stale ``.failed.ipynb``;
- ``results.json`` always describes the latest run (written atomically at its end, also when it failed or was
  stopped): ``ok`` is true only if every notebook passed, ``interrupted`` says whether the run was stopped, and each
  notebook's entry gives its ``status`` and the ``executed`` file it describes;
- Ctrl-C or SIGTERM stops the run: the running cells get a KeyboardInterrupt in their kernels (their output up to
  there is kept, then the kernels are stopped), notebooks not started are not run, and the command exits with 128 + the signal's number. A second
  Ctrl-C kills the workers at once (the kernels exit with their parent).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import math
import os
import re
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
import warnings
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import yaml

from awslab import notebook as nbfile

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXECUTED = ROOT / "_build" / "executed"
# Beside an executed default-parameter copy: the source_key it was made from (see current_copy).
STAMP_SUFFIX = ".source-key"
# Beside it when a run of that notebook failed or was interrupted (the good copy is never replaced by a bad one).
FAILED_SUFFIX = ".failed.ipynb"
LOCK_NAME = ".run.lock"
STAGING_PREFIX = ".run-"
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
    interrupted: bool = False
    executed: str | None = None  # the file this run published: <name>.ipynb, <name>.failed.ipynb, or None


class CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's core schema instead of YAML 1.1's implicit types.

    Plain scalars resolve as: ``null``/``Null``/``NULL``/``~``/empty to None; ``true``/``True``/``TRUE`` and the
    false forms to bools (``yes``, ``on``, ``no``, ``off`` stay text); ``[-+]?[0-9]+`` to a decimal int (``017`` is
    17, never octal), ``0o17`` and ``0x1F`` to octal and hexadecimal ints; decimal and exponent forms (``1e3``,
    ``.5``, ``2.``) and ``.inf``/``.nan`` to floats; anything else (``1:30``, ``1_000``, ``2026-12-03``) is text.
    A mapping that repeats a key is an error (YAML 1.1 loaders silently keep the last one).
    """

    yaml_implicit_resolvers: dict = {}


def _resolver(tag: str, pattern: str) -> None:
    CoreLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(rf"^(?:{pattern})$"), None)


_resolver("null", r"~|null|Null|NULL|")
_resolver("bool", r"true|True|TRUE|false|False|FALSE")
_resolver("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_resolver(
    "float", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def _core_int(loader: CoreLoader, node: yaml.Node) -> int:
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


def _core_float(loader: CoreLoader, node: yaml.Node) -> float:
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    return math.nan if text == ".nan" else float(text)


def _unique_mapping(loader: CoreLoader, node: yaml.Node, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else []:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, (str, int, float, bool)):
            continue
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"the key {key!r} appears twice", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


CoreLoader.add_constructor("tag:yaml.org,2002:int", _core_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", _core_float)
CoreLoader.construct_mapping = _unique_mapping


def load_yaml(text: str) -> object:
    r"""A YAML document read with the YAML 1.2 core schema (:class:`CoreLoader`); yaml.YAMLError if malformed.

    >>> load_yaml("seed: 017\nat: 1:30\nsize: 1e3\nmfa: yes\nok: true")
    {'seed': 17, 'at': '1:30', 'size': 1000.0, 'mfa': 'yes', 'ok': True}
    """
    return yaml.load(text, Loader=CoreLoader)  # noqa: S506 (CoreLoader is a SafeLoader)


def parse_value(text: str) -> object:
    """A command-line value read by the same rule as a scenario file (YAML 1.2 core); text that is not valid YAML
    stays the text itself.

    >>> [parse_value(t) for t in ("017", "1:30", "1e3", "true", "yes", "[1, 2]", "0x1F")]
    [17, '1:30', 1000.0, True, 'yes', [1, 2], 31]
    """
    try:
        return load_yaml(text)
    except yaml.YAMLError:
        return text


def check_type(name: str, value: object, default: object, shown: object = None) -> object:
    """``value`` as the type of the parameter's default, or ValueError naming the parameter and what is allowed.

    A bool takes only true/false; an int an integer, or a float with an integral value (``1e3``); a float any
    number; text only text (in a scenario file, quote text that looks like a number); a list, dict or None default
    anything. ``shown`` is how the error quotes the value (the text as typed on a command line).

    >>> check_type("n", 1e3, 1), check_type("x", 3, 1.5)
    (1000, 3.0)
    """
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        if isinstance(value, int) and number:
            return value
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
    elif isinstance(default, float):
        if number:
            return float(value)
    elif isinstance(default, str):
        if isinstance(value, str):
            return value
        hint = " (quote it in a scenario file: '017' is text, 017 the number 17)"
        raise ValueError(
            f"parameter {name}={value!r} must be a str like its default {default!r}{hint if number else ''}"
        )
    else:
        return value
    quoted = value if shown is None else shown
    raise ValueError(f"parameter {name}={quoted!r} must be a {type(default).__name__} like its default {default!r}")


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
    try:
        body = ast.parse(source).body
    except SyntaxError as exc:
        raise ValueError(f"{path}: the parameters cell is not valid Python (line {exc.lineno}: {exc.msg})") from None
    for node in body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            line = lines[node.lineno - 1]
            meaning = line.split("#", 1)[1].strip() if "#" in line else ""
            try:
                default = ast.literal_eval(node.value)
            except ValueError:
                raise ValueError(
                    f"{path}: parameter {node.targets[0].id} must default to a literal (a number, text, bool, list "
                    f"or dict), not {ast.get_source_segment(source, node.value)}"
                ) from None
            params.append(Parameter(node.targets[0].id, default, meaning))
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
    """Turn a command-line value into the type of the parameter's default, or raise ValueError saying why not.

    A text parameter takes the text exactly as typed; any other is read by :func:`parse_value` (YAML 1.2 core) and
    checked by :func:`check_type`, the same rule as a scenario file.

    >>> coerce("seed", "017", 1), coerce("at", "1:30", "noon"), coerce("size", "1e3", 1.0)
    (17, '1:30', 1000.0)
    """
    if isinstance(default, str):
        return text
    return check_type(name, parse_value(text), default, shown=text)


# --- One notebook, in a worker process -------------------------------------------------------------------------
_STOP = threading.Event()  # set in a worker when the run is being stopped (see _worker_signal)
_KERNELS: list = []  # the kernel managers of the notebook this process is executing
_LOCK_FDS: list[int] = []  # the run lock, held by the main process only


def _worker_start() -> None:
    """Runs first in each worker: a stop signal interrupts the running cell in its kernel, never papermill itself."""
    for fd in _LOCK_FDS:  # the main process holds the lock; a forked worker must not keep it alive
        with contextlib.suppress(OSError):
            os.close(fd)
    signal.signal(signal.SIGINT, _worker_signal)
    signal.signal(signal.SIGTERM, _worker_signal)


def _worker_signal(signum, frame) -> None:
    if _STOP.is_set():
        return
    _STOP.set()
    for km in list(_KERNELS):
        pid = getattr(getattr(km, "provisioner", None), "pid", None)
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGINT)  # the cell gets a KeyboardInterrupt; the kernel shuts down normally


_TRACKED: list[type] = []


def _kernel_manager_class() -> type:
    """jupyter_client's kernel manager, remembering each instance so that a stop signal can reach its kernel."""
    if not _TRACKED:
        from jupyter_client import AsyncKernelManager

        class TrackedKernelManager(AsyncKernelManager):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                _KERNELS.append(self)

        _TRACKED.append(TrackedKernelManager)
    return _TRACKED[0]


def _stop_before_cell(cell, cell_index, **_) -> None:
    """nbclient's on_cell_start hook: once the run is being stopped, the next code cell fails instead of running."""
    if _STOP.is_set() and cell.get("cell_type") == "code":
        import nbformat
        from nbclient.exceptions import CellExecutionError

        evalue = "the run was interrupted before this cell ran"
        error = nbformat.v4.new_output("error", ename="KeyboardInterrupt", evalue=evalue, traceback=[evalue])
        cell["outputs"] = [error]
        raise CellExecutionError(evalue, "KeyboardInterrupt", evalue)


def failed_copy(output: Path) -> Path:
    """Where a failed or interrupted execution of ``output`` is kept: ``<name>.failed.ipynb`` beside the good copy.

    >>> failed_copy(Path("01_storage/05_glacier.ipynb")).as_posix()
    '01_storage/05_glacier.failed.ipynb'
    """
    output = Path(output)
    return output.with_name(output.name.removesuffix(".ipynb") + FAILED_SUFFIX)


def _write_atomic(path: Path, data: str) -> None:
    """Write a file so that a reader sees the old bytes or the new ones, never a part (temporary file + os.replace)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _publish_failed(scratch: Path, output: Path, message: str, interrupted: bool, parameters: dict) -> str | None:
    """Mark an execution as not ok and keep it beside the good copy; returns its name (None if nothing ran)."""
    import nbformat

    if not scratch.exists():
        return None
    notebook = nbformat.read(scratch, as_version=4)
    notebook.metadata.setdefault("papermill", {})["exception"] = True
    notebook.metadata["awslab"] = {
        "ok": False,
        "interrupted": interrupted,
        "message": message,
        "parameters": parameters,
    }
    for cell in notebook.cells:  # papermill marks every cell it never reached "completed" when it stops
        state = cell.metadata.get("papermill", {})
        if state.get("status") == "completed" and not state.get("start_time"):
            state["status"] = "pending"
    target = failed_copy(output)
    _write_atomic(target, nbformat.writes(notebook))
    return target.name


def _execute(
    notebook: str, output: str, parameters: dict, timeout: int, staging: str | None = None
) -> tuple[RunResult, dict]:
    """Execute one notebook into ``staging`` and publish it: to ``output`` if it passed, else to its failed copy."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from awslab.results import RESULTS_FILE_ENV, read_results

    start = time.perf_counter()
    name = Path(notebook).with_suffix(".ipynb").name
    output_path = Path(output)

    def result(ok: bool, message: str, interrupted: bool = False, executed: str | None = None) -> RunResult:
        return RunResult(name, time.perf_counter() - start, ok, message, interrupted, executed)

    if _STOP.is_set():
        return result(False, "not run: the run was interrupted", True), {}
    try:
        preflight(Path(notebook), parameters)
    except ValueError as exc:
        return result(False, f"bad parameter (no cell was run): {exc}"), {}
    except Exception as exc:  # a broken check cell (an import that fails, a typo): still one readable line
        return result(False, f"its parameter check failed (no cell was run): {type(exc).__name__}: {exc}"), {}
    key = None if parameters else source_key(Path(notebook))  # what this run executes, read before it starts
    own = staging is None
    work = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=output_path.parent)) if own else Path(staging)
    work.mkdir(parents=True, exist_ok=True)
    scratch = work / output_path.name
    results_file = work / f"{output_path.name}.results.jsonl"
    _KERNELS.clear()
    os.environ[RESULTS_FILE_ENV] = str(results_file)  # the kernel inherits it: awslab.results.record writes there
    failure = None
    executing: list = []  # the notebook papermill executes (its own copy), to save it if papermill cannot
    try:
        papermill.execute_notebook(
            nbfile.read(Path(notebook)),
            str(scratch),
            # papermill would otherwise rewrite the whole notebook (indented JSON, pure Python) at every cell's start
            # and end: 2 x cells full writes, up to 2 s of CPU for a 1 MB notebook (issue 24). It still writes the
            # notebook once at the end, and at a failing cell; a kernel that died or a timeout is saved below.
            request_save_on_cell_execute=False,
            on_notebook_start=lambda notebook, **_: executing.append(notebook),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(Path(notebook).parent),
            execution_timeout=timeout,
            log_output=False,
            extra_arguments=KERNEL_ARGS,
            kernel_manager_class=_kernel_manager_class(),
            on_cell_start=_stop_before_cell,
            # Once the last cell's reply is in, nothing the kernel does can reach the notebook: stop it at once (a
            # graceful shutdown waited 0.5-1.5 s per notebook for the kernel to tear itself down, issue 24).
            shutdown_kernel="immediate",
        )
    except PapermillExecutionError as exc:
        failure = f"cell {exc.cell_index}: {exc.ename}" + (f": {_one_line(exc.evalue)}" if exc.evalue else "")
    except Exception as exc:  # a kernel that died, a timeout: still one readable line
        failure = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
        if executing and not scratch.exists():  # what papermill's per-cell saves would have left: keep it
            import nbformat

            _write_atomic(scratch, nbformat.writes(executing[0]))
    finally:
        os.environ.pop(RESULTS_FILE_ENV, None)
        _KERNELS.clear()
    try:
        if failure is None:
            try:
                values = read_results(str(results_file))
            except (ValueError, KeyError, TypeError) as exc:
                failure = f"its recorded results cannot be read: {type(exc).__name__}: {exc}"
        if failure is not None:
            interrupted = _STOP.is_set()
            message = f"interrupted ({failure})" if interrupted else failure
            executed = _publish_failed(scratch, output_path, message, interrupted, parameters)
            return result(False, message, interrupted, executed), {}
        stamp = Path(f"{output_path}{STAMP_SUFFIX}")
        if key is None:  # other parameters: this copy is not the default one the book may reuse
            stamp.unlink(missing_ok=True)
        os.replace(scratch, output_path)
        if key is not None:  # a default-parameter copy the book may use while source and package stay the same
            _write_atomic(stamp, key)
        failed_copy(output_path).unlink(missing_ok=True)
        return result(True, "ok", executed=output_path.name), values
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
        else:
            scratch.unlink(missing_ok=True)
            results_file.unlink(missing_ok=True)


@dataclass(frozen=True)
class Scenario:
    """Parameters for a batch run: global ones, and per notebook (keys are paths relative to notebooks/)."""

    name: str
    description: str
    parameters: dict
    notebooks: dict
    source: str = ""  # the file it was read from, for messages

    @classmethod
    def load(cls, path: Path) -> Scenario:
        """Read a scenario file (YAML 1.2 core, see :class:`CoreLoader`); any problem is one ValueError line."""
        where = f"scenario {path}"
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ValueError(f"{where}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{where}: cannot be read ({type(exc).__name__}: {_one_line(exc)})") from None
        try:
            data = load_yaml(text)
        except yaml.YAMLError as exc:
            raise ValueError(f"{where}: not valid YAML: {_yaml_problem(exc)}") from None
        data = {} if data is None else data
        if not isinstance(data, dict):
            raise ValueError(f"{where}: must be a mapping with name, description, parameters and notebooks")
        unknown = set(data) - {"name", "description", "parameters", "notebooks"}
        if unknown:
            raise ValueError(
                f"{where}: unknown key(s) {sorted(map(str, unknown))}; allowed: name, description, parameters, "
                "notebooks"
            )
        name = str(data.get("name") or Path(path).stem)
        if not name.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"{where}: name {name!r} must be letters, digits, '-' and '_' (it names a folder)")
        for key in ("parameters", "notebooks"):
            if not isinstance(data.get(key) or {}, dict):
                raise ValueError(f"{where}: {key} must be a mapping, not {data[key]!r}")
        parameters = dict(data.get("parameters") or {})
        _names(where, "parameters", parameters)
        notebooks = {}
        for key, values in (data.get("notebooks") or {}).items():
            if not isinstance(key, str):
                raise ValueError(f"{where}: notebooks: the key {key!r} must be a path like 01_storage/05_glacier.ipynb")
            values = {} if values is None else values
            if not isinstance(values, dict):
                raise ValueError(
                    f"{where}: notebooks.{key} must be a mapping of parameter names to values "
                    f"(like {{seed: 3}}), not {values!r}"
                )
            _names(where, f"notebooks.{key}", values)
            notebooks[key] = dict(values)
        return cls(name, str(data.get("description") or ""), parameters, notebooks, str(path))


def _names(where: str, section: str, values: dict) -> None:
    for name in values:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"{where}: {section}: {name!r} is not a parameter name (a Python identifier)")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:297] + "..."


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or _one_line(exc)
    context = getattr(exc, "context", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    return f"{where}{problem}" + (f" ({context})" if context else "")


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
    where = f"scenario {scenario.source or scenario.name}: " if scenario else ""
    if scenario:
        outside = [nb for nb in notebooks if not Path(nb).is_relative_to(NOTEBOOKS)]
        if outside:
            raise ValueError(
                f"{where}{outside[0]} is outside notebooks/, so the scenario cannot give it its settings (they are "
                "keyed by paths under notebooks/); run it without --scenario, or from its place under notebooks/"
            )
        course = {notebook_key(nb) for nb in find_notebooks(None)}
        missing = sorted(k for k in scenario.notebooks if k not in course)
        if missing:
            raise ValueError(
                f"{where}the scenario names notebook(s) that do not exist under notebooks/: {', '.join(missing)} "
                "(keys are paths under notebooks/ ending in .ipynb, like 01_storage/05_glacier.ipynb)"
            )
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
        course_names = {p.name for nb in find_notebooks(None) for p in notebook_parameters(nb)}
        unknown = sorted(set(global_values) - course_names)
        if unknown:
            raise ValueError(
                f"{where}the scenario sets unknown parameter(s) {', '.join(unknown)}; the course declares: "
                f"{', '.join(sorted(course_names))}"
            )
    plans = []
    for nb in notebooks:
        params = declared[nb]
        key = notebook_key(nb)
        try:
            values = {k: check_type(k, v, params[k].default) for k, v in global_values.items() if k in params}
        except ValueError as exc:
            raise ValueError(f"{where}parameters: {exc} (in {key})") from None
        for name, value in (scenario.notebooks.get(key, {}) if scenario else {}).items():
            if name not in params:
                raise ValueError(
                    f"{where}scenario sets {name!r} for {key}, which declares: {', '.join(sorted(params))}"
                )
            try:
                values[name] = check_type(name, value, params[name].default)
            except ValueError as exc:
                raise ValueError(f"{where}notebooks.{key}: {exc}") from None
        values.update({k: coerce(k, v, params[k].default) for k, v in overrides.items() if k in params})
        plans.append((nb, values))
    return plans


class RunLock:
    """One run at a time into a folder: an OS lock (flock) on ``<folder>/.run.lock``, with the holder's pid in it.

    The kernel releases the lock when its holder exits, however it exits, so a lock file left by a run that died is
    taken over by the next run; a live holder makes the constructor raise ValueError naming it.
    """

    def __init__(self, folder: Path):
        import fcntl

        self.path = Path(folder) / LOCK_NAME
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(self.fd, 200, 0).decode("utf-8", "replace").strip() or "pid unknown"
            os.close(self.fd)
            raise ValueError(
                f"another run ({holder}) is writing into {folder}; wait for it to finish, or give this one "
                "another --output"
            ) from None
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        _LOCK_FDS.append(self.fd)

    def release(self) -> None:
        if self.fd in _LOCK_FDS:
            _LOCK_FDS.remove(self.fd)
            os.close(self.fd)  # the file stays (removing it would race with a run opening it); the lock goes

    def __enter__(self) -> RunLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


class _Stops:
    """The main process's SIGINT/SIGTERM handler while a run executes: count the signals, raise nothing."""

    def __init__(self):
        self.count = 0
        self.signum = 0
        self.previous: dict = {}

    def __call__(self, signum, frame) -> None:
        self.count += 1
        self.signum = self.signum or signum

    def __enter__(self) -> _Stops:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self.previous[signum] = signal.signal(signum, self)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


def run(
    paths: list[str] | None,
    overrides: dict[str, str],
    output_dir: Path,
    jobs: int,
    timeout: int = 600,
    scenario_file: Path | None = None,
    shard_spec: str | None = None,
) -> int:
    """Execute notebooks; print one line each and a summary; return the exit status (0 when all passed, 1 when some
    failed, 2 when the run could not start, 128 + the signal's number when it was stopped)."""
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
    target = Path(output_dir) / (scenario.name if scenario else "default")
    try:
        target.mkdir(parents=True, exist_ok=True)
        lock = RunLock(target)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with lock:
        return _run_locked(plans, target, scenario, jobs, timeout)


def _run_locked(plans: list[tuple[Path, dict]], target: Path, scenario: Scenario | None, jobs: int, timeout: int):
    run_id = f"{os.getpid()}-{secrets.token_hex(4)}"
    for stale in target.glob(f"{STAGING_PREFIX}*"):  # left by a run that was killed (we hold the lock: not in use)
        shutil.rmtree(stale, ignore_errors=True)
    staging = target / f"{STAGING_PREFIX}{run_id}"
    width = max(len(nb.with_suffix(".ipynb").name) for nb, _ in plans)
    started = time.perf_counter()
    results: list[RunResult] = []
    collected: dict[str, dict] = {}

    def record(key: str, params: dict, result: RunResult, values: dict) -> None:
        results.append(result)
        status = "ok" if result.ok else "interrupted" if result.interrupted else "failed"
        if result.message.startswith("not run"):
            status = "not run"
        collected[key] = {
            "parameters": params,
            "results": values,
            "ok": result.ok,
            "status": status,
            "message": result.message,
            "executed": f"{Path(key).parent.as_posix()}/{result.executed}" if result.executed else None,
            "seconds": round(result.seconds, 2),
        }
        line = "ok" if result.ok else f"{'NOT RUN' if status == 'not run' else 'FAILED'}  {result.message}"
        print(f"[{len(results)}/{len(plans)}] {result.notebook:<{width}}  {result.seconds:6.1f} s  {line}", flush=True)

    with _Stops() as stops:
        pool = ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_worker_start)
        try:
            futures = {}
            for nb, params in plans:
                out = target / nb.parent.name / nb.with_suffix(".ipynb").name
                out.parent.mkdir(parents=True, exist_ok=True)
                work = staging / nb.parent.name
                future = pool.submit(_execute, str(nb), str(out), params, timeout, str(work))
                futures[future] = (f"{nb.parent.name}/{out.name}", params)
            pending, stopping, killed = set(futures), False, False
            not_run = "not run: the run was interrupted"
            while pending:
                done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    key, params = futures[future]
                    if future.cancelled():
                        record(key, params, RunResult(Path(key).name, 0.0, False, not_run, True), {})
                    elif future.exception() is not None:
                        error = future.exception()
                        message = "killed (a second interrupt)" if killed else f"{type(error).__name__}: {error}"
                        record(key, params, RunResult(Path(key).name, 0.0, False, message, bool(stops.count)), {})
                    else:
                        record(key, params, *future.result())
                if stops.count and not stopping:
                    stopping = True
                    print("interrupted: stopping the running notebooks (again to kill them)", file=sys.stderr)
                    for future in sorted(pending, key=list(futures).index):
                        if future.cancel():  # not started yet: it never will
                            pending.discard(future)
                            key, params = futures[future]
                            record(key, params, RunResult(Path(key).name, 0.0, False, not_run, True), {})
                    for pid in list(getattr(pool, "_processes", None) or {}):
                        with contextlib.suppress(OSError):
                            os.kill(pid, signal.SIGINT)  # each worker interrupts its kernel's running cell
                if stops.count > 1 and not killed:
                    killed = True
                    for process in list((getattr(pool, "_processes", None) or {}).values()):
                        with contextlib.suppress(OSError):
                            process.kill()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            shutil.rmtree(staging, ignore_errors=True)
        failed = sum(not r.ok for r in results)
        interrupted = bool(stops.count)
        summary = {
            "scenario": scenario.name if scenario else "default",
            "description": scenario.description if scenario else "",
            "run_id": run_id,
            "ok": not failed and not interrupted,
            "interrupted": interrupted,
            "jobs": jobs,
            "wall_seconds": round(time.perf_counter() - started, 1),
            "notebooks": dict(sorted(collected.items())),
        }
        _write_atomic(target / "results.json", json.dumps(summary, indent=1, sort_keys=True, default=str))
    print(f"wall time: {summary['wall_seconds']:.1f} s with {jobs} parallel job(s)")
    print(f"results: {target / 'results.json'}")
    print(f"{len(results) - failed} passed, {failed} failed")
    if interrupted:
        print(
            f"interrupted: results.json says ok: false; good copies were kept ({FAILED_SUFFIX} beside)", file=sys.stderr
        )
        return 128 + stops.signum
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
