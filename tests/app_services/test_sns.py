"""SNS filter policies (SNS's own JSON syntax), fan-out to simulated SQS queues, and HTTP retry schedules."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services.sns import (
    Topic,
    http_retry_delays,
    order_processing_fanout,
    parse_filter_policy,
    policy_matches,
)
from awslab.app_services.sqs import SimulatedQueue


def attrs(**values):
    """Publish-shaped MessageAttributes: str -> String, number -> Number, list -> String.Array."""
    out = {}
    for name, value in values.items():
        if isinstance(value, list):
            out[name] = {"DataType": "String.Array", "StringValue": json.dumps(value)}
        elif isinstance(value, (int, float)):
            out[name] = {"DataType": "Number", "StringValue": str(value)}
        else:
            out[name] = {"DataType": "String", "StringValue": value}
    return out


# The worked example of the SNS Developer Guide, "Amazon SNS example filter policies" (read 2026-11-27).
DOC_POLICY = {
    "store": ["example_corp"],
    "event": [{"anything-but": "order_cancelled"}],
    "customer_interests": ["rugby", "football", "baseball"],
    "price_usd": [{"numeric": [">=", 100]}],
}
DOC_MESSAGE = attrs(
    customer_interests=["soccer", "rugby", "hockey"], store="example_corp", event="order_placed", price_usd=210.75
)


def test_documented_example_matches():
    assert policy_matches(DOC_POLICY, DOC_MESSAGE)


@pytest.mark.parametrize(
    "change",
    [
        {"store": "other_corp"},
        {"event": "order_cancelled"},
        {"customer_interests": ["soccer"]},
        {"price_usd": 99.99},
    ],
)
def test_documented_example_fails_when_one_key_fails(change):
    message = {**DOC_MESSAGE, **attrs(**change)}
    assert not policy_matches(DOC_POLICY, message)


def test_missing_attribute_fails_unless_exists_false():
    assert not policy_matches({"store": ["example_corp"]}, {})
    assert policy_matches({"store": [{"exists": False}]}, {})
    assert not policy_matches({"store": [{"exists": False}]}, attrs(store="x"))
    assert policy_matches({"store": [{"exists": True}]}, attrs(store="x"))
    assert not policy_matches({"event": [{"anything-but": "x"}]}, {})


@pytest.mark.parametrize(
    "condition, value, expected",
    [
        ({"prefix": "order-"}, "order-42", True),
        ({"prefix": "order-"}, "refund-42", False),
        ({"suffix": ".png"}, "cat.png", True),
        ({"equals-ignore-case": "PAID"}, "paid", True),
        ({"anything-but": ["a", "b"]}, "c", True),
        ({"anything-but": ["a", "b"]}, "b", False),
        ({"anything-but": {"prefix": "test-"}}, "test-1", False),
        ({"cidr": "10.0.0.0/24"}, "10.0.0.7", True),
        ({"cidr": "10.0.0.0/24"}, "10.0.1.7", False),
        ({"numeric": [">", 0, "<=", 5]}, 5, True),
        ({"numeric": [">", 0, "<=", 5]}, 0, False),
        ({"numeric": ["=", 3.5]}, 3.5, True),
    ],
)
def test_operators(condition, value, expected):
    assert policy_matches({"k": [condition]}, attrs(k=value)) is expected


def test_strings_are_case_sensitive_and_numbers_match_only_numbers():
    assert not policy_matches({"k": ["Paid"]}, attrs(k="paid"))
    assert not policy_matches({"k": [{"numeric": [">", 1]}]}, attrs(k="5"))  # a String "5" is not a number


def test_or_alternatives():
    policy = {"source": ["aws.cloudwatch"], "$or": [{"metric": ["CPUUtilization"]}, {"namespace": ["AWS/EC2"]}]}
    assert policy_matches(policy, attrs(source="aws.cloudwatch", namespace="AWS/EC2"))
    assert not policy_matches(policy, attrs(source="aws.cloudwatch", namespace="AWS/S3"))


def test_payload_based_filtering_with_nesting():
    policy = {"order": {"total_usd": [{"numeric": [">=", 100]}], "country": ["DE", "FR"]}}
    body = json.dumps({"order": {"total_usd": 120, "country": "FR"}})
    assert policy_matches(policy, body=body, scope="MessageBody")
    assert not policy_matches(
        policy, body=json.dumps({"order": {"total_usd": 50, "country": "FR"}}), scope="MessageBody"
    )
    assert not policy_matches(policy, body="not json", scope="MessageBody")
    with pytest.raises(ValueError, match="MessageBody"):
        parse_filter_policy(policy)  # nesting needs the MessageBody scope


def test_policy_limits():
    # SNS Developer Guide, "Filter policy constraints": five keys, 150 combinations.
    parse_filter_policy({f"k{i}": ["v"] for i in range(5)})
    with pytest.raises(ValueError, match="5"):
        parse_filter_policy({f"k{i}": ["v"] for i in range(6)})
    parse_filter_policy({"a": list(range(10)), "b": list(range(15))})  # 150
    with pytest.raises(ValueError, match="150"):
        parse_filter_policy({"a": list(range(10)), "b": list(range(16))})
    with pytest.raises(ValueError, match="1e9"):
        parse_filter_policy({"a": [{"numeric": [">", 2e9]}]})
    with pytest.raises(ValueError, match="operator"):
        parse_filter_policy({"a": [{"regex": "x"}]})
    with pytest.raises(ValueError, match="JSON"):
        parse_filter_policy("{not json")


def test_fan_out_gives_each_queue_its_own_copy():
    topic = Topic("orders")
    fulfilment, analytics, big_orders = SimulatedQueue(), SimulatedQueue(), SimulatedQueue()
    topic.subscribe("sqs", "arn:aws:sqs:us-east-1:123456789012:fulfilment", queue=fulfilment)
    topic.subscribe("sqs", "arn:aws:sqs:us-east-1:123456789012:analytics", queue=analytics, raw_message_delivery=True)
    topic.subscribe(
        "sqs",
        "arn:aws:sqs:us-east-1:123456789012:big",
        queue=big_orders,
        filter_policy={"total_usd": [{"numeric": [">=", 1000]}]},
    )
    deliveries = topic.publish('{"order": 1}', 0, message_attributes=attrs(total_usd=25))
    assert [d.delivered for d in deliveries] == [True, True, False]
    assert deliveries[0].message_id != deliveries[1].message_id
    [envelope_message] = fulfilment.receive_message(0)
    envelope = json.loads(envelope_message["Body"])
    assert envelope["Type"] == "Notification" and envelope["Message"] == '{"order": 1}'
    assert envelope["TopicArn"] == "arn:aws:sns:us-east-1:123456789012:orders"
    assert envelope["MessageAttributes"]["total_usd"] == {"Type": "Number", "Value": "25"}
    assert analytics.receive_message(0)[0]["Body"] == '{"order": 1}'  # raw delivery: no envelope
    # Consuming one copy leaves the other queues' copies untouched.
    fulfilment.delete_message(envelope_message["ReceiptHandle"], 1)
    assert analytics.state_counts(1)["in_flight"] == 1 and big_orders.state_counts(1)["enqueued"] == 0


def test_subscription_checks():
    topic = Topic("t")
    with pytest.raises(ValueError, match="protocol"):
        topic.subscribe("carrier-pigeon", "x")
    with pytest.raises(ValueError, match="queue"):
        topic.subscribe("sqs", "arn")
    with pytest.raises(ValueError, match="raw_message_delivery"):
        topic.subscribe("email", "a@example.com", raw_message_delivery=True)
    with pytest.raises(ValueError, match="name"):
        Topic("bad name!")


def test_http_retry_schedule():
    # SNS Developer Guide, delivery retries: the default HTTP/S policy makes 3 retries 20 s apart.
    assert http_retry_delays() == [20.0, 20.0, 20.0]
    delays = http_retry_delays(
        {
            "numRetries": 10,
            "numNoDelayRetries": 2,
            "numMinDelayRetries": 1,
            "numMaxDelayRetries": 2,
            "minDelayTarget": 1,
            "maxDelayTarget": 60,
        }
    )
    assert len(delays) == 10
    assert delays[:3] == [0.0, 0.0, 1.0] and delays[-2:] == [60.0, 60.0]
    assert delays == sorted(delays)
    with pytest.raises(ValueError, match="numRetries"):
        http_retry_delays({"numRetries": 1, "numNoDelayRetries": 2})
    with pytest.raises(ValueError, match="maxDelayTarget"):
        http_retry_delays({"minDelayTarget": 30, "maxDelayTarget": 20})


@given(
    values=st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4, unique=True),
    value=st.sampled_from(["a", "b", "c", "d", "e"]),
)
def test_anything_but_is_the_complement_of_exact_match(values, value):
    exact = policy_matches({"k": values}, attrs(k=value))
    negated = policy_matches({"k": [{"anything-but": values}]}, attrs(k=value))
    assert exact != negated


@given(low=st.integers(-1000, 1000), width=st.integers(0, 1000), value=st.integers(-3000, 3000))
def test_numeric_range_matches_exactly_the_interval(low, width, value):
    matched = policy_matches({"k": [{"numeric": [">=", low, "<", low + width]}]}, attrs(k=value))
    assert matched == (low <= value < low + width)


def test_order_processing_fanout_scenario():
    fanout = order_processing_fanout()
    topic, queues = fanout.topic, fanout.queues
    for number, total in enumerate((20, 1500, 999.99, 1000)):
        topic.publish(json.dumps({"order": number}), number, message_attributes=attrs(total_usd=total))
    counts = {name: queue.state_counts(10)["enqueued"] for name, queue in queues.items()}
    assert counts == {"fulfilment": 4, "warehouse": 4, "fraud-review": 2}


def test_http_policy_total_retry_time_is_capped_at_an_hour():
    # SNS Developer Guide, delivery retries: an HTTP/S policy's total retry time cannot pass 3,600 s.
    assert (
        sum(
            http_retry_delays(
                {"numRetries": 36, "numMaxDelayRetries": 36, "minDelayTarget": 100, "maxDelayTarget": 100}
            )
        )
        == 3600
    )
    with pytest.raises(ValueError, match="3600"):
        http_retry_delays({"numRetries": 37, "numMaxDelayRetries": 37, "minDelayTarget": 100, "maxDelayTarget": 100})


def test_pasted_filter_policy_and_array_attributes_go_through_the_shared_json_parser():
    import pytest

    from awslab.app_services import sns

    with pytest.raises(ValueError, match=r"filter_policy is not valid JSON: .*\(line 1, column"):
        sns.parse_filter_policy('{"store": [')
    with pytest.raises(ValueError, match=r"message_attributes\['tags'\].StringValue must be a JSON array"):
        sns.attribute_values({"tags": {"DataType": "String.Array", "StringValue": '{"a": 1}'}})
    assert not sns.policy_matches({"store": ["example"]}, body="[1, 2]", scope="MessageBody")
