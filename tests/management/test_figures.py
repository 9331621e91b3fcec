"""Management figures: built from model results, titled, no base64-encoded arrays."""

import json

import pytest

from awslab.management import cloudformation as cf
from awslab.management import cloudwatch as cw
from awslab.management import config_rules as cr
from awslab.management import figures
from awslab.management import trusted_advisor as ta

TEMPLATE = {
    "Resources": {
        "Vpc": {"Type": "AWS::EC2::VPC"},
        "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "Web": {
            "Type": "AWS::EC2::Instance",
            "Properties": {"SubnetId": {"Ref": "Subnet"}, "SecurityGroupIds": [{"Fn::GetAtt": "Sg.GroupId"}]},
        },
    }
}


def _plain(fig):
    text = fig.to_json()
    assert "bdata" not in text
    return json.loads(text)


def test_alarm_figure():
    values = [10, 20, None, 90, 95, 99, 20, None]
    states = cw.evaluate_alarm(values, 80, "GreaterThanThreshold", evaluation_periods=3, datapoints_to_alarm=2)
    fig = figures.alarm_figure(values, states, 80)
    _plain(fig)
    bands = {t.name: len(t.x) for t in fig.data if t.type == "bar"}
    assert sum(bands.values()) == len(values) and bands["ALARM"] == states.count("ALARM")
    assert "minutes" in fig.layout.xaxis.title.text
    with pytest.raises(ValueError, match="same length"):
        figures.alarm_figure([1.0], [], 1)


def test_dependency_graph_figure():
    deps, waves = cf.dependencies(TEMPLATE), cf.creation_waves(TEMPLATE)
    fig = figures.dependency_graph_figure(deps, waves, {k: v["Type"] for k, v in TEMPLATE["Resources"].items()})
    _plain(fig)
    assert len(fig.layout.annotations) == sum(len(d) for d in deps.values())  # one arrow per dependency
    xs = dict(zip(fig.data[0].text, fig.data[0].x, strict=True))
    assert xs["Vpc"] < xs["Subnet"] < xs["Web"]


def test_stack_events_figure():
    events = cf.simulate_stack_create(TEMPLATE, "Web")
    fig = figures.stack_events_figure(events)
    _plain(fig)
    kinds = {t.name for t in fig.data}
    assert {"create", "failed", "delete"} <= kinds and "ROLLBACK_COMPLETE" in fig.layout.title.text


def test_compliance_timeline_figure():
    rule = {"ConfigRuleName": "restricted-ssh", "Source": {"SourceIdentifier": "INCOMING_SSH_DISABLED"}}
    items = [
        {
            "resourceType": "AWS::EC2::SecurityGroup",
            "resourceId": "sg-1",
            "configurationItemCaptureTime": f"2026-01-01T0{h}:00:00+00:00",
            "configurationItemStatus": "OK",
            "configuration": {
                "ipPermissions": [{"ipProtocol": "tcp", "fromPort": p, "toPort": p, "ipRanges": ["0.0.0.0/0"]}]
            },
        }
        for h, p in ((1, 443), (2, 22), (3, 443))
    ]
    fig = figures.compliance_timeline_figure(cr.compliance_timeline([rule], items))
    _plain(fig)
    assert {t.name for t in fig.data} == {"COMPLIANT", "NON_COMPLIANT"}


def test_trusted_advisor_figure():
    results = ta.run_free_checks({"SecurityGroups": []}, {"SummaryMap": {"AccountMFAEnabled": 1, "Users": 0}})
    fig = figures.trusted_advisor_figure(results)
    _plain(fig)
    assert list(fig.data[0].text) == [r.status for r in results]
