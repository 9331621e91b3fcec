"""The resilience exercises: the answer the model computes passes, a wrong one fails, for each."""

import pytest

from awslab.resilience import dr
from awslab.resilience.exercises import building_blocks, dr_strategies, well_architected

EXERCISES = [
    (dr_strategies.pilot_light_rto, "45"),
    (dr_strategies.cheapest_strategy, "warm standby"),
    (building_blocks.rtc_late, "200"),
    (building_blocks.vault_lock_date, "3"),
    (well_architected.high_risks, "1"),
    (well_architected.drill_question, "REL 13"),
]


@pytest.mark.parametrize(("exercise", "wrong"), EXERCISES, ids=[e.id for e, _ in EXERCISES])
def test_model_answer_passes_and_a_wrong_one_fails(exercise, wrong):
    assert exercise.check(exercise.answer if exercise.kind == "choice" else str(exercise.answer)).right
    assert not exercise.check(wrong).right


def test_answers_are_the_models():
    outcome = dr.simulate(dr.Workload(), dr.Design(strategy="PILOT_LIGHT", request_interval=10, dns_ttl_seconds=300))
    assert dr_strategies.pilot_light_rto.answer == pytest.approx(outcome.rto_minutes) == 30.5
    assert dr_strategies.cheapest_strategy.answer == "pilot light"
    assert building_blocks.rtc_late.answer == 2000
    assert building_blocks.vault_lock_date.answer == 7
    assert well_architected.high_risks.answer == 2


def test_exercise_ids_are_prefixed_by_topic():
    for exercise, _ in EXERCISES:
        assert exercise.id.split("-")[0] in {"dr", "building", "well"}
