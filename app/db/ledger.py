"""The one facade over a ledger database (Anki's `Collection` is the model).

`Ledger.open(target)` takes a file path (or, with the server mode, a URL) and hands
everything specific to the kind of storage to its backend (`app.db.sqlite` for a
file): pragmas, the instance lock, read-only detection, checks, backups and the
translation of the driver's errors. The facade itself recognises the schema, refuses
newer files without touching them, backs up before a migration, migrates with Alembic
and seeds the catalogs of a new ledger; everything above it is portable SQLAlchemy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.schema import CreateIndex, CreateTable

from app import clock
from app.db.paths import backup_dir_for, ledger_file
from app.db.postgres import Password, PostgresServer
from app.db.sqlite import SqliteFile, file_problems, newer_message
from app.errors import DatabaseRefused, LedgerError, NotAllowed
from app.i18n import translate

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


Backend = SqliteFile | PostgresServer
SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def backend_for(target: str | Path | None, *, password: Password | None = None) -> Backend:
    """The storage a `--db` value names: a file path, or a server URL (kept as text, so
    `postgresql://host/db` never becomes the path `postgresql:/host/db`). `password`
    is asked at each new server connection (the OS credential store, a sign-in dialog)
    unless the URL carries one; libpq's PGPASSWORD and pgpass file work too."""
    file = ledger_file(target)
    if file is None:
        address = str(target)
        if address.split("://", 1)[0].lower() not in SERVER_SCHEMES:
            raise DatabaseRefused(
                translate(
                    "Ledger",
                    "{address} is not an address this version can open: give a file or "
                    "postgresql://user@host:5432/database.",
                ).format(address=address)
            )
        return PostgresServer(address, password=password)
    return SqliteFile(file.expanduser().resolve())


