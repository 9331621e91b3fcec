"""`python -m awslab bench`: the course's speed claims, measured.

- every explorer: p50 / p95 of one update (model + figure + figure JSON), in-process;
- every model module: import time in a fresh interpreter, and that it pulls in no plotly, ipywidgets or boto3;
- awslab's UI layer (plotly + ipywidgets) imported the same way, for comparison;
- every notebook's execution time and the whole course's wall time through the batch runner (``--notebooks`` runs
  them now; otherwise the last ``make run`` is read from _build/executed/default/results.json), with each
  notebook's time broken down (from papermill's timings in the executed copy): kernel start, the course's imports
  (the ``parameters`` and ``validate-parameters`` cells), the emulator (the first cell that starts a sandbox: its
  set-up and the lab's first calls), the notebook's own cells, and the rest (papermill, writing, kernel shutdown);
- heavy simulations: SQS messages, IAM evaluations, Auto Scaling minutes and CloudFront requests per second, and the
  same SQS and IAM work through the real implementations (boto3 on the emulator, moto's IAM evaluator) as a ratio.

``--quick`` runs a small version of everything (CI proves the benchmark works; the numbers go in the notes).
Results are printed as a table and written as JSON, with the machine they were measured on (CPU, cores, load
average before and after). ``--publish`` also copies the JSON to ``book/performance.json`` and regenerates the
book's page ``book/performance.md`` from it (:func:`render_page`), so a regression shows on the site.

Explorer updates are timed twice: wall time (what a learner feels on an idle machine) and CPU time of the thread
(``time.thread_time``: the same on a loaded machine, so it is what tests and targets use).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import awslab

TARGETS = {"explorer_p95_ms": 16.0, "import_ms": 200.0, "notebook_s": 15.0, "notebook_fixed_s": 2.0, "course_s": 60.0}
PAGE = Path(__file__).resolve().parent.parent / "book" / "performance.md"
PAGE_DATA = PAGE.with_suffix(".json")
UI_MODULES = ("figures", "explorers", "__init__")
HEAVY = ("plotly", "ipywidgets", "boto3")


def model_modules() -> list[str]:
    """Every model module: awslab.<chapter>.<service>, not figures/explorers."""
    found = []
    for chapter in pkgutil.iter_modules(awslab.__path__):
        if not chapter.ispkg:
            continue
        package = importlib.import_module(f"awslab.{chapter.name}")
        for module in pkgutil.iter_modules(package.__path__):
            if not module.ispkg and not module.name.startswith(UI_MODULES):
                found.append(f"awslab.{chapter.name}.{module.name}")
    return sorted(found)


def explorer_builders() -> list[tuple[str, object]]:
    """Every ``explore_*`` function of every chapter's explorers module(s)."""
    builders = []
    for chapter in pkgutil.iter_modules(awslab.__path__):
        if not chapter.ispkg:
            continue
        package = importlib.import_module(f"awslab.{chapter.name}")
        for module in pkgutil.iter_modules(package.__path__):
            if module.name.startswith("explorers"):
                mod = importlib.import_module(f"awslab.{chapter.name}.{module.name}")
                for name, func in inspect.getmembers(mod, inspect.isfunction):
                    own = func.__module__ == mod.__name__ or func.__module__.startswith(f"{mod.__name__}.")
                    if name.startswith("explore_") and own:
                        builders.append((f"{chapter.name}.{name}", func))
    return sorted(builders, key=lambda item: item[0])


