"""Indexes for the roster's search, filters and sorting (issue: staff page).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_field"), ["field"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_planned_end"), ["planned_end"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_staff_receiving_unit_id"), ["receiving_unit_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_staff_sending_unit_id"), ["sending_unit_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_staff_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_team_id"), ["team_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_field"))
        batch_op.drop_index(batch_op.f("ix_staff_name"))
        batch_op.drop_index(batch_op.f("ix_staff_planned_end"))
        batch_op.drop_index(batch_op.f("ix_staff_receiving_unit_id"))
        batch_op.drop_index(batch_op.f("ix_staff_sending_unit_id"))
        batch_op.drop_index(batch_op.f("ix_staff_start_date"))
        batch_op.drop_index(batch_op.f("ix_staff_status"))
        batch_op.drop_index(batch_op.f("ix_staff_team_id"))
