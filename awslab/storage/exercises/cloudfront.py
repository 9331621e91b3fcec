"""Exercises for 07_cloudfront: which behaviour serves a path, a month of invalidations, a signed-URL policy.

>>> premium_policy.check(cloudfront.custom_policy(RESOURCE, EXPIRES, source_ip=VIEWERS)).right
True

References:
    - Amazon CloudFront Developer Guide, "Cache behavior settings" (path pattern),
      https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html
      (read 2026-12-03)
    - Amazon CloudFront Developer Guide, "Pay for file invalidation",
      https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PayingForInvalidation.html (read 2026-12-03)
    - Amazon CloudFront Developer Guide, "Create a signed URL using a custom policy",
      https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises, validate
from awslab.storage import cloudfront

PATTERNS = ["/api/*", "/images/*", "/images/*.jpg", "*.php"]
PATH = "/images/2026/cat.jpg"
_USED = cloudfront.match_cache_behavior(PATH, PATTERNS)

behaviour_for_path = exercises.choice(
    "cloudfront-1",
    "Which behaviour serves the JPEG?",
    task=(
        f"A distribution's behaviours, in order: {', '.join(f'`{p}`' for p in PATTERNS)}, then the default `*`. "
        f"Which one serves `{PATH}`?"
    ),
    choices=(*PATTERNS, "*"),
    answer=_USED,
    hint=(
        "CloudFront takes the *first* pattern that matches, not the most specific one; `*` also matches slashes. "
        "Try it in the behaviour cell with `cloudfront.match_cache_behavior(path, patterns)`."
    ),
    solution=(
        f"`{_USED}`: it comes before `/images/*.jpg` and already matches (its `*` covers `2026/cat.jpg`), so the "
        "JPEG behaviour is never used for anything under /images/. Put the more specific pattern first."
    ),
)

PATHS_PER_DEPLOY, DEPLOYS_PER_DAY, DAYS = 40, 3, 30
_PATHS = PATHS_PER_DEPLOY * DEPLOYS_PER_DAY * DAYS
_USD = cloudfront.invalidation_cost_usd(_PATHS)

invalidation_bill = exercises.number(
    "cloudfront-2",
    "What do a month of invalidations cost?",
    task=(
        f"Each deploy invalidates **{PATHS_PER_DEPLOY} individual paths**, and the team deploys **"
        f"{DEPLOYS_PER_DAY} times a day** for a {DAYS}-day month. What is the month's invalidation charge in USD?"
    ),
    answer=_USD,
    hint="`cloudfront.invalidation_cost_usd(paths)`: count the paths, then remember the monthly free allowance.",
    solution=(
        f"USD {_USD:.2f}: {PATHS_PER_DEPLOY} x {DEPLOYS_PER_DAY} x {DAYS} = {_PATHS:,} paths, the first "
        f"{cloudfront.FREE_INVALIDATION_PATHS_PER_MONTH:,} free, the rest at USD "
        f"{cloudfront.USD_PER_INVALIDATION_PATH} each. One `/assets/*` wildcard per deploy would be "
        f"{DEPLOYS_PER_DAY * DAYS} paths, free; versioned file names would need none."
    ),
    unit="USD",
)

NOW = 1_767_225_600  # 2026-01-01 00:00:00 UTC
EXPIRES = NOW + 30 * 86_400  # 2026-01-31 00:00:00 UTC
RESOURCE = "https://d111111abcdef8.cloudfront.net/premium/*"
VIEWERS = "203.0.113.0/24"
_BASE = "https://d111111abcdef8.cloudfront.net"
REQUESTS = [  # (url, epoch seconds, viewer IP, should be served)
    (f"{_BASE}/premium/ep1.mp4", NOW + 60, "203.0.113.9", True),
    (f"{_BASE}/premium/season2/ep5.mp4", EXPIRES - 60, "203.0.113.200", True),
    (f"{_BASE}/premium/ep1.mp4", NOW + 60, "198.51.100.7", False),
    (f"{_BASE}/premium/ep1.mp4", EXPIRES + 1, "203.0.113.9", False),
    (f"{_BASE}/reports/q4.pdf", NOW + 60, "203.0.113.9", False),
]


def _shape_problem(policy: dict) -> str | None:
    """What makes ``policy`` not a CloudFront policy statement, in words (None if its shape is right)."""
    statements = policy.get("Statement")
    if not isinstance(statements, list) or len(statements) != 1 or not isinstance(statements[0], dict):
        return '"Statement" must be a list of exactly one statement object'
    statement = statements[0]
    if not isinstance(statement.get("Resource"), str):
        return 'the statement needs a "Resource" string (the URL, wildcards allowed)'
    if len(statement["Resource"]) > 300 or statement["Resource"].count("*") > 3:
        return '"Resource" is read only up to 300 characters and 3 wildcards: one URL with a trailing * is enough'
    condition = statement.get("Condition")
    if not isinstance(condition, dict):
        return 'the statement needs a "Condition" object'
    for key, field, kind in (
        ("DateLessThan", "AWS:EpochTime", int),
        ("DateGreaterThan", "AWS:EpochTime", int),
        ("IpAddress", "AWS:SourceIp", str),
    ):
        if key not in condition and key != "DateLessThan":
            continue
        block = condition.get(key)
        if not isinstance(block, dict) or isinstance(block.get(field), bool) or not isinstance(block.get(field), kind):
            return f'"Condition.{key}" must be {{"{field}": <{"epoch seconds" if kind is int else "CIDR text"}>}}'
    return None


def _check_policy(value) -> tuple[bool, str]:
    policy = validate.json_document("policy", value, expect=dict)
    problem = _shape_problem(policy)
    if problem:
        return False, problem
    for url, at, ip, wanted in REQUESTS:
        decision = cloudfront.evaluate_signed_request(policy, url, at, ip)
        if decision.allowed != wanted:
            verb = "serves" if decision.allowed else "refuses"
            return False, f"it {verb} {url.removeprefix(_BASE)} from {ip} at epoch {at} ({decision.reason})"
    return True, f"it serves /premium/ to {VIEWERS} until the end of January and refuses everything else tried"


premium_policy = exercises.code(
    "cloudfront-3",
    "Write the subscribers' signed-URL policy",
    task=(
        f"Write a CloudFront policy statement (a dict or JSON text) for signed URLs that serve every file under "
        f"`{RESOURCE.removesuffix('*')}` to viewers in **{VIEWERS}** only, until **2026-01-31 00:00 UTC** "
        f"(epoch {EXPIRES:,}). The check tries {len(REQUESTS)} requests against it with "
        "`cloudfront.evaluate_signed_request`."
    ),
    checker=_check_policy,
    hint=(
        "A canned policy names one file and an expiry; you need a *custom* policy: a wildcard `Resource`, "
        "`DateLessThan` and `IpAddress` conditions. `cloudfront.custom_policy` builds one; look at what it prints."
    ),
    solution=(
        f'`{{"Statement": [{{"Resource": "{RESOURCE}", "Condition": {{"DateLessThan": {{"AWS:EpochTime": {EXPIRES}}}, '
        f'"IpAddress": {{"AWS:SourceIp": "{VIEWERS}"}}}}}}]}}`, which is '
        f"`cloudfront.custom_policy(resource, {EXPIRES}, source_ip='{VIEWERS}')`."
    ),
)
