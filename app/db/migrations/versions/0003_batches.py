"""One batch for imports, entry for many and grid saves; the audit entry links to it.

The records themselves no longer carry an import batch id: the audit entries of a
batch say what it created, changed and removed, which is what undoing it needs.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_RECORD_TABLES = ("staff", "service_provision", "outcome_entry")


def upgrade() -> None:
    op.create_table(
        "batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("made_by", sa.String(length=50), nullable=False),
        sa.Column("rows_added", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_removed", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch")),
    )
    for table in _RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_import_batch_id_import_batch", type_="foreignkey")
            batch_op.drop_column("import_batch_id")
    with op.batch_alter_table("audit_entry") as batch_op:
        batch_op.drop_constraint("fk_audit_entry_import_batch_id_import_batch", type_="foreignkey")
        batch_op.drop_column("import_batch_id")
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_audit_entry_batch_id_batch"), "batch", ["batch_id"], ["id"]
        )
        batch_op.create_index(op.f("ix_audit_entry_batch_id"), ["batch_id"], unique=False)
    op.drop_table("import_batch")


def downgrade() -> None:
    """Back to the per-record import batch ids (batches themselves are dropped)."""
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("imported_by", sa.String(length=50), nullable=False),
        sa.Column("rows_added", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    with op.batch_alter_table("audit_entry") as batch_op:
        batch_op.drop_index(op.f("ix_audit_entry_batch_id"))
        batch_op.drop_constraint(op.f("fk_audit_entry_batch_id_batch"), type_="foreignkey")
        batch_op.drop_column("batch_id")
    for table in (*_RECORD_TABLES, "audit_entry"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("import_batch_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                f"fk_{table}_import_batch_id_import_batch",
                "import_batch",
                ["import_batch_id"],
                ["id"],
            )
    op.drop_table("batch")
