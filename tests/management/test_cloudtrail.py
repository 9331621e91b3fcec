"""The course's own trail: CloudTrail-shaped records of sandbox calls, and LookupEvents filters."""

import pytest

from awslab.management import cloudtrail as ct
from awslab.sandbox import sandbox


def test_record_fields_follow_the_event_reference():
    r = ct.make_record(
        3, "ec2", "RunInstances", request_parameters={"MinCount": 1}, region="eu-west-1", account_id="123456789012"
    )
    assert r["eventTime"] == "2026-01-01T09:00:03Z" and r["eventSource"] == "ec2.amazonaws.com"
    assert r["readOnly"] is False and r["managementEvent"] is True and "errorCode" not in r
    assert r["userIdentity"]["arn"] == "arn:aws:iam::123456789012:user/moto"
    data = ct.make_record(
        0,
        "s3",
        "GetObject",
        request_parameters={"Bucket": "b", "Key": "k"},
        region="us-east-1",
        account_id="1",
        error_code="NoSuchKey",
    )
    assert data["readOnly"] is True and data["managementEvent"] is False and data["eventCategory"] == "Data"
    assert data["errorCode"] == "NoSuchKey"
    with pytest.raises(ValueError, match="sequence=-1"):
        ct.make_record(-1, "s3", "GetObject", request_parameters=None, region="us-east-1", account_id="1")


def test_recorder_logs_every_sandbox_call_in_order_with_errors():
    with sandbox() as aws:
        recorder = ct.CallRecorder(aws.session, aws.region, aws.account_id).start()
        s3 = aws.client("s3")
        s3.create_bucket(Bucket="trail-test")
        s3.put_object(Bucket="trail-test", Key="k", Body=b"12345")
        with pytest.raises(s3.exceptions.NoSuchKey):
            s3.get_object(Bucket="trail-test", Key="missing")
        aws.client("sqs", region_name="eu-west-1").list_queues()
        recorder.stop()
        s3.list_buckets()  # after stop: not recorded
    names = [r["eventName"] for r in recorder.records]
    assert names == ["CreateBucket", "PutObject", "GetObject", "ListQueues"]
    assert [r["eventTime"][-3:] for r in recorder.records] == ["00Z", "01Z", "02Z", "03Z"]
    assert recorder.records[1]["requestParameters"]["Body"].endswith("not logged>")
    assert recorder.records[2]["errorCode"] == "NoSuchKey" and recorder.records[3]["awsRegion"] == "eu-west-1"
    assert ct.calls_by_source(recorder.records) == {
        "s3.amazonaws.com": {"read": 1, "write": 2, "failed": 1},
        "sqs.amazonaws.com": {"read": 1, "write": 0, "failed": 0},
    }


def test_lookup_events_newest_first_and_bad_attributes():
    records = [
        ct.make_record(i, "ec2", name, request_parameters=None, region="us-east-1", account_id="1")
        for i, name in enumerate(["A", "DescribeX", "A"])
    ]
    assert [r["eventTime"] for r in ct.lookup_events(records, "EventName", "A")] == [
        "2026-01-01T09:00:02Z",
        "2026-01-01T09:00:00Z",
    ]
    assert [r["eventName"] for r in ct.lookup_events(records, "ReadOnly", "true")] == ["DescribeX"]
    with pytest.raises(ValueError, match="attribute_key='Colour' is not one of"):
        ct.lookup_events(records, "Colour", "x")
    with pytest.raises(ValueError, match="must be 'true' or 'false'"):
        ct.lookup_events(records, "ReadOnly", "yes")
    with pytest.raises(ValueError, match="boto3 Session"):
        ct.CallRecorder(None, "us-east-1", "1")