def bench_explorer(build, repeats: int) -> dict:
    """Time ``repeats`` updates over the explorer's main control (model + figure + JSON)."""
    explorer = build()
    control = next(c for c in explorer.controls if c.name == explorer.main)
    steps = control.steps() or [control.value]
    times, cpu = [], []
    for i in range(repeats):
        values = {**explorer.values, explorer.main: steps[i % len(steps)]}
        start, start_cpu = time.perf_counter(), time.thread_time()
        try:
            view = explorer.view(**values)
            view.figure.to_json()
        except ValueError:
            continue
        cpu.append((time.thread_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    cpu.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "p50_cpu_ms": round(statistics.median(cpu), 2),
        "p95_cpu_ms": round(cpu[int(0.95 * (len(cpu) - 1))], 2),
        "updates": len(times),
    }


def machine() -> dict:
    """What the numbers were measured on: CPU model, cores, memory, OS, Python, and the load average now."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    memory_gib = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory_gib = round(pages / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return {
        "cpu": model or "unknown",
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def notebook_breakdown(notebook: dict, seconds: float) -> dict:
    """Seconds of one executed notebook by part, from papermill's timings (see the module docstring)."""
    from datetime import datetime

    def at(text: str) -> float:
        return datetime.fromisoformat(text).timestamp()

    code = [
        c
        for c in notebook["cells"]
        if c["cell_type"] == "code" and c["metadata"].get("papermill", {}).get("start_time")
    ]
    if not code or not notebook["metadata"].get("papermill", {}).get("start_time"):
        return {}
    kernel = max(
        0.0, at(code[0]["metadata"]["papermill"]["start_time"]) - at(notebook["metadata"]["papermill"]["start_time"])
    )
    imports = emulator = cells = 0.0
    sandbox_seen = False
    for cell in code:
        duration = cell["metadata"]["papermill"].get("duration") or 0.0
        tags = cell["metadata"].get("tags", [])
        text = "".join(cell["source"])
        if "parameters" in tags or "validate-parameters" in tags:
            imports += duration
        elif not sandbox_seen and ("sandbox(" in text):
            sandbox_seen = True
            emulator += duration
        else:
            cells += duration
    parts = {"kernel_s": kernel, "imports_s": imports, "emulator_s": emulator, "cells_s": cells}
    parts["other_s"] = max(0.0, seconds - sum(parts.values()))
    parts["fixed_s"] = kernel + imports + emulator
    return {k: round(v, 2) for k, v in parts.items()}


def bench_import(module: str) -> dict:
    """Import ``module`` in a fresh interpreter; milliseconds and which heavy UI/SDK packages came along."""
    code = (
        f"import sys, time; t = time.perf_counter(); import {module}; "
        f"print(round((time.perf_counter() - t) * 1000, 1)); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    return {"import_ms": float(out[0]), "heavy": out[1]}


def bench_sqs(messages: int) -> dict:
    """Send, receive and delete ``messages`` in batches of 10: simulator against boto3 on the emulator."""
    from awslab.app_services.sqs import SimulatedQueue
    from awslab.sandbox import sandbox

    queue = SimulatedQueue()
    start = time.perf_counter()
    now = 0.0
    for i in range(messages):
        queue.send_message(f"m{i}", now)
    for _ in range(-(-messages // 10)):
        for message in queue.receive_message(now, 10):
            queue.delete_message(message["ReceiptHandle"], now)
        now += 0.001
    simulator_s = time.perf_counter() - start
    if queue.approximate_number_of_messages(now) or queue.approximate_number_of_messages_not_visible(now):
        raise ValueError("the SQS benchmark left messages behind: the simulator lost track of some")
    emulated = max(20, messages // 50)
    with sandbox() as aws:
        sqs = aws.client("sqs")
        url = sqs.create_queue(QueueName="bench")["QueueUrl"]
        start = time.perf_counter()
        for i in range(0, emulated, 10):
            sqs.send_message_batch(
                QueueUrl=url, Entries=[{"Id": str(j), "MessageBody": f"m{i + j}"} for j in range(10)]
            )
        received = 0
        while received < emulated:
            batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
            if batch:
                sqs.delete_message_batch(
                    QueueUrl=url,
                    Entries=[{"Id": str(k), "ReceiptHandle": m["ReceiptHandle"]} for k, m in enumerate(batch)],
                )
            received += len(batch)
        emulator_s = time.perf_counter() - start
    sim_rate, emu_rate = messages / simulator_s, emulated / emulator_s
    return {
        "simulator_msgs_per_s": round(sim_rate),
        "emulator_msgs_per_s": round(emu_rate, 1),
        "ratio": round(sim_rate / emu_rate, 1),
    }


IAM_POLICIES = [
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReadReports",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
            },
            {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"},
        ],
    },
    {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "Ec2Describe", "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"},
            {
                "Sid": "StartStopDev",
                "Effect": "Allow",
                "Action": ["ec2:StartInstances", "ec2:StopInstances"],
                "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/*",
            },
        ],
    },
]
IAM_REQUESTS = [
    ("s3:GetObject", "arn:aws:s3:::reports/2026/q3.csv"),
    ("s3:DeleteObject", "arn:aws:s3:::reports/x"),
    ("s3:PutObject", "arn:aws:s3:::reports/x"),
    ("ec2:DescribeInstances", "*"),
    ("ec2:StopInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"),
    ("iam:CreateUser", "arn:aws:iam::123456789012:user/bob"),
]


def bench_iam(evaluations: int) -> dict:
    """Evaluations per second of our evaluator and of moto's (on requests both can judge), and their agreement."""
    from moto.iam.access_control import IAMPolicy, PermissionResult

    from awslab.security.iam import evaluate

    texts = [json.dumps(p) for p in IAM_POLICIES]

    def moto_decision(action: str, resource: str) -> str:
        permitted = False
        for text in texts:
            result = IAMPolicy(text).is_action_permitted(action, resource)
            if result == PermissionResult.DENIED:
                return "explicitDeny"
            permitted = permitted or result == PermissionResult.PERMITTED
        return "allowed" if permitted else "implicitDeny"

    cases = [IAM_REQUESTS[i % len(IAM_REQUESTS)] for i in range(evaluations)]
    start = time.perf_counter()
    ours = [evaluate(IAM_POLICIES, a, r).decision for a, r in cases]
    ours_s = time.perf_counter() - start
    # Each request bringing its own, freshly built documents (as a learner's code or a batch of requests does): new
    # dicts, and pretty-printed JSON text, built before the clock starts.
    fresh = [json.loads(texts_json) for texts_json in [json.dumps(IAM_POLICIES)] * evaluations]
    start = time.perf_counter()
    ours_fresh = [evaluate(p, a, r).decision for p, (a, r) in zip(fresh, cases, strict=True)]
    fresh_s = time.perf_counter() - start
    pretty = [json.dumps(p, indent=2) for p in IAM_POLICIES]
    start = time.perf_counter()
    ours_text = [evaluate(pretty, a, r).decision for a, r in cases]
    text_s = time.perf_counter() - start
    if ours_fresh != ours or ours_text != ours:
        raise ValueError("fresh dicts or JSON text gave other decisions than the same documents")
    from awslab.security.iam_policy import compile_policy

    compiled = [compile_policy(p) for p in IAM_POLICIES]  # what an explorer or a batch of requests reuses
    start = time.perf_counter()
    ours_compiled = [evaluate(compiled, a, r).decision for a, r in cases]
    compiled_s = time.perf_counter() - start
    if ours_compiled != ours:
        raise ValueError("compiled and uncompiled policies gave different decisions")
    start = time.perf_counter()
    theirs = [moto_decision(a, r) for a, r in cases]
    moto_s = time.perf_counter() - start
    agree = sum(a == b for a, b in zip(ours, theirs, strict=True)) / len(cases)
    return {
        "ours_per_s": round(evaluations / ours_s),
        "ours_compiled_per_s": round(evaluations / compiled_s),
        "moto_per_s": round(evaluations / moto_s),
        "ours_fresh_dicts_per_s": round(evaluations / fresh_s),
        "ours_json_text_per_s": round(evaluations / text_s),
        "ratio": round(moto_s / ours_s, 2),
        "ratio_compiled": round(moto_s / compiled_s, 2),
        "ratio_fresh_dicts": round(moto_s / fresh_s, 2),
        "ratio_json_text": round(moto_s / text_s, 2),
        "agreement": round(agree, 4),
    }


def bench_autoscaling(days: int) -> dict:
    """Auto Scaling group minutes simulated per second (target tracking over a seeded daily load)."""
    from awslab.compute.asg_sim import daily_load, simulate_group

    load = daily_load(minutes=1440 * days)
    policy = [
        {
            "PolicyType": "TargetTrackingScaling",
            "TargetTrackingConfiguration": {
                "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
                "TargetValue": 50.0,
            },
        }
    ]
    start = time.perf_counter()
    simulate_group(load, policy, min_size=2, max_size=20, desired_capacity=2)
    return {"minutes_per_s": round(len(load) / (time.perf_counter() - start))}


def bench_cloudfront(requests: int) -> dict:
    """CloudFront edge-cache requests simulated per second."""
    from awslab.storage.cloudfront import simulate_edge_cache

    rate = 1000.0
    start = time.perf_counter()
    simulate_edge_cache(requests_per_second=rate, duration_seconds=requests / rate)
    return {"requests_per_s": round(requests / (time.perf_counter() - start))}


def bench_notebooks(run_now: bool, executed: Path) -> dict:
    """Seconds per notebook and the course's wall time, from a fresh batch run or from the last one on disk."""
    import contextlib
    import io
    import tempfile

    from awslab import runner

    def breakdown(folder: Path, summary: dict) -> dict:
        parts = {}
        for name, entry in summary["notebooks"].items():
            copy = folder / (entry.get("executed") or name)
            if entry["ok"] and copy.exists():
                try:
                    parts[name] = notebook_breakdown(json.loads(copy.read_text()), entry["seconds"])
                except (ValueError, KeyError, TypeError):
                    continue
        return parts

    if run_now:
        with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()):
            started_cpu = _children_cpu()
            runner.run(None, {}, Path(tmp), runner.default_jobs())
            cpu_seconds = round(_children_cpu() - started_cpu, 1)
            summary = json.loads((Path(tmp) / "default" / "results.json").read_text())
            parts = breakdown(Path(tmp) / "default", summary)
        source = "measured now"
    else:
        path = executed / "default" / "results.json"
        if not path.exists():
            return {"source": f"not measured: no {path} (run `make run` first, or bench --notebooks)"}
        summary = json.loads(path.read_text())
        parts = breakdown(path.parent, summary)
        source = f"from {path}"
        cpu_seconds = None
    seconds = {name: entry["seconds"] for name, entry in summary["notebooks"].items()}
    return {
        "source": source,
        "jobs": summary.get("jobs"),
        "wall_seconds": summary.get("wall_seconds"),
        "cpu_seconds": cpu_seconds,
        "failed": sorted(name for name, entry in summary["notebooks"].items() if not entry["ok"]),
        "seconds": seconds,
        "breakdown": parts,
    }


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children: the run's workers and their kernels."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_benchmarks(quick: bool = False, notebooks: bool = False, executed: Path | None = None) -> dict:
    """Everything above; ``quick`` shrinks every workload so the whole run takes seconds."""
    report: dict = {"quick": quick, "targets": TARGETS, "explorers": {}, "imports": {}, "throughput": {}}
    report["machine"] = machine()
    for name, build in explorer_builders():
        report["explorers"][name] = bench_explorer(build, 5 if quick else 40)
    for module in model_modules()[: 5 if quick else None]:
        report["imports"][module] = bench_import(module)
    report["ui_import"] = bench_import("awslab.ui")
    report["notebooks"] = bench_notebooks(
        notebooks, executed or Path(awslab.__file__).parent.parent / "_build" / "executed"
    )
    scale = 1 if quick else 50
    for name, func, size in [
        ("sqs", bench_sqs, 2_000 * scale),
        ("iam", bench_iam, 300 * scale),
        ("autoscaling", bench_autoscaling, 1 if quick else 30),
        ("cloudfront", bench_cloudfront, 20_000 * scale),
    ]:
        try:
            report["throughput"][name] = func(size)
        except (ImportError, TypeError, ValueError) as exc:  # a chapter's API changed: say so, do not hide it
            report["throughput"][name] = {"error": f"{type(exc).__name__}: {exc}"}
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def print_report(report: dict) -> None:
    print(f"{'explorer':<58}{'p50 ms':>9}{'p95 ms':>9}  target p95 < {TARGETS['explorer_p95_ms']:g} ms")
    for name, r in report["explorers"].items():
        flag = "" if r["p95_ms"] < TARGETS["explorer_p95_ms"] else "  OVER"
        print(f"{name:<58}{r['p50_ms']:>9}{r['p95_ms']:>9}{flag}")
    print(f"\n{'model module':<58}{'import ms':>10}  heavy imports")
    for name, r in report["imports"].items():
        flag = "" if r["import_ms"] < TARGETS["import_ms"] and not r["heavy"] else "  OVER"
        print(f"{name:<58}{r['import_ms']:>10}  {r['heavy'] or '-'}{flag}")
    ui = report["ui_import"]
    print(f"{'awslab.ui (with plotly, ipywidgets)':<58}{ui['import_ms']:>10}  {ui['heavy'] or '-'}")
    nbs = report["notebooks"]
    print(f"\nnotebooks ({nbs['source']})")
    if "seconds" in nbs:
        parts = nbs.get("breakdown", {})
        print(f"  {'':<56}{'total':>8}  {'kernel':>7}{'imports':>8}{'emulator':>9}{'cells':>7}{'other':>7}{'fixed':>7}")
        for name, seconds in nbs["seconds"].items():
            flag = "" if seconds < TARGETS["notebook_s"] else "  OVER"
            b = parts.get(name)
            split = (
                "".join(
                    f"{b[k]:>{w}.2f}" for k, w in (("kernel_s", 7), ("imports_s", 8), ("emulator_s", 9), ("cells_s", 7))
                )
                + f"{b['other_s']:>7.2f}{b['fixed_s']:>7.2f}"
                if b
                else ""
            )
            if b and b["fixed_s"] >= TARGETS["notebook_fixed_s"]:
                flag += "  FIXED OVER"
            print(f"  {name:<56}{seconds:>8.1f}  {split}{flag}")
        wall = nbs.get("wall_seconds")
        if wall is not None:
            flag = "" if wall < TARGETS["course_s"] else "  OVER"
            print(f"  {'whole course, ' + str(nbs['jobs']) + ' jobs (target < 180 s)':<56}{wall:>8.1f} s{flag}")
    print("\nthroughput")
    for name, r in report["throughput"].items():
        print(f"  {name:<14}" + ", ".join(f"{k}={v}" for k, v in r.items()))


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["--:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def render_page(report: dict) -> str:
    """The book's performance page (MyST Markdown) for a bench report: deterministic, so it is committed."""
    m = report.get("machine", {})
    nbs = report.get("notebooks", {})
    lines = [
        "# Performance",
        "",
        "What the course costs to run, measured by `python -m awslab bench --notebooks --publish` (the numbers below are",
        "generated from the committed `book/performance.json`; rerun the command to refresh them, and a regression shows",
        "here). Times are seconds unless marked; an explorer's update is the model, its figure and the figure's JSON.",
        "",
        "## The machine",
        "",
        f"- CPU: {m.get('cpu', 'unknown')}, {m.get('cores', '?')} cores; memory {m.get('memory_gib', '?')} GiB",
        f"- {m.get('os', '')}, Python {m.get('python', '')}",
        f"- load average (1, 5, 15 min) at the start {m.get('load_average', '?')}, at the end "
        f"{m.get('load_average_after', '?')}: the wall times depend on it, CPU times much less",
        "",
        "## The whole course",
        "",
    ]
    if "seconds" in nbs:
        lines += [
            f"- {len(nbs['seconds'])} notebooks with {nbs.get('jobs')} parallel jobs, each in a fresh kernel: "
            f"{nbs.get('wall_seconds')} s wall (target under {TARGETS['course_s']:g} s on the idle machine)"
            + (f", {nbs['cpu_seconds']} s of CPU" if nbs.get("cpu_seconds") is not None else ""),
            f"- failed: {', '.join(nbs['failed']) or 'none'}",
            "",
            "## Each notebook",
            "",
            "Fixed cost = kernel start + the course's imports (the parameter cells) + the first cell that starts the "
            f"emulator (its set-up and the lab's first calls); target under {TARGETS['notebook_fixed_s']:g} s. "
            "Other = papermill, writing the notebook, stopping the kernel.",
            "",
        ]
        parts = nbs.get("breakdown", {})
        rows = []
        for name, seconds in sorted(nbs["seconds"].items()):
            b = parts.get(name, {})
            cells = [b.get(k, "") for k in ("kernel_s", "imports_s", "emulator_s", "cells_s", "other_s", "fixed_s")]
            rows.append([f"`{name}`", seconds, *cells])
        lines += _table(["notebook", "total", "kernel", "imports", "emulator", "own cells", "other", "fixed"], rows)
    else:
        lines.append(f"Not measured in this report ({nbs.get('source', 'no notebook run')}).")
    lines += [
        "",
        "## Explorers",
        "",
        f"One update's milliseconds, wall and CPU (target: p95 under {TARGETS['explorer_p95_ms']:g} ms).",
        "",
    ]
    rows = [
        [f"`{name}`", r["p50_ms"], r["p95_ms"], r.get("p50_cpu_ms", ""), r.get("p95_cpu_ms", "")]
        for name, r in sorted(report.get("explorers", {}).items())
    ]
    lines += _table(["explorer", "p50 ms", "p95 ms", "p50 CPU ms", "p95 CPU ms"], rows)
    lines += ["", "## Simulations and the real implementations", ""]
    rows = [
        [name, ", ".join(f"{k} {v}" for k, v in sorted(r.items()))]
        for name, r in sorted(report.get("throughput", {}).items())
    ]
    lines += _table(["workload", "results"], rows)
    ui = report.get("ui_import", {})
    lines += [
        "",
        f"Importing the course's UI layer (`awslab.ui`, with plotly and ipywidgets) took {ui.get('import_ms', '?')} ms in "
        "a fresh interpreter.",
        "",
    ]
    return "\n".join(lines)


def publish(report: dict, page: Path = PAGE) -> None:
    """Commit-ready copies: the report as ``book/performance.json`` and the page generated from it (sorted, so the
    page is the same whether rendered from the report in memory or read back from the file)."""
    page.with_suffix(".json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    page.write_text(render_page(report))


def main(quick: bool, output: Path, notebooks: bool = False, publish_page: bool = False) -> int:
    report = run_benchmarks(quick, notebooks)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=1, sort_keys=True))
    print_report(report)
    print(f"\nwritten to {output}")
    if publish_page:
        publish(report)
        print(f"published to {PAGE} and {PAGE_DATA}")
    errors = [n for n, r in report["throughput"].items() if "error" in r]
    return 1 if errors else 0
