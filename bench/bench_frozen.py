"""The frozen program: build time, bundle size, and how fast its window appears.

Builds the one-folder app as the README says (or takes a built one: --app FOLDER),
then starts it on the demo ledger under Xvfb and times launch → main window mapped
(seen with `xwininfo`), first with an empty data folder (matplotlib's font cache is
built then, on the first chart) and then RUNS times more; the floor, measured in the
same run, is the same program printing `--version` (launcher, Python and our code,
no Qt). Linux: needs xvfb, x11-utils and Qt's xcb libraries (libxcb-icccm4,
libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxkbcommon-x11-0,
libxcb-cursor0, libxcb-shape0). Run: `uv run python bench/bench_frozen.py`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "installer")]

from bundle import APP_NAME, CLI_NAME, build_command  # noqa: E402

from app.demo.build import create_demo  # noqa: E402

RUNS = 5
TITLE = "帮扶台账"
DISPLAY = ":73"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, help="a built dist/BangfuLedger folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bangfu-bench-") as name:
        folder = Path(name)
        app = args.app or build(folder)
        size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
        print(f"bundle:          {size / 1e6:.0f} MB in {sum(1 for _ in app.rglob('*'))} files")
        demo = create_demo(folder / "demo.db")
        env = {**os.environ, "XDG_DATA_HOME": str(folder / "data"), "DISPLAY": DISPLAY}
        env["XDG_CONFIG_HOME"] = str(folder / "config")
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("MPLCONFIGDIR", None)
        floors = [timed_version(app, env) for _ in range(RUNS)]
        with xvfb():
            first = time_to_window(app, demo, env)
            starts = [time_to_window(app, demo, env) for _ in range(RUNS)]
    floor, start = statistics.median(floors), statistics.median(starts)
    print(f"--version:       {floor:.2f} s (median of {RUNS}: the floor)")
    print(f"window, 1st run: {first:.2f} s (empty data folder)")
    print(f"window:          {start:.2f} s (median of {RUNS}), {start / floor:.1f}x the floor")


def build(folder: Path) -> Path:
    started = time.monotonic()
    subprocess.run(build_command(folder / "dist", folder / "work"), cwd=ROOT, check=True)
    print(f"build:           {time.monotonic() - started:.0f} s (PyInstaller, one folder)")
    return folder / "dist" / APP_NAME


def timed_version(app: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([str(app / CLI_NAME), "--version"], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def time_to_window(app: Path, demo: Path, env: dict[str, str]) -> float:
    database = Path(shutil.copy(demo, demo.with_name("run.db")))
    started = time.perf_counter()
    program = subprocess.Popen([str(app / APP_NAME), "--db", str(database)], env=env)
    try:
        while program.poll() is None:
            if _window_viewable(env):
                return time.perf_counter() - started
            time.sleep(0.02)
        raise RuntimeError(f"the program ended ({program.returncode}) before its window showed")
    finally:
        program.terminate()
        program.wait()


def _window_viewable(env: dict[str, str]) -> bool:
    """The main window (its title starts with TITLE) is mapped on the screen."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True)
    for line in tree.stdout.splitlines():
        if f'"{TITLE} ' in line:
            window = line.split()[0]
            info = subprocess.run(
                ["xwininfo", "-id", window], env=env, capture_output=True, text=True
            ).stdout
            return "IsViewable" in info
    return False


class xvfb:
    """A virtual X screen for the runs, ended with them."""

    def __enter__(self) -> None:
        self.server = subprocess.Popen(
            ["Xvfb", DISPLAY, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        socket = Path("/tmp/.X11-unix") / f"X{DISPLAY[1:]}"
        deadline = time.monotonic() + 10
        while not socket.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)

    def __exit__(self, *_exc: object) -> None:
        self.server.terminate()
        self.server.wait()


if __name__ == "__main__":
    main()
