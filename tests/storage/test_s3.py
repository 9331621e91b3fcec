"""S3 names, billing rules and multipart plans, checked against AWS's documented examples."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.storage import s3

GIB, MIB, KIB = s3.GIB, s3.MIB, s3.KIB


# Examples from https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
@pytest.mark.parametrize("name", ["docexamplebucket1", "log-delivery-march-2020", "my-hosted-content", "a.b-c", "abc"])
def test_valid_bucket_names_from_aws_examples(name):
    assert s3.validate_bucket_name(name) == name


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("doc_example_bucket", "contains '_'"),
        ("DocExampleBucket", "contains 'BDE'"),
        ("doc-example-bucket-", "begin and end"),
        ("ab", "2 characters"),
        ("a" * 64, "64 characters"),
        ("my..bucket", "adjacent dots"),
        ("192.168.5.4", "IP address"),
        ("xn--bucket", "reserved prefix 'xn--'"),
        ("sthree-bucket", "reserved prefix"),
        ("amzn-s3-demo-bucket", "reserved prefix"),
        ("bucket-s3alias", "reserved suffix"),
        ("bucket--ol-s3", "reserved suffix"),
        ("bucket.mrap", "reserved suffix"),
        ("bucket--x-s3", "reserved suffix"),
        ("bucket--table-s3", "reserved suffix '--table-s3'"),
        ("logs-111122223333-us-west-2-an", "account regional namespace"),
    ],
)
def test_invalid_bucket_names_name_the_rule(name, rule):
    with pytest.raises(ValueError, match="bucket name") as error:
        s3.validate_bucket_name(name)
    assert rule in str(error.value)


# Account regional namespace: https://docs.aws.amazon.com/AmazonS3/latest/userguide/gpbucketnamespaces.html and the
# SDKs' CreateBucket BucketNamespace documentation (example amzn-s3-demo-bucket-111122223333-us-west-2-an), read
# 2026-12-03. The AWS example starts with the reserved amzn-s3-demo- prefix, so a neutral prefix stands in for it.
@pytest.mark.parametrize("name", ["logs-111122223333-us-west-2-an", "a.b-123456789012-eusc-de-east-1-an"])
def test_account_regional_names(name):
    assert s3.validate_bucket_name(name, "account-regional") == name


@pytest.mark.parametrize(
    ("name", "kwargs", "rule"),
    [
        ("my-logs", {}, "account regional form"),
        ("logs-11112222333-us-west-2-an", {}, "account regional form"),  # 11 digits
        ("logs-111122223333-us-west-2-an", {"account_id": "444455556666"}, "names account '111122223333'"),
        ("logs-111122223333-us-west-2-an", {"region": "eu-west-1"}, "names region 'us-west-2'"),
    ],
)
def test_account_regional_names_refused(name, kwargs, rule):
    with pytest.raises(ValueError, match=rule):
        s3.validate_bucket_name(name, "account-regional", **kwargs)


def test_unknown_namespace_is_refused():
    with pytest.raises(ValueError, match="namespace"):
        s3.validate_bucket_name("my-logs", "regional")


def test_object_key_limit_is_bytes_of_utf8_not_characters():
    assert s3.validate_object_key("a" * 1024)
    with pytest.raises(ValueError, match="1025 bytes"):
        s3.validate_object_key("a" * 1025)
    with pytest.raises(ValueError, match="1026 bytes"):
        s3.validate_object_key("é" * 513)  # 513 characters, 1,026 bytes


def test_arns_have_no_region_or_account():
    assert s3.s3_arn("my-pics") == "arn:aws:s3:::my-pics"
    assert s3.s3_arn("my-pics", "a/b.jpg") == "arn:aws:s3:::my-pics/a/b.jpg"


# Minimums: https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html
def test_standard_ia_bills_128_kb_and_30_days():
    b = s3.billable_storage(40 * KIB, 10, "STANDARD_IA")
    assert (b.bytes, b.days, b.standard_bytes) == (128 * KIB, 30, 0)


def test_glacier_adds_32_kb_at_archive_rate_and_8_kb_at_standard():
    b = s3.billable_storage(MIB, 100, "GLACIER")
    assert (b.bytes, b.days, b.standard_bytes) == (MIB + 32 * KIB, 100, 8 * KIB)
    deep = s3.billable_storage(0, 1, "DEEP_ARCHIVE")
    assert (deep.bytes, deep.days, deep.standard_bytes) == (32 * KIB, 180, 8 * KIB)


def test_glacier_ir_minimums_and_standard_has_none():
    assert s3.billable_storage(1, 1, "GLACIER_IR").bytes == 128 * KIB
    assert s3.billable_storage(1, 1, "GLACIER_IR").days == 90
    assert (s3.billable_storage(1, 0.5, "STANDARD").bytes, s3.billable_storage(1, 0.5, "STANDARD").days) == (1, 0.5)


def test_billable_storage_usd_matches_hand_arithmetic():
    # 1 GiB for 30 days in STANDARD at 0.023 USD/GB-month
    assert s3.billable_storage(GIB, 30, "STANDARD").usd() == pytest.approx(0.023)
    # 1 GiB in GLACIER for 90 days: (1 GiB + 32 KiB) * 0.0036 * 3 + 8 KiB * 0.023 * 3
    expected = (1 + 32 / 1024**2) * 0.0036 * 3 + 8 / 1024**2 * 0.023 * 3
    assert s3.billable_storage(GIB, 10, "GLACIER").usd() == pytest.approx(expected)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(size_bytes=-1, days_stored=1, storage_class="STANDARD"), "size_bytes=-1"),
        (dict(size_bytes=1, days_stored=-2, storage_class="STANDARD"), "days_stored=-2"),
        (dict(size_bytes=1, days_stored=1, storage_class="REDUCED"), "storage_class='REDUCED' is not one of"),
    ],
)
def test_billable_storage_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        s3.billable_storage(**kwargs)


@given(st.integers(0, 10 * GIB), st.floats(0, 5000), st.sampled_from(sorted(s3.STORAGE_CLASSES)))
def test_never_bills_less_than_the_minimums(size, days, cls):
    rules = s3.STORAGE_CLASSES[cls]
    b = s3.billable_storage(size, days, cls)
    assert b.bytes >= max(size, rules.min_billable_bytes)
    assert b.days >= max(days, rules.min_days)
    assert b.usd() >= 0


# Multipart: https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html
def test_default_part_size_is_smallest_whole_mib_within_10000_parts():
    plan = s3.plan_multipart_upload(100 * GIB)
    assert plan.part_size == 11 * MIB  # 100 GiB / 10,000 = 10.24 MiB -> 11 MiB
    assert plan.part_count == math.ceil(100 * GIB / (11 * MIB)) <= 10_000
    assert s3.plan_multipart_upload(12 * MIB).part_size == 5 * MIB
    largest = s3.plan_multipart_upload(s3.MAX_OBJECT_BYTES)
    assert (largest.part_size, largest.part_count, largest.last_part_size) == (5 * GIB, 10_000, 5 * GIB)


def test_impossible_plans_raise():
    with pytest.raises(ValueError, match="at most 10000"):
        s3.plan_multipart_upload(100 * GIB, 5 * MIB)
    with pytest.raises(ValueError, match="part_size_bytes"):
        s3.plan_multipart_upload(GIB, 4 * MIB)
    with pytest.raises(ValueError, match="part_size_bytes"):
        s3.plan_multipart_upload(GIB, 6 * GIB)
    with pytest.raises(ValueError, match="object_size_bytes"):
        s3.plan_multipart_upload(s3.MAX_OBJECT_BYTES + 1)
    with pytest.raises(ValueError, match="object_size_bytes"):
        s3.plan_multipart_upload(0)


@given(st.integers(1, s3.MAX_OBJECT_BYTES), st.one_of(st.none(), st.integers(s3.MIN_PART_BYTES, s3.MAX_PART_BYTES)))
def test_multipart_plans_reassemble_to_the_object(size, part):
    try:
        plan = s3.plan_multipart_upload(size, part)
    except ValueError:
        assert part is not None and math.ceil(size / part) > s3.MAX_PARTS
        return
    assert plan.part_count <= s3.MAX_PARTS
    assert (plan.part_count - 1) * plan.part_size + plan.last_part_size == size
    assert 0 < plan.last_part_size <= plan.part_size
    assert s3.MIN_PART_BYTES <= plan.part_size <= s3.MAX_PART_BYTES
    ranges = plan.part_ranges() if plan.part_count <= 50 else plan.part_ranges()[:1] + plan.part_ranges()[-1:]
    assert ranges[0][0] == 0 and ranges[-1][1] == size - 1


def test_upload_estimate_single_put_resends_more_than_parts():
    single = s3.upload_estimate(4 * GIB, 100, 1, None, failures_per_gib=0.5)
    parts = s3.upload_estimate(4 * GIB, 100, 1, 64 * MIB, failures_per_gib=0.5)
    assert single.expected_bytes_sent > parts.expected_bytes_sent > 4 * GIB
    # closed form for one chunk: (exp(h s) - 1) / h with h = 0.5 per GiB
    assert single.expected_bytes_sent == pytest.approx(math.expm1(2.0) / (0.5 / GIB))
    assert s3.upload_estimate(GIB, 80, 1, None).seconds == pytest.approx(GIB * 8 / 80e6)
    with pytest.raises(ValueError, match="single PUT"):
        s3.upload_estimate(6 * GIB, 100)


def test_byte_ranges_cover_the_object_exactly():
    assert s3.byte_ranges(10, 4) == ["bytes=0-3", "bytes=4-7", "bytes=8-9"]


def test_downtime_per_year():
    assert s3.downtime_minutes_per_year(0.9999) == pytest.approx(52.596, rel=1e-4)
    with pytest.raises(ValueError, match="availability"):
        s3.downtime_minutes_per_year(1.5)
