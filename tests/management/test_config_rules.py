"""AWS Config managed rules over configuration items, and the compliance timeline."""

import json
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.management import config_rules as cr

SSH_RULE = {"ConfigRuleName": "restricted-ssh", "Source": {"Owner": "AWS", "SourceIdentifier": "INCOMING_SSH_DISABLED"}}
VERSIONING_RULE = {
    "ConfigRuleName": "s3-bucket-versioning-enabled",
    "Source": {"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_VERSIONING_ENABLED"},
}
TAGS_RULE = {
    "ConfigRuleName": "required-tags",
    "Source": {"Owner": "AWS", "SourceIdentifier": "REQUIRED_TAGS"},
    "Scope": {"ComplianceResourceTypes": ["AWS::S3::Bucket"]},
    "InputParameters": json.dumps({"tag1Key": "CostCenter", "tag2Key": "env", "tag2Value": "prod,dev"}),
}


def sg_item(time, port=None, cidr="0.0.0.0/0", status="OK", protocol="tcp"):
    perms = (
        []
        if port is None
        else [
            {
                "ipProtocol": protocol,
                "fromPort": port,
                "toPort": port,
                "ipv4Ranges": [{"cidrIp": cidr}],
                "ipRanges": [cidr],
            }
        ]
    )
    return {
        "resourceType": "AWS::EC2::SecurityGroup",
        "resourceId": "sg-1",
        "configurationItemCaptureTime": time,
        "configurationItemStatus": status,
        "configuration": {"groupId": "sg-1", "ipPermissions": perms},
    }


def bucket_item(time, versioning="Off", tags=None):
    return {
        "resourceType": "AWS::S3::Bucket",
        "resourceId": "logs",
        "configurationItemCaptureTime": time,
        "configurationItemStatus": "OK",
        "configuration": {"name": "logs"},
        "tags": tags or {},
        "supplementaryConfiguration": {"BucketVersioningConfiguration": {"status": versioning}},
    }


@pytest.mark.parametrize(
    "port, cidr, protocol, expected",
    [
        (22, "0.0.0.0/0", "tcp", "NON_COMPLIANT"),
        (22, "::/0", "tcp", "NON_COMPLIANT"),
        (22, "10.0.0.0/8", "tcp", "COMPLIANT"),
        (443, "0.0.0.0/0", "tcp", "COMPLIANT"),
        (None, "0.0.0.0/0", "tcp", "COMPLIANT"),
        (0, "0.0.0.0/0", "-1", "NON_COMPLIANT"),
        (22, "0.0.0.0/0", "udp", "COMPLIANT"),
    ],
)
def test_restricted_ssh(port, cidr, protocol, expected):
    # restricted-ssh: https://docs.aws.amazon.com/config/latest/developerguide/restricted-ssh.html (read 2026-11-27)
    assert cr.evaluate(SSH_RULE, sg_item("2026-01-01T00:00:00Z", port, cidr, protocol=protocol)) == expected


def test_restricted_common_ports_defaults_and_parameters():
    rule = {
        "ConfigRuleName": "restricted-common-ports",
        "Source": {"Owner": "AWS", "SourceIdentifier": "RESTRICTED_INCOMING_TRAFFIC"},
    }
    assert cr.evaluate(rule, sg_item("2026-01-01T00:00:00Z", 3306)) == "NON_COMPLIANT"
    assert cr.evaluate(rule, sg_item("2026-01-01T00:00:00Z", 22)) == "COMPLIANT"
    rule["InputParameters"] = json.dumps({"blockedPort1": "22"})
    assert cr.evaluate(rule, sg_item("2026-01-01T00:00:00Z", 22)) == "NON_COMPLIANT"
    assert cr.evaluate(rule, sg_item("2026-01-01T00:00:00Z", 3306)) == "COMPLIANT"


def test_scope_deleted_and_other_rules():
    assert cr.evaluate(SSH_RULE, bucket_item("2026-01-01T00:00:00Z")) is None
    assert cr.evaluate(SSH_RULE, sg_item("2026-01-01T00:00:00Z", 22, status="ResourceDeleted")) == "NOT_APPLICABLE"
    assert cr.evaluate(VERSIONING_RULE, bucket_item("2026-01-01T00:00:00Z", "Enabled")) == "COMPLIANT"
    assert cr.evaluate(VERSIONING_RULE, bucket_item("2026-01-01T00:00:00Z", "Suspended")) == "NON_COMPLIANT"
    volume = {"resourceType": "AWS::EC2::Volume", "resourceId": "vol-1", "configuration": {"encrypted": False}}
    encrypted = {"ConfigRuleName": "encrypted-volumes", "Source": {"SourceIdentifier": "ENCRYPTED_VOLUMES"}}
    assert cr.evaluate(encrypted, volume) == "NOT_APPLICABLE"
    volume["configuration"]["attachments"] = [{"instanceId": "i-1"}]
    assert cr.evaluate(encrypted, volume) == "NON_COMPLIANT"
    public = {
        "ConfigRuleName": "ec2-instance-no-public-ip",
        "Source": {"SourceIdentifier": "EC2_INSTANCE_NO_PUBLIC_IP"},
    }
    instance = {
        "resourceType": "AWS::EC2::Instance",
        "resourceId": "i-1",
        "configuration": {"publicIpAddress": "1.2.3.4"},
    }
    assert cr.evaluate(public, instance) == "NON_COMPLIANT"


