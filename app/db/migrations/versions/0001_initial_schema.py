"""Initial schema: every entity of DESIGN.md §4

Revision ID: 0001
Revises:
Create Date: 2026-11-22 13:46:24.199835
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
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
    op.create_table(
        "metric",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column(
            "field",
            sa.Enum(
                "medical",
                "education",
                "technology",
                "general",
                name="field",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column(
            "aggregation",
            sa.Enum(
                "sum",
                "latest",
                name="aggregation",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(create_constraint=True, name="active"), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric")),
        sa.UniqueConstraint("field", "name", name=op.f("uq_metric_field_name")),
    )
    with op.batch_alter_table("metric", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_metric_deleted_at"), ["deleted_at"], unique=False)

    op.create_table(
        "quarter_close",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.String(length=6), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.String(length=50), nullable=False),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column("reopened_by", sa.String(length=50), nullable=False),
        sa.Column("reopen_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarter_close")),
    )
    with op.batch_alter_table("quarter_close", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quarter_close_quarter"), ["quarter"], unique=False)

    op.create_table(
        "service_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "rule",
            sa.Enum(
                "once",
                "yearly",
                "half_yearly",
                "quarterly",
                "monthly",
                "on_demand",
                name="servicerule",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(create_constraint=True, name="active"), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_type")),
        sa.UniqueConstraint("name", name=op.f("uq_service_type_name")),
    )
    with op.batch_alter_table("service_type", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_type_deleted_at"), ["deleted_at"], unique=False
        )

    op.create_table(
        "setting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting")),
        sa.UniqueConstraint("key", name=op.f("uq_setting_key")),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "sending",
                "receiving",
                name="unitkind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column(
            "field",
            sa.Enum(
                "medical",
                "education",
                "technology",
                "general",
                name="field",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("name", name=op.f("uq_unit_name")),
    )
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_deleted_at"), ["deleted_at"], unique=False)

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_audit_entry_import_batch_id_import_batch"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_entity"), ["entity"], unique=False)

    op.create_table(
        "metric_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("metric_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("target_value", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("target_value >= 0", name=op.f("ck_metric_target_target_value")),
        sa.ForeignKeyConstraint(
            ["metric_id"], ["metric.id"], name=op.f("fk_metric_target_metric_id_metric")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_target")),
        sa.UniqueConstraint("metric_id", "year", name=op.f("uq_metric_target_metric_id_year")),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "field",
            sa.Enum(
                "medical",
                "education",
                "technology",
                "general",
                name="field",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("batch", sa.String(length=50), nullable=False),
        sa.Column("receiving_unit_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["receiving_unit_id"], ["unit.id"], name=op.f("fk_team_receiving_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
    )
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_team_receiving_unit_id"), ["receiving_unit_id"], unique=False
        )

    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column(
            "gender",
            sa.Enum(
                "male",
                "female",
                name="gender",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("ethnicity", sa.String(length=20), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("political_status", sa.String(length=20), nullable=False),
        sa.Column("education", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=50), nullable=False),
        sa.Column("specialty", sa.String(length=50), nullable=False),
        sa.Column(
            "field",
            sa.Enum(
                "medical",
                "education",
                "technology",
                "general",
                name="field",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("sending_unit_id", sa.Integer(), nullable=True),
        sa.Column("receiving_unit_id", sa.Integer(), nullable=True),
        sa.Column("post", sa.String(length=50), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column(
            "is_leader", sa.Boolean(create_constraint=True, name="is_leader"), nullable=False
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("actual_end", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "on_duty",
                "completed",
                "ended_early",
                "rotated",
                name="staffstatus",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "NOT is_leader OR team_id IS NOT NULL", name=op.f("ck_staff_leader_has_team")
        ),
        sa.CheckConstraint(
            "actual_end IS NULL OR actual_end >= start_date", name=op.f("ck_staff_actual_end")
        ),
        sa.CheckConstraint(
            "planned_end IS NULL OR planned_end >= start_date", name=op.f("ck_staff_planned_end")
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_staff_import_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["receiving_unit_id"], ["unit.id"], name=op.f("fk_staff_receiving_unit_id_unit")
        ),
        sa.ForeignKeyConstraint(
            ["sending_unit_id"], ["unit.id"], name=op.f("fk_staff_sending_unit_id_unit")
        ),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_staff_team_id_team")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("id_number", name=op.f("uq_staff_id_number")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            "uq_staff_team_leader",
            ["team_id"],
            unique=True,
            sqlite_where=sa.text("is_leader AND deleted_at IS NULL"),
            postgresql_where=sa.text("is_leader AND deleted_at IS NULL"),
        )

    op.create_table(
        "mentorship",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("mentee_name", sa.String(length=50), nullable=False),
        sa.Column("mentee_unit", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_mentorship_end_date")
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"], ["staff.id"], name=op.f("fk_mentorship_mentor_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentorship")),
    )
    with op.batch_alter_table("mentorship", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentorship_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentorship_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentorship_start_date"), ["start_date"], unique=False)

    op.create_table(
        "outcome_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("metric_id", sa.Integer(), nullable=True),
        sa.Column("value", sa.Numeric(precision=18, scale=4), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "is_highlight", sa.Boolean(create_constraint=True, name="is_highlight"), nullable=False
        ),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "metric_id IS NOT NULL OR is_highlight",
            name=op.f("ck_outcome_entry_metric_or_highlight"),
        ),
        sa.CheckConstraint(
            "staff_id IS NOT NULL OR team_id IS NOT NULL", name=op.f("ck_outcome_entry_owner")
        ),
        sa.CheckConstraint("value IS NULL OR value >= 0", name=op.f("ck_outcome_entry_value")),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_outcome_entry_import_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["metric_id"], ["metric.id"], name=op.f("fk_outcome_entry_metric_id_metric")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_outcome_entry_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_outcome_entry_team_id_team")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_entry")),
    )
    with op.batch_alter_table("outcome_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcome_entry_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_outcome_entry_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_outcome_entry_metric_id"), ["metric_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcome_entry_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcome_entry_team_id"), ["team_id"], unique=False)

    op.create_table(
        "service_provision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("service_type_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("handled_by", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "amount IS NULL OR amount >= 0", name=op.f("ck_service_provision_amount")
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_service_provision_import_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["service_type_id"],
            ["service_type.id"],
            name=op.f("fk_service_provision_service_type_id_service_type"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_service_provision_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_provision")),
    )
    with op.batch_alter_table("service_provision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_provision_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_service_provision_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_service_provision_service_type_id"), ["service_type_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_service_provision_staff_id"), ["staff_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("service_provision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_provision_staff_id"))
        batch_op.drop_index(batch_op.f("ix_service_provision_service_type_id"))
        batch_op.drop_index(batch_op.f("ix_service_provision_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_service_provision_date"))

    op.drop_table("service_provision")
    with op.batch_alter_table("outcome_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_entry_team_id"))
        batch_op.drop_index(batch_op.f("ix_outcome_entry_staff_id"))
        batch_op.drop_index(batch_op.f("ix_outcome_entry_metric_id"))
        batch_op.drop_index(batch_op.f("ix_outcome_entry_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_outcome_entry_date"))

    op.drop_table("outcome_entry")
    with op.batch_alter_table("mentorship", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentorship_start_date"))
        batch_op.drop_index(batch_op.f("ix_mentorship_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_mentorship_deleted_at"))

    op.drop_table("mentorship")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_staff_team_leader",
            sqlite_where=sa.text("is_leader AND deleted_at IS NULL"),
            postgresql_where=sa.text("is_leader AND deleted_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_staff_deleted_at"))

    op.drop_table("staff")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_receiving_unit_id"))
        batch_op.drop_index(batch_op.f("ix_team_deleted_at"))

    op.drop_table("team")
    op.drop_table("metric_target")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_entity"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_deleted_at"))

    op.drop_table("unit")
    op.drop_table("setting")
    with op.batch_alter_table("service_type", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_type_deleted_at"))

    op.drop_table("service_type")
    with op.batch_alter_table("quarter_close", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quarter_close_quarter"))

    op.drop_table("quarter_close")
    with op.batch_alter_table("metric", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metric_deleted_at"))

    op.drop_table("metric")
    op.drop_table("import_batch")
