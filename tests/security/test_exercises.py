"""The security exercises of notebooks 01-05: the chapter's models give the answer that passes, the classic mistake
each hint warns about fails, and the policy-writing exercise accepts a right document and rejects wrong ones."""

import json

import pytest

from awslab.security import cloudtrail, credentials, iam, kms, mfa, presets, responsibility, waf
from awslab.security.exercises import (
    iam_policies,
    kms_cloudhsm,
    mfa_cloudtrail,
    more_security_services,
    shared_responsibility,
)

MODULES = (shared_responsibility, iam_policies, kms_cloudhsm, mfa_cloudtrail, more_security_services)
EXPECTED = [
    (
        shared_responsibility.rds_patches,
        responsibility.who_secures("Guest operating system patches", "RDS"),
        "Customer",
    ),
    (
        shared_responsibility.lambda_layers,
        int((responsibility.responsibility_table(("Lambda",))["Lambda"] == "Customer").sum()),
        "8",  # counting the Shared cells as the customer's
    ),
    (iam_policies.demo_delete, "explicitDeny", "allowed"),
    (iam_policies.chained_session, credentials.ROLE_CHAINING_MAX_SECONDS, "43200"),
    (kms_cloudhsm.direct_calls, 3 * 1000, "2500"),  # 10,240 / 4,096 without rounding up
    (kms_cloudhsm.versions_kept, 1095 // 180 + 1, "6"),  # forgetting the original material
    (mfa_cloudtrail.drifted_code, 100 * float(mfa.acceptance_probability(40, 1)[0]), "50"),  # ignoring the delay
    (mfa_cloudtrail.deleted_digest, "not covered", "valid"),
    (more_security_services.lowest_safe_limit, 50, "30"),  # the average requests per window
    (more_security_services.flood_blocked, "98.9%", "66.7"),  # counting only allowed requests
]


@pytest.mark.parametrize("exercise, right, wrong", EXPECTED, ids=[e[0].id for e in EXPECTED])
def test_the_model_answer_passes_and_the_classic_mistake_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_answers_agree_with_a_direct_call_of_the_models():
    assert shared_responsibility.lambda_layers.answer == 5
    assert (
        iam_policies.demo_delete.answer
        == iam.evaluate(
            [presets.DEMO_POLICY],
            "s3:DeleteObject",
            "arn:aws:s3:::reports/alice/old.csv",
            context={"aws:SourceIp": "198.51.100.7", "aws:username": "alice", "aws:MultiFactorAuthPresent": True},
        ).decision
    )
    assert kms_cloudhsm.direct_calls.answer == kms.kms_calls([10 * 1024] * 1000)["direct_encrypt_calls"]
    assert kms_cloudhsm.versions_kept.answer == 7
    assert mfa_cloudtrail.drifted_code.answer == pytest.approx(200 / 3)
    # below the answer, some normal client is blocked; at it, none is
    assert waf.simulate_rate_rule(40, 300, 2.0, seed=0).others_blocked_fraction > 0
    assert waf.simulate_rate_rule(50, 300, 2.0, seed=0).others_blocked_fraction == 0
    assert more_security_services.flood_blocked.answer > 98


def test_a_deleted_digest_leaves_the_older_logs_not_covered_and_the_digest_missing():
    key = cloudtrail.generate_signing_key()
    trail = cloudtrail.build_trail(cloudtrail.sample_events(3, seed=0), key, files_per_hour=3)
    result = cloudtrail.validate_trail(cloudtrail.tamper(trail, "delete_digest", 1), key.public_key())
    assert result.digest_files[trail.digest_order[1]] == "missing"
    assert result.log_files[next(iter(trail.logs))] == mfa_cloudtrail.deleted_digest.answer


# --- The policy-writing exercise -------------------------------------------------------------------------------------
WRITER = iam_policies.reports_writer


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


@pytest.mark.parametrize(
    "policy",
    [
        iam_policies.REPORTS_WRITER_SOLUTION,
        json.dumps(iam_policies.REPORTS_WRITER_SOLUTION),  # JSON text as pasted
        doc(  # allow broadly, then deny what must not happen: also right
            {
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                "Resource": "arn:aws:s3:::reports/*",
            },
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports"},
            {"Effect": "Deny", "Action": "s3:DeleteObject*", "Resource": "*"},
        ),
    ],
    ids=["solution", "json-text", "allow-then-deny"],
)
def test_the_policy_checker_accepts_right_documents(policy):
    verdict = WRITER.check(policy)
    assert verdict.right, verdict


@pytest.mark.parametrize(
    "policy, says",
    [
        (doc({"Effect": "Allow", "Action": "s3:*", "Resource": "*"}), "s3:DeleteObject on arn:aws:s3:::reports"),
        (  # object actions on the bucket ARN: nothing on the objects is allowed
            doc(
                {
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                    "Resource": "arn:aws:s3:::reports",
                }
            ),
            "s3:GetObject on arn:aws:s3:::reports/2026/q3.csv is implicitDeny (want allowed)",
        ),
        (  # s3:Put* also lets through bucket settings
            doc(
                {
                    "Effect": "Allow",
                    "Action": ["s3:Get*", "s3:Put*", "s3:List*"],
                    "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
                }
            ),
            "s3:PutBucketPolicy",
        ),
        ({"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "s3:*", "Resource": "*"}]}, "refuse"),
        ([iam_policies.REPORTS_WRITER_SOLUTION], "one policy document"),
        ("{not json", "refuse"),
    ],
    ids=["s3-star", "bucket-arn-only", "put-star", "bad-effect", "a-list", "bad-json"],
)
def test_the_policy_checker_rejects_wrong_documents_and_says_why(policy, says):
    verdict = WRITER.check(policy)
    assert not verdict.right
    assert says in verdict.message, verdict.message


def test_ids_are_prefixed_with_the_notebook_topic_and_unique():
    ids = []
    for module in MODULES:
        topic = module.__name__.rsplit(".", 1)[-1].replace("_", "-")
        found = [value.id for value in vars(module).values() if hasattr(value, "check") and hasattr(value, "id")]
        assert len(found) >= 2, module.__name__
        assert all(i.startswith(topic + "-") for i in found), found
        ids += found
    assert len(ids) == len(set(ids))
