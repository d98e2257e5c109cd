"""Killed in the middle of a write, a backup, a batch, a restore: nothing acknowledged is lost.

A child process writes through the app's own write path in a loop and acknowledges each
commit; the test kills it (SIGKILL) at random moments after its first acknowledgement.
Afterwards the ledger passes its integrity check and holds every acknowledged record with
its audit entry. CI runs 100 kills of plain writes; `BANGFU_KILLS=1000 uv run pytest
tests/app/db/test_kills.py -s` is the long run. Each test prints its figures.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.backup import list_backups
from app.db.ledger import Ledger, inspect_file
from app.db.models import AuditEntry, Batch, Staff, Unit

ROOT = Path(__file__).resolve().parents[3]
KILLS = int(os.environ.get("BANGFU_KILLS", "100"))
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks (POSIX)")


@dataclass
class Zygote:
    process: subprocess.Popen[str]
    acknowledged: list[str] = field(default_factory=list)

    def line(self) -> str:
        assert self.process.stdout is not None
        text = self.process.stdout.readline()
        assert text, "the zygote died"
        return text.strip()

    def kill_one(self, mode: str, round_no: int, rng: random.Random) -> None:
        """Start a child, let it acknowledge a few writes, kill it at a random moment."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"go {mode} {round_no}\n")
        self.process.stdin.flush()
        pid = int(self.line().split()[1])
        more = rng.randrange(4)
        while True:
            kind, _, rest = self.line().partition(" ")
            assert kind == "ack", kind
            self.acknowledged.append(rest)
            if more == 0:
                break
            more -= 1
        time.sleep(rng.uniform(0, 0.004))  # land anywhere in the next write, not just after one
        os.kill(pid, signal.SIGKILL)
        while (text := self.line()) != f"dead {pid}":
            kind, _, rest = text.partition(" ")
            self.acknowledged.append(rest)  # written before the kill arrived


@pytest.fixture
def zygote(db_path: Path) -> Iterator[Zygote]:
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "kill_zygote.py"), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    yield Zygote(process)
    assert process.stdin is not None
    process.stdin.close()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise


def test_killed_writes_lose_no_acknowledged_commit(db_path: Path, zygote: Zygote) -> None:
    rng = random.Random(13)
    for round_no in range(KILLS):
        zygote.kill_one("write", round_no, rng)
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        corrupt = len(ledger.check())
        names = set(session.scalars(select(Unit.name)))
        audited = {
            entry.after["name"]
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.entity == "unit"))
            if entry.after
        }
    lost = [name for name in zygote.acknowledged if name not in names or name not in audited]
    acknowledged = len(zygote.acknowledged)
    print(f"\nkills={KILLS} acknowledged={acknowledged} corrupt={corrupt} lost={len(lost)}")
    assert corrupt == 0 and lost == [] and acknowledged >= KILLS


def test_a_batch_killed_mid_commit_is_all_or_nothing(db_path: Path, zygote: Zygote) -> None:
    rng = random.Random(17)
    for round_no in range(max(20, KILLS // 5)):
        zygote.kill_one("batch", round_no, rng)
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        corrupt = len(ledger.check())
        staff = session.scalar(select(func.count()).select_from(Staff)) or 0
    acknowledged = len(zygote.acknowledged)
    print(f"\nbatch kills staff={staff} acknowledged batches={acknowledged} corrupt={corrupt}")
    assert corrupt == 0 and staff % 50 == 0 and staff >= acknowledged * 50


def test_an_import_killed_mid_commit_is_all_or_nothing(db_path: Path, zygote: Zygote) -> None:
    """Each acknowledged import is there whole (50 staff, their new unit, one batch);
    a killed one left nothing: no staff without their unit, no batch without its rows."""
    rng = random.Random(29)
    for round_no in range(max(10, KILLS // 10)):
        zygote.kill_one("import", round_no, rng)
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        corrupt = len(ledger.check())
        staff = session.scalar(select(func.count()).select_from(Staff)) or 0
        units = set(session.scalars(select(Unit.name)))
        batches = session.scalars(select(Batch).where(Batch.kind == "import-staff")).all()
    imported = {f"{label}医院" for label in zygote.acknowledged}
    print(f"\nimport kills staff={staff} batches={len(batches)} acknowledged={len(imported)}")
    assert corrupt == 0 and imported <= units
    assert staff == 50 * len(batches) == 50 * len(units)
    assert all((batch.rows_added, batch.rows_updated) == (51, 0) for batch in batches)


def test_a_backup_killed_midway_leaves_no_half_backup(db_path: Path, zygote: Zygote) -> None:
    rng = random.Random(19)
    for round_no in range(max(20, KILLS // 5)):
        zygote.kill_one("backup", round_no, rng)
    backups = list_backups(db_path.parent / "backups", db_path.stem)
    damaged = [backup.path.name for backup in backups if inspect_file(backup.path)]
    with Ledger.open(db_path) as ledger:
        problems = ledger.check()
    print(f"\nbackup kills backups={len(backups)} damaged={len(damaged)}")
    assert problems == [] and backups and damaged == []


def test_a_restore_killed_midway_leaves_the_old_or_the_new_file(
    db_path: Path, demo_path: Path, zygote: Zygote
) -> None:
    shutil.copy(db_path, db_path.with_name(db_path.name + ".a"))  # no staff
    shutil.copy(demo_path, db_path.with_name(db_path.name + ".b"))  # the demo's 21
    rng = random.Random(23)
    seen: set[int] = set()
    for round_no in range(max(20, KILLS // 5)):
        zygote.kill_one("restore", round_no, rng)
        with Ledger.open(db_path) as ledger, ledger.session() as session:
            assert ledger.check() == []
            seen.add(session.scalar(select(func.count()).select_from(Staff)) or 0)
    print(f"\nrestore kills staff counts seen={sorted(seen)}")
    assert seen <= {0, 21}
