"""An index on the outcome entries' period: the batch grid and wide imports look up a
period's figures (and a quarter's month entries) without walking the whole ledger.

Revision ID: 0006
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_outcome_entry_period", "outcome_entry", ["period"])


def downgrade() -> None:
    op.drop_index("ix_outcome_entry_period", table_name="outcome_entry")
