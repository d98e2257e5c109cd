"""The one facade over a ledger database file (Anki's `Collection` is the model).

Opening recognises the file, refuses foreign, damaged or newer files without
touching them, takes a backup before any schema migration, migrates with Alembic and
seeds the catalogs of a new file. This is the only module that speaks SQLite's own
dialect (pragmas, the backup API); everything else is portable SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError as SQLDatabaseError
from sqlalchemy.orm import Session, sessionmaker

from app import APP_NAME, clock
from app.db.files import atomic_target
from app.errors import DatabaseCorrupt, DatabaseInUse, DatabaseRefused
from app.i18n import translate

# "BFLG": written into the SQLite header so a foreign SQLite file is recognised.
APPLICATION_ID = 0x42464C47
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# SQLite keeps NUMERIC as REAL; our columns have four decimal places, well within a
# double's precision, and SQLAlchemy rounds to that scale when reading back.
warnings.filterwarnings("ignore", message=r"Dialect sqlite\+pysqlite does \*not\* support Decimal")


def data_dir() -> Path:
    """Per-user folder for databases and backups (%APPDATA%\\BangfuLedger on Windows)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    return data_dir() / "ledger.db"


def demo_db_path() -> Path:
    """The demo lives in its own file so demo and real records never mix."""
    return data_dir() / "demo.db"


def backup_dir_for(db_path: Path) -> Path:
    """Default folder for a database's backups, beside the file itself."""
    return db_path.parent / "backups"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # Rollback journal + FULL sync rather than WAL: a clerk's file may sit on a USB
    # stick or a network share where WAL's shared memory fails, and a closed ledger
    # must be one self-contained file that can be copied. One user writes at a time,
    # so WAL's concurrency would buy nothing here.
    cursor.execute("PRAGMA journal_mode = DELETE")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


