"""Signature Version 4 for S3 presigned URLs, one visible step at a time.

canonical request -> string to sign -> signing key (an HMAC-SHA256 chain) -> signature.
The steps follow https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (read 2026-11-27);
the tests check them against AWS's worked example on that page and against botocore's own signer.

References:
    - Amazon S3 API Reference, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)",
      https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (read 2026-11-27)
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from awslab.validate import checked

ALGORITHM = "AWS4-HMAC-SHA256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
_METHODS = ("GET", "PUT", "HEAD", "DELETE")


@dataclass(frozen=True)
class PresignedUrl:
    """A presigned URL and the intermediate values that produced its signature.

    >>> from datetime import datetime, timezone
    >>> url = presign_s3_url("examplebucket", "test.txt", access_key="AKIAIOSFODNN7EXAMPLE", secret_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region="us-east-1", expires_in=86400, timestamp=datetime(2013, 5, 24, tzinfo=timezone.utc))
    >>> url.signature
    'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
    """

    url: str
    canonical_request: str
    string_to_sign: str
    signing_key_hex: str
    signature: str
    credential_scope: str
    amz_date: str
    expires_in: int

    def expires_at(self) -> datetime:
        """The moment (UTC) after which S3 refuses the URL."""
        signed_at = datetime.strptime(self.amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return datetime.fromtimestamp(signed_at.timestamp() + self.expires_in, tz=UTC)

    def is_valid_at(self, moment: datetime) -> bool:
        """True while S3 would still accept the URL at ``moment`` (timezone-aware)."""
        _require_aware("moment", moment)
        return moment <= self.expires_at()


def _require_aware(name: str, moment: datetime) -> None:
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {moment!r}")


@checked
def uri_encode(text: str, encode_slash: bool = True) -> str:
    """Percent-encode as SigV4 requires: everything but A-Z a-z 0-9 - _ . ~ (and '/' in object keys).

    >>> uri_encode("photos/my cat.jpg", encode_slash=False)
    'photos/my%20cat.jpg'
    """
    return quote(text, safe="-_.~" if encode_slash else "-_.~/")


@checked
def signing_key(secret_key: str, date_stamp: str, region: str, service: str) -> bytes:
    """kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").

    >>> signing_key("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20130524", "us-east-1", "s3").hex()[:16]
    'dbb893acc0109649'
    """
    key = ("AWS4" + secret_key).encode("utf-8")
    for part in (date_stamp, region, service, "aws4_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    return key


@checked
def presign_s3_url(
    bucket: str,
    key: str,
    *,
    access_key: str,
    secret_key: str,
    region: str,
    expires_in: int,
    timestamp: datetime,
    method: str = "GET",
) -> PresignedUrl:
    """Sign a virtual-hosted-style S3 URL with query-string authentication (host is the only signed header).

    >>> from datetime import datetime, timezone
    >>> url = presign_s3_url("examplebucket", "test.txt", access_key="AKIAIOSFODNN7EXAMPLE", secret_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region="us-east-1", expires_in=86400, timestamp=datetime(2013, 5, 24, tzinfo=timezone.utc))
    >>> url.url.endswith(url.signature)
    True
    """
    _require_aware("timestamp", timestamp)
    if method not in _METHODS:
        raise ValueError(f"method={method!r} is not one of: {', '.join(_METHODS)}")
    if not access_key or not secret_key:
        raise ValueError("access_key and secret_key must be non-empty strings")
    if not region or not region.replace("-", "").isalnum():
        raise ValueError(f"region={region!r} is not a region code such as 'us-east-1'")
    moment = timestamp.astimezone(UTC)
    amz_date = moment.strftime("%Y%m%dT%H%M%SZ")
    date_stamp = moment.strftime("%Y%m%d")
    host = f"{bucket}.s3.amazonaws.com" if region == "us-east-1" else f"{bucket}.s3.{region}.amazonaws.com"
    scope = f"{date_stamp}/{region}/s3/aws4_request"
    query = {
        "X-Amz-Algorithm": ALGORITHM,
        "X-Amz-Credential": f"{access_key}/{scope}",
        "X-Amz-Date": amz_date,
        "X-Amz-Expires": str(expires_in),
        "X-Amz-SignedHeaders": "host",
    }
    canonical_query = "&".join(f"{uri_encode(k)}={uri_encode(v)}" for k, v in sorted(query.items()))
    canonical_uri = "/" + uri_encode(key, encode_slash=False)
    canonical_request = "\n".join([method, canonical_uri, canonical_query, f"host:{host}\n", "host", UNSIGNED_PAYLOAD])
    string_to_sign = "\n".join(
        [ALGORITHM, amz_date, scope, hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()]
    )
    key_bytes = signing_key(secret_key, date_stamp, region, "s3")
    signature = hmac.new(key_bytes, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    url = f"https://{host}{canonical_uri}?{canonical_query}&X-Amz-Signature={signature}"
    return PresignedUrl(
        url=url,
        canonical_request=canonical_request,
        string_to_sign=string_to_sign,
        signing_key_hex=key_bytes.hex(),
        signature=signature,
        credential_scope=scope,
        amz_date=amz_date,
        expires_in=expires_in,
    )
