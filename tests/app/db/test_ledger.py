from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.ledger import Ledger, _alembic_config, head_revision
from app.db.models import Metric, ServiceProvision, ServiceType, Staff
from app.db.sqlite import APPLICATION_ID
from app.errors import DatabaseCorrupt, DatabaseInUse, DatabaseRefused


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_stamped_migrated_and_seeded(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "sub" / "new.db") as ledger:
        assert ledger.created
        with ledger.connection() as connection:
            assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            version = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert version.scalar() == head_revision()
        with ledger.session() as session:
            assert session.scalar(select(func.count()).select_from(ServiceType)) == 10
            assert session.scalar(select(func.count()).select_from(Metric)) >= 20
        assert ledger.check() == []


def test_reopening_does_not_recreate_or_back_up(db_path: Path) -> None:
    with Ledger.open(db_path) as ledger:
        assert not ledger.created and ledger.upgraded_from is None
    assert not (db_path.parent / "backups").exists()


def test_missing_file_is_refused_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="no database"):
        Ledger.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_older_revision_is_backed_up_then_upgraded(demo_path: Path) -> None:
    with (
        Ledger.open(demo_path) as ledger,
        ledger.engine.connect() as connection,
        ledger.backend.migrating(connection),
    ):
        command.downgrade(_alembic_config(connection), "0001")
    staff_before = sqlite3.connect(demo_path).execute("SELECT count(*) FROM staff").fetchone()
    with Ledger.open(demo_path) as ledger:
        assert ledger.upgraded_from == "0001"
        backup = ledger.pre_upgrade_backup
        assert backup is not None and backup.exists()
        with ledger.connection() as connection:
            indexes = {index["name"] for index in inspect(connection).get_indexes("staff")}
        assert "ix_staff_name" in indexes
        with ledger.session() as session:
            assert (session.scalar(select(func.count()).select_from(Staff)),) == staff_before
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT count(*) FROM staff").fetchone() == staff_before


def test_unknown_revision_is_refused_and_untouched(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    before = digest(db_path)
    with pytest.raises(DatabaseRefused, match="newer version"):
        Ledger.open(db_path)
    assert digest(db_path) == before


def test_non_database_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseRefused, match="not a Bangfu Ledger database"):
        Ledger.open(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="not a Bangfu Ledger database"):
        Ledger.open(path)
    assert digest(path) == before


def test_empty_sqlite_file_becomes_a_new_ledger(tmp_path: Path) -> None:
    path = tmp_path / "blank.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 0").close()
    with Ledger.open(path) as ledger:
        assert ledger.created


def test_damaged_file_is_reported_as_damaged(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        Ledger.open(db_path)


def test_second_instance_is_refused_politely(db_path: Path) -> None:
    first = Ledger.open(db_path, exclusive=True)
    try:
        with pytest.raises(DatabaseInUse, match="already open"):
            Ledger.open(db_path, exclusive=True)
    finally:
        first.close()
    Ledger.open(db_path, exclusive=True).close()


def test_backup_is_a_complete_database(demo_ledger: Ledger, tmp_path: Path) -> None:
    target = demo_ledger.backup_to(tmp_path / "backups" / "copy.db")
    assert not list(target.parent.glob("*.partial"))
    with Ledger.open(target) as copy:
        assert copy.check() == []
        with copy.session() as session:
            assert session.scalar(select(func.count()).select_from(Staff)) == 21


def test_foreign_keys_are_enforced(session: Session) -> None:
    session.add(ServiceProvision(staff_id=999, service_type_id=1, date=date(2024, 1, 1)))
    with pytest.raises(IntegrityError):
        session.flush()
