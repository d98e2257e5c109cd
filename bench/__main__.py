"""`uv run python -m bench [--quick] [--only NAME ...]`: the province benchmark of issue #14.

Builds (or finds in `bench/.cache/`) the province data set of `bench/province.py`,
then runs each suite on it and prints one table: name, median, floor measured in the
same run, ratio, target, met?. Suites (for `--only`): build, summary, reports, start,
pages, grid, audit, exchange. `--quick` uses a data set a tenth the size (a smoke run;
its figures are not the targets' figures). `--markdown FILE` also writes the table
with the machine and the command, for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.periods import Quarter
from bench.harness import Result, compile_bytecode, table
from bench.province import FULL, QUICK, build_timings, province_file
from bench.suite_reports import PYTHON, ROOT

REPORT_QUARTER = Quarter(2020, 4)  # mid-way: every window of the summary has records


def build_results(path: Path) -> list[Result]:
    timings = build_timings(path)
    rows = {"staff": "staff", "provisions": "provisions", "outcomes": "outcomes"}
    return [
        Result(f"build: {name} through write_rows", timings[key], note="cached; once per hash")
        for name, key in rows.items()
        if key in timings
    ]


def exchange_results(_path: Path) -> list[Result]:
    """bench_exchange.py builds its own workbook and ledger (issue #11's bench): run it
    and pass its own table through."""
    done = subprocess.run(
        [str(PYTHON), str(ROOT / "bench" / "bench_exchange.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    print(done.stdout, done.stderr[-2000:] if done.returncode else "", sep="\n")
    return []


def suites(quarter: Quarter) -> dict[str, Callable[[Path], list[Result]]]:
    from bench.suite_audit import audit_results
    from bench.suite_pages import grid_results, page_results
    from bench.suite_reports import report_results, summary_results
    from bench.suite_start import start_results

    def grid(path: Path) -> list[Result]:
        with tempfile.TemporaryDirectory() as folder:
            return grid_results(Path(shutil.copy(path, Path(folder) / "grid.db")))

    return {
        "build": build_results,
        "summary": lambda path: summary_results(path, quarter),
        "reports": lambda path: report_results(path, quarter),
        "start": start_results,
        "pages": page_results,
        "grid": grid,
        "audit": audit_results,
        "exchange": exchange_results,
    }


def machine() -> str:
    memory = ""
    if Path("/proc/meminfo").exists():
        total = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
        memory = f", {total:.0f} GB memory"
    load = f", load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{platform.platform()}, {os.cpu_count()} cores{memory}{load}"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="a smaller data set (smoke run)")
    parser.add_argument("--only", action="append", default=[], help="run only this suite")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"bytecode compiled ({compile_bytecode():.1f} s)")
    scale = QUICK if args.quick else FULL
    print(f"province data set: {scale}")
    path = province_file(scale)
    print(f"ledger: {path} ({path.stat().st_size / 2**20:,.0f} MB)")
    chosen = suites(REPORT_QUARTER)
    unknown = set(args.only) - set(chosen)
    if unknown:
        parser.error(f"unknown suite {', '.join(sorted(unknown))}; choose from {', '.join(chosen)}")
    results: list[Result] = []
    for name, run in chosen.items():
        if args.only and name not in args.only:
            continue
        print(f"… {name}", flush=True)
        got = run(path)
        print(table(got), flush=True)
        results += got
    text = table(results)
    print("\n" + text)
    if args.markdown:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        command = "python -m bench " + " ".join(sys.argv[1:])
        args.markdown.write_text(
            f"Measured {stamp} on {machine()}; command `{command}`; report quarter "
            f"{REPORT_QUARTER}.\n\n{text}\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
