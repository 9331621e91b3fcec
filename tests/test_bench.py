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
