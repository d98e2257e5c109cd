"""Dispatched staff (帮扶人才): checking a person's record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Mentorship, OutcomeEntry, ServiceProvision, Staff, Team, Unit
from app.db.vocabulary import Field, Gender, StaffStatus, UnitKind
from app.i18n import translate
from app.records.fields import read_text
from app.records.kinds import RecordKind, Reference, check_reference, count_references
from app.records.permissions import Permission
from app.records.validation import (
    Problems,
    check_date_order,
    normalise_name,
    normalise_phone,
    parse_bool,
    parse_date,
    parse_vocabulary,
)
from app.roster.id_numbers import normalise_id_number

# Free-text columns (their lengths come from the model's columns).
_TEXT_FIELDS = ("ethnicity", "political_status", "education", "title", "specialty", "post", "notes")


def _normalise_staff(session: Session, values: dict[str, Any], current: Staff | None) -> dict:
    problems = Problems(STAFF.label)
    clean: dict[str, Any] = {
        field: read_text(problems, values, Staff, field) for field in _TEXT_FIELDS
    }
    clean["name"] = problems.read(values, "name", normalise_name)
    clean["phone"] = problems.read(values, "phone", normalise_phone) or ""
    clean["gender"] = problems.read(values, "gender", parse_vocabulary, Gender)
    clean["birth_date"] = problems.read(values, "birth_date", parse_date)
    clean["id_number"] = None
    raw_id = str(values.get("id_number") or "").strip()
    if raw_id:
        id_info = problems.take("id_number", normalise_id_number, raw_id)
        if id_info is not None:
            clean["id_number"] = id_info.number
            clean["birth_date"] = id_info.birth_date
            clean["gender"] = id_info.gender
            _check_id_unique(session, problems, id_info.number, current)
    clean["field"] = problems.read(values, "field", parse_vocabulary, Field)
    problems.require("field", clean["field"])
    clean["status"] = (
        problems.read(values, "status", parse_vocabulary, StaffStatus) or StaffStatus.ON_DUTY
    )
    for field, kind in (
        ("sending_unit_id", UnitKind.SENDING),
        ("receiving_unit_id", UnitKind.RECEIVING),
    ):
        unit = check_reference(session, problems, values, field, Unit, required=False)
        if unit is not None and unit.kind != kind:
            problems.add(
                field,
                translate("Staff", "{name} is a {kind}").format(
                    name=unit.name, kind=unit.kind.label()
                ),
            )
        clean[field] = unit.id if unit else None
    team = check_reference(session, problems, values, "team_id", Team, required=False)
    clean["team_id"] = team.id if team else None
    clean["is_leader"] = bool(problems.read(values, "is_leader", parse_bool))
    if clean["is_leader"]:
        _check_leader(session, problems, team, current)
    _dates(problems, values, clean)
    problems.raise_if_any()
    return clean


def _dates(problems: Problems, values: dict[str, Any], clean: dict[str, Any]) -> None:
    start = problems.read(values, "start_date", parse_date)
    problems.require("start_date", start)
    clean["start_date"] = start
    for field in ("planned_end", "actual_end"):
        end = problems.read(values, field, parse_date)
        problems.take(field, check_date_order, start, end)
        clean[field] = end


def _check_id_unique(
    session: Session, problems: Problems, number: str, current: Staff | None
) -> None:
    # Two columns, not the whole record: an import asks this for every row.
    query = select(Staff.name, Staff.deleted_at).where(Staff.id_number == number)
    if current is not None:
        query = query.where(Staff.id != current.id)
    other = session.execute(query).first()
    if other is None:
        return
    if other.deleted_at is not None:
        message = translate("Staff", "already belongs to {name} (in the recycle bin)")
    else:
        message = translate("Staff", "already belongs to {name}")
    problems.add("id_number", message.format(name=other.name))


def _check_leader(
    session: Session, problems: Problems, team: Team | None, current: Staff | None
) -> None:
    if team is None:
        problems.add("is_leader", translate("Staff", "a team leader must belong to a team"))
        return
    query = select(Staff).where(
        Staff.team_id == team.id, Staff.is_leader.is_(True), Staff.deleted_at.is_(None)
    )
    if current is not None:
        query = query.where(Staff.id != current.id)
    leader = session.scalar(query)
    if leader is not None:
        problems.add(
            "is_leader",
            translate("Staff", "{team} already has a leader: {name}").format(
                team=team.name, name=leader.name
            ),
        )


def _staff_history(session: Session, staff: Staff, purge: bool) -> list[str]:
    """Soft delete keeps a person's history; only a purge is blocked by it."""
    if not purge:
        return []
    return count_references(
        session,
        staff.id,
        [
            Reference(ServiceProvision.staff_id, translate("Staff", "{count} service records")),
            Reference(OutcomeEntry.staff_id, translate("Staff", "{count} outcome entries")),
            Reference(Mentorship.mentor_id, translate("Staff", "{count} mentorships")),
        ],
        purge=True,
    )


STAFF = RecordKind(
    model=Staff,
    normalise=_normalise_staff,
    describe=lambda staff: staff.name,
    blockers=_staff_history,
    period_fields=("start_date", "planned_end", "actual_end"),
    report_fields=frozenset({"start_date", "planned_end", "actual_end", "field"}),
    permission=Permission.ENTER,
    field_of=lambda session, values: values.get("field"),
)
