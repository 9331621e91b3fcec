"""The messaging notebooks' exercises (01_sqs, 02_sns_fanout, 03_swf_apigw_ses_transcoder): the model's answer
passes, the classic mistake each hint warns about does not, and the code checker tells a right policy from a wrong."""

from __future__ import annotations

import pytest

from awslab.app_services import sns
from awslab.app_services.exercises import sns_fanout, sqs
from awslab.app_services.exercises import swf_apigw_ses_transcoder as swf_ex

# (exercise, the answer the model computes, the classic wrong answer)
NUMBERS = [
    (sqs.fifo_throughput, 3000, 300),  # 300 calls/s forgets the 10 messages per batch
    (sqs.dead_letter_time, 120, 90),  # 90 s is the last delivery, not the move
    (sqs.idle_short_polling, 206.96, 0.1184),  # the long-polling price
    (sns_fanout.fanout_copies, 10, 4),  # one copy per publish
    (sns_fanout.retry_span, 220, 100),  # 5 x minDelayTarget
    (swf_ex.throttled_burst, 200, 150),  # adding the refill rate at one instant
    (swf_ex.sandbox_mailing, 4.002, 5),  # the last window counted in full
]


@pytest.mark.parametrize(("exercise", "right", "wrong"), NUMBERS, ids=[n[0].id for n in NUMBERS])
def test_number_exercises(exercise, right, wrong):
    assert exercise.answer == pytest.approx(right, rel=1e-3)
    assert exercise.check(exercise.answer).right
    assert exercise.check(str(exercise.answer)).right
    assert not exercise.check(wrong).right


def test_workflow_choice():
    assert swf_ex.workflow_outcome.answer == "FAILED"
    assert swf_ex.workflow_outcome.check("FAILED").right
    assert not swf_ex.workflow_outcome.check("COMPLETED").right


def test_fraud_filter_code_exercise():
    right = {"total_usd": [{"numeric": [">=", 1000]}], "region": [{"anything-but": ["test"]}]}
    assert sns_fanout.fraud_filter.check(right).right
    assert sns_fanout.fraud_filter.check(
        '{"region": [{"anything-but": "test"}], "total_usd": [{"numeric": [">=", 1000]}]}'
    ).right
    assert sns.policy_matches(right, {}) is False  # no attributes: not delivered
    wrong = [
        {"total_usd": [{"numeric": [">", 1000]}], "region": [{"anything-but": ["test"]}]},  # misses exactly 1,000
        {"total_usd": [{"numeric": [">=", 1000]}]},  # lets test orders through
        {"region": [{"anything-but": ["test"]}]},  # small orders too
        {"total_usd": "1000"},  # refused by SNS
    ]
    for policy in wrong:
        assert not sns_fanout.fraud_filter.check(policy).right, policy


def test_ids_are_unique_and_prefixed_by_topic():
    exercises = [n[0] for n in NUMBERS] + [swf_ex.workflow_outcome, sns_fanout.fraud_filter]
    ids = [e.id for e in exercises]
    assert len(set(ids)) == len(ids)
    prefixes = ("sqs-", "sns-fanout-", "swf-apigw-ses-transcoder-")
    assert all(i.startswith(prefixes) for i in ids)
