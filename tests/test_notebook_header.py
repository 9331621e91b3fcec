"""Every notebook page opens with its title, then how long it takes and what to read first (issue 16, point 5)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "notebooks").glob("*/*.md"))
HEADER = re.compile(r"\n# [^\n]+\n\nTime: ~(\d+) min · Prerequisites: ([^\n]+(?:\n(?!\n)[^\n]+)*)\n")
DOC = re.compile(r"\{doc\}`/?(notebooks/[^`<>]+?)`|\]\(((?:\.\./)?[0-9a-z_/]+)\.(?:md|ipynb)\)")


@pytest.mark.parametrize("source", SOURCES, ids=[f"{s.parent.name}/{s.stem}" for s in SOURCES])
def test_time_and_prerequisites_come_right_after_the_title(source):
    text = source.read_text(encoding="utf-8")
    match = HEADER.search(text)
    assert match, f"{source.name}: 'Time: ~N min · Prerequisites: ...' must be the line after the H1"
    assert 10 <= int(match.group(1)) <= 120
    for doc, relative in DOC.findall(match.group(2)):
        target = ROOT / f"{doc}.md" if doc else (source.parent / f"{relative}.md").resolve()
        assert target.exists(), f"{source.name}: prerequisite {doc or relative} is not a notebook"
