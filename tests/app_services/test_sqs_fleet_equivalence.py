"""The refactored consumer-fleet simulator gives exactly the numbers captured before the refactor (200 set-ups)."""

import json
from pathlib import Path

import pytest

from awslab.app_services.sqs_fleet import simulate_consumer_fleet
from tests.app_services.fleet_setups import record, setups

GOLDEN = json.loads((Path(__file__).parent / "golden" / "sqs_fleet.json").read_text())


def test_the_golden_file_covers_the_same_setups():
    assert [entry["arguments"] for entry in GOLDEN] == setups()


@pytest.mark.parametrize("index", range(len(GOLDEN)))
def test_same_numbers_as_before_the_refactor(index):
    entry = GOLDEN[index]
    if "error" in entry:
        with pytest.raises(ValueError) as error:
            simulate_consumer_fleet(**entry["arguments"])
        assert str(error.value) == entry["error"]
    else:
        assert record(simulate_consumer_fleet(**entry["arguments"])) == entry["result"]
