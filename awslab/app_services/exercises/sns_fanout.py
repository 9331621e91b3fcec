"""Exercises of 02_sns_fanout: answers computed by awslab.app_services.sns.

>>> fanout_copies.check(10).right
True

References:
    - Amazon SNS Developer Guide, "Filter policy constraints",
      https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html (read 2026-12-03)
    - Amazon SNS Developer Guide, "Amazon SNS message delivery retries",
      https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.app_services import sns

ORDER_TOTALS = (250, 1200, 40, 5000)
RETRY_POLICY = {"numRetries": 5, "minDelayTarget": 20, "maxDelayTarget": 60, "backoffFunction": "linear"}

# The cases a fraud filter must get right: (region, total_usd) -> delivered?
FRAUD_CASES = {
    ("eu", 1000): True,
    ("us", 4500): True,
    ("test", 5000): False,
    ("eu", 999.99): False,
    ("us", 20): False,
}


def _attributes(region: str, total: float) -> dict:
    return {
        "region": {"DataType": "String", "StringValue": region},
        "total_usd": {"DataType": "Number", "StringValue": str(total)},
    }


def _copies(totals: tuple[float, ...]) -> int:
    fanout = sns.order_processing_fanout()
    for total in totals:
        fanout.topic.publish('{"order": "x"}', 0, message_attributes=_attributes("eu", total))
    return sum(queue.approximate_number_of_messages(1) for queue in fanout.queues.values())


def _fraud_filter(value) -> tuple[bool, str]:
    try:
        policy = sns.parse_filter_policy(value)
    except ValueError as error:
        return False, f"SNS would refuse that filter policy: {error}"
    wrong = [
        f"{region}/{total} ({'delivered' if want is False else 'not delivered'})"
        for (region, total), want in FRAUD_CASES.items()
        if sns.policy_matches(policy, _attributes(region, total)) != want
    ]
    if not wrong:
        return True, "large orders reach fraud review, test orders and small orders do not"
    return False, "wrong for " + ", ".join(wrong)


fanout_copies = exercises.number(
    "sns-fanout-1",
    "Count the copies",
    task="The order fan-out (`sns.order_processing_fanout()`) has three subscribed queues. Four orders are published "
    f"with `total_usd` {', '.join(str(t) for t in ORDER_TOTALS)}. How many messages are in the three queues "
    "together afterwards?",
    answer=_copies(ORDER_TOTALS),
    unit="messages",
    hint="Every subscription gets its own copy unless its filter policy says no; only fraud review has a filter "
    f"(`{sns.FRAUD_POLICY}`). Try the totals in the fan-out explorer.",
    solution="Fulfilment and warehouse each get all 4 orders; fraud review gets the two of 1,000 USD or more (1,200 "
    f"and 5,000): 4 + 4 + 2 = {_copies(ORDER_TOTALS)}. Answering 4 treats SNS like a queue, with one copy in all.",
    tolerance=0,
)

_DELAYS = sns.http_retry_delays(RETRY_POLICY)

retry_span = exercises.number(
    "sns-fanout-2",
    "How long SNS keeps trying",
    task="An HTTPS subscription's delivery policy is `"
    + str(RETRY_POLICY).replace("'", '"')
    + "` (no immediate, minimum- or maximum-delay retries). Its endpoint is down. How many seconds pass "
    "between the first failed attempt and the last retry?",
    answer=sum(_DELAYS),
    unit="s",
    hint="All five retries are in the back-off phase; with a linear curve the delays climb in equal steps from just "
    "above minDelayTarget to maxDelayTarget. The delivery-retries cell prints them.",
    solution=f"The delays are {', '.join(f'{d:g}' for d in _DELAYS)} s (steps of (60 - 20) / 5 = 8 s), which add up to "
    f"{sum(_DELAYS):g} s. 5 x 20 = 100 s or 5 x 60 = 300 s would ignore the back-off curve.",
)

fraud_filter = exercises.code(
    "sns-fanout-3",
    "A filter policy for fraud review",
    task="Write a filter policy (a dict or JSON text, scope MessageAttributes) that delivers an order to fraud review "
    "when `total_usd` is 1,000 or more and `region` is anything but `test`.",
    checker=_fraud_filter,
    hint="Two keys are ANDed; use `numeric` with `>=` for the total and `anything-but` for the region.",
    solution='`{"total_usd": [{"numeric": [">=", 1000]}], "region": [{"anything-but": ["test"]}]}`',
)
