"""Alembic revisions keep one head, and the migrated schema is exactly the models'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from app.db.base import Base
from app.db.ledger import MIGRATIONS_DIR, Ledger, _alembic_config, _revisions, head_revision
from app.db.postgres import PostgresServer
from app.db.sqlite import SqliteFile
from app.errors import DatabaseRefused
from tests import pg


def test_migrations_have_one_head() -> None:
    """Several issues add revisions; two heads would leave a ledger half upgraded."""
    assert len(ScriptDirectory(str(MIGRATIONS_DIR)).get_heads()) == 1


def migrated(path: Path) -> SqliteFile:
    """An empty file taken through every migration from the first (how old ledgers arrive)."""
    backend = SqliteFile(path)
    backend.prepare(is_new=True, exclusive=False)
    engine = backend.engine()
    with engine.connect() as connection, backend.migrating(connection):
        command.upgrade(_alembic_config(connection), "head")
    engine.dispose()
    return backend


# SQLAlchemy cannot reflect expression indexes (uq_outcome_entry_period); the next test
# compares those by their SQL.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    engine = migrated(tmp_path / "old.db").engine()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_new_ledgers_are_built_as_the_migrations_build_them(tmp_path: Path) -> None:
    """A new file is made from the models; it must hold the very schema of an upgraded one."""
    migrated(tmp_path / "old.db")
    Ledger.open(tmp_path / "new.db").close()

    def schema(path: Path) -> dict[str, frozenset[str]]:
        """Each table's columns and constraints as a set (their order may differ), each
        index's whole definition."""
        rows = sqlite3.connect(path).execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%'"
        )
        return {name: definition_parts(sql) for name, sql in rows}

    assert schema(tmp_path / "new.db") == schema(tmp_path / "old.db")


def definition_parts(sql: str) -> frozenset[str]:
    """The comma-separated items inside a CREATE TABLE's outer parentheses."""
    text = " ".join(sql.replace('"', "").split())
    if not text.upper().startswith("CREATE TABLE"):
        return frozenset({text})
    body = text[text.index("(") + 1 : text.rindex(")")]
    parts, depth, current = [], 0, ""
    for char in body:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return frozenset([*parts, current.strip()])


def test_partial_leader_index_survives_table_rebuilds(tmp_path: Path) -> None:
    """Batch migrations copy tables; the one-leader-per-team rule must come along."""
    migrated(tmp_path / "old.db")
    sql = sqlite3.connect(tmp_path / "old.db").execute(
        "SELECT sql FROM sqlite_master WHERE name = 'uq_staff_team_leader'"
    )
    assert "WHERE is_leader AND deleted_at IS NULL" in sql.fetchone()[0]


def test_the_revisions_read_from_the_files_are_alembics() -> None:
    """Opening reads revisions without Alembic; they must be the ones Alembic sees."""
    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    assert head_revision() == scripts.get_current_head()
    assert {script.revision for script in scripts.walk_revisions()} == set(_revisions())


# ------------------------------------------------------------------ on a server
def migrated_on_server() -> str:
    """A blank server database taken through every migration; its URL."""
    url = pg.url_of(pg.create_database())
    backend = PostgresServer(url)
    engine = backend.engine()
    with engine.connect() as connection, backend.migrating(connection):
        command.upgrade(_alembic_config(connection), "head")
    engine.dispose()
    return url


SERVER_SCHEMA = {
    "columns": "SELECT table_name, column_name, data_type, is_nullable, column_default,"
    " character_maximum_length, numeric_precision, numeric_scale"
    " FROM information_schema.columns WHERE table_schema = 'public'",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
    " FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
}


def server_schema(url: str) -> dict[str, set[tuple[object, ...]]]:
    import psycopg

    params = make_url(url).translate_connect_args(username="user", database="dbname")
    with psycopg.connect(**params) as connection:
        return {
            part: {tuple(row) for row in connection.execute(query)}
            for part, query in SERVER_SCHEMA.items()
        }


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_on_a_server_migrations_and_models_build_the_same_schema() -> None:
    """Both paths on PostgreSQL: the migrated database matches the models, and a new
    ledger made from the models has the very columns, indexes and constraints."""
    old = migrated_on_server()
    engine = PostgresServer(old).engine()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
    new = pg.url_of(pg.create_database())
    Ledger.open(new).close()
    old_schema, new_schema = server_schema(old), server_schema(new)
    assert old_schema["columns"] == new_schema["columns"]
    assert old_schema["indexes"] == new_schema["indexes"]
    assert old_schema["constraints"] == new_schema["constraints"]
    assert any("WHERE (is_leader AND" in row[2] for row in new_schema["indexes"])
    for url in (old, new):
        pg.drop_database(make_url(url).database or "")


def test_a_server_ledger_of_a_newer_version_is_refused_untouched() -> None:
    url = pg.url_of(pg.create_database())
    Ledger.open(url).close()
    engine = PostgresServer(url).engine()
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    before = server_schema(url)
    with pytest.raises(DatabaseRefused, match="newer"):
        Ledger.open(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            "9999"
        )
    engine.dispose()
    assert server_schema(url) == before
    pg.drop_database(make_url(url).database or "")
