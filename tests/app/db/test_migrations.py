"""Alembic revisions keep one head, and the migrated schema is exactly the models'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.db.base import Base
from app.db.ledger import MIGRATIONS_DIR, Ledger, _alembic_config, _revisions, head_revision
from app.db.sqlite import SqliteFile


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
