"""What S3 replicates and whom it notifies.

Replication rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-what-is-isnot-replicated.html
Event notifications: https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
(both read 2026-11-27). Notification configurations use S3's NotificationConfiguration shape (QueueConfigurations,
TopicConfigurations, LambdaFunctionConfigurations with Events and Filter.Key.FilterRules).

References:
    - Amazon S3 User Guide, "What does Amazon S3 replicate?",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-what-is-isnot-replicated.html (read 2026-11-27)
    - Amazon S3 User Guide, "Configuring event notifications using object key name filtering",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html (read 2026-11-27)
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

OPERATIONS = ("put", "delete", "delete_version", "put_replica")


@dataclass(frozen=True)
class ReplicationOutcome:
    """Whether one event on the source bucket is copied to the destination, and why.

    >>> o = replication_outcomes([{"operation": "put", "key": "a.txt", "time": 5.0}], rule_created_at=0.0)[0]
    >>> o.replicated
    True
    """

    time: float
    operation: str
    key: str
    replicated: bool
    reason: str


@checked
def replication_outcomes(
    events: list[dict],
    *,
    rule_created_at: float,
    source_versioning: str = "Enabled",
    destination_versioning: str = "Enabled",
    prefix: str = "",
    delete_marker_replication: bool = False,
) -> list[ReplicationOutcome]:
    """Decide, for each event ``{"time", "operation", "key"}``, whether S3 replication copies it.

    ``operation`` is ``put`` (a new object version), ``delete`` (a delete marker), ``delete_version`` (a permanent
    delete of a version) or ``put_replica`` (an object that is itself a replica from another rule).

    >>> events = [{"operation": "put", "key": "old.txt", "time": 1.0}, {"operation": "put", "key": "new.txt", "time": 9.0}]
    >>> [o.replicated for o in replication_outcomes(events, rule_created_at=5.0)]
    [False, True]
    """
    for name, status in (("source_versioning", source_versioning), ("destination_versioning", destination_versioning)):
        if status != "Enabled":
            raise ValueError(f"{name}={status!r}: replication needs versioning Enabled on both buckets")
    outcomes = []
    for index, event in enumerate(events):
        operation = validate.choice(f"events[{index}].operation", event.get("operation"), OPERATIONS)
        time = validate.number(f"events[{index}].time", event.get("time"), minimum=0)
        key = event.get("key", "")
        if not key.startswith(prefix):
            replicated, reason = False, f"key is outside the rule's prefix {prefix!r}"
        elif time < rule_created_at:
            replicated, reason = (
                False,
                "written before the rule existed (use S3 Batch Replication for existing objects)",
            )
        elif operation == "put":
            replicated, reason = True, "new object version after the rule: replicated"
        elif operation == "delete":
            replicated = delete_marker_replication
            reason = (
                "delete marker replicated (DeleteMarkerReplication Enabled)"
                if replicated
                else ("delete markers are not replicated unless DeleteMarkerReplication is Enabled")
            )
        elif operation == "delete_version":
            replicated, reason = (
                False,
                "deleting a specific version is never replicated (protects against malicious deletes)",
            )
        else:
            replicated, reason = False, "replicas are not replicated again by this rule (no chaining)"
        outcomes.append(
            ReplicationOutcome(time=time, operation=operation, key=key, replicated=replicated, reason=reason)
        )
    return outcomes


def _filter_rules(configuration: dict) -> tuple[str, str]:
    rules = ((configuration.get("Filter") or {}).get("Key") or {}).get("FilterRules") or []
    prefix = suffix = ""
    for rule in rules:
        name = str(rule.get("Name", "")).lower()
        validate.choice("FilterRules Name", name, ("prefix", "suffix"))
        if name == "prefix":
            prefix = rule.get("Value", "")
        else:
            suffix = rule.get("Value", "")
    return prefix, suffix


@checked
def notification_targets(notification_configuration: dict, event_name: str, key: str) -> list[str]:
    """ARNs of the queues, topics and functions that receive ``event_name`` (e.g. ``s3:ObjectCreated:Put``) for ``key``.

    >>> config = {"QueueConfigurations": [{"QueueArn": "arn:aws:sqs:us-east-1:123456789012:q", "Events": ["s3:ObjectCreated:*"], "Filter": {"Key": {"FilterRules": [{"Name": "suffix", "Value": ".jpg"}]}}}]}
    >>> notification_targets(config, "s3:ObjectCreated:Put", "cat.jpg")
    ['arn:aws:sqs:us-east-1:123456789012:q']
    >>> notification_targets(config, "s3:ObjectCreated:Put", "cat.png")
    []
    """
    if not event_name.startswith("s3:"):
        raise ValueError(f"event_name={event_name!r} must be an S3 event type such as 's3:ObjectCreated:Put'")
    targets = []
    kinds = (
        ("QueueConfigurations", "QueueArn"),
        ("TopicConfigurations", "TopicArn"),
        ("LambdaFunctionConfigurations", "LambdaFunctionArn"),
    )
    for section, arn_field in kinds:
        for configuration in notification_configuration.get(section, []):
            prefix, suffix = _filter_rules(configuration)
            events = configuration.get("Events", [])
            if (
                any(fnmatch.fnmatchcase(event_name, pattern) for pattern in events)
                and key.startswith(prefix)
                and key.endswith(suffix)
            ):
                targets.append(configuration[arn_field])
    return targets
