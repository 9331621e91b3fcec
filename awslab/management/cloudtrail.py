"""CloudTrail: event records for API calls, kept by the course for its own sandbox calls, and LookupEvents filters.

The emulator (moto 5.2.5) accepts CreateTrail and StartLogging but records no events (LookupEvents is not
implemented), so the course keeps the trail itself: :class:`CallRecorder` hooks a boto3 session's event system and
writes one CloudTrail-shaped record per API call the lab makes, with the record fields of the CloudTrail User Guide,
https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
(read 2026-11-27). Times come from a fixed clock, one second per call, so the records are reproducible.

References:
    - AWS CloudTrail User Guide, "CloudTrail record contents for management, data, and network activity events",
      https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html (read 2026-11-27)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from awslab import validate
from awslab.validate import checked

EVENT_VERSION = "1.11"
SOURCE_IP = "198.51.100.7"  # an RFC 5737 documentation address: the sandbox has no real caller address
USER_AGENT = "awslab-sandbox"
CLOCK_START = datetime(2026, 1, 1, 9, 0, 0, tzinfo=UTC)
READ_ONLY_PREFIXES = ("Get", "Describe", "List", "Head", "Lookup", "Search", "Select")
# S3 object-level operations are data events (not logged by a trail unless data events are enabled).
S3_DATA_EVENTS = frozenset({"GetObject", "PutObject", "DeleteObject", "DeleteObjects", "HeadObject", "CopyObject"})
LOOKUP_ATTRIBUTES = ("EventName", "EventSource", "ReadOnly", "Username", "ResourceName")


def _plain(value: Any) -> Any:
    """Request parameters made JSON-safe the way CloudTrail shows them (bodies elided, times as ISO strings)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes not logged>"
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "read"):
        return "<stream not logged>"
    return value


@checked
def is_read_only(event_name: str) -> bool:
    """Whether CloudTrail would mark an API call readOnly (a Get/Describe/List/... call).

    >>> is_read_only("DescribeInstances"), is_read_only("RunInstances")
    (True, False)
    """
    return event_name.startswith(READ_ONLY_PREFIXES)


