"""Sandbox lab of 07_choosing_services: the messaging choice wired on the emulator (SNS fan-out to SQS, a FIFO queue),
an Amazon MQ broker, AWS Batch queues, X-Ray trace segments, and what moto's AI-service stubs answer.

Where moto differs from AWS: its Amazon MQ broker is a record (no broker runs, no protocol can be spoken to it); its
Batch resources are records too (we submit no job, since moto would need Docker to run one); its X-Ray keeps the
segment documents but reports a Duration of 0 and a ResponseTime of 1 whatever the times say; its Rekognition,
Comprehend and Textract return canned answers that do not depend on the input; Translate's TranslateText is not
implemented; AppSync and AppFlow are not exercised here. The models in awslab.app_services.choosers do the thinking.

References:
    - Amazon SNS Developer Guide, "Fanout to Amazon SQS queues",
      https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html (read 2026-12-03)
    - AWS X-Ray API Reference, "PutTraceSegments", "GetTraceSummaries", "BatchGetTraces",
      https://docs.aws.amazon.com/xray/latest/api/Welcome.html (read 2026-12-03)
    - AWS Batch API Reference, "CreateComputeEnvironment", "CreateJobQueue", "RegisterJobDefinition",
      https://docs.aws.amazon.com/batch/latest/APIReference/Welcome.html (read 2026-12-03)
    - Amazon MQ REST API Reference, "CreateBroker", https://docs.aws.amazon.com/amazon-mq/latest/api-reference/
      (read 2026-12-03)
"""

from __future__ import annotations

import json

from awslab.app_services import choosers

ROLE_POLICY = json.dumps({"Version": "2012-10-17", "Statement": []})
EPOCH = 1_700_000_000.0  # a fixed start time for the lab's trace (seconds since 1970), so that outputs repeat


def fanout_and_fifo_on_emulator(aws) -> dict:
    """One SNS topic fanning out to two SQS queues, and a FIFO queue keeping one order's events in sequence.

    >>> from awslab.sandbox import sandbox
    >>> with sandbox() as aws:
    ...     out = fanout_and_fifo_on_emulator(aws)
    >>> out["copies in billing"], out["copies in shipping"], out["FIFO order received"]
    (3, 3, 'created, paid, shipped')
    """
    sns, sqs = aws.client("sns"), aws.client("sqs")
    topic = sns.create_topic(Name="orders")["TopicArn"]
    counts = {}
    for name in ("billing", "shipping"):
        url = sqs.create_queue(QueueName=name)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes={"RawMessageDelivery": "true"})
        counts[name] = url
    for order in ("A-1", "A-2", "A-3"):
        sns.publish(TopicArn=topic, Message=json.dumps({"order": order}))
    out = {
        f"copies in {name}": int(
            sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])["Attributes"][
                "ApproximateNumberOfMessages"
            ]
        )
        for name, url in counts.items()
    }
    fifo = sqs.create_queue(
        QueueName="order-events.fifo", Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"}
    )["QueueUrl"]
    for event in ("created", "paid", "shipped"):
        sqs.send_message(QueueUrl=fifo, MessageBody=event, MessageGroupId="A-1")
    received = []
    while len(received) < 3:
        for message in sqs.receive_message(QueueUrl=fifo, MaxNumberOfMessages=10).get("Messages", []):
            received.append(message["Body"])
            sqs.delete_message(QueueUrl=fifo, ReceiptHandle=message["ReceiptHandle"])
    out["FIFO order received"] = ", ".join(received)
    return out


def broker_on_emulator(aws) -> dict:
    """An Amazon MQ for ActiveMQ broker, active/standby across two AZs, as moto records it (no broker runs)."""
    mq = aws.client("mq")
    broker = mq.create_broker(
        BrokerName="legacy-jms",
        EngineType="ACTIVEMQ",
        EngineVersion="5.18",
        HostInstanceType="mq.m5.large",
        DeploymentMode="ACTIVE_STANDBY_MULTI_AZ",
        PubliclyAccessible=False,
        AutoMinorVersionUpgrade=True,
        Users=[{"Username": "app", "Password": "not-a-real-password-1"}],
    )
    described = mq.describe_broker(BrokerId=broker["BrokerId"])
    return {
        "engine": described["EngineType"],
        "deployment mode": described["DeploymentMode"],
        "state": described["BrokerState"],
        "instance type": described["HostInstanceType"],
    }


