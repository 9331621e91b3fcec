"""Quiz explanations and notebook text name the same numbers as the compute models' constants."""

from pathlib import Path

import pytest
import yaml

from awslab.compute import ec2, lambda_cost, pricing

ROOT = Path(__file__).resolve().parents[2]
QUIZZES = ROOT / "awslab" / "compute" / "quizzes"
NOTEBOOKS = ROOT / "notebooks" / "02_compute"


def question_text(quiz: str, question_id: str) -> str:
    """The question, every answer and every explanation of one quiz question, as one string."""
    data = yaml.safe_load((QUIZZES / f"{quiz}.yaml").read_text(encoding="utf-8"))
    (question,) = [q for q in data["questions"] if q["id"] == question_id]
    return " ".join([question["question"]] + [f"{a['text']} {a['why']}" for a in question["answers"]])


def notebook_text(name: str) -> str:
    return (NOTEBOOKS / f"{name}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("quiz", "question_id", "expected"),
    [
        ("lambda_beanstalk", "lambda-payload", f"up to {lambda_cost.SYNC_PAYLOAD_MB} MB"),
        ("lambda_beanstalk", "lambda-payload", f"up to {lambda_cost.ASYNC_PAYLOAD_MB} MB"),
        ("lambda_beanstalk", "lambda-payload", f"{lambda_cost.STREAMED_RESPONSE_MB} MB"),
        ("lambda_beanstalk", "lambda-concurrency", f"{lambda_cost.DEFAULT_CONCURRENCY_PER_REGION:,} concurrent"),
        ("paying_for_ec2", "spot-notice", "best effort"),
        ("paying_for_ec2", "spot-notice", f"{ {2: 'two'}[pricing.SPOT_NOTICE_SECONDS // 60] }-minute"),
    ],
)
def test_quiz_explanations_name_the_model_numbers(quiz, question_id, expected):
    assert expected in question_text(quiz, question_id)


@pytest.mark.parametrize(
    ("notebook", "expected"),
    [
        ("05_lambda_beanstalk", f"**{lambda_cost.SYNC_PAYLOAD_MB} MB** for the request"),
        ("05_lambda_beanstalk", f"**{lambda_cost.ASYNC_PAYLOAD_MB} MB** for the"),
        ("05_lambda_beanstalk", f"up to **{lambda_cost.STREAMED_RESPONSE_MB} MB**"),
        ("05_lambda_beanstalk", f"({lambda_cost.DEFAULT_CONCURRENCY_PER_REGION:,} by default"),
        ("05_lambda_beanstalk", f"**{lambda_cost.MEMORY_MB_RANGE[1]:,} MB**"),
        ("02_paying_for_ec2", "**best-effort**"),
        ("01_ec2_basics", f"{ec2.T3_BASELINE_PER_VCPU['t3.xlarge'] * 100:.0f} % of each\nvCPU for a t3.xlarge"),
    ],
)
def test_notebook_text_names_the_model_numbers(notebook, expected):
    assert expected in notebook_text(notebook)


def test_the_surplus_example_in_the_text_is_the_models():
    t3 = next(t for t in ec2.DEFAULT_INSTANCE_TYPES if t.name == "t3.xlarge")
    surplus_vcpu = 3 - ec2.T3_BASELINE_PER_VCPU["t3.xlarge"] * t3.vcpu
    assert f"{surplus_vcpu:g} vCPU-hours of surplus" in notebook_text("01_ec2_basics")
    assert ec2.right_size(3, 10, 0.2).best.name == "m5.xlarge"
    assert "dearer than an m5.xlarge" in notebook_text("01_ec2_basics")


def test_changes_file_is_well_formed_and_names_real_notebooks():
    import re

    import yaml as _yaml

    root = Path(__file__).resolve().parents[2]
    entries = _yaml.safe_load((root / "awslab" / "compute" / "changes.yaml").read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    for entry in entries:
        assert set(entry) == {"date", "change", "source", "url", "read", "notebook"}, entry
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", entry["date"]), entry["date"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["read"]), entry["read"]
        assert entry["url"].startswith("https://")
        assert (root / f"{entry['notebook']}.md").is_file(), entry["notebook"]
