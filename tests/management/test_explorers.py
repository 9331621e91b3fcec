"""Management explorers: build, update quickly, precomputed static steps, model messages for bad typed values."""

import time

import pytest

from awslab.management import explorers
from awslab.management.sample_templates import SAMPLE_TEMPLATES


def _update_ms(explorer, **values):
    """CPU milliseconds of the best of three updates: the explorer's own cost, not the wait on a shared machine."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        explorer.set(**values)
        best = min(best, (time.process_time() - start) * 1000)
    return best


def test_alarm_explorer():
    e = explorers.explore_alarm()
    assert e.error is None and e.last_view.numbers["alarm actions fired (-> ALARM)"] == "1"
    assert _update_ms(e, evaluation_periods=5, datapoints_to_alarm=3, treat_missing_data="breaching") < 50
    fig = e.static_figure()
    assert [s.label for s in fig.layout.sliders[0].steps] == [f"{t} %" for t in explorers.THRESHOLD_STEPS]
    assert len(fig.to_json()) < 150_000


def test_alarm_higher_threshold_never_alarms_more():
    e = explorers.explore_alarm()
    counts = []
    for t in explorers.THRESHOLD_STEPS:
        e.set(threshold=t)
        counts.append(int(e.last_view.numbers["periods in ALARM"].split()[0]))
    assert counts == sorted(counts, reverse=True) and counts[-1] == 0


def test_alarm_bad_m_shows_model_message():
    e = explorers.explore_alarm(evaluation_periods=3)
    e.set(datapoints_to_alarm=5)
    assert e.error == "datapoints_to_alarm=5 is outside the allowed range (1 to 3)"


def test_template_explorer_presets_and_custom():
    e = explorers.explore_template()
    assert e.last_view.numbers["creation order"].startswith("Vpc -> Logs")
    assert [b.label for b in e.static_figure().layout.updatemenus[0].buttons] == list(SAMPLE_TEMPLATES)
    assert _update_ms(e, preset="public network") < 50
    e.set(
        custom_template="Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n    DependsOn: Q\n"
    )
    assert e.error is None and e.last_view.numbers["creation order"] == "Q -> T"


@pytest.mark.parametrize(
    "text, message",
    [
        (
            '{"Resources": {"A": {"Type": "X", "DependsOn": "B"}, "B": {"Type": "X", "DependsOn": "A"}}}',
            "template has a circular dependency between resources: A, B",
        ),
        ('{"Resources": {"A": {"Type": "X", "DependsOn": "C"}}}', "resource 'A': DependsOn names unknown resource 'C'"),
        ("[1, 2]", "template must be a mapping with a Resources section, got list"),
    ],
)
def test_template_bad_text(text, message):
    e = explorers.explore_template()
    e.set(custom_template=text)
    assert e.error == message


def test_rollback_explorer():
    e = explorers.explore_rollback()
    assert e.last_view.numbers["stack status"] == "ROLLBACK_COMPLETE"
    assert e.last_view.numbers["kept (DeletionPolicy Retain)"] == "Logs"
    labels = [b.label for b in e.static_figure().layout.updatemenus[0].buttons]
    assert labels == ["(none)", *SAMPLE_TEMPLATES["web app"]["Resources"]]
    assert _update_ms(e, fail_resource="(none)") < 50
    assert e.last_view.numbers["stack status"] == "CREATE_COMPLETE"


def test_config_timeline_explorer():
    e = explorers.explore_config_timeline()
    assert e.last_view.numbers["restricted-ssh"] == "NON_COMPLIANT"
    assert len(e.static_figure().layout.sliders[0].steps) == 24
    assert len(e.static_figure().to_json()) < 150_000
    assert _update_ms(e, hour=15) < 50
    assert e.last_view.numbers["restricted-ssh"] == "COMPLIANT"
    assert e.last_view.numbers["encrypted-volumes"] == "NON_COMPLIANT"
    e.set(hour=30)
    assert e.error == "hour=30 is outside the allowed range (0 to 23)"


def test_trusted_advisor_explorer():
    e = explorers.explore_trusted_advisor(running_instances=4, instance_limit=5)
    assert e.last_view.numbers["Service Limits"] == "warning"
    steps = e.static_figure().layout.sliders[0].steps
    assert [s.label for s in steps] == [str(n) for n in range(7)]
    assert _update_ms(e, running_instances=5) < 50 and e.last_view.numbers["Service Limits"] == "error"
    e.set(running_instances=1, open_port=3389, root_mfa=True, iam_users=2)
    assert e.last_view.numbers["Security Groups - Specific Ports Unrestricted"] == "error"
    assert e.last_view.numbers["MFA on Root Account"] == "ok" and e.last_view.numbers["IAM Use"] == "ok"
    e.set(instance_limit=0)
    assert e.error == "instance_limit=0 is outside the allowed range (>= 1)"
