"""SNS topics: subscriptions, filter policies in SNS's own JSON syntax, fan-out to SQS queues, HTTP retries.

A filter policy is the JSON a learner would attach to a subscription as its ``FilterPolicy`` attribute; message
attributes use Publish's shape ``{"name": {"DataType": "String", "StringValue": "..."}}``.

References:
    - Amazon SNS Developer Guide, "Filter policy constraints in Amazon SNS",
      https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html (read 2026-12-03)
    - Amazon SNS Developer Guide, "Amazon SNS message delivery retries",
      https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html (read 2026-11-27)
    - Amazon SNS Developer Guide, "Publishing large messages with Amazon SNS",
      https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html (read 2026-12-03)
"""

from __future__ import annotations

import ipaddress
import itertools
import json
import math
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from awslab import validate
from awslab.app_services.sqs import SimulatedQueue
from awslab.validate import checked

# Filter policy constraints: SNS Developer Guide, "Filter policy constraints in Amazon SNS", read 2026-11-27.
FILTER_POLICY_MAX_KEYS = 5
FILTER_POLICY_MAX_COMBINATIONS = 150
NUMERIC_LIMIT = 1e9
PROTOCOLS = ("sqs", "lambda", "http", "https", "email", "email-json", "sms", "application", "firehose")
FILTER_POLICY_SCOPES = ("MessageAttributes", "MessageBody")
# Largest message a topic can take (MaximumMessageSize up to 1 MiB; 256 KiB by default): SNS Developer Guide,
# "Publishing large messages with Amazon SNS", read 2026-12-03.
MESSAGE_MAX_BYTES = 1_048_576
# The sample filter policy the fan-out notebook starts from: orders of 1,000 USD or more go to fraud checks.
FRAUD_POLICY = '{"total_usd": [{"numeric": [">=", 1000]}]}'
ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
# Default HTTP/S delivery policy: SNS Developer Guide, "Amazon SNS message delivery retries", read 2026-11-27.
DEFAULT_HTTP_DELIVERY_POLICY = {
    "minDelayTarget": 20,
    "maxDelayTarget": 20,
    "numRetries": 3,
    "numMaxDelayRetries": 0,
    "numNoDelayRetries": 0,
    "numMinDelayRetries": 0,
    "backoffFunction": "linear",
}
BACKOFF_FUNCTIONS = ("linear", "arithmetic", "geometric", "exponential")
HTTP_RETRY_TOTAL_MAX_SECONDS = 3600  # hard limit on an HTTP/S policy's total retry time
# SNS's fixed policy for AWS-managed endpoints (SQS, Lambda): 3 immediate retries, 2 one second apart, 10 backing
# off from 1 s to 20 s, then 100,000 twenty seconds apart: 100,015 attempts over about 23 days. Same page.
AWS_MANAGED_DELIVERY_PHASES = {
    "numNoDelayRetries": 3,
    "numMinDelayRetries": 2,
    "numBackoffRetries": 10,
    "numMaxDelayRetries": 100_000,
    "minDelayTarget": 1,
    "maxDelayTarget": 20,
}
_OPERATORS = ("prefix", "suffix", "anything-but", "numeric", "exists", "equals-ignore-case", "cidr")
_NUMERIC_OPS = ("=", "<", "<=", ">", ">=")
_ids = itertools.count(1)


@checked
def parse_filter_policy(policy: dict | str, scope: str = "MessageAttributes") -> dict:
    """Return the policy as a dict after checking SNS's constraints (5 keys, 150 combinations, operators).

    >>> parse_filter_policy('{"store": ["example_corp"]}')
    {'store': ['example_corp']}
    """
    validate.choice("scope", scope, FILTER_POLICY_SCOPES)
    if isinstance(policy, (str, bytes, dict)):  # text is parsed, and text or dict is bounded in size and depth
        policy = validate.json_document("filter_policy", policy, expect=object)
    if not isinstance(policy, dict) or not policy:
        raise ValueError(f"filter_policy must be a non-empty JSON object, got {policy!r}")
    keys, combinations = _check_policy(policy, scope, nested=False)
    if keys > FILTER_POLICY_MAX_KEYS:
        raise ValueError(f"filter_policy has {keys} keys; SNS allows at most {FILTER_POLICY_MAX_KEYS}")
    if combinations > FILTER_POLICY_MAX_COMBINATIONS:
        raise ValueError(
            f"filter_policy has {combinations} value combinations; SNS allows at most "
            f"{FILTER_POLICY_MAX_COMBINATIONS} (multiply the lengths of its value arrays)"
        )
    return policy


