"""Exercises for 04_large_objects_replication: a default part size, what replication copies, who hears an upload.

References:
    - Amazon S3 User Guide, "Amazon S3 multipart upload limits",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html (read 2026-12-03)
    - Amazon S3 User Guide, "What does Amazon S3 replicate?",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-what-is-isnot-replicated.html (read 2026-12-03)
    - Amazon S3 User Guide, "Configuring event notifications using object key name filtering",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.storage import s3
from awslab.storage.s3_events import notification_targets, replication_outcomes

_SIZE = 2 * s3.TIB
_PLAN = s3.plan_multipart_upload(_SIZE)

default_part_size = exercises.number(
    "large-objects-replication-1",
    "Which part size does a 2 TiB upload get?",
    task=(
        "With no part size given, `s3.plan_multipart_upload` picks the smallest whole number of MiB, at least 5, "
        "that fits the object in S3's part limit. What part size, in MiB, does it pick for a **2 TiB** object?"
    ),
    answer=_PLAN.part_size / s3.MIB,
    hint=(
        "Divide the object by the maximum number of parts (`s3.MAX_PARTS`) and round *up* to a whole MiB; "
        "then check it with `s3.plan_multipart_upload(2 * s3.TIB)`."
    ),
    solution=(
        f"{_PLAN.part_size // s3.MIB} MiB. 2 TiB = {_SIZE // s3.MIB:,} MiB, and {_SIZE // s3.MIB:,} / "
        f"{s3.MAX_PARTS:,} = {_SIZE / s3.MIB / s3.MAX_PARTS:.2f} MiB, rounded up. That gives {_PLAN.part_count:,} "
        f"parts, the last one {_PLAN.last_part_size / s3.MIB:.0f} MiB. The 5 MiB minimum would need "
        f"{_SIZE // (5 * s3.MIB):,} parts, far over the limit."
    ),
    unit="MiB",
    tolerance=0.0,
)

EVENTS = [
    {"time": 0, "operation": "put", "key": "data/2025.csv"},
    {"time": 20, "operation": "put", "key": "data/2026.csv"},
    {"time": 21, "operation": "put", "key": "data/2026.csv"},
    {"time": 22, "operation": "delete", "key": "data/2025.csv"},
    {"time": 23, "operation": "delete_version", "key": "data/2026.csv"},
    {"time": 24, "operation": "put", "key": "logs/app.log"},
    {"time": 25, "operation": "put_replica", "key": "data/from-eu.csv"},
]
_OUTCOMES = replication_outcomes(EVENTS, rule_created_at=10, prefix="data/", delete_marker_replication=True)
_COPIED = sum(o.replicated for o in _OUTCOMES)

replicated_count = exercises.number(
    "large-objects-replication-2",
    "How many events reach the DR bucket?",
    task=(
        "A replication rule for prefix `data/`, with delete marker replication **Enabled**, is created at t = 10. "
        "Then: t=0 PUT `data/2025.csv`; t=20 and t=21 PUT `data/2026.csv`; t=22 DELETE `data/2025.csv` (no "
        "version id); t=23 DELETE a version of `data/2026.csv`; t=24 PUT `logs/app.log`; t=25 a replica "
        "`data/from-eu.csv` arrives from another rule. How many of these seven events does the rule copy?"
    ),
    answer=_COPIED,
    hint=(
        "Put the events in the replication cell's list (times as given) and call `replication_outcomes(events, "
        "rule_created_at=10, prefix='data/', delete_marker_replication=True)`; read the reasons."
    ),
    solution=(
        f"{_COPIED}: "
        + "; ".join(f"t={o.time:g} {o.operation} {o.key}: {'yes' if o.replicated else 'no'}" for o in _OUTCOMES)
        + ". The t=0 object existed before the rule (Batch Replication would copy it), a version delete is never "
        "replicated, and replicas are not chained."
    ),
    unit="events",
    tolerance=0.0,
)

NOTIFICATIONS = {
    "QueueConfigurations": [
        {
            "Id": "new-jpegs",
            "QueueArn": "arn:aws:sqs:us-east-1:123456789012:awslab-new-photos",
            "Events": ["s3:ObjectCreated:*"],
            "Filter": {
                "Key": {"FilterRules": [{"Name": "prefix", "Value": "uploads/"}, {"Name": "suffix", "Value": ".jpg"}]}
            },
        }
    ]
}
KEYS = ("images/uploads/dog.jpg", "uploads/cat.jpg.png", "uploads/2026/bird.jpg", "upload/fish.jpg")
_HEARD = [k for k in KEYS if notification_targets(NOTIFICATIONS, "s3:ObjectCreated:Put", k)]
assert len(_HEARD) == 1, _HEARD

notified_key = exercises.choice(
    "large-objects-replication-3",
    "Which upload sends a message?",
    task=(
        "The notebook's bucket notifies a queue of `s3:ObjectCreated:*` for keys with prefix `uploads/` and suffix "
        "`.jpg`. Which of these uploads puts a message on the queue?"
    ),
    choices=KEYS,
    answer=_HEARD[0],
    hint=(
        "A prefix must match the key's start and a suffix its end, character for character; a `/` is just a "
        "character. Try the keys with `notification_targets(notifications, 's3:ObjectCreated:Put', key)`."
    ),
    solution=(
        f"`{_HEARD[0]}`: it starts with `uploads/` and ends with `.jpg`; the 2026/ in between does not matter. "
        "`images/uploads/dog.jpg` does not start with the prefix, `uploads/cat.jpg.png` does not end with the "
        "suffix, and `upload/fish.jpg` lacks the s."
    ),
)
