"""Exercises for 03_kms_cloudhsm, answered by awslab.security.kms (KMS call counts and rotation schedules).

>>> direct_calls.answer, versions_kept.answer
(3000, 7)

References:
    - AWS KMS API Reference, "Encrypt" (up to 4,096 bytes of plaintext per call),
      https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html (read 2026-11-27)
    - AWS KMS Developer Guide, "Rotate AWS KMS keys" (rotation period 90 to 2,560 days),
      https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html (read 2026-11-27)
"""

from __future__ import annotations

from awslab import exercises
from awslab.security import kms

OBJECTS, OBJECT_BYTES = 1_000, 10 * 1024

direct_calls = exercises.number(
    "kms-cloudhsm-1",
    "Encrypt directly: how many KMS calls?",
    task=(
        f"An application encrypts {OBJECTS:,} documents of 10 KiB ({OBJECT_BYTES:,} bytes) each by sending them "
        "straight to KMS `Encrypt`, cut into pieces as large as `Encrypt` accepts. How many KMS requests is that?"
    ),
    answer=kms.kms_calls([OBJECT_BYTES] * OBJECTS)["direct_encrypt_calls"],
    tolerance=0,
    hint=(
        f"`Encrypt` takes at most {kms.MAX_DIRECT_PLAINTEXT_BYTES:,} bytes; a piece cannot be split across calls. "
        "Try the envelope explorer with 10 KiB."
    ),
    solution=(
        f"10,240 / 4,096 = 2.5, rounded up: 3 calls per document, so 3 x {OBJECTS:,} = 3,000 calls (2,500 is the "
        "classic slip: a half call does not exist). Envelope encryption needs 1,000 GenerateDataKey calls, fewer "
        "if objects share a data key."
    ),
)

PERIOD_DAYS, DAYS = 180, 3 * 365

versions_kept = exercises.number(
    "kms-cloudhsm-2",
    "Key material after three years",
    task=(
        f"A customer managed key has automatic rotation every {PERIOD_DAYS} days. After three years ({DAYS:,} days), "
        "how many generations of key material does KMS keep for it?"
    ),
    answer=int(kms.rotation_schedule(DAYS, PERIOD_DAYS)["versions_kept"].max()),
    tolerance=0,
    hint="Set the rotation explorer to 180 days and 3 years; do not forget the material the key was created with.",
    solution=(
        "1,095 // 180 = 6 rotations, plus the original material: 7 generations, all kept so that old ciphertexts "
        "still decrypt; only the newest encrypts."
    ),
)