def _check_policy(policy: dict, scope: str, nested: bool) -> tuple[int, int]:
    keys, combinations = 0, 1
    alternatives = 0
    for key, value in policy.items():
        if key == "$or":
            if not isinstance(value, list) or len(value) < 2 or not all(isinstance(v, dict) for v in value):
                raise ValueError("filter_policy '$or' must be a list of two or more policy objects")
            parts = [_check_policy(v, scope, nested) for v in value]
            keys += max(p[0] for p in parts)
            alternatives += sum(p[1] for p in parts)
        elif isinstance(value, dict):
            if scope != "MessageBody":
                raise ValueError(f"filter_policy key {key!r} is nested; nesting needs FilterPolicyScope MessageBody")
            k, c = _check_policy(value, scope, True)
            keys, combinations = keys + k, combinations * c
        elif isinstance(value, list) and value:
            for condition in value:
                _check_condition(key, condition)
            keys, combinations = keys + 1, combinations * len(value)
        else:
            raise ValueError(f"filter_policy key {key!r} must map to a non-empty list of conditions, got {value!r}")
    return keys, combinations * max(alternatives, 1)


def _check_condition(key: str, condition: Any) -> None:
    if isinstance(condition, (int, float)) and not isinstance(condition, bool):
        if abs(condition) > NUMERIC_LIMIT:
            raise ValueError(f"filter_policy key {key!r}: number {condition!r} is outside -1e9 to 1e9")
        return
    if condition is None or isinstance(condition, (str, bool)):
        return
    if not isinstance(condition, dict) or len(condition) != 1:
        raise ValueError(f"filter_policy key {key!r}: condition {condition!r} must be a value or a one-key operator")
    operator, argument = next(iter(condition.items()))
    validate.choice(f"filter_policy key {key!r} operator", operator, _OPERATORS)
    if operator == "numeric":
        if (
            not isinstance(argument, list)
            or len(argument) not in (2, 4)
            or any(op not in _NUMERIC_OPS for op in argument[::2])
            or any(
                isinstance(n, bool) or not isinstance(n, (int, float)) or abs(n) > NUMERIC_LIMIT for n in argument[1::2]
            )
        ):
            raise ValueError(
                f"filter_policy key {key!r}: numeric needs [op, n] or [op, n, op, n] with op in "
                f"{', '.join(_NUMERIC_OPS)} and |n| <= 1e9, got {argument!r}"
            )
    elif operator in ("prefix", "suffix", "equals-ignore-case") and not isinstance(argument, str):
        raise ValueError(f"filter_policy key {key!r}: {operator} needs a string, got {argument!r}")
    elif operator == "anything-but":
        for item in argument if isinstance(argument, list) else [argument]:
            if isinstance(item, dict):
                _check_condition(key, item)
            elif not isinstance(item, (str, int, float)) or isinstance(item, bool):
                raise ValueError(
                    f"filter_policy key {key!r}: anything-but needs strings, numbers or an operator, got {argument!r}"
                )
    elif operator == "exists" and not isinstance(argument, bool):
        raise ValueError(f"filter_policy key {key!r}: exists needs true or false, got {argument!r}")
    elif operator == "cidr":
        try:
            ipaddress.ip_network(argument, strict=False)
        except (TypeError, ValueError):
            raise ValueError(
                f"filter_policy key {key!r}: cidr needs a network like 10.0.0.0/24, got {argument!r}"
            ) from None


