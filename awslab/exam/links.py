"""Links from a question to the notebook section that teaches it: ``see: 01_storage/06_ebs#gp2-burst-credits``.

A ``see`` value names a notebook by its path under ``notebooks/`` without extension, and optionally a heading anchor.
The anchor is the heading's id on the book site (docutils' id of the heading text: lowercase, every run of other
characters a hyphen); the GitHub/MyST-style slug of the heading (punctuation dropped) is accepted too and resolved to
the site id. A MyST target ``(label)=`` placed before a heading is also an anchor.

>>> resolve("10_resilience/01_dr_strategies")
('10_resilience/01_dr_strategies', None)
>>> resolve("10_resilience/01_dr_strategies.md")
Traceback (most recent call last):
...
ValueError: see '10_resilience/01_dr_strategies.md': name the notebook without extension, e.g. 01_storage/06_ebs#gp2-burst-credits

References
----------
- docutils, "nodes.make_id" (how section ids are made), https://docutils.sourceforge.io/docs/ref/rst/directives.html#identifier-normalization
  (read 2026-12-03)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from awslab.validate import checked

NOTEBOOKS = Path(__file__).resolve().parent.parent.parent / "notebooks"
_SEE = re.compile(r"^(?P<notebook>[0-9A-Za-z_]+/[0-9A-Za-z_]+)(?:#(?P<anchor>[A-Za-z0-9_-]+))?$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_TARGET = re.compile(r"^\((?P<label>[A-Za-z0-9_-]+)\)=\s*$")


@checked
def site_id(text: str) -> str:
    """The id the book gives a heading: docutils' normalisation (``nodes.make_id``) of its markup-free text, here
    without importing docutils (a test checks that both agree on every heading of the course).

    >>> site_id("Simple and step scaling, and AWS's rounding")
    'simple-and-step-scaling-and-aws-s-rounding'
    >>> site_id("`gp2` burst credits")
    'gp2-burst-credits'
    """
    text = unicodedata.normalize("NFKD", " ".join(_plain(text).lower().split())).encode("ascii", "ignore").decode()
    return re.sub(r"^[-0-9]+|-+$", "", re.sub(r"[^a-z0-9]+", "-", text))


@checked
def slug(text: str) -> str:
    """The GitHub/MyST-style slug of a heading (punctuation dropped, spaces to hyphens).

    >>> slug("Simple and step scaling, and AWS's rounding")
    'simple-and-step-scaling-and-awss-rounding'
    """
    plain = _plain(text).strip().lower()
    plain = re.sub(r"[^\w\- ]", "", plain)
    return plain.replace(" ", "-")


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url) -> text
    text = re.sub(r"\{[a-z]+\}`([^`]*)`", r"\1", text)  # {role}`x` -> x
    return text.replace("`", "").replace("**", "").replace("*", "")


@functools.lru_cache(maxsize=256)
def anchors(notebook: str) -> dict[str, str]:
    """Every anchor a ``see`` may name in a notebook, mapped to the id it has on the site (empty if no such notebook).

    >>> anchors("10_resilience/01_dr_strategies")["summary"]
    'summary'
    """
    path = NOTEBOOKS / f"{notebook}.md"
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    fenced, front, label = False, False, None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if number == 0 and line.strip() == "---":
            front = True
            continue
        if front:
            front = line.strip() != "---"
            continue
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        target = _TARGET.match(line)
        if target:
            label = target.group("label")
            continue
        heading = _HEADING.match(line)
        if heading:
            ident = site_id(heading.group(2))
            found.setdefault(slug(heading.group(2)), ident)
            found[ident] = ident
            if label:
                found[label] = ident
        if line.strip():
            label = None
    return found


@checked
def exists(notebook: str) -> bool:
    """Whether ``notebooks/<notebook>.md`` exists.

    >>> exists("01_storage/06_ebs"), exists("01_storage/99_nothing")
    (True, False)
    """
    return (NOTEBOOKS / f"{notebook}.md").is_file()


def resolve(see: str) -> tuple[str, str | None]:
    """Check a ``see`` value; returns (notebook, site anchor or None). ValueError says what is wrong and allowed.

    Where the course's notebooks are not beside the package (an installed copy), only the form is checked.

    >>> resolve("01_storage/06_ebs#summary")
    ('01_storage/06_ebs', 'summary')
    """
    if not isinstance(see, str):
        raise ValueError(f"see {see!r}: must be text, a notebook path such as 01_storage/06_ebs#gp2-burst-credits")
    if re.search(r"\.(md|ipynb)(#|$)", see):
        raise ValueError(f"see {see!r}: name the notebook without extension, e.g. 01_storage/06_ebs#gp2-burst-credits")
    match = _SEE.match(see)
    if not match:
        raise ValueError(
            f"see {see!r}: must be <chapter folder>/<notebook> with an optional #anchor, "
            "e.g. 01_storage/06_ebs#gp2-burst-credits"
        )
    notebook, anchor = match.group("notebook"), match.group("anchor")
    if not NOTEBOOKS.is_dir():
        return notebook, anchor
    if not exists(notebook):
        nearby = sorted(p.stem for p in (NOTEBOOKS / notebook.split("/")[0]).glob("*.md"))
        allowed = f"notebooks in {notebook.split('/')[0]}: {', '.join(nearby)}" if nearby else "an existing notebook"
        raise ValueError(f"see {see!r}: no notebook notebooks/{notebook}.md; allowed: {allowed}")
    if anchor is None:
        return notebook, None
    known = anchors(notebook)
    if anchor not in known:
        ids = sorted(set(known.values()))
        raise ValueError(f"see {see!r}: no heading with anchor {anchor!r} in {notebook}; allowed: {', '.join(ids)}")
    return notebook, known[anchor]
