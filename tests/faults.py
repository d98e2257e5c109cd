"""Real storage faults for tests: a full filesystem, a read-only one, another process's lock.

Full and read-only filesystems are small tmpfs mounts, which need root (CI runs as
root); elsewhere those tests skip and say why. The lock is taken by a separate
process through SQLite itself, as a backup tool or a second program would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NEEDS_ROOT = "mounting a small filesystem needs root (CI runs as root)"

_HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def mounted_tmpfs(where: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` KiB at `where` (created), unmounted afterwards."""
    if not can_mount():
        pytest.skip(NEEDS_ROOT)
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, leave_kb: int) -> None:
    """Fill `folder`'s filesystem so only about `leave_kb` KiB stay free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    filler = max(0, free - leave_kb * 1024)
    with open(folder / f"filler-{uuid.uuid4().hex}", "wb") as handle:
        handle.write(b"\0" * filler)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


@contextmanager
def locked_by_another_process(db_path: Path) -> Iterator[None]:
    """Another process holds an exclusive SQLite lock on `db_path` (reads and writes wait)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        if holder.stdin is not None:
            holder.stdin.write("\n")
            holder.stdin.flush()
        holder.wait(timeout=10)