class Ledger:
    """An open ledger. Use `Ledger.open(...)`; call `close()` when done.

    Sessions come from `session()`; writes go through `app.records.work.perform`,
    which gives each command one transaction and the acting user.
    """

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.engine = backend.engine()
        # Sessions know their backend: locks and change notices (`app.db.sharing`).
        self._sessions = sessionmaker(
            self.engine, expire_on_commit=False, info={"backend": backend}
        )
        self.created = False
        self.upgraded_from: str | None = None
        self.pre_upgrade_backup: Path | None = None
        self.changed = False  # a command committed since opening (statistics are refreshed)

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        exclusive: bool = False,
        create: bool = True,
        password: Password | None = None,
        seed: bool = True,
    ) -> Ledger:
        """Open the ledger at `target` (a path, or None for the per-user default),
        creating it when absent unless `create` is False.

        Raises DatabaseRefused for a file that is not ours or is newer than this app,
        DatabaseCorrupt when the quick check fails, DatabaseInUse when `exclusive` and
        another window holds it, a StorageError when it cannot be read. A refused file
        is never modified. A file that cannot be written opens read-only
        (`read_only` says why). A server address opens the database named in it (a
        blank one becomes a new ledger); `password` is asked when connecting. A new
        ledger gets the standard catalogs unless `seed` is False (a copy's target).
        """
        backend = backend_for(target, password=password)
        is_new = not backend.exists()
        if is_new and not create:
            raise DatabaseRefused(
                translate("Ledger", "There is no database at {path}.").format(path=backend.location)
            )
        backend.prepare(is_new=is_new, exclusive=exclusive)
        ledger = cls(backend)
        try:
            ledger._prepare(is_new, seed=seed, create=create)
        except BaseException:
            ledger.close(clean=False)
            raise
        return ledger

    # ----------------------------------------------------------------- identity
    @property
    def file(self) -> Path | None:
        """The database file (None for a server ledger): backups and locks live beside it."""
        return self.backend.file

    @property
    def is_server(self) -> bool:
        """Kept on a database server (several clerks; no file backups, no lock file)."""
        return self.backend.file is None

    @property
    def path(self) -> Path:
        """The database file of a file ledger (what backups and restores work on)."""
        assert self.backend.file is not None
        return self.backend.file

    @property
    def location(self) -> str:
        """Where the ledger is, as shown to the clerk (a path, or a server and database)."""
        return self.backend.location

    @property
    def name(self) -> str:
        return self.backend.name

    @property
    def read_only(self) -> str | None:
        """Why the ledger cannot be changed (None when it can): the window's banner."""
        return self.backend.read_only

    def refuse_if_read_only(self) -> None:
        if self.read_only is not None:
            raise NotAllowed(self.read_only)

    # ----------------------------------------------------------------- opening
    def _prepare(self, is_new: bool, *, seed: bool = True, create: bool = True) -> None:
        with self.engine.connect() as connection:
            is_new = is_new or self.backend.is_blank(connection)
            if is_new and not create and self.file is None:  # a server database left blank
                raise DatabaseRefused(
                    translate("Ledger", "The database {path} holds no ledger yet.").format(
                        path=self.location
                    )
                )
            if not is_new:
                self._recognise(connection)
        if is_new:
            self.refuse_if_read_only()
            self._create(seed=seed)
        else:
            self._migrate_if_needed()

    def _recognise(self, connection: Connection) -> None:
        self.backend.recognise(connection)
        revision = _current_revision(connection)
        if revision is None or not known_revision(revision):
            raise DatabaseRefused(newer_message(self.location, revision))

    def _create(self, *, seed: bool = True) -> None:
        from alembic import command

        from app.db.seed import seed_catalogs

        with self.engine.connect() as connection, self.backend.migrating(connection):
            if not self.backend.is_blank(connection):  # another clerk's app made it meanwhile
                return
            self.backend.stamp_new(connection)
            _create_schema(connection)
            command.stamp(_alembic_config(connection), "head")
        if seed:
            with self.session() as session:
                seed_catalogs(session)
                session.commit()
        self.created = True
        self.changed = True

    def _migrate_if_needed(self) -> None:
        with self.engine.connect() as connection:
            revision = _current_revision(connection)
        if revision == head_revision():
            return
        if self.read_only is not None:
            raise DatabaseRefused(
                translate(
                    "Ledger",
                    "{path} was made by an earlier version and must be upgraded, but it is "
                    "read-only. Copy it to a folder you can write to and open the copy.",
                ).format(path=self.location)
            )
        from alembic import command

        target: Path | None = None
        if self.file is not None:  # a server upgrades in one transaction; IT pg_dumps first
            stamp = clock.now().strftime("%Y%m%d-%H%M%S")
            target = backup_dir_for(self.path) / f"{self.path.stem}-{stamp}-before-upgrade.db"
            self.backup_to(target)
        with self.engine.connect() as connection, self.backend.migrating(connection):
            command.upgrade(_alembic_config(connection), "head")
        self.upgraded_from = revision
        self.pre_upgrade_backup = target
        self.analyze()

    # ----------------------------------------------------------------- checks
    def quick_check(self) -> list[str]:
        """The backend's fast structural check (before every backup); empty means healthy."""
        with self.engine.connect() as connection:
            return self.backend.integrity_problems(connection)

    def check(self) -> list[str]:
        """Full integrity and foreign-key check and the schema revision; empty means healthy."""
        with self.engine.connect() as connection:
            problems = self.backend.integrity_problems(connection, full=True)
            revision = _current_revision(connection)
        if revision != head_revision():
            problems.append(
                translate("Ledger", "schema revision {revision} is not current").format(
                    revision=revision
                )
            )
        return problems

    # ----------------------------------------------------------------- use
    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def backup_to(self, target: Path) -> Path:
        """A complete, checked copy of the live ledger at `target` (see the backend)."""
        return self.backend.backup_to(target)

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a migration, a big import, on closing)."""
        self.backend.analyze(self.engine)

    def close(self, *, clean: bool = True) -> None:
        """Close the connections and the lock; `clean` remembers the file as closed in good
        order (a file refused while opening is not). A ledger changed since it was opened
        gets fresh planner statistics first (a file's; a server's autovacuum keeps its own)."""
        if clean and self.changed and self.read_only is None and self.file is not None:
            with suppress(LedgerError):  # statistics are a help, never a reason to fail
                self.analyze()
        self.engine.dispose()
        self.backend.close(clean=clean)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def inspect_file(path: Path) -> list[str]:
    """Problems that would stop the closed file `path` being used as a ledger, found
    read-only (a backup before restoring it); empty means it can be used."""
    return file_problems(path, revision_known=known_revision)


def head_revision() -> str:
    """The newest revision this app knows (the one no other revision builds on)."""
    revisions = _revisions()
    heads = set(revisions) - {parent for parent in revisions.values() if parent}
    assert len(heads) == 1, heads
    return heads.pop()


def known_revision(revision: str) -> bool:
    return revision in _revisions()


_REVISION = re.compile(r'^revision = "([^"]+)"', re.MULTILINE)
_DOWN = re.compile(r'^down_revision = (?:"([^"]+)"|None)', re.MULTILINE)


@cache
def _revisions() -> dict[str, str | None]:
    """Revision → the one it revises, read from the migration files' own lines, so that
    opening a ledger pays nothing for Alembic (it loads only to upgrade)."""
    found: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is not None and down is not None:
            found[revision.group(1)] = down.group(1)
    return found


def _create_schema(connection: Connection) -> None:
    """A new ledger's tables straight from the models, then stamped at the head revision
    (Alembic's advice for new databases; tests hold the migrations to the same schema).
    Indexes go in name order, so the same data always make the same file."""
    import app.db.models  # noqa: F401 - defines the tables on the metadata
    from app.db.base import Base

    for table in Base.metadata.sorted_tables:
        connection.execute(CreateTable(table))
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            connection.execute(CreateIndex(index))


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _current_revision(connection: Connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
