"""Quizzes: data validated on load, HTML face deterministic, live face grades like the HTML one."""

from importlib import resources

import pytest
import yaml

from awslab import quiz

SAMPLE = {
    "title": "T",
    "questions": [
        {
            "id": "one",
            "question": "Q1?",
            "answers": [
                {"text": "right", "correct": True, "why": "because"},
                {"text": "wrong", "correct": False, "why": "no"},
            ],
        },
        {
            "id": "many",
            "question": "Q2?",
            "multiple": True,
            "answers": [
                {"text": "a", "correct": True, "why": "w"},
                {"text": "b", "correct": True, "why": "w"},
                {"text": "c", "correct": False, "why": "w"},
            ],
        },
    ],
}


def test_grade_single_and_multiple():
    q = quiz.Quiz.from_dict(SAMPLE, "sample")
    assert q.questions[0].grade({0}) and not q.questions[0].grade({1})
    assert q.questions[1].grade({0, 1}) and not q.questions[1].grade({0}) and not q.questions[1].grade({0, 1, 2})


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["questions"][0]["answers"][1].update(correct=True), "single-answer"),
        (lambda d: d["questions"][0].update(id="Bad Id"), "id 'Bad Id'"),
        (lambda d: d["questions"][1].update(id="one"), "must be unique"),
        (lambda d: d["questions"][0]["answers"][0].pop("why"), "answer 1"),
        (lambda d: d["questions"][0].update(answers=[d["questions"][0]["answers"][0]]), "at least two"),
    ],
)
def test_bad_quiz_data_is_named(mutate, message):
    import copy

    data = copy.deepcopy(SAMPLE)
    mutate(data)
    with pytest.raises(ValueError, match=message):
        quiz.Quiz.from_dict(data, "sample")


def test_html_face_is_deterministic_and_self_contained():
    q = quiz.Quiz.from_dict(SAMPLE, "sample")
    html = q.to_html()
    assert html == quiz.Quiz.from_dict(SAMPLE, "sample").to_html()
    assert "awslabQuizCheck" in html and "http" not in html
    assert html.count("data-correct='1'") == 3 and "type='checkbox'" in html and "type='radio'" in html


def test_bundle_has_widget_and_html():
    bundle = quiz.Quiz.from_dict(SAMPLE, "sample")._repr_mimebundle_()
    assert {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"} <= set(bundle)


def test_every_shipped_quiz_loads_with_five_or_more_questions():
    found = 0
    chapters = [p.name for p in resources.files("awslab").iterdir() if p.joinpath("quizzes").is_dir()]
    assert "storage" in chapters
    for package in (f"awslab.{c}" for c in chapters):
        folder = resources.files(package).joinpath("quizzes")
        for entry in folder.iterdir():
            if entry.name.endswith(".yaml"):
                q = quiz.load(entry.name[:-5], package)
                assert len(q.questions) >= 5, entry.name
                yaml.safe_load(entry.read_text())
                found += 1
    assert found >= 4
    with pytest.raises(ValueError, match="no quiz named"):
        quiz.load("nope", "awslab.storage")


def _bank():
    chapters = [p.name for p in resources.files("awslab").iterdir() if p.joinpath("quizzes").is_dir()]
    for package in (f"awslab.{c}" for c in chapters):
        for entry in resources.files(package).joinpath("quizzes").iterdir():
            if entry.name.endswith(".yaml"):
                yield quiz.load(entry.name[:-5], package)


def right_answer_positions(questions) -> list[int]:
    """Display position of the right answer of every single-choice question."""
    return [next(p for p, i in enumerate(q.shown) if q.answers[i].correct) for q in questions if not q.multiple]


def test_right_answers_are_spread_over_positions():
    questions = [q for bank in _bank() for q in bank.questions]
    positions = right_answer_positions(questions)
    assert len(positions) > 100
    for position in set(positions):
        share = positions.count(position) / len(positions)
        assert share <= 0.40, f"position {position + 1} holds {share:.0%} of the right answers"
    # Multiple-answer questions: the right answers do not simply come first either.
    multiple = [q for q in questions if q.multiple]
    leading = sum(all(q.answers[i].correct for i in q.shown[: sum(a.correct for a in q.answers)]) for q in multiple)
    assert leading <= 0.5 * len(multiple)


def test_display_order_is_stable_and_shared_by_both_faces():
    q = quiz.Quiz.from_dict(SAMPLE, "sample")
    assert q.questions[1].order == quiz.display_order("sample", "many", 3)
    assert q.questions[0].order == quiz.display_order("sample", "one", 2, right=0)
    html = q.to_html()
    shown = [int(v) for v in __import__("re").findall(r"name='quiz-sample-many' value='(\d)'", html)]
    assert shown == list(q.questions[1].shown)
    assert quiz.display_order("sample", "many", 3) == quiz.display_order("sample", "many", 3)
    # the right answer is still graded by its index in the YAML, whatever the order shown
    assert q.questions[0].grade({0})


def test_html_face_has_retry_reveal_and_score():
    html = quiz.Quiz.from_dict(SAMPLE, "sample").to_html()
    assert "awslab-reveal" in html and "awslab-score" in html and "localStorage" in html
