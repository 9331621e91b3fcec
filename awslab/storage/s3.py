"""S3 fundamentals: names and keys, ARNs, storage classes and billing rules, multipart plans, presigned URLs.

Sizes are bytes unless a name says otherwise; 1 KB = 1024 bytes, 1 GB = 1024**3 bytes, as S3's billing does.

References:
    - Amazon S3 User Guide, "General purpose bucket naming rules" (the --table-s3 suffix, the -an rule),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (read 2026-12-03)
    - Amazon S3 User Guide, "Namespaces for general purpose buckets" (account regional namespace),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/gpbucketnamespaces.html (read 2026-12-03)
    - Amazon S3 User Guide, "General purpose bucket quotas, limitations, and restrictions",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html (read 2026-12-03)
    - Amazon Athena User Guide, "Reduce throttling at the service level" (5,500 GET per second per partitioned
      prefix), https://docs.aws.amazon.com/athena/latest/ug/performance-tuning-s3-throttling-reduce-throttling-at-the-service-level.html
      and AWS re:Post Knowledge Center, "http-5xx-errors-s3" (3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD per
      second per partitioned prefix), https://repost.aws/knowledge-center/http-5xx-errors-s3 (both read 2026-12-03)
    - Amazon S3 User Guide, "Naming Amazon S3 objects",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html (read 2026-11-27)
    - Amazon S3 User Guide, "Understanding and managing Amazon S3 storage classes",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html (read 2026-11-27)
    - Amazon S3 User Guide, "Transitioning objects using Amazon S3 Lifecycle" (general considerations),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html (read 2026-11-27)
    - Amazon S3 pricing, US East (N. Virginia), first 50 TB tier,
      https://aws.amazon.com/s3/pricing/ (read 2026-11-27)
    - Amazon S3 User Guide, "Amazon S3 multipart upload limits",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html (read 2026-11-27)
    - Amazon S3 API Reference, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)",
      https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (read 2026-11-27)
"""

from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass

from awslab import validate
from awslab.storage.sigv4 import PresignedUrl, presign_s3_url
from awslab.validate import checked

KIB = 1024
MIB = 1024**2
GIB = 1024**3
TIB = 1024**4

# --- Names and keys -------------------------------------------------------------------------------------------
# Bucket naming rules for general purpose buckets.
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (read 2026-12-03): --table-s3 is
# reserved for S3 Tables buckets; a name may end in -an only when the bucket is created in the account regional
# namespace, whose names end in -<12-digit account id>-<region>-an (gpbucketnamespaces.html, read 2026-12-03).
BUCKET_NAME_MIN_LENGTH = 3
BUCKET_NAME_MAX_LENGTH = 63
BUCKET_RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
BUCKET_RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")
ACCOUNT_REGIONAL_SUFFIX = "-an"
BUCKET_NAMESPACES = ("global", "account-regional")
_ACCOUNT_REGIONAL_NAME = re.compile(
    r"^(?P<prefix>.+)-(?P<account>[0-9]{12})-(?P<region>[a-z]{2,4}(?:-[a-z]+)+-[0-9]+)-an$"
)
# Buckets per account: 10,000 general purpose buckets by default, more on request (BucketRestrictions.html);
# there is no limit on a bucket's size or on the number of objects in it (same page). Read 2026-12-03.
DEFAULT_BUCKET_QUOTA = 10_000
# Request rates: at least this many requests per second per partitioned prefix; S3 partitions a busy prefix
# automatically (answering 503 Slow Down while it scales), so spreading keys over prefixes multiplies the rate.
PREFIX_WRITE_REQUESTS_PER_SECOND = 3_500  # PUT/COPY/POST/DELETE (re:Post http-5xx-errors-s3, read 2026-12-03)
PREFIX_READ_REQUESTS_PER_SECOND = 5_500  # GET/HEAD (same, and Athena's throttling page, read 2026-12-03)
# Object keys: up to 1,024 bytes of UTF-8.
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html (read 2026-11-27)
OBJECT_KEY_MAX_BYTES = 1024

_BUCKET_CHARS = re.compile(r"^[a-z0-9.-]+$")


