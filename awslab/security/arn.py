"""Amazon Resource Names: parse, build and wildcard-match ARNs.

Format (IAM User Guide, reference-arns, read 2026-11-27)::

    arn:partition:service:region:account-id:resource
    arn:partition:service:region:account-id:resource-type/resource-id
    arn:partition:service:region:account-id:resource-type:resource-id

Region and account are empty for global resources (``arn:aws:s3:::my-bucket``,
``arn:aws:iam::123456789012:user/Alice`` has no region). AWS managed policies use the account
``aws`` (``arn:aws:iam::aws:policy/ReadOnlyAccess``).

References:
    - IAM User Guide, "IAM identifiers" (ARN format),
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html (read 2026-11-27)
    - IAM User Guide, "IAM JSON policy elements: Condition operators",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html (read 2026-11-27)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from awslab.validate import checked

# Partitions: IAM User Guide, reference-arns, read 2026-11-27.
PARTITIONS: tuple[str, ...] = (
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
)
_SERVICE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+$")
_ACCOUNT = re.compile(r"^(\d{12}|aws)$")


@dataclass(frozen=True)
class Arn:
    """One parsed ARN; ``resource`` is everything after the fifth colon.

    >>> parse_arn("arn:aws:s3:::my-bucket").service
    's3'
    """

    partition: str
    service: str
    region: str
    account: str
    resource: str

    @property
    def resource_type(self) -> str | None:
        """The part of ``resource`` before the first '/' or ':' (None when there is none, and for S3 bucket/object
        ARNs, whose resource is simply ``bucket`` or ``bucket/key``)."""
        if self.service == "s3" and not self.region and not self.account:
            return None
        match = re.match(r"^([^/:]+)[/:]", self.resource)
        return match.group(1) if match else None

    @property
    def resource_id(self) -> str:
        """The part of ``resource`` after the resource type (the whole resource when there is no type)."""
        kind = self.resource_type
        return self.resource if kind is None else self.resource[len(kind) + 1 :]

    def __str__(self) -> str:
        return build_arn(self.partition, self.service, self.region, account=self.account, resource=self.resource)


@checked
def parse_arn(arn: str) -> Arn:
    """Parse ``arn`` into its six parts; ValueError names the part that breaks the format rules.

    >>> parse_arn("arn:aws:iam::123456789012:user/Alice").account
    '123456789012'
    """
    if not isinstance(arn, str):
        raise ValueError(f"arn must be a string like 'arn:aws:s3:::my-bucket', got {arn!r}")
    parts = arn.split(":", 5)
    if len(parts) != 6:
        raise ValueError(
            f"arn={arn!r} must have six colon-separated parts: arn:partition:service:region:account-id:resource"
        )
    prefix, partition, service, region, account, resource = parts
    if prefix != "arn":
        raise ValueError(f"arn={arn!r} must start with 'arn:', got {prefix!r}")
    if partition not in PARTITIONS:
        raise ValueError(f"arn partition={partition!r} is not one of: {', '.join(PARTITIONS)}")
    if not _SERVICE.match(service):
        raise ValueError(f"arn service={service!r} must be a lower-case service namespace such as 's3' or 'iam'")
    if region and not _REGION.match(region):
        raise ValueError(f"arn region={region!r} must be empty (global resource) or a region code such as 'us-east-1'")
    if account and not _ACCOUNT.match(account):
        raise ValueError(f"arn account={account!r} must be empty, a 12-digit account ID or 'aws'")
    if not resource:
        raise ValueError(f"arn={arn!r} has an empty resource part")
    return Arn(partition, service, region, account, resource)


@checked
def build_arn(partition: str, service: str, region: str, *, account: str, resource: str) -> str:
    """Join the parts into an ARN string, checking them with the same rules as :func:`parse_arn`.

    >>> build_arn("aws", "iam", "", account="123456789012", resource="user/Alice")
    'arn:aws:iam::123456789012:user/Alice'
    """
    text = f"arn:{partition}:{service}:{region}:{account}:{resource}"
    parse_arn(text)
    return text


@checked
def wildcard_body(pieces: list[tuple[str, bool]]) -> str:
    """The regex body (no anchors) for wildcard text: '*' any run, '?' one character, that never backtracks badly.

    ``pieces`` are ``(text, True)`` for text with wildcards and ``(text, False)`` for literal text (a substituted
    policy variable). The text between stars is matched at its leftmost place and kept (an atomic group), which
    is exactly right for '*' wildcards and makes a match take time linear in the text per pattern piece: a pasted
    ``a*a*a*...b`` against a long ARN answers at once instead of backtracking for ever.

    >>> wildcard_body([("s3:Get*", True)])
    's3:Get.*'
    >>> wildcard_body([("a*b*c", True)])
    'a(?>.*?b).*c'
    """
    chunks: list[list[str]] = [[]]
    for text, wild in pieces:
        if not wild:
            chunks[-1].append(re.escape(text))
            continue
        for ch in text:
            if ch == "*":
                chunks.append([])
            else:
                chunks[-1].append("." if ch == "?" else re.escape(ch))
    bodies = ["".join(c) for c in chunks]
    if len(bodies) == 1:
        return bodies[0]
    first, *middle, last = bodies
    return first + "".join(f"(?>.*?{m})" for m in middle if m) + ".*" + last


@checked
@lru_cache(maxsize=4096)
def glob_regex(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    """Compile an IAM wildcard pattern: '*' matches any run (including '/' and ':'), '?' one character.

    Linear-time matching (see :func:`wildcard_body`).

    >>> bool(glob_regex("s3:Get*").match("s3:GetObject"))
    True
    """
    return re.compile(f"^{wildcard_body([(pattern, True)])}$", re.DOTALL | (re.IGNORECASE if ignore_case else 0))


@checked
def arn_like(pattern: str, arn: str) -> bool:
    """ArnLike/ArnEquals matching: each of the six colon-separated parts is matched on its own, with wildcards.

    The condition-operator rule (IAM User Guide, reference_policies_elements_condition_operators, ARN
    condition operators, read 2026-11-27); the resource part may itself contain colons.

    >>> arn_like("arn:aws:s3:::reports/*", "arn:aws:s3:::reports/q3.csv")
    True
    """
    pattern_parts = pattern.split(":", 5)
    arn_parts = arn.split(":", 5)
    if len(pattern_parts) != 6 or len(arn_parts) != 6:
        return False
    return all(glob_regex(p).match(a) is not None for p, a in zip(pattern_parts, arn_parts, strict=True))
