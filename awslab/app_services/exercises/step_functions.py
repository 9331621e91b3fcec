"""Exercises of 05_step_functions: answers computed by awslab.app_services.stepfunctions.

>>> cheaper.check(cheaper.answer).right
True

References:
    - AWS Step Functions Developer Guide, "Handling errors in Step Functions workflows",
      https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html (read 2026-12-03)
    - AWS Step Functions Pricing, https://aws.amazon.com/step-functions/pricing/ (us-east-1 list prices as last
      published; not re-verified, read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.app_services import stepfunctions

RETRIER = {
    "ErrorEquals": ["States.Timeout"],
    "IntervalSeconds": 2,
    "MaxAttempts": 4,
    "BackoffRate": 3.0,
    "MaxDelaySeconds": 30,
}
_COST = stepfunctions.workflow_cost(50_000_000, 3, duration_ms=300, memory_mb=64)

retry_total = exercises.number(
    "step-functions-1",
    "How long do the retries wait?",
    task="A Task state has `Retry: [{ErrorEquals: [States.Timeout], IntervalSeconds: 2, MaxAttempts: 4, "
    "BackoffRate: 3.0, MaxDelaySeconds: 30}]` and times out every time. How many seconds does it wait in total "
    "before giving up (jitter off)?",
    answer=sum(stepfunctions.retry_intervals(RETRIER, 4)),
    unit="s",
    hint="Waits grow 2, 6, 18, ... and none may exceed MaxDelaySeconds.",
    solution="2 + 6 + 18 + min(54, 30) = 56 seconds.",
)

cheaper = exercises.choice(
    "step-functions-2",
    "Standard or Express?",
    task="50 million executions a month, 3 state transitions each, 300 ms each at 64 MB. Which workflow type is "
    "cheaper at the list prices in this notebook?",
    choices=("Standard", "Express"),
    answer=_COST.cheaper,
    hint="Standard: transitions x 0.000025 USD. Express: 1 USD per million requests plus GB-seconds.",
    solution=f"Standard about {_COST.standard_usd:,.0f} USD, Express about {_COST.express_usd:,.0f} USD: "
    f"{_COST.cheaper}.",
)
