"""ORM models of DESIGN.md §4 (SQLAlchemy 2 typed style) over the shared base (`app.db.base`)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app import clock
from app.db.base import (
    MONEY,
    QUANTITY,
    Record,
    SoftDeletable,
    Versioned,
    labelled,
    vocabulary,
)
from app.db.vocabulary import (
    Aggregation,
    Field,
    Gender,
    Role,
    ServiceRule,
    StaffStatus,
    UnitKind,
)
from app.i18n import QT_TRANSLATE_NOOP
from app.sort_keys import KEY_LENGTH, person_key, sort_key


def _name_key() -> Mapped[str]:
    """The pinyin sort key of `name` (`app.sort_keys`), set whenever the name is."""
    return mapped_column(String(KEY_LENGTH), default="", server_default="", index=True)


class Unit(Versioned, SoftDeletable, Record):
    __tablename__ = "unit"

    name: Mapped[str] = mapped_column(
        String(100), unique=True, info=labelled(QT_TRANSLATE_NOOP("Unit", "Name"))
    )
    name_key: Mapped[str] = _name_key()
    kind: Mapped[UnitKind] = mapped_column(
        vocabulary(UnitKind), info=labelled(QT_TRANSLATE_NOOP("Unit", "Kind"))
    )
    region: Mapped[str] = mapped_column(
        String(100), default="", info=labelled(QT_TRANSLATE_NOOP("Unit", "Region"))
    )
    field: Mapped[Field | None] = mapped_column(
        vocabulary(Field), info=labelled(QT_TRANSLATE_NOOP("Unit", "Field"))
    )

    @validates("name")
    def _key_name(self, _key: str, name: str) -> str:
        self.name_key = sort_key(name)
        return name


class Team(Versioned, SoftDeletable, Record):
    """A dispatched team. Its leader is the member flagged `is_leader` (stored once)."""

    __tablename__ = "team"

    name: Mapped[str] = mapped_column(
        String(100), unique=True, info=labelled(QT_TRANSLATE_NOOP("Team", "Name"))
    )
    name_key: Mapped[str] = _name_key()
    field: Mapped[Field] = mapped_column(
        vocabulary(Field), info=labelled(QT_TRANSLATE_NOOP("Team", "Field"))
    )
    batch: Mapped[str] = mapped_column(
        String(50), default="", info=labelled(QT_TRANSLATE_NOOP("Team", "Batch"))
    )
    receiving_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("Team", "Receiving unit")),
    )

    receiving_unit: Mapped[Unit | None] = relationship()
    leader: Mapped[Staff | None] = relationship(
        primaryjoin=lambda: and_(
            Staff.team_id == Team.id, Staff.is_leader.is_(True), Staff.deleted_at.is_(None)
        ),
        viewonly=True,
        uselist=False,
    )

    @validates("name")
    def _key_name(self, _key: str, name: str) -> str:
        self.name_key = sort_key(name)
        return name


_LEADER_ROWS = "is_leader AND deleted_at IS NULL"


class Staff(Versioned, SoftDeletable, Record):
    """A dispatched person (帮扶人才); reports use the dates, not `status`."""

    __tablename__ = "staff"
    __table_args__ = (
        CheckConstraint("planned_end IS NULL OR planned_end >= start_date", name="planned_end"),
        CheckConstraint("actual_end IS NULL OR actual_end >= start_date", name="actual_end"),
        CheckConstraint("NOT is_leader OR team_id IS NOT NULL", name="leader_has_team"),
        # One leader per team among the staff not in the recycle bin.
        Index(
            "uq_staff_team_leader",
            "team_id",
            unique=True,
            sqlite_where=text(_LEADER_ROWS),
            postgresql_where=text(_LEADER_ROWS),
        ),
    )

    name: Mapped[str] = mapped_column(
        String(50), index=True, info=labelled(QT_TRANSLATE_NOOP("Staff", "Name"))
    )
    name_key: Mapped[str] = _name_key()
    gender: Mapped[Gender | None] = mapped_column(
        vocabulary(Gender), info=labelled(QT_TRANSLATE_NOOP("Staff", "Gender"))
    )
    ethnicity: Mapped[str] = mapped_column(
        String(20), default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Ethnicity"))
    )
    birth_date: Mapped[date | None] = mapped_column(
        Date, info=labelled(QT_TRANSLATE_NOOP("Staff", "Birth date"))
    )
    id_number: Mapped[str | None] = mapped_column(
        String(18),
        unique=True,
        info=labelled(QT_TRANSLATE_NOOP("Staff", "ID number"), personal=True),
    )
    phone: Mapped[str] = mapped_column(
        String(20), default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Phone"))
    )
    political_status: Mapped[str] = mapped_column(
        String(20), default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Political status"))
    )
    education: Mapped[str] = mapped_column(
        String(20), default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Education"))
    )
    title: Mapped[str] = mapped_column(
        String(50), default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Professional title"))
    )
    specialty: Mapped[str] = mapped_column(
        String(50), default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Specialty"))
    )
    field: Mapped[Field] = mapped_column(
        vocabulary(Field), index=True, info=labelled(QT_TRANSLATE_NOOP("Staff", "Field"))
    )
    sending_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("Staff", "Sending unit")),
    )
    receiving_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("Staff", "Receiving unit")),
    )
    post: Mapped[str] = mapped_column(
        String(50), default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Post"))
    )
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id"), index=True, info=labelled(QT_TRANSLATE_NOOP("Staff", "Team"))
    )
    is_leader: Mapped[bool] = mapped_column(
        Boolean(create_constraint=True, name="is_leader"),
        default=False,
        info=labelled(QT_TRANSLATE_NOOP("Staff", "Team leader")),
    )
    start_date: Mapped[date] = mapped_column(
        Date, index=True, info=labelled(QT_TRANSLATE_NOOP("Staff", "Start date"))
    )
    planned_end: Mapped[date | None] = mapped_column(
        Date, index=True, info=labelled(QT_TRANSLATE_NOOP("Staff", "Planned end"))
    )
    actual_end: Mapped[date | None] = mapped_column(
        Date, info=labelled(QT_TRANSLATE_NOOP("Staff", "Actual end"))
    )
    status: Mapped[StaffStatus] = mapped_column(
        vocabulary(StaffStatus),
        default=StaffStatus.ON_DUTY,
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("Staff", "Status")),
    )
    notes: Mapped[str] = mapped_column(
        Text, default="", info=labelled(QT_TRANSLATE_NOOP("Staff", "Notes"))
    )

    sending_unit: Mapped[Unit | None] = relationship(foreign_keys=[sending_unit_id])
    receiving_unit: Mapped[Unit | None] = relationship(foreign_keys=[receiving_unit_id])
    team: Mapped[Team | None] = relationship(foreign_keys=[team_id])

    @validates("name")
    def _key_name(self, _key: str, name: str) -> str:
        self.name_key = person_key(name)
        return name

    @property
    def end_date(self) -> date | None:
        """The last day served (DESIGN.md §5): the actual end if set, else the planned end."""
        return self.actual_end or self.planned_end


class ServiceType(Versioned, SoftDeletable, Record):
    """One of the ten services (十项服务); catalog data, editable by the office."""

    __tablename__ = "service_type"

    name: Mapped[str] = mapped_column(
        String(50), unique=True, info=labelled(QT_TRANSLATE_NOOP("ServiceType", "Name"))
    )
    description: Mapped[str] = mapped_column(
        Text, default="", info=labelled(QT_TRANSLATE_NOOP("ServiceType", "Description"))
    )
    rule: Mapped[ServiceRule] = mapped_column(
        vocabulary(ServiceRule), info=labelled(QT_TRANSLATE_NOOP("ServiceType", "Rule"))
    )
    sort_order: Mapped[int] = mapped_column(
        Integer, default=0, info=labelled(QT_TRANSLATE_NOOP("ServiceType", "Sort order"))
    )
    retired_on: Mapped[date | None] = mapped_column(
        Date, info=labelled(QT_TRANSLATE_NOOP("ServiceType", "Retired on"))
    )


class ServiceRulePeriod(Record):
    """The rule a service had up to a closed quarter, kept when its rule changed later.

    Closed quarters' printed figures must not change (DESIGN.md §4 QuarterClose), and the
    summary prints each service's rule: so a rule changed after quarters were closed
    applies from the first quarter not closed, and those closed keep the rule they were
    reported with. One row per change: `rule` held for every quarter up to and including
    `last_quarter` not covered by an earlier row.
    """

    __tablename__ = "service_rule_period"

    service_type_id: Mapped[int] = mapped_column(
        ForeignKey("service_type.id", ondelete="CASCADE"), index=True
    )
    rule: Mapped[ServiceRule] = mapped_column(vocabulary(ServiceRule))
    last_quarter: Mapped[str] = mapped_column(String(6))  # "2024Q3"


class ServiceProvision(Versioned, SoftDeletable, Record):
    """A service delivered to one person on one day (服务记录)."""

    __tablename__ = "service_provision"
    __table_args__ = (CheckConstraint("amount IS NULL OR amount >= 0", name="amount"),)

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("ServiceProvision", "Staff")),
    )
    service_type_id: Mapped[int] = mapped_column(
        ForeignKey("service_type.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("ServiceProvision", "Service")),
    )
    date: Mapped[date] = mapped_column(
        Date, index=True, info=labelled(QT_TRANSLATE_NOOP("ServiceProvision", "Date"))
    )
    details: Mapped[str] = mapped_column(
        Text, default="", info=labelled(QT_TRANSLATE_NOOP("ServiceProvision", "Details"))
    )
    amount: Mapped[Decimal | None] = mapped_column(
        MONEY, info=labelled(QT_TRANSLATE_NOOP("ServiceProvision", "Amount (yuan)"))
    )
    handled_by: Mapped[str] = mapped_column(
        String(50), default="", info=labelled(QT_TRANSLATE_NOOP("ServiceProvision", "Handled by"))
    )
    notes: Mapped[str] = mapped_column(
        Text, default="", info=labelled(QT_TRANSLATE_NOOP("ServiceProvision", "Notes"))
    )

    staff: Mapped[Staff] = relationship()
    service_type: Mapped[ServiceType] = relationship()


class Metric(Versioned, SoftDeletable, Record):
    """An outcome measure (成效指标); catalog data, editable by the office."""

    __tablename__ = "metric"
    __table_args__ = (UniqueConstraint("field", "name"),)

    name: Mapped[str] = mapped_column(
        String(50), info=labelled(QT_TRANSLATE_NOOP("Metric", "Name"))
    )
    field: Mapped[Field] = mapped_column(
        vocabulary(Field), info=labelled(QT_TRANSLATE_NOOP("Metric", "Field"))
    )
    unit: Mapped[str] = mapped_column(
        String(20), default="", info=labelled(QT_TRANSLATE_NOOP("Metric", "Unit"))
    )
    aggregation: Mapped[Aggregation] = mapped_column(
        vocabulary(Aggregation),
        default=Aggregation.SUM,
        info=labelled(QT_TRANSLATE_NOOP("Metric", "Aggregation")),
    )
    sort_order: Mapped[int] = mapped_column(
        Integer, default=0, info=labelled(QT_TRANSLATE_NOOP("Metric", "Sort order"))
    )
    active: Mapped[bool] = mapped_column(
        Boolean(create_constraint=True, name="active"),
        default=True,
        info=labelled(QT_TRANSLATE_NOOP("Metric", "Active")),
    )


class OutcomeEntry(Versioned, SoftDeletable, Record):
    """A reported figure or a narrative highlight (成效记录) for a person and/or a team."""

    __tablename__ = "outcome_entry"
    __table_args__ = (
        CheckConstraint("value IS NULL OR value >= 0", name="value"),
        CheckConstraint("staff_id IS NOT NULL OR team_id IS NOT NULL", name="owner"),
        CheckConstraint("metric_id IS NOT NULL OR is_highlight", name="metric_or_highlight"),
    )

    date: Mapped[date] = mapped_column(
        Date, index=True, info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Date"))
    )
    # A month "2024-09" or a quarter "2024Q3" for a figure entered in the grid or a wide
    # import (dated the period's last day, one live entry per owner, metric and period);
    # None for an entry dated in the ledger.
    period: Mapped[str | None] = mapped_column(
        String(7), index=True, info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Period"))
    )
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Staff")),
    )
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id"), index=True, info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Team"))
    )
    metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metric.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Metric")),
    )
    value: Mapped[Decimal | None] = mapped_column(
        QUANTITY, info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Value"))
    )
    description: Mapped[str] = mapped_column(
        Text, default="", info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Description"))
    )
    is_highlight: Mapped[bool] = mapped_column(
        Boolean(create_constraint=True, name="is_highlight"),
        default=False,
        info=labelled(QT_TRANSLATE_NOOP("OutcomeEntry", "Highlight")),
    )

    staff: Mapped[Staff | None] = relationship()
    team: Mapped[Team | None] = relationship()
    metric: Mapped[Metric | None] = relationship()


_PERIOD_ROWS = "deleted_at IS NULL AND period IS NOT NULL"

# One live figure per person or team, metric and period: a correction replaces it. The
# owners are coalesced because a unique index treats NULLs as all different.
Index(
    "uq_outcome_entry_period",
    func.coalesce(OutcomeEntry.staff_id, 0),
    func.coalesce(OutcomeEntry.team_id, 0),
    OutcomeEntry.metric_id,
    OutcomeEntry.period,
    unique=True,
    sqlite_where=text(_PERIOD_ROWS),
    postgresql_where=text(_PERIOD_ROWS),
)


# The ledger's "highlights only" filter (and the summary's highlights) by date; a
# person's entries by date (the ledger filtered to a person, the grid's entered parts).
Index("ix_outcome_entry_is_highlight_date", OutcomeEntry.is_highlight, OutcomeEntry.date)
Index("ix_outcome_entry_staff_id_date", OutcomeEntry.staff_id, OutcomeEntry.date)


class Mentorship(Versioned, SoftDeletable, Record):
    """A local colleague mentored by a dispatched person (师徒结对)."""

    __tablename__ = "mentorship"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_date"),
    )

    mentor_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id"),
        index=True,
        info=labelled(QT_TRANSLATE_NOOP("Mentorship", "Mentor")),
    )
    mentee_name: Mapped[str] = mapped_column(
        String(50), info=labelled(QT_TRANSLATE_NOOP("Mentorship", "Mentee"))
    )
    mentee_unit: Mapped[str] = mapped_column(
        String(100), default="", info=labelled(QT_TRANSLATE_NOOP("Mentorship", "Mentee unit"))
    )
    start_date: Mapped[date] = mapped_column(
        Date, index=True, info=labelled(QT_TRANSLATE_NOOP("Mentorship", "Start date"))
    )
    end_date: Mapped[date | None] = mapped_column(
        Date, info=labelled(QT_TRANSLATE_NOOP("Mentorship", "End date"))
    )
    goal: Mapped[str] = mapped_column(
        Text, default="", info=labelled(QT_TRANSLATE_NOOP("Mentorship", "Goal"))
    )
    result: Mapped[str] = mapped_column(
        Text, default="", info=labelled(QT_TRANSLATE_NOOP("Mentorship", "Result"))
    )

    mentor: Mapped[Staff] = relationship()


class MetricTarget(Versioned, Record):
    """A yearly target for a metric; the summary shows year-to-date progress against it."""

    __tablename__ = "metric_target"
    __table_args__ = (
        UniqueConstraint("metric_id", "year"),
        CheckConstraint("target_value >= 0", name="target_value"),
    )

    metric_id: Mapped[int] = mapped_column(
        ForeignKey("metric.id"), info=labelled(QT_TRANSLATE_NOOP("MetricTarget", "Metric"))
    )
    year: Mapped[int] = mapped_column(
        Integer, info=labelled(QT_TRANSLATE_NOOP("MetricTarget", "Year"))
    )
    target_value: Mapped[Decimal] = mapped_column(
        QUANTITY, info=labelled(QT_TRANSLATE_NOOP("MetricTarget", "Target"))
    )

    metric: Mapped[Metric] = relationship()


class QuarterClose(Record):
    """One closing of a quarter after its summary was printed; reopening is recorded too."""

    __tablename__ = "quarter_close"

    quarter: Mapped[str] = mapped_column(String(6), index=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(50), default="")
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime)
    reopened_by: Mapped[str] = mapped_column(String(50), default="")
    reopen_reason: Mapped[str] = mapped_column(Text, default="")


class Batch(Record):
    """Many records written by one action, undone as a whole (批次): an import of a
    file, an entry of one service for many staff, a save of the outcome grid. Its audit
    entries (`AuditEntry.batch_id`) say what it created, changed and removed."""

    __tablename__ = "batch"

    kind: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    checksum: Mapped[str] = mapped_column(String(64), default="")  # sha256 of the file
    made_by: Mapped[str] = mapped_column(String(50), default="")
    rows_added: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_removed: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str] = mapped_column(String(50), default="")


class AuditEntry(Record):
    """Who changed what (操作日志); `before`/`after` are JSON snapshots of the row."""

    __tablename__ = "audit_entry"
    # The log's list is newest first, ties by id (`app.history.audit_log`): (at, id)
    # walked backwards gives its first window at once even when a whole import shares
    # one second; an index of `at` alone made PostgreSQL sort every entry first.
    __table_args__ = (Index("ix_audit_entry_at_id", "at", "id"),)

    at: Mapped[datetime] = mapped_column(DateTime, default=clock.now)
    who: Mapped[str] = mapped_column(String(50), default="")
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(30), index=True)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id"), index=True)


class Setting(Record):
    """A key/value preference of the office (name, county, clerk, backups, language)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(50), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")