@checked
def validate_bucket_name(
    name: str, namespace: str = "global", *, account_id: str | None = None, region: str | None = None
) -> str:
    """Return ``name`` if it is a valid general purpose bucket name, else raise ValueError naming the broken rule.

    ``namespace="account-regional"`` checks a name for the account regional namespace, which must end in
    ``-<account_id>-<region>-an`` (pass ``account_id`` and ``region`` to check they are this account's).

    >>> validate_bucket_name("my-pics")
    'my-pics'
    >>> validate_bucket_name("logs-111122223333-us-west-2-an", "account-regional")
    'logs-111122223333-us-west-2-an'
    """
    if not isinstance(name, str):
        raise ValueError(f"bucket name must be a string, got {name!r}")
    validate.choice("namespace", namespace, BUCKET_NAMESPACES)
    if not BUCKET_NAME_MIN_LENGTH <= len(name) <= BUCKET_NAME_MAX_LENGTH:
        raise ValueError(
            f"bucket name {name!r} is {len(name)} characters long; "
            f"allowed: {BUCKET_NAME_MIN_LENGTH} to {BUCKET_NAME_MAX_LENGTH}"
        )
    if not _BUCKET_CHARS.match(name):
        bad = sorted({c for c in name if not re.match(r"[a-z0-9.-]", c)})
        raise ValueError(
            f"bucket name {name!r} contains {''.join(bad)!r}; allowed: lowercase letters, digits, dots and hyphens"
        )
    if not (name[0].isalnum() and name[-1].isalnum()):
        raise ValueError(f"bucket name {name!r} must begin and end with a lowercase letter or a digit")
    if ".." in name:
        raise ValueError(f"bucket name {name!r} has two adjacent dots; a dot must sit between letters or digits")
    try:
        ipaddress.IPv4Address(name)
    except ValueError:
        pass
    else:
        raise ValueError(f"bucket name {name!r} is formatted as an IP address, which is not allowed")
    for prefix in BUCKET_RESERVED_PREFIXES:
        if name.startswith(prefix):
            raise ValueError(f"bucket name {name!r} starts with the reserved prefix {prefix!r}")
    for suffix in BUCKET_RESERVED_SUFFIXES:
        if name.endswith(suffix):
            raise ValueError(f"bucket name {name!r} ends with the reserved suffix {suffix!r}")
    if namespace == "global":
        if name.endswith(ACCOUNT_REGIONAL_SUFFIX):
            raise ValueError(
                f"bucket name {name!r} ends with {ACCOUNT_REGIONAL_SUFFIX!r}, which only buckets created in an "
                "account regional namespace may use"
            )
        return name
    match = _ACCOUNT_REGIONAL_NAME.match(name)
    if match is None:
        raise ValueError(
            f"bucket name {name!r} is not of the account regional form <prefix>-<12-digit account id>-<region>-an"
        )
    for label, given in (("account", account_id), ("region", region)):
        if given is not None and match[label] != given:
            raise ValueError(f"bucket name {name!r} names {label} {match[label]!r}, not this bucket's {given!r}")
    return name


@checked
def validate_object_key(key: str) -> str:
    """Return ``key`` if S3 accepts it as an object key (1 to 1,024 bytes of UTF-8), else raise ValueError.

    >>> validate_object_key("photos/2026/cat.jpg")
    'photos/2026/cat.jpg'
    """
    if not isinstance(key, str) or key == "":
        raise ValueError(f"object key must be a non-empty string, got {key!r}")
    size = len(key.encode("utf-8"))
    if size > OBJECT_KEY_MAX_BYTES:
        raise ValueError(f"object key is {size} bytes of UTF-8; allowed: at most {OBJECT_KEY_MAX_BYTES} bytes")
    return key


@checked
def s3_arn(bucket: str, key: str | None = None, partition: str = "aws") -> str:
    """Return the ARN of a bucket, or of an object in it (S3 ARNs carry no region and no account).

    >>> s3_arn("my-pics", "photos/cat.jpg")
    'arn:aws:s3:::my-pics/photos/cat.jpg'
    """
    validate_bucket_name(bucket)
    if key is None:
        return f"arn:{partition}:s3:::{bucket}"
    return f"arn:{partition}:s3:::{bucket}/{validate_object_key(key)}"


@checked
def object_url(bucket: str, key: str, region: str = "us-east-1") -> str:
    """Return the virtual-hosted-style URL of an object.

    >>> object_url("my-pics", "cat.jpg", "eu-west-1")
    'https://my-pics.s3.eu-west-1.amazonaws.com/cat.jpg'
    """
    validate_bucket_name(bucket)
    host = "s3.amazonaws.com" if region == "us-east-1" else f"s3.{region}.amazonaws.com"
    return f"https://{bucket}.{host}/{validate_object_key(key)}"


