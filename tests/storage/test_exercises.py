"""The storage exercises: each answer is what the chapter's models compute, and the classic wrong answer is not accepted."""

import math

import pytest

from awslab.storage import s3
from awslab.storage import s3_lifecycle as lifecycle
from awslab.storage import s3_reliability as reliability
from awslab.storage.exercises import s3_fundamentals, storage_classes_lifecycle

EXPECTED = [
    # (exercise, the model's answer, a plausible wrong answer)
    (s3_fundamentals.years_per_loss, reliability.years_per_lost_object(100_000_000), "10,000"),
    (s3_fundamentals.valid_name, "logs-2026.example", "photos-s3alias"),
    (s3_fundamentals.prefixes_for_reads, math.ceil(40_000 / s3.PREFIX_READ_REQUESTS_PER_SECOND), "12"),
    (
        storage_classes_lifecycle.early_delete_bill,
        s3.billable_storage(40 * 1024, 10, "STANDARD_IA").usd() * 5_000_000,
        str(40 * 1024 / s3.GIB * 0.0125 * 10 / 30 * 5_000_000),
    ),
    (storage_classes_lifecycle.small_object_class, "STANDARD", "GLACIER"),
    (
        storage_classes_lifecycle.ia_break_even,
        lifecycle.break_even_reads_per_month("STANDARD_IA", size_bytes=10 * 1024**2),
        "10",
    ),
]


@pytest.mark.parametrize("exercise, right, wrong", EXPECTED, ids=[e[0].id for e in EXPECTED])
def test_the_model_answer_passes_and_a_wrong_one_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_ids_are_prefixed_with_the_notebook_topic_and_unique():
    ids = [e[0].id for e in EXPECTED]
    assert len(set(ids)) == len(ids)
    for exercise, *_ in EXPECTED:
        topic = exercise.id.rsplit("-", 1)[0]
        assert topic.replace("-", "_") in {"s3_fundamentals", "storage_classes_lifecycle"}, exercise.id


def test_the_under_128_kb_rule_is_what_makes_the_small_log_stay():
    """The choice's answer flips when the object is big enough to be transitioned: it comes from the model."""
    big = lifecycle.object_timeline(storage_classes_lifecycle.POLICY, 1024**2, key="logs/app.log")
    assert [p.storage_class for p in big.phases] == ["STANDARD", "STANDARD_IA", "GLACIER"]
    small = lifecycle.object_timeline(storage_classes_lifecycle.POLICY, 64 * 1024, key="logs/app.log")
    assert [p.storage_class for p in small.phases] == ["STANDARD"]
