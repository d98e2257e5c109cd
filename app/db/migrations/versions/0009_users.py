"""Users of a file ledger with sign-in on: a name, a role, a clerk's optional field,
an argon2 password hash, and the failed sign-ins that slow down the next attempt.

Revision ID: 0009
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def _vocabulary(name: str, *codes: str) -> sa.Enum:
    return sa.Enum(*codes, name=name, native_enum=False, create_constraint=True, length=16)


def upgrade() -> None:
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("role", _vocabulary("role", "admin", "clerk", "viewer"), nullable=False),
        sa.Column(
            "field",
            _vocabulary("field", "medical", "education", "technology", "general"),
            nullable=True,
        ),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
        sa.Column("failed_count", sa.Integer(), nullable=False),
        sa.Column("failed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("name", name=op.f("uq_user_account_name")),
    )


def downgrade() -> None:
    op.drop_table("user_account")