# --- Storage classes --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StorageClass:
    """Billing and availability rules of one storage class (prices are us-east-1 list prices, USD).

    >>> c = STORAGE_CLASSES["STANDARD_IA"]
    >>> c.min_days, c.min_billable_bytes, c.usd_per_gb_month
    (30, 131072, 0.0125)
    """

    name: str
    title: str
    availability: float  # designed availability, fraction
    azs: int  # Availability Zones the data is stored in (1 or >= 3)
    min_days: int  # minimum storage duration, days
    min_billable_bytes: int  # objects smaller than this are billed as this size
    archive_overhead_bytes: int  # extra bytes billed at this class's rate per object
    standard_overhead_bytes: int  # extra bytes billed at the STANDARD rate per object (index)
    usd_per_gb_month: float  # storage
    usd_per_1000_put: float  # PUT, COPY, POST, LIST and lifecycle transitions INTO this class
    usd_per_1000_get: float  # GET, SELECT and other reads
    usd_per_gb_retrieved: float  # retrieval fee (standard tier for the archive classes)
    usd_per_1000_restore: float  # restore requests (archive classes, standard tier)
    instant_access: bool  # readable without a restore
    usd_per_1000_transition: float | None = None  # lifecycle transitions INTO this class, when not the PUT price

    @property
    def transition_usd_per_1000(self) -> float:
        """USD per 1,000 lifecycle transition requests into this class."""
        return self.usd_per_1000_put if self.usd_per_1000_transition is None else self.usd_per_1000_transition

    @property
    def durability(self) -> float:
        """Designed durability, fraction per object per year (eleven nines for every class)."""
        return DURABILITY


