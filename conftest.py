"""Test-session wiring shared by every layer (fixtures live in tests/conftest.py).

The committed notebooks are collected as nbval items fed by the session's one course run (tests/nbval_replay.py),
and every such item is marked ``notebooks`` so that ``-m "not notebooks"`` leaves them out."""

import pytest

from tests.nbval_replay import ReplayCell, collect_file


def pytest_collect_file(file_path, parent):
    return collect_file(file_path, parent)


def pytest_collection_modifyitems(items):
    for item in items:
        if isinstance(item, ReplayCell):
            item.add_marker(pytest.mark.notebooks)
