"""Bad arguments to the exam pages' functions get one clear error naming the parameter (the fuzz's findings, pinned)."""

from __future__ import annotations

import pytest

from awslab.exam import explorers, export, practice, progress, web
from awslab.exam.bank import _demo_bank
from awslab.networking import resolver


@pytest.fixture(scope="module")
def d():
    return practice.exam_data("saa", items=web.bank_items("saa", bank=_demo_bank()))


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda d: practice.draw({}, 1), r"d=\{\} is not the practice payload"),
        (lambda d: practice.exam_data("saa", items={"x": None}), r"items\['x'\]=None is not a payload item"),
        (lambda d: explorers.exam_widget("saa", items={}), r"items holds no SAA-C03 question"),
        (lambda d: explorers.exam_widget("saa", items=d["pool"], clock=0), r"clock=0 must be a function"),
        (lambda d: practice.result_report(d, practice.ExamRun([], 1.0, 0.0, {}, set()), {}, []), r"attempt=\{\}"),
        (lambda d: export.to_markdown({"x": None}), r"data=\{'x': None\} is not part of a practice exam"),
        (lambda d: export.write({}, "pdf", None), r"fmt='pdf' is not one of: md, json"),
        (lambda d: web.payload_item("a/b", "Q?", ["x"]), r"answers\[0\]='x' must be a \(text, right, why\) answer"),
        (lambda d: web.payload_item("a/b", "Q?", [("A", False, "")]), r"answers=.* has no right answer"),
        (lambda d: web.payload_item("a/b", "Q?", [("A", True, "")], tasks=1), r"tasks=1 must be a list"),
        (lambda d: web.bank_items(bank="x"), r"bank='x' must be a list of bank questions"),
        (lambda d: web.page("review", "", object()), r"data must be JSON data"),
        (lambda d: progress.progress_html("no-such-folder"), r"root='no-such-folder' is not a folder"),
        (lambda d: explorers.review_widget(items={}, today=None), r"today=None must be a function"),
        (lambda d: explorers.review_widget(items={}, path=""), r"path='' must be the path"),
        (lambda d: resolver.name_matches(None, "a.example"), r"domain must be a string"),
    ],
)
def test_a_bad_argument_is_named(d, call, pattern):
    with pytest.raises((ValueError, TypeError), match=pattern):
        call(d)
