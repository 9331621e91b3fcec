"""CloudTrail log file integrity: an hourly digest chain built and validated with real SHA-256 and RSA signatures.

Each hour CloudTrail writes a digest file listing the SHA-256 of every log file delivered in that hour, plus the
hash and signature of the previous digest, and signs it with RSA (SHA256withRSA) over a string made of the digest's
end time, its S3 path, the SHA-256 of its content and the previous signature (CloudTrail User Guide,
cloudtrail-log-file-validation-digest-file-structure and ...-custom-validation, read 2026-11-27).
Changing, deleting or reordering a log file or a digest therefore breaks a hash, a signature or the chain.
The JSON fields follow AWS's digest format; gzip and S3 metadata are left out.

References:
    - AWS CloudTrail User Guide, "CloudTrail digest file structure",
      https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html (read 2026-11-27)
    - AWS CloudTrail User Guide, "Custom implementations of CloudTrail log file integrity validation",
      https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html (read 2026-11-27)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from awslab import validate
from awslab.validate import checked

SIGNATURE_ALGORITHM = "SHA256withRSA"
RSA_KEY_BITS = 2048
BUCKET = "aws-cloudtrail-logs-123456789012"
ACCOUNT = "123456789012"
REGION = "us-east-1"
_START = datetime(2026, 1, 1, tzinfo=UTC)


# The ways ``tamper`` can change a delivered trail (the CloudTrail notebook tries each one).
TAMPERING_METHODS = ("modify_log", "delete_log", "swap_logs", "modify_digest", "delete_digest")


@dataclass(frozen=True)
class Trail:
    """Everything CloudTrail delivered: log files and digest files by S3 key, and digest signatures by key.

    >>> trail = build_trail(sample_events(2, seed=0), generate_signing_key(), files_per_hour=2)
    >>> len(trail.logs), len(trail.digests)
    (4, 2)
    """

    logs: dict[str, bytes]
    digests: dict[str, bytes]
    signatures: dict[str, str]
    digest_order: tuple[str, ...]


@dataclass(frozen=True)
class ValidationResult:
    """Per-file verdicts: 'valid', 'modified', 'missing' or 'not covered'; per digest: 'valid' or a reason.

    >>> key = generate_signing_key()
    >>> trail = build_trail(sample_events(2, seed=0), key, files_per_hour=2)
    >>> validate_trail(trail, key.public_key()).intact
    True
    """

    log_files: dict[str, str]
    digest_files: dict[str, str]

    @property
    def intact(self) -> bool:
        """True when every log file and every digest validated."""
        return all(v == "valid" for v in [*self.log_files.values(), *self.digest_files.values()])


@checked
def generate_signing_key() -> rsa.RSAPrivateKey:
    """A fresh RSA key pair standing in for CloudTrail's per-region signing key.

    >>> generate_signing_key().key_size
    2048
    """
    return rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)


def _time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _log_key(hour: int, index: int) -> str:
    stamp = (_START + timedelta(hours=hour, minutes=5 * index)).strftime("%Y%m%dT%H%MZ")
    return f"AWSLogs/{ACCOUNT}/CloudTrail/{REGION}/{ACCOUNT}_CloudTrail_{REGION}_{stamp}_{index:02d}.json"


def _digest_key(hour: int) -> str:
    stamp = (_START + timedelta(hours=hour + 1)).strftime("%Y%m%dT%H%M%SZ")
    return f"AWSLogs/{ACCOUNT}/CloudTrail-Digest/{REGION}/{ACCOUNT}_CloudTrail-Digest_{REGION}_{stamp}.json.gz"


@checked
def string_to_sign(digest_end_time: str, digest_key: str, digest_bytes: bytes, *, previous_signature: str) -> bytes:
    """CloudTrail's string to sign: end time, S3 path, hex SHA-256 of the digest, previous signature (hex).

    >>> string_to_sign("2026-01-01T01:00:00Z", "digest/1.json.gz", b"{}", previous_signature="").splitlines()[:2]
    [b'2026-01-01T01:00:00Z', b'aws-cloudtrail-logs-123456789012/digest/1.json.gz']
    """
    return "\n".join(
        [digest_end_time, f"{BUCKET}/{digest_key}", hashlib.sha256(digest_bytes).hexdigest(), previous_signature]
    ).encode()


@checked
def build_trail(
    events_per_hour: Sequence[Sequence[Mapping[str, object]]], private_key: rsa.RSAPrivateKey, files_per_hour: int = 3
) -> Trail:
    """Deliver the events of each hour in ``files_per_hour`` log files and sign one digest per hour, chained.

    >>> trail = build_trail(sample_events(3, seed=0), generate_signing_key(), files_per_hour=1)
    >>> len(trail.digest_order)
    3
    """
    files_per_hour = validate.integer("files_per_hour", files_per_hour, minimum=1, maximum=12)
    if not isinstance(events_per_hour, Sequence) or not events_per_hour:
        raise ValueError("events_per_hour must be a non-empty list (one list of event dicts per hour)")
    logs: dict[str, bytes] = {}
    digests: dict[str, bytes] = {}
    signatures: dict[str, str] = {}
    previous_hash, previous_signature = None, None
    for hour, events in enumerate(events_per_hour):
        events = list(events)
        covered = []
        for index in range(files_per_hour):
            key = _log_key(hour, index)
            body = json.dumps({"Records": events[index::files_per_hour]}, sort_keys=True, default=str).encode()
            logs[key] = body
            covered.append(
                {
                    "s3Bucket": BUCKET,
                    "s3Object": key,
                    "hashValue": hashlib.sha256(body).hexdigest(),
                    "hashAlgorithm": "SHA-256",
                }
            )
        end = _time(_START + timedelta(hours=hour + 1))
        digest = {
            "awsAccountId": ACCOUNT,
            "digestStartTime": _time(_START + timedelta(hours=hour)),
            "digestEndTime": end,
            "digestS3Bucket": BUCKET,
            "digestS3Object": _digest_key(hour),
            "digestPublicKeyFingerprint": _fingerprint(private_key),
            "digestSignatureAlgorithm": SIGNATURE_ALGORITHM,
            "previousDigestS3Bucket": BUCKET if previous_hash else None,
            "previousDigestS3Object": _digest_key(hour - 1) if previous_hash else None,
            "previousDigestHashValue": previous_hash,
            "previousDigestHashAlgorithm": "SHA-256",
            "previousDigestSignature": previous_signature,
            "logFiles": covered,
        }
        body = json.dumps(digest, sort_keys=True).encode()
        key = _digest_key(hour)
        signature = private_key.sign(
            string_to_sign(end, key, body, previous_signature=previous_signature or ""),
            padding.PKCS1v15(),
            hashes.SHA256(),
        ).hex()
        digests[key], signatures[key] = body, signature
        previous_hash, previous_signature = hashlib.sha256(body).hexdigest(), signature
    return Trail(logs, digests, signatures, tuple(digests))


def _fingerprint(private_key: rsa.RSAPrivateKey) -> str:
    numbers = private_key.public_key().public_numbers()
    return hashlib.md5(f"{numbers.n}:{numbers.e}".encode(), usedforsecurity=False).hexdigest()


@checked
def validate_trail(trail: Trail, public_key: rsa.RSAPublicKey) -> ValidationResult:
    """Walk the chain newest to oldest as ``aws cloudtrail validate-logs`` does and judge every file.

    >>> key = generate_signing_key()
    >>> trail = build_trail(sample_events(2, seed=0), key, files_per_hour=2)
    >>> validate_trail(tamper(trail, "delete_log", 0), key.public_key()).intact
    False
    """
    digest_verdicts: dict[str, str] = {}
    log_verdicts = {key: "not covered" for key in trail.logs}
    expected_key: str | None = trail.digest_order[-1] if trail.digest_order else None
    expected_hash: str | None = None
    expected_signature: str | None = None
    while expected_key is not None:
        body = trail.digests.get(expected_key)
        if body is None:
            digest_verdicts[expected_key] = "missing"
            break
        if expected_hash is not None and hashlib.sha256(body).hexdigest() != expected_hash:
            digest_verdicts[expected_key] = "modified (hash differs from the next digest's record)"
            break
        digest = json.loads(body)
        signature = trail.signatures.get(expected_key, "")
        if expected_signature is not None and signature != expected_signature:
            digest_verdicts[expected_key] = "signature differs from the next digest's record"
            break
        try:
            public_key.verify(
                bytes.fromhex(signature),
                string_to_sign(
                    digest["digestEndTime"],
                    expected_key,
                    body,
                    previous_signature=digest["previousDigestSignature"] or "",
                ),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except (InvalidSignature, ValueError):
            digest_verdicts[expected_key] = "invalid signature"
            break
        digest_verdicts[expected_key] = "valid"
        for entry in digest["logFiles"]:
            log_body = trail.logs.get(entry["s3Object"])
            if log_body is None:
                log_verdicts[entry["s3Object"]] = "missing"
            elif hashlib.sha256(log_body).hexdigest() != entry["hashValue"]:
                log_verdicts[entry["s3Object"]] = "modified"
            else:
                log_verdicts[entry["s3Object"]] = "valid"
        expected_key = digest["previousDigestS3Object"]
        expected_hash = digest["previousDigestHashValue"]
        expected_signature = digest["previousDigestSignature"]
    for key in trail.digest_order:
        digest_verdicts.setdefault(key, "not reached (chain broken at a newer digest)")
    return ValidationResult(log_verdicts, digest_verdicts)


@checked
def tamper(trail: Trail, how: str, target: int = 0) -> Trail:
    """A copy of ``trail`` with one attack applied to the ``target``-th log file (or digest):

    'modify_log' edits one byte of an event, 'delete_log' removes a log file, 'swap_logs' exchanges the contents of
    log files target and target+1, 'delete_digest' removes a digest, 'modify_digest' edits a digest's log list.

    >>> trail = build_trail(sample_events(2, seed=0), generate_signing_key(), files_per_hour=2)
    >>> len(tamper(trail, "delete_log", 0).logs)
    3
    """
    how = validate.choice("how", how, TAMPERING_METHODS)
    logs, digests, signatures = dict(trail.logs), dict(trail.digests), dict(trail.signatures)
    log_keys, digest_keys = list(trail.logs), list(trail.digest_order)
    limit = len(log_keys) - (1 if how == "swap_logs" else 0) if how.endswith(("log", "logs")) else len(digest_keys)
    target = validate.integer("target", target, minimum=0, maximum=max(limit - 1, 0))
    if how == "modify_log":
        key = log_keys[target]
        logs[key] = logs[key].replace(b"Records", b"Rec0rds", 1)
    elif how == "delete_log":
        del logs[log_keys[target]]
    elif how == "swap_logs":
        first, second = log_keys[target], log_keys[target + 1]
        logs[first], logs[second] = logs[second], logs[first]
    elif how == "delete_digest":
        del digests[digest_keys[target]]
    else:
        key = digest_keys[target]
        digest = json.loads(digests[key])
        digest["logFiles"] = digest["logFiles"][1:]
        digests[key] = json.dumps(digest, sort_keys=True).encode()
    return Trail(logs, digests, signatures, trail.digest_order)


@checked
def sample_events(hours: int, events_per_hour: int = 6, seed: int = 0) -> list[list[dict[str, object]]]:
    """Plausible CloudTrail management events for ``hours`` hours (seeded), for demos and tests.

    >>> [len(hour) for hour in sample_events(3, seed=0)]
    [6, 6, 6]
    """
    import numpy as np

    hours = validate.integer("hours", hours, minimum=1, maximum=48, unit="hours")
    events_per_hour = validate.integer("events_per_hour", events_per_hour, minimum=0, maximum=1000)
    rng = np.random.default_rng(seed)
    names = ["ConsoleLogin", "CreateUser", "PutBucketPolicy", "RunInstances", "AssumeRole", "Decrypt"]
    sources = ["signin", "iam", "s3", "ec2", "sts", "kms"]
    out = []
    for hour in range(hours):
        picks = rng.integers(0, len(names), events_per_hour)
        minutes = np.sort(rng.integers(0, 60, events_per_hour))
        out.append(
            [
                {
                    "eventTime": _time(_START + timedelta(hours=hour, minutes=int(m))),
                    "eventSource": f"{sources[p]}.amazonaws.com",
                    "eventName": names[p],
                    "sourceIPAddress": f"203.0.113.{int(rng.integers(1, 255))}",
                    "awsRegion": REGION,
                }
                for p, m in zip(picks, minutes, strict=True)
            ]
        )
    return out
