"""Service provisions (服务记录): one service delivered to one person on one day."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.db.models import ServiceProvision, ServiceType, Staff
from app.i18n import translate
from app.records.kinds import RecordKind, check_reference
from app.records.validation import Problems, clean_text, parse_date, parse_decimal


def _normalise_provision(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(PROVISION.label)
    staff = check_reference(
        session, problems, "staff_id", Staff, values.get("staff_id"), describe=lambda s: s.name
    )
    service = check_reference(
        session,
        problems,
        "service_type_id",
        ServiceType,
        values.get("service_type_id"),
        describe=lambda s: s.name,
    )
    day = problems.read(values, "date", parse_date)
    problems.require("date", day)
    clean = {
        "staff_id": staff.id if staff else None,
        "service_type_id": service.id if service else None,
        "date": day,
        "amount": problems.read(values, "amount", parse_decimal, places=2),
    }
    for field in ("details", "handled_by", "notes"):
        length = getattr(ServiceProvision.__table__.columns[field].type, "length", None)
        clean[field] = problems.read(values, field, clean_text, max_length=length) or ""
    problems.raise_if_any()
    return clean


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
    period_fields=("date",),
)
