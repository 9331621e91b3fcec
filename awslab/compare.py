"""Compare the headline results of batch runs across scenarios: a CSV and an offline HTML page with plotly charts."""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path


def load_runs(paths: list[Path]) -> list[dict]:
    """The results.json files of several scenario runs, in the order given.

    ValueError (one line, naming the file) for a file that cannot be read or parsed, is not a run's results.json,
    describes a run that failed or was interrupted, or repeats a scenario name another file already has (each
    scenario is one column of the comparison)."""
    runs = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ValueError(f"{path}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from None
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        if not (
            isinstance(data, dict)
            and isinstance(data.get("scenario"), str)
            and isinstance(data.get("notebooks"), dict)
            and all(isinstance(e, dict) and isinstance(e.get("results"), dict) for e in data["notebooks"].values())
        ):
            raise ValueError(f"{path} is not a results.json written by `python -m awslab run`")
        failed = sorted(name for name, entry in data["notebooks"].items() if not entry.get("ok", True))
        if data.get("interrupted") or data.get("ok") is False or failed:
            why = "was interrupted" if data.get("interrupted") else f"failed in {', '.join(failed) or 'some notebook'}"
            raise ValueError(f"{path}: the {data['scenario']!r} run {why}; run it again before comparing")
        name = data["scenario"]
        if name in seen:
            raise ValueError(
                f"{path} and {seen[name]} are both scenario {name!r}: compare runs of different scenarios (each is "
                "one column)"
            )
        seen[name] = Path(path)
        runs.append(data)
    if not runs:
        raise ValueError("no results.json given: run `python -m awslab run --scenario ...` first")
    return runs


def comparison_rows(runs: list[dict]) -> list[dict]:
    """One row per (notebook, result), one column per scenario."""
    keys = sorted({(nb, name) for run in runs for nb, entry in run["notebooks"].items() for name in entry["results"]})
    rows = []
    for notebook, name in keys:
        row = {"notebook": notebook, "result": name}
        for run in runs:
            row[run["scenario"]] = run["notebooks"].get(notebook, {}).get("results", {}).get(name, "")
        rows.append(row)
    return rows


def write_comparison(runs: list[dict], out_dir: Path) -> tuple[Path, Path]:
    """Write comparison.csv and comparison.html (plotly.js copied beside it: no CDN) and return their paths."""
    import plotly.graph_objects as go

    from awslab import theme

    out_dir.mkdir(parents=True, exist_ok=True)
    rows = comparison_rows(runs)
    scenarios = [run["scenario"] for run in runs]
    csv_path = out_dir / "comparison.csv"
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["notebook", "result", *scenarios])
        writer.writeheader()
        writer.writerows(rows)
    parts = ["<h1>awslab: scenarios compared</h1>"]
    for run in runs:
        parts.append(f"<p><b>{html.escape(run['scenario'])}</b>: {html.escape(run.get('description', ''))}</p>")
    table = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(row[c]))}</td>" for c in ["notebook", "result", *scenarios]) + "</tr>"
        for row in rows
    )
    header = "".join(f"<th>{html.escape(c)}</th>" for c in ["notebook", "result", *scenarios])
    parts.append(f"<table border='1' cellpadding='4'><tr>{header}</tr>{table}</table>")
    first = True
    for row in rows:
        values = [row[s] for s in scenarios]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            continue
        fig = go.Figure(go.Bar(x=scenarios, y=[round(float(v), 6) for v in values], marker_color=theme.COLORS[0]))
        fig.update_layout(
            title_text=f"{row['result']} ({row['notebook']})", xaxis_title="scenario", yaxis_title=row["result"]
        )
        theme.apply(fig, height=320)
        parts.append(fig.to_html(include_plotlyjs="directory" if first else False, full_html=False))
        first = False
    html_path = out_dir / "comparison.html"
    html_path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>awslab scenarios</title></head>"
        f"<body>{''.join(parts)}</body></html>",
        encoding="utf-8",
    )
    if first is False:
        import shutil

        import plotly

        shutil.copyfile(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", out_dir / "plotly.min.js")
    return csv_path, html_path
