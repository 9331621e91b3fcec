"""Headline results of a notebook, collected by batch runs so instructors can compare scenarios.

In a notebook: ``results.record("cheapest_policy", name)``. Interactively it does nothing visible (no output, so
notebooks stay comparable with nbval); under ``python -m awslab run`` the runner points ``AWSLAB_RESULTS_FILE`` at a
file per notebook and gathers every recorded value into ``_build/executed/<scenario>/results.json``.
"""

from __future__ import annotations

import json
import math
import os
import re

RESULTS_FILE_ENV = "AWSLAB_RESULTS_FILE"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def record(name: str, value: object) -> None:
    """Record one headline result (a number, string, bool or a list of them); shows nothing."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(
            f"result name {name!r} must be lowercase letters, digits and underscores, starting with a letter"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"result {name}={value!r} must be a finite number")
    try:
        line = json.dumps({"name": name, "value": value})
    except TypeError:
        raise ValueError(f"result {name}={value!r} must be a number, string, bool or a list of them") from None
    path = os.environ.get(RESULTS_FILE_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")


def read_results(path: str) -> dict[str, object]:
    """The results a notebook recorded (the last value wins when a name is recorded twice)."""
    values: dict[str, object] = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                entry = json.loads(line)
                values[entry["name"]] = entry["value"]
    return values
