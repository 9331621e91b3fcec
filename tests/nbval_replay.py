"""nbval over the one course run: each committed notebook's cells compared with a fresh execution, without a second.

nbval normally starts a kernel per notebook and executes it again. Here the execution is the session's default
course run (``tests.support.course_run(None)``: every notebook once, each in a fresh kernel, through the same runner
learners and CI use), and each committed code cell becomes an nbval item that compares what that run produced,
pinned the way ``make execute`` pins it (``awslab.notebook.pinned_output``), against the stored outputs, with nbval's
own comparison, sanitising and failure report. One execution feeds nbval, the book and the default-value tests.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbval.plugin import IPyNbCell, IPyNbFile, coalesce_streams

from awslab import notebook as nbfile
from tests import support


class ReplayNotebook(IPyNbFile):
    """A committed .ipynb whose cells are checked against its executed copy in the default course run."""

    def setup(self):
        self.setup_sanitize_files()
        run = support.course_run(None)
        copy = run.folder / self.path.parent.name / self.path.name
        self.problem = None
        self.executed_cells = []
        if not copy.exists():
            line = next((x for x in run.stdout.splitlines() if f"] {self.path.name} " in x), "no line for it")
            self.problem = f"the course run has no executed copy of {self.path.name}: {line.strip()}"
            return
        executed = nbformat.read(copy, as_version=4)
        self.executed_cells = [
            c
            for c in executed.cells
            if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])
        ]

    def teardown(self):
        pass  # no kernel was started

    def collect(self):
        for item in super().collect():
            yield ReplayCell.from_parent(
                self, name=item.name, cell_num=item.cell_num, cell=item.cell, options=item.options
            )


class ReplayCell(IPyNbCell):
    """One code cell: the run's outputs for it, pinned, must equal the committed ones (nbval's comparison)."""

    def runtest(self):
        if self.options["skip"]:
            pytest.skip()
        notebook = self.parent
        if notebook.problem:
            self.raise_cell_error(notebook.problem)
        if self.cell_num >= len(notebook.executed_cells):
            self.raise_cell_error("the executed copy has fewer code cells: regenerate the .ipynb with `make execute`")
        executed = notebook.executed_cells[self.cell_num]
        if executed.source != self.cell.source:
            self.raise_cell_error(
                "the committed .ipynb and its MyST source differ in this cell: regenerate it with `make execute`"
            )
        errors = [o for o in executed.outputs if o.output_type == "error"]
        if errors and not self.options["check_exception"]:
            self.raise_cell_error("Cell execution caused an exception", "\n" + "\n".join(errors[0].traceback))
        outputs = coalesce_streams([o for o in map(nbfile.pinned_output, executed.outputs) if o is not None])
        self.test_outputs = outputs
        if self.cell.execution_count is None and self.cell.outputs:
            self.raise_cell_error("Unrun reference cell has outputs")
        if self.options["check"] and self.cell.execution_count is not None:
            if not self.compare_outputs(outputs, coalesce_streams(self.cell.outputs)):
                self.raise_cell_error("Cell outputs differ", "\n".join(self.comparison_traceback))


def collect_file(file_path: Path, parent):
    """Committed course notebooks (notebooks/NN_chapter/NAME.ipynb with a MyST source beside them)."""
    if (
        file_path.suffix == ".ipynb"
        and file_path.parent.parent.name == "notebooks"
        and file_path.with_suffix(nbfile.SOURCE_SUFFIX).exists()
    ):
        return ReplayNotebook.from_parent(parent, path=file_path)
    return None
