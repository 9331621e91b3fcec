"""The static site: built offline, every figure drawn, nothing fetched from outside, a missing figure fails the build."""

import json
import re
import shutil
from pathlib import Path

import pytest

from awslab import book
from tests.support import ROOT, build_book

pytestmark = pytest.mark.book
EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I)


def notebook_pages(html: Path):
    for notebook in sorted((ROOT / "notebooks").glob("*/*.ipynb")):
        yield notebook, html / "notebooks" / notebook.parent.name / f"{notebook.stem}.html"


def test_every_notebook_page_shows_all_its_figures_and_quizzes(built_book, default_run):
    for notebook, page in notebook_pages(built_book):
        assert page.exists(), page
        text = page.read_text()
        stored = json.loads((default_run.folder / notebook.parent.name / notebook.name).read_text())
        assert text.count("class='awslab-figure'") == book.figure_counts(stored) > 0, page.name
        quizzes = sum(
            "Quiz:" in "".join(o.get("data", {}).get("text/plain", ""))
            for c in stored["cells"]
            for o in c.get("outputs", [])
        )
        assert text.count("class='awslab-quiz'") == quizzes >= 1, page.name
        assert "jupyter-widgets" not in text and "require.min.js" not in text, page.name
        assert "application/vnd.jupyter.widget-state+json" not in text, page.name


def test_no_page_loads_anything_from_outside(built_book):
    pages = list(built_book.rglob("*.html"))
    assert len(pages) >= 6
    for page in pages:
        found = EXTERNAL.findall(page.read_text())
        assert not found, f"{page.relative_to(built_book)} loads {found[:3]}"


def test_every_page_stays_under_the_weight_budget(built_book):
    # Issue budget: a page's own HTML under 1.5 MB (shared assets such as plotly.min.js excluded).
    heavy = {
        p.relative_to(built_book).as_posix(): p.stat().st_size
        for p in built_book.rglob("*.html")
        if p.stat().st_size > 1.5 * 1024 * 1024
    }
    assert heavy == {}


def test_plotly_js_is_shipped_once(built_book):
    copies = list(built_book.rglob("plotly.min.js"))
    assert len(copies) == 1 and copies[0].stat().st_size > 1_000_000
    for page in built_book.rglob("*.html"):  # loaded exactly where a figure is drawn, never elsewhere
        text = page.read_text()
        expected = 1 if "class='awslab-figure'" in text else 0
        assert text.count("plotly.min.js") == expected, page
    assert "plotly.min.js" not in (built_book / "book" / "intro.html").read_text()


def test_notebooks_are_downloadable_with_their_figures(built_book):
    """The download button gives the executed notebook (figures, explorers' static faces, quizzes), not the
    committed one, which holds only the pinned text outputs."""
    for notebook, _ in notebook_pages(built_book):
        download = built_book / "_sources" / "notebooks" / notebook.parent.name / notebook.name
        assert download.exists(), download
        assert book.figure_counts(json.loads(download.read_text())) > 0, download
        assert book.figure_counts(json.loads(notebook.read_text())) == 0, notebook  # pinned: text only


