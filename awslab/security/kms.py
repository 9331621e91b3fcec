"""KMS envelope encryption with real AES-256-GCM, key rotation, encryption context and an audit trail.

A KMS key never leaves the service: it encrypts at most 4 KiB directly, so for real data KMS hands out a data
key in two forms, plaintext (use it, then forget it) and encrypted under the KMS key (store it next to the data).
Rotation adds new key material but keeps the old, so ciphertexts made before rotation still decrypt: each
ciphertext records which material made it. The encryption context is authenticated (AES-GCM additional data)
and logged, so decryption needs exactly the same context.

This is a teaching model of the service, not its wire format. Limits: AWS KMS Developer Guide, read 2026-11-27.

References:
    - AWS KMS API Reference, "Encrypt" (plaintext up to 4,096 bytes),
      https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html (read 2026-11-27)
    - AWS KMS Developer Guide, "Rotate AWS KMS keys",
      https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html (read 2026-11-27)
    - Amazon S3 User Guide, "Protecting data with server-side encryption",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html (read 2026-11-27)
    - Amazon S3 User Guide, "Protecting data by using client-side encryption",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingClientSideEncryption.html (read 2026-11-27)
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

# KMS Developer Guide, "Encrypt" API: plaintext up to 4,096 bytes (read 2026-11-27).
MAX_DIRECT_PLAINTEXT_BYTES = 4096
# KMS Developer Guide, rotate-keys: automatic rotation period 90-2560 days, default 365 (read 2026-11-27).
ROTATION_PERIOD_DAYS_DEFAULT = 365
ROTATION_PERIOD_DAYS_RANGE = (90, 2560)
# GenerateDataKey KeySpec values and their sizes.
DATA_KEY_SPECS = {"AES_128": 16, "AES_256": 32}
NONCE_BYTES = 12
_HEADER = struct.Struct(">HH")


@dataclass(frozen=True)
class KmsKey:
    """A symmetric KMS key: its ID and every version of its key material (the last one encrypts).

    >>> create_key("k1", seed=0).enabled
    True
    """

    key_id: str
    material: tuple[bytes, ...]
    enabled: bool = True

    @property
    def version_count(self) -> int:
        """How many generations of key material the key holds (1 + number of rotations)."""
        return len(self.material)


@dataclass(frozen=True)
class DataKey:
    """GenerateDataKey's answer: the plaintext key (use and discard) and the same key encrypted under the KMS key.

    >>> len(generate_data_key(create_key("k1", seed=0), seed=1).plaintext)
    32
    """

    plaintext: bytes
    ciphertext_blob: bytes


@dataclass(frozen=True)
class Envelope:
    """What you store: the encrypted data key, the nonce and the data encrypted under the data key.

    >>> envelope = envelope_encrypt(create_key("k1", seed=0), b"report", {"dept": "finance"}, seed=1)
    >>> envelope.encryption_context
    {'dept': 'finance'}
    """

    encrypted_data_key: bytes
    nonce: bytes
    ciphertext: bytes
    encryption_context: dict[str, str] = field(default_factory=dict)


@dataclass
class AuditTrail:
    """A CloudTrail-like record of key use: every call appends one event (eventName, keyId, version, context).

    >>> audit = AuditTrail()
    >>> key = create_key("k1", seed=0)
    >>> _ = encrypt(key, b"hi", audit=audit, seed=1)
    >>> [e["eventName"] for e in audit.events]
    ['Encrypt']
    """

    events: list[dict[str, object]] = field(default_factory=list)

    def record(self, name: str, key: KmsKey, version: int, context: dict[str, str]) -> None:
        """Append one event."""
        self.events.append(
            {"eventName": name, "keyId": key.key_id, "keyVersion": version, "encryptionContext": dict(context)}
        )

    def table(self) -> pd.DataFrame:
        """The events as a table."""
        import pandas as pd

        return pd.DataFrame(self.events, columns=["eventName", "keyId", "keyVersion", "encryptionContext"])


def _random_bytes(n: int, rng: np.random.Generator | None) -> bytes:
    return os.urandom(n) if rng is None else rng.bytes(n)


def _rng(seed: int | None) -> np.random.Generator | None:
    return None if seed is None else np.random.default_rng(seed)


def _context(encryption_context: dict[str, str] | None) -> dict[str, str]:
    if encryption_context is None:
        return {}
    if not isinstance(encryption_context, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in encryption_context.items()
    ):
        raise ValueError(f"encryption_context must map strings to strings, got {encryption_context!r}")
    return encryption_context


def _aad(context: dict[str, str]) -> bytes:
    return json.dumps(context, sort_keys=True, separators=(",", ":")).encode()


@checked
def create_key(key_id: str = "1234abcd-12ab-34cd-56ef-1234567890ab", seed: int | None = None) -> KmsKey:
    """A new enabled KMS key with one 256-bit version; ``seed`` makes the material reproducible (teaching only).

    >>> create_key("k1", seed=0).key_id
    'k1'
    """
    if not isinstance(key_id, str) or not key_id:
        raise ValueError(f"key_id must be a non-empty string, got {key_id!r}")
    return KmsKey(key_id, (_random_bytes(32, _rng(seed)),))


@checked
def rotate_key(key: KmsKey, seed: int | None = None) -> KmsKey:
    """Add a new generation of key material; older generations stay so old ciphertexts still decrypt.

    >>> len(rotate_key(create_key("k1", seed=0), seed=1).material)
    2
    """
    return replace(key, material=key.material + (_random_bytes(32, _rng(seed)),))


@checked
def disable_key(key: KmsKey) -> KmsKey:
    """A disabled key refuses every cryptographic operation until enabled again.

    >>> disable_key(create_key("k1", seed=0)).enabled
    False
    """
    return replace(key, enabled=False)


@checked
def enable_key(key: KmsKey) -> KmsKey:
    """Re-enable a disabled key.

    >>> enable_key(disable_key(create_key("k1", seed=0))).enabled
    True
    """
    return replace(key, enabled=True)


@checked
def encrypt(
    key: KmsKey,
    plaintext: bytes,
    encryption_context: dict[str, str] | None = None,
    *,
    audit: AuditTrail | None = None,
    seed: int | None = None,
) -> bytes:
    """KMS Encrypt: at most 4 KiB under the key's newest material; the blob records the material version.

    >>> key = create_key("k1", seed=0)
    >>> decrypt(key, encrypt(key, b"secret", {"app": "web"}, seed=1), {"app": "web"})
    b'secret'
    """
    if not key.enabled:
        raise ValueError(f"key {key.key_id} is disabled (DisabledException): enable it before use")
    if not isinstance(plaintext, bytes):
        raise ValueError(f"plaintext must be bytes, got {type(plaintext).__name__}")
    validate.integer("len(plaintext)", len(plaintext), minimum=1, maximum=MAX_DIRECT_PLAINTEXT_BYTES, unit="bytes")
    context = _context(encryption_context)
    version = key.version_count - 1
    nonce = _random_bytes(NONCE_BYTES, _rng(seed))
    sealed = AESGCM(key.material[version]).encrypt(nonce, plaintext, _aad(context))
    if audit is not None:
        audit.record("Encrypt", key, version, context)
    return _HEADER.pack(version, len(nonce)) + nonce + sealed


@checked
def decrypt(
    key: KmsKey,
    ciphertext_blob: bytes,
    encryption_context: dict[str, str] | None = None,
    *,
    audit: AuditTrail | None = None,
) -> bytes:
    """KMS Decrypt: picks the material version named in the blob; a wrong key, context or a changed byte fails.

    >>> key = create_key("k1", seed=0)
    >>> blob = encrypt(key, b"secret", seed=1)
    >>> decrypt(rotate_key(key, seed=2), blob)
    b'secret'
    """
    if not key.enabled:
        raise ValueError(f"key {key.key_id} is disabled (DisabledException): enable it before use")
    if not isinstance(ciphertext_blob, bytes) or len(ciphertext_blob) < _HEADER.size + NONCE_BYTES + 16:
        raise ValueError("ciphertext_blob is too short to be a KMS ciphertext (InvalidCiphertextException)")
    version, nonce_len = _HEADER.unpack_from(ciphertext_blob)
    if version >= key.version_count or nonce_len != NONCE_BYTES:
        raise ValueError(
            f"ciphertext_blob names key material version {version}, which key {key.key_id} does not "
            "have (InvalidCiphertextException)"
        )
    context = _context(encryption_context)
    nonce = ciphertext_blob[_HEADER.size : _HEADER.size + nonce_len]
    try:
        plaintext = AESGCM(key.material[version]).decrypt(
            nonce, ciphertext_blob[_HEADER.size + nonce_len :], _aad(context)
        )
    except InvalidTag:
        raise ValueError(
            "ciphertext_blob does not decrypt under this key with this encryption_context (InvalidCiphertextException)"
        ) from None
    if audit is not None:
        audit.record("Decrypt", key, version, context)
    return plaintext


@checked
def generate_data_key(
    key: KmsKey,
    key_spec: str = "AES_256",
    encryption_context: dict[str, str] | None = None,
    *,
    audit: AuditTrail | None = None,
    seed: int | None = None,
) -> DataKey:
    """KMS GenerateDataKey: a fresh data key in plaintext and encrypted under ``key``.

    >>> len(generate_data_key(create_key("k1", seed=0), "AES_128", seed=1).plaintext)
    16
    """
    key_spec = validate.choice("key_spec", key_spec, DATA_KEY_SPECS)
    rng = _rng(seed)
    plaintext = _random_bytes(DATA_KEY_SPECS[key_spec], rng)
    blob = encrypt(
        key, plaintext, encryption_context, audit=None, seed=None if rng is None else int(rng.integers(2**31))
    )
    if audit is not None:
        audit.record("GenerateDataKey", key, key.version_count - 1, _context(encryption_context))
    return DataKey(plaintext, blob)


@checked
def envelope_encrypt(
    key: KmsKey,
    data: bytes,
    encryption_context: dict[str, str] | None = None,
    *,
    audit: AuditTrail | None = None,
    seed: int | None = None,
) -> Envelope:
    """Encrypt ``data`` of any size: a new data key encrypts the data, the KMS key encrypts the data key.

    >>> key = create_key("k1", seed=0)
    >>> envelope_decrypt(key, envelope_encrypt(key, b"x" * 10_000, seed=1))[:3]
    b'xxx'
    """
    if not isinstance(data, bytes):
        raise ValueError(f"data must be bytes, got {type(data).__name__}")
    context = _context(encryption_context)
    rng = _rng(seed)
    data_key = generate_data_key(
        key, "AES_256", context, audit=audit, seed=None if rng is None else int(rng.integers(2**31))
    )
    nonce = _random_bytes(NONCE_BYTES, rng)
    ciphertext = AESGCM(data_key.plaintext).encrypt(nonce, data, _aad(context))
    return Envelope(data_key.ciphertext_blob, nonce, ciphertext, dict(context))


@checked
def envelope_decrypt(
    key: KmsKey,
    envelope: Envelope,
    encryption_context: dict[str, str] | None = None,
    *,
    audit: AuditTrail | None = None,
) -> bytes:
    """Ask KMS to decrypt the data key, then decrypt the data locally with it.

    >>> key = create_key("k1", seed=0)
    >>> envelope_decrypt(key, envelope_encrypt(key, b"report", {"dept": "hr"}, seed=1), {"dept": "hr"})
    b'report'
    """
    context = _context(encryption_context)
    data_key = decrypt(key, envelope.encrypted_data_key, context, audit=audit)
    try:
        return AESGCM(data_key).decrypt(envelope.nonce, envelope.ciphertext, _aad(context))
    except InvalidTag:
        raise ValueError("envelope ciphertext was altered or the encryption_context differs") from None


@checked
def kms_calls(data_sizes_bytes: list[int] | np.ndarray, data_key_reuse: int = 1) -> dict[str, int]:
    """KMS requests needed to encrypt objects directly (chunks of 4 KiB) versus with envelope encryption.

    ``data_key_reuse``: how many objects share one data key (the S3 Bucket Key idea cuts KMS calls this way).

    >>> kms_calls([1000, 1000, 1000], 1)
    {'direct_encrypt_calls': 3, 'envelope_generate_data_key_calls': 3}
    """
    sizes = np.asarray(data_sizes_bytes, dtype=np.int64)
    if sizes.ndim != 1 or sizes.size == 0 or np.any(sizes < 0):
        raise ValueError("data_sizes_bytes must be a non-empty list of sizes >= 0 bytes")
    reuse = validate.integer("data_key_reuse", data_key_reuse, minimum=1, maximum=10**9)
    direct = int(np.maximum(1, -(-sizes // MAX_DIRECT_PLAINTEXT_BYTES)).sum())
    return {"direct_encrypt_calls": direct, "envelope_generate_data_key_calls": int(-(-sizes.size // reuse))}


@checked
def rotation_schedule(days: int, rotation_period_days: int = ROTATION_PERIOD_DAYS_DEFAULT) -> pd.DataFrame:
    """For each day, the key-material version that new encryptions use; all earlier versions still decrypt.

    >>> int(rotation_schedule(730, 365)["versions_kept"].max())
    2
    """
    import pandas as pd

    days = validate.integer("days", days, minimum=1, maximum=100 * 365, unit="days")
    period = validate.integer(
        "rotation_period_days",
        rotation_period_days,
        minimum=ROTATION_PERIOD_DAYS_RANGE[0],
        maximum=ROTATION_PERIOD_DAYS_RANGE[1],
        unit="days",
    )
    day = np.arange(days)
    version = day // period
    return pd.DataFrame({"day": day, "encrypting_version": version, "versions_kept": version + 1})


# Server-side and client-side encryption options for S3 (S3 User Guide, serv-side-encryption and
# UsingClientSideEncryption, read 2026-11-27). SSE-S3 is the default for new objects since 5 January 2023.
_ENCRYPTION_OPTIONS_ROWS = [
    {
        "option": "SSE-S3",
        "who holds the key": "S3 (AWS owned)",
        "who encrypts": "S3",
        "key use audited in CloudTrail": "no",
        "extra cost": "none",
        "notes": "default for every bucket",
    },
    {
        "option": "SSE-KMS",
        "who holds the key": "KMS (AWS managed or customer managed key)",
        "who encrypts": "S3",
        "key use audited in CloudTrail": "yes",
        "extra cost": "KMS requests (fewer with S3 Bucket Keys)",
        "notes": "key policy controls who can decrypt",
    },
    {
        "option": "DSSE-KMS",
        "who holds the key": "KMS",
        "who encrypts": "S3 (two layers)",
        "key use audited in CloudTrail": "yes",
        "extra cost": "KMS requests and a DSSE charge",
        "notes": "dual-layer for compliance rules that demand it",
    },
    {
        "option": "SSE-C",
        "who holds the key": "customer (sent with each request)",
        "who encrypts": "S3",
        "key use audited in CloudTrail": "no (S3 stores only a salted HMAC of the key)",
        "extra cost": "none",
        "notes": "HTTPS required; lose the key, lose the data",
    },
    {
        "option": "client-side",
        "who holds the key": "customer (or KMS via the Encryption SDK)",
        "who encrypts": "customer application",
        "key use audited in CloudTrail": "only if KMS is used",
        "extra cost": "compute in the client",
        "notes": "S3 never sees plaintext",
    },
]

# KMS vs CloudHSM (KMS Developer Guide overview and CloudHSM User Guide, read 2026-11-27).
_KEY_STORE_OPTIONS_ROWS = [
    {
        "service": "AWS KMS",
        "tenancy": "multi-tenant service on AWS-operated HSMs",
        "validation": "FIPS 140-3 Level 3 HSMs",
        "who manages HSMs": "AWS",
        "integration": "native in most services",
        "high availability": "built in",
    },
    {
        "service": "AWS CloudHSM",
        "tenancy": "single-tenant HSMs in your VPC",
        "validation": "FIPS 140-3 Level 3 (hsm2m.medium)",
        "who manages HSMs": "you manage users and keys; AWS the hardware",
        "integration": "PKCS#11, JCE, OpenSSL; KMS custom key store",
        "high availability": "you run 2+ HSMs in different AZs",
    },
]
_TABLES = {"ENCRYPTION_OPTIONS": _ENCRYPTION_OPTIONS_ROWS, "KEY_STORE_OPTIONS": _KEY_STORE_OPTIONS_ROWS}


def __getattr__(name: str) -> pd.DataFrame:
    """``ENCRYPTION_OPTIONS`` and ``KEY_STORE_OPTIONS`` as DataFrames, built on first use (pandas is slow to import)."""
    if name in _TABLES:
        import pandas as pd

        table = globals()[name] = pd.DataFrame(_TABLES[name])
        return table
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_TABLES])
