"""Indexes for the outcome ledger: on the period (the batch grid and wide imports look
up a period's figures, and a quarter's month entries, without walking the whole
ledger), on highlights by date (the ledger's "highlights only" filter) and on a
person's entries by date (the ledger filtered to a person, the grid's entered parts).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_outcome_entry_period", "outcome_entry", ["period"])
    op.create_index("ix_outcome_entry_is_highlight_date", "outcome_entry", ["is_highlight", "date"])
    op.create_index("ix_outcome_entry_staff_id_date", "outcome_entry", ["staff_id", "date"])


def downgrade() -> None:
    op.drop_index("ix_outcome_entry_staff_id_date", table_name="outcome_entry")
    op.drop_index("ix_outcome_entry_is_highlight_date", table_name="outcome_entry")
    op.drop_index("ix_outcome_entry_period", table_name="outcome_entry")