@checked
def attribute_values(message_attributes: dict | None) -> dict[str, list]:
    """Publish's MessageAttributes -> {name: [comparable values]}; Binary attributes never match filters.

    >>> attribute_values({"price": {"DataType": "Number", "StringValue": "9.5"}})
    {'price': [9.5]}
    """
    if message_attributes is not None and not isinstance(message_attributes, dict):
        raise ValueError(
            "message_attributes must be Publish's MessageAttributes, an object like "
            f"{{'name': {{'DataType': 'String', 'StringValue': 'x'}}}}, got {message_attributes!r}"
        )
    values: dict[str, list] = {}
    for name, attribute in (message_attributes or {}).items():
        where = f"message_attributes[{name!r}]"
        if not isinstance(attribute, dict):
            raise ValueError(f"{where} must be an object with DataType and StringValue, got {attribute!r}")
        data_type = attribute.get("DataType", "")
        if not isinstance(data_type, str) or data_type.split(".")[0] not in ("String", "Number", "Binary"):
            raise ValueError(f"{where}.DataType={data_type!r} must be String, String.Array, Number or Binary")
        raw = attribute.get("StringValue")
        if data_type.startswith("Binary"):
            continue
        if not isinstance(raw, str):
            raise ValueError(f"{where}.StringValue={raw!r} must be a string (a {data_type} attribute's value)")
        if data_type.startswith("Number"):
            try:
                number = float(raw)
            except ValueError:
                raise ValueError(f"{where}.StringValue={raw!r} is not a number") from None
            values[name] = [validate.number(f"{where}.StringValue", number)]
        elif data_type.startswith("String.Array"):
            values[name] = validate.json_document(f"{where}.StringValue", raw, expect=list, max_chars=MESSAGE_MAX_BYTES)
        else:
            values[name] = [raw]
    return values


@checked
def policy_matches(
    policy: dict | str,
    message_attributes: dict | None = None,
    *,
    body: str | None = None,
    scope: str = "MessageAttributes",
) -> bool:
    """True if SNS would deliver: every key matches (AND), any condition of a key matches (OR), ``$or`` alternatives.

    >>> policy_matches({"total_usd": [{"numeric": [">=", 1000]}]}, {"total_usd": {"DataType": "Number", "StringValue": "1200"}})
    True
    """
    policy = parse_filter_policy(policy, scope)
    if scope == "MessageBody":
        try:
            document = validate.json_document("body", body or "", expect=dict, max_chars=MESSAGE_MAX_BYTES)
        except ValueError:
            return False  # a body that is not a JSON object matches no payload-based policy
        return isinstance(document, dict) and _match_object(policy, document)
    values = attribute_values(message_attributes)
    return _match_object(policy, values, flat=True)


def _match_object(policy: dict, document: dict, flat: bool = False) -> bool:
    for key, conditions in policy.items():
        if key == "$or":
            if not any(_match_object(alternative, document, flat) for alternative in conditions):
                return False
            continue
        present = key in document
        if isinstance(conditions, dict):
            if not (present and isinstance(document[key], dict) and _match_object(conditions, document[key])):
                return False
            continue
        value = document.get(key)
        found = value if flat else (value if isinstance(value, list) else [value])
        if not any(_match_condition(condition, present, found or []) for condition in conditions):
            return False
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _match_condition(condition: Any, present: bool, values: list) -> bool:
    if isinstance(condition, dict):
        operator, argument = next(iter(condition.items()))
        if operator == "exists":
            return present == argument
        if not present:
            return False
        strings = [v for v in values if isinstance(v, str)]
        if operator == "prefix":
            return any(s.startswith(argument) for s in strings)
        if operator == "suffix":
            return any(s.endswith(argument) for s in strings)
        if operator == "equals-ignore-case":
            return any(s.lower() == argument.lower() for s in strings)
        if operator == "anything-but":
            return not any(
                _match_condition(a, True, values) for a in (argument if isinstance(argument, list) else [argument])
            )
        if operator == "numeric":
            return any(_numeric(argument, v) for v in values if _is_number(v))
        return any(_in_cidr(argument, s) for s in strings)
    if not present:
        return False
    if _is_number(condition):
        return any(_is_number(v) and round(v, 5) == round(condition, 5) for v in values)
    return any(v == condition and type(v) is type(condition) for v in values)


def _numeric(argument: list, value: float) -> bool:
    checks = {"=": math.isclose, "<": float.__lt__, "<=": float.__le__, ">": float.__gt__, ">=": float.__ge__}
    return all(checks[op](float(value), float(bound)) for op, bound in zip(argument[::2], argument[1::2], strict=True))


def _in_cidr(network: str, address: str) -> bool:
    try:
        return ipaddress.ip_address(address) in ipaddress.ip_network(network, strict=False)
    except ValueError:
        return False


