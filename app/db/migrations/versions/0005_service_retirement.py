"""A service is retired on a day instead of switched off, and keeps its old rule for
closed quarters.

`service_type.active` becomes `retired_on` (DESIGN.md §4): a retired service still counts
in every quarter that began before that day. A service switched off before this version
is taken as retired on the day it was last changed (its `updated_at`), the best record
of when that happened. `service_rule_period` holds the rule a service had up to a
closed quarter when its rule changed afterwards.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_RULES = ("once", "yearly", "half_yearly", "quarterly", "monthly", "on_demand")


def upgrade() -> None:
    with op.batch_alter_table("service_type") as batch_op:
        batch_op.add_column(sa.Column("retired_on", sa.Date(), nullable=True))
    op.execute("UPDATE service_type SET retired_on = date(updated_at) WHERE NOT active")
    with op.batch_alter_table("service_type") as batch_op:
        if op.get_bind().dialect.name == "sqlite":  # PostgreSQL's boolean needs no CHECK
            batch_op.drop_constraint(op.f("ck_service_type_active"), type_="check")
        batch_op.drop_column("active")
    op.create_table(
        "service_rule_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_type_id", sa.Integer(), nullable=False),
        sa.Column(
            "rule",
            sa.Enum(
                *_RULES, name="servicerule", native_enum=False, create_constraint=True, length=16
            ),
            nullable=False,
        ),
        sa.Column("last_quarter", sa.String(length=6), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_type_id"],
            ["service_type.id"],
            name=op.f("fk_service_rule_period_service_type_id_service_type"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_rule_period")),
    )
    op.create_index(
        op.f("ix_service_rule_period_service_type_id"),
        "service_rule_period",
        ["service_type_id"],
        unique=False,
    )


def downgrade() -> None:
    """Back to the flag: a service retired on any day is switched off."""
    op.drop_index(op.f("ix_service_rule_period_service_type_id"), table_name="service_rule_period")
    op.drop_table("service_rule_period")
    with op.batch_alter_table("service_type") as batch_op:
        batch_op.add_column(
            sa.Column("active", sa.Boolean(create_constraint=True, name="active"), nullable=True)
        )
    op.execute("UPDATE service_type SET active = retired_on IS NULL")
    with op.batch_alter_table("service_type") as batch_op:
        batch_op.alter_column("active", existing_type=sa.Boolean(), nullable=False)
        batch_op.drop_column("retired_on")
