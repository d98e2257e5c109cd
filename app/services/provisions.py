"""Service provisions (服务记录): one service delivered to one person on one day.

Refused: a date after today (a provision records what was done), a negative or
non-numeric amount, a service retired by the provision's date, a date in a closed
quarter (by the records layer, naming the quarter). Asked once: a date outside the
person's assignment, and a repeat of the service inside its rule's period (the same
festival visit twice), so nobody receives a service twice by mistake.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import ServiceProvision, ServiceType, Staff
from app.i18n import translate
from app.records.fields import read_text
from app.records.kinds import RecordKind, check_reference, field_through
from app.records.permissions import Permission
from app.records.validation import Problems, parse_date, parse_decimal
from app.services.coverage import period_containing


def _normalise_provision(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(PROVISION.label)
    staff = check_reference(session, problems, values, "staff_id", Staff)
    service = check_reference(session, problems, values, "service_type_id", ServiceType)
    day = problems.read(values, "date", parse_date)
    problems.require("date", day)
    today = clock.today()
    if day is not None and day > today:
        problems.add(
            "date",
            translate("Provisions", "must not be after today ({today})").format(
                today=today.isoformat()
            ),
        )
    unchanged = current is not None and (current.date, current.service_type_id) == (
        day,
        service.id if service else None,
    )
    retired = service.retired_on if service is not None else None
    if day is not None and retired is not None and day >= retired and not unchanged:
        problems.add(
            "service_type_id",
            translate("Provisions", "{service} was retired on {day}").format(
                service=service.name if service else "", day=retired.isoformat()
            ),
        )
    clean = {
        "staff_id": staff.id if staff else None,
        "service_type_id": service.id if service else None,
        "date": day,
        "amount": problems.read(values, "amount", parse_decimal, places=2, digits=14),
    }
    for field in ("details", "handled_by", "notes"):
        clean[field] = read_text(problems, values, ServiceProvision, field)
    problems.raise_if_any()
    return clean


def _outside_the_assignment(
    session: Session, clean: dict[str, Any], current: Any
) -> list[tuple[str, str, str]]:
    """A provision before the person arrived or after they left is unusual, not wrong
    (an apartment arranged ahead of arrival): the clerk confirms it."""
    staff = session.get(Staff, clean["staff_id"])
    day = clean["date"]
    if staff is None or day is None:
        return []
    if day < staff.start_date:
        message = translate("Provisions", "is before {name} arrived ({start})").format(
            name=staff.name, start=staff.start_date.isoformat()
        )
        return [("before-arrival", "date", message)]
    if staff.end_date is not None and day > staff.end_date:
        message = translate("Provisions", "is after {name}'s last day served ({end})").format(
            name=staff.name, end=staff.end_date.isoformat()
        )
        return [("after-departure", "date", message)]
    return []


def earlier_in_period(
    session: Session, staff_id: int, service_type_id: int, day: date, *, besides: int | None = None
) -> list[date]:
    """Dates of the person's other live provisions of the service inside the rule's
    period around `day` (what entry for many shows as "already has it")."""
    service = session.get(ServiceType, service_type_id)
    if service is None:
        return []
    first, last = period_containing(service.rule, day)
    query = select(ServiceProvision.date).where(
        ServiceProvision.staff_id == staff_id,
        ServiceProvision.service_type_id == service_type_id,
        ServiceProvision.deleted_at.is_(None),
        ServiceProvision.date.between(first, last),
    )
    if besides is not None:
        query = query.where(ServiceProvision.id != besides)
    return sorted(session.scalars(query))


def _repeat_in_period(
    session: Session, clean: dict[str, Any], current: Any
) -> list[tuple[str, str, str]]:
    key = (clean["staff_id"], clean["service_type_id"], clean["date"])
    if None in key:
        return []
    if current is not None and key == (current.staff_id, current.service_type_id, current.date):
        return []  # asked when it was entered; editing its details does not ask again
    earlier = earlier_in_period(
        session,
        clean["staff_id"],
        clean["service_type_id"],
        clean["date"],
        besides=current.id if current is not None else None,
    )
    if not earlier:
        return []
    staff = session.get(Staff, clean["staff_id"])
    service = session.get(ServiceType, clean["service_type_id"])
    assert staff is not None and service is not None
    message = translate(
        "Provisions", "{name} already has {service} in this period ({rule}): {dates}"
    ).format(
        name=staff.name,
        service=service.name,
        rule=service.rule.label(),
        dates=translate("Provisions", ", ").join(day.isoformat() for day in earlier),
    )
    return [("repeat", "service_type_id", message)]


def _cautions(session: Session, clean: dict[str, Any], current: Any) -> list[tuple[str, str, str]]:
    return _outside_the_assignment(session, clean, current) + _repeat_in_period(
        session, clean, current
    )


def describe_provision(provision: ServiceProvision) -> str:
    return translate("Provisions", "{service} for {name} on {date}").format(
        service=provision.service_type.name,
        name=provision.staff.name,
        date=provision.date.isoformat(),
    )


PROVISION = RecordKind(
    model=ServiceProvision,
    normalise=_normalise_provision,
    describe=describe_provision,
    cautions=_cautions,
    period_fields=("date",),
    permission=Permission.ENTER,
    field_of=field_through(("staff_id", Staff)),
)