@dataclass(frozen=True)
class Subscription:
    """One subscription: protocol, endpoint and the attributes SNS keeps for it.

    >>> topic = Topic("orders")
    >>> topic.subscribe("sqs", "arn:aws:sqs:us-east-1:123456789012:q", queue=SimulatedQueue()).protocol
    'sqs'
    """

    protocol: str
    endpoint: str
    filter_policy: dict | None = None
    filter_policy_scope: str = "MessageAttributes"
    raw_message_delivery: bool = False
    queue: SimulatedQueue | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        validate.choice("protocol", self.protocol, PROTOCOLS)
        validate.choice("filter_policy_scope", self.filter_policy_scope, FILTER_POLICY_SCOPES)
        if self.filter_policy is not None:
            object.__setattr__(self, "filter_policy", parse_filter_policy(self.filter_policy, self.filter_policy_scope))
        if self.raw_message_delivery and self.protocol not in ("sqs", "http", "https", "firehose"):
            raise ValueError(f"raw_message_delivery=True is not available for protocol={self.protocol!r}")


@dataclass(frozen=True)
class Delivery:
    """The outcome of one publish for one subscription.

    >>> topic = Topic("orders")
    >>> _ = topic.subscribe("sqs", "arn:aws:sqs:us-east-1:123456789012:q", queue=SimulatedQueue())
    >>> [d.delivered for d in topic.publish("hello", 0)]
    [True]
    """

    endpoint: str
    protocol: str
    delivered: bool
    payload: str | None  # what the endpoint receives (the JSON envelope unless raw delivery)
    message_id: str | None = None  # the SQS MessageId of the copy, for queue subscribers


class Topic:
    """A standard SNS topic; ``publish`` fans a message out to every subscription whose filter matches.

    >>> topic = Topic("orders")
    >>> _ = topic.subscribe("sqs", "arn:aws:sqs:us-east-1:123456789012:q", queue=SimulatedQueue())
    >>> len(topic.publish("hello", 0))
    1
    """

    def __init__(self, name: str) -> None:
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", name):
            raise ValueError(f"name={name!r}: topic names are 1-256 letters, digits, hyphens or underscores")
        self.name = name
        self.topic_arn = f"arn:aws:sns:{REGION}:{ACCOUNT_ID}:{name}"
        self.subscriptions: list[Subscription] = []

    def subscribe(
        self,
        protocol: str,
        endpoint: str,
        *,
        queue: SimulatedQueue | None = None,
        filter_policy: dict | str | None = None,
        filter_policy_scope: str = "MessageAttributes",
        raw_message_delivery: bool = False,
    ) -> Subscription:
        """Subscribe; an ``sqs`` subscription also takes the SimulatedQueue that receives its copies."""
        if protocol == "sqs" and not isinstance(queue, SimulatedQueue):
            raise ValueError("queue must be a SimulatedQueue for protocol='sqs'")
        subscription = Subscription(
            protocol,
            endpoint,
            filter_policy,
            filter_policy_scope,
            raw_message_delivery,
            queue if protocol == "sqs" else None,
        )
        self.subscriptions.append(subscription)
        return subscription

    def publish(
        self, message: str, now: float, *, subject: str | None = None, message_attributes: dict | None = None
    ) -> list[Delivery]:
        """Publish at virtual time ``now`` (s); each matching subscription gets its own copy."""
        if not isinstance(message, str) or not message:
            raise ValueError(f"message must be a non-empty string, got {message!r}")
        if message_attributes is not None and len(message_attributes) > 10:
            raise ValueError(f"message_attributes has {len(message_attributes)} entries; SNS allows at most 10")
        message_id = str(uuid.UUID(int=next(_ids) + (1 << 120)))
        envelope = {
            "Type": "Notification",
            "MessageId": message_id,
            "TopicArn": self.topic_arn,
            "Message": message,
            "Timestamp": datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
        }
        if subject is not None:
            envelope["Subject"] = subject
        if message_attributes:
            envelope["MessageAttributes"] = {
                name: {"Type": a["DataType"], "Value": a.get("StringValue")} for name, a in message_attributes.items()
            }
        deliveries = []
        for sub in self.subscriptions:
            matched = sub.filter_policy is None or policy_matches(
                sub.filter_policy, message_attributes, body=message, scope=sub.filter_policy_scope
            )
            if not matched:
                deliveries.append(Delivery(sub.endpoint, sub.protocol, False, None))
                continue
            payload = message if sub.raw_message_delivery else json.dumps(envelope)
            copy_id = sub.queue.send_message(payload, now) if sub.queue is not None else None
            deliveries.append(Delivery(sub.endpoint, sub.protocol, True, payload, copy_id))
        return deliveries


