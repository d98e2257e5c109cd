"""The PostgreSQL backend: a ledger shared by several clerks on one server database.

Everything specific to a server lives here, behind the methods `app.db.sqlite` offers
too: the engine (psycopg 3, the password asked from a callable at each connection so
the OS credential store can hold it), the one translation of the server's errors by
SQLSTATE into the typed errors of `app.errors`, the advisory locks that serialise the
closed-quarter check, and LISTEN/NOTIFY for other clerks' pages.

psycopg 3 (`psycopg[binary]`, wheels with libpq inside for Windows) because it is the
maintained PostgreSQL driver SQLAlchemy 2 supports natively, honours every libpq
connection option in the URL (`sslmode`, `sslrootcert`, `connect_timeout`) and reads
notifications from a plain blocking connection without polling the tables.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, ExceptionContext, make_url

from app.db.conflicts import conflict_error
from app.db.entities import entity_label
from app.errors import (
    DatabaseMissing,
    DatabaseRefused,
    DiskFull,
    LedgerError,
    NotAllowed,
    NotPermitted,
    ReadOnlyStorage,
    ServerUnreachable,
    SignInRefused,
    StorageError,
    StorageLocked,
    WriteConflict,
)
from app.i18n import translate

Password = Callable[[], str | None]
CHANNEL = "bangfu_changes"
# Every process that writes tells its own notifications apart from other clerks'.
ORIGIN = uuid.uuid4().hex[:12]
# Advisory lock keys (one number per purpose, arbitrary but fixed).
LOCKS = {"closing": 0x42464C01, "schema": 0x42464C02}
CONNECT_TIMEOUT_S = int(os.environ.get("BANGFU_CONNECT_TIMEOUT_S", "10"))
_MARKER_TABLES = frozenset({"alembic_version", "staff", "audit_entry", "setting"})


def storage_error(error: BaseException, where: str, *, user: str = "") -> LedgerError | None:
    """The typed error for a failure of the server at `where` (user@host:port/db) met
    by the login `user`, or None when `error` is not the server's (a bug): the one
    translation, by SQLSTATE."""
    import psycopg

    original = getattr(error, "orig", error)
    if not isinstance(original, psycopg.Error):
        return None
    state = original.sqlstate or ""
    diag = original.diag
    if state in ("23505", "23503"):  # unique / foreign key violation: a concurrent writer
        return conflict_error(diag.table_name, constraint=diag.constraint_name)
    if state in ("40001", "40P01"):
        return WriteConflict(
            translate(
                "Storage",
                "Another user was saving the same records at the same moment, so the change "
                "was not saved. Try again.",
            )
        )
    if state in ("55P03", "57014"):
        return StorageLocked(
            translate(
                "Storage",
                "The database {where} is busy with another user's long change. Try again in a "
                "moment; the data are fine.",
            ).format(where=where)
        )
    if state == "42501":  # the server's own GRANTs or row-level security said no
        return refused_by_server(_first_line(original), diag.table_name, user=user)
    if state == "25006":
        return ReadOnlyStorage(
            translate(
                "Storage", "The database {where} is read-only: records can be looked at only."
            ).format(where=where)
        )
    if state in ("53100", "53200"):
        return DiskFull(
            translate(
                "Storage",
                "The database server {where} has no room left, so the change was not saved. "
                "Ask IT to free space on the server; nothing was lost.",
            ).format(where=where)
        )
    if state in ("28P01", "28000") or "password authentication failed" in str(original):
        return SignInRefused(
            translate(
                "Storage",
                "The server {where} refused the user name or password. Check them, or ask IT "
                "whether the user may sign in ({reason}).",
            ).format(where=where, reason=_first_line(original))
        )
    if state == "3D000" or ("database" in str(original) and "does not exist" in str(original)):
        return DatabaseMissing(
            translate(
                "Storage",
                "The server has no database {where}. Check the database name, or ask IT to "
                "create it ({reason}).",
            ).format(where=where, reason=_first_line(original))
        )
    if isinstance(original, psycopg.OperationalError) or state.startswith(("08", "57P")):
        return ServerUnreachable(
            translate(
                "Storage",
                "The database server {where} cannot be reached ({reason}). Check the network "
                "and the address, or tell IT; the change was not saved.",
            ).format(where=where, reason=_first_line(original))
        )
    return None


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or ["?"])[0]


_REFUSED_TABLE = re.compile(r'(?:for table|for relation|on table) "?([A-Za-z0-9_]+)"?')


def refused_by_server(reason: str, table: str | None = None, *, user: str = "") -> NotPermitted:
    """SQLSTATE 42501 as the clerk reads it: what the server refused, to whom. The app
    checks rights first (`app.records.permissions`); this is the wall behind, met by a
    write that slipped past those checks or by rights changed on the server meanwhile.
    Nothing was written (the transaction is rolled back)."""
    match = _REFUSED_TABLE.search(reason)
    table = table or (match.group(1) if match else None)
    what = entity_label(table) if table else translate("Storage", "this data")
    who = user or translate("Storage", "your user")
    if "row-level security" in reason:
        message = translate(
            "Storage",
            "The server refused the change: {user} may write {what} records of their own "
            "field only, and this one belongs to another field. Nothing was saved "
            "(server: {reason}).",
        )
    elif "permission denied for table" in reason or "permission denied for sequence" in reason:
        message = translate(
            "Storage",
            "The server refused the change: {user} may not change {what}. Nothing was "
            "saved; ask an administrator for the rights (server: {reason}).",
        )
    else:
        message = translate(
            "Storage",
            "The server does not allow {user} to do this. Nothing was saved; ask an "
            "administrator (server: {reason}).",
        )
    return NotPermitted(message.format(user=who, what=what, reason=reason))


def address_of(url: str) -> str:
    """host:port/database, without the user: where a server ledger is, whoever signs in
    (the key of a remembered password and of the last user name)."""
    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


class PostgresServer:
    """A ledger in one PostgreSQL database. There is no instance lock (many clerks
    share it) and no file: backups are IT's `pg_dump` or a `copy` to a file."""

    def __init__(self, url: str, *, password: Password | None = None) -> None:
        parsed = make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        self.url = parsed
        self._password = password
        self.file: Path | None = None
        host = parsed.host or "localhost"
        port = parsed.port or 5432
        user = f"{parsed.username}@" if parsed.username else ""
        self.location = f"{user}{host}:{port}/{parsed.database or ''}"
        self.name = parsed.database or ""
        self.read_only: str | None = None
        self.origin = ORIGIN  # whose notices `ChangeListener` leaves out (this process's)

    @property
    def user(self) -> str:
        return self.url.username or ""

    @property
    def asks_password(self) -> bool:
        """Neither the address nor the caller gives a password: the clerk signs in."""
        return self.url.password is None and self._password is None

    # ----------------------------------------------------------------- opening
    def exists(self) -> bool:
        """The database is there when the server lets us in (IT creates databases; the
        app creates only the tables, in a blank one)."""
        return True

    def prepare(self, *, is_new: bool, exclusive: bool) -> None:
        """Nothing to prepare: no lock, no folder."""

    def engine(self) -> Engine:
        engine = create_engine(
            self.url,
            pool_pre_ping=True,
            connect_args={
                "application_name": "bangfu-ledger",
                "connect_timeout": CONNECT_TIMEOUT_S,
            },
        )
        password = self._password
        if password is not None and self.url.password is None:

            def give_password(
                _dialect: Any, _record: Any, _args: Any, params: dict[str, Any]
            ) -> None:
                secret = password()
                if secret is not None:
                    params["password"] = secret

            event.listen(engine, "do_connect", give_password)
        where, user = self.location, self.user

        def translate_errors(context: ExceptionContext) -> None:
            typed = storage_error(context.original_exception, where, user=user)
            if typed is not None:
                raise typed from context.original_exception

        event.listen(engine, "handle_error", translate_errors)
        return engine

    def is_blank(self, connection: Connection) -> bool:
        """A database without any table: the app may create the ledger in it."""
        return not inspect(connection).get_table_names()

    def stamp_new(self, connection: Connection) -> None:
        """A server database is recognised by its tables; nothing to stamp."""

    def recognise(self, connection: Connection) -> None:
        names = set(inspect(connection).get_table_names())
        if not names >= _MARKER_TABLES:
            raise DatabaseRefused(
                translate(
                    "Ledger",
                    "The database {where} holds other tables and is not a Bangfu Ledger; "
                    "it was not changed. Ask IT for an empty database.",
                ).format(where=self.location)
            )

    @contextmanager
    def migrating(self, connection: Connection) -> Iterator[None]:
        """One transaction for the whole migration (PostgreSQL's DDL is transactional, so
        a failed upgrade leaves the database as it was); two clerks starting a new
        version at once take turns. Only the tables' owner may change them: anyone else
        is told so before anything is tried. When the ledger's roles are set up
        (`app.db.postgres_roles`), their GRANTs and row-level security are applied again
        in the same transaction, so a table or column the upgrade adds is at once
        usable by clerks as their role allows, without IT running `server-roles`."""
        from app.db import postgres_roles

        with connection.begin():
            self.hold(connection, "schema", exclusive=True)
            self._refuse_unless_owner(connection)
            yield
            raw = connection.connection.driver_connection
            if postgres_roles.installed(raw):  # type: ignore[arg-type]
                postgres_roles.install(raw)  # type: ignore[arg-type]

    def _refuse_unless_owner(self, connection: Connection) -> None:
        row = connection.exec_driver_sql(
            "SELECT t.tableowner, r.rolsuper OR pg_has_role(current_user, t.tableowner, "
            "'MEMBER') FROM pg_tables t, pg_roles r WHERE t.schemaname = 'public' "
            "AND t.tablename = 'alembic_version' AND r.rolname = current_user"
        ).first()
        if row is not None and not row[1]:
            raise NotPermitted(
                translate(
                    "Ledger",
                    "The ledger {where} must be upgraded for this version of the app, and "
                    "only its owner {owner} may do that. Ask IT to open it once as {owner} "
                    "(or with an older version of the app meanwhile); nothing was changed.",
                ).format(where=self.location, owner=row[0])
            )

    @staticmethod
    def analyze(engine: Engine) -> None:
        """Fresh planner statistics and visibility map after a big load (an upgrade, a
        copy): VACUUM marks the copied rows visible, so a list's count reads its index
        alone instead of every row. Autovacuum gets there too, minutes later. VACUUM
        runs outside a transaction; tables the user does not own are passed over."""
        with engine.connect() as connection:
            autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
            autocommit.exec_driver_sql("VACUUM (ANALYZE)")

    # ----------------------------------------------------------------- checks
    @staticmethod
    def integrity_problems(connection: Connection, *, full: bool = False) -> list[str]:
        """The server checks its pages and keys itself; nothing to find from here."""
        return []

    # ----------------------------------------------------------------- backups
    def backup_to(self, target: Path) -> Path:
        raise NotAllowed(server_backup_message())

    def close(self, *, clean: bool = True) -> None:
        """The engine's pool is disposed by the facade; nothing else is held."""

    # ----------------------------------------------------------------- several clerks
    @staticmethod
    def hold(connection: Connection, lock: str, *, exclusive: bool = False) -> None:
        """Take a transaction-long advisory lock: writers checking closed quarters hold it
        shared, closing and reopening exclusively, so no record slips into a quarter being
        closed (a check-then-write race otherwise)."""
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        connection.exec_driver_sql(f"SELECT {function}({LOCKS[lock]})")

    def announce(self, connection: Connection, entities: frozenset[str]) -> None:
        """NOTIFY the other clerks, delivered by the server when (and only if) the
        transaction commits: the kinds of record touched, and who sent it."""
        payload = json.dumps({"o": self.origin, "e": sorted(entities)}, separators=(",", ":"))
        if len(payload) > 7000:  # NOTIFY's limit is 8000 bytes: "something changed"
            payload = json.dumps({"o": self.origin, "e": []})
        connection.exec_driver_sql(
            "SELECT pg_notify(%(channel)s, %(payload)s)",
            {
                "channel": CHANNEL,
                "payload": payload,
            },
        )

    @staticmethod
    def after_copy(connection: Connection, tables: list[str]) -> None:
        """Rows came with their ids: each table's id sequence goes on after the largest."""
        for table in tables:
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false) "
                f"WHERE pg_get_serial_sequence('{table}', 'id') IS NOT NULL"
            )

    def listener(self) -> ChangeListener:
        """A connection of its own that hears the other clerks' commits."""
        return ChangeListener(self)

    def connect_raw(self) -> Any:
        """A plain psycopg connection with the ledger's credentials (listening)."""
        import psycopg

        params = self.url.translate_connect_args(username="user", database="dbname")
        params.update({key: value for key, value in self.url.query.items()})
        if "password" not in params and self._password is not None:
            secret = self._password()
            if secret is not None:
                params["password"] = secret
        try:
            return psycopg.connect(
                autocommit=True,
                application_name="bangfu-ledger-listener",
                connect_timeout=CONNECT_TIMEOUT_S,
                **params,
            )
        except psycopg.Error as error:
            raise (storage_error(error, self.location) or StorageError(str(error))) from error


