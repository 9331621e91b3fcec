"""Quiz explanations and notebook text name the same numbers as the storage models' constants."""

from pathlib import Path

import pytest
import yaml

from awslab.storage import ebs_snapshots, s3, s3_encryption
from awslab.storage.ebs import EBS_PRICES_US_EAST_1

ROOT = Path(__file__).resolve().parents[2]
QUIZZES = ROOT / "awslab" / "storage" / "quizzes"
NOTEBOOKS = ROOT / "notebooks" / "01_storage"


def question_text(quiz: str, question_id: str) -> str:
    """The question, every answer and every explanation of one quiz question, as one string."""
    data = yaml.safe_load((QUIZZES / f"{quiz}.yaml").read_text(encoding="utf-8"))
    (question,) = [q for q in data["questions"] if q["id"] == question_id]
    parts = [question["question"]] + [f"{a['text']} {a['why']}" for a in question["answers"]]
    return " ".join(parts)


def notebook_text(name: str) -> str:
    return (NOTEBOOKS / f"{name}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("quiz", "question_id", "expected"),
    [
        ("s3_fundamentals", "bucket-quota", f"{s3.DEFAULT_BUCKET_QUOTA:,} general purpose buckets"),
        ("s3_fundamentals", "prefix-rate", f"{s3.PREFIX_WRITE_REQUESTS_PER_SECOND:,} writes per second"),
        ("s3_fundamentals", "prefix-rate", f"{s3.PREFIX_READ_REQUESTS_PER_SECOND:,} GET/HEAD"),
        ("s3_protecting_data", "sse-c-new-bucket", "April 2026"),
        ("s3_protecting_data", "sse-c-key", "April 2026"),
    ],
)
def test_quiz_explanations_name_the_model_numbers(quiz, question_id, expected):
    assert expected in question_text(quiz, question_id)


def test_sse_c_date_agrees_with_the_model():
    year, month = s3_encryption.SSE_C_BLOCKED_BY_DEFAULT_SINCE.split("-")
    assert (year, month) == ("2026", "04")
    assert "April 2026" in notebook_text("03_protecting_data")
    assert not s3_encryption.sse_c_upload_allowed(s3_encryption.NEW_BUCKET_BLOCKED_ENCRYPTION_TYPES)


@pytest.mark.parametrize(
    ("notebook", "expected"),
    [
        ("01_s3_fundamentals", f"**{s3.DEFAULT_BUCKET_QUOTA:,} general purpose buckets**"),
        ("01_s3_fundamentals", f"at least {s3.PREFIX_WRITE_REQUESTS_PER_SECOND:,} PUT/COPY/POST/DELETE"),
        ("01_s3_fundamentals", f"{s3.PREFIX_READ_REQUESTS_PER_SECOND:,} GET/HEAD requests per second"),
        ("06_ebs", f"with a {ebs_snapshots.SNAPSHOT_ARCHIVE_MIN_DAYS}-day minimum"),
    ],
)
def test_notebook_text_names_the_model_numbers(notebook, expected):
    assert expected in notebook_text(notebook)


def test_reserved_suffixes_in_text_are_in_the_validator():
    assert "--table-s3" in s3.BUCKET_RESERVED_SUFFIXES
    assert "`--table-s3` is reserved" in notebook_text("01_s3_fundamentals")


def test_encryption_option_count_in_text_matches_the_table():
    words = {4: "four", 5: "five", 6: "six"}
    assert f"## Encryption: {words[len(s3_encryption.ENCRYPTION_OPTIONS)]} options" in notebook_text(
        "03_protecting_data"
    )


def test_archive_prices_stay_those_of_the_cited_page():
    # snapshot-archive-pricing.html (read 2026-12-03): USD 0.0125 per GB-month, USD 0.03 per GB restored.
    assert EBS_PRICES_US_EAST_1.snapshot_archive_usd_per_gb_month == 0.0125
    assert EBS_PRICES_US_EAST_1.snapshot_archive_restore_usd_per_gb == 0.03


def test_changes_file_is_well_formed_and_names_real_notebooks():
    import re

    import yaml as _yaml

    root = Path(__file__).resolve().parents[2]
    entries = _yaml.safe_load((root / "awslab" / "storage" / "changes.yaml").read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    for entry in entries:
        assert set(entry) == {"date", "change", "source", "url", "read", "notebook"}, entry
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", entry["date"]), entry["date"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["read"]), entry["read"]
        assert entry["url"].startswith("https://")
        assert (root / f"{entry['notebook']}.md").is_file(), entry["notebook"]