class UserAccount(Record):
    """A user of a file ledger with sign-in on (app.records.users): an argon2 hash, a
    role, a clerk's optional field. Failed sign-ins are counted here so the delay
    before the next attempt survives a restart. On a server ledger the users are the
    server's login roles instead (app.db.postgres_roles)."""

    __tablename__ = "user_account"

    name: Mapped[str] = mapped_column(
        String(50), unique=True, info=labelled(QT_TRANSLATE_NOOP("UserAccount", "User name"))
    )
    role: Mapped[Role] = mapped_column(
        vocabulary(Role), info=labelled(QT_TRANSLATE_NOOP("UserAccount", "Role"))
    )
    field: Mapped[Field | None] = mapped_column(
        vocabulary(Field), info=labelled(QT_TRANSLATE_NOOP("UserAccount", "Limited to field"))
    )
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime)


# ----------------------------------------------------------------- live-row indexes
# Partial indexes (SQLite and PostgreSQL alike). The recycle bin's own rows: an index
# of `deleted_at` where it is set, so the planner never walks a "soft-delete" index
# for the live rows every report and list asks for. The summary's outcome windows
# read date, metric, value and owners of the live figures only: a covering index lets
# it never touch the table; the same for the provisions the summary and coverage count.
IN_BIN = "deleted_at IS NOT NULL"
LIVE_FIGURES = "deleted_at IS NULL AND metric_id IS NOT NULL AND value IS NOT NULL"
LIVE = "deleted_at IS NULL"


def _partial(name: str, *columns: Any, where: str) -> Index:
    return Index(name, *columns, sqlite_where=text(where), postgresql_where=text(where))


for _model in (Unit, Team, Staff, ServiceType, ServiceProvision, Metric, OutcomeEntry, Mentorship):
    _partial(f"ix_{_model.__tablename__}_deleted_at", _model.deleted_at, where=IN_BIN)
_partial(
    "ix_outcome_entry_live_figures",
    OutcomeEntry.metric_id,
    OutcomeEntry.date,
    OutcomeEntry.value,
    OutcomeEntry.staff_id,
    OutcomeEntry.team_id,
    where=LIVE_FIGURES,
)
_partial(
    "ix_service_provision_live_date",
    ServiceProvision.date,
    ServiceProvision.service_type_id,
    ServiceProvision.staff_id,
    where=LIVE,
)
