"""The overview exercises: each answer is what the chapter's models compute, and the classic wrong answer fails."""

import pytest

from awslab.overview import availability as av
from awslab.overview import exercises as ex
from awslab.overview import regions as rg

EXPECTED = [
    # (exercise, the model's answer, the mistake the hint warns about)
    (
        ex.series_downtime,
        av.downtime_minutes(av.serial_availability([av.parallel_availability([0.999, 0.999]), 0.999, 0.9995])),
        str(round(av.downtime_minutes(0.999 * 0.999 * 0.9995))),  # the second web server forgotten
    ),
    (
        ex.correlated_pair,
        av.downtime_minutes(av.redundant_availability(0.99, 2, correlation_beta=0.1)) / 60,
        "0.876 hours",  # failures treated as independent
    ),
    (
        ex.closest_for_colombia,
        rg.closest_region(rg.parse_user_groups("Bogota 4.7 -74.1 8; Lima -12.0 -77.0 2")),
        "sa-east-1",
    ),
]


@pytest.mark.parametrize("exercise, right, wrong", EXPECTED, ids=[e[0].id for e in EXPECTED])
def test_the_model_answer_passes_and_a_wrong_one_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_hand_worked_answers_agree_with_the_models():
    # (1 - 0.999999 x 0.999 x 0.9995) x 525,600 minutes; about 0.1 x 0.01 of 8,760 hours plus the independent part
    assert ex.series_downtime.check((1 - 0.999999 * 0.999 * 0.9995) * 525_600).right
    assert ex.correlated_pair.check(8760 * (1 - 0.998919)).right


def test_ids_are_prefixed_with_the_notebook_topic():
    ids = [e[0].id for e in EXPECTED]
    assert len(set(ids)) == len(ids) and all(i.startswith("global-infrastructure-") for i in ids)
