"""Notebooks as text: every MyST source has its committed .ipynb, the two agree, and re-executing gives the same bytes."""

import json
from pathlib import Path

import nbformat
import pytest

from awslab import notebook as nbfile
from awslab import runner
from tests.support import ROOT

SOURCES = runner.find_notebooks(None)
IDS = [runner.notebook_key(p) for p in SOURCES]


def test_every_source_has_its_ipynb_and_every_ipynb_its_source():
    ipynbs = {p.relative_to(ROOT) for p in (ROOT / "notebooks").glob("*/*.ipynb")}
    expected = {nbfile.ipynb_path(p).relative_to(ROOT) for p in SOURCES}
    assert len(SOURCES) >= 36
    assert ipynbs == expected, f"without a source: {sorted(ipynbs - expected)}; never executed: {expected - ipynbs}"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_the_committed_ipynb_has_exactly_the_cells_of_its_source(source):
    problems = nbfile.same_cells(nbfile.read(source), nbfile.read(nbfile.ipynb_path(source)))
    assert not problems, f"{source.name}: regenerate with `make execute NB={source.relative_to(ROOT)}`: {problems[:3]}"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_the_committed_ipynb_is_in_pinned_form(source):
    """Nothing but pinned outputs and normalised metadata: no figure JSON, widget view, widget state or timestamp."""
    path = nbfile.ipynb_path(source)
    committed = path.read_text(encoding="utf-8")
    assert nbfile.dumps(nbfile.pinned(nbformat.reads(committed, as_version=4))) == committed, path.name
    for mime in (nbfile.PLOTLY_MIME, nbfile.WIDGET_MIME, "application/vnd.jupyter.widget-state+json"):
        assert mime not in committed, (path.name, mime)
    cells = json.loads(committed)["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code), f"{path.name}: a code cell was never executed"
    assert not any(o["output_type"] == "error" for c in code for o in c["outputs"]), f"{path.name} stores an error"
    assert path.stat().st_size < 2 * 1024 * 1024


@pytest.mark.notebooks
@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_re_executing_an_unchanged_notebook_gives_the_committed_bytes(source, default_run):
    """The session's fresh execution, pinned as `make execute` pins it, is byte for byte the committed file."""
    copy = default_run.folder / source.parent.name / nbfile.ipynb_path(source).name
    assert copy.exists(), f"{source.name} did not run: {default_run.stdout[-2000:]}"
    fresh = nbfile.dumps(nbfile.pinned(nbformat.read(copy, as_version=4)))
    assert fresh == nbfile.ipynb_path(source).read_text(encoding="utf-8"), f"{source.name}: outputs changed"


def test_pinning_keeps_what_the_models_computed_and_drops_presentation():
    figure = {"output_type": "display_data", "metadata": {}, "data": {nbfile.PLOTLY_MIME: {}, "text/plain": "Fig"}}
    quiz = {
        "output_type": "execute_result",
        "execution_count": 3,
        "metadata": {},
        "data": {nbfile.WIDGET_MIME: {"model_id": "f00"}, "text/html": "<form>", "text/plain": "Quiz: q (5)"},
    }
    table = {
        "output_type": "execute_result",
        "execution_count": 4,
        "metadata": {"x": 1},
        "data": {"text/html": "<table>", "text/plain": "   a\n0  1"},
    }
    bare = {"output_type": "display_data", "metadata": {}, "data": {nbfile.PLOTLY_MIME: {}}}
    assert nbfile.pinned_output(figure)["data"] == {"text/plain": "Fig"}
    assert nbfile.pinned_output(quiz)["data"] == {"text/plain": "Quiz: q (5)"}
    assert nbfile.pinned_output(table)["data"] == table["data"] and nbfile.pinned_output(table)["metadata"] == {}
    assert nbfile.pinned_output(bare) is None
    stream = nbfile.pinned_output({"output_type": "stream", "name": "stdout", "text": "42\n"})
    assert stream == {"output_type": "stream", "name": "stdout", "text": "42\n"}


def test_cell_ids_come_from_the_source_never_at_random(tmp_path):
    first = nbfile.read(SOURCES[0])
    second = nbfile.read(SOURCES[0])
    assert [c.id for c in first.cells] == [c.id for c in second.cells]
    assert len({c.id for c in first.cells}) == len(first.cells)


def test_a_source_that_is_not_a_notebook_is_refused(tmp_path):
    page = tmp_path / "notes.md"
    page.write_text("# just a page\n")
    with pytest.raises(ValueError, match="not a course notebook"):
        runner.find_notebooks([str(page)])
    with pytest.raises(ValueError, match="a MyST source"):
        nbfile.read(Path(tmp_path / "x.txt"))
