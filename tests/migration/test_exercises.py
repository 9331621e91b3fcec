"""The migration exercises: ids unique and prefixed by topic, the model's answer passes, a wrong one fails."""

import pytest

from awslab.exercises import Exercise
from awslab.migration import exercises

ALL = {name: value for name, value in vars(exercises).items() if isinstance(value, Exercise)}


def test_ids_are_unique_and_prefixed():
    ids = [e.id for e in ALL.values()]
    assert len(ids) == len(set(ids)) == 3
    assert all(i.startswith("migration-strategies-") for i in ids)


@pytest.mark.parametrize(
    "exercise, right, wrong",
    [
        (exercises.migration_strategies_hr, "repurchase", "rehost"),
        (exercises.migration_strategies_catch_up, 32, 8),
        (exercises.migration_strategies_wave, 3, 2),
    ],
    ids=lambda v: v.id if isinstance(v, Exercise) else None,
)
def test_right_passes_wrong_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right
