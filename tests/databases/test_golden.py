"""The same numbers come out after the chapter's refactor (issue 15): golden values captured on the code before it.

golden_explorers.json: every explorer's numbers at its defaults and at each step of each control's static face."""

import json
from pathlib import Path

import pytest

from awslab.databases import explorers

HERE = Path(__file__).parent
GOLDEN_EXPLORERS = json.loads((HERE / "golden_explorers.json").read_text())


def _explorer_numbers(factory) -> list[dict]:
    explorer = factory()
    rows = [{"start": explorer.last_view.numbers, "error": explorer.error}]
    for control in explorer.controls:
        for value in control.steps():
            explorer = factory()
            explorer.set(**{control.name: value})
            rows.append(
                {
                    "control": control.name,
                    "value": value,
                    "numbers": explorer.last_view.numbers,
                    "error": explorer.error,
                }
            )
    return json.loads(json.dumps(rows, default=str, sort_keys=True))


@pytest.mark.parametrize("name", sorted(GOLDEN_EXPLORERS))
def test_explorer_numbers_match_the_golden_values(name):
    assert _explorer_numbers(getattr(explorers, name)) == GOLDEN_EXPLORERS[name]
