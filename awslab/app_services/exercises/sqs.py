"""Exercises of 01_sqs: answers computed by awslab.app_services.sqs, sqs_limits and sqs_fleet.

>>> fifo_throughput.check(3000).right
True

References:
    - Amazon SQS Developer Guide, "Amazon SQS quotas" (FIFO throughput per API action),
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-limits.html (read 2026-12-03)
    - Amazon SQS pricing, https://aws.amazon.com/sqs/pricing/ (read 2026-12-03; the list prices are in
      awslab.app_services.sqs_fleet)
"""

from __future__ import annotations

from awslab import exercises
from awslab.app_services import sqs_fleet, sqs_limits
from awslab.app_services.sqs import SimulatedQueue


def _dead_letter_time(visibility_timeout: int = 30, max_receive_count: int = 4) -> int:
    """Second at which a never-deleted message, received every second, is first visible in the dead-letter queue."""
    dlq = SimulatedQueue(name="orders-dlq")
    queue = SimulatedQueue(
        visibility_timeout=visibility_timeout, max_receive_count=max_receive_count, dead_letter_queue=dlq, name="o"
    )
    queue.send_message("poison", now=0)
    for t in range(0, visibility_timeout * (max_receive_count + 2)):
        queue.receive_message(now=t)
        if dlq.approximate_number_of_messages(t):
            return t
    raise RuntimeError("the message never reached the dead-letter queue")


fifo_throughput = exercises.number(
    "sqs-1",
    "FIFO throughput with batches",
    task="A FIFO queue (not in high-throughput mode) receives orders from a producer that uses `SendMessageBatch` "
    "with 10 entries per call. At most how many messages per second can it send?",
    answer=sqs_limits.fifo_max_messages_per_second(10),
    unit="messages/s",
    hint="The FIFO quota counts API calls per second per action, not messages; look at the last line of the "
    "Standard-or-FIFO cell.",
    solution=f"{sqs_limits.FIFO_API_CALLS_PER_SECOND} calls/s x {sqs_limits.BATCH_MAX_ENTRIES} messages per call = "
    f"{sqs_limits.fifo_max_messages_per_second(10):,} messages/s. Answering "
    f"{sqs_limits.FIFO_API_CALLS_PER_SECOND} forgets that a batch carries ten messages for one call.",
    tolerance=0,
)

dead_letter_time = exercises.number(
    "sqs-2",
    "When does the poison message move?",
    task="A queue has a visibility timeout of 30 s and a redrive policy with `maxReceiveCount` 4. A consumer calls "
    "`ReceiveMessage` every second from t = 0 and crashes on one message without ever deleting it. At what second "
    "does that message first show in the dead-letter queue?",
    answer=_dead_letter_time(30, 4),
    unit="s",
    hint="The message is received at t = 0, then again each time its visibility timeout runs out. SQS moves it when "
    "a receive would take its receive count past maxReceiveCount. Try it with a `SimulatedQueue` as in the "
    "dead-letter cell.",
    solution="Receives 1-4 happen at t = 0, 30, 60 and 90 s. At t = 120 s the message is visible again and the "
    "next receive would be the fifth, so SQS moves it to the dead-letter queue instead: "
    f"{_dead_letter_time(30, 4)} s. (90 s is the time of the last delivery, not of the move.)",
    tolerance=0,
)

_SHORT = sqs_fleet.polling_cost(0, 10, 0)
_LONG = sqs_fleet.polling_cost(0, 10, 20)

idle_short_polling = exercises.number(
    "sqs-3",
    "What idle short polling costs",
    task="Ten workers short-poll an empty Standard queue in a loop, one `ReceiveMessage` every 0.05 s each. How many "
    "USD a month (30 days, us-east-1 list price, after the free tier) do those empty receives cost?",
    answer=round(_SHORT.usd_per_month, 2),
    unit="USD",
    hint="Use `sqs_fleet.polling_cost(0, 10, 0)` or the polling explorer with the wait time at 0: requests per "
    "second x seconds in a month, minus the free million, times the price per million.",
    solution=f"10 workers x 20 requests/s x 2,592,000 s = {_SHORT.receive_requests_per_month:,.0f} requests; minus "
    f"1,000,000 free, at USD {sqs_fleet.STANDARD_USD_PER_MILLION_REQUESTS:.2f} per million: about USD "
    f"{_SHORT.usd_per_month:,.2f}. With 20 s long polling the same workers send "
    f"{_LONG.receive_requests_per_month:,.0f} requests and pay USD {_LONG.usd_per_month:.2f}.",
)
