"""Storage faults end in one clear line and leave good files alone (issue: the write path).

The command line is run as a clerk's IT staff would run it, in a separate process, so a
traceback anywhere would show on its stderr.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command

from app import clock
from app.db import sqlite as sqlite_backend
from app.db.backup import BackupPolicy, back_up
from app.db.ledger import Ledger, _alembic_config
from app.errors import (
    DatabaseRefused,
    DiskFull,
    NotAllowed,
    ReadOnlyStorage,
    ServerUnreachable,
    StorageLocked,
    StorageVanished,
)
from app.records import commands
from app.records.work import Actor, perform
from app.roster.units import UNIT
from tests.faults import fill, locked_by_another_process, mounted_tmpfs, remount_read_only

ROOT = Path(__file__).resolve().parents[3]
GOOD = b"an earlier good file"


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BANGFU_BUSY_TIMEOUT_MS": "300"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def add_unit(ledger: Ledger, name: str) -> int:
    done = perform(
        ledger,
        lambda work: commands.create(work, UNIT, {"name": name, "kind": "sending"}),
        actor=Actor("测试"),
    )
    return int(done.value)


# ----------------------------------------------------------------- locked
def test_a_database_locked_by_another_program_is_in_use_not_damaged(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 200)
    with locked_by_another_process(demo_path), pytest.raises(StorageLocked) as error:
        Ledger.open(demo_path)
    assert "in use by another program" in str(error.value)
    assert "damaged" not in str(error.value)


@pytest.mark.parametrize(
    "command", [("check",), ("report", "--quarter", "2024Q3", "--json")], ids=["check", "report"]
)
def test_check_and_report_on_a_locked_database_say_it_is_in_use(
    demo_path: Path, command: tuple[str, ...]
) -> None:
    with locked_by_another_process(demo_path):
        line = one_line_error(cli(*command, "--db", str(demo_path)))
    assert "正被其他程序使用" in line and "损坏" not in line


# ----------------------------------------------------------------- full disk
@pytest.fixture
def full_disk(tmp_path: Path) -> Path:
    """A folder on a filesystem with about 8 KiB left."""
    with mounted_tmpfs(tmp_path / "stick", 2048) as folder:
        fill(folder, leave_kb=8)
        yield folder


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_a_summary_onto_a_full_disk_fails_cleanly_and_keeps_the_earlier_file(
    demo_path: Path, full_disk: Path, suffix: str
) -> None:
    target = full_disk / f"summary{suffix}"
    target.write_bytes(GOOD)
    option = "--pdf" if suffix == ".pdf" else "--xlsx"
    done = cli("report", "--db", str(demo_path), "--quarter", "2024Q3", option, str(target))
    line = one_line_error(done)
    assert "空间" in line or "不完整" in line, line
    assert target.read_bytes() == GOOD
    assert not list(full_disk.glob("*.partial"))


def test_a_backup_onto_a_full_disk_fails_cleanly(demo_path: Path, full_disk: Path) -> None:
    line = one_line_error(cli("backup", "--db", str(demo_path), "--to", str(full_disk / "b")))
    assert "空间" in line or "已满" in line, line
    assert not list((full_disk / "b").glob("*.db*"))


def test_the_demo_onto_a_full_disk_fails_cleanly_and_keeps_the_earlier_file(
    full_disk: Path,
) -> None:
    target = full_disk / "demo.db"
    target.write_bytes(GOOD)
    line = one_line_error(cli("demo", "--db", str(target), "--force"))
    assert "已满" in line or "空间" in line, line
    assert target.read_bytes() == GOOD
    assert not list(full_disk.glob("*.partial"))


def test_a_write_onto_a_full_disk_is_refused_and_the_ledger_stays_whole(
    db_path: Path, tmp_path: Path
) -> None:
    with mounted_tmpfs(tmp_path / "stick", 2048) as folder:
        shutil.copy(db_path, folder / "ledger.db")
        fill(folder, leave_kb=0)
        with Ledger.open(folder / "ledger.db") as ledger:
            with pytest.raises(Exception) as error:
                for number in range(50):  # a journal page or two is all it takes
                    add_unit(ledger, f"单位{number}" * 20)
            assert type(error.value).__name__ == "DiskFull"
            assert ledger.check() == []


# ----------------------------------------------------------------- read-only
def test_a_read_only_ledger_opens_for_reading_and_refuses_writes(
    demo_path: Path, tmp_path: Path
) -> None:
    with mounted_tmpfs(tmp_path / "cd", 4096) as folder:
        shutil.copy(demo_path, folder / "demo.db")
        remount_read_only(folder)
        with Ledger.open(folder / "demo.db", exclusive=True) as ledger:
            assert ledger.read_only is not None and "read-only" in ledger.read_only
            with pytest.raises(NotAllowed, match="read-only"):
                add_unit(ledger, "新单位")
            assert ledger.check() == []
        done = cli("report", "--db", str(folder / "demo.db"), "--quarter", "2024Q3", "--json")
        assert done.returncode == 0 and '"quarter": "2024Q3"' in done.stdout


# ----------------------------------------------------------------- vanished
def test_a_ledger_whose_folder_vanished_says_so(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    shutil.copy(db_path, folder / "ledger.db")
    with Ledger.open(folder / "ledger.db") as ledger:
        add_unit(ledger, "第一个")
        folder.rename(tmp_path / "pulled-out")
        with pytest.raises(StorageVanished, match="no longer there"):
            add_unit(ledger, "第二个")
    with Ledger.open(tmp_path / "pulled-out" / "ledger.db") as ledger:
        assert ledger.check() == []


# ----------------------------------------------------------------- the command line
def test_a_closed_pipe_ends_quietly(demo_path: Path) -> None:
    shell = (
        f"{sys.executable} {ROOT / 'main.py'} report --db {demo_path} --quarter 2024Q3 --json"
        " | head -c 20"
    )
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, check=False)
    assert done.stdout.startswith("{") and done.stderr == ""


def test_an_unreachable_server_is_named_in_a_message_for_it() -> None:
    """A server address stays an address (never the path `postgresql:/…`), and a server
    that does not answer is a typed error naming it, on the GUI's and the CLI's path."""
    address = "postgresql://clerk@127.0.0.1:1/county"
    with pytest.raises(ServerUnreachable) as error:
        Ledger.open(address)
    assert "clerk@127.0.0.1:1/county" in str(error.value)
    line = one_line_error(cli("check", "--db", address))
    assert "clerk@127.0.0.1:1/county" in line
    with pytest.raises(DatabaseRefused, match="not an address"):
        Ledger.open("mysql://clerk@127.0.0.1/county")


def test_command_line_writes_are_refused_while_a_window_holds_the_file(demo_path: Path) -> None:
    """Reads still work beside the open window; writes would pull the file from under it."""
    with Ledger.open(demo_path, exclusive=True):
        assert cli("check", "--db", str(demo_path)).returncode == 0
        assert cli("report", "--db", str(demo_path), "--quarter", "2024Q3").returncode == 0
        for command in (
            ("demo", "--db", str(demo_path), "--force"),
            ("restore", str(demo_path), "--db", str(demo_path)),
        ):
            line = one_line_error(cli(*command))
            assert "已在另一个帮扶台账窗口中打开" in line, line


def test_a_backup_into_a_write_protected_folder_says_so(demo_path: Path, tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "cd", 512) as folder:
        remount_read_only(folder)
        with Ledger.open(demo_path) as ledger:
            with pytest.raises(ReadOnlyStorage, match="cannot be written here"):
                back_up(ledger, BackupPolicy(folder / "backups", keep=3))
            assert ledger.check() == []


def test_an_upgrade_onto_a_full_disk_leaves_the_old_file_as_it_was(
    demo_path: Path, tmp_path: Path
) -> None:
    with (
        Ledger.open(demo_path) as ledger,
        ledger.engine.connect() as connection,
        ledger.backend.migrating(connection),
    ):
        command.downgrade(_alembic_config(connection), "0002")
    with mounted_tmpfs(tmp_path / "stick", 4096) as folder:
        shutil.copy(demo_path, folder / "demo.db")
        before = (folder / "demo.db").read_bytes()
        fill(folder, leave_kb=64)  # no room for the pre-upgrade backup
        with pytest.raises(DiskFull):
            Ledger.open(folder / "demo.db")
        assert (folder / "demo.db").read_bytes() == before
        assert (
            not list((folder / "backups").glob("*.db")) if (folder / "backups").exists() else True
        )


def test_the_full_check_runs_only_when_the_file_changed_or_once_a_day(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[bool] = []
    original = sqlite_backend.SqliteFile.integrity_problems

    def counting(connection: Any, *, full: bool = False) -> list[str]:
        checks.append(full)
        return original(connection, full=full)

    monkeypatch.setattr(sqlite_backend.SqliteFile, "integrity_problems", staticmethod(counting))
    with clock.frozen(datetime(2024, 9, 2, 9)):
        Ledger.open(db_path).close()  # a copied file: never closed here, so checked
        Ledger.open(db_path).close()  # unchanged since that clean close: not again
        assert checks == [False]
        with sqlite3.connect(db_path) as other:  # another program writes to it
            other.execute(
                "INSERT INTO setting (key, value, created_at, updated_at)"
                " VALUES ('x', '', '2024-01-01', '2024-01-01')"
            )
        Ledger.open(db_path).close()
        assert checks == [False, False]
    with clock.frozen(datetime(2024, 9, 3, 9)):  # the next day
        Ledger.open(db_path).close()
        Ledger.open(db_path).close()
    assert checks == [False, False, False]
