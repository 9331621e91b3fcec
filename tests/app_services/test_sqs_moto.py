"""The simulator beside the emulator: the same SQS scenarios through boto3 on moto, and the speed of each.

moto runs on the wall clock, so these scenarios use a 1-second visibility timeout and real sleeps (about 4 s in
all); the simulator gets the same times as its virtual ``now``.
"""

from __future__ import annotations

import json
import time

import boto3
import pytest
from moto import mock_aws

from awslab.app_services.sqs import SimulatedQueue
from awslab.app_services.sqs_fleet import simulate_consumer_fleet

PAUSE_SECONDS = 1.1  # just past moto's 1-second visibility timeout


@pytest.fixture
def sqs(monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        yield boto3.client("sqs", region_name="us-east-1")


def _counts(client, url):
    attributes = client.get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]), int(attributes["ApproximateNumberOfMessagesNotVisible"])


def _sim_counts(queue, now):
    return queue.approximate_number_of_messages(now), queue.approximate_number_of_messages_not_visible(now)


def test_redrive_scenario_agrees_with_moto(sqs):
    dlq_url = sqs.create_queue(QueueName="orders-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    url = sqs.create_queue(
        QueueName="orders",
        Attributes={
            "VisibilityTimeout": "1",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "2"}),
        },
    )["QueueUrl"]
    dlq = SimulatedQueue()
    queue = SimulatedQueue(visibility_timeout=1, max_receive_count=2, dead_letter_queue=dlq)

    sqs.send_message(QueueUrl=url, MessageBody="poison pill")
    queue.send_message("poison pill", 0)
    now = 0.0
    for expected_count in ("1", "2"):
        emulated = sqs.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"])["Messages"]
        simulated = queue.receive_message(now)
        assert [m["Attributes"]["ApproximateReceiveCount"] for m in emulated] == [expected_count]
        assert [m["Attributes"]["ApproximateReceiveCount"] for m in simulated] == [expected_count]
        assert _counts(sqs, url) == _sim_counts(queue, now) == (0, 1)
        time.sleep(PAUSE_SECONDS)
        now += PAUSE_SECONDS
    # The third receive moves the message to the dead-letter queue instead of delivering it.
    assert sqs.receive_message(QueueUrl=url).get("Messages", []) == []
    assert queue.receive_message(now) == []
    assert _counts(sqs, url) == _sim_counts(queue, now) == (0, 0)
    assert _counts(sqs, dlq_url) == _sim_counts(dlq, now) == (1, 0)
    emulated = sqs.receive_message(QueueUrl=dlq_url, AttributeNames=["ApproximateReceiveCount"])["Messages"]
    simulated = dlq.receive_message(now)
    assert emulated[0]["Body"] == simulated[0]["Body"] == "poison pill"
    assert emulated[0]["MessageId"] == json.loads(json.dumps(emulated[0]))["MessageId"]
    assert emulated[0]["Attributes"]["ApproximateReceiveCount"] == simulated[0]["Attributes"]["ApproximateReceiveCount"]


def test_visibility_expiry_agrees_with_moto(sqs):
    url = sqs.create_queue(QueueName="work", Attributes={"VisibilityTimeout": "1"})["QueueUrl"]
    queue = SimulatedQueue(visibility_timeout=1)
    sqs.send_message(QueueUrl=url, MessageBody="job")
    queue.send_message("job", 0)

    first_emulated = sqs.receive_message(QueueUrl=url)["Messages"][0]
    first_simulated = queue.receive_message(0)[0]
    assert sqs.receive_message(QueueUrl=url).get("Messages", []) == queue.receive_message(0.01) == []
    assert _counts(sqs, url) == _sim_counts(queue, 0.01) == (0, 1)

    time.sleep(PAUSE_SECONDS)
    assert _counts(sqs, url) == _sim_counts(queue, PAUSE_SECONDS) == (1, 0)
    again_emulated = sqs.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"])["Messages"][0]
    again_simulated = queue.receive_message(PAUSE_SECONDS)[0]
    for first, again in ((first_emulated, again_emulated), (first_simulated, again_simulated)):
        assert again["MessageId"] == first["MessageId"]
        assert again["ReceiptHandle"] != first["ReceiptHandle"]
    assert again_emulated["Attributes"]["ApproximateReceiveCount"] == "2"
    assert again_simulated["Attributes"]["ApproximateReceiveCount"] == "2"
    sqs.delete_message(QueueUrl=url, ReceiptHandle=again_emulated["ReceiptHandle"])
    queue.delete_message(again_simulated["ReceiptHandle"], PAUSE_SECONDS)
    assert _counts(sqs, url) == _sim_counts(queue, PAUSE_SECONDS) == (0, 0)


def _batch_scenario_on_moto(client, url, messages):
    for start in range(0, messages, 10):
        client.send_message_batch(
            QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": f"m{start + i}"} for i in range(10)]
        )
    done = 0
    while done < messages:
        received = client.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        client.delete_message_batch(
            QueueUrl=url, Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(received)]
        )
        done += len(received)


def _batch_scenario_on_simulator(messages):
    queue = SimulatedQueue()
    for start in range(0, messages, 10):
        queue.send_message_batch([{"Id": str(i), "MessageBody": f"m{start + i}"} for i in range(10)], 0)
    done = 0
    while done < messages:
        received = queue.receive_message(1, 10)
        queue.delete_message_batch(
            [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(received)], 1
        )
        done += len(received)
    assert queue.state_counts(1)["deleted"] == messages


def test_speed_simulator_vs_emulator(sqs, capsys):
    messages = 200
    url = sqs.create_queue(QueueName="speed")["QueueUrl"]
    started = time.perf_counter()
    _batch_scenario_on_moto(sqs, url, messages)
    emulator_seconds = time.perf_counter() - started
    assert _counts(sqs, url) == (0, 0)
    started = time.perf_counter()
    _batch_scenario_on_simulator(messages)
    simulator_seconds = time.perf_counter() - started
    ratio = emulator_seconds / simulator_seconds
    started = time.perf_counter()
    fleet = simulate_consumer_fleet(1000, 1000, 1200, seed=1)
    fleet_seconds = time.perf_counter() - started
    started = time.perf_counter()
    crashing = simulate_consumer_fleet(1000, 1000, 1200, seed=1, crash_probability=0.05, max_receive_count=3)
    crashing_seconds = time.perf_counter() - started
    with capsys.disabled():
        print(
            f"\n[speed] {messages} messages sent, received and deleted in batches of 10: boto3 on moto "
            f"{emulator_seconds:.3f} s, SimulatedQueue {simulator_seconds:.4f} s, ratio {ratio:.0f}x\n"
            f"[speed] consumer fleet, {fleet.messages_sent:,} messages: {fleet_seconds:.2f} s healthy, "
            f"{crashing_seconds:.2f} s with 5% crashes ({crashing.receives:,} receives)"
        )
    assert ratio > 20
    assert fleet.messages_sent > 990_000 and fleet_seconds < 30 and crashing_seconds < 30
