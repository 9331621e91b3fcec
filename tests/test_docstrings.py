"""The package documents itself: every model module ends with its References, every public entry point has a
runnable example (run by ``pytest --doctest-modules awslab``, part of make check and make test)."""

import importlib
import inspect
import re

import pytest

from tests.test_purity import MODULES, PRESENTATION

URL = re.compile(r"https://\S+")
ENTRY_POINTS = []
RETURNED = set()  # classes some public function returns: results, shown by that function's example, not entry points
for name in MODULES:
    for value in vars(importlib.import_module(name)).values():
        if inspect.isfunction(value) or inspect.isclass(value):
            for func in [value, *vars(value).values()] if inspect.isclass(value) else [value]:
                annotation = getattr(func, "__annotations__", {}).get("return")
                RETURNED.update(re.findall(r"\w+", str(getattr(annotation, "__name__", annotation))))
for name in MODULES:
    module = importlib.import_module(name)
    for attr, value in vars(module).items():
        if attr.startswith("_") or not (inspect.isfunction(value) or inspect.isclass(value)):
            continue
        if getattr(value, "__module__", None) == name and not (inspect.isclass(value) and attr in RETURNED):
            ENTRY_POINTS.append((name, attr, value))


def explorer_functions():
    from awslab import bench

    return bench.explorer_builders()


@pytest.mark.parametrize("module", [m for m in MODULES if m.count(".") >= 2], ids=str)
def test_every_model_module_ends_with_its_references(module):
    doc = importlib.import_module(module).__doc__ or ""
    assert "References" in doc, f"{module}: the docstring has no References section"
    references = doc[doc.rindex("References") :]
    assert URL.search(references) or "no URL recorded" in references, f"{module}: References cite no page"
    assert re.search(r"\(read 20\d\d-\d\d-\d\d\)|no URL recorded", references), f"{module}: no date read"


@pytest.mark.parametrize(("module", "name", "obj"), ENTRY_POINTS, ids=[f"{m}.{n}" for m, n, _ in ENTRY_POINTS])
def test_every_public_model_entry_point_has_a_runnable_example(module, name, obj):
    if inspect.isclass(obj) and not (obj.__doc__ or "").strip():
        pytest.fail(f"{module}.{name} has no docstring")
    examples = [obj.__doc__ or ""]
    if inspect.isclass(obj):  # a class may show itself through its methods or its module's examples
        examples += [m.__doc__ or "" for m in vars(obj).values() if callable(m)]
        examples.append(importlib.import_module(module).__doc__ or "")
        examples += [f.__doc__ or "" for f in vars(importlib.import_module(module)).values() if callable(f)]
        mentioned = ">>>" in examples[0] or any(">>>" in text and name in text for text in examples)
        assert mentioned, f"{module}.{name}: no >>> example shows it"
    else:
        assert ">>>" in examples[0], f"{module}.{name}: no >>> example in its docstring"


def test_every_explorer_has_a_runnable_example():
    missing = [label for label, build in explorer_functions() if ">>>" not in (build.__doc__ or "")]
    assert not missing and PRESENTATION, missing