def batch_on_emulator(aws) -> dict:
    """A compute environment, a job queue and a job definition with a one-hour timeout (records only: no job runs)."""
    batch, iam = aws.client("batch"), aws.client("iam")
    role = iam.create_role(RoleName="batch-service", AssumeRolePolicyDocument=ROLE_POLICY)["Role"]["Arn"]
    environment = batch.create_compute_environment(
        computeEnvironmentName="render-ce", type="UNMANAGED", state="ENABLED", serviceRole=role
    )
    batch.create_job_queue(
        jobQueueName="render-jobs",
        state="ENABLED",
        priority=10,
        computeEnvironmentOrder=[{"order": 1, "computeEnvironment": environment["computeEnvironmentArn"]}],
    )
    batch.register_job_definition(
        jobDefinitionName="render-frame",
        type="container",
        containerProperties={
            "image": "public.ecr.aws/docker/library/busybox",
            "vcpus": 1,
            "memory": 512,
            "command": ["echo", "frame"],
        },
        timeout={"attemptDurationSeconds": 3600},
        retryStrategy={"attempts": 3},
    )
    queue = batch.describe_job_queues(jobQueues=["render-jobs"])["jobQueues"][0]
    definition = batch.describe_job_definitions(jobDefinitionName="render-frame")["jobDefinitions"][0]
    return {
        "compute environment": f"{environment['computeEnvironmentName']} (UNMANAGED)",
        "job queue": f"{queue['jobQueueName']}, priority {queue['priority']}, {queue['state']}",
        "job definition": f"{definition['jobDefinitionName']}:{definition['revision']}",
        "timeout per attempt": f"{definition['timeout']['attemptDurationSeconds']} s",
        "retry attempts": definition["retryStrategy"]["attempts"],
    }


def _with_ids(segment: dict, trace_id: str, counter: list[int], root: bool = True) -> dict:
    counter[0] += 1
    out = {
        "name": segment["name"],
        "id": f"{counter[0]:016x}",
        "start_time": EPOCH + segment["start_time"],
        "end_time": EPOCH + segment["end_time"],
    }
    if root:
        out["trace_id"] = trace_id
    if segment.get("subsegments"):
        out["subsegments"] = [_with_ids(child, trace_id, counter, False) for child in segment["subsegments"]]
    return out


def _shifted(segment: dict) -> dict:
    out = {
        "name": segment["name"],
        "start_time": round(segment["start_time"] - EPOCH, 6),
        "end_time": round(segment["end_time"] - EPOCH, 6),
    }
    if segment.get("subsegments"):
        out["subsegments"] = [_shifted(child) for child in segment["subsegments"]]
    return out


def xray_on_emulator(aws, trace: dict) -> dict:
    """Send ``trace`` with PutTraceSegments, read it back with GetTraceSummaries and BatchGetTraces, and run our
    critical-path model on the document the emulator returns.

    >>> from awslab.sandbox import sandbox
    >>> with sandbox() as aws:
    ...     out = xray_on_emulator(aws, choosers.EXAMPLE_TRACE)
    >>> out["our model: response time"], out["moto: Duration"]
    ('820 ms', 0.0)
    """
    xray = aws.client("xray")
    trace_id = "1-6553f100-0123456789abcdef01234567"
    document = _with_ids(trace, trace_id, [0])
    sent = xray.put_trace_segments(TraceSegmentDocuments=[json.dumps(document)])
    summaries = xray.get_trace_summaries(StartTime=EPOCH - 60, EndTime=EPOCH + 3600)["TraceSummaries"]
    stored = xray.batch_get_traces(TraceIds=[trace_id])["Traces"][0]["Segments"][0]["Document"]
    path = choosers.critical_path(_shifted(json.loads(stored)))
    return {
        "segments rejected": len(sent["UnprocessedTraceSegments"]),
        "traces found": len(summaries),
        "moto: Duration": summaries[0]["Duration"],
        "moto: ResponseTime": summaries[0]["ResponseTime"],
        "our model: response time": f"{path.total_ms:,.0f} ms",
        "our model: slowest on the path": path.slowest,
    }


def ai_stubs_on_emulator(aws) -> list[dict]:
    """What moto answers for a few AI-service calls: canned responses, whatever the input."""
    rows = []
    labels = aws.client("rekognition").detect_labels(Image={"Bytes": b"not really an image"})["Labels"]
    rows.append(
        {
            "service": "Rekognition",
            "call": "DetectLabels on 19 bytes of text",
            "moto answered": f"{len(labels)} labels, first {labels[0]['Name']!r}",
        }
    )
    sentiment = aws.client("comprehend").detect_sentiment(Text="I love this course", LanguageCode="en")["Sentiment"]
    rows.append(
        {
            "service": "Comprehend",
            "call": "DetectSentiment('I love this course')",
            "moto answered": f"sentiment {sentiment}",
        }
    )
    blocks = aws.client("textract").detect_document_text(Document={"Bytes": b"one line"})["Blocks"]
    rows.append(
        {
            "service": "Textract",
            "call": "DetectDocumentText on one line of bytes",
            "moto answered": f"{len(blocks)} text blocks (and a random page count)",
        }
    )
    voices = aws.client("polly").describe_voices(LanguageCode="en-GB")["Voices"]
    rows.append(
        {
            "service": "Polly",
            "call": "DescribeVoices(en-GB)",
            "moto answered": ", ".join(sorted(v["Name"] for v in voices)),
        }
    )
    try:
        aws.client("translate").translate_text(Text="hello", SourceLanguageCode="en", TargetLanguageCode="fr")
        answer = "translated"
    except Exception as error:  # noqa: BLE001 - we show what the emulator says
        answer = f"error: {str(error).split(': ', 1)[-1]}"
    rows.append({"service": "Translate", "call": "TranslateText('hello', en to fr)", "moto answered": answer})
    return rows
