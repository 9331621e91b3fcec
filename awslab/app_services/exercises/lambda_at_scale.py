"""Exercises of 06_lambda_at_scale: answers computed by awslab.app_services.lambda_scale.

>>> stream_concurrency.check(40).right
True

References:
    - AWS Lambda Developer Guide, "Understanding Lambda function scaling",
      https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "How Lambda processes records from Kinesis Data Streams",
      https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.app_services import lambda_scale

_CAPPED = lambda_scale.simulate_spike([3000] * 10, duration_ms=1000, reserved=1000, account_limit=2000)

throttled = exercises.number(
    "lambda-at-scale-1",
    "Throttles under a reservation",
    task="A function has reserved concurrency 1,000 (account limit 2,000). For 10 seconds it receives 3,000 "
    "synchronous requests per second, each taking exactly 1 second. How many requests are throttled?",
    answer=_CAPPED.throttled,
    hint="Each second 3,000 requests need 3,000 environments; the function may never have more than 1,000.",
    solution=f"1,000 are served each second and 2,000 refused: {_CAPPED.throttled:,} throttles in 10 seconds.",
)

stream_concurrency = exercises.number(
    "lambda-at-scale-2",
    "Kinesis parallelism",
    task="A Kinesis stream with 8 shards feeds a function through an event source mapping with "
    "ParallelizationFactor 5 and plenty of records. At most how many invocations run at once?",
    answer=lambda_scale.stream_batches(100_000, shards=8, parallelization_factor=5).concurrent_invocations,
    hint="Each shard can have up to ParallelizationFactor batches in flight.",
    solution="8 shards x 5 = 40 concurrent invocations.",
    tolerance=0,
)
