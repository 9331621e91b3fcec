"""Replication and notification rules."""

import pytest

from awslab.storage.s3_events import notification_targets, replication_outcomes


def test_replication_copies_only_new_puts_under_the_prefix():
    events = [
        {"time": 0, "operation": "put", "key": "d/old"},
        {"time": 9, "operation": "put", "key": "d/new"},
        {"time": 9, "operation": "delete", "key": "d/new"},
        {"time": 9, "operation": "delete_version", "key": "d/new"},
        {"time": 9, "operation": "put_replica", "key": "d/r"},
        {"time": 9, "operation": "put", "key": "x/new"},
    ]
    got = [o.replicated for o in replication_outcomes(events, rule_created_at=5, prefix="d/")]
    assert got == [False, True, False, False, False, False]
    with_markers = replication_outcomes(events, rule_created_at=5, prefix="d/", delete_marker_replication=True)
    assert [o.replicated for o in with_markers][2] is True


def test_replication_requires_versioning_on_both_sides():
    with pytest.raises(ValueError, match="destination_versioning='Suspended'"):
        replication_outcomes([], rule_created_at=0, destination_versioning="Suspended")


def test_notification_filters():
    config = {
        "QueueConfigurations": [
            {
                "QueueArn": "arn:q",
                "Events": ["s3:ObjectCreated:*"],
                "Filter": {
                    "Key": {
                        "FilterRules": [{"Name": "prefix", "Value": "uploads/"}, {"Name": "suffix", "Value": ".jpg"}]
                    }
                },
            }
        ],
        "TopicConfigurations": [{"TopicArn": "arn:t", "Events": ["s3:ObjectRemoved:Delete"]}],
    }
    assert notification_targets(config, "s3:ObjectCreated:Put", "uploads/a.jpg") == ["arn:q"]
    assert notification_targets(config, "s3:ObjectCreated:Put", "uploads/a.png") == []
    assert notification_targets(config, "s3:ObjectRemoved:Delete", "uploads/a.jpg") == ["arn:t"]
    with pytest.raises(ValueError, match="event_name"):
        notification_targets(config, "ObjectCreated", "k")