@checked
def http_retry_delays(delivery_policy: dict | None = None) -> list[float]:
    """Seconds between attempts SNS makes to an HTTP/S endpoint that keeps failing, phase by phase.

    Phases: immediate retries, retries at minDelayTarget, back-off retries from min to max delay, then retries at
    maxDelayTarget. The back-off phase climbs from minDelayTarget to maxDelayTarget along the chosen curve; the
    curves are this course's approximation of AWS's (AWS publishes them as a chart, not as formulas).

    >>> http_retry_delays(None)[:3]
    [20.0, 20.0, 20.0]
    """
    policy = {**DEFAULT_HTTP_DELIVERY_POLICY, **(delivery_policy or {})}
    total = validate.integer("numRetries", policy["numRetries"], minimum=0, maximum=100)
    low = validate.number("minDelayTarget", policy["minDelayTarget"], minimum=1, maximum=3600, unit="s")
    high = validate.number("maxDelayTarget", policy["maxDelayTarget"], minimum=low, maximum=3600, unit="s")
    no_delay = validate.integer("numNoDelayRetries", policy["numNoDelayRetries"], minimum=0)
    at_min = validate.integer("numMinDelayRetries", policy["numMinDelayRetries"], minimum=0)
    at_max = validate.integer("numMaxDelayRetries", policy["numMaxDelayRetries"], minimum=0)
    function = validate.choice("backoffFunction", policy["backoffFunction"], BACKOFF_FUNCTIONS)
    backoff = total - no_delay - at_min - at_max
    if backoff < 0:
        raise ValueError(
            f"numRetries={total} is less than numNoDelayRetries + numMinDelayRetries + "
            f"numMaxDelayRetries = {no_delay + at_min + at_max}"
        )
    delays = [0.0] * no_delay + [low] * at_min
    for step in range(1, backoff + 1):
        fraction = step / backoff
        shape = {
            "linear": fraction,
            "arithmetic": fraction**2,
            "geometric": fraction**3,
            "exponential": (2 ** (10 * fraction) - 1) / (2**10 - 1),
        }[function]
        delays.append(round(low + (high - low) * shape, 6))
    delays += [high] * at_max
    if sum(delays) > HTTP_RETRY_TOTAL_MAX_SECONDS:
        raise ValueError(
            f"the delivery policy retries for {sum(delays):g} s in all; SNS caps an HTTP/S policy's "
            f"total retry time at {HTTP_RETRY_TOTAL_MAX_SECONDS} s"
        )
    return delays


@dataclass(frozen=True)
class OrderFanout:
    """The order topic and its subscribed queues by name.

    >>> sorted(order_processing_fanout().queues)
    ['fraud-review', 'fulfilment', 'warehouse']
    """

    topic: Topic
    queues: dict[str, SimulatedQueue]


@checked
def order_processing_fanout() -> OrderFanout:
    """The order fan-out: every order to fulfilment and to the data warehouse; large orders also to fraud review.

    Publish orders with a Number attribute ``total_usd``; the fraud-review subscription filters on it.

    >>> fanout = order_processing_fanout()
    >>> [d.delivered for d in fanout.topic.publish('{"order": "A-1"}', 0)]
    [True, True, False]
    """
    topic = Topic("orders")
    queues = {"fulfilment": SimulatedQueue(), "warehouse": SimulatedQueue(), "fraud-review": SimulatedQueue()}
    arn = f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:"
    topic.subscribe("sqs", arn + "fulfilment", queue=queues["fulfilment"])
    topic.subscribe("sqs", arn + "warehouse", queue=queues["warehouse"], raw_message_delivery=True)
    topic.subscribe(
        "sqs",
        arn + "fraud-review",
        queue=queues["fraud-review"],
        filter_policy={"total_usd": [{"numeric": [">=", 1000]}]},
    )
    return OrderFanout(topic, queues)
