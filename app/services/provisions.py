"""Service provisions (服务记录): one service delivered to one person on one day."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.db.models import ServiceProvision, ServiceType, Staff
from app.i18n import translate
from app.records.fields import read_text
from app.records.kinds import RecordKind, check_reference
from app.records.validation import Problems, parse_date, parse_decimal


def _normalise_provision(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(PROVISION.label)
    staff = check_reference(session, problems, values, "staff_id", Staff)
    service = check_reference(session, problems, values, "service_type_id", ServiceType)
    day = problems.read(values, "date", parse_date)
    problems.require("date", day)
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
    cautions=_outside_the_assignment,
    period_fields=("date",),
)
