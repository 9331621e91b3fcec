"""Nesting, out-of-order stops, threads and a failed start: while any sandbox runs the process is sandboxed (fake
credentials, AWS config hidden, network and child processes refused); after the last stop it is exactly as it was."""

import _posixsubprocess
import os
import socket
import subprocess
import sys
import threading

import boto3
import pytest

from awslab import sandbox as sandbox_module
from awslab.sandbox import FAKE_ACCESS_KEY, NetworkBlocked, sandbox, start_sandbox

REAL_KEY = "AKIAREALREALREALREAL"
LEARNER_ENV = {
    "AWS_ACCESS_KEY_ID": REAL_KEY,
    "AWS_SECRET_ACCESS_KEY": "real-secret",
    "AWS_SESSION_TOKEN": "real-token",
    "AWS_PROFILE": "production",
    "AWS_CONFIG_FILE": "/home/learner/.aws/config",
}


@pytest.fixture
def learner(monkeypatch):
    """The learner's own AWS settings, and a snapshot of the process to compare with after the last stop."""
    for key in [k for k in os.environ if k.startswith("AWS_")]:
        monkeypatch.delenv(key)
    for key, value in LEARNER_ENV.items():
        monkeypatch.setenv(key, value)
    before = environment()
    functions = (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo, socket.create_connection)
    fork_exec = _posixsubprocess.fork_exec
    yield before
    assert _posixsubprocess.fork_exec is fork_exec
    for box in running():  # never leave a sandbox running for the next test
        box.stop()
    assert (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo, socket.create_connection) == functions


def running() -> list:
    """The sandboxes running now."""
    state = getattr(sandbox_module, "_STATE", None)
    return list(state.running) if state else []


@pytest.fixture(scope="module", autouse=True)
def loopback_listener():
    """A listener on 127.0.0.1, made outside any sandbox (binding inside one is refused)."""
    global LISTENER
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        server.settimeout(2)
        LISTENER = server
        yield server


def network_open() -> bool:
    """True when a loopback TCP connection to our listener can be made (and is accepted)."""
    try:
        socket.create_connection(LISTENER.getsockname(), timeout=2).close()
    except NetworkBlocked:
        return False
    LISTENER.accept()[0].close()
    return True


def assert_sandboxed():
    assert os.environ["AWS_ACCESS_KEY_ID"] == FAKE_ACCESS_KEY
    assert REAL_KEY not in os.environ.values() and "AWS_PROFILE" not in os.environ
    assert os.environ["AWS_CONFIG_FILE"] == os.devnull == os.environ["AWS_SHARED_CREDENTIALS_FILE"]
    assert boto3.Session().get_credentials().access_key == FAKE_ACCESS_KEY
    assert not network_open()


def environment() -> dict[str, str]:
    """os.environ without pytest's own bookkeeping variable."""
    return {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}


def assert_restored(before):
    assert environment() == before
    assert network_open()
    assert subprocess.run([sys.executable, "-S", "-c", "pass"], timeout=10).returncode == 0
    assert not running()


def test_nested_with_blocks(learner):
    with sandbox():
        with sandbox() as inner:
            assert_sandboxed()
            inner.client("s3").create_bucket(Bucket="inner")
        assert_sandboxed()
    assert_restored(learner)


def test_out_of_order_stops_keep_the_process_sandboxed_until_the_last_one(learner):
    a = start_sandbox()
    b = start_sandbox()
    a.stop()
    assert_sandboxed()
    b.client("sqs").create_queue(QueueName="still-running")  # b's emulator still answers
    a.stop()  # a second stop of the same sandbox changes nothing
    assert_sandboxed()
    b.stop()
    assert_restored(learner)


def test_interleaved_starts_and_stops(learner):
    a = start_sandbox()
    b = start_sandbox("eu-west-1")
    a.stop()
    c = start_sandbox()
    b.stop()
    assert_sandboxed()
    c.stop()
    assert_restored(learner)


def test_threads_with_overlapping_with_blocks(learner):
    a_started, b_started, a_stopped = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def first():
        with sandbox():
            a_started.set()
            b_started.wait(5)
        a_stopped.set()

    def second():
        a_started.wait(5)
        with sandbox() as aws:
            b_started.set()
            a_stopped.wait(5)
            seen["key"] = os.environ.get("AWS_ACCESS_KEY_ID")
            seen["network"] = network_open()
            seen["buckets"] = aws.client("s3").list_buckets()["Buckets"]

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"key": FAKE_ACCESS_KEY, "network": False, "buckets": []}
    assert_restored(learner)


def test_many_threads_racing(learner):
    errors = []

    def lab(i):
        try:
            for _ in range(3):
                with sandbox() as aws:
                    seen = [os.environ.get("AWS_ACCESS_KEY_ID")]
                    aws.client("s3").create_bucket(Bucket=f"bucket-{i}")
                    seen.append(os.environ.get("AWS_ACCESS_KEY_ID"))
                    if set(seen) != {FAKE_ACCESS_KEY}:
                        errors.append(f"thread {i} saw {seen} inside its sandbox")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=lab, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert errors == []
    assert_restored(learner)


@pytest.mark.parametrize("step", ["emulator", "session"])
def test_a_start_that_fails_half_way_is_rolled_back(learner, step):
    def broken(*args, **kwargs):
        raise RuntimeError(f"{step} failed")

    with pytest.MonkeyPatch.context() as patch:
        if step == "emulator":
            patch.setattr(sandbox_module, "mock_aws", broken)
        else:
            patch.setattr(sandbox_module.boto3, "Session", broken)
        with pytest.raises(RuntimeError, match=f"{step} failed"):
            start_sandbox()
        with pytest.raises(RuntimeError, match=f"{step} failed"), sandbox():
            pass
    assert_restored(learner)
    with sandbox() as aws:  # and the next start works
        assert_sandboxed()
        aws.client("s3").list_buckets()
    assert_restored(learner)


def test_a_failed_nested_start_leaves_the_running_sandbox_alone(learner):
    outer = start_sandbox()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sandbox_module.boto3, "Session", lambda **kw: (_ for _ in ()).throw(RuntimeError("no")))
        with pytest.raises(RuntimeError, match="no"):
            start_sandbox()
    assert_sandboxed()
    outer.client("s3").list_buckets()
    outer.stop()
    assert_restored(learner)


def test_the_default_boto3_session_made_before_the_sandbox_is_hidden(learner, monkeypatch):
    monkeypatch.delenv("AWS_PROFILE")  # the learner's profile is in a config file this machine does not have
    boto3.setup_default_session(aws_access_key_id=REAL_KEY, aws_secret_access_key="real-secret")
    assert boto3.DEFAULT_SESSION.get_credentials().access_key == REAL_KEY
    with sandbox():
        assert boto3.client("sts", region_name="us-east-1")._request_signer._credentials.access_key == FAKE_ACCESS_KEY
    assert boto3.DEFAULT_SESSION.get_credentials().access_key == REAL_KEY
    boto3.DEFAULT_SESSION = None


def test_settings_changed_inside_are_undone_at_the_last_stop(learner):
    with sandbox():
        os.environ["AWS_PROFILE"] = "changed-inside"
        del os.environ["AWS_ACCESS_KEY_ID"]
    assert_restored(learner)