class InstanceLock:
    """An OS-level lock on `<db>.lock`, released by the OS if the process dies."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+")  # noqa: SIM115 - held open while locked
        try:
            _lock_file(handle)
        except OSError as error:
            handle.close()
            raise DatabaseInUse(
                translate(
                    "Ledger",
                    "The database {path} is already open in another Bangfu Ledger window. "
                    "Close that window first.",
                ).format(path=self.path.with_suffix(""))
            ) from error
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            _unlock_file(self._handle)
            self._handle.close()
            self._handle = None
            self.path.unlink(missing_ok=True)


if sys.platform == "win32":  # pragma: no cover - exercised on the clerks' Windows PCs
    import msvcrt

    def _lock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class Ledger:
    """An open ledger file. Use `Ledger.open(...)`; call `close()` when done.

    Sessions come from `session()`; domain functions take one and commit once.
    """

    def __init__(self, path: Path, engine: Engine, lock: InstanceLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.created = False
        self.upgraded_from: str | None = None
        self.pre_upgrade_backup: Path | None = None

    @classmethod
    def open(
        cls, path: Path | str | None = None, *, exclusive: bool = False, create: bool = True
    ) -> Ledger:
        """Open the ledger at `path` or the per-user default, creating it when absent
        unless `create` is False.

        Raises DatabaseRefused for a file that is not ours or is newer than this app,
        DatabaseCorrupt when the integrity check fails, DatabaseInUse when `exclusive`
        and another instance holds the file. A refused file is never modified.
        """
        db_path = Path(path) if path is not None else default_db_path()
        db_path = db_path.expanduser().resolve()
        is_new = not db_path.exists() or db_path.stat().st_size == 0
        if is_new and not create:
            raise DatabaseRefused(
                translate("Ledger", "There is no database at {path}.").format(path=db_path)
            )
        if not is_new:
            _refuse_non_sqlite(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        lock = InstanceLock(db_path) if exclusive else None
        if lock:
            lock.acquire()
        engine = create_engine(f"sqlite:///{db_path}")
        event.listen(engine, "connect", _on_connect)
        ledger = cls(db_path, engine, lock)
        try:
            ledger._prepare(is_new)
        except BaseException:
            ledger.close()
            raise
        return ledger

    def _prepare(self, is_new: bool) -> None:
        try:
            with self.engine.connect() as connection:
                is_new = is_new or _is_blank(connection)
                if not is_new:
                    self._recognise(connection)
        except SQLDatabaseError as error:
            # The header said SQLite, yet SQLite cannot read it: the file is damaged.
            raise DatabaseCorrupt(_damaged(self.path, str(error.orig))) from error
        if is_new:
            self._create()
        else:
            self._migrate_if_needed()

    def _recognise(self, connection: Connection) -> None:
        app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
        if app_id != APPLICATION_ID:
            raise DatabaseRefused(_not_a_ledger(self.path))
        problems = self._integrity_problems(connection)
        if problems:
            raise DatabaseCorrupt(_damaged(self.path, problems[0]))
        revision = _current_revision(connection)
        if revision is None or not _known_revision(revision):
            raise DatabaseRefused(_newer(self.path, revision))

    def _create(self) -> None:
        from app.services.catalog import seed_defaults

        with self.engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            command.upgrade(_alembic_config(connection), "head")
        with self.session() as session:
            seed_defaults(session)
            session.commit()
        self.created = True

    def _migrate_if_needed(self) -> None:
        with self.engine.connect() as connection:
            revision = _current_revision(connection)
        if revision == head_revision():
            return
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        target = (
            backup_dir_for(self.path) / f"{self.path.stem}-before-upgrade-{revision}-{stamp}.db"
        )
        self.backup_to(target)
        with self.engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
        self.upgraded_from = revision
        self.pre_upgrade_backup = target

    @staticmethod
    def _integrity_problems(connection: Connection) -> list[str]:
        rows = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA quick_check")]
        return [] if rows == ["ok"] else rows

    def quick_check(self) -> list[str]:
        """SQLite's fast structural check (before every backup); empty means healthy."""
        with self.engine.connect() as connection:
            return self._integrity_problems(connection)

    def check(self) -> list[str]:
        """Full integrity and foreign-key check; an empty list means healthy."""
        with self.engine.connect() as connection:
            rows = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")]
            problems = [] if rows == ["ok"] else rows
            for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(
                    translate("Ledger", "{table} row {rowid} refers to a missing {parent}").format(
                        table=table, rowid=rowid, parent=parent
                    )
                )
            revision = _current_revision(connection)
            if revision != head_revision():
                problems.append(
                    translate("Ledger", "schema revision {revision} is not current").format(
                        revision=revision
                    )
                )
        return problems

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def backup_to(self, target: Path) -> Path:
        """Copy the live database to `target` with SQLite's online backup API.

        Written under a temporary name and renamed, so a full disk or a crash never
        leaves a half file where a good backup should be.
        """
        with atomic_target(target) as partial:
            source = sqlite3.connect(self.path)
            try:
                destination = sqlite3.connect(partial)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
        return target.expanduser().resolve()

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def inspect_file(path: Path) -> list[str]:
    """Problems that would stop `path` being used as a ledger, found read-only.

    For checking a backup before restoring it: nothing is migrated or written.
    """
    try:
        _refuse_non_sqlite(path)
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (DatabaseRefused, sqlite3.Error) as error:
        return [str(error)]
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return [_not_a_ledger(path)]
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            return [_damaged(path, rows[0])]
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or not _known_revision(revision[0]):
            return [_newer(path, revision[0] if revision else None)]
        return []
    except sqlite3.Error as error:
        return [_damaged(path, str(error))]
    finally:
        connection.close()


def _refuse_non_sqlite(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseRefused(
            translate("Ledger", "Cannot read {path}: {reason}").format(
                path=path, reason=error.strerror
            )
        ) from error
    if header != SQLITE_MAGIC:
        raise DatabaseRefused(_not_a_ledger(path))


def _not_a_ledger(path: Path) -> str:
    return translate(
        "Ledger", "{path} is not a Bangfu Ledger database; it was not opened or changed."
    ).format(path=path)


def _newer(path: Path, revision: str | None) -> str:
    return translate(
        "Ledger",
        "The database {path} was made by a newer version of Bangfu Ledger "
        "(schema {revision}). Install the newer version to open it; the file "
        "was not changed.",
    ).format(path=path, revision=revision or "?")


def _damaged(path: Path, problem: str) -> str:
    return translate(
        "Ledger", "The database {path} is damaged ({problem}). Restore a backup."
    ).format(path=path, problem=problem)


def _is_blank(connection: Connection) -> bool:
    """An SQLite file with no tables at all (e.g. made empty by a file dialog)."""
    app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
    return app_id == 0 and not inspect(connection).get_table_names()


def _current_revision(connection: Connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(revision) is not None
    except CommandError:
        return False
