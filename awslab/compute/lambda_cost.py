"""Lambda versus an always-on instance for a request-driven workload.

Lambda list prices for us-east-1 from https://aws.amazon.com/lambda/pricing/ (recorded 2026-11-27): duration billed
per 1 ms (since December 2020) at a rate per GB-second, plus a rate per million requests; the monthly free tier is
1 million requests and 400,000 GB-seconds. Memory is 128-10,240 MB. Instance prices from ``awslab.compute.ec2``.

References:
    - AWS, "AWS Lambda Pricing",
      https://aws.amazon.com/lambda/pricing/ (read 2026-11-27)
    - AWS CLI Command Reference, "lambda invoke" (6 MB synchronous, 1 MB asynchronous payloads),
      https://docs.aws.amazon.com/cli/latest/reference/lambda/invoke.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Invoking a response streaming enabled function using Lambda function URLs"
      (200 MB streamed response), https://docs.aws.amazon.com/lambda/latest/dg/config-rs-invoke-furls.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Lambda quotas" (1,000 concurrent executions per Region by default),
      https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (read 2026-12-03)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awslab import validate
from awslab.compute.ec2 import HOURS_PER_MONTH
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

LAMBDA_USD_PER_GB_SECOND = {"x86_64": 0.0000166667, "arm64": 0.0000133334}
LAMBDA_USD_PER_MILLION_REQUESTS = 0.20
FREE_TIER_REQUESTS = 1_000_000
FREE_TIER_GB_SECONDS = 400_000
MEMORY_MB_RANGE = (128, 10_240)
# Invocation payloads (see References, read 2026-12-03): request and response of a synchronous Invoke, the event of an
# asynchronous one, and a response streamed with InvokeWithResponseStream (function URLs in RESPONSE_STREAM mode).
SYNC_PAYLOAD_MB = 6
ASYNC_PAYLOAD_MB = 1
STREAMED_RESPONSE_MB = 200
DEFAULT_CONCURRENCY_PER_REGION = 1_000  # concurrent executions, raised on request
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600


@dataclass(frozen=True)
class LambdaBill:
    """A month of Lambda: billed GB-seconds and requests, and the USD for each part.

    >>> bill = lambda_monthly_cost(5_000_000, 100, 512, free_tier=False)
    >>> bill.gb_seconds, round(bill.total_usd, 2)
    (250000.0, 5.17)
    """

    requests: float
    gb_seconds: float
    request_usd: float
    duration_usd: float

    @property
    def total_usd(self) -> float:
        """Request plus duration charges, USD per month."""
        return self.request_usd + self.duration_usd


@checked
def lambda_monthly_cost(
    requests_per_month: float, duration_ms: float, memory_mb: int, architecture: str = "x86_64", free_tier: bool = True
) -> LambdaBill:
    """Return one month's Lambda bill; each invocation's duration is rounded up to the next millisecond.

    >>> round(lambda_monthly_cost(5_000_000, 100, 512).total_usd, 2)
    0.8
    """
    n = validate.number("requests_per_month", requests_per_month, minimum=0)
    ms = validate.number("duration_ms", duration_ms, minimum=0, exclusive_minimum=True, maximum=900_000, unit="ms")
    mem = validate.integer("memory_mb", memory_mb, minimum=MEMORY_MB_RANGE[0], maximum=MEMORY_MB_RANGE[1], unit="MB")
    rate = LAMBDA_USD_PER_GB_SECOND[validate.choice("architecture", architecture, LAMBDA_USD_PER_GB_SECOND)]
    gb_seconds = n * math.ceil(ms) / 1000.0 * mem / 1024.0
    billable_requests = max(n - FREE_TIER_REQUESTS, 0.0) if free_tier else n
    billable_gb_s = max(gb_seconds - FREE_TIER_GB_SECONDS, 0.0) if free_tier else gb_seconds
    return LambdaBill(n, gb_seconds, billable_requests / 1e6 * LAMBDA_USD_PER_MILLION_REQUESTS, billable_gb_s * rate)


@checked
def instances_needed(
    requests_per_month: float,
    duration_ms: float,
    requests_per_second_per_instance: float,
    peak_to_average: float = 1.0,
    minimum_instances: int = 1,
) -> int:
    """Return how many always-on instances serve the month's peak rate (average rate times peak_to_average).

    >>> instances_needed(5_000_000, 100, 100, peak_to_average=3)
    1
    """
    n = validate.number("requests_per_month", requests_per_month, minimum=0)
    validate.number("duration_ms", duration_ms, minimum=0, exclusive_minimum=True)
    per_instance = validate.number(
        "requests_per_second_per_instance", requests_per_second_per_instance, minimum=0, exclusive_minimum=True
    )
    ratio = validate.number("peak_to_average", peak_to_average, minimum=1)
    floor = validate.integer("minimum_instances", minimum_instances, minimum=1)
    peak_rps = n / SECONDS_PER_MONTH * ratio
    return max(floor, math.ceil(peak_rps / per_instance - 1e-12))


@checked
def compare(
    requests_per_month_grid: Sequence[float],
    duration_ms: float,
    memory_mb: int,
    instance_usd_per_hour: float,
    requests_per_second_per_instance: float,
    peak_to_average: float = 1.0,
    minimum_instances: int = 1,
    architecture: str = "x86_64",
    free_tier: bool = True,
) -> pd.DataFrame:
    """Return monthly USD for Lambda and for always-on instances at each request volume, and which is cheaper.

    >>> table = compare([1e6, 1e8], 100, 512, 0.0416, 100)
    >>> table.shape
    (2, 5)
    """
    import pandas as pd

    price = validate.number("instance_usd_per_hour", instance_usd_per_hour, minimum=0)
    rows = []
    for n in requests_per_month_grid:
        bill = lambda_monthly_cost(n, duration_ms, memory_mb, architecture, free_tier)
        count = instances_needed(n, duration_ms, requests_per_second_per_instance, peak_to_average, minimum_instances)
        instance_usd = count * price * HOURS_PER_MONTH
        rows.append(
            {
                "requests_per_month": float(n),
                "lambda_usd": round(bill.total_usd, 6),
                "instances": count,
                "instance_usd": round(instance_usd, 6),
                "cheaper": "lambda" if bill.total_usd < instance_usd else "instance",
            }
        )
    return pd.DataFrame(rows)


@checked
def breakeven_requests_per_month(
    duration_ms: float,
    memory_mb: int,
    instance_usd_per_hour: float,
    instance_count: int = 1,
    architecture: str = "x86_64",
    free_tier: bool = True,
) -> float:
    """Return the monthly request count at which Lambda costs as much as ``instance_count`` always-on instances.

    >>> round(breakeven_requests_per_month(100, 512, 0.0416))
    36033503
    """
    mem = validate.integer("memory_mb", memory_mb, minimum=MEMORY_MB_RANGE[0], maximum=MEMORY_MB_RANGE[1])
    ms = validate.number("duration_ms", duration_ms, minimum=0, exclusive_minimum=True)
    count = validate.integer("instance_count", instance_count, minimum=1)
    budget = validate.number("instance_usd_per_hour", instance_usd_per_hour, minimum=0) * HOURS_PER_MONTH * count
    rate = LAMBDA_USD_PER_GB_SECOND[validate.choice("architecture", architecture, LAMBDA_USD_PER_GB_SECOND)]
    gb_s_per_request = math.ceil(ms) / 1000.0 * mem / 1024.0
    per_request = LAMBDA_USD_PER_MILLION_REQUESTS / 1e6 + gb_s_per_request * rate
    if not free_tier:
        return budget / per_request
    # cost is piecewise linear in n; the free allowances are subtracted before the per-request rate applies
    free_req, free_n_gb = FREE_TIER_REQUESTS, FREE_TIER_GB_SECONDS / gb_s_per_request
    lo, hi = 0.0, max(free_req, free_n_gb) + budget / per_request + 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if lambda_monthly_cost(mid, ms, mem, architecture, True).total_usd < budget:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2
