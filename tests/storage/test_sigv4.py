"""Presigned URLs: AWS's documented example and botocore's signer agree with ours."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.storage import s3

AWS_EXAMPLE = dict(
    access_key="AKIAIOSFODNN7EXAMPLE",
    secret_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    region="us-east-1",
    expires_in=86400,
    timestamp=datetime(2013, 5, 24, tzinfo=UTC),
)


def test_aws_documented_presigned_url():
    # https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    url = s3.presigned_url("examplebucket", "test.txt", **AWS_EXAMPLE)
    assert url.signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
    assert url.url == (
        "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
        "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
    )
    assert url.canonical_request.splitlines()[0:2] == ["GET", "/test.txt"]
    assert url.string_to_sign.splitlines()[:3] == [
        "AWS4-HMAC-SHA256",
        "20130524T000000Z",
        "20130524/us-east-1/s3/aws4_request",
    ]


def _botocore_url(bucket, key, region, expires, moment, secret="secret/key+x", access="AKIDEXAMPLE", method="GET"):
    from unittest import mock

    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    host = f"{bucket}.s3.amazonaws.com" if region == "us-east-1" else f"{bucket}.s3.{region}.amazonaws.com"
    from urllib.parse import quote

    request = AWSRequest(method=method, url=f"https://{host}/{quote(key, safe='/~')}")
    signer = botocore.auth.S3SigV4QueryAuth(Credentials(access, secret), "s3", region, expires=expires)
    with mock.patch("botocore.auth.get_current_datetime", return_value=moment.replace(tzinfo=None)):
        signer.add_auth(request)
    return request.url


@given(
    key=st.text(
        alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FF, blacklist_characters="\\"),
        min_size=1,
        max_size=40,
    ),
    region=st.sampled_from(["us-east-1", "eu-west-1", "ap-southeast-2"]),
    expires=st.integers(1, 604800),
    seconds=st.integers(0, 10**9),
    method=st.sampled_from(["GET", "PUT"]),
)
def test_agrees_with_botocore(key, region, expires, seconds, method):
    moment = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
    ours = s3.presigned_url(
        "awslab-check",
        key,
        access_key="AKIDEXAMPLE",
        secret_key="secret/key+x",
        region=region,
        expires_in=expires,
        timestamp=moment,
        method=method,
    )
    assert ours.url == _botocore_url("awslab-check", key, region, expires, moment, method=method)


def test_expiry_and_limits():
    url = s3.presigned_url("examplebucket", "test.txt", **AWS_EXAMPLE)
    assert url.is_valid_at(datetime(2013, 5, 25, tzinfo=UTC))
    assert not url.is_valid_at(datetime(2013, 5, 25, 0, 0, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="expires_in=604801"):
        s3.presigned_url("examplebucket", "t", **{**AWS_EXAMPLE, "expires_in": 604801})
    with pytest.raises(ValueError, match="timezone-aware"):
        s3.presigned_url("examplebucket", "t", **{**AWS_EXAMPLE, "timestamp": datetime(2013, 5, 24)})
    with pytest.raises(ValueError, match="method='POST'"):
        s3.presigned_url("examplebucket", "t", **AWS_EXAMPLE, method="POST")
