"""The sandbox: fake credentials, fixed region, no network, the learner's settings restored afterwards."""

import os
import socket

import pytest

from awslab.sandbox import FAKE_ACCESS_KEY, NetworkBlocked, Sandbox, sandbox, start_sandbox


def test_hides_real_credentials_and_restores_them(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALREALREALREAL")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_PROFILE", "production")
    with sandbox() as aws:
        assert aws.session.get_credentials().access_key == FAKE_ACCESS_KEY
        assert "AWS_PROFILE" not in os.environ
        s3 = aws.client("s3")
        s3.create_bucket(Bucket="sandbox-test")
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["sandbox-test"]
    assert os.environ["AWS_ACCESS_KEY_ID"] == "AKIAREALREALREALREAL"
    assert os.environ["AWS_PROFILE"] == "production"


def test_network_is_blocked_inside_and_open_after():
    original = socket.socket.connect
    with sandbox():
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        with pytest.raises(NetworkBlocked):
            sock.connect(("127.0.0.1", 9))
        sock.close()
    assert socket.socket.connect is original


def test_state_is_fresh_each_time_and_multi_cell_labs_work():
    aws = start_sandbox()
    aws.client("sqs").create_queue(QueueName="q1")
    assert len(aws.client("sqs").list_queues()["QueueUrls"]) == 1
    aws.stop()
    with sandbox() as again:
        assert "QueueUrls" not in again.client("sqs").list_queues()
    with pytest.raises(RuntimeError, match="not running"):
        aws.client("s3")


def test_bad_region():
    with pytest.raises(ValueError, match="region='moon'"):
        Sandbox("moon")
