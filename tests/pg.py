"""The test PostgreSQL server: fresh databases made from migrated templates.

`.ci/run` starts a throwaway cluster (`.ci/postgres`) and exports BANGFU_TEST_PG, the
URL of its maintenance database. Each test that runs on the server gets a database of
its own, `CREATE DATABASE … TEMPLATE` a prepared one (an empty ledger, or the demo
ledger copied once per session), which costs a few milliseconds instead of a migration.
Without the variable the server tests skip and say why; in CI (`CI` or
BANGFU_REQUIRE_PG set) a missing server fails them instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.engine import make_url

URL = os.environ.get("BANGFU_TEST_PG", "")
REQUIRED = bool(os.environ.get("CI") or os.environ.get("BANGFU_REQUIRE_PG"))
MISSING = 'no test server: set BANGFU_TEST_PG (eval "$(bash .ci/postgres start)")'


def require_server() -> str:
    """The server's URL, or skip (fail in CI) when there is none."""
    if not URL:
        if REQUIRED:
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    return URL


def url_of(database: str) -> str:
    """The URL of `database` on the test server."""
    return make_url(require_server()).set(database=database).render_as_string(hide_password=False)


@contextmanager
def admin() -> Iterator[Any]:
    """An autocommit connection to the maintenance database (CREATE/DROP DATABASE)."""
    import psycopg

    params = make_url(require_server()).translate_connect_args(username="user", database="dbname")
    with psycopg.connect(autocommit=True, **params) as connection:
        yield connection


def create_database(template: str | None = None) -> str:
    """A new database (copied from `template` when given); its name."""
    name = f"bangfu_{uuid.uuid4().hex[:12]}"
    with admin() as connection:
        clause = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        connection.execute(f"CREATE DATABASE {name}{clause}")
    return name


def drop_database(name: str) -> None:
    with admin() as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class Spares:
    """Databases copied from `template` ahead of need by a thread of their own, so a
    test takes one ready-made instead of waiting ~0.2 s for CREATE DATABASE."""

    def __init__(self, template: str, ready: int = 3) -> None:
        import queue
        import threading

        self.template = template
        self._ready: queue.Queue[str] = queue.Queue(maxsize=ready)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._fill, daemon=True)
        self._thread.start()

    def _fill(self) -> None:
        import queue

        while not self._stop.is_set():
            name = create_database(self.template)
            while True:
                try:
                    self._ready.put(name, timeout=0.2)
                    break
                except queue.Full:
                    if self._stop.is_set():
                        drop_database(name)
                        return

    def take(self) -> str:
        return self._ready.get(timeout=60)

    def close(self) -> None:
        import queue

        self._stop.set()
        self._thread.join(timeout=30)
        while True:
            try:
                drop_database(self._ready.get_nowait())
            except queue.Empty:
                return


# ----------------------------------------------------------------- an office's users
PASSWORDS = {"admin": "zhou-secret-1", "clerk": "li-secret-12", "viewer": "zhao-secret-1"}


@dataclass(frozen=True)
class Office:
    """A server ledger with its roles set up and one login per role: an administrator,
    a 填报员 limited to 医疗 and a 查看 (names unique on the server, which is shared)."""

    database: str
    users: dict[str, str]

    def url(self, who: str | None = None, *, password: bool = True) -> str:
        """The ledger's URL as the owner (None) or as the login of role `who`."""
        if who is None:
            return url_of(self.database)
        address = make_url(url_of(self.database)).set(username=self.users[who])
        address = address._replace(password=PASSWORDS[who] if password else None)  # set() keeps
        return address.render_as_string(hide_password=False)


def set_up_roles(database: str) -> dict[str, str]:
    """`server-roles` on `database` (as its owner), then the administrator adds a
    医疗 clerk and a viewer as Settings → 用户 does; their login names."""
    from app.db import postgres_roles as roles
    from app.db.vocabulary import Field, Role

    suffix = uuid.uuid4().hex[:6]
    users = {"admin": f"zhou_{suffix}", "clerk": f"li_{suffix}", "viewer": f"zhao_{suffix}"}
    with connect(database) as connection:
        roles.install(connection)
        roles.create_user(connection, users["admin"], Role.ADMIN, None, PASSWORDS["admin"])
    with connect(database, users["admin"], PASSWORDS["admin"]) as connection:
        roles.create_user(connection, users["clerk"], Role.CLERK, Field.MEDICAL, PASSWORDS["clerk"])
        roles.create_user(connection, users["viewer"], Role.VIEWER, None, PASSWORDS["viewer"])
    return users


@contextmanager
def connect(database: str, user: str | None = None, password: str | None = None) -> Iterator[Any]:
    """An autocommit psycopg connection to `database`, as the owner or as `user`."""
    import psycopg

    url = make_url(url_of(database))
    if user is not None:
        url = url.set(username=user, password=password)
    params = url.translate_connect_args(username="user", database="dbname")
    with psycopg.connect(autocommit=True, **params) as connection:
        yield connection


@contextmanager
def office(database: str) -> Iterator[Office]:
    """`database` with its roles and users; afterwards the database and every role of
    it are dropped (roles belong to the whole server)."""
    from app.db import postgres_roles as roles
    from app.db.vocabulary import Field, Role

    users: dict[str, str] = {}
    try:
        users.update(set_up_roles(database))
        yield Office(database, users)
    finally:
        drop_database(database)
        with admin() as connection:
            for name in [
                *users.values(),
                *(roles.group(database, role) for role in Role),
                *(roles.field_group(database, field) for field in Field),
            ]:
                connection.execute(f'DROP ROLE IF EXISTS "{name}"')
