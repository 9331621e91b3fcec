"""The event-driven notebooks' exercises: the model's answer passes, a wrong one does not."""

from __future__ import annotations

import pytest

from awslab.app_services.exercises import eventbridge, lambda_at_scale, step_functions

NUMBERS = [
    eventbridge.matched_count,
    step_functions.retry_total,
    lambda_at_scale.throttled,
    lambda_at_scale.stream_concurrency,
]


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.id)
def test_number_exercises(exercise):
    assert exercise.check(exercise.answer).right
    assert not exercise.check(exercise.answer * 1.5 + 1).right


def test_known_answers():
    assert step_functions.retry_total.answer == 56
    assert eventbridge.matched_count.answer == 2
    assert lambda_at_scale.throttled.answer == 20_000
    assert lambda_at_scale.stream_concurrency.answer == 40


def test_choice_exercise():
    assert step_functions.cheaper.check("Express").right
    assert not step_functions.cheaper.check("Standard").right


def test_code_exercise():
    right = {"source": ["aws.s3"], "detail": {"object": {"key": [{"suffix": {"equals-ignore-case": ".png"}}]}}}
    assert eventbridge.only_images.check(right).right
    assert not eventbridge.only_images.check({"source": [{"prefix": "aws."}]}).right
    assert not eventbridge.only_images.check({"source": []}).right  # refused pattern


def test_ids_are_unique_and_prefixed():
    ids = [e.id for e in [*NUMBERS, step_functions.cheaper, eventbridge.only_images]]
    assert len(set(ids)) == len(ids)
    assert all(i.split("-")[0] in {"eventbridge", "step", "lambda"} for i in ids)
