"""awslab.exercises: the checks, the faces, and what a bad definition or a bad answer gets."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab import exercises
from awslab.notebook import PRESENTATION_MIMES


def _number(**kw):
    base = dict(task="t", answer=100.0, hint="h", solution="s", unit="GiB")
    base.update(kw)
    return exercises.number("ex-1", "A number", **base)


def test_number_within_tolerance_and_outside():
    ex = _number()
    assert ex.check(100).right and ex.check(100.9).right and ex.check("99.1 GiB").right
    assert not ex.check(101.5).right
    assert str(ex.check(110)) == "Not yet: 110 GiB is 10.0% too high."
    assert str(ex.check(50)) == "Not yet: 50 GiB is 50.0% too low."


def test_numeric_strings_with_commas_and_units():
    ex = exercises.number("ex-2", "Big", task="t", answer=1234567, hint="h", solution="s")
    assert ex.check("1,234,567").right and ex.check("1234567 USD").right and ex.check("1.234567e6").right


@pytest.mark.parametrize("bad", ["abc", "", "1,23", "nan", "inf", None, True, [1], "9" * 500])
def test_bad_answers_are_not_checked_and_say_why(bad):
    verdict = _number().check(bad)
    assert not verdict.right and verdict.message.startswith("Not checked:")


def test_choice():
    ex = exercises.choice("ex-3", "Pick", task="t", choices=("a", "b", "c"), answer="b", hint="h", solution="s")
    assert ex.check("b").right and not ex.check("a").right
    assert ex.check("z").message.startswith("Not checked:") and not ex.check(3).right


def test_code_exercise_runs_its_checker_and_turns_errors_into_verdicts():
    def checker(value):
        if not isinstance(value, dict):
            raise TypeError("give a policy document (a dict)")
        return value.get("Effect") == "Deny", "an explicit deny"

    ex = exercises.code("ex-4", "Deny", task="t", checker=checker, hint="h", solution="s")
    assert ex.check({"Effect": "Deny"}).right and not ex.check({"Effect": "Allow"}).right
    assert ex.check("x").message == "Not yet: give a policy document (a dict)"


@pytest.mark.parametrize(
    "kw, message",
    [
        (dict(id="Bad Id"), "exercise id"),
        (dict(task=" "), "task must be non-empty"),
        (dict(answer=float("nan")), "not finite"),
        (dict(answer="12"), "answer must be a number"),
        (dict(tolerance=2), "tolerance"),
    ],
)
def test_bad_definitions_are_refused(kw, message):
    base = dict(id="ex-5", title="T", task="t", answer=1.0, hint="h", solution="s")
    base.update(kw)
    with pytest.raises((ValueError, TypeError), match=message):
        exercises.number(base.pop("id"), base.pop("title"), **base)


def test_html_face_has_task_box_hint_solution_and_escapes_markdown_html():
    ex = exercises.number("ex-6", "T", task="Cost of `gp3` <script>x</script>", answer=3, hint="h", solution="s")
    page = ex.to_html()
    assert "<code>gp3</code>" in page and "<script>x</script>" not in page
    assert "<details class='awslab-ex-hint'>" in page and "<details class='awslab-ex-solution'>" in page
    assert "awslab-ex-in" in page and "data-answer='3'" in page


def test_bundle_is_presentation_and_pins_only_its_text_line():
    bundle = _number()._repr_mimebundle_()
    assert exercises.EXERCISE_MIME in PRESENTATION_MIMES and exercises.EXERCISE_MIME in bundle
    assert bundle["text/plain"] == "Exercise ex-1: A number"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).filter(lambda x: abs(x) > 1e-6))
def test_the_answer_itself_is_always_right_and_a_far_answer_never(answer):
    ex = exercises.number("ex-7", "T", task="t", answer=answer, hint="h", solution="s")
    assert ex.check(answer).right
    assert not ex.check(answer * 1.5 + (1 if answer > 0 else -1)).right
