"""The course's dated changes ("since April 2026", "closed to new customers"): loaded, checked, listed newest first.

Each chapter keeps the changes it teaches in ``awslab/<chapter>/changes.yaml``: a list of entries
``{date, change, source, url, read, notebook}``. ``date`` is when AWS made the change (``YYYY-MM-DD``, or ``YYYY-MM``
when AWS gives only the month), ``change`` our own words, ``source`` the page title, ``url`` its address, ``read``
the day we read it (``YYYY-MM-DD``) and ``notebook`` the notebook that teaches it (``notebooks/NN_x/NN_topic``,
without ``.md``). :func:`load_changes` refuses unknown or missing keys, bad dates, sources without an https address
and notebooks that do not exist, naming the file and the entry; :func:`changes_markdown` writes the book's page.

References:
    - This course's README, "Adding a chapter" (every dated claim carries its source); no AWS page is modelled here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

CHANGE_KEYS = ("date", "change", "source", "url", "read", "notebook")
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_NOTEBOOK = re.compile(r"^notebooks/\d{2}_[a-z_]+/\d{2}_[a-z0-9_]+$")
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Change:
    """One dated change AWS made, as the course teaches it, with where we read it.

    >>> Change("2026-05-31", "CloudTrail Lake closed to new customers.", "Document history",
    ...        "https://docs.aws.amazon.com/", "2026-12-03", "notebooks/07_management/01_cloudwatch", "management").year
    2026
    """

    date: str
    change: str
    source: str
    url: str
    read: str
    notebook: str
    chapter: str

    @property
    def year(self) -> int:
        """The year of the change."""
        return int(self.date[:4])

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """(year, month, day) with day 0 for a month-only date, so a month sorts before its own dated days."""
        year, month, day = _DATE.match(self.date).groups()
        return int(year), int(month), int(day or 0)


def _check_date(value: object, *, allow_month: bool) -> str | None:
    """The problem with a date value, or None when it is a real calendar date in the allowed form."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    if not isinstance(text, str):
        return f"must be a date written YYYY-MM-DD{' or YYYY-MM' if allow_month else ''}, got {value!r}"
    match = _DATE.match(text)
    if not match or (match.group(3) is None and not allow_month):
        return f"must be written YYYY-MM-DD{' or YYYY-MM' if allow_month else ''}, got {text!r}"
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"{text!r} is not a calendar date"
    return None


def check_entry(entry: object, *, where: str, root: Path = ROOT) -> list[str]:
    """Every problem with one changes.yaml entry, each naming ``where`` (file and entry number); [] when valid.

    >>> check_entry({"date": "2026-13"}, where="x.yaml entry 1")[0]
    "x.yaml entry 1: missing keys ['change', 'notebook', 'read', 'source', 'url']"
    """
    if not isinstance(entry, dict):
        return [f"{where}: expected a mapping of {list(CHANGE_KEYS)}, got {type(entry).__name__}"]
    problems = []
    missing = sorted(set(CHANGE_KEYS) - set(entry))
    unknown = sorted(str(k) for k in set(entry) - set(CHANGE_KEYS))
    if missing:
        problems.append(f"{where}: missing keys {missing}")
    if unknown:
        problems.append(f"{where}: unknown keys {unknown} (allowed: {list(CHANGE_KEYS)})")
    for key, allow_month in (("date", True), ("read", False)):
        if key in entry and (problem := _check_date(entry[key], allow_month=allow_month)):
            problems.append(f"{where}: {key} {problem}")
    for key in ("change", "source"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            problems.append(f"{where}: {key} must be non-empty text, got {entry[key]!r}")
    if "url" in entry and (not isinstance(entry["url"], str) or not entry["url"].startswith("https://")):
        problems.append(f"{where}: url must be the source's https:// address, got {entry['url']!r}")
    notebook = entry.get("notebook")
    if "notebook" in entry:
        if not isinstance(notebook, str) or not _NOTEBOOK.match(notebook):
            problems.append(f"{where}: notebook must look like notebooks/NN_chapter/NN_topic, got {notebook!r}")
        elif not (root / f"{notebook}.md").is_file():
            problems.append(f"{where}: notebook {notebook!r} does not exist ({notebook}.md not found)")
    return problems


def load_changes(root: Path = ROOT) -> tuple[Change, ...]:
    """Every chapter's dated changes, newest first; one ValueError lists every problem found in any file.

    >>> changes = load_changes()
    >>> changes[0].sort_key >= changes[-1].sort_key
    True
    """
    import yaml

    changes, problems = [], []
    for path in sorted((root / "awslab").glob("*/changes.yaml")):
        name = path.relative_to(root).as_posix()
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            problems.append(f"{name}: expected a list of changes, got {type(entries).__name__}")
            continue
        for number, entry in enumerate(entries, start=1):
            found = check_entry(entry, where=f"{name} entry {number}", root=root)
            problems.extend(found)
            if not found:
                text = {k: (v.isoformat() if isinstance(v, dt.date) else str(v)) for k, v in entry.items()}
                changes.append(Change(**text, chapter=path.parent.name))
    if problems:
        raise ValueError("dated changes are not valid:\n" + "\n".join(problems))
    return tuple(sorted(changes, key=lambda c: (c.sort_key, c.chapter, c.change), reverse=True))


def changes_markdown(changes: tuple[Change, ...] | None = None) -> str:
    """The book's list of changes as MyST Markdown, newest first, one bullet each with its notebook and source.

    >>> changes_markdown(())
    'No dated changes are recorded yet.'
    """
    changes = load_changes() if changes is None else changes
    if not changes:
        return "No dated changes are recorded yet."
    lines = [
        f"- **{c.date}** · {c.change} *Taught in* {{doc}}`/{c.notebook}`. *Source:* [{c.source}]({c.url}), read {c.read}."
        for c in changes
    ]
    return "\n".join(lines) + "\n"
