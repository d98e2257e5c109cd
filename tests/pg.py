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
