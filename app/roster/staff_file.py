"""One person's file (the detail view beside the roster): their data as the clerk reads
them, and their services, outcomes (their own and their team's) and mentees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db.base import label_of
from app.db.models import Mentorship, Metric, OutcomeEntry, ServiceProvision, ServiceType, Staff
from app.i18n import translate
from app.records.kinds import get_live
from app.roster.duty import state_of
from app.roster.id_numbers import mask_id_number
from app.roster.staff import STAFF


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
    if key == "status":  # the status today, from the dates, as the roster shows it
        today = clock.today()
        return state_of(
            staff.start_date, staff.planned_end, staff.actual_end, staff.status, today
        ).label()
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
