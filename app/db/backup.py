"""Backups and restore (DESIGN.md §8): the mechanism; the UI decides when.

A backup is a complete ledger file made with SQLite's online backup API, named
`<ledger>-YYYYmmdd-HHMMSS-<reason>.db`, taken only after the live file passes its
quick check, and rotated so the newest N remain. Restoring checks the backup first,
then backs up the current file, then swaps the files atomically.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import clock
from app.db.files import atomic_target
from app.db.ledger import Ledger, inspect_file
from app.db.paths import backup_dir_for
from app.db.sqlite import InstanceLock
from app.errors import DatabaseCorrupt
from app.i18n import translate

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    reason: str


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """Backups of the ledger named `stem` in `folder`, newest first."""
    found = []
    for path in folder.glob(f"{stem}-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match and match.group("stem") == stem:
            made_at = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, made_at, match.group("reason")))
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def back_up(ledger: Ledger, *, folder: Path, keep: int, reason: str = "manual") -> Path:
    """Write a checked backup of the open ledger into `folder`, keep the newest `keep`
    of its backups there, and return the new one's path (the policy is the caller's)."""
    problems = ledger.quick_check()
    if problems:
        raise DatabaseCorrupt(
            translate(
                "Backup", "The database failed its check, so no backup was made: {problem}"
            ).format(problem=problems[0])
        )
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{ledger.path.stem}-{stamp}-{reason}.db"
    ledger.backup_to(target)
    for old in list_backups(folder, ledger.path.stem)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def daily_backup_due(ledger: Ledger, folder: Path) -> bool:
    """True when today's first session has not been backed up yet."""
    newest = list_backups(folder, ledger.path.stem)
    return not newest or newest[0].made_at.date() < clock.today()


def restore(db_path: Path, backup: Path) -> Path:
    """Replace the (closed) ledger at `db_path` with `backup`; return the safety copy.

    The backup is opened and checked first; the current file, if it can still be
    opened, is backed up before it is replaced, so a restore can itself be undone.
    """
    problems = inspect_file(backup)
    if problems:
        raise DatabaseCorrupt(
            translate("Backup", "{path} is not a usable backup: {problem}").format(
                path=backup, problem=problems[0]
            )
        )
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    safety = backup_dir_for(db_path) / f"{db_path.stem}-{stamp}-before-restore.db"
    lock = InstanceLock(db_path)
    lock.acquire()  # refuses while a window has this ledger open
    try:
        if db_path.exists():
            with atomic_target(safety) as partial:  # plain copy: the file may be damaged
                shutil.copy2(db_path, partial)
        with atomic_target(db_path) as partial:
            shutil.copy2(backup, partial)
    finally:
        lock.release()
    return safety


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup beside `db_path` that opens and passes its check."""
    for backup in list_backups(backup_dir_for(db_path), db_path.stem):
        if not inspect_file(backup.path):
            return backup.path
    return None
