"""Pinyin sort keys for staff, unit and team names (`app.sort_keys`): a plain indexed
text column `name_key` on each table, filled here for the rows that exist (the models
fill it on every later write).

Revision ID: 0007
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.sort_keys import KEY_LENGTH, person_key, sort_key

revision = "0007"
down_revision = "0011"  # chained after 0009 (users) and 0011 (indexes) at the merges
branch_labels = None
depends_on = None

_TABLES = {"staff": person_key, "unit": sort_key, "team": sort_key}


def upgrade() -> None:
    connection = op.get_bind()
    for table, key_of in _TABLES.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("name_key", sa.String(KEY_LENGTH), nullable=False, server_default="")
            )
        rows = connection.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        for row_id, name in rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET name_key = :key WHERE id = :id"),
                {"key": key_of(name), "id": row_id},
            )
        op.create_index(f"ix_{table}_name_key", table, ["name_key"])


def downgrade() -> None:
    for table in _TABLES:
        op.drop_index(f"ix_{table}_name_key", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("name_key")
