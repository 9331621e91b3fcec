"""Exercises of 03_swf_apigw_ses_transcoder: answers computed by awslab.app_services.swf, apigateway and ses.

>>> throttled_burst.check(200).right
True

References:
    - Amazon API Gateway Developer Guide, "Throttle requests to your REST APIs for better throughput",
      https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
      (read 2026-12-03)
    - Amazon SES Developer Guide, "Request production access (moving out of the Amazon SES sandbox)",
      https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html (read 2026-12-03)
    - Amazon SES Developer Guide, "Service quotas in Amazon SES", https://docs.aws.amazon.com/ses/latest/dg/quotas.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.app_services import apigateway, ses, swf

_RUN = swf.simulate_order_workflow(max_attempts=2)

workflow_outcome = exercises.choice(
    "swf-apigw-ses-transcoder-1",
    "Two attempts for a flaky charge",
    task="In the order workflow, `ChargeCreditCard` fails on its first two attempts. The decider allows "
    "`max_attempts=2`. How does the execution end?",
    choices=("COMPLETED", "FAILED"),
    answer=_RUN.status,
    hint="Set the attempts slider of the workflow explorer to 2 and read the last history event.",
    solution=f"Both allowed attempts fail, so the decider gives up: the execution is {_RUN.status}. Its history shows "
    f"{_RUN.attempts.get('ChargeCreditCard', 0)} ChargeCreditCard attempts and ShipOrder never starts.",
)

BURST_REQUESTS = 300
_BUCKET = apigateway.token_bucket([0.0] * BURST_REQUESTS, rate_limit=50, burst_limit=100)

throttled_burst = exercises.number(
    "swf-apigw-ses-transcoder-2",
    "A burst against the token bucket",
    task=f"A stage is throttled at a rate of 50 requests/s with a burst of 100. {BURST_REQUESTS} requests arrive "
    "in the same instant, with a full bucket. How many get a 429?",
    answer=_BUCKET.throttled,
    unit="requests",
    hint="At one instant no tokens are refilled: only the tokens already in the bucket (the burst) count. "
    "`apigateway.token_bucket([0.0] * 300, rate_limit=50, burst_limit=100)` checks it.",
    solution=f"The bucket holds 100 tokens, so 100 requests pass and {_BUCKET.throttled} are throttled. Answering 150 "
    "adds the 50/s rate, which only refills the bucket as time passes.",
    tolerance=0,
)

_SANDBOX = ses.mailing_time(1000)

sandbox_mailing = exercises.number(
    "swf-apigw-ses-transcoder-3",
    "A newsletter from the SES sandbox",
    task="An account still in the SES sandbox (200 emails per 24 hours, 1 per second, nothing sent yet) must "
    "send a newsletter to 1,000 recipients. How many days until the last one is sent?",
    answer=round(_SANDBOX.days, 3),
    unit="days",
    hint="Each 24-hour window allows 200 emails; count the windows, and remember the last batch goes out at the "
    "start of its window. `ses.mailing_time(1000)` checks it.",
    solution=f"1,000 / 200 = {_SANDBOX.windows} windows; the fifth opens after 4 x 24 h and its 200 emails take "
    f"200 s at 1/s: 4 days + 200 s = {_SANDBOX.days:.3f} days. Five days would count the last window in full.",
)
