"""Copy a whole ledger between storages: a file to a server, a server to a file.

Every table moves, the audit log and the batches included, with the same ids, in one
transaction on the target; a copy that fails leaves the target as empty as it was
(the file removed, the server database's tables dropped again).
The target must be empty (no file yet, or a server database without
tables): a copy never merges into or overwrites a ledger. Row counts of every table
are compared after the copy; the figures of every quarter are compared by the caller
(`app.reports.ledger_copy`), which knows the summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from app.db.ledger import Ledger, backend_for
from app.db.postgres import Password
from app.errors import DatabaseRefused, StorageError
from app.i18n import translate

CHUNK = 2000  # rows read and inserted at a time


@dataclass(frozen=True)
class Copied:
    """Rows per table on both sides (equal, or the copy raised)."""

    counts: dict[str, int]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def copy_ledger(
    source: str | Path,
    target: str | Path,
    *,
    password: Password | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> Copied:
    """Copy the ledger at `source` to the empty storage `target`; the rows per table.

    Raises DatabaseRefused when `target` is not empty (nothing is then changed) or the
    source is missing, and StorageError when the counts differ afterwards."""
    refuse_unless_empty(target, password=password)
    try:
        with (
            Ledger.open(source, create=False, password=password) as origin,
            Ledger.open(target, seed=False, password=password) as copy,
        ):
            counts = _copy_tables(origin, copy, progress)
            copy.analyze()  # a server's statistics now, not when autovacuum comes round
            copy.changed = True
    except BaseException:
        _empty_again(target, password)
        raise
    return Copied(counts)


def _empty_again(target: str | Path, password: Password | None) -> None:
    """After a failed copy, the target as it was: no file, or a database without tables
    (the schema was made before the rows were copied, in a transaction of its own)."""
    import app.db.models  # noqa: F401 - defines the tables on the metadata
    from app.db.base import Base

    backend = backend_for(target, password=password)
    if backend.file is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            backend.file.with_name(backend.file.name + suffix).unlink(missing_ok=True)
        return
    engine = backend.engine()
    try:
        with engine.begin() as connection:
            Base.metadata.drop_all(connection)
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    finally:
        engine.dispose()


def refuse_unless_empty(target: str | Path, *, password: Password | None = None) -> None:
    """A copy goes only into nothing: a missing or empty file, a blank server database."""
    backend = backend_for(target, password=password)
    if backend.file is not None:
        if backend.exists():
            raise DatabaseRefused(_not_empty(backend.location))
        return
    engine = backend.engine()
    try:
        with engine.connect() as connection:
            if not backend.is_blank(connection):
                raise DatabaseRefused(_not_empty(backend.location))
    finally:
        engine.dispose()


def _not_empty(where: str) -> str:
    return translate(
        "Ledger",
        "{target} already holds data; a ledger is copied only into a new file or an empty "
        "server database. Nothing was changed.",
    ).format(target=where)


def _copy_tables(
    origin: Ledger, copy: Ledger, progress: Callable[[str, int], None] | None
) -> dict[str, int]:
    import app.db.models  # noqa: F401 - defines the tables on the metadata
    from app.db.base import Base

    counts: dict[str, int] = {}
    with origin.connection() as reading, copy.connection() as writing, writing.begin():
        for table in Base.metadata.sorted_tables:
            copied = 0
            result = reading.execution_options(yield_per=CHUNK).execute(
                select(table).order_by(*table.primary_key.columns)
            )
            for rows in result.partitions(CHUNK):
                writing.execute(table.insert(), [row._asdict() for row in rows])
                copied += len(rows)
                if progress is not None:
                    progress(table.name, copied)
            counts[table.name] = copied
        copy.backend.after_copy(writing, [table.name for table in Base.metadata.sorted_tables])
        written = _counts(writing)
    if written != counts or _counts_of(origin) != counts:
        different = sorted(name for name in counts if written.get(name) != counts[name])
        raise StorageError(
            translate("Ledger", "The copy's row counts differ from the source's: {tables}").format(
                tables=", ".join(different) or "?"
            )
        )
    return counts


def _counts_of(ledger: Ledger) -> dict[str, int]:
    with ledger.connection() as connection:
        return _counts(connection)


def _counts(connection: Connection) -> dict[str, int]:
    from app.db.base import Base

    return {
        table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
        for table in Base.metadata.sorted_tables
    }
