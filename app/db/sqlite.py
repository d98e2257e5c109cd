"""The SQLite file backend: everything that is specific to a ledger kept in one file.

Pragmas, the instance lock beside the file, read-only detection, the header and
integrity checks, the online backup API, and the one translation of SQLite's errors
into the typed storage errors (`storage_error`). The ledger facade (`app.db.ledger`)
talks to this class only through the methods a server backend will offer too.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, ExceptionContext

from app import clock
from app.db import clean_close, files
from app.db.conflicts import conflict_error
from app.db.files import atomic_target
from app.errors import (
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseRefused,
    DiskFull,
    LedgerError,
    ReadOnlyStorage,
    StorageError,
    StorageLocked,
    StorageVanished,
)
from app.i18n import translate

# "BFLG": written into the SQLite header so a foreign SQLite file is recognised.
APPLICATION_ID = 0x42464C47
SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a write waits for another program's lock before "in use"; IT may lengthen it
# for a slow network share.
BUSY_TIMEOUT_MS = int(os.environ.get("BANGFU_BUSY_TIMEOUT_MS", "5000"))

# SQLite keeps NUMERIC as REAL; our columns have four decimal places, well within a
# double's precision, and SQLAlchemy rounds to that scale when reading back.
warnings.filterwarnings("ignore", message=r"Dialect sqlite\+pysqlite does \*not\* support Decimal")

# Primary result codes (https://sqlite.org/rescode.html).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3, 5, 6, 8, 10, 11, 13, 14, 26,
)  # fmt: skip
_READONLY_DBMOVED = 1032  # the file was moved or deleted while open
_CONSTRAINT_UNIQUE, _CONSTRAINT_PRIMARYKEY = 2067, 1555  # a concurrent writer's record won
ANALYSIS_LIMIT = 1000  # rows sampled per index by ANALYZE


def storage_error(error: BaseException, path: Path) -> LedgerError | None:
    """The typed error for an SQLite failure on the ledger at `path`: a storage error,
    a `ConflictError` for a unique rule a concurrent writer's record holds, or None when
    `error` is not about either (another constraint, a bug): the one translation."""
    original = getattr(error, "orig", error)
    if not isinstance(original, sqlite3.Error):
        return None
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:
        return None
    if code in (_CONSTRAINT_UNIQUE, _CONSTRAINT_PRIMARYKEY):
        return _conflict(str(original))
    primary = code & 0xFF
    gone = not path.exists()
    if primary == _FULL:
        return DiskFull(
            translate(
                "Storage",
                "The disk holding {path} is full, so the change was not saved. Free some "
                "space and try again; nothing was lost.",
            ).format(path=path)
        )
    if primary in (_BUSY, _LOCKED):
        return StorageLocked(_in_use(path))
    if code == _READONLY_DBMOVED or (gone and primary in (_READONLY, _IOERR, _CANTOPEN)):
        return StorageVanished(
            translate(
                "Storage",
                "The database {path} is no longer there (a USB stick pulled out, a network "
                "drive disconnected?). Put it back and open it again; the change was not saved.",
            ).format(path=path)
        )
    if primary in (_READONLY, _PERM):
        return ReadOnlyStorage(_read_only_message(path))
    if primary in (_CORRUPT, _NOTADB):
        return DatabaseCorrupt(damaged_message(path, str(original)))
    if primary in (_IOERR, _CANTOPEN):
        return StorageError(
            translate(
                "Storage", "The database {path} could not be read or written ({reason})."
            ).format(path=path, reason=original)
        )
    return None


def _conflict(message: str) -> LedgerError:
    """「UNIQUE constraint failed: staff.id_number」 or 「…: index 'uq_outcome_entry_period'」."""
    failed = message.split(":", 1)[-1].strip()
    if failed.startswith("index "):
        name = failed.removeprefix("index ").strip("'\"")
        table = next((t for t in _index_tables() if name.startswith(f"uq_{t}_")), None)
        return conflict_error(table, constraint=name)
    pairs = [part.strip().split(".", 1) for part in failed.split(",")]
    table = pairs[0][0] if pairs and len(pairs[0]) == 2 else None
    return conflict_error(table, columns=[pair[-1] for pair in pairs])


def _index_tables() -> list[str]:
    """Table names, longest first (so `outcome_entry` wins over `outcome`)."""
    from app.db.base import Base

    return sorted(Base.metadata.tables, key=len, reverse=True)


def _in_use(path: Path) -> str:
    return translate(
        "Storage",
        "The database {path} is in use by another program right now (a backup tool, a "
        "second copy of the app, a command). Try again in a moment; the data are fine.",
    ).format(path=path)


def _read_only_message(path: Path) -> str:
    return translate(
        "Storage",
        "The database {path} is read-only (a write-protected file or folder, a CD, a "
        "shared drive without write access): records can be looked at but not changed.",
    ).format(path=path)


def damaged_message(path: Path, problem: str) -> str:
    return translate(
        "Ledger", "The database {path} is damaged ({problem}). Restore a backup."
    ).format(path=path, problem=problem)


def not_a_ledger(path: Path) -> str:
    return translate(
        "Ledger", "{path} is not a Bangfu Ledger database; it was not opened or changed."
    ).format(path=path)


def newer_message(path: Path | str, revision: str | None) -> str:
    return translate(
        "Ledger",
        "The database {path} was made by a newer version of Bangfu Ledger "
        "(schema {revision}). Install the newer version to open it; the file "
        "was not changed.",
    ).format(path=path, revision=revision or "?")


class InstanceLock:
    """An OS-level lock on `<db>.lock`, released by the OS if the process dies."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+")  # noqa: SIM115 - held open while locked
        except OSError as error:
            raise files.storage_error(error, self.path) from error
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


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite opens transactions only before DML and runs DDL and SAVEPOINT outside
    # them; we say BEGIN ourselves (`_begin`), so every transaction, a migration's DDL
    # and a batch's savepoints included, is one atomic unit (SQLAlchemy's recipe).
    dbapi_connection.isolation_level = None
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


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


