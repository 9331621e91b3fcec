"""A simulated SQS queue on a virtual clock, speaking SQS's API vocabulary and JSON shapes.

Every method takes the virtual time ``now`` in seconds; time may stand still but never run backwards.
Messages move through the states SQS has: delayed, visible, in flight (received, not yet deleted), and
finally deleted, moved to the dead-letter queue, or expired by the retention period.

References:
    - Amazon SQS Developer Guide, "Amazon SQS message quotas",
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html (read 2026-12-03)
    - Amazon SQS API Reference, "SetQueueAttributes",
      https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html (read 2026-11-27)
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import re
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from awslab import validate
from awslab.app_services.sqs_limits import (
    BATCH_MAX_ENTRIES,
    DELAY_MAX_SECONDS,
    FIFO_DEDUPLICATION_WINDOW_SECONDS,
    MAX_RECEIVE_COUNT_MAX,
    MESSAGE_ATTRIBUTES_MAX,
    MESSAGE_MAX_BYTES,
    RETENTION_MAX_SECONDS,
    RETENTION_MIN_SECONDS,
    VISIBILITY_TIMEOUT_MAX_SECONDS,
    validate_body,
    validate_message_attributes,
    validate_token,
)

__all__ = [
    "BATCH_MAX_ENTRIES",
    "DELAY_MAX_SECONDS",
    "FIFO_DEDUPLICATION_WINDOW_SECONDS",
    "MAX_RECEIVE_COUNT_MAX",
    "MESSAGE_ATTRIBUTES_MAX",
    "MESSAGE_MAX_BYTES",
    "RETENTION_MAX_SECONDS",
    "RETENTION_MIN_SECONDS",
    "VISIBILITY_TIMEOUT_MAX_SECONDS",
    "SimulatedQueue",
    "validate_body",
    "validate_message_attributes",
]

_message_serial = itertools.count(1)


def _message_id() -> str:
    return str(uuid.UUID(int=next(_message_serial)))


@dataclass
class _Message:
    """Internal mutable record of one message; the public face is the ReceiveMessage dict."""

    message_id: str
    body: str
    sent_at: float
    seq: int
    visible_at: float
    group_id: str | None = None
    deduplication_id: str | None = None
    attributes: dict | None = None
    receive_count: int = 0
    receipt_handle: str | None = None
    first_received_at: float | None = None
    received_at: float = 0.0
    version: int = 0
    state: str = "queued"  # queued, deleted, dead_lettered, expired


class SimulatedQueue:
    """An SQS queue (standard, or FIFO with ``fifo=True``) on a virtual clock measured in seconds.

    >>> q = SimulatedQueue(visibility_timeout=30)
    >>> _ = q.send_message("hello", now=0)
    >>> [m["Body"] for m in q.receive_message(now=1)]
    ['hello']
    """

    def __init__(
        self,
        visibility_timeout: float = 30,
        message_retention_period: float = 345600,
        delay_seconds: float = 0,
        max_receive_count: int | None = None,
        dead_letter_queue: SimulatedQueue | None = None,
        *,
        fifo: bool = False,
        content_based_deduplication: bool = False,
        name: str | None = None,
    ) -> None:
        self.visibility_timeout = validate.number(
            "visibility_timeout", visibility_timeout, minimum=0, maximum=VISIBILITY_TIMEOUT_MAX_SECONDS, unit="s"
        )
        self.message_retention_period = validate.number(
            "message_retention_period",
            message_retention_period,
            minimum=RETENTION_MIN_SECONDS,
            maximum=RETENTION_MAX_SECONDS,
            unit="s",
        )
        self.delay_seconds = validate.number(
            "delay_seconds", delay_seconds, minimum=0, maximum=DELAY_MAX_SECONDS, unit="s"
        )
        if (max_receive_count is None) != (dead_letter_queue is None):
            raise ValueError(
                "max_receive_count and dead_letter_queue form SQS's RedrivePolicy: give both or "
                f"neither, got max_receive_count={max_receive_count!r}, "
                f"dead_letter_queue={'a queue' if dead_letter_queue is not None else None}"
            )
        if max_receive_count is not None:
            max_receive_count = validate.integer(
                "max_receive_count", max_receive_count, minimum=1, maximum=MAX_RECEIVE_COUNT_MAX
            )
        if dead_letter_queue is not None:
            if not isinstance(dead_letter_queue, SimulatedQueue) or dead_letter_queue is self:
                raise ValueError("dead_letter_queue must be another SimulatedQueue")
            if dead_letter_queue.fifo != bool(fifo):
                raise ValueError(
                    f"dead_letter_queue has fifo={dead_letter_queue.fifo}; SQS requires the "
                    f"dead-letter queue of a {'FIFO' if fifo else 'standard'} queue to be the same type"
                )
        if content_based_deduplication and not fifo:
            raise ValueError("content_based_deduplication=True is allowed only with fifo=True")
        name = ("queue.fifo" if fifo else "queue") if name is None else name
        if (
            not isinstance(name, str)
            or not re.fullmatch(r"[A-Za-z0-9_-]{1,75}(\.fifo)?", name)
            or len(name) > 80
            or name.endswith(".fifo") != bool(fifo)
        ):
            raise ValueError(
                f"name={name!r}: 1-80 letters, digits, hyphens or underscores; a FIFO queue's name "
                "(and only a FIFO queue's) ends in .fifo"
            )
        self.name = name
        self.queue_arn = f"arn:aws:sqs:us-east-1:123456789012:{name}"
        self.max_receive_count = max_receive_count
        self.dead_letter_queue = dead_letter_queue
        self.fifo = bool(fifo)
        self.content_based_deduplication = bool(content_based_deduplication)
        self.stale_deletes = 0  # DeleteMessage calls that succeeded without deleting (old receipt handle)
        self.empty_receives = 0
        self._messages: dict[str, _Message] = {}
        self._handles: dict[str, str] = {}
        self._ready: list[tuple[float, int, str, int]] = []  # (visible_at, seq, id, version)
        self._expiry: list[tuple[float, int, str]] = []
        self._groups: dict[str, deque[str]] = {}
        self._deduplication: dict[str, tuple[str, float]] = {}
        self._seq = itertools.count()
        self._now = float("-inf")
        self._counts = {"enqueued": 0, "deleted": 0, "dead_lettered": 0, "expired": 0}

    # ----------------------------------------------------------------- sending
    def send_message(
        self,
        body: str,
        now: float,
        delay_seconds: float | None = None,
        *,
        message_group_id: str | None = None,
        message_deduplication_id: str | None = None,
        message_attributes: dict | None = None,
    ) -> str:
        """SendMessage: enqueue ``body`` at ``now`` (s) and return its MessageId."""
        now = self._advance(now)
        validate_body(body)
        total_bytes = len(body.encode("utf-8", "surrogatepass")) + validate_message_attributes(message_attributes)
        if total_bytes > MESSAGE_MAX_BYTES:
            raise ValueError(f"body and message_attributes total {total_bytes} bytes; SQS allows {MESSAGE_MAX_BYTES}")
        if delay_seconds is not None and self.fifo:
            raise ValueError(
                f"delay_seconds={delay_seconds!r}: FIFO queues allow only the queue's own "
                "DelaySeconds, not a per-message delay"
            )
        delay = (
            self.delay_seconds
            if delay_seconds is None
            else validate.number("delay_seconds", delay_seconds, minimum=0, maximum=DELAY_MAX_SECONDS, unit="s")
        )
        if message_group_id is not None:
            validate_token("message_group_id", message_group_id)
        if message_deduplication_id is not None:
            validate_token("message_deduplication_id", message_deduplication_id)
        if self.fifo:
            if not message_group_id:
                raise ValueError(f"message_group_id={message_group_id!r}: a FIFO queue needs a MessageGroupId")
            if message_deduplication_id is None:
                if not self.content_based_deduplication:
                    raise ValueError(
                        "message_deduplication_id=None: this FIFO queue has no content-based "
                        "deduplication, so each message needs a MessageDeduplicationId"
                    )
                message_deduplication_id = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
            previous = self._deduplication.get(message_deduplication_id)
            if previous and now - previous[1] < FIFO_DEDUPLICATION_WINDOW_SECONDS:
                return previous[0]
        elif message_deduplication_id is not None:
            raise ValueError(f"message_deduplication_id={message_deduplication_id!r} applies only to FIFO queues")
        message = _Message(
            _message_id(),
            body,
            now,
            next(self._seq),
            now + delay,
            message_group_id,
            message_deduplication_id,
            message_attributes,
        )
        if self.fifo:
            self._deduplication[message_deduplication_id] = (message.message_id, now)
        self._enqueue(message)
        return message.message_id

    def send_message_batch(self, entries: list[dict], now: float) -> dict:
        """SendMessageBatch: entries [{"Id", "MessageBody", "DelaySeconds"?, "MessageGroupId"?, ...}]."""
        self._check_batch(entries, "entries")
        total_bytes = sum(len(str(e.get("MessageBody", "")).encode("utf-8", "surrogatepass")) for e in entries)
        if total_bytes > MESSAGE_MAX_BYTES:
            raise ValueError(f"entries total {total_bytes} bytes; a batch may carry at most {MESSAGE_MAX_BYTES} bytes")
        result: dict = {"Successful": [], "Failed": []}
        for entry in entries:
            try:
                message_id = self.send_message(
                    entry.get("MessageBody"),
                    now,
                    entry.get("DelaySeconds"),
                    message_group_id=entry.get("MessageGroupId"),
                    message_deduplication_id=entry.get("MessageDeduplicationId"),
                    message_attributes=entry.get("MessageAttributes"),
                )
            except ValueError as error:
                result["Failed"].append(
                    {"Id": entry["Id"], "SenderFault": True, "Code": "InvalidParameterValue", "Message": str(error)}
                )
                continue
            result["Successful"].append(
                {"Id": entry["Id"], "MessageId": message_id, "MD5OfMessageBody": _md5(entry["MessageBody"])}
            )
        return result

    # --------------------------------------------------------------- receiving
    def receive_message(
        self, now: float, max_number_of_messages: int = 1, *, visibility_timeout: float | None = None
    ) -> list[dict]:
        """ReceiveMessage (short poll): up to ``max_number_of_messages`` (1-10) visible messages at ``now`` (s)."""
        now = self._advance(now)
        count = validate.integer("max_number_of_messages", max_number_of_messages, minimum=1, maximum=BATCH_MAX_ENTRIES)
        timeout = (
            self.visibility_timeout
            if visibility_timeout is None
            else validate.number(
                "visibility_timeout", visibility_timeout, minimum=0, maximum=VISIBILITY_TIMEOUT_MAX_SECONDS, unit="s"
            )
        )
        delivered: list[dict] = []
        for message in self._fifo_candidates(now) if self.fifo else self._standard_candidates(now):
            if self.max_receive_count is not None and message.receive_count >= self.max_receive_count:
                self._move_to_dead_letter_queue(message, now)
                continue
            delivered.append(self._deliver(message, now, timeout))
            if len(delivered) == count:
                break
        if not delivered:
            self.empty_receives += 1
        return delivered

    def _standard_candidates(self, now: float) -> Iterator[_Message]:
        while self._ready and self._ready[0][0] <= now:
            _, _, message_id, version = heapq.heappop(self._ready)
            message = self._messages[message_id]
            if message.state == "queued" and message.version == version:
                yield message

    def _fifo_candidates(self, now: float) -> Iterator[_Message]:
        heads = []
        for group_id, ids in self._groups.items():
            while ids and self._messages[ids[0]].state != "queued":
                ids.popleft()
            if ids:
                heads.append((self._messages[ids[0]].seq, group_id))
        for _, group_id in sorted(heads):
            ids = self._groups[group_id]
            queued = [self._messages[i] for i in ids if self._messages[i].state == "queued"]
            if any(m.receive_count and m.visible_at > now for m in queued):
                continue  # a message of this group is in flight: the whole group waits
            for message in queued:
                if message.state != "queued":
                    continue
                if message.visible_at > now:
                    break
                yield message

    def _deliver(self, message: _Message, now: float, timeout: float) -> dict:
        message.receive_count += 1
        message.receipt_handle = f"{message.message_id}#{message.receive_count}"
        self._handles[message.receipt_handle] = message.message_id
        if message.first_received_at is None:
            message.first_received_at = now
        message.received_at = now
        self._set_visible_at(message, now + timeout)
        attributes = {
            "ApproximateReceiveCount": str(message.receive_count),
            "SentTimestamp": str(round(message.sent_at * 1000)),
            "ApproximateFirstReceiveTimestamp": str(round(message.first_received_at * 1000)),
        }
        if self.fifo:
            attributes["MessageGroupId"] = message.group_id
            attributes["MessageDeduplicationId"] = message.deduplication_id
        delivered = {
            "MessageId": message.message_id,
            "ReceiptHandle": message.receipt_handle,
            "MD5OfBody": _md5(message.body),
            "Body": message.body,
            "Attributes": attributes,
        }
        if message.attributes:
            delivered["MessageAttributes"] = message.attributes
        return delivered

    # ------------------------------------------------------- acting on handles
    def delete_message(self, receipt_handle: str, now: float) -> None:
        """DeleteMessage. An old receipt handle (the message was received again since) deletes nothing: SQS accepts it
        but "might not" delete the message (API Reference, DeleteMessage, read 2026-12-03); we take the worst case."""
        now = self._advance(now)
        message = self._message_for(receipt_handle)
        if message.state != "queued":
            return
        if message.receipt_handle != receipt_handle:
            self.stale_deletes += 1
            return
        message.state = "deleted"
        self._counts["deleted"] += 1

    def delete_message_batch(self, entries: list[dict], now: float) -> dict:
        """DeleteMessageBatch: entries [{"Id", "ReceiptHandle"}] -> {"Successful": [...], "Failed": [...]}."""
        self._check_batch(entries, "entries")
        result: dict = {"Successful": [], "Failed": []}
        for entry in entries:
            try:
                self.delete_message(entry.get("ReceiptHandle"), now)
            except ValueError as error:
                result["Failed"].append(
                    {"Id": entry["Id"], "SenderFault": True, "Code": "ReceiptHandleIsInvalid", "Message": str(error)}
                )
                continue
            result["Successful"].append({"Id": entry["Id"]})
        return result

    def change_message_visibility(self, receipt_handle: str, visibility_timeout: float, now: float) -> None:
        """ChangeMessageVisibility: the in-flight message becomes visible ``visibility_timeout`` s after ``now``."""
        now = self._advance(now)
        timeout = validate.number(
            "visibility_timeout", visibility_timeout, minimum=0, maximum=VISIBILITY_TIMEOUT_MAX_SECONDS, unit="s"
        )
        message = self._message_for(receipt_handle)
        if message.receipt_handle != receipt_handle or message.state != "queued":
            raise ValueError(
                f"receipt_handle={receipt_handle!r} is no longer valid: the message was received "
                "again, deleted or moved (ReceiptHandleIsInvalid)"
            )
        if message.visible_at <= now:
            raise ValueError(f"receipt_handle={receipt_handle!r}: the message is not in flight (MessageNotInflight)")
        if now + timeout - message.received_at > VISIBILITY_TIMEOUT_MAX_SECONDS:
            raise ValueError(
                f"visibility_timeout={visibility_timeout!r} would keep the message in flight more than "
                f"{VISIBILITY_TIMEOUT_MAX_SECONDS} s after it was received"
            )
        self._set_visible_at(message, now + timeout)

    # ---------------------------------------------------------------- counting
    def approximate_number_of_messages(self, now: float) -> int:
        """ApproximateNumberOfMessages: messages visible at ``now`` (exact in the simulator)."""
        return self.state_counts(now)["visible"]

    def approximate_number_of_messages_not_visible(self, now: float) -> int:
        """ApproximateNumberOfMessagesNotVisible: messages in flight at ``now``."""
        return self.state_counts(now)["in_flight"]

    def approximate_number_of_messages_delayed(self, now: float) -> int:
        """ApproximateNumberOfMessagesDelayed: messages still inside their delay at ``now``."""
        return self.state_counts(now)["delayed"]

    def state_counts(self, now: float) -> dict[str, int]:
        """Messages per state at ``now``; the six state counts always add up to ``enqueued``."""
        now = self._advance(now)
        counts = dict.fromkeys(("visible", "in_flight", "delayed"), 0)
        for message in self._messages.values():
            if message.state == "queued":
                key = "visible" if message.visible_at <= now else ("in_flight" if message.receive_count else "delayed")
                counts[key] += 1
        return {**counts, **self._counts}

    def get_queue_attributes(self, now: float) -> dict[str, str]:
        """GetQueueAttributes (All) in SQS's shape: every value a string."""
        counts = self.state_counts(now)
        attributes = {
            "QueueArn": self.queue_arn,
            "ApproximateNumberOfMessages": str(counts["visible"]),
            "ApproximateNumberOfMessagesNotVisible": str(counts["in_flight"]),
            "ApproximateNumberOfMessagesDelayed": str(counts["delayed"]),
            "VisibilityTimeout": f"{self.visibility_timeout:g}",
            "MessageRetentionPeriod": f"{self.message_retention_period:g}",
            "DelaySeconds": f"{self.delay_seconds:g}",
            "MaximumMessageSize": str(MESSAGE_MAX_BYTES),
        }
        if self.max_receive_count is not None:
            attributes["RedrivePolicy"] = json.dumps(
                {"deadLetterTargetArn": self.dead_letter_queue.queue_arn, "maxReceiveCount": self.max_receive_count}
            )
        if self.fifo:
            attributes["FifoQueue"] = "true"
            attributes["ContentBasedDeduplication"] = str(self.content_based_deduplication).lower()
        return attributes

    # ---------------------------------------------------------------- internals
    def _advance(self, now: float) -> float:
        now = validate.number("now", now, unit="s")
        if now < self._now:
            raise ValueError(f"now={now!r} is earlier than the last call ({self._now!r} s); the clock cannot go back")
        self._now = now
        while self._expiry and self._expiry[0][0] <= now:
            _, _, message_id = heapq.heappop(self._expiry)
            message = self._messages[message_id]
            if message.state == "queued":
                message.state = "expired"
                self._counts["expired"] += 1
        return now

    def _enqueue(self, message: _Message) -> None:
        self._messages[message.message_id] = message
        self._counts["enqueued"] += 1
        heapq.heappush(self._expiry, (message.sent_at + self.message_retention_period, message.seq, message.message_id))
        if self.fifo:
            self._groups.setdefault(message.group_id, deque()).append(message.message_id)
        heapq.heappush(self._ready, (message.visible_at, message.seq, message.message_id, message.version))

    def _set_visible_at(self, message: _Message, visible_at: float) -> None:
        message.visible_at = visible_at
        message.version += 1
        heapq.heappush(self._ready, (visible_at, message.seq, message.message_id, message.version))

    def _move_to_dead_letter_queue(self, message: _Message, now: float) -> None:
        message.state = "dead_lettered"
        self._counts["dead_lettered"] += 1
        target = self.dead_letter_queue
        target._advance(now)
        # Standard queues keep the original enqueue time (retention keeps counting); FIFO queues reset it.
        sent_at = now if self.fifo else message.sent_at
        moved = _Message(
            message.message_id,
            message.body,
            sent_at,
            next(target._seq),
            now,
            message.group_id,
            message.deduplication_id,
            message.attributes,
            receive_count=message.receive_count,
            first_received_at=message.first_received_at,
        )
        target._enqueue(moved)
        target._advance(now)

    def _message_for(self, receipt_handle: str) -> _Message:
        message_id = self._handles.get(receipt_handle) if isinstance(receipt_handle, str) else None
        if message_id is None:
            raise ValueError(
                f"receipt_handle={receipt_handle!r} was never issued by this queue (ReceiptHandleIsInvalid)"
            )
        return self._messages[message_id]

    @staticmethod
    def _check_batch(entries: list[dict], name: str) -> None:
        if not isinstance(entries, list) or not 1 <= len(entries) <= BATCH_MAX_ENTRIES:
            size = len(entries) if isinstance(entries, list) else entries
            raise ValueError(f"{name} has {size!r} entries; a batch holds 1 to {BATCH_MAX_ENTRIES}")
        ids = [entry.get("Id") if isinstance(entry, dict) else None for entry in entries]
        if any(not isinstance(i, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", i) for i in ids):
            raise ValueError(f"{name}: every entry needs an Id of 1-80 letters, digits, hyphens or underscores")
        if len(set(ids)) != len(ids):
            raise ValueError(f"{name}: entry Ids must be distinct (BatchEntryIdsNotDistinct), got {ids}")


def _md5(body: str) -> str:
    return hashlib.md5(body.encode("utf-8", "surrogatepass")).hexdigest()
