"""Sandbox labs: the same SQS and SNS scenarios through boto3 on the emulator and on the simulator, side by side.

The emulator (moto) runs on the wall clock, so the redrive lab uses a 1-second visibility timeout and short real
sleeps; the simulator gets the same instants as its virtual ``now``. Only counts and bodies are reported, never
message ids or receipt handles, so the tables are the same on every run.

References:
    - Amazon SQS Developer Guide, "Amazon SQS message quotas",
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html (read 2026-12-03)
    - Amazon SNS Developer Guide, "Filter policy constraints in Amazon SNS",
      https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html (read 2026-12-03)
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from awslab.app_services import sns
from awslab.app_services.sqs import SimulatedQueue

if TYPE_CHECKING:
    import pandas as pd

COUNT_ATTRIBUTES = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]


def _emulator_counts(client, url: str) -> tuple[int, int]:
    attributes = client.get_queue_attributes(QueueUrl=url, AttributeNames=COUNT_ATTRIBUTES)["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]), int(attributes["ApproximateNumberOfMessagesNotVisible"])


def _row(step: str, emulated: list, simulated: list, client, url, dlq_url, queue, dlq, now) -> dict:
    visible, in_flight = _emulator_counts(client, url)
    dlq_visible, _ = _emulator_counts(client, dlq_url)

    def counts(messages):
        return ",".join(m["Attributes"]["ApproximateReceiveCount"] for m in messages) or "-"

    return {
        "step": step,
        "emulator: receive counts": counts(emulated),
        "simulator: receive counts": counts(simulated),
        "emulator: visible / in flight / DLQ": f"{visible} / {in_flight} / {dlq_visible}",
        "simulator: visible / in flight / DLQ": (
            f"{queue.approximate_number_of_messages(now)} / {queue.approximate_number_of_messages_not_visible(now)}"
            f" / {dlq.approximate_number_of_messages(now)}"
        ),
    }


def redrive_side_by_side(aws, max_receive_count: int = 2, pause_seconds: float = 1.1) -> pd.DataFrame:
    """A poison message received and never deleted, on the emulator (1 s visibility timeout) and the simulator.

    ``aws`` is a running :class:`awslab.sandbox.Sandbox`. Real sleeps total ``max_receive_count * pause_seconds``.
    """
    import pandas as pd

    if not isinstance(max_receive_count, int) or not 1 <= max_receive_count <= 5:
        raise ValueError(f"max_receive_count={max_receive_count!r} must be 1-5 in this lab (each adds a real pause)")
    client = aws.client("sqs")
    dlq_url = client.create_queue(QueueName="orders-dlq")["QueueUrl"]
    dlq_arn = client.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    redrive = {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(max_receive_count)}
    url = client.create_queue(
        QueueName="orders", Attributes={"VisibilityTimeout": "1", "RedrivePolicy": json.dumps(redrive)}
    )["QueueUrl"]
    dlq = SimulatedQueue(name="orders-dlq")
    queue = SimulatedQueue(
        visibility_timeout=1, max_receive_count=max_receive_count, dead_letter_queue=dlq, name="orders"
    )
    client.send_message(QueueUrl=url, MessageBody="poison pill")
    queue.send_message("poison pill", 0)
    now = 0.0
    rows = [_row("sent", [], [], client, url, dlq_url, queue, dlq, now)]
    for attempt in range(1, max_receive_count + 2):
        emulated = client.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
        simulated = queue.receive_message(now)
        rows.append(
            _row(f"receive {attempt} at t={now:g} s", emulated, simulated, client, url, dlq_url, queue, dlq, now)
        )
        if attempt <= max_receive_count:
            time.sleep(pause_seconds)
            now = round(now + pause_seconds, 6)
    return pd.DataFrame(rows)


def visibility_side_by_side(aws, pause_seconds: float = 1.1) -> pd.DataFrame:
    """Receive a message, try again at once (nothing), wait past the 1 s timeout, receive it again and delete it.

    Only the newest receipt handle deletes: a handle is issued per receive.
    """
    import pandas as pd

    client = aws.client("sqs")
    url = client.create_queue(QueueName="work", Attributes={"VisibilityTimeout": "1"})["QueueUrl"]
    queue = SimulatedQueue(visibility_timeout=1, name="work")
    client.send_message(QueueUrl=url, MessageBody="job")
    queue.send_message("job", 0)
    rows = []

    def record(step, emulated, simulated, now):
        rows.append(
            {
                "step": step,
                "emulator got": [m["Body"] for m in emulated],
                "simulator got": [m["Body"] for m in simulated],
                "emulator visible / in flight": " / ".join(map(str, _emulator_counts(client, url))),
                "simulator visible / in flight": (
                    f"{queue.approximate_number_of_messages(now)} / "
                    f"{queue.approximate_number_of_messages_not_visible(now)}"
                ),
            }
        )

    first_e = client.receive_message(QueueUrl=url)["Messages"]
    first_s = queue.receive_message(0)
    record("receive at t=0", first_e, first_s, 0)
    record(
        "receive again at once", client.receive_message(QueueUrl=url).get("Messages", []), queue.receive_message(0), 0
    )
    time.sleep(pause_seconds)
    again_e = client.receive_message(QueueUrl=url)["Messages"]
    again_s = queue.receive_message(pause_seconds)
    record(f"receive at t={pause_seconds:g} s", again_e, again_s, pause_seconds)
    client.delete_message(QueueUrl=url, ReceiptHandle=again_e[0]["ReceiptHandle"])
    queue.delete_message(again_s[0]["ReceiptHandle"], pause_seconds)
    record("delete with the newest receipt handle", [], [], pause_seconds)
    return pd.DataFrame(rows)


def fanout_on_emulator(aws, orders: list[tuple[str, float]]) -> pd.DataFrame:
    """The order fan-out on the emulator: one topic, three queues (one filtered); bodies each queue received.

    >>> from awslab.sandbox import sandbox
    >>> with sandbox() as aws:
    ...     table = fanout_on_emulator(aws, [("o-1", 50.0), ("o-2", 1500.0)])
    >>> table["orders received"].tolist()
    [['o-1', 'o-2'], ['o-1', 'o-2'], ['o-2']]
    """
    import pandas as pd

    sns_client, sqs_client = aws.client("sns"), aws.client("sqs")
    topic_arn = sns_client.create_topic(Name="orders")["TopicArn"]
    model_topic = sns.order_processing_fanout().topic
    urls = {}
    for subscription in model_topic.subscriptions:
        name = subscription.endpoint.rsplit(":", 1)[1]
        urls[name] = sqs_client.create_queue(QueueName=name)["QueueUrl"]
        arn = sqs_client.get_queue_attributes(QueueUrl=urls[name], AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        attributes = {"RawMessageDelivery": "true"} if subscription.raw_message_delivery else {}
        if subscription.filter_policy:
            attributes["FilterPolicy"] = json.dumps(subscription.filter_policy)
        sns_client.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=arn, Attributes=attributes)
    for order_id, total in orders:
        sns_client.publish(
            TopicArn=topic_arn,
            Message=json.dumps({"order": order_id, "total_usd": total}),
            MessageAttributes={"total_usd": {"DataType": "Number", "StringValue": f"{total:g}"}},
        )
    rows = []
    for name, url in urls.items():
        bodies = []
        while True:
            batch = sqs_client.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
            if not batch:
                break
            for message in batch:
                body = json.loads(message["Body"])
                raw = "Type" not in body
                bodies.append((json.loads(body["Message"]) if not raw else body)["order"])
                sqs_client.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
            if len(bodies) >= len(orders):
                break
        first = sqs_client.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
        rows.append(
            {
                "queue": name,
                "orders received": sorted(bodies),
                "delivery": "raw message" if name == "warehouse" else "SNS JSON envelope",
                "left in queue": int(first["Attributes"]["ApproximateNumberOfMessages"]),
            }
        )
    return pd.DataFrame(rows)


def fanout_on_simulator(orders: list[tuple[str, float]]) -> pd.DataFrame:
    """The same orders through the model's topic and SimulatedQueues, for comparison with the emulator.

    >>> fanout_on_simulator([("o-1", 50.0), ("o-2", 1500.0)]).shape
    (3, 2)
    """
    import pandas as pd

    fanout = sns.order_processing_fanout()
    topic, queues = fanout.topic, fanout.queues
    for order_id, total in orders:
        topic.publish(
            json.dumps({"order": order_id, "total_usd": total}),
            0,
            message_attributes={"total_usd": {"DataType": "Number", "StringValue": f"{total:g}"}},
        )
    rows = []
    for name, queue in queues.items():
        received = queue.receive_message(1, 10)
        envelopes = [json.loads(m["Body"]) for m in received]
        orders_seen = [json.loads(e["Message"]) if "Message" in e else e for e in envelopes]
        rows.append({"queue": name, "orders received": sorted(o["order"] for o in orders_seen)})
    return pd.DataFrame(rows)
