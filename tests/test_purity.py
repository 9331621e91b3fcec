"""Models stay pure: importing any model module pulls in no plotting, widget or AWS SDK library (CONVENTIONS)."""

import subprocess
import sys

import pytest

from tests.support import ROOT

PRESENTATION = ("explorers", "figures", "labs")  # the chapter modules allowed to import plotly, ipywidgets or boto3
FORBIDDEN = ("plotly", "ipywidgets", "boto3", "botocore", "moto")
CHAPTERS = sorted(p.parent for p in (ROOT / "awslab").glob("*/__init__.py"))


def model_modules() -> list[str]:
    names = []
    for chapter in CHAPTERS:
        for path in sorted(chapter.rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if any(part in PRESENTATION for part in parts) or "__pycache__" in parts:
                continue
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = model_modules()


def test_every_chapter_has_model_modules():
    chapters = {name.split(".")[1] for name in MODULES}
    assert chapters == {p.name for p in CHAPTERS} and len(CHAPTERS) >= 9
    assert len(MODULES) >= 60


@pytest.mark.parametrize("module", MODULES)
def test_a_model_module_imports_no_plotting_widgets_or_aws_sdk(module):
    probe = f"import sys, {module}; print(' '.join(m for m in {FORBIDDEN!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", f"{module} imports {done.stdout.strip()}"
