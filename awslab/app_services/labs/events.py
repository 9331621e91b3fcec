"""Sandbox labs of the event-driven notebooks: EventBridge rules to SQS, Step Functions executions and Lambda
concurrency settings, through boto3 on the emulator (moto), beside this course's models.

Where moto differs from AWS: its EventBridge matcher is its own (we compare both) and its delivery to SQS needs the
optional jsonpath-ng package (not installed here), its Step Functions executions are
stubs that do not run the states (so we run our interpreter on the same definition), and it cannot invoke Lambda
functions without Docker (so the Lambda lab only sets and reads concurrency).

References:
    - Amazon EventBridge API Reference, "PutRule", "PutTargets", "PutEvents",
      https://docs.aws.amazon.com/eventbridge/latest/APIReference/Welcome.html (read 2026-12-03)
    - AWS Step Functions API Reference, "CreateStateMachine", "StartExecution", "DescribeExecution",
      https://docs.aws.amazon.com/step-functions/latest/apireference/Welcome.html (read 2026-12-03)
    - AWS Lambda API Reference, "PutFunctionConcurrency", "GetFunctionConcurrency",
      https://docs.aws.amazon.com/lambda/latest/api/welcome.html (read 2026-12-03)
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import TYPE_CHECKING

from awslab.app_services import eventbridge, stepfunctions

if TYPE_CHECKING:
    import pandas as pd

ROLE_ARN = "arn:aws:iam::123456789012:role/lab-role"


def rule_to_queue_on_emulator(aws, pattern: dict) -> pd.DataFrame:
    """A custom bus, one rule with ``pattern`` targeting an SQS queue, and the six sample events put on the bus.

    One row per sample event: whether moto's rule matched it, and our matcher's answer. moto does not implement
    TestEventPattern, so delivery is how we see its verdict; and moto's delivery to an SQS target imports the
    jsonpath-ng package, which this course does not install, so a match shows up as that delivery starting.

    >>> from awslab.sandbox import sandbox
    >>> with sandbox() as aws:
    ...     table = rule_to_queue_on_emulator(aws, {"source": ["aws.s3"]})
    >>> table["moto's rule matched"].tolist()
    [False, False, True, False, False, False]
    """
    import pandas as pd

    events, sqs = aws.client("events"), aws.client("sqs")
    events.create_event_bus(Name="shop")
    url = sqs.create_queue(QueueName="rule-target")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    events.put_rule(Name="lab-rule", EventBusName="shop", EventPattern=json.dumps(pattern))
    events.put_targets(Rule="lab-rule", EventBusName="shop", Targets=[{"Id": "queue", "Arn": arn}])
    rows = []
    for name, event in eventbridge.SAMPLE_EVENTS.items():
        entry = {
            "Source": event["source"],
            "DetailType": event["detail-type"],
            "Detail": json.dumps(event["detail"]),
            "EventBusName": "shop",
        }
        try:
            events.put_events(Entries=[entry])
            received = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
            for message in received:
                sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
            matched, seen = bool(received), ("a message in the queue" if received else "nothing delivered")
        except ModuleNotFoundError as missing:  # moto's SQS delivery imports the optional jsonpath-ng package
            if "jsonpath" not in str(missing):
                raise
            matched, seen = True, "moto matched and began delivery (needs jsonpath-ng)"
        # PutEvents cannot set "region" or "account": EventBridge fills them in (here the sandbox's us-east-1)
        full = {"version": "0", "id": "1", "time": "2026-01-01T00:00:00Z", "resources": [], **event}
        full.update(account="123456789012", region="us-east-1")
        rows.append(
            {
                "event": name,
                "moto's rule matched": matched,
                "how we know": seen,
                "our matcher": eventbridge.matches(pattern, full),
            }
        )
    return pd.DataFrame(rows)


def state_machine_on_emulator(aws, definition: dict, state_input: dict) -> dict:
    """Create the state machine and start one execution on moto; return what DescribeExecution says.

    >>> from awslab.sandbox import sandbox
    >>> machine = {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}
    >>> with sandbox() as aws:
    ...     described = state_machine_on_emulator(aws, machine, {"a": 1})
    >>> sorted(described)
    ['input', 'status', 'type']
    """
    sfn = aws.client("stepfunctions")
    arn = sfn.create_state_machine(name="orders", definition=json.dumps(definition), roleArn=ROLE_ARN)[
        "stateMachineArn"
    ]
    execution = sfn.start_execution(stateMachineArn=arn, name="lab-1", input=json.dumps(state_input))
    described = sfn.describe_execution(executionArn=execution["executionArn"])
    kind = sfn.describe_state_machine(stateMachineArn=arn)["type"]
    return {"status": described["status"], "input": json.loads(described["input"]), "type": kind}


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    return event\n")
    return buffer.getvalue()


def concurrency_on_emulator(aws, reserved: int) -> dict:
    """Create a function, set its reserved concurrency, read it back, then remove it (moto has no GetAccountSettings).

    >>> from awslab.sandbox import sandbox
    >>> with sandbox() as aws:
    ...     settings = concurrency_on_emulator(aws, 100)
    >>> settings["reserved concurrency"]
    100
    """
    iam, lam = aws.client("iam"), aws.client("lambda")
    role = iam.create_role(
        RoleName="lab-lambda",
        AssumeRolePolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
                ],
            }
        ),
    )["Role"]["Arn"]
    lam.create_function(
        FunctionName="checkout", Runtime="python3.12", Role=role, Handler="handler.handler", Code={"ZipFile": _zip()}
    )
    lam.put_function_concurrency(FunctionName="checkout", ReservedConcurrentExecutions=reserved)
    got = lam.get_function_concurrency(FunctionName="checkout")["ReservedConcurrentExecutions"]
    described = lam.get_function(FunctionName="checkout")["Concurrency"]["ReservedConcurrentExecutions"]
    lam.delete_function_concurrency(FunctionName="checkout")
    after = "Concurrency" in lam.get_function(FunctionName="checkout")
    return {"reserved concurrency": got, "GetFunction shows": described, "still reserved after delete": after}


def run_on_interpreter(definition: dict, state_input: dict, tasks: dict) -> stepfunctions.Execution:
    """The same definition on this course's interpreter (what moto's stub does not do).

    >>> run_on_interpreter({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}, {"a": 1}, {}).status
    'SUCCEEDED'
    """
    return stepfunctions.run(definition, state_input, tasks=tasks)
