"""draw.js draws in the browser exactly what awslab.exam.draw draws in Python (checked with node where it exists)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import awslab.exam
from awslab.exam import bank_data, blueprint, draw

NODE = shutil.which("node")
DRAW_JS = Path(awslab.exam.__file__).with_name("draw.js")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_and_python_draw_the_same_exams(tmp_path):
    data = tmp_path / "bank.json"
    data.write_text(json.dumps(bank_data()))
    cases = [("saa", 0, 65), ("saa", 7, 65), ("saa", 123456789, 20), ("sap", 3, 40), ("saa", 5, 1)]
    script = (
        f"const d = require({json.dumps(str(DRAW_JS))});"
        f"const bank = JSON.parse(require('fs').readFileSync({json.dumps(str(data))}, 'utf8'));"
        f"const cases = {json.dumps(cases)};"
        "console.log(JSON.stringify({"
        "draws: cases.map(([e, s, n]) => d.draw(bank, e, s, n).map(q => q.uid)),"
        "plans: [[ 'saa', 65 ], ['sap', 75], ['saa', 10], ['sap', 33]].map(([e, n]) => d.blueprint(bank.exams[e], n).map(b => b.questions))"
        "}));"
    )
    done = subprocess.run([NODE, "-e", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["draws"] == [[q.uid for q in draw(e, seed=s, count=n)] for e, s, n in cases]
    assert out["plans"] == [
        [b.questions for b in blueprint(e, n)] for e, n in [("saa", 65), ("sap", 75), ("saa", 10), ("sap", 33)]
    ]


def test_bank_data_is_json_and_complete():
    data = json.loads(json.dumps(bank_data()))
    assert len(data["questions"]) >= 322 and data["exams"]["saa"]["scoring"]["passing"] == 720
    q = data["questions"][0]
    assert {"uid", "question", "answers", "tasks", "domains", "difficulty", "see", "href", "exam_domains"} <= set(q)
