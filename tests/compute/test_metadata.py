"""Instance metadata (IMDSv1/v2), user data secrets, tags and placement groups."""

import pytest

from awslab.compute.metadata import TOKEN_HEADER, TTL_HEADER, Imds, find_secrets, request, tag_problems
from awslab.compute.placement import place, rack_failure_loss

V1_ALLOWED = Imds(metadata_options={"HttpTokens": "optional", "HttpPutResponseHopLimit": 1})


def _token(imds, ttl="21600", hops=1, now=0.0):
    return request(imds, "PUT", "/latest/api/token", {TTL_HEADER: ttl}, hops=hops, now_seconds=now)


def test_imdsv2_token_flow():
    imds = Imds()
    assert request(imds, "GET", "/latest/meta-data/instance-id").status == 401
    token = _token(imds, ttl="60")
    assert token.status == 200
    ok = request(imds, "GET", "/latest/meta-data/instance-id", {TOKEN_HEADER: token.body}, now_seconds=59)
    assert ok == type(ok)(200, "i-0123456789abcdef0")
    assert (
        request(imds, "GET", "/latest/meta-data/instance-id", {TOKEN_HEADER: token.body}, now_seconds=61).status == 401
    )
    listing = request(imds, "GET", "/latest/meta-data/", {TOKEN_HEADER: token.body}).body.split("\n")
    assert {"instance-id", "iam", "ami-id"} <= set(listing)


def test_v1_works_only_when_tokens_are_optional():
    assert request(V1_ALLOWED, "GET", "/latest/user-data").status == 200
    assert request(V1_ALLOWED, "GET", "/latest/meta-data/iam/security-credentials/web-role").status == 200


def test_hop_limit_and_proxies_protect_the_token():
    imds = Imds()
    assert _token(imds, hops=2).status is None  # a container one hop further gets no answer
    two_hops = Imds(metadata_options={"HttpTokens": "required", "HttpPutResponseHopLimit": 2})
    assert _token(two_hops, hops=2).status == 200
    proxied = request(imds, "PUT", "/latest/api/token", {TTL_HEADER: "60", "X-Forwarded-For": "1.2.3.4"})
    assert proxied.status == 403
    assert _token(imds, ttl="0").status == 400 and _token(imds, ttl="21601").status == 400


def test_tags_in_metadata_need_opting_in():
    tags = {"Name": "web-1", "team": "shop"}
    off = Imds(metadata_options={"HttpTokens": "optional"}, tags=tags)
    on = Imds(metadata_options={"HttpTokens": "optional", "InstanceMetadataTags": "enabled"}, tags=tags)
    assert request(off, "GET", "/latest/meta-data/tags/instance/Name").status == 404
    assert request(on, "GET", "/latest/meta-data/tags/instance/Name").body == "web-1"
    assert request(on, "GET", "/latest/meta-data/tags/instance").body == "Name\nteam"
    disabled = Imds(metadata_options={"HttpEndpoint": "disabled"})
    assert request(disabled, "GET", "/latest/meta-data/").status is None


def test_metadata_rejects_bad_options():
    with pytest.raises(ValueError, match="HttpPutResponseHopLimit"):
        request(Imds(metadata_options={"HttpPutResponseHopLimit": 65}), "GET", "/")
    with pytest.raises(ValueError, match="method"):
        request(Imds(), "POST", "/latest/api/token")


def test_find_secrets_in_user_data():
    script = "\n".join(
        [
            "#!/bin/bash",
            "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
            "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "echo 'DB_PASSWORD=hunter2' >> /etc/app.env",
            "-----BEGIN RSA PRIVATE KEY-----",
            "yum install -y httpd",
            "aws secretsmanager get-secret-value --secret-id prod/db",
        ]
    )
    found = find_secrets(script)
    assert [f["line"] for f in found] == [2, 3, 4, 5]
    assert found[0]["kind"] == "AWS access key id" and found[3]["kind"] == "private key"
    assert find_secrets("#!/bin/bash\nyum update -y\n") == []
    with pytest.raises(ValueError, match="user_data"):
        find_secrets("x" * (16 * 1024 + 1))


def test_tag_rules():
    assert tag_problems([{"Key": "Name", "Value": "web"}, {"Key": "env", "Value": ""}]) == []
    problems = tag_problems(
        [
            {"Key": "aws:owner", "Value": "x"},
            {"Key": "a", "Value": "1"},
            {"Key": "a", "Value": "2"},
            {"Key": "", "Value": "x"},
            {"Key": "k" * 129},
            {"Key": "v", "Value": "x" * 257},
        ]
    )
    assert len(problems) == 5
    assert any("aws:" in p for p in problems) and any("twice" in p for p in problems)
    assert tag_problems([{"Key": f"k{i}", "Value": ""} for i in range(51)]) == ["51 tags; at most 50 per resource"]
    assert tag_problems([{"Key": f"k{i}", "Value": ""} for i in range(50)]) == []


def test_placement_strategies_and_blast_radius():
    cluster = place("cluster", 8, ["us-east-1a"])
    assert rack_failure_loss(cluster) == 1.0
    spread = place("spread", 14, ["us-east-1a", "us-east-1b"])
    assert rack_failure_loss(spread) == pytest.approx(1 / 14)
    partition = place("partition", 21, ["us-east-1a"], partitions_per_az=7)
    assert rack_failure_loss(partition) == pytest.approx(3 / 21)
    assert sorted(set(partition.rack_group)) == [f"us-east-1a/partition-{i}" for i in range(1, 8)]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("cluster", 2, ["a", "b"]), "exactly one AZ"),
        (("spread", 8, ["a"]), "7 running instances per AZ"),
        (("partition", 3, ["a"], 8), "partitions_per_az"),
        (("ring", 3, ["a"]), "strategy"),
        (("spread", 2, ["a", "a"]), "availability_zones"),
    ],
)
def test_placement_limits(args, words):
    with pytest.raises(ValueError, match=words):
        place(*args)
