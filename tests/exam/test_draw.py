"""Practice exams: seeded and deterministic, in proportion to the domain weights (largest remainder), no repeats."""

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.exam import blueprint, draw, guide, load_bank


def domains(exam, key):
    return Counter(q.exam_domain(key) for q in exam)


def test_a_full_associate_exam_has_the_exact_counts_per_domain():
    exam = draw("saa", seed=2026)
    assert len(exam) == 65 and len({q.uid for q in exam}) == 65
    assert domains(exam, "saa") == {"saa-1": 19, "saa-2": 17, "saa-3": 16, "saa-4": 13}


@pytest.mark.parametrize("seed", [0, 1, 42, 10**12])
def test_the_same_seed_gives_the_same_exam_and_another_seed_another(seed):
    first = draw("saa", seed=seed)
    assert [q.uid for q in first] == [q.uid for q in draw("saa", seed=seed)]
    assert [q.uid for q in first] != [q.uid for q in draw("saa", seed=seed + 1)]
    assert {q.uid for q in first} != {q.uid for q in draw("saa", seed=seed + 1)}


def test_the_draw_depends_only_on_the_seed_and_the_bank():
    shuffled = tuple(reversed(load_bank()))  # the bank's file order does not matter
    assert draw("saa", seed=5, bank=shuffled) == draw("saa", seed=5)


def test_the_order_mixes_the_domains():
    exam = draw("saa", seed=9)
    firsts = [q.exam_domain("saa") for q in exam[:20]]
    assert len(set(firsts)) >= 3


def test_a_shorter_professional_exam_follows_its_blueprint():
    exam = draw("sap", seed=3, count=40)
    plan = {b.domain: b.questions for b in blueprint("sap", 40)}
    assert domains(exam, "sap") == plan and sum(plan.values()) == 40
    assert all(q.exam_domain("sap") for q in exam)


def test_blueprints_of_both_full_exams():
    assert [b.questions for b in blueprint("saa")] == [19, 17, 16, 13]
    assert [b.questions for b in blueprint("sap")] == [19, 22, 19, 15]
    assert [b.questions for b in blueprint("saa", 10)] == [3, 3, 2, 2]  # 3.0, 2.6, 2.4, 2.0


@given(st.sampled_from(["saa", "sap"]), st.integers(min_value=1, max_value=500))
def test_largest_remainder_rounding_is_exact_and_never_off_by_a_whole_question(exam, count):
    plan = blueprint(exam, count)
    assert sum(b.questions for b in plan) == count
    for b in plan:
        assert abs(b.questions - b.weight * count / 100) < 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"seed": -1}, r"seed must be a whole number, 0 or more; got -1"),
        ({"seed": 1.5}, r"seed must be a whole number, 0 or more; got 1.5"),
        ({"seed": True}, r"seed must be a whole number"),
        ({"seed": 1, "count": 0}, r"count must be a whole number of questions, 1 or more; got 0"),
        ({"seed": 1, "count": 5000}, r"domain saa-1 \(Secure architectures\) needs 1500 questions .* the bank has"),
        ({"exam": "clf", "seed": 1}, r"exam 'clf' is not known"),
    ],
)
def test_bad_draws_say_what_is_allowed(kwargs, message):
    with pytest.raises(ValueError, match=message):
        draw(**{"exam": "saa", **kwargs})


def test_exam_keys_and_codes_draw_the_same():
    assert draw("SAA-C03", seed=4) == draw("saa", seed=4)
    assert guide("saa").scoring.scored == 50