# Durability and availability: https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html
# Minimum durations and sizes: same page and lifecycle-transition-general-considerations.html (read 2026-11-27).
# Prices: https://aws.amazon.com/s3/pricing/ US East (N. Virginia), first 50 TB tier, list prices (read 2026-11-27).
DURABILITY = 0.99999999999
STORAGE_CLASSES: dict[str, StorageClass] = {
    c.name: c
    for c in [
        StorageClass(
            name="STANDARD",
            title="S3 Standard",
            availability=0.9999,
            azs=3,
            min_days=0,
            min_billable_bytes=0,
            archive_overhead_bytes=0,
            standard_overhead_bytes=0,
            usd_per_gb_month=0.023,
            usd_per_1000_put=0.005,
            usd_per_1000_get=0.0004,
            usd_per_gb_retrieved=0.0,
            usd_per_1000_restore=0.0,
            instant_access=True,
        ),
        StorageClass(
            name="INTELLIGENT_TIERING",
            title="S3 Intelligent-Tiering",
            availability=0.999,
            azs=3,
            min_days=0,
            min_billable_bytes=0,
            archive_overhead_bytes=0,
            standard_overhead_bytes=0,
            usd_per_gb_month=0.023,
            usd_per_1000_put=0.005,
            usd_per_1000_get=0.0004,
            usd_per_gb_retrieved=0.0,
            usd_per_1000_restore=0.0,
            instant_access=True,
            usd_per_1000_transition=0.01,
        ),
        StorageClass(
            name="STANDARD_IA",
            title="S3 Standard-IA",
            availability=0.999,
            azs=3,
            min_days=30,
            min_billable_bytes=128 * KIB,
            archive_overhead_bytes=0,
            standard_overhead_bytes=0,
            usd_per_gb_month=0.0125,
            usd_per_1000_put=0.01,
            usd_per_1000_get=0.001,
            usd_per_gb_retrieved=0.01,
            usd_per_1000_restore=0.0,
            instant_access=True,
        ),
        StorageClass(
            name="ONEZONE_IA",
            title="S3 One Zone-IA",
            availability=0.995,
            azs=1,
            min_days=30,
            min_billable_bytes=128 * KIB,
            archive_overhead_bytes=0,
            standard_overhead_bytes=0,
            usd_per_gb_month=0.01,
            usd_per_1000_put=0.01,
            usd_per_1000_get=0.001,
            usd_per_gb_retrieved=0.01,
            usd_per_1000_restore=0.0,
            instant_access=True,
        ),
        StorageClass(
            name="GLACIER_IR",
            title="S3 Glacier Instant Retrieval",
            availability=0.999,
            azs=3,
            min_days=90,
            min_billable_bytes=128 * KIB,
            archive_overhead_bytes=0,
            standard_overhead_bytes=0,
            usd_per_gb_month=0.004,
            usd_per_1000_put=0.02,
            usd_per_1000_get=0.01,
            usd_per_gb_retrieved=0.03,
            usd_per_1000_restore=0.0,
            instant_access=True,
        ),
        StorageClass(
            name="GLACIER",
            title="S3 Glacier Flexible Retrieval",
            availability=0.9999,
            azs=3,
            min_days=90,
            min_billable_bytes=0,
            archive_overhead_bytes=32 * KIB,
            standard_overhead_bytes=8 * KIB,
            usd_per_gb_month=0.0036,
            usd_per_1000_put=0.03,
            usd_per_1000_get=0.0004,
            usd_per_gb_retrieved=0.01,
            usd_per_1000_restore=0.05,
            instant_access=False,
        ),
        StorageClass(
            name="DEEP_ARCHIVE",
            title="S3 Glacier Deep Archive",
            availability=0.9999,
            azs=3,
            min_days=180,
            min_billable_bytes=0,
            archive_overhead_bytes=32 * KIB,
            standard_overhead_bytes=8 * KIB,
            usd_per_gb_month=0.00099,
            usd_per_1000_put=0.05,
            usd_per_1000_get=0.0004,
            usd_per_gb_retrieved=0.02,
            usd_per_1000_restore=0.10,
            instant_access=False,
        ),
    ]
}
# Intelligent-Tiering: monitoring and automation per 1,000 objects of 128 KB or more per month, and its tiers.
INTELLIGENT_TIERING_MONITORING_USD_PER_1000_OBJECTS = 0.0025
INTELLIGENT_TIERING_MIN_MONITORED_BYTES = 128 * KIB
INTELLIGENT_TIERING_TIERS_USD_PER_GB_MONTH = {"frequent": 0.023, "infrequent": 0.0125, "archive_instant": 0.004}
INTELLIGENT_TIERING_TIER_AFTER_DAYS = {"infrequent": 30, "archive_instant": 90}
# Days in a billing month for GB-month arithmetic (S3 averages byte-hours over the month; we use 30-day months).
DAYS_PER_MONTH = 30


@checked
def class_rules(name: str) -> StorageClass:
    """Return the rules of a storage class by its API name (STANDARD, STANDARD_IA, ..., DEEP_ARCHIVE).

    >>> class_rules("GLACIER").instant_access
    False
    """
    return STORAGE_CLASSES[validate.choice("storage class name", name, STORAGE_CLASSES)]


@dataclass(frozen=True)
class BillableStorage:
    """What S3 bills for one object: bytes at the class's rate, days, and bytes at the STANDARD rate.

    >>> b = billable_storage(1024, 10, "STANDARD_IA")
    >>> b.bytes, b.days
    (131072, 30)
    """

    bytes: int
    days: float
    standard_bytes: int
    storage_class: str

    def usd(self, prices: dict[str, float] | None = None) -> float:
        """Storage charge in USD for these bytes and days at the given (or list) USD per GB-month prices."""
        price = _price_table(prices)
        gb_days = self.bytes / GIB * price[self.storage_class] + self.standard_bytes / GIB * price["STANDARD"]
        return gb_days * self.days / DAYS_PER_MONTH


def _price_table(prices: dict[str, float] | None) -> dict[str, float]:
    table = {name: c.usd_per_gb_month for name, c in STORAGE_CLASSES.items()}
    for name, value in (prices or {}).items():
        validate.choice("storage_class", name, STORAGE_CLASSES)
        table[name] = validate.number(f"prices[{name!r}]", value, minimum=0, unit="USD per GB-month")
    return table


