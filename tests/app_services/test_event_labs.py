"""The event-driven labs on the emulator: moto's EventBridge rules agree with our matcher on every preset, its
Step Functions execution is a stub, and reserved concurrency round-trips."""

from __future__ import annotations

import pytest

from awslab.app_services import eventbridge
from awslab.app_services.labs import events as event_labs
from awslab.sandbox import sandbox


@pytest.mark.parametrize("preset", list(eventbridge.PRESET_PATTERNS))
def test_moto_rules_agree_with_our_matcher(preset):
    with sandbox() as aws:
        table = event_labs.rule_to_queue_on_emulator(aws, eventbridge.PRESET_PATTERNS[preset])
    assert table["moto's rule matched"].tolist() == table["our matcher"].tolist()
    if preset != "not in the US regions":  # every event put in us-east-1 is a us-east-1 event
        assert table["our matcher"].any()


def test_step_functions_stub_and_interpreter():
    machine = {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.r", "End": True}}}
    with sandbox() as aws:
        described = event_labs.state_machine_on_emulator(aws, machine, {"a": 1})
    assert described["input"] == {"a": 1} and described["type"] == "STANDARD"
    ours = event_labs.run_on_interpreter(machine, {"a": 1}, {})
    assert ours.output == {"a": 1, "r": 1}


def test_reserved_concurrency_round_trip():
    with sandbox() as aws:
        settings = event_labs.concurrency_on_emulator(aws, 250)
    assert settings == {"reserved concurrency": 250, "GetFunction shows": 250, "still reserved after delete": False}
