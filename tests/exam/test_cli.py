"""`python -m awslab exam`: a seeded exam as JSON or Markdown, to stdout or a file; bad arguments: one line, exit 2."""

import json

import pytest

from awslab.__main__ import main
from awslab.exam import draw, fingerprint
from tests.support import run_awslab


def test_json_export_is_complete_and_matches_the_draw(tmp_path):
    out = tmp_path / "exam.json"
    assert main(["exam", "--exam", "saa", "--seed", "11", "--output", str(out)]) == 0  # format from the suffix
    data = json.loads(out.read_text())
    assert (data["exam"], data["seed"], data["count"], data["minutes"], data["passing"]) == (
        "SAA-C03",
        11,
        65,
        130,
        720,
    )
    assert data["bank"] == fingerprint()
    assert [q["uid"] for q in data["questions"]] == [q.uid for q in draw("saa", seed=11)]
    assert [b["questions"] for b in data["blueprint"]] == [19, 17, 16, 13]
    for number, q in enumerate(data["questions"], 1):
        assert q["number"] == number and q["tasks"] and q["difficulty"] in (1, 2, 3) and q["domain"].startswith("saa-")
        assert [o["letter"] for o in q["options"]] == list("ABCDEFGHIJ"[: len(q["options"])])
        assert all(o["text"] and o["why"] for o in q["options"])
        assert q["answer"] == [o["letter"] for o in q["options"] if o["correct"]] and q["answer"]
        assert (len(q["answer"]) > 1) <= q["multiple"]


def test_markdown_export_has_blueprint_questions_and_key(capsys):
    assert main(["exam", "--seed", "3", "--count", "12"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Practice exam: SAA-C03, seed 3")
    assert "## Blueprint" in text and "## Questions" in text and "## Answer key" in text
    questions, key = text.split("## Answer key")
    assert all(f"**{n}.**" in questions and f"**{n}. " in key for n in range(1, 13))
    assert key.count("(right)") >= 12


def test_the_same_seed_exports_the_same_bytes(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    assert main(["exam", "--seed", "8", "--output", str(a)]) == 0
    assert main(["exam", "--seed", "8", "--format", "md", "--output", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_a_professional_exam_of_a_size_the_bank_can_fill(tmp_path):
    out = tmp_path / "sap.json"
    assert (
        main(["exam", "--exam", "sap", "--seed", "1", "--count", "40", "--format", "json", "--output", str(out)]) == 0
    )
    data = json.loads(out.read_text())
    assert data["exam"] == "SAP-C02" and data["count"] == 40 and data["minutes"] == 180


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "x"], "error: --seed 'x' must be a whole number"),
        (["--seed", "-3"], "error: seed must be a whole number, 0 or more; got -3"),
        (["--seed", "1", "--count", "0"], "error: count must be a whole number of questions, 1 or more; got 0"),
        (["--seed", "1", "--count", "many"], "error: --count 'many' must be a whole number"),
        (["--exam", "clf", "--seed", "1"], "error: exam 'clf' is not known; allowed: saa, sap"),
        (["--seed", "1", "--format", "pdf"], "error: python -m awslab exam: argument --format: invalid choice"),
        ([], "error: python -m awslab exam: the following arguments are required: --seed"),
    ],
)
def test_bad_arguments_get_one_line(args, message):
    done = run_awslab("exam", *args, timeout=120)
    assert done.returncode == 2, done.stdout[-500:]
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1, done.stderr
    assert done.stdout == ""


def test_an_unwritable_output_is_one_line(tmp_path, capsys):
    assert main(["exam", "--seed", "1", "--output", str(tmp_path / "no" / "such" / "x.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
