"""Command line: ``python -m awslab run|params|execute|book|compare|bench|exam`` (see awslab.runner, awslab.exam)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awslab import runner


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m awslab", description="Run the awslab course notebooks.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="batch-execute notebooks with papermill into _build/executed/")
    run.add_argument("notebooks", nargs="*", help="notebooks or folders (default: every notebook)")
    run.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a parameter in every notebook that declares it",
    )
    run.add_argument("--jobs", type=int, default=runner.default_jobs(), help="notebooks run at once (default: cores)")
    run.add_argument(
        "--output", type=Path, default=runner.ROOT / "_build" / "executed", help="where executed copies go"
    )
    run.add_argument("--timeout", type=int, default=600, help="seconds a cell may run")
    run.add_argument("--scenario", type=Path, help="a scenario YAML file (parameters for all or some notebooks)")
    run.add_argument("--shard", help="run only shard i of n (e.g. 2/4), for CI matrix jobs on several machines")

    params = commands.add_parser("params", help="list a notebook's parameters, defaults and meaning")
    params.add_argument("notebook", type=Path)

    execute = commands.add_parser("execute", help="re-execute notebooks in place (authors: before committing)")
    execute.add_argument("notebooks", nargs="*")

    book = commands.add_parser("book", help="build the static site into _build/html from executed copies")
    book.add_argument("--jobs", type=int, default=runner.default_jobs(), help="notebooks run at once if any must run")

    compare = commands.add_parser("compare", help="compare scenario runs: comparison.csv and comparison.html")
    compare.add_argument("results", nargs="*", type=Path, help="results.json files (default: every scenario run)")
    compare.add_argument("--output", type=Path, default=runner.ROOT / "_build" / "executed")

    bench = commands.add_parser("bench", help="measure explorer latency, import times and simulation throughput")
    bench.add_argument("--quick", action="store_true", help="small workloads (a smoke test of the benchmark)")
    bench.add_argument("--output", type=Path, default=runner.ROOT / "_build" / "bench.json")
    bench.add_argument(
        "--notebooks", action="store_true", help="also batch-run every notebook now (else read the last `make run`)"
    )
    bench.add_argument(
        "--publish", action="store_true", help="write book/performance.json and regenerate book/performance.md"
    )

    exam = commands.add_parser("exam", help="print or export a seeded practice exam (questions, answer key, blueprint)")
    exam.add_argument("--exam", default="saa", help="saa (SAA-C03) or sap (SAP-C02); default saa")
    exam.add_argument("--seed", required=True, help="a whole number, 0 or more: the same seed gives the same exam")
    exam.add_argument("--count", help="questions (default: the real exam's, 65 for saa, 75 for sap)")
    exam.add_argument("--format", choices=("md", "json"), help="md or json (default: from --output's suffix, else md)")
    exam.add_argument("--output", type=Path, help="write to this file instead of printing")

    def one_line(message: str):  # a bad exam argument: one line, not argparse's usage block
        print(f"error: python -m awslab exam: {message}", file=sys.stderr)
        sys.exit(2)

    exam.error = one_line

    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            given: dict[str, str] = {}
            for name, value in args.parameter:
                if name in given and given[name] != value:
                    raise ValueError(f"-p {name} is given twice ({given[name]!r} and {value!r}); give it once")
                given[name] = value
            return runner.run(
                args.notebooks,
                given,
                args.output,
                args.jobs,
                args.timeout,
                scenario_file=args.scenario,
                shard_spec=args.shard,
            )
        if args.command == "params":
            for p in runner.notebook_parameters(args.notebook):
                print(f"{p.name} = {p.default!r}    # {p.meaning}")
            return 0
        if args.command == "book":
            return runner.build_book(args.jobs)
        if args.command == "bench":
            from awslab.bench import main as bench_main

            return bench_main(args.quick, args.output, args.notebooks, args.publish)
        if args.command == "compare":
            from awslab.compare import load_runs, write_comparison

            files = args.results or sorted((runner.ROOT / "_build" / "executed").glob("*/results.json"))
            csv_path, html_path = write_comparison(load_runs(files), args.output)
            print(f"wrote {csv_path} and {html_path}")
            return 0
        if args.command == "exam":
            return _exam(args)
        return runner.execute_in_place(args.notebooks)
    except (ValueError, OSError) as exc:  # a bad argument or file: one line, never a traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _whole(name: str, text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"--{name} {text!r} must be a whole number") from None


def _exam(args) -> int:
    from awslab.exam.export import practice_exam, write

    fmt = args.format or ("json" if args.output is not None and args.output.suffix == ".json" else "md")
    data = practice_exam(args.exam, seed=_whole("seed", args.seed), count=_whole("count", args.count))
    text = write(data, fmt, args.output)
    if args.output is None:
        sys.stdout.write(text)
    else:
        print(f"wrote {args.output} ({data['exam']}, seed {data['seed']}, {data['count']} questions, {fmt})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
