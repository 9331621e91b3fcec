"""The storage exercises: each answer is what the chapter's models compute, and the classic wrong answer is not accepted."""

import json
import math
from datetime import UTC, datetime

import pytest

from awslab.storage import cloudfront, ebs, ebs_snapshots, efs, glacier, s3
from awslab.storage import s3_lifecycle as lifecycle
from awslab.storage import s3_reliability as reliability
from awslab.storage import storage_gateway as sgw
from awslab.storage.exercises import cloudfront as ex_cloudfront
from awslab.storage.exercises import ebs as ex_ebs
from awslab.storage.exercises import efs as ex_efs
from awslab.storage.exercises import glacier as ex_glacier
from awslab.storage.exercises import (
    large_objects_replication,
    protecting_data,
    s3_fundamentals,
    storage_classes_lifecycle,
    storage_gateway,
)
from awslab.storage.exercises import s3_object_lock as ex_lock

TOPICS = {
    "s3_fundamentals": s3_fundamentals,
    "storage_classes_lifecycle": storage_classes_lifecycle,
    "protecting_data": protecting_data,
    "large_objects_replication": large_objects_replication,
    "glacier": ex_glacier,
    "ebs": ex_ebs,
    "cloudfront": ex_cloudfront,
    "storage_gateway": storage_gateway,
    "efs": ex_efs,
    "s3_object_lock": ex_lock,
}

EXPECTED = [
    # (exercise, the model's answer, a plausible wrong answer: the slip its hint warns about)
    (s3_fundamentals.years_per_loss, reliability.years_per_lost_object(100_000_000), "10,000"),
    (s3_fundamentals.valid_name, "logs-2026.example", "photos-s3alias"),
    (s3_fundamentals.prefixes_for_reads, math.ceil(40_000 / s3.PREFIX_READ_REQUESTS_PER_SECOND), "12"),
    (
        storage_classes_lifecycle.early_delete_bill,
        s3.billable_storage(40 * 1024, 10, "STANDARD_IA").usd() * 5_000_000,
        str(40 * 1024 / s3.GIB * 0.0125 * 10 / 30 * 5_000_000),  # without the minimum size and duration
    ),
    (storage_classes_lifecycle.small_object_class, "STANDARD", "GLACIER"),
    (
        storage_classes_lifecycle.ia_break_even,
        lifecycle.break_even_reads_per_month("STANDARD_IA", size_bytes=10 * 1024**2),
        "10",
    ),
    (protecting_data.billed_bytes, 3_000, "1000"),
    (protecting_data.mfa_operation, "DeleteObject with VersionId", "DeleteObject (adds a delete marker)"),
    (protecting_data.audited_encryption, "SSE-KMS", "DSSE-KMS"),
    (large_objects_replication.default_part_size, 210, "5"),
    (large_objects_replication.replicated_count, 3, "2"),  # 2: forgetting that the delete marker is replicated
    (large_objects_replication.notified_key, "uploads/2026/bird.jpg", "images/uploads/dog.jpg"),
    (ex_glacier.deep_archive_tier, glacier.plan_retrieval(2_000, 20_000, 48, "DEEP_ARCHIVE").chosen.tier, "Bulk"),
    (
        ex_glacier.restore_total,
        glacier.plan_retrieval(500, 5_000, 12, "GLACIER", 7).chosen.total_usd,
        str(glacier.retrieval_cost_usd("GLACIER", "Standard", 500, 5_000)),  # the copy left out
    ),
    (
        ex_glacier.restore_expiry,
        glacier.restore_expiry(datetime(2026, 3, 2, 14, 30, tzinfo=UTC), 3).strftime("%Y-%m-%d %H:%M UTC"),
        "2026-03-05 14:30 UTC",
    ),
    (ex_ebs.gp2_burst, ebs.gp2_performance(500).burst_seconds / 60, "30"),
    (ex_ebs.snapshot_freed, 2, "4"),
    (
        ex_ebs.data_survives,
        "EBS data volume attached after launch, after termination (default settings)",
        "EBS root volume, after termination (default settings)",
    ),
    (ex_cloudfront.behaviour_for_path, "/images/*", "/images/*.jpg"),
    (ex_cloudfront.invalidation_bill, cloudfront.invalidation_cost_usd(3_600), "18"),
    (storage_gateway.upload_buffer, sgw.upload_buffer_gb(200, 80, 2.0, 6), "2592"),
    (storage_gateway.volume_mode, "cached volumes only", "both"),
    (storage_gateway.largest_tapes, 68, "1500"),
    (ex_efs.burst_minutes, efs.bursting_performance(768).burst_minutes_per_day, "720"),  # 720: the 1 TiB ceiling
    (ex_efs.cheapest_mode, "bursting", "provisioned"),  # provisioned: reads counted in full
    # the bypassing admin: forgetting that a legal hold is not bypassed
    (ex_lock.who_may_delete, "nobody", "only an admin with s3:BypassGovernanceRetention who sends the bypass header"),
    (ex_lock.prefixes_for_mixed_load, 6, "7"),  # 7: both rates added against the 5,500 read floor
]


