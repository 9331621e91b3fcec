"""Exercises of 04_eventbridge: answers computed by awslab.app_services.eventbridge.

>>> only_images.check({"source": ["aws.s3"]}).right
True

References:
    - Amazon EventBridge User Guide, "Content filtering in Amazon EventBridge event patterns",
      https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.app_services import eventbridge

COUNT_PATTERN = {"source": [{"anything-but": {"prefix": "aws."}}], "detail": {"total_usd": [{"numeric": [">", 10]}]}}


def _only_images(value) -> tuple[bool, str]:
    try:
        rows = eventbridge.match_table(value)
    except ValueError as error:
        return False, f"EventBridge would refuse that pattern: {error}"
    hits = [r["event"] for r in rows if r["matches"]]
    if hits == ["S3 object created (photo.PNG)"]:
        return True, "it matches the image upload and nothing else"
    return False, f"it matches {', '.join(hits) or 'no sample event'}"


only_images = exercises.code(
    "eventbridge-1",
    "A rule for image uploads only",
    task="Write an event pattern (a dict or JSON text) that matches the sample `S3 object created (photo.PNG)` event "
    "and none of the other five sample events.",
    checker=_only_images,
    hint="Start from `source`; then make it robust with `suffix` and `equals-ignore-case` on `detail.object.key`.",
    solution='`{"source": ["aws.s3"], "detail": {"object": {"key": [{"suffix": {"equals-ignore-case": ".png"}}]}}}`',
)

matched_count = exercises.number(
    "eventbridge-2",
    "Count the matches",
    task="How many of the six sample events does this pattern match? "
    '`{"source": [{"anything-but": {"prefix": "aws."}}], "detail": {"total_usd": [{"numeric": [">", 10]}]}}`',
    answer=sum(r["matches"] for r in eventbridge.match_table(COUNT_PATTERN)),
    hint="Only custom (non-`aws.`) sources pass the first field; then look at each order's total.",
    solution="Both orders come from `com.shop.orders` and both totals (1,250 and 40) are above 10: 2 events.",
    tolerance=0,
)
