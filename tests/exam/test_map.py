"""The exam map page: generated at build time from the bank, warning-free, every notebook it names a live link."""

import re

import pytest
import yaml

from awslab.exam import bank, coverage, links, page
from tests.support import ROOT, build_book


def test_the_page_is_in_the_toc_under_exam_practice():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    part = next(p for p in toc["parts"] if p["caption"] == "Exam practice")
    assert {"file": "book/exam_map"} in part["chapters"]
    text = (ROOT / "book" / "exam_map.md").read_text()
    assert "{awslab-exam-map} saa" in text and "{awslab-exam-map} sap" in text


def test_the_map_names_every_task_with_its_count_and_shows_gaps_plainly():
    for exam in coverage():
        text = page.exam_map_markdown(exam.key)
        for d in exam.domains:
            for t in d.tasks:
                row = next(line for line in text.splitlines() if line.startswith(f"| {t.id} |"))
                assert (page.GAP in row) == (t.questions == 0), row
                assert (f"| {t.questions} |" in row) or t.questions == 0
        assert f"**{exam.questions} questions**" in text


def test_a_task_without_questions_is_a_gap_on_the_page():
    only_storage = [q for q in bank.load_bank() if q.chapter == "storage"]
    text = page.exam_map_markdown("saa", bank=only_storage)
    assert "Gaps in SAA-C03:" in text and page.GAP in text
    assert "too few for a full exam" in text


def test_every_linked_notebook_exists():
    for key in ("saa", "sap"):
        for notebook in re.findall(r"</notebooks/([^>]+)>`", page.exam_map_markdown(key)):
            assert links.exists(notebook), notebook


@pytest.mark.book
def test_the_page_builds_without_a_warning(tmp_path):
    """A mini book: the real page and a one-heading stand-in for every notebook it links, built with -W."""
    src = tmp_path / "mini"
    (src / "book").mkdir(parents=True)
    (src / "book" / "exam_map.md").write_text((ROOT / "book" / "exam_map.md").read_text())
    linked = sorted(
        {nb for key in ("saa", "sap") for nb in re.findall(r"</notebooks/([^>]+)>`", page.exam_map_markdown(key))}
    )
    for notebook in linked:
        stub = src / "notebooks" / f"{notebook}.md"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(f"# {page.notebook_title(notebook)}\n\nA stand-in.\n")
    (src / "_config.yml").write_text(
        "title: mini\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: 'off'\n"
        "sphinx:\n  extra_extensions: [awslab.book]\n  config:\n    nb_ipywidgets_js: {}\n    nb_render_plugin: awslab\n"
    )
    toc = {"format": "jb-book", "root": "book/exam_map", "chapters": [{"file": f"notebooks/{nb}"} for nb in linked]}
    (src / "_toc.yml").write_text(yaml.safe_dump(toc))
    result = build_book(src)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    html = (src / "_build" / "html" / "book" / "exam_map.html").read_text()
    assert "saa-3.5" in html and "sap-4.4" in html and "awslab-exam-map" in html
    assert html.count("notebooks/01_storage/06_ebs.html") >= 1
    assert html.count("<table") == 2 * (1 + 4)  # per exam: the domain table and one task table per domain
