"""The roster (帮扶人才) for screens: the staff list, units and teams, one person's file.

Lists search, filter and sort in SQL on indexed columns (`app.listing`), so the
Staff page costs the same to open with ten staff or ten thousand. Everything here
reads; writes go through `app.records` with the kinds of `app.staff` and `app.units`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.db.listing import Column, Listing
from app.db.models import (
    Mentorship,
    Metric,
    OutcomeEntry,
    ServiceProvision,
    ServiceType,
    Staff,
    Team,
    Unit,
    label_of,
)
from app.db.vocabulary import Field, StaffStatus, UnitKind
from app.i18n import translate
from app.outcomes.catalog_lists import labelled_column
from app.records.validation import mask_id_number

SendingUnit = aliased(Unit, name="sending_unit")
ReceivingUnit = aliased(Unit, name="receiving_unit")


def staff_count(session: Session) -> int:
    """Staff not in the recycle bin (the welcome panel shows when there are none)."""
    return (
        session.scalar(select(func.count()).select_from(Staff).where(Staff.deleted_at.is_(None)))
        or 0
    )


class StaffList(Listing):
    """The Staff page's table. Filters: `field`, `status` (codes), `team_id`,
    `receiving_unit_id`; the search looks in name, both units, post and phone."""

    model = Staff
    entities = frozenset({"staff", "unit", "team"})
    default_sort = "name"
    search_in = (Staff.name, SendingUnit.name, ReceivingUnit.name, Staff.post, Staff.phone)

    def columns(self) -> list[Column]:
        return [
            labelled_column(Staff, "name", width=8),
            labelled_column(Staff, "gender", width=4),
            labelled_column(Staff, "field", width=6),
            Column(
                "sending_unit",
                lambda: label_of(Staff, "sending_unit_id"),
                SendingUnit.name,
                width=18,
            ),
            Column(
                "receiving_unit",
                lambda: label_of(Staff, "receiving_unit_id"),
                ReceivingUnit.name,
                width=20,
            ),
            labelled_column(Staff, "post", width=14),
            Column("team", lambda: label_of(Staff, "team_id"), Team.name, width=12),
            labelled_column(Staff, "is_leader", width=4),
            labelled_column(Staff, "start_date", width=10),
            labelled_column(Staff, "planned_end", width=10),
            labelled_column(Staff, "status", width=8),
            labelled_column(Staff, "id_number", format=mask_id_number, width=18),
            labelled_column(Staff, "phone", width=13),
        ]

    def base(self) -> Select[Any]:
        return (
            select(Staff.id)
            .outerjoin(SendingUnit, Staff.sending_unit_id == SendingUnit.id)
            .outerjoin(ReceivingUnit, Staff.receiving_unit_id == ReceivingUnit.id)
            .outerjoin(Team, Staff.team_id == Team.id)
            .where(Staff.deleted_at.is_(None))
        )

    def filters(self) -> dict[str, Any]:
        return {
            "field": lambda statement, code: statement.where(Staff.field == Field(code)),
            "status": lambda statement, code: statement.where(Staff.status == StaffStatus(code)),
            "team_id": lambda statement, team_id: statement.where(Staff.team_id == team_id),
            "receiving_unit_id": lambda statement, unit_id: statement.where(
                Staff.receiving_unit_id == unit_id
            ),
        }


class Units(Listing):
    model = Unit
    entities = frozenset({"unit"})
    default_sort = "name"
    search_in = (Unit.name, Unit.region)

    def columns(self) -> list[Column]:
        return [
            labelled_column(Unit, "name"),
            labelled_column(Unit, "kind"),
            labelled_column(Unit, "region"),
            labelled_column(Unit, "field"),
        ]

    def base(self) -> Select[Any]:
        return select(Unit.id).where(Unit.deleted_at.is_(None))


class Teams(Listing):
    model = Team
    entities = frozenset({"team", "unit", "staff"})
    default_sort = "name"
    search_in = (Team.name, Team.batch)

    def columns(self) -> list[Column]:
        members = (
            select(func.count(Staff.id))
            .where(Staff.team_id == Team.id, Staff.deleted_at.is_(None))
            .scalar_subquery()
        )
        leader = (
            select(Staff.name)
            .where(Staff.team_id == Team.id, Staff.is_leader.is_(True), Staff.deleted_at.is_(None))
            .scalar_subquery()
        )
        return [
            labelled_column(Team, "name"),
            labelled_column(Team, "field"),
            labelled_column(Team, "batch"),
            Column("receiving_unit", lambda: label_of(Team, "receiving_unit_id"), Unit.name),
            Column("leader", lambda: translate("Roster", "Team leader"), leader),
            Column("members", lambda: translate("Roster", "Members"), members, numeric=True),
        ]

    def base(self) -> Select[Any]:
        return (
            select(Team.id)
            .outerjoin(Unit, Team.receiving_unit_id == Unit.id)
            .where(Team.deleted_at.is_(None))
        )


# ----------------------------------------------------------------- choices for forms
Choice = tuple[int, str]


def unit_choices(session: Session, kind: UnitKind | None = None) -> list[Choice]:
    """Live units (of one kind) by name, for a form's drop-down."""
    query = select(Unit.id, Unit.name).where(Unit.deleted_at.is_(None)).order_by(Unit.name)
    if kind is not None:
        query = query.where(Unit.kind == kind)
    return [(row.id, row.name) for row in session.execute(query)]


