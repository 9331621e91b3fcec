"""The quiz loader's exam tags: optional, but when given they are checked, and a bad one names the quiz, the question,
the value and what is allowed. Existing quizzes without tags keep working, on both faces."""

import copy
import re

import pytest

from awslab import quiz
from awslab.exam import bank

QUESTION = {
    "id": "one",
    "question": "Q?",
    "tasks": ["saa-2.1", "sap-2.2"],
    "difficulty": 2,
    "see": "01_storage/06_ebs#gp2-burst-credits",
    "answers": [{"text": "a", "correct": True, "why": "w"}, {"text": "b", "correct": False, "why": "w"}],
}


def load(**change):
    q = copy.deepcopy(QUESTION)
    for key, value in change.items():
        if value is None:
            q.pop(key)
        else:
            q[key] = value
    return quiz.Quiz.from_dict({"questions": [q]}, "sample").questions[0]


def test_tags_are_carried():
    q = load()
    assert q.tasks == ("saa-2.1", "sap-2.2") and q.difficulty == 2 and q.domains == ("saa-2", "sap-2")
    assert q.see == "01_storage/06_ebs#gp2-burst-credits"


def test_untagged_questions_still_load_and_render_on_both_faces():
    q = load(tasks=None, difficulty=None, see=None)
    assert (q.tasks, q.difficulty, q.see, q.domains) == ((), None, None, ())
    shown = quiz.Quiz.from_dict({"questions": [copy.deepcopy(QUESTION)]}, "sample")
    assert "awslabQuizCheck" in shown.to_html()
    assert "application/vnd.jupyter.widget-view+json" in shown._repr_mimebundle_()


def test_a_heading_slug_resolves_to_the_site_id():
    q = load(see="02_compute/03_auto_scaling#simple-and-step-scaling-and-awss-rounding")
    assert q.see == "02_compute/03_auto_scaling#simple-and-step-scaling-and-aws-s-rounding"
    assert load(see="01_storage/06_ebs").see == "01_storage/06_ebs"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"tasks": ["saa-9.1"]},
            r"quiz 'sample' question 1 \(one\): tasks: 'saa-9.1' is not an exam task id; allowed: saa-1.1, ",
        ),
        ({"tasks": "saa-2.1"}, r"\(one\): tasks 'saa-2.1' must be a non-empty list of task ids"),
        ({"tasks": []}, r"\(one\): tasks \[\] must be a non-empty list"),
        ({"tasks": ["saa-2.1", "saa-2.1"]}, r"names a task twice"),
        ({"difficulty": 4}, r"\(one\): difficulty 4 must be 1 \(recall\), 2 \(apply\) or 3 \(analyse a trade-off\)"),
        ({"difficulty": 0}, r"difficulty 0 must be 1"),
        ({"difficulty": "2"}, r"difficulty '2' must be 1"),
        ({"difficulty": True}, r"difficulty True must be 1"),
        (
            {"see": "01_storage/99_nothing"},
            r"\(one\): see '01_storage/99_nothing': no notebook notebooks/01_storage/99_nothing.md; allowed: notebooks in 01_storage: 01_s3_fundamentals",
        ),
        ({"see": "01_storage/06_ebs.md"}, r"name the notebook without extension"),
        ({"see": "01_storage/06_ebs.ipynb#encryption"}, r"name the notebook without extension"),
        ({"see": "ebs"}, r"see 'ebs': must be <chapter folder>/<notebook>"),
        (
            {"see": "01_storage/06_ebs#no-such-heading"},
            r"no heading with anchor 'no-such-heading' in 01_storage/06_ebs; allowed: .*gp2-burst-credits",
        ),
        ({"see": 7}, r"see 7: must be text"),
    ],
)
def test_bad_tags_are_named(change, message):
    with pytest.raises(ValueError, match=message):
        load(**change)


def test_the_bank_loader_names_the_file(tmp_path):
    root = tmp_path / "awslab"
    (root / "storage" / "quizzes").mkdir(parents=True)
    (root / "exam" / "bank").mkdir(parents=True)
    good = {"title": "T", "questions": [copy.deepcopy(QUESTION)]}
    import yaml

    (root / "storage" / "quizzes" / "ebs.yaml").write_text(yaml.safe_dump(good))
    (root / "exam" / "bank" / "scenarios.yaml").write_text(yaml.safe_dump(good))
    questions = bank.load_bank(root)
    assert [q.uid for q in questions] == ["storage/ebs/one", "exam/scenarios/one"]
    assert [q.see for q in questions] == ["01_storage/06_ebs#gp2-burst-credits"] * 2
    bad = copy.deepcopy(good)
    bad["questions"][0]["tasks"] = ["saa-7.7"]
    (root / "exam" / "bank" / "scenarios.yaml").write_text(yaml.safe_dump(bad))
    with pytest.raises(
        ValueError, match=r"^awslab/exam/bank/scenarios.yaml: quiz 'scenarios' question 1 \(one\): tasks: 'saa-7.7'"
    ):
        bank.load_bank(root)
    (root / "exam" / "bank" / "scenarios.yaml").write_text("questions: [unclosed")
    with pytest.raises(ValueError, match=r"awslab/exam/bank/scenarios.yaml: not readable YAML"):
        bank.load_bank(root)


def test_the_default_link_is_the_notebook_that_shows_the_quiz(tmp_path):
    root = tmp_path / "awslab"
    (root / "storage" / "quizzes").mkdir(parents=True)
    (tmp_path / "notebooks" / "01_storage").mkdir(parents=True)
    (tmp_path / "notebooks" / "01_storage" / "06_ebs.md").write_text(
        '# EBS\n\n```{code-cell}\nquiz.load("ebs", "awslab.storage")\n```\n'
    )
    untagged = copy.deepcopy(QUESTION)
    untagged.pop("see")
    (root / "storage" / "quizzes" / "ebs.yaml").write_text(__import__("yaml").safe_dump({"questions": [untagged]}))
    (q,) = bank.load_bank(root)
    assert q.see == "01_storage/06_ebs" and q.href == "notebooks/01_storage/06_ebs.html"


def test_our_heading_ids_are_the_ones_the_book_gives():
    from docutils.nodes import make_id

    from awslab.exam import links

    headings = []
    for path in sorted(links.NOTEBOOKS.glob("*/*.md")):
        headings += [line.lstrip("#").strip() for line in path.read_text().splitlines() if re.match(r"^#{1,6} ", line)]
    assert len(headings) > 300
    for text in [*headings, "Amazon S3 Glacier: 3–5 hours", "Café & naïve IDs", "2. The lab"]:
        assert links.site_id(text) == make_id(links._plain(text)), text
