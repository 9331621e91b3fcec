"""Tests of the Glacier model: tiers, the retrieval planner, restore flow, vault lock, free retrieval."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from botocore.model import ServiceModel
from botocore.session import get_session
from botocore.validate import ParamValidator
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.storage import glacier

FAST = settings(max_examples=150, deadline=None)


def test_tier_windows_match_the_s3_user_guide():
    # S3 User Guide, "Understanding archive retrieval options".
    t = glacier.RETRIEVAL_TIERS
    assert (t[("GLACIER", "Expedited")].min_hours * 60, t[("GLACIER", "Expedited")].max_hours * 60) == (1, 5)
    assert (t[("GLACIER", "Standard")].min_hours, t[("GLACIER", "Standard")].max_hours) == (3, 5)
    assert (t[("GLACIER", "Bulk")].min_hours, t[("GLACIER", "Bulk")].max_hours) == (5, 12)
    assert t[("DEEP_ARCHIVE", "Standard")].max_hours == 12 and t[("DEEP_ARCHIVE", "Bulk")].max_hours == 48
    assert ("DEEP_ARCHIVE", "Expedited") not in t


@pytest.mark.parametrize(("tier", "usd"), [("Standard", 750 + 1024), ("Expedited", 150_000 + 3072)])
def test_repost_worked_retrieval_example(tier, usd):
    # AWS re:Post knowledge center "s3-manage-data-retrieval": 15,000,000 objects, 102,400 GB from Flexible Retrieval.
    assert glacier.retrieval_cost_usd("GLACIER", tier, 102_400, 15_000_000) == pytest.approx(usd)


def test_bulk_from_flexible_retrieval_is_free_but_not_from_deep_archive():
    assert glacier.retrieval_cost_usd("GLACIER", "Bulk", 1000, 1000) == 0
    assert glacier.retrieval_cost_usd("DEEP_ARCHIVE", "Bulk", 1000, 1000) == pytest.approx(2.5 + 0.025)
    with pytest.raises(ValueError, match="tier"):
        glacier.retrieval_cost_usd("DEEP_ARCHIVE", "Expedited", 1, 1)
    with pytest.raises(ValueError, match="storage_class"):
        glacier.retrieval_cost_usd("STANDARD_IA", "Bulk", 1, 1)


@pytest.mark.parametrize(("deadline", "tier"), [(0.5, "Expedited"), (6, "Standard"), (24, "Bulk")])
def test_planner_picks_cheapest_tier_meeting_deadline(deadline, tier):
    plan = glacier.plan_retrieval(100, 50, deadline)
    assert plan.chosen.tier == tier and plan.chosen.meets_deadline


def test_planner_deep_archive_and_impossible_deadlines():
    assert glacier.plan_retrieval(100, 50, 24, "DEEP_ARCHIVE").chosen.tier == "Standard"
    assert glacier.plan_retrieval(100, 50, 49, "DEEP_ARCHIVE").chosen.tier == "Bulk"
    assert glacier.plan_retrieval(100, 50, 0.01).chosen is None
    assert glacier.plan_retrieval(100, 50, 6, "DEEP_ARCHIVE").chosen is None


def test_planner_counts_request_submission_and_large_expedited_objects():
    many = glacier.plan_retrieval(102_400, 15_000_000, 12)
    bulk = next(o for o in many.options if o.tier == "Bulk")
    assert bulk.hours == pytest.approx(12 + 15_000_000 / 1000 / 3600)
    assert not bulk.meets_deadline and any("restore requests" in n for n in bulk.notes)
    big = glacier.plan_retrieval(10, 1, 1)  # one 10 GB object: 5 min + 10,000 MB at 300 MB/s
    expedited = next(o for o in big.options if o.tier == "Expedited")
    assert expedited.hours == pytest.approx(5 / 60 + 10_000 / 300 / 3600 + 1 / 1000 / 3600)


def test_planner_includes_the_temporary_copy():
    plan = glacier.plan_retrieval(300, 10, 24, restore_days=30)
    assert plan.chosen.copy_usd == pytest.approx(300 * 0.023)
    assert plan.chosen.total_usd == pytest.approx(plan.chosen.retrieval_usd + plan.chosen.copy_usd)


@FAST
@given(
    gb=st.floats(0.001, 1e6),
    objects=st.integers(1, 10_000_000),
    deadline=st.floats(0.001, 200),
    cls=st.sampled_from(glacier.STORAGE_CLASSES),
)
def test_planner_choice_is_cheapest_feasible(gb, objects, deadline, cls):
    plan = glacier.plan_retrieval(gb, objects, deadline, cls)
    feasible = [o for o in plan.options if o.hours <= deadline]
    if plan.chosen is None:
        assert not feasible
    else:
        assert plan.chosen.meets_deadline
        assert all(plan.chosen.total_usd <= o.total_usd for o in feasible)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"data_gb": 0}, "data_gb"),
        ({"objects": 0}, "objects"),
        ({"deadline_hours": -1}, "deadline_hours"),
        ({"restore_days": 0}, "restore_days"),
        ({"storage_class": "GLACIER_IR"}, "storage_class"),
    ],
)
def test_planner_rejects_bad_input(kwargs, name):
    args = {"data_gb": 1, "objects": 1, "deadline_hours": 5, **kwargs}
    with pytest.raises(ValueError, match=name):
        glacier.plan_retrieval(**args)


# --- Restore flow ----------------------------------------------------------------------------------------------
def test_restore_request_is_a_valid_s3_restore_object_body():
    model = ServiceModel(get_session().get_service_data("s3"), "s3")
    shape = model.operation_model("RestoreObject").input_shape
    params = {"Bucket": "b", "Key": "k", "RestoreRequest": glacier.restore_request(7, "Bulk")}
    report = ParamValidator().validate(params, shape)
    assert not report.has_errors(), report.generate_report()
    with pytest.raises(ValueError, match="tier"):
        glacier.restore_request(1, "Fast")
    with pytest.raises(ValueError, match="days"):
        glacier.restore_request(0)


def test_restore_expiry_rounds_to_next_midnight_utc():
    # S3 User Guide, "Restoring an archived object": restored 15 October 2012 10:30 UTC for 3 days -> the copy
    # expires 19 October 2012 00:00 UTC.
    done = datetime(2012, 10, 15, 10, 30, tzinfo=UTC)
    assert glacier.restore_expiry(done, 3) == datetime(2012, 10, 19, tzinfo=UTC)
    new_york = done.astimezone(timezone(timedelta(hours=-4)))
    assert glacier.restore_expiry(new_york, 3) == datetime(2012, 10, 19, tzinfo=UTC)
    with pytest.raises(ValueError, match="completed_at"):
        glacier.restore_expiry(datetime(2012, 10, 15), 3)


def test_restore_header_shapes():
    assert glacier.restore_header(True) == 'ongoing-request="true"'
    expiry = datetime(2012, 12, 21, tzinfo=UTC)
    assert (
        glacier.restore_header(False, expiry) == 'ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"'
    )


# --- Vault lock ----------------------------------------------------------------------------------------------
def test_vault_lock_must_complete_within_24_hours_and_is_final():
    steps = glacier.vault_lock_history(
        [
            (0, "InitiateVaultLock"),
            (25, "CompleteVaultLock"),
            (26, "InitiateVaultLock"),
            (27, "AbortVaultLock"),
            (28, "InitiateVaultLock"),
            (51.5, "CompleteVaultLock"),
            (60, "AbortVaultLock"),
            (61, "InitiateVaultLock"),
        ]
    )
    assert [(s.accepted, s.state) for s in steps] == [
        (True, "InProgress"),
        (False, "Unlocked"),
        (True, "InProgress"),
        (True, "Unlocked"),
        (True, "InProgress"),
        (True, "Locked"),
        (False, "Locked"),
        (False, "Locked"),
    ]
    with pytest.raises(ValueError, match="action"):
        glacier.vault_lock_history([(0, "LockIt")])
    with pytest.raises(ValueError, match="hours"):
        glacier.vault_lock_history([(5, "InitiateVaultLock"), (1, "AbortVaultLock")])


def test_vault_lock_policy_shape_and_worm_rule():
    # Glacier Developer Guide, "Vault Lock policies": deny DeleteArchive while glacier:ArchiveAgeInDays < 365.
    arn = "arn:aws:glacier:us-west-2:123456789012:vaults/examplevault"
    policy = glacier.vault_lock_policy(arn, 365)
    statement = policy["Statement"][0]
    assert statement["Effect"] == "Deny" and statement["Action"] == "glacier:DeleteArchive"
    assert statement["Condition"] == {"NumericLessThan": {"glacier:ArchiveAgeInDays": "365"}}
    assert not glacier.can_delete_archive(policy, 364.9)
    assert glacier.can_delete_archive(policy, 365)
    with pytest.raises(ValueError, match="vault_arn"):
        glacier.vault_lock_policy("examplevault", 365)


@pytest.mark.parametrize(
    ("size", "part"),
    [(1, 2**20), (10_000 * 2**20, 2**20), (10_000 * 2**20 + 1, 2**21), (glacier.ARCHIVE_MAX_BYTES, 4 * 2**30)],
)
def test_multipart_part_size(size, part):
    assert glacier.multipart_part_size_bytes(size) == part


def test_archive_limit_is_10000_parts_of_4_gib():
    with pytest.raises(ValueError, match="archive_bytes"):
        glacier.multipart_part_size_bytes(glacier.ARCHIVE_MAX_BYTES + 1)
    assert glacier.ARCHIVE_MAX_BYTES / 1e12 == pytest.approx(42.95, rel=1e-3)  # "40 TB" in binary units


def test_free_retrieval_then_and_now():
    result = glacier.free_retrieval_comparison(stored_gb=1000, retrieved_gb=80, objects=100)
    assert result.syllabus_free_gb == 50 and result.syllabus_billable_gb == 30
    assert result.today_usd_by_tier["Bulk"] == 0
    assert result.today_usd_by_tier["Standard"] == pytest.approx(0.8 + 0.005)


def test_storage_cost_includes_per_object_overhead():
    assert glacier.archive_storage_usd_per_month(1000, 0) == pytest.approx(3.6)
    overhead = glacier.archive_storage_usd_per_month(0, 1_000_000)
    assert overhead == pytest.approx(32 * 0.0036 + 8 * 0.023)
    assert glacier.provisioned_capacity_usd(2, 3) == pytest.approx(600)


def test_retrieval_plan_figure():
    from awslab.storage import figures

    fig = figures.retrieval_plan_figure(glacier.plan_retrieval(500, 1000, 6))
    assert fig.layout.title.text.endswith("Standard") and len(fig.data) == 3
    assert figures.retrieval_plan_figure(glacier.plan_retrieval(5, 1, 0.01)).layout.title.text.endswith("deadline")
