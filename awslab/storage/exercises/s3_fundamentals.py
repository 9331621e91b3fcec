"""Exercises for 01_s3_fundamentals: losses at eleven nines, a valid bucket name, prefixes for a read rate.

References:
    - Amazon S3 User Guide, "General purpose bucket naming rules",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (read 2026-12-03)
    - AWS re:Post Knowledge Center, "How do I troubleshoot HTTP 5xx errors from Amazon S3?",
      https://repost.aws/knowledge-center/http-5xx-errors-s3 (read 2026-12-03)
    - Amazon S3 User Guide, "Understanding and managing Amazon S3 storage classes" (durability),
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html (read 2026-12-03)
"""

from __future__ import annotations

import math

from awslab import exercises
from awslab.storage import s3
from awslab.storage import s3_reliability as reliability

OBJECTS = 100_000_000
_YEARS = reliability.years_per_lost_object(OBJECTS)

years_per_loss = exercises.number(
    "s3-fundamentals-1",
    "One lost object every how many years?",
    task=(
        f"A data lake keeps **{OBJECTS:,}** objects in S3 Standard (eleven nines of durability a year). On average, "
        "how many years pass between losses of one object?"
    ),
    answer=_YEARS,
    hint=(
        "Set the durability explorer's object count to 100 million, or call "
        "`reliability.years_per_lost_object(...)`. Ten times more objects than the notebook's example: more or "
        "fewer years?"
    ),
    solution=(
        f"About {_YEARS:,.0f} years. Each object is lost in a year with probability 1 - 0.99999999999 = 1e-11, so "
        f"{OBJECTS:,} objects lose {OBJECTS * 1e-11:g} objects a year: one every 1 / {OBJECTS * 1e-11:g} = "
        f"{_YEARS:,.0f} years. Ten times the objects, a tenth of the years."
    ),
    unit="years",
)

CANDIDATES = ("Logs-2026", "logs..2026", "logs-2026.example", "photos-s3alias", "xn--logs-2026")


def _valid(name: str) -> bool:
    try:
        s3.validate_bucket_name(name)
    except ValueError:
        return False
    return True


_VALID = [name for name in CANDIDATES if _valid(name)]
assert len(_VALID) == 1, _VALID

valid_name = exercises.choice(
    "s3-fundamentals-2",
    "Which bucket name does S3 accept?",
    task="Only one of these names is a valid general purpose bucket name in the global namespace. Which?",
    choices=CANDIDATES,
    answer=_VALID[0],
    hint=(
        "Add the five names to the `candidates` list of the bucket-name cell and read the 'rule broken' column: "
        "capitals, two dots in a row and reserved prefixes and suffixes are all refused."
    ),
    solution=(
        f"`{_VALID[0]}`: lowercase letters, digits, hyphens and single dots between labels. `Logs-2026` has a "
        "capital; `logs..2026` has adjacent dots; `photos-s3alias` ends in the reserved `-s3alias` (access point "
        "aliases) and `xn--logs-2026` starts with the reserved `xn--`."
    ),
)

READS_PER_SECOND = 40_000
_PREFIXES = math.ceil(READS_PER_SECOND / s3.PREFIX_READ_REQUESTS_PER_SECOND)

prefixes_for_reads = exercises.number(
    "s3-fundamentals-3",
    "How many prefixes for 40,000 GETs a second?",
    task=(
        f"A video site needs **{READS_PER_SECOND:,} GET requests per second** from one bucket, spread evenly over "
        "key prefixes. Counting only the per-prefix rate S3 guarantees once it has partitioned them, what is the "
        "smallest number of prefixes that carries it?"
    ),
    answer=_PREFIXES,
    hint=(
        "Reads and writes have different per-prefix rates (`s3.PREFIX_READ_REQUESTS_PER_SECOND`, "
        "`s3.PREFIX_WRITE_REQUESTS_PER_SECOND`): use the one for GET, and round up."
    ),
    solution=(
        f"{_PREFIXES}: each partitioned prefix serves at least {s3.PREFIX_READ_REQUESTS_PER_SECOND:,} GET/HEAD a "
        f"second, and {READS_PER_SECOND:,} / {s3.PREFIX_READ_REQUESTS_PER_SECOND:,} = "
        f"{READS_PER_SECOND / s3.PREFIX_READ_REQUESTS_PER_SECOND:.2f}, rounded up. With the write rate "
        f"({s3.PREFIX_WRITE_REQUESTS_PER_SECOND:,}) you would have said "
        f"{math.ceil(READS_PER_SECOND / s3.PREFIX_WRITE_REQUESTS_PER_SECOND)}."
    ),
    unit="prefixes",
    tolerance=0.0,
)
