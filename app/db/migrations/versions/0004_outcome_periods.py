"""Outcome entries carry the period of the grid or wide import that made them.

One live entry per person or team, metric and period (`uq_outcome_entry_period`), so a
corrected monthly table replaces what it stored before instead of adding to it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PERIOD_ROWS = "deleted_at IS NULL AND period IS NOT NULL"


def upgrade() -> None:
    op.add_column("outcome_entry", sa.Column("period", sa.String(length=7), nullable=True))
    op.create_index(
        "uq_outcome_entry_period",
        "outcome_entry",
        [
            sa.text("coalesce(staff_id, 0)"),
            sa.text("coalesce(team_id, 0)"),
            "metric_id",
            "period",
        ],
        unique=True,
        sqlite_where=sa.text(_PERIOD_ROWS),
        postgresql_where=sa.text(_PERIOD_ROWS),
    )


def downgrade() -> None:
    op.drop_index("uq_outcome_entry_period", table_name="outcome_entry")
    with op.batch_alter_table("outcome_entry") as batch_op:
        batch_op.drop_column("period")
