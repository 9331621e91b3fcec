"""The same numbers come out after the chapter's refactor (issue 15): golden values captured on the code before it.

golden_explorers.json: every explorer's numbers at its defaults and at each step of each control's static face."""

import json
from pathlib import Path

import pytest

from awslab.networking import explorers
from tests.networking.golden import CASES, outcomes
from tests.support import explorer_numbers

HERE = Path(__file__).parent
GOLDEN_EXPLORERS = json.loads((HERE / "golden_explorers.json").read_text())


@pytest.mark.parametrize("name", sorted(GOLDEN_EXPLORERS))
def test_explorer_numbers_match_the_golden_values(name):
    assert explorer_numbers(getattr(explorers, name)) == GOLDEN_EXPLORERS[name]


def test_models_answer_200_random_set_ups_as_before():
    golden = json.loads((HERE / "golden_models.json").read_text())
    assert len(golden) == CASES
    for seed, (now, before) in enumerate(zip(json.loads(json.dumps(outcomes())), golden, strict=True)):
        assert now == before, f"seed {seed}"
