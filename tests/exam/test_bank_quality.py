"""The exam question bank (awslab/exam/bank/*.yaml): tagged, linked, varied, and not guessable by length.

Every question carries exam task ids from the two guides (SAA-C03, SAP-C02), a difficulty of 1-3 and a ``see`` link to
the notebook section that teaches it. The task list is hard-coded here until the exam map lands.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from awslab.quiz import Quiz

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "awslab" / "exam" / "bank"
NOTEBOOKS = ROOT / "notebooks"
FILES = sorted(BANK.glob("*.yaml"))

SAA_TASKS = {
    "saa-1.1", "saa-1.2", "saa-1.3",
    "saa-2.1", "saa-2.2",
    "saa-3.1", "saa-3.2", "saa-3.3", "saa-3.4", "saa-3.5",
    "saa-4.1", "saa-4.2", "saa-4.3", "saa-4.4",
}  # fmt: skip
SAP_TASKS = {
    "sap-1.1", "sap-1.2", "sap-1.3", "sap-1.4", "sap-1.5",
    "sap-2.1", "sap-2.2", "sap-2.3", "sap-2.4", "sap-2.5", "sap-2.6",
    "sap-3.1", "sap-3.2", "sap-3.3", "sap-3.4", "sap-3.5",
    "sap-4.1", "sap-4.2", "sap-4.3", "sap-4.4",
}  # fmt: skip
TASKS = SAA_TASKS | SAP_TASKS
MIN_PER_TASK = 3
MAX_CORRECT_IS_LONGEST = 0.40  # share of single-answer questions whose right answer is the longest option
NEAR_DUPLICATE = 0.85  # difflib ratio of two question texts above which they count as the same question


def slug(heading: str) -> str:
    """MyST's heading slug: lowercase, punctuation dropped, each space a hyphen."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@functools.cache
def anchors(notebook: str) -> set[str]:
    source = (NOTEBOOKS / f"{notebook}.md").read_text(encoding="utf-8")
    in_code, found = False, set()
    for line in source.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and (m := re.match(r"^#{1,6}\s+(.*)$", line)):
            found.add(slug(m.group(1)))
    return found


def raw_questions() -> list[tuple[str, dict]]:
    out = []
    for path in FILES:
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            out.append((path.stem, q))
    return out


QUESTIONS = raw_questions()


def test_bank_exists_and_is_big_enough():
    assert FILES, "no bank files"
    assert len(QUESTIONS) >= 170, len(QUESTIONS)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_file_loads(path):
    quiz = Quiz.from_file(path)
    assert len(quiz.questions) >= 5


def test_ids_unique_across_the_bank():
    ids = Counter(q["id"] for _, q in QUESTIONS)
    assert not [i for i, n in ids.items() if n > 1]


@pytest.mark.parametrize(("stem", "q"), QUESTIONS, ids=[q["id"] for _, q in QUESTIONS])
def test_question_metadata(stem, q):
    tasks = q.get("tasks")
    assert isinstance(tasks, list) and tasks, f"{q['id']}: no tasks"
    assert set(tasks) <= TASKS, f"{q['id']}: unknown tasks {set(tasks) - TASKS}"
    assert q.get("difficulty") in (1, 2, 3), f"{q['id']}: difficulty {q.get('difficulty')!r}"
    assert 4 <= len(q["answers"]) <= 5, f"{q['id']}: {len(q['answers'])} options"
    see = q.get("see")
    assert isinstance(see, str) and see, f"{q['id']}: no see"
    notebook, _, anchor = see.partition("#")
    assert (NOTEBOOKS / f"{notebook}.md").is_file(), f"{q['id']}: no notebook {notebook}"
    if anchor:
        assert anchor in anchors(notebook), f"{q['id']}: no heading #{anchor} in {notebook}"
    for a in q["answers"]:
        assert len(str(a["why"])) >= 20, f"{q['id']}: a why too short to explain: {a['why']!r}"


def test_every_task_has_enough_questions():
    counts = Counter(t for _, q in QUESTIONS for t in q["tasks"])
    thin = {t: counts[t] for t in sorted(TASKS) if counts[t] < MIN_PER_TASK}
    assert not thin, thin


def test_correct_answer_is_not_usually_the_longest():
    singles = [q for _, q in QUESTIONS if not q.get("multiple")]
    longest = 0
    for q in singles:
        lengths = [len(str(a["text"])) for a in q["answers"]]
        right = next(i for i, a in enumerate(q["answers"]) if a["correct"])
        if lengths[right] == max(lengths) and lengths.count(max(lengths)) == 1:
            longest += 1
    share = longest / len(singles)
    assert share <= MAX_CORRECT_IS_LONGEST, f"right answer longest in {share:.0%} of {len(singles)} questions"


def test_some_questions_ask_for_two():
    multiple = [q for _, q in QUESTIONS if q.get("multiple")]
    assert 0.07 <= len(multiple) / len(QUESTIONS) <= 0.2, len(multiple)
    for q in multiple:
        assert sum(a["correct"] for a in q["answers"]) >= 2, q["id"]


def test_no_two_questions_are_near_identical():
    texts = [(q["id"], " ".join(str(q["question"]).lower().split())) for _, q in QUESTIONS]
    words = [set(t.split()) for _, t in texts]
    clashes = []
    for i, (id_a, a) in enumerate(texts):
        for j in range(i + 1, len(texts)):
            shared = len(words[i] & words[j]) / len(words[i] | words[j])
            if shared < 0.5:  # texts this far apart in vocabulary cannot be near-identical; skip the costly ratio
                continue
            ratio = difflib.SequenceMatcher(None, a, texts[j][1], autojunk=False).ratio()
            if ratio > NEAR_DUPLICATE:
                clashes.append((id_a, texts[j][0], round(ratio, 2)))
    assert not clashes, clashes


def test_near_identical_check_catches_a_reworded_copy():
    a = "a web app on ec2 reads one s3 bucket with an access key stored on disk. what should the architect do?"
    b = "a web app on ec2 reads one s3 bucket with an access key kept on disk. what should the architect do?"
    words_a, words_b = set(a.split()), set(b.split())
    assert len(words_a & words_b) / len(words_a | words_b) >= 0.5
    assert difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() > NEAR_DUPLICATE
