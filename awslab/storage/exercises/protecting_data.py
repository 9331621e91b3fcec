"""Exercises for 03_protecting_data: bytes billed under versioning, which call needs MFA, which encryption option.

References:
    - Amazon S3 User Guide, "Retaining multiple versions of objects with S3 Versioning",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html (read 2026-12-03)
    - Amazon S3 User Guide, "Configuring MFA delete",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html (read 2026-12-03)
    - Amazon S3 User Guide, "Protecting data with encryption",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingEncryption.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.storage.s3_encryption import ENCRYPTION_OPTIONS, MFA_DELETE_OPERATIONS, mfa_delete_required
from awslab.storage.s3_versioning import VersionedBucket

REPORT = b"x" * 1_000


def _story() -> VersionedBucket:
    bucket = VersionedBucket()
    bucket.set_versioning("Enabled")
    bucket.put_object("report.csv", REPORT)
    bucket.put_object("report.csv", REPORT)
    bucket.delete_object("report.csv")
    bucket.set_versioning("Suspended")
    bucket.put_object("report.csv", REPORT)
    bucket.put_object("report.csv", REPORT)
    return bucket


_BUCKET = _story()
_STORED = _BUCKET.stored_bytes()
_LISTING = _BUCKET.list_object_versions()

billed_bytes = exercises.number(
    "protecting-data-1",
    "How many bytes does the history bill?",
    task=(
        "On a new bucket: enable versioning, PUT a 1,000-byte `report.csv` twice, DELETE it (no version id), "
        "suspend versioning, then PUT a 1,000-byte `report.csv` twice more. How many bytes of object data are "
        "billed now?"
    ),
    answer=_STORED,
    hint=(
        "Replay it with `VersionedBucket()` (`set_versioning`, `put_object`, `delete_object`) and call "
        "`stored_bytes()`. While versioning is suspended, what version id does a new PUT get, and what happens to "
        "an older version with that id?"
    ),
    solution=(
        f"{_STORED:,} bytes. The two PUTs while enabled keep two 1,000-byte versions; the DELETE adds a delete marker "
        "(no body); while suspended each PUT writes version `null`, and the second replaces the first. So "
        f"{len(_LISTING['Versions'])} versions with a body and {len(_LISTING['DeleteMarkers'])} delete marker remain. "
        "Counting only the current object gives 1,000; forgetting the null replacement gives 4,000."
    ),
    unit="bytes",
    tolerance=0.0,
)

_CHOICES = tuple(op for op in MFA_DELETE_OPERATIONS if op != "PutBucketVersioning")
_NEEDS_MFA = [op for op in _CHOICES if mfa_delete_required(op, True)]
assert len(_NEEDS_MFA) == 1, _NEEDS_MFA

mfa_operation = exercises.choice(
    "protecting-data-2",
    "Which call asks for the MFA code?",
    task="A bucket has versioning and MFA delete on. Which of these requests must carry an MFA code?",
    choices=_CHOICES,
    answer=_NEEDS_MFA[0],
    hint="Read the MFA delete table: only what destroys history for good is protected. Does a delete marker?",
    solution=(
        f"{_NEEDS_MFA[0]}: it removes a version permanently. A DELETE without a version id only adds a delete marker, "
        "which you can remove to bring the object back, so it needs no MFA; neither do reads and writes. The other "
        "protected call is PutBucketVersioning (changing the versioning state or MFA delete itself)."
    ),
)

_AUDITED_SINGLE = [
    o["option"]
    for o in ENCRYPTION_OPTIONS
    if "CloudTrail" in o["audit of key use"] and "twice" not in o["who encrypts"]
]
assert len(_AUDITED_SINGLE) == 1, _AUDITED_SINGLE

audited_encryption = exercises.choice(
    "protecting-data-3",
    "Which encryption option fits the auditors?",
    task=(
        "Compliance wants S3 to encrypt new objects on write, every use of the key logged, and a key policy that "
        "decides who may decrypt. One layer of encryption is enough. Which option do you choose?"
    ),
    choices=tuple(o["option"] for o in ENCRYPTION_OPTIONS),
    answer=_AUDITED_SINGLE[0],
    hint="Read the 'audit of key use' and 'who encrypts' rows of the encryption table.",
    solution=(
        f"{_AUDITED_SINGLE[0]}: S3 encrypts with a data key from KMS, each use is a KMS call logged in CloudTrail, "
        "and the key policy controls decryption. DSSE-KMS adds a second layer the task does not ask for; SSE-S3 has no "
        "per-request key audit; with SSE-C and client-side encryption the audit is yours to build."
    ),
)
