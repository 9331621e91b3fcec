"""The bank: every question tagged with valid exam tasks and a difficulty, linked to a notebook section that exists,
under a course-unique uid; the guides as data agree with the exam guides' structure."""

from collections import Counter

import pytest

from awslab.exam import bank, coverage, guide, guides, links, load_bank, task_ids

BANK = load_bank()


def test_the_bank_holds_every_course_question_once():
    files = bank.quiz_files()
    assert len(BANK) >= 322 and len(files) >= 51
    uids = [q.uid for q in BANK]
    assert len(set(uids)) == len(uids), [u for u, n in Counter(uids).items() if n > 1]
    assert all(q.uid == f"{q.chapter}/{q.quiz}/{q.question.id}" for q in BANK)


@pytest.mark.parametrize("question", BANK, ids=lambda q: q.uid)
def test_every_question_has_a_valid_task_a_difficulty_and_a_live_link(question):
    assert question.tasks, f"{question.uid}: no exam task"
    assert set(question.tasks) <= task_ids()
    assert question.difficulty in (1, 2, 3), f"{question.uid}: no difficulty"
    assert question.domains == tuple(dict.fromkeys(t.split(".")[0] for t in question.tasks))
    if question.chapter != "exam":  # a chapter quiz is shown by a notebook, so it always links somewhere
        assert question.see is not None, f"{question.uid}: no notebook shows its quiz"
    if question.see is not None:
        assert links.exists(question.notebook), question.see
        if question.anchor is not None:
            assert question.anchor in links.anchors(question.notebook).values(), question.see
        assert question.href.startswith(f"notebooks/{question.notebook}.html")


def test_every_chapter_quiz_is_shown_by_a_notebook():
    shown = bank.quiz_notebooks()
    for chapter, path in bank.quiz_files():
        if chapter != "exam":
            assert (chapter, path.stem) in shown, path


def test_most_course_questions_carry_an_associate_task():
    course = [q for q in BANK if q.chapter != "exam"]
    with_saa = [q for q in course if q.exam_domain("saa")]
    assert len(with_saa) >= 0.9 * len(course)


def test_guides_match_the_published_structure():
    saa, sap = guide("saa"), guide("sap")
    assert [(d.id, d.weight, len(d.tasks)) for d in saa.domains] == [
        ("saa-1", 30, 3),
        ("saa-2", 26, 2),
        ("saa-3", 24, 5),
        ("saa-4", 20, 4),
    ]
    assert [(d.id, d.weight, len(d.tasks)) for d in sap.domains] == [
        ("sap-1", 26, 5),
        ("sap-2", 29, 6),
        ("sap-3", 25, 5),
        ("sap-4", 20, 4),
    ]
    assert (saa.scoring.questions, saa.scoring.unscored, saa.scoring.minutes, saa.scoring.passing) == (65, 15, 130, 720)
    assert (sap.scoring.questions, sap.scoring.unscored, sap.scoring.minutes, sap.scoring.passing) == (75, 10, 180, 750)
    assert all((e.scoring.low, e.scoring.high) == (100, 1000) for e in guides().values())
    assert all(e.source.startswith("https://docs.aws.amazon.com/aws-certification/") for e in guides().values())
    for e in guides().values():
        for d in e.domains:
            assert d.services and all(isinstance(s, str) and s for s in d.services)
            assert [t.id for t in d.tasks] == [f"{d.id}.{n}" for n in range(1, len(d.tasks) + 1)]


def test_coverage_counts_agree_with_the_bank():
    for exam in coverage():
        tagged = [q for q in BANK if q.exam_domain(exam.key)]
        assert exam.questions == len(tagged) == sum(d.questions for d in exam.domains)
        for d in exam.domains:
            assert d.questions == sum(1 for q in tagged if q.exam_domain(exam.key) == d.id)
            for t in d.tasks:
                carrying = [q for q in BANK if t.id in q.tasks]
                assert t.questions == len(carrying)
                assert set(t.notebooks) == {q.notebook for q in carrying if q.notebook}
    saa = coverage()[0]
    assert saa.code == "SAA-C03" and saa.gaps == ()


def test_guide_lookups_name_what_is_allowed():
    with pytest.raises(ValueError, match=r"exam 'dva' is not known; allowed: saa, sap"):
        guide("dva")
    with pytest.raises(ValueError, match=r"task 'saa-5.1' is not a SAA-C03 task; allowed: saa-1.1"):
        guide("saa").task("saa-5.1")
    assert guide("SAP-C02").key == "sap" and guide("sap-c02").key == "sap"