class SqliteFile:
    """A ledger in one SQLite file. Opened read-only when the file or its folder cannot
    be written (the journal beside the file needs the folder too)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file: Path | None = path
        self.location = str(path)
        self.name = path.name
        self.read_only: str | None = None  # the reason, when the file cannot be written
        self._lock: InstanceLock | None = None

    # ----------------------------------------------------------------- opening
    def exists(self) -> bool:
        return self.path.exists() and self.path.stat().st_size > 0

    def prepare(self, *, is_new: bool, exclusive: bool) -> None:
        """Check the header of an existing file, create the folder of a new one, notice
        a read-only file, and take the instance lock when `exclusive`."""
        if not is_new:
            refuse_non_sqlite(self.path)
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise files.storage_error(error, self.path.parent) from error
        if not is_new and not _writable(self.path):
            self.read_only = _read_only_message(self.path)
        if exclusive and self.read_only is None:
            self._lock = InstanceLock(self.path)
            self._lock.acquire()

    def engine(self) -> Engine:
        if self.read_only is not None:
            url = f"sqlite:///file:{self.path}?mode=ro&uri=true"
        else:
            url = f"sqlite:///{self.path}"
        engine = create_engine(url)
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _begin)
        path = self.path

        def translate_errors(context: ExceptionContext) -> None:
            typed = storage_error(context.original_exception, path)
            if typed is not None:
                raise typed from context.original_exception

        event.listen(engine, "handle_error", translate_errors)
        return engine

    def is_blank(self, connection: Connection) -> bool:
        """An SQLite file with no tables at all (e.g. made empty by a file dialog)."""
        app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
        return app_id == 0 and not inspect(connection).get_table_names()

    def stamp_new(self, connection: Connection) -> None:
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")

    def recognise(self, connection: Connection) -> None:
        """Refuse a foreign or damaged file (the revision is the facade's business).

        The header and application id are read every time; the quick check, which reads
        the whole file, only when the file changed since its last clean close or has not
        been checked today (`app.db.clean_close`).
        """
        app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
        if app_id != APPLICATION_ID:
            raise DatabaseRefused(not_a_ledger(self.path))
        today = clock.today()
        if not clean_close.needs_check(self.path, today):
            return
        problems = self.integrity_problems(connection)
        if problems:
            raise DatabaseCorrupt(damaged_message(self.path, problems[0]))
        clean_close.remember(self.path, checked=today)

    @contextmanager
    def migrating(self, connection: Connection) -> Iterator[None]:
        """One transaction for a schema migration, as SQLite's ALTER TABLE guide says:
        foreign keys off while tables are copied and replaced, checked before commit."""
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # outside any transaction, or it is ignored
        try:
            with connection.begin():
                yield
                dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    raise DatabaseCorrupt(damaged_message(self.path, str(dangling[0])))
        finally:
            raw.execute("PRAGMA foreign_keys = ON")

    @staticmethod
    def analyze(engine: Engine) -> None:
        """Refresh the query planner's statistics, sampled so a big ledger takes no longer
        than a small one: without them SQLite picks the soft-delete index (which matches
        nearly every row) over the date index for every report query."""
        with engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            connection.exec_driver_sql("ANALYZE")

    # ----------------------------------------------------------------- checks
    @staticmethod
    def integrity_problems(connection: Connection, *, full: bool = False) -> list[str]:
        """SQLite's quick check (or the full integrity and foreign-key check)."""
        pragma = "integrity_check" if full else "quick_check"
        rows = [str(row[0]) for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]
        problems = [] if rows == ["ok"] else rows
        if full:
            for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(
                    translate("Ledger", "{table} row {rowid} refers to a missing {parent}").format(
                        table=table, rowid=rowid, parent=parent
                    )
                )
        return problems

    # ----------------------------------------------------------------- backups
    def backup_to(self, target: Path) -> Path:
        """Copy the live database to `target` with SQLite's online backup API.

        Written under a temporary name, checked and renamed, so a full disk or a crash
        never leaves a half file where a good backup should be.
        """
        with atomic_target(target, check=check_backup) as partial:
            try:
                source = sqlite3.connect(self.path)
                try:
                    destination = sqlite3.connect(partial)
                    try:
                        source.backup(destination)
                    finally:
                        destination.close()
                finally:
                    source.close()
            except sqlite3.Error as error:
                raise (storage_error(error, partial) or StorageError(str(error))) from error
        return target.expanduser().resolve()

    # ----------------------------------------------------------------- several writers
    @staticmethod
    def hold(connection: Connection, lock: str, *, exclusive: bool = False) -> None:
        """Nothing to take: SQLite lets one writer at a time into the whole file."""

    @staticmethod
    def announce(connection: Connection, entities: frozenset[str]) -> None:
        """Nothing to tell: only one window has a file ledger open."""

    @staticmethod
    def after_copy(connection: Connection, tables: list[str]) -> None:
        """Nothing to do after rows came with their ids: SQLite numbers on from the largest."""

    def close(self, *, clean: bool = True) -> None:
        """After the engine is disposed: remember a clean close, release the lock."""
        if clean and self.read_only is None and self.path.exists():
            clean_close.remember(self.path, closed=True)
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def refuse_non_sqlite(path: Path) -> None:
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
        raise DatabaseRefused(not_a_ledger(path))


def check_backup(path: Path) -> None:
    """A backup is kept only when SQLite finds it whole."""
    problems = file_problems(path, revision_known=None)
    if problems:
        raise StorageError(
            translate("Storage", "The backup {path} did not pass its check: {problem}").format(
                path=path, problem=problems[0]
            )
        )


def file_problems(path: Path, *, revision_known: Any) -> list[str]:
    """What stops the closed file `path` being used as a ledger, found read-only.

    For checking a backup before it is kept or restored: nothing is migrated or
    written. `revision_known(revision)` says whether this app knows the schema
    revision (None skips that question).
    """
    try:
        refuse_non_sqlite(path)
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (DatabaseRefused, sqlite3.Error) as error:
        return [str(error)]
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return [not_a_ledger(path)]
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            return [damaged_message(path, rows[0])]
        if revision_known is not None:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or not revision_known(revision[0]):
                return [newer_message(path, revision[0] if revision else None)]
        return []
    except sqlite3.Error as error:
        typed = storage_error(error, path)
        return [str(typed) if typed is not None else damaged_message(path, str(error))]
    finally:
        connection.close()
