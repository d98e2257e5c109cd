"""Partial indexes for live rows (issue #14): the soft-delete index only where a row is
in the recycle bin (the planner took the full one for every report query, matching
99.8 % of rows), a covering index of the live outcome figures (the summary's windows)
and one of the live provisions by date (the summary's counts and coverage).

Revision ID: 0011
Revises: 0009 (issue brief: 0006; re-chained after 0009 landed on main)
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

IN_BIN = "deleted_at IS NOT NULL"
LIVE_FIGURES = "deleted_at IS NULL AND metric_id IS NOT NULL AND value IS NOT NULL"
LIVE = "deleted_at IS NULL"
BINNED = (
    "unit",
    "team",
    "staff",
    "service_type",
    "service_provision",
    "metric",
    "outcome_entry",
    "mentorship",
)


def _partial(name: str, table: str, columns: list[str], where: str) -> None:
    op.create_index(name, table, columns, sqlite_where=text(where), postgresql_where=text(where))


def upgrade() -> None:
    for table in BINNED:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)
        _partial(f"ix_{table}_deleted_at", table, ["deleted_at"], IN_BIN)
    _partial(
        "ix_outcome_entry_live_figures",
        "outcome_entry",
        ["metric_id", "date", "value", "staff_id", "team_id"],
        LIVE_FIGURES,
    )
    _partial(
        "ix_service_provision_live_date",
        "service_provision",
        ["date", "service_type_id", "staff_id"],
        LIVE,
    )


def downgrade() -> None:
    op.drop_index("ix_service_provision_live_date", table_name="service_provision")
    op.drop_index("ix_outcome_entry_live_figures", table_name="outcome_entry")
    for table in BINNED:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)
        op.create_index(f"ix_{table}_deleted_at", table, ["deleted_at"])
