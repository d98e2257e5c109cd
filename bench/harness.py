"""The one set of timing helpers every bench uses, and the table they print.

A measurement is the median of several runs; a floor (the least the task could cost,
measured in the same run on the same machine) makes the figure comparable across
machines and under load. A target is either a ratio to the floor or an absolute
limit (or both); `met` says whether the median meets every limit it has.
"""

from __future__ import annotations

import compileall
import statistics
import sysconfig
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

RUNS = 7
ROOT = Path(__file__).resolve().parents[1]


def compile_bytecode() -> float:
    """Compile the app and its environment to bytecode first; the seconds it took.

    The installed program runs from compiled bytecode (PyInstaller's bundle holds it),
    and so does any Python that may write `__pycache__`. With PYTHONDONTWRITEBYTECODE
    set (as on some build machines) every process would compile each imported module
    from source again, a second or more of start-up that no clerk's PC pays. Files
    already compiled are skipped, so only the first run of a fresh environment waits.
    """
    started = time.perf_counter()
    folders = [ROOT / name for name in ("app", "ui", "bench")]
    folders.append(Path(sysconfig.get_paths()["purelib"]))
    for folder in folders:
        compileall.compile_dir(folder, quiet=2, workers=0)
    compileall.compile_file(ROOT / "main.py", quiet=2)
    return time.perf_counter() - started


@dataclass(frozen=True)
class Result:
    """One row of the table. `value` and `floor` are in `unit` (seconds are shown in ms)."""

    name: str
    value: float
    unit: str = "s"
    floor: float | None = None
    max_ratio: float | None = None  # value / floor must stay at or below
    limit: float | None = None  # value must stay at or below (in `unit`)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return None if self.floor in (None, 0) else self.value / self.floor  # type: ignore[operator]

    @property
    def met(self) -> bool | None:
        checks: list[bool] = []
        if self.max_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.max_ratio)
        if self.limit is not None:
            checks.append(self.value <= self.limit)
        return all(checks) if checks else None

    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        if self.limit is not None:
            parts.append(f"≤ {_show(self.limit, self.unit)}")
        return " and ".join(parts) or "—"


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def median_of(run: Callable[[], object], runs: int = RUNS, *, warm: bool = True) -> float:
    """Median seconds of `runs` calls, after one unmeasured call (caches, pages) when `warm`."""
    if warm:
        run()
    return statistics.median(timed(run) for _ in range(runs))


def median_value(sample: Callable[[], float], runs: int = RUNS) -> float:
    """Median of `runs` values a sampler measured itself (a subprocess's own clock)."""
    return statistics.median(sample() for _ in range(runs))


def _show(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1e3:,.1f} ms" if value < 1 else f"{value:,.2f} s"
    if unit in ("MB", "rows/s", "statements", "×"):
        return f"{value:,.0f} {unit}" if value >= 10 else f"{value:,.2f} {unit}"
    return f"{value:,.3g} {unit}"


def table(results: Iterable[Result]) -> str:
    """The results as a Markdown table (prints well in a terminal and in RESULTS.md)."""
    lines = [
        "| name | median | floor | ratio | target | met? | note |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for result in results:
        floor = "—" if result.floor is None else _show(result.floor, result.unit)
        ratio = "—" if result.ratio is None else f"{result.ratio:.2f}×"
        met = {True: "yes", False: "**no**", None: "—"}[result.met]
        lines.append(
            f"| {result.name} | {_show(result.value, result.unit)} | {floor} | {ratio} | "
            f"{result.target()} | {met} | {result.note} |"
        )
    return "\n".join(lines)
