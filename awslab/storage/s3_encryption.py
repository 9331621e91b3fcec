"""S3's encryption options side by side, and client-side envelope encryption with AES-GCM.

Options and defaults: https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html and
UsingClientSideEncryption.html (read 2026-11-27). Since 5 January 2023 every new object is encrypted with SSE-S3
unless the request or the bucket asks for something else. Since April 2026 SSE-C is blocked by default on every new
general purpose bucket (and on existing buckets of accounts that held no SSE-C objects): uploads that ask for it get
403 AccessDenied until the bucket's encryption configuration sets ``BlockedEncryptionTypes`` to ``NONE``; objects
already stored with SSE-C stay readable.

References:
    - Amazon S3 User Guide, "Protecting data with server-side encryption",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html (read 2026-11-27)
    - Amazon S3 User Guide, "Protecting data by using client-side encryption",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingClientSideEncryption.html (read 2026-11-27)
    - Amazon S3 User Guide, "Blocking or unblocking SSE-C for a general purpose bucket" (SSE-C disabled by default
      from April 2026), https://docs.aws.amazon.com/AmazonS3/latest/userguide/blocking-unblocking-s3-c-encryption-gpb.html
      (read 2026-12-03)
    - Amazon S3 API Reference, "BlockedEncryptionTypes" (valid values NONE | SSE-C),
      https://docs.aws.amazon.com/AmazonS3/latest/API/API_BlockedEncryptionTypes.html (read 2026-12-03)
    - Amazon S3 User Guide, "Specifying dual-layer server-side encryption with AWS KMS keys (DSSE-KMS)",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/specifying-dsse-encryption.html (read 2026-12-03)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from awslab.validate import checked

ENCRYPTION_OPTIONS = [
    {
        "option": "SSE-S3",
        "request header": "x-amz-server-side-encryption: AES256",
        "who creates the key": "S3",
        "who stores and protects the key": "S3 (keys rotated and wrapped by S3)",
        "who encrypts": "S3, on write",
        "audit of key use": "no per-request key audit",
        "extra cost": "none",
    },
    {
        "option": "SSE-KMS",
        "request header": "x-amz-server-side-encryption: aws:kms",
        "who creates the key": "you, in KMS (or the AWS managed key aws/s3)",
        "who stores and protects the key": "KMS (HSM-backed)",
        "who encrypts": "S3, with a data key from KMS",
        "audit of key use": "every use logged in CloudTrail; key policy controls who may decrypt",
        "extra cost": "KMS requests (reduced by S3 Bucket Keys)",
    },
    {
        "option": "DSSE-KMS",
        "request header": "x-amz-server-side-encryption: aws:kms:dsse",
        "who creates the key": "you, in KMS (or the AWS managed key aws/s3)",
        "who stores and protects the key": "KMS (HSM-backed)",
        "who encrypts": "S3, twice: two independent layers of encryption, for rules that demand two layers",
        "audit of key use": "every use logged in CloudTrail; key policy controls who may decrypt",
        "extra cost": "KMS requests (S3 Bucket Keys do not apply to DSSE-KMS); see the S3 pricing page",
    },
    {
        "option": "SSE-C",
        "request header": "x-amz-server-side-encryption-customer-algorithm: AES256 (+ key, key MD5)",
        "who creates the key": "you",
        "who stores and protects the key": "you: S3 keeps only a salted HMAC of it",
        "who encrypts": "S3, with the key you send on every request (HTTPS only)",
        "audit of key use": "yours to build",
        "extra cost": "none; lose the key and the data is gone. Blocked by default on new buckets since April 2026",
    },
    {
        "option": "client-side",
        "request header": "none: S3 receives ciphertext",
        "who creates the key": "you (often a KMS data key)",
        "who stores and protects the key": "you",
        "who encrypts": "your application, before upload",
        "audit of key use": "yours to build",
        "extra cost": "your CPU time; S3 never sees plaintext",
    },
]


# Blocking SSE-C (blocking-unblocking-s3-c-encryption-gpb.html, API_BlockedEncryptionTypes.html, read 2026-12-03).
SSE_C_BLOCKED_BY_DEFAULT_SINCE = "2026-04"
BLOCKED_ENCRYPTION_TYPES = ("NONE", "SSE-C")
NEW_BUCKET_BLOCKED_ENCRYPTION_TYPES = ("SSE-C",)


@checked
def sse_c_upload_allowed(
    blocked_encryption_types: tuple[str, ...] | list[str] = NEW_BUCKET_BLOCKED_ENCRYPTION_TYPES,
) -> bool:
    """Does a bucket with this ``BlockedEncryptionTypes`` list accept a PutObject that asks for SSE-C?

    The default is a bucket created since April 2026, which blocks SSE-C until its owner sets ``["NONE"]``.
    Reads of objects already stored with SSE-C are never blocked.

    >>> sse_c_upload_allowed(), sse_c_upload_allowed(["NONE"])
    (False, True)
    """
    types = list(blocked_encryption_types)
    for value in types:
        if value not in BLOCKED_ENCRYPTION_TYPES:
            raise ValueError(
                f"blocked_encryption_types holds {value!r}; allowed: {', '.join(BLOCKED_ENCRYPTION_TYPES)}"
            )
    return "SSE-C" not in types


@dataclass(frozen=True)
class Envelope:
    """Client-side encrypted object: the ciphertext and what is needed to decrypt it (kept as object metadata).

    >>> e = encrypt_client_side(b"secret", bytes(32))
    >>> len(e.ciphertext) > len(b"secret")
    True
    """

    ciphertext: bytes
    nonce: bytes
    wrapped_data_key: bytes
    wrap_nonce: bytes


@checked
def encrypt_client_side(plaintext: bytes, master_key: bytes, associated_data: bytes = b"") -> Envelope:
    """Envelope encryption: a fresh 256-bit data key encrypts the data; the master key encrypts the data key.

    >>> e = encrypt_client_side(b"secret", bytes(32))
    >>> b"secret" in e.ciphertext
    False
    """
    if len(master_key) != 32:
        raise ValueError(f"master_key must be 32 bytes (AES-256), got {len(master_key)} bytes")
    data_key = AESGCM.generate_key(bit_length=256)
    nonce, wrap_nonce = os.urandom(12), os.urandom(12)
    ciphertext = AESGCM(data_key).encrypt(nonce, plaintext, associated_data)
    wrapped = AESGCM(master_key).encrypt(wrap_nonce, data_key, b"data-key")
    return Envelope(ciphertext=ciphertext, nonce=nonce, wrapped_data_key=wrapped, wrap_nonce=wrap_nonce)


@checked
def decrypt_client_side(envelope: Envelope, master_key: bytes, associated_data: bytes = b"") -> bytes:
    """Unwrap the data key with the master key, then decrypt; a wrong key or altered byte raises InvalidTag.

    >>> decrypt_client_side(encrypt_client_side(b"secret", bytes(32)), bytes(32))
    b'secret'
    """
    data_key = AESGCM(master_key).decrypt(envelope.wrap_nonce, envelope.wrapped_data_key, b"data-key")
    return AESGCM(data_key).decrypt(envelope.nonce, envelope.ciphertext, associated_data)


@checked
def mfa_delete_required(operation: str, mfa_delete_enabled: bool) -> bool:
    """Does S3 demand an MFA code for this operation? (only permanent version deletes and versioning changes).

    >>> mfa_delete_required("DeleteObject with VersionId", True), mfa_delete_required("PutObject", True)
    (True, False)
    """
    operations = {
        "PutObject": False,
        "DeleteObject (adds a delete marker)": False,
        "DeleteObject with VersionId": True,
        "PutBucketVersioning": True,
        "GetObject": False,
    }
    if operation not in operations:
        raise ValueError(f"operation={operation!r} is not one of: {', '.join(operations)}")
    return mfa_delete_enabled and operations[operation]


MFA_DELETE_OPERATIONS = [
    "PutObject",
    "GetObject",
    "DeleteObject (adds a delete marker)",
    "DeleteObject with VersionId",
    "PutBucketVersioning",
]
