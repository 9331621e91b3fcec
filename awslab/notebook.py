"""The course's notebooks as text: a MyST Markdown source per notebook, and the committed .ipynb derived from it.

Authors edit ``notebooks/NN_<chapter>/NN_<topic>.md`` (a jupytext MyST notebook: prose as Markdown, code in
``{code-cell}`` blocks). ``make execute`` runs it in a fresh kernel and writes the ``.ipynb`` beside it with the
**pinned** outputs only, the part of an execution that says what the models computed:

- kept: printed text (streams), ``text/plain`` of every result, and tables (``text/html`` of a result that is
  neither a figure nor a widget, such as a DataFrame);
- dropped: plotly figure JSON, widget views and the HTML face of quizzes and explorers. They are presentation:
  the book and the browser tests check them, and a change to ``awslab.quiz``, ``awslab.theme`` or ``awslab.ui``
  must not rewrite every committed notebook;
- normalised: consecutive prints to one stream joined into one output (how the kernel flushed them is timing), cell ids (from the cell's source, so they never change at random), notebook metadata (kernelspec and
  language name only), no execution timestamps, no widget state, no papermill metadata.

Re-executing an unchanged notebook therefore gives a byte-identical ``.ipynb`` (tests check this on every run).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat

SOURCE_SUFFIX = ".md"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# Presentation faces: checked by the book and browser tests, never pinned in a committed notebook.
EXERCISE_MIME = "application/vnd.awslab.exercise+json"  # awslab.exercises: its HTML face is presentation
PRESENTATION_MIMES = frozenset({PLOTLY_MIME, WIDGET_MIME, EXERCISE_MIME})
METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}
KEPT_CELL_METADATA = ("tags",)


def is_source(path: Path) -> bool:
    """True for a course notebook's MyST source (a .md file that jupytext reads as a notebook)."""
    path = Path(path)
    if path.suffix != SOURCE_SUFFIX:
        return False
    head = path.read_text(encoding="utf-8")[:400]
    return head.startswith("---") and "format_name: myst" in head


def read(path: Path) -> nbformat.NotebookNode:
    """A notebook from its MyST source (.md) or an .ipynb, as an nbformat v4 node with stable cell ids."""
    path = Path(path)
    if path.suffix == SOURCE_SUFFIX:
        import jupytext

        notebook = jupytext.read(path, fmt="md:myst")
    elif path.suffix == ".ipynb":
        notebook = nbformat.read(path, as_version=4)
    else:
        raise ValueError(f"{path}: a notebook is a MyST source (.md) or an .ipynb, not {path.suffix or 'no suffix'}")
    _stable_ids(notebook)
    return notebook


def ipynb_path(source: Path) -> Path:
    """Where the committed, executed copy of a source lives: beside it, with the .ipynb suffix."""
    return Path(source).with_suffix(".ipynb")


def pinned(executed: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The committed form of an executed notebook (see the module docstring for what is kept)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = json.loads(json.dumps(METADATA))
    for cell in executed.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            continue  # a batch run's own values are not part of the notebook
        metadata = {k: cell.metadata[k] for k in KEPT_CELL_METADATA if cell.metadata.get(k)}
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(cell.source, metadata=metadata)
            new.execution_count = cell.get("execution_count")
            new.outputs = _joined_streams([out for out in map(pinned_output, cell.get("outputs", [])) if out])
        elif cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source, metadata=metadata)
        else:
            new = nbformat.v4.new_raw_cell(cell.source, metadata=metadata)
        notebook.cells.append(new)
    _stable_ids(notebook)
    return notebook


def pinned_output(output: dict) -> nbformat.NotebookNode | None:
    """One output as it is committed, or None when nothing of it is pinned."""
    kind = output["output_type"]
    if kind == "stream":
        return nbformat.v4.new_output("stream", name=output["name"], text=output["text"])
    if kind == "error":
        return nbformat.v4.new_output(
            "error", ename=output["ename"], evalue=output["evalue"], traceback=list(output.get("traceback", []))
        )
    data = dict(output.get("data", {}))
    if PRESENTATION_MIMES & set(data):  # a figure, an explorer or a quiz: its text line only
        data = {k: v for k, v in data.items() if k == "text/plain"}
    if not data:
        return None
    if kind == "execute_result":
        return nbformat.v4.new_output(kind, data=data, execution_count=output.get("execution_count"))
    return nbformat.v4.new_output(kind, data=data)


def _joined_streams(outputs: list) -> list:
    """Consecutive prints to one stream as one output: how the kernel happened to flush them is timing, not content."""
    joined: list = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (
            output.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and (previous.name == output.name)
        ):
            previous.text += output.text
        else:
            joined.append(output)
    return joined


def dumps(notebook: nbformat.NotebookNode) -> str:
    """The exact text written to disk (nbformat's JSON layout, one trailing newline)."""
    return nbformat.writes(notebook) + "\n"


def write_pinned(executed: nbformat.NotebookNode, path: Path) -> None:
    """Write the pinned form of ``executed`` to ``path`` (validated against the nbformat schema first)."""
    notebook = pinned(executed)
    nbformat.validate(notebook)
    Path(path).write_text(dumps(notebook), encoding="utf-8")


def same_cells(a: nbformat.NotebookNode, b: nbformat.NotebookNode) -> list[str]:
    """Where two notebooks' cells differ in type, source or tags (empty when a source and its .ipynb agree)."""
    problems = []
    if len(a.cells) != len(b.cells):
        problems.append(f"{len(a.cells)} cells vs {len(b.cells)}")
    for index, (x, y) in enumerate(zip(a.cells, b.cells, strict=False)):
        if x.cell_type != y.cell_type or x.source != y.source:
            problems.append(f"cell {index} ({x.cell_type}) differs: {x.source[:60]!r} vs {y.source[:60]!r}")
        elif x.metadata.get("tags", []) != y.metadata.get("tags", []):
            problems.append(f"cell {index} tags differ: {x.metadata.get('tags')} vs {y.metadata.get('tags')}")
    return problems


def _stable_ids(notebook: nbformat.NotebookNode) -> None:
    """Cell ids from each cell's type and source (numbered when two cells are the same), never random."""
    seen: dict[str, int] = {}
    for cell in notebook.cells:
        digest = hashlib.sha1(f"{cell.cell_type}\n{cell.source}".encode()).hexdigest()[:8]
        seen[digest] = seen.get(digest, 0) + 1
        cell["id"] = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
