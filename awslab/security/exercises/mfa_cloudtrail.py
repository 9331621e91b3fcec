"""Exercises for 04_mfa_cloudtrail, answered by awslab.security.mfa (acceptance window) and
awslab.security.cloudtrail (digest-chain validation).

>>> round(drifted_code.answer, 1), deleted_digest.answer
(66.7, 'not covered')

References:
    - RFC 6238, "TOTP: Time-Based One-Time Password Algorithm", https://www.rfc-editor.org/rfc/rfc6238
      (read 2026-12-03)
    - AWS CloudTrail User Guide, "Custom implementations of CloudTrail log file integrity validation",
      https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
      (read 2026-11-27)
"""

from __future__ import annotations

from awslab import exercises
from awslab.security import cloudtrail, mfa

DRIFT, DELAY, WINDOW = 45, 5, 1

drifted_code = exercises.number(
    "mfa-cloudtrail-1",
    "A phone clock that runs fast",
    task=(
        f"A phone's clock is {DRIFT} s ahead. The user types each code {DELAY} s after it appears, at a random "
        f"moment of its 30-second step, and the server accepts a window of ±{WINDOW} step. What percentage of "
        "codes is accepted?"
    ),
    answer=float(mfa.acceptance_probability(DRIFT, WINDOW, delay_seconds=DELAY)[0]) * 100,
    unit="%",
    hint="Set the drift explorer to 45 s; the delay works against the drift, so what counts is 45 - 5 = 40 s.",
    solution=(
        "The phone is effectively 40 s ahead: one step (30 s) plus 10 s. For 20 of the 30 seconds of a step the "
        "code is one step ahead (inside the ±1 window), for the other 10 it is two steps ahead (refused): "
        "20/30 = 66.7%. Ignoring the typing delay gives 50%."
    ),
)


def _first_hour_status() -> str:
    key = cloudtrail.generate_signing_key()
    trail = cloudtrail.build_trail(cloudtrail.sample_events(3, seed=0), key, files_per_hour=3)
    result = cloudtrail.validate_trail(cloudtrail.tamper(trail, "delete_digest", 1), key.public_key())
    return result.log_files[next(iter(trail.logs))]


deleted_digest = exercises.choice(
    "mfa-cloudtrail-2",
    "Delete a digest, and then?",
    task=(
        "A trail with validation on has run for three hours (three log files and one digest per hour). An intruder "
        "deletes the digest of the second hour. What does validation report for the (untouched) log files of the "
        "first hour?"
    ),
    choices=("valid", "modified", "missing", "not covered"),
    answer=_first_hour_status(),
    hint=(
        "Validation walks from the newest digest back through each digest's link to the previous one. In the "
        "CloudTrail explorer choose `delete_digest` and file 1."
    ),
    solution=(
        "not covered: the newest digest still validates, but its link points to a digest that is gone, so the chain "
        "stops there and no valid digest vouches for the older files. Their content was not changed, but nothing "
        "proves it any more; the missing digest itself is reported as missing."
    ),
)