@pytest.mark.parametrize("exercise, right, wrong", EXPECTED, ids=[e[0].id for e in EXPECTED])
def test_the_model_answer_passes_and_a_wrong_one_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_the_hand_worked_answers_agree_with_the_models():
    """The literal answers above are what the models say, worked by hand from the notebook's rules."""
    assert ebs.gp2_performance(500).burst_seconds == pytest.approx(5.4e6 / (3000 - 1500))
    assert s3.plan_multipart_upload(2 * s3.TIB).part_size == 210 * s3.MIB
    chain = ebs_snapshots.take_snapshots(10, ex_ebs.WRITES)
    deletion = ebs_snapshots.delete_snapshot(chain, "snap-0001")
    assert (deletion.freed_blocks, deletion.moved_blocks) == (2, 2)
    assert sgw.tape_library_capacity([15 * 1024] * 68).fits
    assert not sgw.tape_library_capacity([15 * 1024] * 69).fits
    assert sgw.volume_capacity("volume_cached", [24] * 20).fits
    assert not sgw.volume_capacity("volume_stored", [24] * 20).fits
    assert efs.bursting_performance(768).burst_minutes_per_day == 1440 * 37.5 / 100 == 540
    assert efs.metered_mibps(15, 5) < efs.bursting_performance(300).baseline_mibps < 20  # bursting only when metered


def test_every_exercise_is_tested_and_ids_are_prefixed_with_their_notebook():
    tested = {e[0].id for e in EXPECTED}
    for topic, module in TOPICS.items():
        found = [v for v in vars(module).values() if type(v).__name__ == "Exercise"]
        assert len(found) >= 2, topic
        assert any(e.kind in ("number", "choice") for e in found), topic
        for exercise in found:
            assert exercise.id.startswith(topic.replace("_", "-") + "-"), exercise.id
            assert exercise.id in tested or exercise.kind == "code", exercise.id


def test_the_under_128_kb_rule_is_what_keeps_the_small_log_in_standard():
    big = lifecycle.object_timeline(storage_classes_lifecycle.POLICY, 1024**2, key="logs/app.log")
    assert [p.storage_class for p in big.phases] == ["STANDARD", "STANDARD_IA", "GLACIER"]
    small = lifecycle.object_timeline(storage_classes_lifecycle.POLICY, 64 * 1024, key="logs/app.log")
    assert [p.storage_class for p in small.phases] == ["STANDARD"]


# --- the code exercise: a signed-URL policy, checked by CloudFront's own evaluator -----------------------------
RIGHT = cloudfront.custom_policy(ex_cloudfront.RESOURCE, ex_cloudfront.EXPIRES, source_ip=ex_cloudfront.VIEWERS)


@pytest.mark.parametrize("document", [RIGHT, json.dumps(RIGHT)], ids=["dict", "json text"])
def test_the_custom_policy_passes(document):
    assert ex_cloudfront.premium_policy.check(document).right


@pytest.mark.parametrize(
    "document, why",
    [
        (cloudfront.canned_policy(ex_cloudfront.RESOURCE, ex_cloudfront.EXPIRES), "198.51.100.7"),  # no IP range
        (
            cloudfront.custom_policy(
                ex_cloudfront.RESOURCE, ex_cloudfront.EXPIRES + 86_400, source_ip="203.0.113.0/24"
            ),
            "epoch",
        ),  # a day too long
        (
            cloudfront.custom_policy(
                "https://d111111abcdef8.cloudfront.net/*", ex_cloudfront.EXPIRES, source_ip="203.0.113.0/24"
            ),
            "reports",
        ),  # too wide a resource
        (
            cloudfront.custom_policy(
                "https://d111111abcdef8.cloudfront.net/premium/ep1.mp4",
                ex_cloudfront.EXPIRES,
                source_ip="203.0.113.0/24",
            ),
            "season2",
        ),  # one file only
        ({"Statement": [{"Resource": 5, "Condition": {}}]}, "Resource"),
        ({"Statement": [{"Resource": "*", "Condition": {"DateLessThan": {"AWS:EpochTime": "soon"}}}]}, "DateLessThan"),
        (
            {"Statement": [{"Resource": "*" * 40 + "x", "Condition": {"DateLessThan": {"AWS:EpochTime": 1}}}]},
            "wildcards",
        ),
        ("[1, 2]", "JSON object"),
        ("{not json", "not valid JSON"),
        (None, "JSON object"),
    ],
)
def test_a_wrong_policy_fails_with_a_reason(document, why):
    verdict = ex_cloudfront.premium_policy.check(document)
    assert not verdict.right
    assert why in verdict.message, verdict.message
