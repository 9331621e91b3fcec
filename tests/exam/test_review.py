"""The review queue: SM-2 properties, the kernel's file store, and the browser's copy of the same step."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.exam import explorers, review
from awslab.exam.review import MIN_EASE, ReviewStore, grade

answers = st.lists(st.booleans(), min_size=1, max_size=60)


def run(sequence, start=0):
    card, day, cards = None, start, []
    for right in sequence:
        card = grade(card, right=right, today=day)
        cards.append(card)
        day = card.due
    return cards


@given(answers)
def test_intervals_are_positive_and_ease_never_below_the_floor(sequence):
    for card in run(sequence):
        assert card.interval >= 1 and card.ease >= MIN_EASE and card.repetitions >= 0


@given(answers, st.integers(0, 40_000))
def test_a_right_answer_never_shortens_the_interval_and_a_wrong_one_returns_tomorrow(sequence, today):
    card = None
    for right in sequence:
        after = grade(card, right=right, today=today)
        if right:
            assert after.interval >= (card.interval if card else 0)
            assert after.repetitions == (card.repetitions if card else 0) + 1
            assert after.ease == (card.ease if card else review.START_EASE)  # quality 4 leaves the ease alone
        else:
            assert (after.interval, after.repetitions, after.due) == (1, 0, today + 1)
            assert after.ease <= (card.ease if card else review.START_EASE)
        assert after.due == today + after.interval
        card = after


def test_the_published_sm2_intervals():
    # SM-2: 1 day, 6 days, then the last interval times the ease (2.5 unchanged by quality-4 answers).
    assert [c.interval for c in run([True] * 5)] == [1, 6, 15, 38, 95]
    assert [c.ease for c in run([False] * 4)] == [1.96, 1.42, 1.3, 1.3]


def test_the_store_writes_atomically_and_schedules(tmp_path):
    path = tmp_path / "deep" / "review.json"
    store = ReviewStore(path)
    assert store.due(100) == [] and store.answer("a/b/c", right=True, today=100) is None  # right, not queued
    store.missed(["a/b/c", "a/b/d"], today=100)
    assert store.due(100) == [] and store.due(101) == ["a/b/c", "a/b/d"]
    assert store.answer("a/b/c", right=True, today=101).due == 102
    assert store.due(101) == ["a/b/d"]
    assert sorted(json.loads(path.read_text())) == ["a/b/c", "a/b/d"]
    assert [p.name for p in path.parent.iterdir()] == ["review.json"]  # no temp file left behind


def test_a_damaged_file_is_named_not_overwritten(tmp_path):
    path = tmp_path / "review.json"
    path.write_text("[1, 2]")
    with pytest.raises(ValueError, match="is not a review queue"):
        ReviewStore(path).missed(["x/y/z"])
    assert path.read_text() == "[1, 2]"


def test_the_default_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(review.ENV_FILE, str(tmp_path / "q.json"))
    assert review.default_path() == tmp_path / "q.json"
    monkeypatch.delenv(review.ENV_FILE)
    assert review.default_path().parts[-2:] == (".awslab", "review.json")


def test_a_quiz_missed_at_the_first_try_joins_the_kernel_queue(tmp_path, monkeypatch):
    from awslab import quiz

    monkeypatch.setenv(review.ENV_FILE, str(tmp_path / "review.json"))
    q = quiz.load("ebs", "awslab.storage")
    panel = q.widget()
    first = panel.children[1]  # title, then one box per question
    chooser, buttons = first.children[1], first.children[2]
    wrong = next(i for i in q.questions[0].shown if not q.questions[0].answers[i].correct)
    chooser.value = wrong
    buttons.children[0].click()
    assert ReviewStore().due(review.day_number() + 1) == [f"storage/ebs/{q.questions[0].id}"]
    chooser.value = next(i for i in q.questions[0].shown if q.questions[0].answers[i].correct)
    buttons.children[0].click()  # a later right pick leaves the card as it was
    assert list(ReviewStore().load()) == [f"storage/ebs/{q.questions[0].id}"]


def test_the_review_widget_serves_what_is_due(tmp_path):
    from awslab.exam import web
    from tests.exam.fakes import fake_bank

    items = web.bank_items(bank=fake_bank(3))
    store = ReviewStore(tmp_path / "r.json")
    uid = next(iter(items))
    store.missed([uid], today=10)
    day = {"n": 10}
    panel = explorers.review_widget(items=items, path=store.path, today=lambda: day["n"])
    summary, card, buttons, feedback = panel.children
    assert "0 due today" in summary.value
    day["n"] = 11
    panel.refresh()
    assert "1 due today" in summary.value
    radio = card.children[1]
    radio.value = next(j for j in items[uid]["o"] if items[uid]["a"][j][1])
    buttons.children[0].click()
    assert "Right: back in 1 day" in feedback.value and "Learn it" in feedback.value
    buttons.children[1].click()
    assert "0 due today" in summary.value and store.load()[uid].due == 12
