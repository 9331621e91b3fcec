"""KMS envelope encryption, rotation and audit; CloudTrail digest-chain tamper detection; shared responsibility."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.security import cloudtrail, kms, responsibility


@pytest.fixture(scope="module")
def signing_key():
    return cloudtrail.generate_signing_key()


def test_envelope_roundtrip_and_audit():
    key, audit = kms.create_key(seed=1), kms.AuditTrail()
    data = b"x" * 100_000  # far above the 4 KiB a KMS key encrypts directly
    envelope = kms.envelope_encrypt(key, data, {"dept": "hr"}, audit=audit, seed=2)
    assert data not in envelope.ciphertext and len(envelope.ciphertext) == len(data) + 16
    assert kms.envelope_decrypt(key, envelope, {"dept": "hr"}, audit=audit) == data
    assert [e["eventName"] for e in audit.events] == ["GenerateDataKey", "Decrypt"]
    assert audit.table().shape == (2, 4)


def test_rotation_keeps_old_ciphertexts_decryptable():
    key = kms.create_key(seed=1)
    old = kms.encrypt(key, b"secret", seed=3)
    rotated = kms.rotate_key(key, seed=4)
    new = kms.encrypt(rotated, b"secret", seed=3)
    assert kms.decrypt(rotated, old) == b"secret" and kms.decrypt(rotated, new) == b"secret"
    assert old[:2] != new[:2]  # the blob records which material version encrypted it
    with pytest.raises(ValueError, match="version 1"):
        kms.decrypt(key, new)  # the unrotated key lacks version 1


def test_wrong_context_wrong_key_and_tampering_fail():
    key = kms.create_key(seed=1)
    blob = kms.encrypt(key, b"secret", {"a": "1"}, seed=5)
    with pytest.raises(ValueError, match="InvalidCiphertextException"):
        kms.decrypt(key, blob, {"a": "2"})
    with pytest.raises(ValueError, match="InvalidCiphertextException"):
        kms.decrypt(kms.create_key(seed=9), blob, {"a": "1"})
    flipped = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(ValueError, match="InvalidCiphertextException"):
        kms.decrypt(key, flipped, {"a": "1"})
    with pytest.raises(ValueError, match="disabled"):
        kms.decrypt(kms.disable_key(key), blob, {"a": "1"})
    assert kms.decrypt(kms.enable_key(kms.disable_key(key)), blob, {"a": "1"}) == b"secret"


def test_direct_encrypt_limit_and_bad_inputs():
    key = kms.create_key(seed=1)
    kms.encrypt(key, b"a" * kms.MAX_DIRECT_PLAINTEXT_BYTES)
    with pytest.raises(ValueError, match=r"len\(plaintext\)=4097"):
        kms.encrypt(key, b"a" * 4097)
    with pytest.raises(ValueError, match="key_spec='AES_512'"):
        kms.generate_data_key(key, "AES_512")
    with pytest.raises(ValueError, match="encryption_context"):
        kms.encrypt(key, b"a", {"n": 1})
    assert len(kms.generate_data_key(key, "AES_128").plaintext) == 16


def test_kms_calls_and_rotation_schedule():
    calls = kms.kms_calls([10, 4096, 4097, 1_000_000], data_key_reuse=2)
    assert calls == {"direct_encrypt_calls": 1 + 1 + 2 + 245, "envelope_generate_data_key_calls": 2}
    schedule = kms.rotation_schedule(800, 365)
    assert schedule["encrypting_version"].tolist()[364:366] == [0, 1] and schedule["versions_kept"].max() == 3
    with pytest.raises(ValueError, match="rotation_period_days=30"):
        kms.rotation_schedule(100, 30)


@given(
    data=st.binary(max_size=5000),
    context=st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
    rotations=st.integers(0, 3),
)
def test_envelope_roundtrip_property(data, context, rotations):
    key = kms.create_key(seed=0)
    envelope = kms.envelope_encrypt(key, data, context, seed=1)
    for i in range(rotations):
        key = kms.rotate_key(key, seed=10 + i)
    assert kms.envelope_decrypt(key, envelope, context) == data


def test_cloudtrail_intact_chain_validates(signing_key):
    trail = cloudtrail.build_trail(cloudtrail.sample_events(4, seed=3), signing_key)
    result = cloudtrail.validate_trail(trail, signing_key.public_key())
    assert result.intact and len(result.log_files) == 12 and len(result.digest_files) == 4


@pytest.mark.parametrize(
    ("how", "target", "log_verdict", "digest_verdict"),
    [
        ("modify_log", 4, "modified", None),
        ("delete_log", 0, "missing", None),
        ("swap_logs", 6, "modified", None),
        ("delete_digest", 1, None, "missing"),
        ("modify_digest", 2, None, "modified"),
        ("modify_digest", 3, None, "invalid signature"),  # the newest digest has no successor: its signature fails
    ],
)
def test_cloudtrail_tampering_is_detected(signing_key, how, target, log_verdict, digest_verdict):
    trail = cloudtrail.build_trail(cloudtrail.sample_events(4, seed=3), signing_key)
    result = cloudtrail.validate_trail(cloudtrail.tamper(trail, how, target), signing_key.public_key())
    assert not result.intact
    if log_verdict:
        assert log_verdict in result.log_files.values()
    if digest_verdict:
        assert any(v.startswith(digest_verdict) for v in result.digest_files.values())


def test_cloudtrail_other_key_fails_signature(signing_key):
    trail = cloudtrail.build_trail(cloudtrail.sample_events(2), signing_key)
    other = cloudtrail.generate_signing_key()
    result = cloudtrail.validate_trail(trail, other.public_key())
    assert result.digest_files[trail.digest_order[-1]] == "invalid signature"


def test_cloudtrail_bad_inputs(signing_key):
    trail = cloudtrail.build_trail(cloudtrail.sample_events(1), signing_key)
    with pytest.raises(ValueError, match="how='burn'"):
        cloudtrail.tamper(trail, "burn")
    with pytest.raises(ValueError, match="target=99"):
        cloudtrail.tamper(trail, "modify_log", 99)
    with pytest.raises(ValueError, match="events_per_hour"):
        cloudtrail.build_trail([], signing_key)


def test_responsibility_table():
    table = responsibility.responsibility_table()
    assert list(table.columns) == list(responsibility.SERVICES)
    assert responsibility.who_secures("Guest operating system patches", "EC2") == "Customer"
    assert responsibility.who_secures("Guest operating system patches", "RDS") == "AWS"
    assert set(table.to_numpy().ravel()) <= set(responsibility.PARTIES)
    share = responsibility.customer_share()
    assert share["EC2"] > share["RDS"] > share["S3"]  # more managed, less for the customer
    with pytest.raises(ValueError, match="service='EKS'"):
        responsibility.who_secures("Guest operating system patches", "EKS")
    with pytest.raises(ValueError, match="layer='roof'"):
        responsibility.who_secures("roof", "EC2")
