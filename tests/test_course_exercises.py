"""Every notebook gives the learner at least two "your turn" exercises (awslab.exercises), with ids unique in the course.

The committed notebooks pin each exercise's text line ``Exercise <id>: <title>``, so this reads them without a kernel.
"""

import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^Exercise ([a-z0-9][a-z0-9-]*): .+$")


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


def test_every_notebook_has_at_least_two_exercises():
    found = exercise_ids()
    assert len(found) >= 51
    assert {name: len(ids) for name, ids in found.items() if len(ids) < 2} == {}


def test_exercise_ids_are_unique_in_the_course():
    counts = Counter(i for ids in exercise_ids().values() for i in ids)
    assert [i for i, n in counts.items() if n > 1] == []
