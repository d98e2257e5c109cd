"""A server ledger that cannot be opened says why, in one message for IT, naming the
server: a wrong password, a missing database, TLS the server does not offer, a
database that holds something else (left untouched)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from app.db.ledger import Ledger
from app.errors import DatabaseMissing, DatabaseRefused, ServerUnreachable, SignInRefused
from tests import pg


def address(**changes: object) -> str:
    return make_url(pg.url_of("postgres")).set(**changes).render_as_string(hide_password=False)  # type: ignore[arg-type]


def test_a_wrong_password_is_refused_by_name() -> None:
    with pytest.raises(SignInRefused, match="refused the user name or password") as error:
        Ledger.open(address(password="wrong"))
    assert "bangfu@127.0.0.1" in str(error.value)


def test_the_password_is_asked_when_the_address_has_none() -> None:
    right = make_url(pg.url_of("postgres")).password
    asked: list[bool] = []

    def password() -> str | None:
        asked.append(True)
        return right

    name = pg.create_database()
    try:
        url = pg.url_of(name).replace(f":{right}@", "@")
        with Ledger.open(url, password=password) as ledger:
            assert ledger.is_server and asked
    finally:
        pg.drop_database(name)


def test_a_missing_database_is_named() -> None:
    with pytest.raises(DatabaseMissing, match="has no database"):
        Ledger.open(address(database="no_such_ledger"))


def test_sslmode_from_the_address_is_honoured() -> None:
    """The test server offers no TLS: `sslmode=require` must refuse to go on without."""
    with pytest.raises(ServerUnreachable, match="SSL"):
        Ledger.open(address(query={"sslmode": "require"}))


def test_a_database_holding_other_tables_is_refused_untouched() -> None:
    import psycopg

    name = pg.create_database()
    params = make_url(pg.url_of(name)).translate_connect_args(username="user", database="dbname")
    try:
        with psycopg.connect(autocommit=True, **params) as connection:
            connection.execute("CREATE TABLE invoices (id integer)")
        with pytest.raises(DatabaseRefused, match="not a Bangfu Ledger"):
            Ledger.open(pg.url_of(name))
        with psycopg.connect(autocommit=True, **params) as connection:
            tables = connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        assert tables == [("invoices",)]
    finally:
        pg.drop_database(name)


def test_a_blank_server_database_is_not_made_a_ledger_when_only_read() -> None:
    """`check`, `report` and a copy's source open with create=False: nothing is made."""
    name = pg.create_database()
    try:
        with pytest.raises(DatabaseRefused, match="holds no ledger yet"):
            Ledger.open(pg.url_of(name), create=False)
        with Ledger.open(pg.url_of(name)) as ledger:  # opened to work in: made
            assert ledger.created
    finally:
        pg.drop_database(name)