def _mini_book(tmp_path: Path, outputs: list) -> Path:
    src = tmp_path / "mini"
    src.mkdir()
    (src / "_config.yml").write_text(
        "title: mini\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: 'off'\n"
        "sphinx:\n  extra_extensions: [awslab.book]\n  config:\n    nb_ipywidgets_js: {}\n    nb_render_plugin: awslab\n"
    )
    (src / "_toc.yml").write_text("format: jb-book\nroot: page\n")
    notebook = {
        "cells": [
            {"cell_type": "code", "execution_count": 1, "id": "c1", "metadata": {}, "source": "x", "outputs": outputs}
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (src / "page.ipynb").write_text(json.dumps(notebook))
    return src


def test_a_figure_the_site_cannot_draw_fails_the_build(tmp_path):
    unknown = [{"output_type": "display_data", "metadata": {}, "data": {"application/vnd.example.chart+json": {}}}]
    result = build_book(_mini_book(tmp_path, unknown))
    assert result.returncode != 0
    assert "application/vnd.example.chart+json" in result.stdout + result.stderr


def test_a_plotly_output_becomes_a_figure(tmp_path):
    figure = {"data": [{"type": "bar", "x": [1, 2], "y": [3, 4]}], "layout": {"title": {"text": "t"}}}
    ok = [{"output_type": "display_data", "metadata": {}, "data": {book.PLOTLY_MIME: figure, "text/plain": "Figure"}}]
    source = _mini_book(tmp_path, ok)
    result = build_book(source)
    assert result.returncode == 0, result.stdout[-3000:]
    assert (source / "_build" / "html" / "page.html").read_text().count("class='awslab-figure'") == 1
    shutil.rmtree(source / "_build")


def test_figure_check_raises_when_a_page_lost_a_figure(tmp_path):
    from sphinx.errors import ExtensionError

    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "page.html").write_text("<p>no figure here</p>")
    notebook = tmp_path / "page.ipynb"
    notebook.write_text(json.dumps({"cells": [{"outputs": [{"data": {book.PLOTLY_MIME: {}}}]}]}))

    class Env:
        found_docs = {"page"}

        @staticmethod
        def doc2path(docname):
            return str(notebook)

    class Builder:
        format = "html"

        @staticmethod
        def get_outfilename(docname):
            return str(tmp_path / "html" / f"{docname}.html")

    class App:
        outdir = str(tmp_path / "html")
        env, builder = Env(), Builder()

    with pytest.raises(ExtensionError, match="page: 1 plotly outputs, 0 figures"):
        book._check_figures(App(), None)


def test_glossary_links_every_term_to_where_it_is_taught(built_book):
    import yaml

    entries = yaml.safe_load((ROOT / "book" / "glossary.yaml").read_text())
    page = (built_book / "book" / "glossary.html").read_text()
    for entry in entries:
        assert f">{entry['term']}</dt>" in page, entry["term"]
        for doc in entry["taught_in"]:
            assert f'href="../{doc}.html"' in page, (entry["term"], doc)


def test_a_glossary_link_to_a_missing_page_fails_the_build(tmp_path):
    source = _mini_book(tmp_path, [])
    (source / "glossary.yaml").write_text("- term: Thing\n  definition: A thing.\n  taught_in: [no/such/page]\n")
    (source / "glossary.md").write_text("# Glossary\n\n```{awslab-glossary} glossary.yaml\n```\n")
    (source / "_toc.yml").write_text("format: jb-book\nroot: page\nchapters:\n  - file: glossary\n")
    result = build_book(source)
    assert result.returncode != 0
    assert "no/such/page" in result.stdout + result.stderr


def test_every_toc_entry_exists_and_every_notebook_is_in_the_toc():
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = {toc["root"]}

    def walk(node):
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key, []):
                if "file" in child:
                    files.add(child["file"])
                walk(child)

    walk(toc)
    for name in files:
        assert any((ROOT / f"{name}{ext}").exists() for ext in (".md", ".ipynb")), name
    notebooks = {p.relative_to(ROOT).with_suffix("").as_posix() for p in (ROOT / "notebooks").glob("*/*.ipynb")}
    assert notebooks <= files, f"notebooks missing from _toc.yml: {sorted(notebooks - files)}"


def test_launch_buttons_point_at_the_public_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("AWSLAB_REPOSITORY_URL", "git@github.com:awslab-course/awslab.git")
    monkeypatch.setenv("AWSLAB_REPOSITORY_BRANCH", "main")
    source = _mini_book(tmp_path, [])
    result = build_book(source)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    page = (source / "_build" / "html" / "page.html").read_text()
    assert "https://mybinder.org/v2/gh/awslab-course/awslab/main?urlpath=lab/tree/page.ipynb" in page
    assert "https://github.com/awslab-course/awslab" in page  # the repository button
    assert "colab.research.google.com" not in page  # Colab would lack the awslab package
    shutil.rmtree(source / "_build")


def test_launch_buttons_never_point_anywhere_else(built_book):
    repository = book.public_repository(ROOT)
    for page in (built_book / "notebooks").rglob("*.html"):
        text = page.read_text()
        assert "executablebooks/jupyter-book" not in text, page  # Jupyter Book's default repository
        if repository is None:  # a clone of a local path: nothing to launch from, no launch buttons
            assert "mybinder.org" not in text and "launch-buttons" not in text, page
        else:
            assert f"mybinder.org/v2/gh/{repository[0].split('/', 3)[3]}/{repository[1]}" in text, page


def test_public_repository_accepts_only_hosted_addresses():
    for url, expected in [
        ("https://github.com/o/r.git", "https://github.com/o/r"),
        ("git@github.com:o/r.git", "https://github.com/o/r"),
        ("https://gitlab.com/g/p", "https://gitlab.com/g/p"),
        ("/srv/git/awslab", None),
        ("https://git.example.com/o/r", None),
    ]:
        found = book.public_repository(ROOT, {"AWSLAB_REPOSITORY_URL": url, "AWSLAB_REPOSITORY_BRANCH": "b"})
        assert (found[0] if found else None) == expected, url
