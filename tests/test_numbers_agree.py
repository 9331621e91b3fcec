"""Notebook text and quiz explanations of databases, security, app services, management and analytics state the same
numbers as the models where they share one (issue 17): a limit named in prose and a constant in a model.

Each row: a file, a pattern whose first group is the number the text states, and the model value it must equal.
A pattern that no longer matches fails too, so rewording a sentence cannot silently drop its check."""

import re
from pathlib import Path

import pytest
import yaml

from awslab.analytics import kinesis, snowball
from awslab.app_services import sqs_limits
from awslab.databases import dynamodb, rds
from awslab.security import waf

ROOT = Path(__file__).resolve().parents[1]
NB = "notebooks"


def quiz_text(chapter: str, name: str) -> str:
    data = yaml.safe_load((ROOT / "awslab" / chapter / "quizzes" / f"{name}.yaml").read_text(encoding="utf-8"))
    parts = []
    for question in data["questions"]:
        parts.append(question["question"])
        for answer in question["answers"]:
            parts += [answer["text"], answer.get("why", "")]
    return "\n".join(parts)


def notebook_text(path: str) -> str:
    return " ".join((ROOT / NB / f"{path}.md").read_text(encoding="utf-8").split())


SHARED = [
    # databases
    (
        f"{NB}/04_databases/02_dynamodb",
        r"`BatchWriteItem` writes \(puts or deletes\) at most (\d+)",
        dynamodb.BATCH_WRITE_MAX_ITEMS,
    ),
    (f"{NB}/04_databases/02_dynamodb", r"`BatchGetItem` reads at most (\d+) items", dynamodb.BATCH_GET_MAX_ITEMS),
    (f"{NB}/04_databases/02_dynamodb", r"we assume (\d+) %", round(100 * dynamodb.TARGET_UTILIZATION)),
    (
        f"{NB}/04_databases/02_dynamodb",
        r"\((\d+) to \d+ %; we assume",
        round(100 * dynamodb.TARGET_UTILIZATION_RANGE[0]),
    ),
    (
        f"{NB}/04_databases/02_dynamodb",
        r"\(\d+ to (\d+) %; we assume",
        round(100 * dynamodb.TARGET_UTILIZATION_RANGE[1]),
    ),
    (f"{NB}/04_databases/01_rds_aurora", r"retention period \(1 to (\d+) days", rds.MAX_BACKUP_RETENTION_DAYS),
    (
        f"{NB}/04_databases/01_rds_aurora",
        r"Replicas scale reads \(up to (\d+) per source\)",
        rds.max_read_replicas("mysql"),
    ),
    ("quiz:databases/rds_aurora", r"PostgreSQL allow up to (\d+) read replicas", rds.max_read_replicas("postgresql")),
    # security
    (f"{NB}/05_security/05_more_security_services", r"limits now start at (\d+) requests", waf.RATE_LIMIT_RANGE[0]),
    # app services
    (
        f"{NB}/06_app_services/01_sqs",
        r"default 30 s, 0 s to (\d+) h\)",
        sqs_limits.VISIBILITY_TIMEOUT_MAX_SECONDS // 3600,
    ),
    (
        f"{NB}/06_app_services/01_sqs",
        r"retention period \(60 s to (\d+) days",
        sqs_limits.RETENTION_MAX_SECONDS // 86_400,
    ),
    ("quiz:app_services/sqs", r"can be up to (\d+) MiB", sqs_limits.MESSAGE_MAX_BYTES // 2**20),
    # analytics
    (f"{NB}/08_analytics/02_emr_pipeline_snowball", r"customers holds (\d+) TB", snowball.DEVICE_CAPACITY_TB),
    ("quiz:analytics/emr_pipeline_snowball", r"one (\d+) TB Storage Optimized device", snowball.DEVICE_CAPACITY_TB),
    (
        f"{NB}/08_analytics/01_kinesis",
        r"1 MiB/s \*\*and\*\* ([\d,]+) records/s",
        kinesis.SHARD_WRITE_RECORDS_PER_SECOND,
    ),
    ("quiz:analytics/kinesis", r"at most ([\d,]+) records a second", kinesis.SHARD_WRITE_RECORDS_PER_SECOND),
    (f"{NB}/08_analytics/01_kinesis", r"consumer \(up to (\d+)\) its own", kinesis.ENHANCED_FAN_OUT_MAX_CONSUMERS),
]


@pytest.mark.parametrize(("where", "pattern", "model"), SHARED, ids=[f"{w}:{p[:30]}" for w, p, _ in SHARED])
def test_text_states_the_models_number(where, pattern, model):
    text = quiz_text(*where[5:].split("/")) if where.startswith("quiz:") else notebook_text(where[len(NB) + 1 :])
    found = re.search(pattern, text)
    assert found, f"{where}: the sentence matching {pattern!r} is gone; update this check with the new wording"
    assert float(found.group(1).replace(",", "")) == float(model), f"{where} says {found.group(1)}, the model {model}"


def test_waf_windows_in_text_match_the_model():
    text = notebook_text("05_security/05_more_security_services")
    assert re.search(r"window can be 1, 2, 5 or 10 minutes", text)
    assert [s // 60 for s in waf.EVALUATION_WINDOWS_SECONDS] == [1, 2, 5, 10]
