"""The Storage chapter's explorers and figures are split one way, by notebook, and re-exported by name."""

import importlib
import pkgutil
from pathlib import Path

import pytest

from awslab.storage import explorers, figures

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks" / "01_storage"
TOPICS = sorted(p.stem.split("_", 1)[1] for p in NOTEBOOKS.glob("[0-9][0-9]_*.md"))
SHARED_FIGURE_HELPERS = {"common"}


@pytest.mark.parametrize("package", [explorers, figures])
def test_one_module_per_notebook(package):
    modules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    extra = SHARED_FIGURE_HELPERS if package is figures else set()
    assert modules == set(TOPICS) | extra


@pytest.mark.parametrize(("package", "prefix"), [(explorers, "explore_"), (figures, "_figure")])
def test_the_package_re_exports_every_public_entry_point_and_no_private_name(package, prefix):
    assert not [name for name in package.__all__ if name.startswith("_")]
    for topic in TOPICS:
        module = importlib.import_module(f"{package.__name__}.{topic}")
        own = [n for n in vars(module) if (n.startswith(prefix) or n.endswith(prefix)) and not n.startswith("_")]
        own = [n for n in own if getattr(module, n).__module__ == module.__name__]
        assert own, topic
        assert all(getattr(package, n) is getattr(module, n) and n in package.__all__ for n in own), topic
