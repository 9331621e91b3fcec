"""The lab of 07_choosing_services on the emulator: fan-out and FIFO order, the broker and Batch records, the X-Ray
round trip (moto's summary ignores the times, our model does not), and moto's canned AI answers; plus the exercises."""

from __future__ import annotations

from awslab.app_services import choosers
from awslab.app_services.exercises import choosing_services as ex
from awslab.app_services.labs import choosing
from awslab.sandbox import sandbox


def test_lab_on_the_emulator():
    with sandbox() as aws:
        wiring = choosing.fanout_and_fifo_on_emulator(aws)
        broker = choosing.broker_on_emulator(aws)
        batch = choosing.batch_on_emulator(aws)
        xray = choosing.xray_on_emulator(aws, choosers.checkout_trace(tax_ms=300))
        stubs = choosing.ai_stubs_on_emulator(aws)
    assert wiring == {"copies in billing": 3, "copies in shipping": 3, "FIFO order received": "created, paid, shipped"}
    assert broker["engine"] == "ACTIVEMQ" and broker["deployment mode"] == "ACTIVE_STANDBY_MULTI_AZ"
    assert batch["timeout per attempt"] == "3600 s" and batch["retry attempts"] == 3
    expected = choosers.critical_path(choosers.checkout_trace(tax_ms=300))
    assert xray["segments rejected"] == 0 and xray["traces found"] == 1
    assert xray["our model: response time"] == f"{expected.total_ms:,.0f} ms"
    assert xray["our model: slowest on the path"] == expected.slowest
    assert [row["service"] for row in stubs] == ["Rekognition", "Comprehend", "Textract", "Polly", "Translate"]
    assert "Not yet implemented" in stubs[-1]["moto answered"]


def test_lab_is_deterministic():
    with sandbox() as aws:
        first = (choosing.ai_stubs_on_emulator(aws), choosing.batch_on_emulator(aws))
    with sandbox() as aws:
        second = (choosing.ai_stubs_on_emulator(aws), choosing.batch_on_emulator(aws))
    assert first == second


def test_exercises_are_the_models():
    assert ex.critical_ms.check(760).right and not ex.critical_ms.check(900).right
    assert ex.job_service.check("AWS Batch on EC2").right and not ex.job_service.check("Lambda").right
