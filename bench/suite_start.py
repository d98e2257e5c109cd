"""The program's start, quit and memory, each in a fresh process (`bench/gui_probe.py`).

Run with the project's interpreter directly (not `uv run`), on Qt's offscreen
platform unless DISPLAY names a screen. The runs share one new settings and data
folder: the first, unmeasured run is the clerk's first start (it checks the whole
file once, and the window opens on the dashboard); the measured ones are the starts
after it (the file closed cleanly and checked today, as on any working day).
matplotlib's font cache is kept under the bench cache. The floor
is a bare PySide6 QMainWindow process shown and idle (and closed, for the quit).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.harness import Result, median_value
from bench.province import CACHE
from bench.suite_reports import PYTHON, ROOT

PROBE = Path(__file__).with_name("gui_probe.py")


def probe(*args: str, folder: Path) -> tuple[dict[str, float], float]:
    """The moments the probe printed, and the whole process's wall time."""
    settings = folder / "user"
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(settings / "config"),
        "XDG_DATA_HOME": str(settings / "data"),
        "MPLCONFIGDIR": str(CACHE / "matplotlib"),
    }
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["BENCH_T0"] = repr(time.time())
    started = time.perf_counter()
    done = subprocess.run(
        [str(PYTHON), str(PROBE), *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    moments = {
        name: float(value)
        for name, value in (line.split() for line in done.stdout.splitlines() if line.strip())
    }
    if done.returncode or "timeout" in moments:
        raise RuntimeError(f"probe {args} failed ({done.returncode}): {done.stderr[-2000:]}")
    return moments, wall


def start_results(path: Path, runs: int = 5) -> list[Result]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ledger = Path(shutil.copy(path, folder / "province.db"))
        probe("app", str(ledger), folder=folder)  # warm the disk cache and the font cache
        bare_shown = median_value(lambda: probe("bare", folder=folder)[0]["shown"], runs)
        bare_quit = median_value(lambda: probe("bare", "--quit", folder=folder)[1], runs)
        runs_seen = [probe("app", str(ledger), folder=folder)[0] for _ in range(runs)]
        ready = sorted(run["ready"] for run in runs_seen)[runs // 2]
        shown = sorted(run["shown"] for run in runs_seen)[runs // 2]
        data = sorted(run["data"] for run in runs_seen)[runs // 2]
        charts = sorted(run["charts"] for run in runs_seen)[runs // 2]
        quit_wall = median_value(
            lambda: probe("app", str(ledger), "--quit", folder=folder)[1], runs
        )
        visit = probe("app", str(ledger), "--visit", folder=folder)[0]
    pages = ", ".join(
        f"{name[len('rss_after_') :]} {value:.0f}"
        for name, value in visit.items()
        if name.startswith("rss_after_")
    )
    return [
        Result(
            "start: main window shown and idle",
            shown,
            floor=bare_shown,
            max_ratio=1.5,
            note="floor: bare QMainWindow process; opening, the ledger opens behind it",
        ),
        Result(
            "start: ledger attached to the window",
            ready,
            floor=bare_shown,
            note="its first page built, its reads started",
        ),
        Result(
            "start then quit at once",
            quit_wall,
            floor=bare_quit,
            max_ratio=2,
            note="floor: bare start + quit",
        ),
        Result(
            "start: first page's data painted",
            data,
            limit=0.6,
            note="dashboard: the quarter's figures",
        ),
        Result("start: first page's charts drawn", charts, note="dashboard: trend, 3 charts"),
        Result(
            "GUI peak memory, every page visited",
            visit["peak_mb"],
            unit="MB",
            limit=300,
            note=f"VmHWM; RSS after each page (MB): {pages}",
        ),
    ]
