"""Instance metadata (IMDSv1 and IMDSv2), user data and tags.

Sources (read 2026-11-27):
- https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html and
  instance-metadata-v2-how-it-works.html: PUT /latest/api/token with X-aws-ec2-metadata-token-ttl-seconds
  (1-21,600 s); HttpTokens optional|required; HttpPutResponseHopLimit 1-64 (default 1, 2 for containers);
  a PUT carrying X-Forwarded-For gets no token.
- https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html: user data is limited to 16 KB before
  base64 and is readable by anything that can reach the metadata service or call DescribeInstanceAttribute.
- https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html: 50 tags per resource, keys 1-128 and values
  0-256 characters, keys unique per resource, the aws: prefix reserved. (Older material says 10 tags.)

References:
    - Amazon EC2 User Guide, "Use the Instance Metadata Service to access instance metadata",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html (read 2026-11-27)
    - Amazon EC2 User Guide, "How Instance Metadata Service Version 2 works",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-v2-how-it-works.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Run commands when you launch an EC2 instance with user data input",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html (read 2026-11-27)
    - Tagging AWS Resources and Tag Editor, "Tagging your AWS resources",
      https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html (read 2026-11-27)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from awslab import validate
from awslab.validate import checked

TOKEN_TTL_SECONDS_RANGE = (1, 21_600)
HOP_LIMIT_RANGE = (1, 64)
USER_DATA_MAX_BYTES = 16 * 1024
MAX_TAGS_PER_RESOURCE = 50
TAG_KEY_MAX_CHARS = 128
TAG_VALUE_MAX_CHARS = 256
TOKEN_HEADER = "X-aws-ec2-metadata-token"
TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds"


@dataclass(frozen=True)
class ImdsResponse:
    """What the caller sees: an HTTP status (None when the response never arrives) and a body.

    >>> request(Imds(), "GET", "/latest/meta-data/instance-id")
    ImdsResponse(status=401, body='IMDSv2 is required: PUT /latest/api/token first')
    """

    status: int | None
    body: str


@dataclass(frozen=True)
class Imds:
    """One instance's metadata service: its MetadataOptions (AWS's field names) and what it would answer.

    >>> Imds().metadata_options["HttpTokens"]
    'required'
    """

    metadata_options: dict = field(
        default_factory=lambda: {
            "HttpTokens": "required",
            "HttpPutResponseHopLimit": 1,
            "HttpEndpoint": "enabled",
            "InstanceMetadataTags": "disabled",
        }
    )
    tree: dict = field(
        default_factory=lambda: {
            "meta-data/instance-id": "i-0123456789abcdef0",
            "meta-data/ami-id": "ami-0abcdef1234567890",
            "meta-data/instance-type": "m5.large",
            "meta-data/security-groups": "web-sg",
            "meta-data/iam/security-credentials/web-role": '{"AccessKeyId": "ASIA...", "SecretAccessKey": "..."}',
        }
    )
    user_data: str = "#!/bin/bash\nyum install -y httpd\n"
    tags: dict = field(default_factory=dict)


@checked
def request(
    imds: Imds, method: str, path: str, headers: dict | None = None, hops: int = 1, now_seconds: float = 0.0
) -> ImdsResponse:
    """Send one HTTP request to 169.254.169.254 from ``hops`` network hops away and return the answer.

    Tokens here are readable strings "token-expires-<t>" so the model stays stateless; real tokens are opaque.

    >>> token = request(Imds(), "PUT", "/latest/api/token", {TTL_HEADER: "60"}).body
    >>> request(Imds(), "GET", "/latest/meta-data/instance-type", {TOKEN_HEADER: token})
    ImdsResponse(status=200, body='m5.large')
    """
    opts = imds.metadata_options
    tokens_mode = validate.choice("HttpTokens", opts.get("HttpTokens", "required"), ("optional", "required"))
    hop_limit = validate.integer(
        "HttpPutResponseHopLimit",
        opts.get("HttpPutResponseHopLimit", 1),
        minimum=HOP_LIMIT_RANGE[0],
        maximum=HOP_LIMIT_RANGE[1],
    )
    validate.choice("method", method, ("GET", "PUT"))
    hops = validate.integer("hops", hops, minimum=1)
    headers = headers or {}
    if opts.get("HttpEndpoint", "enabled") == "disabled":
        return ImdsResponse(None, "connection refused: HttpEndpoint is disabled")
    path = path.strip("/")
    if path.startswith("latest/"):
        path = path[len("latest/") :]
    if method == "PUT":
        if path != "api/token":
            return ImdsResponse(405, "only /latest/api/token accepts PUT")
        if "X-Forwarded-For" in headers:
            return ImdsResponse(403, "a token request that went through a proxy (X-Forwarded-For) is refused")
        ttl = headers.get(TTL_HEADER)
        low, high = TOKEN_TTL_SECONDS_RANGE
        if ttl is None or not str(ttl).isdigit() or not low <= int(ttl) <= high:
            return ImdsResponse(400, f"{TTL_HEADER} must be 1-21600 seconds")
        if hops > hop_limit:
            return ImdsResponse(None, f"the token response expired after {hop_limit} hop(s); the caller is {hops} away")
        return ImdsResponse(200, f"token-expires-{now_seconds + int(ttl):g}")
    token = headers.get(TOKEN_HEADER)
    if token is not None:
        match = re.fullmatch(r"token-expires-([0-9.e+]+)", str(token))
        if match is None or float(match.group(1)) <= now_seconds:
            return ImdsResponse(401, "the token is invalid or expired")
    elif tokens_mode == "required":
        return ImdsResponse(401, "IMDSv2 is required: PUT /latest/api/token first")
    if path == "user-data":
        return ImdsResponse(200, imds.user_data) if imds.user_data else ImdsResponse(404, "no user data")
    if path.startswith("meta-data/tags/instance"):
        if opts.get("InstanceMetadataTags", "disabled") != "enabled":
            return ImdsResponse(404, "tags in metadata are disabled (InstanceMetadataTags)")
        key = path[len("meta-data/tags/instance") :].strip("/")
        if not key:
            return ImdsResponse(200, "\n".join(sorted(imds.tags)))
        return ImdsResponse(200, imds.tags[key]) if key in imds.tags else ImdsResponse(404, "no such tag")
    if path in imds.tree:
        return ImdsResponse(200, imds.tree[path])
    children = sorted({p[len(path) :].strip("/").split("/")[0] for p in imds.tree if p.startswith(path + "/")})
    return ImdsResponse(200, "\n".join(children)) if children else ImdsResponse(404, "not found")


_SECRET_PATTERNS = (
    ("AWS access key id", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("AWS secret access key", re.compile(r"(?i)aws_?secret_?access_?key\s*[=:]\s*\S+")),
    ("private key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("password", re.compile(r"(?i)\b(password|passwd|pwd|db_pass)\w*\s*[=:]\s*\S+")),
    ("token", re.compile(r"(?i)\b(api_?key|secret|token)\w*\s*[=:]\s*\S{8,}")),
)


@checked
def find_secrets(user_data: str) -> list[dict]:
    """Return what looks like a secret in user data: [{"line": n, "kind": ...}], 1-based lines.

    User data is not encrypted and anyone who can read instance metadata or call DescribeInstanceAttribute can read
    it; fetch secrets at boot from Secrets Manager or Parameter Store with the instance role instead.

    >>> [s["kind"] for s in find_secrets("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    ['AWS secret access key']
    """
    if not isinstance(user_data, str):
        raise ValueError(f"user_data must be a string, got {type(user_data).__name__}")
    size = len(user_data.encode("utf-8"))
    if size > USER_DATA_MAX_BYTES:
        raise ValueError(f"user_data is {size} bytes; at most {USER_DATA_MAX_BYTES} bytes (16 KB) before base64")
    found = []
    for number, line in enumerate(user_data.splitlines(), start=1):
        for kind, pattern in _SECRET_PATTERNS:
            if pattern.search(line):
                found.append({"line": number, "kind": kind})
                break
    return found


@checked
def tag_problems(tags: list[dict]) -> list[str]:
    """Return every rule a Tags list ([{"Key": ..., "Value": ...}]) breaks; an empty list means it is valid.

    >>> tag_problems([{"Key": "aws:owner", "Value": "me"}])
    ["tags[0].Key='aws:owner' uses the reserved aws: prefix"]
    """
    if not isinstance(tags, list):
        raise ValueError(f"tags must be a list of {{'Key', 'Value'}} dicts, got {type(tags).__name__}")
    problems = []
    if len(tags) > MAX_TAGS_PER_RESOURCE:
        problems.append(f"{len(tags)} tags; at most {MAX_TAGS_PER_RESOURCE} per resource")
    seen = set()
    for i, tag in enumerate(tags):
        key, value = tag.get("Key"), tag.get("Value", "")
        if not isinstance(key, str) or not 1 <= len(key) <= TAG_KEY_MAX_CHARS:
            problems.append(f"tags[{i}].Key={key!r} must be 1-{TAG_KEY_MAX_CHARS} characters")
            continue
        if key.lower().startswith("aws:"):
            problems.append(f"tags[{i}].Key={key!r} uses the reserved aws: prefix")
        if key in seen:
            problems.append(f"tags[{i}].Key={key!r} appears twice; keys are unique per resource")
        seen.add(key)
        if not isinstance(value, str) or len(value) > TAG_VALUE_MAX_CHARS:
            problems.append(f"tags[{i}].Value for {key!r} must be at most {TAG_VALUE_MAX_CHARS} characters")
    return problems