@checked
def make_record(
    sequence: int,
    service: str,
    event_name: str,
    *,
    request_parameters: Mapping[str, Any] | None,
    region: str,
    account_id: str,
    user_name: str = "moto",
    error_code: str | None = None,
    error_message: str | None = None,
) -> dict:
    """One CloudTrail record (the fields of the event reference) for API call number ``sequence``.

    >>> kw = dict(request_parameters=None, region="us-east-1", account_id="123456789012")
    >>> r = make_record(1, "sqs", "CreateQueue", **kw)
    >>> (r["eventSource"], r["eventName"], r["readOnly"])
    ('sqs.amazonaws.com', 'CreateQueue', False)
    """
    n = validate.integer("sequence", sequence, minimum=0)
    record = {
        "eventVersion": EVENT_VERSION,
        "userIdentity": {
            "type": "IAMUser",
            "principalId": "AIDAEXAMPLEAWSLAB",
            "arn": f"arn:aws:iam::{account_id}:user/{user_name}",
            "accountId": account_id,
            "userName": user_name,
        },
        "eventTime": (CLOCK_START + timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "eventSource": f"{service}.amazonaws.com",
        "eventName": event_name,
        "awsRegion": region,
        "sourceIPAddress": SOURCE_IP,
        "userAgent": USER_AGENT,
        "requestParameters": _plain(request_parameters) if request_parameters else None,
        "eventID": str(uuid.UUID(int=n + 1)),
        "readOnly": is_read_only(event_name),
        "eventType": "AwsApiCall",
        "managementEvent": not (service == "s3" and event_name in S3_DATA_EVENTS),
        "recipientAccountId": account_id,
        "eventCategory": "Data" if service == "s3" and event_name in S3_DATA_EVENTS else "Management",
    }
    if error_code:
        record["errorCode"] = error_code
        record["errorMessage"] = error_message or ""
    return record


class CallRecorder:
    """Records every API call made through clients created from ``session`` AFTER :meth:`start` (boto3 copies a
    session's event hooks into each client when it is created).

    >>> from awslab.sandbox import sandbox
    >>> with sandbox() as aws:
    ...     recorder = CallRecorder(aws.session, aws.region, aws.account_id).start()
    ...     _ = aws.client("sqs").create_queue(QueueName="doc-queue")
    >>> [(r["eventSource"], r["eventName"]) for r in recorder.records]
    [('sqs.amazonaws.com', 'CreateQueue')]
    """

    def __init__(self, session: Any, region: str, account_id: str, user_name: str = "moto"):
        if session is None or not hasattr(session, "events"):
            raise ValueError("session must be a boto3 Session (the sandbox's aws.session)")
        self.session = session
        self.region = region
        self.account_id = account_id
        self.user_name = user_name
        self.records: list[dict] = []

    def start(self) -> CallRecorder:
        """Begin recording: hook the request parameters and the response of every call."""
        self.session.events.register("before-parameter-build", self._remember_params, unique_id="awslab-trail-p")
        self.session.events.register("after-call", self._record, unique_id="awslab-trail-r")
        return self

    def stop(self) -> None:
        """Stop recording (clients created while recording keep their hooks but the recorder ignores them)."""
        self.session.events.unregister("before-parameter-build", unique_id="awslab-trail-p")
        self.session.events.unregister("after-call", unique_id="awslab-trail-r")
        self._stopped = True

    def _remember_params(self, params=None, model=None, context=None, **_):
        if context is not None and params is not None:
            context["awslab_params"] = dict(params)

    def _record(self, http_response=None, parsed=None, model=None, context=None, **_):
        if getattr(self, "_stopped", False) or model is None:
            return
        service = model.service_model.endpoint_prefix
        error = (parsed or {}).get("Error") or {}
        region = (context or {}).get("client_region") or self.region
        self.records.append(
            make_record(
                len(self.records),
                service,
                model.name,
                request_parameters=(context or {}).get("awslab_params"),
                region=region,
                account_id=self.account_id,
                user_name=self.user_name,
                error_code=error.get("Code"),
                error_message=error.get("Message"),
            )
        )


@checked
def lookup_events(records: Sequence[Mapping[str, Any]], attribute_key: str, attribute_value: str) -> list[dict]:
    """Records matching one LookupAttributes filter, newest first, as the LookupEvents API returns them.

    >>> kw = dict(request_parameters=None, region="us-east-1", account_id="123456789012")
    >>> records = [make_record(1, "sqs", "CreateQueue", **kw), make_record(2, "s3", "ListBuckets", **kw)]
    >>> [r["eventName"] for r in lookup_events(records, "ReadOnly", "true")]
    ['ListBuckets']
    """
    key = validate.choice("attribute_key", attribute_key, LOOKUP_ATTRIBUTES)
    value = str(attribute_value)

    def matches(r: Mapping[str, Any]) -> bool:
        if key == "EventName":
            return r["eventName"] == value
        if key == "EventSource":
            return r["eventSource"] == value
        if key == "ReadOnly":
            if value not in ("true", "false"):
                raise ValueError(f"attribute_value={attribute_value!r} for ReadOnly must be 'true' or 'false'")
            return r["readOnly"] == (value == "true")
        if key == "Username":
            return r["userIdentity"].get("userName") == value
        return value in json.dumps(r.get("requestParameters") or {})

    return [dict(r) for r in reversed(records) if matches(r)]


@checked
def calls_by_source(records: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """Per event source: how many read-only calls, write calls and failed calls the records hold.

    >>> kw = dict(request_parameters=None, region="us-east-1", account_id="123456789012")
    >>> calls_by_source([make_record(1, "sqs", "CreateQueue", **kw), make_record(2, "sqs", "SendMessage", **kw)])
    {'sqs.amazonaws.com': {'read': 0, 'write': 2, 'failed': 0}}
    """
    out: dict[str, dict[str, int]] = {}
    for r in records:
        row = out.setdefault(r["eventSource"], {"read": 0, "write": 0, "failed": 0})
        row["read" if r["readOnly"] else "write"] += 1
        row["failed"] += "errorCode" in r
    return out