@checked
def billable_storage(size_bytes: int, days_stored: float, storage_class: str) -> BillableStorage:
    """Billable bytes and days for one object kept ``days_stored`` days in a class (minimum size and duration applied).

    >>> billable_storage(1024, 10, "STANDARD").bytes
    1024
    """
    size_bytes = validate.integer("size_bytes", size_bytes, minimum=0, maximum=MAX_OBJECT_BYTES, unit="bytes")
    days_stored = validate.number("days_stored", days_stored, minimum=0, unit="days")
    cls = class_rules(validate.choice("storage_class", storage_class, STORAGE_CLASSES))
    billed_bytes = max(size_bytes, cls.min_billable_bytes) + cls.archive_overhead_bytes
    return BillableStorage(
        bytes=billed_bytes,
        days=max(days_stored, cls.min_days),
        standard_bytes=cls.standard_overhead_bytes,
        storage_class=cls.name,
    )


# --- Availability and durability figures ----------------------------------------------------------------------
MINUTES_PER_YEAR = 365.25 * 24 * 60


@checked
def downtime_minutes_per_year(availability: float) -> float:
    """Expected minutes per year a service with this availability (fraction) is unavailable.

    >>> round(downtime_minutes_per_year(0.9999), 1)
    52.6
    """
    availability = validate.number("availability", availability, minimum=0, maximum=1)
    return (1 - availability) * MINUTES_PER_YEAR


# --- Multipart upload -------------------------------------------------------------------------------------------
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html (read 2026-11-27)
MIN_PART_BYTES = 5 * MIB
MAX_PART_BYTES = 5 * GIB
MAX_PARTS = 10_000
MAX_SINGLE_PUT_BYTES = 5 * GIB
MAX_OBJECT_BYTES = MAX_PARTS * MAX_PART_BYTES  # 48.8 TiB (it was 5 TB until 2025)


@dataclass(frozen=True)
class MultipartPlan:
    """A multipart upload: every part ``part_size`` bytes except the last, ``last_part_size``.

    >>> p = plan_multipart_upload(12 * MIB, 5 * MIB)
    >>> p.part_count, p.last_part_size // MIB
    (3, 2)
    """

    object_size: int
    part_size: int
    part_count: int
    last_part_size: int

    def part_ranges(self) -> list[tuple[int, int]]:
        """(first byte, last byte) of every part, inclusive, as an HTTP Range header would name them."""
        return [
            (i * self.part_size, min((i + 1) * self.part_size, self.object_size) - 1) for i in range(self.part_count)
        ]


@checked
def plan_multipart_upload(object_size_bytes: int, part_size_bytes: int | None = None) -> MultipartPlan:
    """Plan the parts of a multipart upload; without a part size, the smallest whole MiB (>= 5) within 10,000 parts.

    >>> p = plan_multipart_upload(100 * GIB)
    >>> p.part_count, p.part_size
    (9310, 11534336)
    """
    size = validate.integer("object_size_bytes", object_size_bytes, minimum=1, maximum=MAX_OBJECT_BYTES, unit="bytes")
    if part_size_bytes is None:
        part = max(MIN_PART_BYTES, math.ceil(size / MAX_PARTS / MIB) * MIB)
    else:
        part = validate.integer(
            "part_size_bytes",
            part_size_bytes,
            minimum=MIN_PART_BYTES,
            maximum=MAX_PART_BYTES,
            unit="bytes (5 MiB-5 GiB)",
        )
    count = math.ceil(size / part)
    if count > MAX_PARTS:
        raise ValueError(
            f"part_size_bytes={part} splits {size} bytes into {count} parts; at most {MAX_PARTS} are allowed, "
            f"so parts must be at least {math.ceil(size / MAX_PARTS)} bytes"
        )
    return MultipartPlan(object_size=size, part_size=part, part_count=count, last_part_size=size - (count - 1) * part)


@dataclass(frozen=True)
class UploadEstimate:
    """Time and bytes on the wire for one upload strategy.

    >>> e = upload_estimate(GIB, 100)
    >>> round(e.seconds, 1)
    85.9
    """

    seconds: float
    expected_bytes_sent: float
    retransmitted_fraction: float