def test_required_tags():
    t = "2026-01-01T00:00:00Z"
    assert cr.evaluate(TAGS_RULE, bucket_item(t, tags={"CostCenter": "42", "env": "dev"})) == "COMPLIANT"
    assert cr.evaluate(TAGS_RULE, bucket_item(t, tags={"CostCenter": "42", "env": "test"})) == "NON_COMPLIANT"
    assert cr.evaluate(TAGS_RULE, bucket_item(t, tags={"env": "prod"})) == "NON_COMPLIANT"


@pytest.mark.parametrize(
    "rule, fragment",
    [
        ({"Source": {"SourceIdentifier": "INCOMING_SSH_DISABLED"}}, "ConfigRuleName"),
        ({"ConfigRuleName": "x", "Source": {"SourceIdentifier": "NOPE"}}, "SourceIdentifier"),
        ({"ConfigRuleName": "x", "Source": {"SourceIdentifier": "REQUIRED_TAGS"}}, "tag1Key"),
        (
            {"ConfigRuleName": "x", "Source": {"SourceIdentifier": "REQUIRED_TAGS"}, "InputParameters": "{bad"},
            "InputParameters",
        ),
    ],
)
def test_bad_rules(rule, fragment):
    with pytest.raises(ValueError, match=fragment):
        cr.evaluate(rule, bucket_item("2026-01-01T00:00:00Z"))


def test_timeline_marks_changes():
    items = [
        sg_item("2026-01-01T10:00:00+00:00", 443),
        sg_item("2026-01-01T12:00:00+00:00", 22),  # someone opens SSH to the world
        bucket_item("2026-01-01T11:00:00+00:00", "Off"),
        sg_item("2026-01-01T13:00:00+00:00", 22, cidr="203.0.113.0/24"),  # fixed
        bucket_item("2026-01-01T14:00:00+00:00", "Enabled"),
        sg_item("2026-01-01T15:00:00+00:00", 22, cidr="203.0.113.0/24"),  # unrelated change, same result
    ]
    timeline = cr.compliance_timeline([SSH_RULE, VERSIONING_RULE], items)
    assert list(timeline["OrderingTimestamp"]) == sorted(timeline["OrderingTimestamp"])
    ssh = timeline[timeline["ConfigRuleName"] == "restricted-ssh"]
    assert list(ssh["ComplianceType"]) == ["COMPLIANT", "NON_COMPLIANT", "COMPLIANT", "COMPLIANT"]
    assert list(ssh["Changed"]) == [True, True, True, False]
    noon = datetime.fromisoformat("2026-01-01T12:30:00+00:00")
    assert cr.rule_compliance(timeline, noon) == {
        "restricted-ssh": "NON_COMPLIANT",
        "s3-bucket-versioning-enabled": "NON_COMPLIANT",
    }
    assert cr.rule_compliance(timeline) == {"restricted-ssh": "COMPLIANT", "s3-bucket-versioning-enabled": "COMPLIANT"}


def test_timeline_bad_time():
    with pytest.raises(ValueError, match="configurationItemCaptureTime"):
        cr.compliance_timeline([SSH_RULE], [sg_item("yesterday", 22)])


@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from([None, 22, 443, 3306])), min_size=1, max_size=30))
def test_timeline_is_ordered_and_changes_alternate(snapshots):
    items = [sg_item(datetime.fromtimestamp(t).isoformat(), port) for t, port in snapshots]
    timeline = cr.compliance_timeline([SSH_RULE], items)
    assert len(timeline) == len(items)
    assert timeline["OrderingTimestamp"].is_monotonic_increasing
    changes = timeline[timeline["Changed"]]["ComplianceType"].tolist()
    assert all(a != b for a, b in zip(changes, changes[1:], strict=False))  # a change is always to a new value
    expected = ["NON_COMPLIANT" if port == 22 else "COMPLIANT" for _, port in sorted(snapshots, key=lambda s: s[0])]
    assert timeline["ComplianceType"].tolist() == expected  # stable: equal times keep input order


def test_input_parameters_go_through_the_shared_json_parser():
    import pytest

    from awslab.management import config_rules

    rule = {
        "ConfigRuleName": "tags",
        "Source": {"Owner": "AWS", "SourceIdentifier": "REQUIRED_TAGS"},
        "InputParameters": '{"tag1Key": ',
    }
    with pytest.raises(ValueError, match=r"rule 'tags': InputParameters is not valid JSON"):
        config_rules.evaluate(rule, {"resourceType": "AWS::EC2::Instance"})
    with pytest.raises(ValueError, match=r"rule 'tags': InputParameters must be a JSON object, got an array"):
        config_rules.evaluate({**rule, "InputParameters": "[]"}, {"resourceType": "AWS::EC2::Instance"})
