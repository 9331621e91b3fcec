"""The same numbers come out after the chapter's refactor (issue 15): golden values captured on the code before it.

golden_explorers.json: every explorer's numbers at its defaults and at each step of each control's static face."""

import json
from pathlib import Path

import pytest

from awslab.databases import explorers
from tests.support import explorer_numbers

HERE = Path(__file__).parent
GOLDEN_EXPLORERS = json.loads((HERE / "golden_explorers.json").read_text())


@pytest.mark.parametrize("name", sorted(GOLDEN_EXPLORERS))
def test_explorer_numbers_match_the_golden_values(name):
    assert explorer_numbers(getattr(explorers, name)) == GOLDEN_EXPLORERS[name]
