"""Application services: SQS queues and consumer fleets, SNS fan-out, SWF workflows, API Gateway throttling, SES
sending quotas."""
