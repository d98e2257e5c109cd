from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import cli, clock
from app.db.backup import (
    BackupPolicy,
    back_up,
    daily_backup_due,
    list_backups,
    newest_good_backup,
    restore,
)
from app.db.ledger import Ledger, inspect_file
from app.db.models import Unit
from app.db.paths import backup_dir_for
from app.errors import DatabaseCorrupt, DatabaseInUse
from app.records import commands
from app.records.settings import backup_policy, save_settings
from app.roster.units import UNIT
from tests.app.helpers import run


def policy_backup(ledger: Ledger, reason: str = "manual") -> Path:
    """A backup where Settings say, rotated as Settings say (what the app does)."""
    with ledger.session() as session:
        policy = backup_policy(session, ledger.path)
    return back_up(ledger, policy, reason=reason)


def unit_count(path: Path) -> int:
    with Ledger.open(path) as ledger, ledger.session() as session:
        return session.scalar(select(func.count()).select_from(Unit)) or 0


def test_backups_are_checked_named_and_rotated(ledger: Ledger) -> None:
    with ledger.session() as session:
        run(session, save_settings, {"backup_keep": "3"})
    made = []
    for hour in range(5):
        with clock.frozen(datetime(2024, 9, 30, 8 + hour)):
            made.append(policy_backup(ledger))
    kept = list_backups(backup_dir_for(ledger.path), ledger.path.stem)
    assert [backup.path for backup in kept] == made[:-4:-1]  # the newest three
    assert made[-1].name == "ledger-20240930-120000-manual.db"
    assert inspect_file(made[-1]) == []


def test_daily_backup_is_due_once_a_day(ledger: Ledger) -> None:
    with clock.frozen(datetime(2024, 9, 30, 8)):
        folder = backup_dir_for(ledger.path)
        assert daily_backup_due(ledger, folder)
        policy_backup(ledger, "daily")
        assert not daily_backup_due(ledger, folder)
    with clock.frozen(datetime(2024, 10, 1, 8)):
        assert daily_backup_due(ledger, folder)


def test_restore_brings_back_the_backup_and_keeps_the_current_file(
    db_path: Path, tmp_path: Path
) -> None:
    with Ledger.open(db_path) as ledger:
        backup = back_up(ledger, BackupPolicy(tmp_path / "b", keep=10))
        with ledger.session() as session:
            run(session, commands.create, UNIT, {"name": "新单位", "kind": "sending"})
    assert unit_count(db_path) == 1
    safety = restore(db_path, backup)
    assert unit_count(db_path) == 0
    assert unit_count(safety) == 1  # the restore itself can be undone


def test_restore_refuses_a_bad_backup_and_an_open_ledger(db_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a backup")
    with pytest.raises(DatabaseCorrupt, match="not a usable backup"):
        restore(db_path, junk)
    with Ledger.open(db_path, exclusive=True) as ledger:
        backup = back_up(ledger, BackupPolicy(tmp_path, keep=10))
        with pytest.raises(DatabaseInUse):
            restore(db_path, backup)


def test_newest_good_backup_skips_damaged_ones(ledger: Ledger) -> None:
    with clock.frozen(datetime(2024, 9, 30, 8)):
        good = policy_backup(ledger, "daily")
    with clock.frozen(datetime(2024, 9, 30, 9)):
        bad = policy_backup(ledger)
    bad.write_bytes(bad.read_bytes()[:100] + b"\xff" * 4000)
    newest = newest_good_backup(ledger.path)
    assert newest is not None and newest.path == good


def test_backup_and_restore_commands(db_path: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert (
        cli.run(["backup", "--db", str(db_path), "--to", str(tmp_path / "b")], out=out, err=err)
        == 0
    )
    backup = next((tmp_path / "b").glob("*.db"))
    assert str(backup) in out.getvalue()
    code = cli.run(["restore", str(backup), "--db", str(db_path)], out=out, err=err)
    assert code == 0, err.getvalue()
    code = cli.run(["restore", str(tmp_path / "none.db"), "--db", str(db_path)], out=out, err=err)
    assert code == cli.EXIT_ERROR and "none.db" in err.getvalue()
