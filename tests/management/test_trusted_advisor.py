"""Trusted Advisor free checks over describe-style JSON, including output from moto."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.management import trusted_advisor as ta


def sg(group_id, *rules):
    return {"GroupId": group_id, "GroupName": group_id, "IpPermissions": list(rules)}


def rule(protocol, from_port, to_port, cidr="0.0.0.0/0"):
    return {
        "IpProtocol": protocol,
        "FromPort": from_port,
        "ToPort": to_port,
        "IpRanges": [{"CidrIp": cidr}],
        "Ipv6Ranges": [],
    }


# Alert criteria of "Security Groups - Specific Ports Unrestricted",
# https://docs.aws.amazon.com/awssupport/latest/user/security-checks.html (read 2026-11-27).
@pytest.mark.parametrize(
    "protocol, low, high, status",
    [
        ("tcp", 80, 80, "ok"),
        ("tcp", 443, 443, "ok"),
        ("tcp", 25, 25, "ok"),
        ("tcp", 465, 465, "ok"),
        ("tcp", 3389, 3389, "error"),
        ("tcp", 3306, 3306, "error"),
        ("udp", 20, 21, "error"),
        ("tcp", 22, 22, "warning"),
        ("tcp", 8080, 8080, "warning"),
        ("tcp", 79, 81, "warning"),
        ("tcp", 1000, 2000, "error"),
        ("-1", None, None, "error"),
        ("icmp", -1, -1, "warning"),
    ],
)
def test_port_alert_criteria(protocol, low, high, status):
    result = ta.check_security_groups({"SecurityGroups": [sg("sg-1", rule(protocol, low, high))]})
    assert result.status == status
    assert result.flagged_resources[0]["Security Group ID"] == "sg-1"


def test_only_ipv4_world_open_rules_are_flagged():
    groups = {
        "SecurityGroups": [
            sg("sg-private", rule("tcp", 3306, 3306, "10.0.0.0/16")),
            sg(
                "sg-v6",
                {
                    "IpProtocol": "tcp",
                    "FromPort": 22,
                    "ToPort": 22,
                    "IpRanges": [],
                    "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
                },
            ),
        ]
    }
    result = ta.check_security_groups(groups)
    assert result.status == "ok" and result.flagged_resources == ()


def test_worst_rule_decides_the_check():
    groups = {
        "SecurityGroups": [
            sg("a", rule("tcp", 443, 443)),
            sg("b", rule("tcp", 22, 22)),
            sg("c", rule("tcp", 5432, 5432)),
        ]
    }
    result = ta.check_security_groups(groups)
    assert result.status == "error" and [f["Status"] for f in result.flagged_resources] == ["ok", "warning", "error"]


def test_root_mfa_and_iam_use():
    assert ta.check_root_mfa({"SummaryMap": {"AccountMFAEnabled": 1}}).status == "ok"
    assert ta.check_root_mfa({"SummaryMap": {"AccountMFAEnabled": 0}}).status == "error"
    assert ta.check_iam_use({"SummaryMap": {"Users": 0}}).status == "warning"
    assert ta.check_iam_use({"SummaryMap": {"Users": 3}}).status == "ok"
    with pytest.raises(ValueError, match="SummaryMap"):
        ta.check_root_mfa({})


def test_service_limits_thresholds():
    rows = [
        {"Service": "EC2", "Region": "us-east-1", "LimitName": "Running On-Demand", "Limit": 100, "Usage": 79},
        {"Service": "VPC", "Region": "us-east-1", "LimitName": "VPCs", "Limit": 5, "Usage": 4},
        {"Service": "EIP", "Region": "us-east-1", "LimitName": "Elastic IPs", "Limit": 5, "Usage": 5},
    ]
    result = ta.check_service_limits(rows)
    assert [(f["Limit Name"], f["Status"]) for f in result.flagged_resources] == [
        ("VPCs", "warning"),
        ("Elastic IPs", "error"),
    ]
    assert result.status == "error"
    assert ta.check_service_limits(rows[:1]).status == "ok"
    with pytest.raises(ValueError, match=r"usages\[0\].Limit"):
        ta.check_service_limits([{"Limit": 0, "Usage": 1}])


@given(st.integers(1, 10_000), st.integers(0, 20_000))
def test_service_limit_status_matches_fraction(limit, usage):
    result = ta.check_service_limits([{"Limit": limit, "Usage": usage}])
    expected = "error" if usage >= limit else "warning" if usage >= 0.8 * limit else "ok"
    assert result.status == expected


@given(st.integers(0, 65535), st.integers(0, 200))
def test_widening_a_range_never_improves_status(low, extra):
    high = min(65535, low + extra)
    narrow = ta.check_security_groups({"SecurityGroups": [sg("s", rule("tcp", low, low))]}).status
    wide = ta.check_security_groups({"SecurityGroups": [sg("s", rule("tcp", low, high))]}).status
    rank = {"ok": 0, "warning": 1, "error": 2}
    assert rank[wide] >= rank[narrow]


def test_summary_counts():
    results = ta.run_free_checks({"SecurityGroups": []}, {"SummaryMap": {"AccountMFAEnabled": 0, "Users": 0}})
    assert [r.name for r in results][:3] == [
        "Security Groups - Specific Ports Unrestricted",
        "MFA on Root Account",
        "IAM Use",
    ]
    assert ta.summary_counts(results) == {"ok": 2, "warning": 1, "error": 1}


def test_checks_accept_moto_output(monkeypatch):
    """Cross-check: the checks read boto3 responses from the moto emulator unchanged."""
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    boto3 = pytest.importorskip("boto3")
    moto = pytest.importorskip("moto")
    with moto.mock_aws():
        ec2 = boto3.client("ec2", region_name="us-east-1")
        vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        group_id = ec2.create_security_group(GroupName="db", Description="db", VpcId=vpc_id)["GroupId"]
        ec2.authorize_security_group_ingress(
            GroupId=group_id,
            IpPermissions=[
                {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
            ],
        )
        iam = boto3.client("iam", region_name="us-east-1")
        before = ta.check_iam_use(iam.get_account_summary())
        iam.create_user(UserName="alice")
        after = ta.check_iam_use(iam.get_account_summary())
        groups = ec2.describe_security_groups()
    result = ta.check_security_groups(groups)
    flagged = [f for f in result.flagged_resources if f["Security Group ID"] == group_id]
    assert result.status == "error" and flagged[0]["From Port"] == 3306
    assert before.status == "warning" and after.status == "ok"
