"""The practice exam: the seeded draw, the score estimate, the static page and the JupyterLab widget (driven at the
kernel level: every button and choice the learner uses, a fake clock for the timer)."""

import json
from collections import Counter

import pytest

from awslab.exam import bank, explorers, practice, web
from awslab.exam.review import ReviewStore
from tests.exam.fakes import fake_bank


@pytest.fixture(scope="module")
def items():
    return web.bank_items("saa", bank=fake_bank())


def test_the_draw_follows_the_blueprint_and_the_seed(items):
    d = practice.exam_data("saa", items=items)
    exam = practice.draw(d, 42)
    assert len(exam) == 65 == len(set(exam))
    assert Counter(items[u]["d"] for u in exam) == {"saa-1": 19, "saa-2": 17, "saa-3": 16, "saa-4": 13}
    assert exam == practice.draw(d, 42) == [q.uid for q in bank.draw("saa", seed=42, bank=fake_bank())]
    assert exam != practice.draw(d, 43)
    assert sorted(exam) != exam  # shuffled across domains


def test_the_score_estimate_is_the_stated_linear_map():
    assert practice.scaled_score(0, 65) == 100 and practice.scaled_score(65, 65) == 1000
    # 720 needs 620/900 of the questions right: 44.8 of 65, so 45 passes and 44 does not.
    assert practice.scaled_score(44, 65) < 720 <= practice.scaled_score(45, 65)
    with pytest.raises(ValueError, match="right=66"):
        practice.scaled_score(66, 65)


def test_the_page_says_how_it_scores_and_carries_the_pool(items):
    page = practice.practice_html("saa", items=items)
    assert "100 + 900 &times; right / 65" in page and "pass: 720" in page and "does not publish" in page
    assert "130 minutes" in page and "wall clock" in page
    payload = json.loads(page.split("class='ax-data'>", 1)[1].split("</script>", 1)[0])
    assert len(payload["pool"]) == len(items) and payload["seed"] == practice.DEFAULT_SEED
    assert "<script>" in page and "http" not in page.split("class='ax-data'>", 1)[0].replace("https://", "")


def test_missed_questions_link_to_their_notebook_section(items):
    linked = [i for i in items.values() if i["s"]]
    assert linked[0]["s"] == "../notebooks/10_resilience/01_dr_strategies.html#summary"
    live = web.bank_items("saa", bank=fake_bank(), base="../../", suffix=".ipynb")
    assert next(iter(live.values()))["s"] == "../../notebooks/10_resilience/01_dr_strategies.ipynb#summary"


class Clock:
    def __init__(self, t=1_800_000_000.0):
        self.t = t

    def __call__(self):
        return self.t


def _widgets(panel):
    question_area, review_area, result = panel.children
    header, text, chooser, buttons, navigator = question_area.children
    prev, nxt, flag, to_review = buttons.children
    review_html, (back, submit) = review_area.children[0], review_area.children[1].children
    return locals()


def test_the_lab_face_takes_a_whole_exam(items, tmp_path):
    clock = Clock()
    store, queue = tmp_path / "attempts.json", tmp_path / "review.json"
    panel = explorers.exam_widget("saa", seed=42, items=items, clock=clock, store=store, review_path=queue)
    w = _widgets(panel)
    run = panel.run
    assert run.uids == practice.draw(panel.data, 42)
    assert "Time left 2:10:00" in w["header"].value and "deadline" in w["header"].value
    expected_right = 0
    for i, uid in enumerate(run.uids):
        item = items[uid]
        if i % 5 == 4:  # left unanswered
            pass
        else:
            good = [j for j in item["o"] if item["a"][j][1]]
            bad = [j for j in item["o"] if not item["a"][j][1]]
            picks = good if i % 3 else bad[:1]
            chooser = w["chooser"].children
            if item["m"]:
                for j, box in zip(item["o"], chooser, strict=True):
                    box.value = j in picks
            else:
                chooser[0].value = picks[0]
            expected_right += picks == good and True
        if i % 9 == 0:
            w["flag"].value = True
        clock.t += 60
        if i < len(run.uids) - 1:
            w["nxt"].click()
    assert "Time left 1:06:00" in w["header"].value  # 64 clicks, a minute apart; the clock shows at a click
    w["to_review"].click()
    unanswered = [i + 1 for i in range(65) if i % 5 == 4]
    flagged = [i + 1 for i in range(65) if i % 9 == 0]
    review = w["review_html"].value
    assert f"Unanswered ({len(unanswered)})" in review and ", ".join(map(str, unanswered)) in review
    assert f"Flagged for review ({len(flagged)})" in review and ", ".join(map(str, flagged)) in review
    w["back"].click()
    w["navigator"].value = 3
    assert w["text"].value.startswith("<p><b>4.</b>")
    w["to_review"].click()
    w["submit"].click()
    result = panel.run.result
    assert result["right"] == expected_right and result["total"] == 65
    assert sum(r for r, _ in result["domains"].values()) == expected_right
    assert result["scaled"] == practice.scaled_score(expected_right, 65)
    shown = panel.children[2].value
    assert f"Estimated scaled score {result['scaled']} of 1000" in shown and "Learn it" in shown
    assert "Resilient architectures" in shown
    saved = json.loads(store.read_text())
    assert len(saved) == 1 and saved[0]["seed"] == 42
    missed = [u for u in run.uids if not result["results"][u]]
    assert sorted(ReviewStore(queue).load()) == sorted(missed)


def test_the_lab_face_submits_when_time_is_up(items, tmp_path):
    clock = Clock()
    panel = explorers.exam_widget(
        "saa", seed=1, items=items, clock=clock, store=tmp_path / "a.json", review_path=tmp_path / "r.json"
    )
    w = _widgets(panel)
    clock.t += 130 * 60 + 1
    w["nxt"].click()
    assert panel.run.result["timeUp"] and panel.run.result["seconds"] == 130 * 60
    assert "Time is up" in panel.children[2].value
    assert panel.children[0].layout.display == "none"
