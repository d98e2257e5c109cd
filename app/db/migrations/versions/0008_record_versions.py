"""Optimistic locking: a version counter on the records clerks edit. Each UPDATE raises
it and is made only while it still holds the value the writer read, so two clerks
saving the same record on a shared ledger cannot overwrite each other unseen; the
form that read an older version is told who changed the record meanwhile.

Revision ID: 0008
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"  # re-chained last at the merges (0006 → 0009 → 0011 → 0007 → 0008)
branch_labels = None
depends_on = None

# Every table of a model mixing in `app.db.base.Versioned`.
TABLES = (
    "unit",
    "team",
    "staff",
    "service_type",
    "service_provision",
    "metric",
    "outcome_entry",
    "mentorship",
    "metric_target",
)


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite allows it with a default): no table is copied, and
    # every row starts at version 1.
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    for table in TABLES:  # DROP COLUMN: SQLite 3.35 and later, PostgreSQL
        op.drop_column(table, "version")
