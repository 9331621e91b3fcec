"""Exercises of 07_choosing_services: answers computed by awslab.app_services.choosers.

>>> critical_ms.check(760).right
True

References:
    - The notebook's sources, in awslab.app_services.choosers (AWS X-Ray, AWS Batch, Amazon MQ, AWS Wavelength
      pages), https://docs.aws.amazon.com/batch/latest/userguide/array_jobs.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.app_services import choosers

_TRACE = choosers.checkout_trace(inventory_ms=300, tax_ms=100, payment_ms=300)
_PATH = choosers.critical_path(_TRACE)

critical_ms = exercises.number(
    "choosing-services-1",
    "A trace's response time",
    task="In the checkout trace, auth runs from 10 to 60 ms; then inventory (300 ms) and pricing (its tax call of "
    "100 ms plus 40 ms of its own) start together at 70 ms; payment (300 ms) starts 10 ms after both are back; the "
    "request ends 80 ms after payment. What is the response time, in ms?",
    answer=_PATH.total_ms,
    hint="Only the slower of the two parallel calls delays payment.",
    solution=f"70 + max(300, 140) + 10 + 300 + 80 = {_PATH.total_ms:,.0f} ms; pricing runs alongside inventory and "
    "is off the critical path.",
    unit="ms",
    tolerance=0.001,
)

_BEST = choosers.rank(
    choosers.JOB_COMPUTE, {"duration": "over 15 minutes", "gpu": "needed", "fan_out": "thousands of similar tasks"}
)[0].service

job_service = exercises.choice(
    "choosing-services-2",
    "Where to run the nightly renders",
    task="8,000 frames to render each night, each on a GPU for about 20 minutes, all independent. Which service "
    "does the jobs chooser rank first?",
    choices=[r.service for r in choosers.rank(choosers.JOB_COMPUTE, {})],
    answer=_BEST,
    hint="Which options have GPUs, and which submit thousands of similar tasks at once?",
    solution=f"{_BEST}: GPU instances, no 15-minute limit, and one array job (2 to 10,000 children) for the frames.",
)
