"""SQS limits and the checks SendMessage applies to bodies and message attributes.

References:
    - Amazon SQS Developer Guide, "Amazon SQS quotas",
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-limits.html (read 2026-12-03)
    - Amazon SQS Developer Guide, "Amazon SQS message quotas",
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html (read 2026-12-03)
    - Amazon SQS Developer Guide, "Amazon SQS FIFO queue key terms" (5-minute deduplication interval),
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html (read 2026-12-03)
    - Amazon SQS API Reference, "SetQueueAttributes",
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html (read 2026-11-27)
"""

from __future__ import annotations

import re

from awslab import validate
from awslab.validate import checked

# Limits: SQS Developer Guide, "Amazon SQS quotas" and SetQueueAttributes API reference, read 2026-11-27.
VISIBILITY_TIMEOUT_MAX_SECONDS = 43_200  # 12 hours; also the cap on a message's total in-flight time
RETENTION_MIN_SECONDS = 60
RETENTION_MAX_SECONDS = 1_209_600  # 14 days; the default is 4 days (345,600 s)
DELAY_MAX_SECONDS = 900
MAX_RECEIVE_COUNT_MAX = 1_000
BATCH_MAX_ENTRIES = 10
MESSAGE_MAX_BYTES = 1_048_576  # 1 MiB since August 2025 (was 256 KiB)
# FIFO queues: "Exactly-once processing" page of the SQS Developer Guide, read 2026-11-27.
FIFO_DEDUPLICATION_WINDOW_SECONDS = 300
MESSAGE_ATTRIBUTES_MAX = 10
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z0-9_.-]{1,256}")

# Characters SQS accepts in a message body (SendMessage API reference, MessageBody).
_INVALID_BODY_CHARACTER = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@checked
def validate_body(body: str, name: str = "body") -> str:
    """Return ``body`` if SQS would accept it: 1 character to 1 MiB of UTF-8 in SQS's character set.

    >>> validate_body("hello")
    'hello'
    """
    if not isinstance(body, str) or not body:
        raise ValueError(f"{name} must be a non-empty string, got {body!r}")
    size_bytes = len(body.encode("utf-8", "surrogatepass"))
    if size_bytes > MESSAGE_MAX_BYTES:
        raise ValueError(f"{name} is {size_bytes} bytes; SQS allows 1 to {MESSAGE_MAX_BYTES} bytes")
    bad = _INVALID_BODY_CHARACTER.search(body)
    if bad:
        raise ValueError(f"{name} contains character {bad.group()!r}, which SQS does not accept")
    return body


@checked
def validate_message_attributes(attributes: dict | None, name: str = "message_attributes") -> int:
    """Check SendMessage's MessageAttributes (at most 10; SQS's naming rules) and return their size in bytes.

    >>> validate_message_attributes({"kind": {"DataType": "String", "StringValue": "order"}})
    15
    """
    if attributes is None:
        return 0
    if not isinstance(attributes, dict) or len(attributes) > MESSAGE_ATTRIBUTES_MAX:
        raise ValueError(f"{name} must be a dict of at most {MESSAGE_ATTRIBUTES_MAX} attributes")
    size = 0
    for key, attribute in attributes.items():
        if (
            not isinstance(key, str)
            or not _ATTRIBUTE_NAME.fullmatch(key)
            or ".." in key
            or key.startswith(".")
            or key.endswith(".")
            or key.lower().startswith(("aws.", "amazon."))
        ):
            raise ValueError(
                f"{name} key {key!r}: 1-256 letters, digits, '_', '-' or '.', no '..', no leading or "
                "trailing '.', not starting with AWS. or Amazon."
            )
        data_type = attribute.get("DataType") if isinstance(attribute, dict) else None
        if not isinstance(data_type, str) or data_type.split(".")[0] not in ("String", "Number", "Binary"):
            raise ValueError(
                f"{name}[{key!r}] DataType={data_type!r} must be String, Number or Binary "
                "(optionally with a .custom suffix)"
            )
        value = attribute.get("BinaryValue" if data_type.startswith("Binary") else "StringValue")
        if value is None or value in ("", b""):
            raise ValueError(f"{name}[{key!r}] needs a non-empty value")
        if data_type.startswith("Number"):
            try:
                float(value)
            except ValueError:
                raise ValueError(f"{name}[{key!r}] StringValue={value!r} is not a number") from None
        size += (
            len(key.encode())
            + len(data_type.encode())
            + len(value if isinstance(value, bytes) else str(value).encode("utf-8"))
        )
    return size


# FIFO throughput without high-throughput mode: "Amazon SQS message quotas", read 2026-11-27.
FIFO_API_CALLS_PER_SECOND = 300  # per API action (SendMessage, ReceiveMessage, DeleteMessage)
_ID_TOKEN = re.compile(r"[A-Za-z0-9!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]{1,128}")


@checked
def validate_token(name: str, value: str) -> str:
    """A MessageGroupId or MessageDeduplicationId: 1-128 letters, digits or punctuation.

    >>> validate_token("MessageGroupId", "customer-42")
    'customer-42'
    """
    if not isinstance(value, str) or not _ID_TOKEN.fullmatch(value):
        raise ValueError(f"{name}={value!r} must be 1-128 letters, digits or punctuation")
    return value


@checked
def fifo_max_messages_per_second(batch_size: int = 1) -> int:
    """Messages per second one API action of a FIFO queue (not in high-throughput mode) can move.

    >>> fifo_max_messages_per_second(10)
    3000
    """
    size = validate.integer("batch_size", batch_size, minimum=1, maximum=BATCH_MAX_ENTRIES)
    return FIFO_API_CALLS_PER_SECOND * size
