"""The sandbox labs: the emulator's and the simulator's columns agree, and nothing random is reported."""

from __future__ import annotations

import pytest

from awslab.app_services import labs
from awslab.sandbox import sandbox

ORDERS = [("A-1", 40.0), ("A-2", 1500.0), ("A-3", 999.0), ("A-4", 1000.0)]


def test_redrive_lab_agrees_and_is_repeatable():
    tables = []
    for _ in range(2):
        with sandbox() as aws:
            tables.append(labs.redrive_side_by_side(aws, max_receive_count=1, pause_seconds=1.05))
    table = tables[0]
    assert table.equals(tables[1])
    assert list(table["emulator: receive counts"]) == list(table["simulator: receive counts"]) == ["-", "1", "-"]
    emulated = table["emulator: visible / in flight / DLQ"]
    assert list(emulated) == list(table["simulator: visible / in flight / DLQ"])
    assert emulated.iloc[-1] == "0 / 0 / 1"


def test_redrive_lab_refuses_long_runs():
    with pytest.raises(ValueError, match="max_receive_count=9"):
        labs.redrive_side_by_side(None, max_receive_count=9)


def test_visibility_lab_agrees():
    with sandbox() as aws:
        table = labs.visibility_side_by_side(aws, pause_seconds=1.05)
    assert list(table["emulator got"]) == list(table["simulator got"]) == [["job"], [], ["job"], []]
    assert list(table["emulator visible / in flight"]) == list(table["simulator visible / in flight"])


def test_fanout_lab_agrees_with_the_model():
    with sandbox() as aws:
        emulated = labs.fanout_on_emulator(aws, ORDERS)
    simulated = labs.fanout_on_simulator(ORDERS)
    assert list(emulated["queue"]) == list(simulated["queue"]) == ["fulfilment", "warehouse", "fraud-review"]
    assert list(emulated["orders received"]) == list(simulated["orders received"])
    assert emulated.set_index("queue").loc["fraud-review", "orders received"] == ["A-2", "A-4"]
    assert list(emulated["left in queue"]) == [0, 0, 0]
