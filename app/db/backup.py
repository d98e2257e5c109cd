"""Backups and restore (DESIGN.md §8): the mechanism; the UI and the CLI decide when.

A backup is a complete ledger file made with SQLite's online backup API (never a file
copy of a live database), named `<ledger>-YYYYmmdd-HHMMSS-<reason>.db`, taken only
after the live file passes its quick check, written under a temporary name, checked
with `integrity_check`, flushed and renamed. Old backups are thinned by one policy the
clerk can read in Settings: the last N, one a day for two weeks, one a month for a
year. Restoring checks the chosen file first, keeps the current file (a safety backup,
or `.corrupt` aside when it is damaged), then swaps the file in atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import clock
from app.db import clean_close
from app.db.files import atomic_target, storage_error
from app.db.ledger import Ledger, inspect_file
from app.db.paths import backup_dir_for
from app.db.sqlite import InstanceLock, SqliteFile, check_backup
from app.errors import DatabaseCorrupt
from app.i18n import translate

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.db$")
DAILY_DAYS = 14  # one backup a day is kept for two weeks
MONTHLY_MONTHS = 12  # and one a month for a year


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    reason: str


@dataclass(frozen=True)
class BackupPolicy:
    """Where backups go and how many stay (Settings → Backups)."""

    folder: Path
    keep: int  # the newest N are always kept
    second_folder: Path | None = None  # a USB stick: a copy goes there whenever it is plugged in


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """Backups of the ledger named `stem` in `folder`, newest first."""
    found = []
    for path in folder.glob(f"{stem}-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match and match.group("stem") == stem:
            made_at = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, made_at, match.group("reason")))
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def kept(backups: Iterable[BackupFile], keep: int, now: datetime) -> set[Path]:
    """Which backups the policy keeps: the newest `keep`, the newest of each of the last
    DAILY_DAYS days, and the newest of each of the last MONTHLY_MONTHS months."""
    newest_first = sorted(backups, key=lambda backup: backup.made_at, reverse=True)
    keep_paths = {backup.path for backup in newest_first[:keep]}
    days: set[object] = set()
    months: set[object] = set()
    for backup in newest_first:
        day = backup.made_at.date()
        month = (day.year, day.month)
        if now - backup.made_at <= timedelta(days=DAILY_DAYS) and day not in days:
            days.add(day)
            keep_paths.add(backup.path)
        if _months_between(backup.made_at, now) < MONTHLY_MONTHS and month not in months:
            months.add(month)
            keep_paths.add(backup.path)
    return keep_paths


def _months_between(earlier: datetime, later: datetime) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def back_up(ledger: Ledger, policy: BackupPolicy, *, reason: str = "manual") -> Path:
    """Write a checked backup of the open ledger into the policy's folder, thin the old
    ones there, copy it to the second folder when that is present; return its path."""
    problems = ledger.quick_check()
    if problems:
        raise DatabaseCorrupt(
            translate(
                "Backup", "The database failed its check, so no backup was made: {problem}"
            ).format(problem=problems[0])
        )
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    name = f"{ledger.path.stem}-{stamp}-{reason}.db"
    target = _write(ledger, policy.folder / name, policy.keep)
    clean_close.remember(ledger.path, backups=policy.folder)
    if policy.second_folder is not None and policy.second_folder.is_dir():
        _write(ledger, policy.second_folder / name, policy.keep)
    return target


def _write(ledger: Ledger, target: Path, keep: int) -> Path:
    written = ledger.backup_to(target)
    backups = list_backups(target.parent, ledger.path.stem)
    keep_paths = kept(backups, keep, clock.now())
    for old in backups:
        if old.path not in keep_paths:
            old.path.unlink(missing_ok=True)
    return written


def daily_backup_due(ledger: Ledger, folder: Path) -> bool:
    """True when no backup was made today yet."""
    newest = list_backups(folder, ledger.path.stem)
    return not newest or newest[0].made_at.date() < clock.today()


def restore(db_path: Path, backup: Path, *, damaged: bool = False) -> Path:
    """Replace the (closed) ledger at `db_path` with `backup`; return where the previous
    file was kept.

    The backup is checked first (a Bangfu Ledger file, whole, a revision this app
    knows: an older one is migrated on the next open). The current file is kept before
    it is replaced: a safety backup made with the backup API while the ledger's lock is
    held, or, when it is `damaged`, the file itself moved aside as `<name>.corrupt`
    (never deleted). The swap itself is one rename.
    """
    problems = inspect_file(backup)
    if problems:
        raise DatabaseCorrupt(
            translate("Backup", "{path} is not a usable backup: {problem}").format(
                path=backup, problem=problems[0]
            )
        )
    lock = InstanceLock(db_path)
    lock.acquire()  # refuses while a window or a command has this ledger open
    try:
        kept_as = _keep_current(db_path, damaged=damaged)
        with atomic_target(db_path, check=check_backup) as partial:
            _copy(backup, partial)
        clean_close.forget(db_path)
    finally:
        lock.release()
    return kept_as


def _keep_current(db_path: Path, *, damaged: bool) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    if damaged or not db_path.exists():
        aside = db_path.with_name(f"{db_path.name}.{stamp}.corrupt")
        if db_path.exists():
            try:
                db_path.rename(aside)
            except OSError as error:
                raise storage_error(error, aside) from error
        return aside
    safety = backup_dir_for(db_path) / f"{db_path.stem}-{stamp}-before-restore.db"
    return SqliteFile(db_path).backup_to(safety)


def _copy(source: Path, target: Path) -> None:
    try:
        target.write_bytes(source.read_bytes())
    except OSError as error:
        raise storage_error(error, target) from error


def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup of `db_path` that opens and passes its check, looked for in the
    folder its last backup went to and beside the file."""
    folders = [backup_dir_for(db_path)]
    remembered = clean_close.backups_of(db_path)
    if remembered is not None and remembered not in folders:
        folders.insert(0, remembered)
    candidates = sorted(
        (backup for folder in folders for backup in list_backups(folder, db_path.stem)),
        key=lambda backup: backup.made_at,
        reverse=True,
    )
    return next((backup for backup in candidates if not inspect_file(backup.path)), None)
