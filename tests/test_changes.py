"""The dated-changes loader (awslab.changes) and the book page it feeds (book/changes.md, {awslab-changes})."""

from pathlib import Path

import pytest

from awslab import changes

ROOT = Path(__file__).resolve().parents[1]
GOOD = {
    "date": "2026-05-31",
    "change": "CloudTrail Lake closed to new customers.",
    "source": "AWS CloudTrail User Guide, Document history",
    "url": "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-document-history.md",
    "read": "2026-12-03",
    "notebook": "notebooks/07_management/03_cloudtrail_config_trusted_advisor",
}


def write_chapter(root: Path, chapter: str, text: str) -> None:
    (root / "awslab" / chapter).mkdir(parents=True, exist_ok=True)
    (root / "awslab" / chapter / "changes.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path):
    notebook = tmp_path / "notebooks" / "07_management" / "03_cloudtrail_config_trusted_advisor.md"
    notebook.parent.mkdir(parents=True)
    notebook.write_text("# a notebook\n", encoding="utf-8")
    return tmp_path


def yaml_of(entry: dict) -> str:
    return "- " + "\n  ".join(f"{k}: {v!r}" if isinstance(v, str) else f"{k}: {v}" for k, v in entry.items()) + "\n"


def test_the_course_changes_load_and_are_newest_first():
    loaded = changes.load_changes(ROOT)
    assert len(loaded) >= 10
    keys = [c.sort_key for c in loaded]
    assert keys == sorted(keys, reverse=True)
    chapters = {c.chapter for c in loaded}
    assert {"databases", "security", "app_services", "management", "analytics", "containers", "cost"} <= chapters
    assert all(c.url.startswith("https://") and c.read <= "2026-12-03" for c in loaded)


def test_the_issue_17_changes_are_on_the_page():
    page = changes.changes_markdown(changes.load_changes(ROOT))
    for date in ("2027-01-01", "2026-05-31", "2025-11-07", "2024-11-12", "2024-03-04", "2023-07-31"):
        assert f"**{date}**" in page
    assert page.index("**2027-01-01**") < page.index("**2025-11-07**") < page.index("**2023-07-31**")
    assert "{doc}`/notebooks/08_analytics/02_emr_pipeline_snowball`" in page


def test_a_valid_file_loads(tree):
    write_chapter(tree, "management", yaml_of(GOOD))
    (only,) = changes.load_changes(tree)
    assert only.chapter == "management" and only.date == "2026-05-31"


def test_unquoted_yaml_dates_are_accepted(tree):
    write_chapter(tree, "management", yaml_of(GOOD).replace("'2026-05-31'", "2026-05-31"))
    assert changes.load_changes(tree)[0].date == "2026-05-31"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"colour": "red"}, r"entry 1: unknown keys \['colour'\]"),
        ({"date": "2026-13-01"}, "date '2026-13-01' is not a calendar date"),
        ({"date": "31 May 2026"}, "date must be written YYYY-MM-DD or YYYY-MM"),
        ({"read": "2026-12"}, "read must be written YYYY-MM-DD, got '2026-12'"),
        ({"url": "docs.aws.amazon.com/x"}, "url must be the source's https:// address"),
        ({"source": ""}, "source must be non-empty text"),
        ({"notebook": "notebooks/07_management/99_gone"}, "notebook 'notebooks/07_management/99_gone' does not exist"),
        ({"notebook": "07_management/x.md"}, "notebook must look like notebooks/NN_chapter/NN_topic"),
    ],
)
def test_bad_entries_fail_with_the_file_entry_and_problem(tree, edit, message):
    write_chapter(tree, "management", yaml_of(GOOD) + yaml_of({**GOOD, **edit}))
    with pytest.raises(ValueError, match=r"awslab/management/changes\.yaml entry 2: " + message.split("entry 1: ")[-1]):
        changes.load_changes(tree)


def test_missing_keys_and_wrong_shapes_are_named(tree):
    write_chapter(tree, "security", "- date: 2024-03-04\n  change: x\n")
    write_chapter(tree, "analytics", "date: 2024-03-04\n")
    with pytest.raises(ValueError) as caught:
        changes.load_changes(tree)
    text = str(caught.value)
    assert "awslab/security/changes.yaml entry 1: missing keys ['notebook', 'read', 'source', 'url']" in text
    assert "awslab/analytics/changes.yaml: expected a list of changes, got dict" in text


def test_an_empty_file_is_no_changes(tree):
    write_chapter(tree, "management", "# nothing yet\n")
    assert changes.load_changes(tree) == ()
    assert changes.changes_markdown(()) == "No dated changes are recorded yet."


def test_the_book_page_uses_the_directive():
    page = (ROOT / "book" / "changes.md").read_text(encoding="utf-8")
    assert "```{awslab-changes}" in page
    from awslab import book

    assert callable(book._changes_directive)
