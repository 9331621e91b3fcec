"""The threat detection table: complete, consistent, sourced; and its ASFF findings accepted by the emulator."""

import pytest

from awslab.sandbox import sandbox
from awslab.security import threat_detection as td

BRIEF = {
    "Amazon GuardDuty",
    "Amazon Inspector",
    "Amazon Macie",
    "AWS Security Hub CSPM",
    "AWS Security Hub",
    "Amazon Detective",
    "AWS Shield Standard",
    "AWS Shield Advanced",
    "AWS Network Firewall",
    "AWS WAF",
}


def test_every_service_is_there_sourced_and_sees_known_sources():
    assert set(td.SERVICES) == BRIEF
    for service in td.SERVICES.values():
        assert service.source_url.startswith("https://docs.aws.amazon.com/")
        assert service.sees and set(service.sees) <= set(td.DATA_SOURCES), service.name
    assert all(td.services_seeing(source) for source in td.DATA_SOURCES)  # no data source nobody reads


def test_every_question_names_a_service_and_every_service_answers_one():
    answered = {q.service for q in td.QUESTIONS.values()}
    assert answered <= set(td.SERVICES) and answered == BRIEF


# GuardDuty API Reference, Welcome (read 2026-12-03): the foundational data sources are VPC flow logs, CloudTrail
# management event logs and DNS logs; Detective extracts events from CloudTrail and VPC flow logs and GuardDuty
# findings (Detective API Reference, Welcome).
def test_documented_data_sources():
    guardduty = td.SERVICES["Amazon GuardDuty"].sees
    assert {"VPC Flow Logs", "CloudTrail management events", "DNS query logs"} <= set(guardduty)
    assert td.services_seeing("VPC Flow Logs") == ("Amazon GuardDuty", "Amazon Detective")
    assert td.services_seeing("S3 objects' content") == ("Amazon Macie",)
    assert td.SERVICES["AWS Security Hub"].sees == ("other services' findings",)
    assert td.coverage_table().shape == (len(td.SERVICES), len(td.DATA_SOURCES))


def test_bad_keys_are_named():
    with pytest.raises(ValueError, match="question_id='sqli' is not one of"):
        td.which_service("sqli")
    with pytest.raises(ValueError, match="data_source='syslog' is not one of"):
        td.services_seeing("syslog")
    with pytest.raises(ValueError, match="account_id"):
        td.finding_asff("c2-traffic", account_id="12")


def test_asff_findings_import_into_security_hub_cspm_on_the_emulator():
    with sandbox() as aws:
        hub = aws.client("securityhub")
        hub.enable_security_hub(EnableDefaultStandards=False)
        result = hub.batch_import_findings(Findings=[td.finding_asff(q) for q in td.QUESTIONS])
        assert result["SuccessCount"] == len(td.QUESTIONS) and result["FailedCount"] == 0
        titles = {f["Title"] for f in hub.get_findings(MaxResults=100)["Findings"]}
    assert titles == {q.text for q in td.QUESTIONS.values()}
