"""Every notebook gives the learner at least two "your turn" exercises (awslab.exercises), with ids unique in the course.

The committed notebooks pin each exercise's text line ``Exercise <id>: <title>``, so this reads them without a kernel.
The 36 notebooks of the first course predate exercises (issue 16, point 5): they are listed below, and the list may
only shrink: a notebook that gains its exercises must leave it.
"""

import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^Exercise ([a-z0-9][a-z0-9-]*): .+$")
BEFORE_EXERCISES = {
}


def exercise_ids() -> dict[str, list[str]]:
    found = {}
    for path in sorted((ROOT / "notebooks").glob("*/*.ipynb")):
        ids = []
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/plain", "")
                text = "".join(text) if isinstance(text, list) else text
                match = LINE.match(text.strip())
                if match:
                    ids.append(match.group(1))
        found[f"{path.parent.name}/{path.stem}"] = ids
    return found


def test_every_notebook_has_two_exercises_or_is_listed_as_older():
    found = exercise_ids()
    short = {name for name, ids in found.items() if len(ids) < 2}
    assert short - BEFORE_EXERCISES == set(), "new notebooks need at least two exercises"
    assert BEFORE_EXERCISES - short == set(), "these notebooks have their exercises now: remove them from the list"


def test_exercise_ids_are_unique_in_the_course():
    counts = Counter(i for ids in exercise_ids().values() for i in ids)
    assert [i for i, n in counts.items() if n > 1] == []
