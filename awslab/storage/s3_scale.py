"""S3 at scale: how many partitioned prefixes a request rate needs, and what a single hot prefix throttles.

S3 serves at least 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests per second per partitioned prefix, and
partitions a busy prefix automatically over time; while it scales, excess requests get 503 Slow Down. The model
takes the documented floor as the per-prefix capacity and an even spread of keys over the prefixes.

References:
    - Amazon Athena User Guide, "Reduce throttling at the service level" ("a limit of 5500 GET requests per second
      per partitioned prefix"),
      https://docs.aws.amazon.com/athena/latest/ug/performance-tuning-s3-throttling-reduce-throttling-at-the-service-level.html
      (read 2026-12-03)
    - AWS re:Post Knowledge Center, "How can I increase Amazon S3 request limits...?" with AWS's correction "at least
      3,500 PUT/COPY/POST/DELETE or 5,500 GET/HEAD requests per second per partitioned Amazon S3 prefix",
      https://aws.amazon.com/premiumsupport/knowledge-center/s3-object-key-naming-pattern/ (read 2026-12-03)
    - Amazon S3 User Guide, "Performance guidelines for Amazon S3" (503 Slow Down while S3 scales; retries with
      backoff), https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance-guidelines.html
      (read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from awslab import validate
from awslab.storage.s3 import PREFIX_READ_REQUESTS_PER_SECOND, PREFIX_WRITE_REQUESTS_PER_SECOND
from awslab.validate import checked


@dataclass(frozen=True)
class PrefixLoad:
    """Requests per second per prefix against the documented floor, and the share that would be throttled.

    >>> prefix_load(11_000, 0, prefixes=2).throttled_share
    0.0
    """

    prefixes: int
    get_per_prefix: float
    put_per_prefix: float
    get_utilization: float  # of 5,500 GET/HEAD per second
    put_utilization: float  # of 3,500 PUT/COPY/POST/DELETE per second
    prefixes_needed: int
    throttled_share: float  # of all requests, if S3 had not yet partitioned further


@checked
def prefixes_needed(get_rps: float, put_rps: float) -> int:
    """Fewest partitioned prefixes that carry ``get_rps`` reads and ``put_rps`` writes at the documented floor.

    >>> prefixes_needed(40_000, 0), prefixes_needed(0, 10_000)
    (8, 3)
    """
    g = validate.number("get_rps", get_rps, minimum=0, unit="requests/s")
    p = validate.number("put_rps", put_rps, minimum=0, unit="requests/s")
    return max(1, math.ceil(g / PREFIX_READ_REQUESTS_PER_SECOND), math.ceil(p / PREFIX_WRITE_REQUESTS_PER_SECOND))


@checked
def prefix_load(get_rps: float, put_rps: float, *, prefixes: int = 1) -> PrefixLoad:
    """Spread ``get_rps`` and ``put_rps`` evenly over ``prefixes`` and compare each prefix with the floor.

    >>> round(prefix_load(0, 7_000, prefixes=1).throttled_share, 3)
    0.5
    """
    n = validate.integer("prefixes", prefixes, minimum=1, maximum=100_000)
    need = prefixes_needed(get_rps, put_rps)
    g, p = get_rps / n, put_rps / n
    excess = max(0.0, g - PREFIX_READ_REQUESTS_PER_SECOND) + max(0.0, p - PREFIX_WRITE_REQUESTS_PER_SECOND)
    total = g + p
    return PrefixLoad(
        prefixes=n,
        get_per_prefix=g,
        put_per_prefix=p,
        get_utilization=g / PREFIX_READ_REQUESTS_PER_SECOND,
        put_utilization=p / PREFIX_WRITE_REQUESTS_PER_SECOND,
        prefixes_needed=need,
        throttled_share=excess / total if total > 0 else 0.0,
    )
