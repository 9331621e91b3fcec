"""SimulatedQueue: SQS semantics on a virtual clock, limits, and property tests of its invariants."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services.sqs import MESSAGE_MAX_BYTES, SimulatedQueue, validate_body
from awslab.app_services.sqs_limits import fifo_max_messages_per_second

STATES = ("visible", "in_flight", "delayed", "deleted", "dead_lettered", "expired")


def test_defaults_match_sqs():
    # SQS Developer Guide, quotas: visibility 30 s, retention 4 days, no delay.
    queue = SimulatedQueue()
    attributes = queue.get_queue_attributes(0)
    assert attributes["VisibilityTimeout"] == "30"
    assert attributes["MessageRetentionPeriod"] == "345600"
    assert attributes["DelaySeconds"] == "0"
    assert attributes["MaximumMessageSize"] == "1048576"


def test_send_receive_delete_round_trip():
    queue = SimulatedQueue()
    message_id = queue.send_message("hello", now=0)
    [message] = queue.receive_message(now=1)
    assert message["MessageId"] == message_id
    assert message["Body"] == "hello"
    assert message["MD5OfBody"] == "5d41402abc4b2a76b9719d911017c592"  # md5("hello")
    assert message["Attributes"]["ApproximateReceiveCount"] == "1"
    assert queue.approximate_number_of_messages_not_visible(1) == 1
    queue.delete_message(message["ReceiptHandle"], now=2)
    assert queue.state_counts(2)["deleted"] == 1
    assert queue.receive_message(now=100) == []


def test_visibility_timeout_returns_the_message():
    queue = SimulatedQueue(visibility_timeout=10)
    queue.send_message("m", 0)
    first = queue.receive_message(0)[0]
    assert queue.receive_message(9.999) == []
    again = queue.receive_message(10)[0]
    assert again["MessageId"] == first["MessageId"]
    assert again["Attributes"]["ApproximateReceiveCount"] == "2"
    assert again["ReceiptHandle"] != first["ReceiptHandle"]


def test_stale_receipt_handle_deletes_nothing():
    # SQS: deleting with an older receipt handle succeeds but the message may not be deleted.
    queue = SimulatedQueue(visibility_timeout=5)
    queue.send_message("m", 0)
    old = queue.receive_message(0)[0]["ReceiptHandle"]
    new = queue.receive_message(6)[0]["ReceiptHandle"]
    queue.delete_message(old, 7)
    assert queue.stale_deletes == 1
    assert queue.approximate_number_of_messages_not_visible(7) == 1
    with pytest.raises(ValueError, match="receipt_handle"):
        queue.change_message_visibility(old, 0, 7)
    queue.delete_message(new, 7)
    assert queue.state_counts(7)["deleted"] == 1


def test_current_handle_deletes_after_visibility_expired_if_not_received_again():
    queue = SimulatedQueue(visibility_timeout=5)
    queue.send_message("m", 0)
    handle = queue.receive_message(0)[0]["ReceiptHandle"]
    queue.delete_message(handle, 100)
    assert queue.state_counts(100)["deleted"] == 1


def test_unknown_receipt_handle_is_rejected():
    with pytest.raises(ValueError, match="receipt_handle"):
        SimulatedQueue().delete_message("nonsense", 0)


def test_change_message_visibility():
    queue = SimulatedQueue(visibility_timeout=30)
    queue.send_message("m", 0)
    handle = queue.receive_message(0)[0]["ReceiptHandle"]
    queue.change_message_visibility(handle, 0, 1)  # give it back at once
    assert queue.approximate_number_of_messages(1) == 1
    with pytest.raises(ValueError, match="MessageNotInflight"):
        queue.change_message_visibility(handle, 10, 1)
    handle = queue.receive_message(1)[0]["ReceiptHandle"]
    queue.change_message_visibility(handle, 120, 2)
    assert queue.receive_message(121) == []
    assert len(queue.receive_message(122)) == 1


def test_visibility_cannot_pass_twelve_hours_after_receipt():
    queue = SimulatedQueue(visibility_timeout=43_000)
    queue.send_message("m", 0)
    handle = queue.receive_message(0)[0]["ReceiptHandle"]
    queue.change_message_visibility(handle, 43_100, 100)
    with pytest.raises(ValueError, match="visibility_timeout"):
        queue.change_message_visibility(handle, 43_200, 101)


def test_queue_and_message_delays():
    queue = SimulatedQueue(delay_seconds=20)
    queue.send_message("queue delay", 0)
    queue.send_message("own delay", 0, delay_seconds=0)
    assert queue.approximate_number_of_messages_delayed(0) == 1
    assert [m["Body"] for m in queue.receive_message(0, 10)] == ["own delay"]
    assert [m["Body"] for m in queue.receive_message(20, 10)] == ["queue delay"]


def test_retention_expiry_counts_in_flight_messages_too():
    queue = SimulatedQueue(visibility_timeout=100, message_retention_period=60)
    queue.send_message("a", 0)
    queue.send_message("b", 10)
    queue.receive_message(10)
    counts = queue.state_counts(60)
    assert counts["expired"] == 1 and counts["visible"] == 1
    assert queue.state_counts(70)["expired"] == 2


def test_redrive_moves_after_max_receive_count():
    dlq = SimulatedQueue()
    queue = SimulatedQueue(visibility_timeout=1, max_receive_count=2, dead_letter_queue=dlq)
    queue.send_message("poison", 0)
    assert queue.receive_message(0)[0]["Attributes"]["ApproximateReceiveCount"] == "1"
    assert queue.receive_message(1)[0]["Attributes"]["ApproximateReceiveCount"] == "2"
    assert queue.receive_message(2) == []  # the third receive moves it instead of delivering it
    assert queue.state_counts(2)["dead_lettered"] == 1
    [moved] = dlq.receive_message(2)
    assert moved["Body"] == "poison"
    assert moved["Attributes"]["ApproximateReceiveCount"] == "3"
    assert json.loads(queue.get_queue_attributes(2)["RedrivePolicy"])["maxReceiveCount"] == 2


def test_standard_dead_letter_queue_keeps_the_original_enqueue_time():
    # SQS Developer Guide, dead-letter queues: a standard queue's DLQ keeps the original timestamp.
    dlq = SimulatedQueue(message_retention_period=100)
    queue = SimulatedQueue(visibility_timeout=1, max_receive_count=1, dead_letter_queue=dlq)
    queue.send_message("old", 0)
    queue.receive_message(0)
    queue.receive_message(150)  # moved at 150, already older than the DLQ's retention
    assert dlq.state_counts(150)["expired"] == 1


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"visibility_timeout": -1}, "visibility_timeout"),
        ({"visibility_timeout": 43_201}, "visibility_timeout"),
        ({"message_retention_period": 59}, "message_retention_period"),
        ({"message_retention_period": 1_209_601}, "message_retention_period"),
        ({"delay_seconds": 901}, "delay_seconds"),
        ({"max_receive_count": 0, "dead_letter_queue": SimulatedQueue()}, "max_receive_count"),
        ({"max_receive_count": 1001, "dead_letter_queue": SimulatedQueue()}, "max_receive_count"),
        ({"max_receive_count": 3}, "dead_letter_queue"),
        ({"dead_letter_queue": SimulatedQueue()}, "max_receive_count"),
        ({"max_receive_count": 3, "dead_letter_queue": SimulatedQueue(), "fifo": True}, "fifo"),
    ],
)
def test_out_of_range_settings_raise(kwargs, name):
    with pytest.raises(ValueError, match=name):
        SimulatedQueue(**kwargs)


def test_boundaries_are_accepted():
    SimulatedQueue(visibility_timeout=0, message_retention_period=60, delay_seconds=900)
    SimulatedQueue(
        visibility_timeout=43_200,
        message_retention_period=1_209_600,
        max_receive_count=1000,
        dead_letter_queue=SimulatedQueue(),
    )


def test_message_limits():
    assert validate_body("x" * MESSAGE_MAX_BYTES)
    with pytest.raises(ValueError, match="body"):
        validate_body("x" * (MESSAGE_MAX_BYTES + 1))
    with pytest.raises(ValueError, match="body"):
        validate_body("")
    with pytest.raises(ValueError, match="character"):
        validate_body("bell\x07")
    queue = SimulatedQueue()
    with pytest.raises(ValueError, match="delay_seconds"):
        queue.send_message("m", 0, delay_seconds=901)
    with pytest.raises(ValueError, match="max_number_of_messages"):
        queue.receive_message(0, 11)
    with pytest.raises(ValueError, match="max_number_of_messages"):
        queue.receive_message(0, 0)


def test_clock_cannot_run_backwards():
    queue = SimulatedQueue()
    queue.send_message("m", 10)
    with pytest.raises(ValueError, match="now"):
        queue.receive_message(5)


def test_batches():
    queue = SimulatedQueue()
    result = queue.send_message_batch([{"Id": str(i), "MessageBody": f"m{i}"} for i in range(10)], 0)
    assert len(result["Successful"]) == 10 and result["Failed"] == []
    received = queue.receive_message(0, 10)
    assert len(received) == 10
    deleted = queue.delete_message_batch(
        [{"Id": f"d{i}", "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(received)], 1
    )
    assert len(deleted["Successful"]) == 10
    with pytest.raises(ValueError, match="entries"):
        queue.send_message_batch([{"Id": str(i), "MessageBody": "m"} for i in range(11)], 2)
    with pytest.raises(ValueError, match="distinct"):
        queue.send_message_batch([{"Id": "a", "MessageBody": "m"}, {"Id": "a", "MessageBody": "n"}], 2)
    partial = queue.send_message_batch([{"Id": "ok", "MessageBody": "m"}, {"Id": "bad", "MessageBody": ""}], 2)
    assert [e["Id"] for e in partial["Failed"]] == ["bad"]


def test_fifo_orders_within_a_group_and_blocks_it_while_in_flight():
    queue = SimulatedQueue(fifo=True, content_based_deduplication=True, visibility_timeout=10)
    for body in ("a1", "a2", "a3"):
        queue.send_message(body, 0, message_group_id="A")
    queue.send_message("b1", 0, message_group_id="B")
    first = queue.receive_message(0, 2)
    assert [m["Body"] for m in first] == ["a1", "a2"]
    # Group A is in flight, so only group B can be served.
    assert [m["Body"] for m in queue.receive_message(1, 10)] == ["b1"]
    queue.delete_message(first[0]["ReceiptHandle"], 2)
    assert queue.receive_message(3, 10) == []  # a2 still in flight
    assert [m["Body"] for m in queue.receive_message(10, 10)] == ["a2", "a3"]


def test_fifo_deduplication_window():
    queue = SimulatedQueue(fifo=True)
    first = queue.send_message("order 1", 0, message_group_id="g", message_deduplication_id="o1")
    assert queue.send_message("order 1 again", 299, message_group_id="g", message_deduplication_id="o1") == first
    assert queue.state_counts(299)["enqueued"] == 1
    assert queue.send_message("order 1 later", 300, message_group_id="g", message_deduplication_id="o1") != first
    with pytest.raises(ValueError, match="message_group_id"):
        queue.send_message("x", 301, message_deduplication_id="x")
    with pytest.raises(ValueError, match="message_deduplication_id"):
        queue.send_message("x", 301, message_group_id="g")
    with pytest.raises(ValueError, match="delay_seconds"):
        queue.send_message("x", 301, delay_seconds=5, message_group_id="g", message_deduplication_id="y")
    with pytest.raises(ValueError, match="message_deduplication_id"):
        SimulatedQueue().send_message("x", 0, message_deduplication_id="y")


# ------------------------------------------------------------------ properties
operation = st.one_of(
    st.tuples(st.just("send"), st.floats(0, 5), st.sampled_from([None, 0, 3, 10])),
    st.tuples(st.just("receive"), st.floats(0, 5), st.integers(1, 10)),
    st.tuples(st.just("delete"), st.floats(0, 5), st.integers(0, 50)),
    st.tuples(st.just("change"), st.floats(0, 5), st.integers(0, 50)),
)


def _run(operations, queue, dlq):
    """Play random operations; yield (now, handles-issued) after each step."""
    now, handles = 0.0, []
    for kind, step, argument in operations:
        now += step
        if kind == "send":
            queue.send_message("m", now, argument)
        elif kind == "receive":
            handles += [(m["MessageId"], m["ReceiptHandle"]) for m in queue.receive_message(now, argument)]
            dlq.receive_message(now, argument)
        elif handles:
            _, handle = handles[argument % len(handles)]
            if kind == "delete":
                queue.delete_message(handle, now)
            else:
                try:
                    queue.change_message_visibility(handle, 2.0, now)
                except ValueError:
                    pass  # stale or not in flight: SQS refuses these too
        yield now, handles


@given(st.lists(operation, max_size=60))
def test_conservation_every_message_is_somewhere(operations):
    dlq = SimulatedQueue(message_retention_period=60)
    queue = SimulatedQueue(
        visibility_timeout=4, message_retention_period=60, max_receive_count=2, dead_letter_queue=dlq
    )
    for now, _ in _run(operations, queue, dlq):
        counts = queue.state_counts(now)
        assert sum(counts[s] for s in STATES) == counts["enqueued"]
        dlq_counts = dlq.state_counts(now)
        assert dlq_counts["enqueued"] == counts["dead_lettered"]
        assert sum(dlq_counts[s] for s in STATES) == dlq_counts["enqueued"]
        assert min(counts.values()) >= 0


@given(st.lists(operation, max_size=60))
def test_a_handle_from_an_earlier_receive_never_deletes(operations):
    dlq = SimulatedQueue()
    queue = SimulatedQueue(visibility_timeout=4, max_receive_count=3, dead_letter_queue=dlq)
    for now, handles in _run(operations, queue, dlq):
        latest: dict[str, str] = {}
        for message_id, handle in handles:
            latest[message_id] = handle
        for message_id, handle in handles[-30:]:
            if handle != latest[message_id]:
                before = queue.state_counts(now)
                queue.delete_message(handle, now)
                assert queue.state_counts(now) == before


@given(st.lists(st.floats(0, 3), min_size=1, max_size=30), st.floats(0.5, 5))
def test_in_flight_messages_are_never_delivered(gaps, timeout):
    queue = SimulatedQueue(visibility_timeout=timeout)
    for i in range(5):
        queue.send_message(f"m{i}", 0)
    now = 0.0
    in_flight_until: dict[str, float] = {}
    for gap in gaps:
        now += gap
        for message in queue.receive_message(now, 3):
            assert in_flight_until.get(message["MessageId"], -1) <= now
            in_flight_until[message["MessageId"]] = now + timeout


def test_message_attributes_round_trip_and_limits():
    queue = SimulatedQueue()
    attributes = {
        "order_total": {"DataType": "Number", "StringValue": "42.5"},
        "source": {"DataType": "String.web", "StringValue": "checkout"},
    }
    queue.send_message("m", 0, message_attributes=attributes)
    assert queue.receive_message(0)[0]["MessageAttributes"] == attributes
    too_many = {f"a{i}": {"DataType": "String", "StringValue": "v"} for i in range(11)}
    with pytest.raises(ValueError, match="message_attributes"):
        queue.send_message("m", 1, message_attributes=too_many)
    for bad in (
        {"AWS.trace": {"DataType": "String", "StringValue": "v"}},
        {"a..b": {"DataType": "String", "StringValue": "v"}},
        {"n": {"DataType": "Number", "StringValue": "forty"}},
        {"n": {"DataType": "Text", "StringValue": "v"}},
        {"n": {"DataType": "String", "StringValue": ""}},
    ):
        with pytest.raises(ValueError, match="message_attributes"):
            queue.send_message("m", 1, message_attributes=bad)
    # Attributes count toward the 1 MiB message size.
    big = {"pad": {"DataType": "String", "StringValue": "x" * 100}}
    with pytest.raises(ValueError, match="bytes"):
        queue.send_message("x" * (MESSAGE_MAX_BYTES - 50), 1, message_attributes=big)


def test_fifo_limits():
    # SQS message quotas: 300 API calls per second per action, 3,000 messages with batches of 10.
    assert fifo_max_messages_per_second() == 300
    assert fifo_max_messages_per_second(10) == 3000
    with pytest.raises(ValueError, match="batch_size"):
        fifo_max_messages_per_second(11)
    queue = SimulatedQueue(fifo=True, content_based_deduplication=True)
    with pytest.raises(ValueError, match="message_group_id"):
        queue.send_message("m", 0, message_group_id="g" * 129)
    with pytest.raises(ValueError, match="message_group_id"):
        queue.send_message("m", 0, message_group_id="has space")
    queue.send_message("m", 0, message_group_id="g" * 128)


def test_names_and_arns():
    dlq = SimulatedQueue(name="orders-dlq")
    queue = SimulatedQueue(name="orders", max_receive_count=5, dead_letter_queue=dlq)
    attributes = queue.get_queue_attributes(0)
    assert attributes["QueueArn"] == "arn:aws:sqs:us-east-1:123456789012:orders"
    assert json.loads(attributes["RedrivePolicy"]) == {
        "deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:orders-dlq",
        "maxReceiveCount": 5,
    }
    assert SimulatedQueue(fifo=True, name="jobs.fifo").get_queue_attributes(0)["FifoQueue"] == "true"
    for kwargs in ({"name": "jobs.fifo"}, {"name": "jobs", "fifo": True}, {"name": "bad name"}, {"name": "x" * 81}):
        with pytest.raises(ValueError, match="name"):
            SimulatedQueue(**kwargs)