def team_choices(session: Session) -> list[Choice]:
    query = select(Team.id, Team.name).where(Team.deleted_at.is_(None)).order_by(Team.name)
    return [(row.id, row.name) for row in session.execute(query)]


def team_members(session: Session, team_id: int) -> list[Choice]:
    """The team's live members, leader first: whom the team form offers as leader."""
    query = (
        select(Staff.id, Staff.name)
        .where(Staff.team_id == team_id, Staff.deleted_at.is_(None))
        .order_by(Staff.is_leader.desc(), Staff.name)
    )
    return [(row.id, row.name) for row in session.execute(query)]


def team_leader(session: Session, team_id: int) -> int | None:
    return session.scalar(
        select(Staff.id).where(
            Staff.team_id == team_id, Staff.is_leader.is_(True), Staff.deleted_at.is_(None)
        )
    )


# ----------------------------------------------------------------- one person's file
@dataclass(frozen=True)
class ProvisionLine:
    date: date
    service: str
    details: str


@dataclass(frozen=True)
class OutcomeLine:
    date: date
    metric: str
    value: Decimal | None
    unit: str
    description: str
    is_highlight: bool


@dataclass(frozen=True)
class MenteeLine:
    name: str
    unit: str
    start_date: date
    end_date: date | None
    goal: str


@dataclass(frozen=True)
class StaffFile:
    """What the detail view shows: the person's fields as labelled text, and their
    services, outcomes (their own and their team's) and mentees, newest first."""

    name: str
    facts: list[tuple[str, str]]
    provisions: list[ProvisionLine]
    outcomes: list[OutcomeLine]
    mentees: list[MenteeLine]


_FACT_FIELDS = (
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "phone",
    "political_status",
    "education",
    "title",
    "specialty",
    "field",
    "sending_unit_id",
    "receiving_unit_id",
    "post",
    "team_id",
    "start_date",
    "planned_end",
    "actual_end",
    "status",
    "notes",
)


def staff_file(session: Session, staff_id: int) -> StaffFile:
    """A live staff member's file (NotFoundError when purged or in the recycle bin)."""
    from app.records.kinds import get_live
    from app.roster.staff import STAFF

    staff: Staff = get_live(session, STAFF, staff_id)
    return StaffFile(
        name=staff.name,
        facts=[(label_of(Staff, key), _fact(staff, key)) for key in _FACT_FIELDS],
        provisions=_provisions(session, staff_id),
        outcomes=_outcomes(session, staff),
        mentees=_mentees(session, staff_id),
    )


def _fact(staff: Staff, key: str) -> str:
    """One field as the clerk reads it: names for references, labels, masked ID."""
    if key == "team_id" and staff.team is not None:
        if staff.is_leader:
            return translate("Roster", "{team} (leader)").format(team=staff.team.name)
        return staff.team.name
    related = {"sending_unit_id": staff.sending_unit, "receiving_unit_id": staff.receiving_unit}
    if key in related:
        unit = related[key]
        return unit.name if unit is not None else ""
    value = getattr(staff, key)
    if value is None:
        return ""
    if key == "id_number":
        return mask_id_number(value)
    if hasattr(value, "label"):
        return str(value.label())
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _provisions(session: Session, staff_id: int) -> list[ProvisionLine]:
    query = (
        select(ServiceProvision.date, ServiceType.name, ServiceProvision.details)
        .join(ServiceType, ServiceProvision.service_type_id == ServiceType.id)
        .where(ServiceProvision.staff_id == staff_id, ServiceProvision.deleted_at.is_(None))
        .order_by(ServiceProvision.date.desc(), ServiceProvision.id.desc())
    )
    return [ProvisionLine(*row) for row in session.execute(query)]


def _outcomes(session: Session, staff: Staff) -> list[OutcomeLine]:
    owner = OutcomeEntry.staff_id == staff.id
    if staff.team_id is not None:  # the team's own entries belong in a member's file too
        owner = or_(
            owner, (OutcomeEntry.team_id == staff.team_id) & OutcomeEntry.staff_id.is_(None)
        )
    query = (
        select(
            OutcomeEntry.date,
            func.coalesce(Metric.name, ""),
            OutcomeEntry.value,
            func.coalesce(Metric.unit, ""),
            OutcomeEntry.description,
            OutcomeEntry.is_highlight,
        )
        .outerjoin(Metric, OutcomeEntry.metric_id == Metric.id)
        .where(owner, OutcomeEntry.deleted_at.is_(None))
        .order_by(OutcomeEntry.date.desc(), OutcomeEntry.id.desc())
    )
    return [OutcomeLine(*row) for row in session.execute(query)]


def _mentees(session: Session, staff_id: int) -> list[MenteeLine]:
    query = (
        select(
            Mentorship.mentee_name,
            Mentorship.mentee_unit,
            Mentorship.start_date,
            Mentorship.end_date,
            Mentorship.goal,
        )
        .where(Mentorship.mentor_id == staff_id, Mentorship.deleted_at.is_(None))
        .order_by(Mentorship.start_date.desc(), Mentorship.id.desc())
    )
    return [MenteeLine(*row) for row in session.execute(query)]
