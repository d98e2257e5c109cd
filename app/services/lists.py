"""The provision ledger (服务记录台账) for the Services page, and its form's choices.

Search, filters, sorting and the amount total all run in SQL on indexed columns
(`app.db.listing`), so 60,000 provisions open and filter as quickly as 600: the view
asks for the ordered ids and then only the rows on screen.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.db.base import label_of
from app.db.listing import ListColumn, Listing, ListQuery, labelled_column
from app.db.models import ServiceProvision, ServiceType, Staff, Team
from app.db.vocabulary import Field
from app.i18n import translate
from app.numbers import plain
from app.periods import Quarter
from app.records.validation import parse_date


class ProvisionList(Listing):
    """Filters: `quarter` ("2024Q3"), `date_from` and `date_to` (dates or their text),
    `service_type_id`, `staff_id`, `field` (a code: the person's field), `team_id` (the
    person's team) and `handled_by`; the search looks in the person's name, the
    service, the details, who handled it and the notes."""

    windowed = True  # 60,000 provisions: windows of ids, never all of them

    model = ServiceProvision
    entities = frozenset({"service_provision", "staff", "team", "service_type"})
    default_sort = "date"
    search_in = (
        Staff.name,
        ServiceType.name,
        ServiceProvision.details,
        ServiceProvision.handled_by,
        ServiceProvision.notes,
    )

    def columns(self) -> list[ListColumn]:
        return [
            labelled_column(ServiceProvision, "date", width=10),
            ListColumn(
                "staff",
                lambda: label_of(ServiceProvision, "staff_id"),
                Staff.name,
                width=8,
                sort=Staff.name_key,
            ),
            ListColumn("field", lambda: label_of(Staff, "field"), Staff.field, width=6),
            ListColumn(
                "team", lambda: label_of(Staff, "team_id"), Team.name, width=12, sort=Team.name_key
            ),
            ListColumn(
                "service",
                lambda: label_of(ServiceProvision, "service_type_id"),
                ServiceType.name,
                width=12,
            ),
            labelled_column(ServiceProvision, "details", width=20),
            labelled_column(ServiceProvision, "amount", numeric=True, width=10),
            labelled_column(ServiceProvision, "handled_by", width=8),
            labelled_column(ServiceProvision, "notes", width=16),
        ]

    def base(self) -> Select[Any]:
        return (
            select(ServiceProvision.id)
            .join(Staff, Staff.id == ServiceProvision.staff_id)
            .join(ServiceType, ServiceType.id == ServiceProvision.service_type_id)
            .outerjoin(Team, Team.id == Staff.team_id)
            .where(ServiceProvision.deleted_at.is_(None), Staff.deleted_at.is_(None))
        )

    def filters(self) -> dict[str, Any]:
        def quarter(statement: Select[Any], text: str) -> Select[Any]:
            chosen = Quarter.parse(str(text))
            return statement.where(ServiceProvision.date.between(chosen.start, chosen.end))

        def date_from(statement: Select[Any], value: Any) -> Select[Any]:
            return statement.where(ServiceProvision.date >= parse_date(value))

        def date_to(statement: Select[Any], value: Any) -> Select[Any]:
            return statement.where(ServiceProvision.date <= parse_date(value))

        return {
            "quarter": quarter,
            "date_from": date_from,
            "date_to": date_to,
            "service_type_id": lambda statement, service_id: statement.where(
                ServiceProvision.service_type_id == service_id
            ),
            "staff_id": lambda statement, staff_id: statement.where(
                ServiceProvision.staff_id == staff_id
            ),
            "field": lambda statement, code: statement.where(Staff.field == Field(code)),
            "team_id": lambda statement, team_id: statement.where(Staff.team_id == team_id),
            "handled_by": lambda statement, who: statement.where(
                ServiceProvision.handled_by == who
            ),
        }

    def amount_total(self, session: Session, query: ListQuery) -> Decimal:
        """The sum of the amounts of exactly the rows `query` shows (0 when none)."""
        statement = self.where(self.base(), query).with_only_columns(
            func.coalesce(func.sum(ServiceProvision.amount), 0)
        )
        return plain(Decimal(str(session.scalar(statement) or 0)))


# ----------------------------------------------------------------- choices
def staff_choices(session: Session) -> list[tuple[int, str]]:
    """Everyone not in the recycle bin, by name, with the field to tell namesakes apart."""
    rows = session.execute(
        select(Staff.id, Staff.name, type_coerce(Staff.field, String))  # codes: 5,000 rows fast
        .where(Staff.deleted_at.is_(None))
        .order_by(Staff.name_key, Staff.id)
    )
    text = translate("Provisions", "{name} ({field})")
    labels = {field.value: field.label() for field in Field}
    return [(staff_id, text.format(name=name, field=labels[code])) for staff_id, name, code in rows]


def handled_by_choices(session: Session) -> list[str]:
    """Who has handled provisions so far (the ledger's filter)."""
    rows = session.scalars(
        select(ServiceProvision.handled_by)
        .where(ServiceProvision.deleted_at.is_(None), ServiceProvision.handled_by != "")
        .distinct()
        .order_by(ServiceProvision.handled_by)
    )
    return list(rows)
