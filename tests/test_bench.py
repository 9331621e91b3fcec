"""The benchmark runs (quick mode) and measures what it claims; its numbers go in the notes, not in assertions."""

import json
import subprocess
import sys
from pathlib import Path

from awslab import bench

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_runs_and_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "awslab", "bench", "--quick", "--output", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads(out.read_text())
    assert len(report["explorers"]) == len(bench.explorer_builders()) >= 6
    assert all(r["updates"] >= 1 and r["p95_ms"] >= r["p50_ms"] > 0 for r in report["explorers"].values())
    assert set(report["throughput"]) == {"sqs", "iam", "autoscaling", "cloudfront"}
    assert report["throughput"]["iam"]["agreement"] == 1.0
    assert report["throughput"]["sqs"]["ratio"] > 1
    assert "p95 ms" in done.stdout and "awslab.ui (with plotly, ipywidgets)" in done.stdout
    assert "heavy" in report["ui_import"] and "plotly" in report["ui_import"]["heavy"]


def test_import_check_sees_heavy_packages():
    assert "plotly" in bench.bench_import("awslab.storage.figures")["heavy"]
    assert bench.bench_import("awslab.storage.s3")["heavy"] == ""
    assert "awslab.storage.s3" in bench.model_modules()
    assert not any(m.endswith((".figures", ".explorers")) for m in bench.model_modules())


def test_notebook_times_come_from_the_last_batch_run(tmp_path):
    missing = bench.bench_notebooks(False, tmp_path)
    assert missing["source"].startswith("not measured")
    (tmp_path / "default").mkdir()
    summary = {
        "jobs": 2,
        "wall_seconds": 101.5,
        "notebooks": {
            "01_storage/a.ipynb": {"seconds": 4.2, "ok": True},
            "01_storage/b.ipynb": {"seconds": 16.0, "ok": False},
        },
    }
    (tmp_path / "default" / "results.json").write_text(json.dumps(summary))
    found = bench.bench_notebooks(False, tmp_path)
    assert found["wall_seconds"] == 101.5 and found["jobs"] == 2
    assert found["seconds"] == {"01_storage/a.ipynb": 4.2, "01_storage/b.ipynb": 16.0}
    assert found["failed"] == ["01_storage/b.ipynb"]


def _executed(cells: list[tuple[list[str], str, str, str]]) -> dict:
    """A papermill-executed notebook: (tags, source, start, end) per code cell, started at 10:00:00."""
    code = []
    for tags, source, start, end in cells:
        s, e = f"2026-12-03T10:00:{start}+00:00", f"2026-12-03T10:00:{end}+00:00"
        duration = float(end) - float(start)
        meta = {"tags": tags, "papermill": {"start_time": s, "end_time": e, "duration": duration}}
        code.append({"cell_type": "code", "source": source, "metadata": meta})
    return {"metadata": {"papermill": {"start_time": "2026-12-03T10:00:00.000+00:00"}}, "cells": code}


def test_a_notebooks_time_is_broken_down_by_part():
    notebook = _executed(
        [
            (["parameters"], "x = 1  # a", "00.500", "00.510"),
            (["validate-parameters"], "import pandas", "00.510", "01.010"),
            ([], "print(x)", "01.010", "01.110"),
            ([], "with sandbox() as aws:\n    pass", "01.110", "01.610"),
            ([], "with sandbox() as aws:\n    pass", "01.610", "01.710"),  # a second lab: the notebook's own
        ]
    )
    parts = bench.notebook_breakdown(notebook, 2.0)
    assert parts == {
        "kernel_s": 0.5,
        "imports_s": 0.51,
        "emulator_s": 0.5,
        "cells_s": 0.2,
        "other_s": 0.29,
        "fixed_s": 1.51,
    }
    assert bench.notebook_breakdown({"metadata": {}, "cells": []}, 1.0) == {}


def test_the_breakdown_is_read_from_the_executed_copies(tmp_path):
    (tmp_path / "default" / "lab").mkdir(parents=True)
    notebook = _executed([(["parameters"], "x = 1", "01.000", "01.500")])
    (tmp_path / "default" / "lab" / "a.ipynb").write_text(json.dumps(notebook))
    summary = {"jobs": 2, "wall_seconds": 3.0, "notebooks": {"lab/a.ipynb": {"seconds": 2.0, "ok": True}}}
    (tmp_path / "default" / "results.json").write_text(json.dumps(summary))
    found = bench.bench_notebooks(False, tmp_path)
    assert found["breakdown"]["lab/a.ipynb"]["kernel_s"] == 1.0
    assert found["breakdown"]["lab/a.ipynb"]["fixed_s"] == 1.5


def test_the_performance_page_is_generated_from_the_committed_report():
    report = json.loads(bench.PAGE_DATA.read_text())
    assert bench.PAGE.read_text() == bench.render_page(report), "run `python -m awslab bench --notebooks --publish`"
    assert report["machine"]["cores"] >= 1 and report["machine"]["cpu"]
    page = bench.PAGE.read_text()
    assert page.startswith("# Performance\n") and "## Each notebook" in page and "$" not in page
    assert all(f"`{name}`" in page for name in report["explorers"])


def test_the_page_renders_a_report_without_notebooks():
    report = {"machine": bench.machine(), "notebooks": {"source": "not measured"}, "explorers": {}, "throughput": {}}
    page = bench.render_page(report)
    assert "Not measured in this report (not measured)." in page and "## The machine" in page