class ChangeListener:
    """LISTENs on the ledger's channel; `wait` returns the kinds of record other
    clerks' commits touched (an empty set means "something": reload everything)."""

    def __init__(self, server: PostgresServer) -> None:
        self._origin = server.origin
        self._connection = server.connect_raw()
        self._connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return int(self._connection.fileno())

    def wait(self, timeout: float) -> list[frozenset[str]]:
        """What arrived within `timeout` seconds (returns early on the first)."""
        import psycopg

        found: list[frozenset[str]] = []
        try:
            for notice in self._connection.notifies(timeout=timeout, stop_after=1):
                found.append(_parse(notice.payload, self._origin))
            for notice in self._connection.notifies(timeout=0):
                found.append(_parse(notice.payload, self._origin))
        except psycopg.Error as error:
            raise (storage_error(error, "") or StorageError(str(error))) from error
        return [entities for entities in found if entities is not _OWN]

    def close(self) -> None:
        self._connection.close()


_OWN: frozenset[str] = frozenset({"\0own"})


def _parse(payload: str, origin: str) -> frozenset[str]:
    try:
        message = json.loads(payload)
    except ValueError:
        return frozenset()
    if message.get("o") == origin:
        return _OWN
    return frozenset(str(entity) for entity in message.get("e", []))


def server_backup_message() -> str:
    return translate(
        "Ledger",
        "A server ledger is backed up on the server (IT's pg_dump) or copied to a file "
        "with the copy command; the app's own file backups do not apply to it.",
    )