@checked
def upload_estimate(
    object_size_bytes: int,
    bandwidth_mbps: float,
    parallel_streams: int = 1,
    part_size_bytes: int | None = None,
    failures_per_gib: float = 0.0,
    per_stream_mbps: float | None = None,
) -> UploadEstimate:
    """Expected time and bytes sent for an upload; with ``part_size_bytes=None`` a single PUT of the whole object.

    Failures strike at random points (``failures_per_gib`` per GiB sent); a failed single PUT starts again from byte 0,
    a failed part resends only that part. For a chunk of s bytes under hazard h per byte the expected bytes sent before
    it completes is (exp(h*s) - 1) / h. Throughput is ``min(bandwidth, streams * per_stream)``.

    >>> round(upload_estimate(8 * GIB, 500, 8, 64 * MIB, failures_per_gib=0.5).seconds)
    140
    """
    size = validate.integer("object_size_bytes", object_size_bytes, minimum=1, maximum=MAX_OBJECT_BYTES, unit="bytes")
    bandwidth = validate.number("bandwidth_mbps", bandwidth_mbps, minimum=0, exclusive_minimum=True, unit="Mbit/s")
    streams = validate.integer("parallel_streams", parallel_streams, minimum=1, maximum=MAX_PARTS)
    hazard_per_gib = validate.number("failures_per_gib", failures_per_gib, minimum=0, maximum=1000)
    if part_size_bytes is None:
        if size > MAX_SINGLE_PUT_BYTES:
            raise ValueError(
                f"object_size_bytes={size} is over the {MAX_SINGLE_PUT_BYTES}-byte single PUT limit: use multipart"
            )
        chunks = [size]
        streams = 1
    else:
        plan = plan_multipart_upload(size, part_size_bytes)
        chunks = [plan.part_size] * (plan.part_count - 1) + [plan.last_part_size]
    h = hazard_per_gib / GIB
    sent = sum(c if h == 0 else math.expm1(h * c) / h for c in chunks)
    stream_rate = (
        bandwidth
        if per_stream_mbps is None
        else validate.number("per_stream_mbps", per_stream_mbps, minimum=0, exclusive_minimum=True, unit="Mbit/s")
    )
    rate_bytes = min(bandwidth, streams * stream_rate) * 1e6 / 8
    return UploadEstimate(seconds=sent / rate_bytes, expected_bytes_sent=sent, retransmitted_fraction=sent / size - 1)


MAX_BYTE_RANGES = 100_000  # the model's bound on the list it returns


@checked
def byte_ranges(object_size_bytes: int, range_size_bytes: int) -> list[str]:
    """HTTP Range header values that fetch an object in pieces of ``range_size_bytes`` (the last may be shorter).

    >>> byte_ranges(10, 4)
    ['bytes=0-3', 'bytes=4-7', 'bytes=8-9']
    """
    size = validate.integer("object_size_bytes", object_size_bytes, minimum=1, maximum=MAX_OBJECT_BYTES, unit="bytes")
    step = validate.integer("range_size_bytes", range_size_bytes, minimum=1, unit="bytes")
    if -(-size // step) > MAX_BYTE_RANGES:
        raise ValueError(
            f"object_size_bytes={size} in pieces of range_size_bytes={step} gives {-(-size // step):,} ranges; "
            f"this model lists at most {MAX_BYTE_RANGES:,} (use larger ranges)"
        )
    return [f"bytes={start}-{min(start + step, size) - 1}" for start in range(0, size, step)]


# --- Presigned URLs ------------------------------------------------------------------------------------------------
# https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (read 2026-11-27)
MAX_PRESIGN_SECONDS = 604_800

__all__ = [
    "PresignedUrl",
    "presigned_url",
    "validate_bucket_name",
    "validate_object_key",
    "billable_storage",
    "plan_multipart_upload",
]


@checked
def presigned_url(
    bucket: str,
    key: str,
    *,
    access_key: str,
    secret_key: str,
    region: str,
    expires_in: int,
    timestamp,
    method: str = "GET",
) -> PresignedUrl:
    """A SigV4 query-string-signed URL for one object, with every intermediate step of the signature kept.

    >>> from datetime import datetime, timezone
    >>> url = presigned_url("examplebucket", "test.txt", access_key="AKIAIOSFODNN7EXAMPLE", secret_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region="us-east-1", expires_in=86400, timestamp=datetime(2013, 5, 24, tzinfo=timezone.utc))
    >>> url.signature
    'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
    """
    validate_bucket_name(bucket)
    validate_object_key(key)
    validate.integer("expires_in", expires_in, minimum=1, maximum=MAX_PRESIGN_SECONDS, unit="seconds")
    return presign_s3_url(
        bucket,
        key,
        access_key=access_key,
        secret_key=secret_key,
        region=region,
        expires_in=expires_in,
        timestamp=timestamp,
        method=method,
    )
