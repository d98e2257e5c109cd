"""Entry for many (批量登记): one service for many staff at once.

A festival visit (中秋慰问) for every on-duty member of a field or a team, or the
yearly health check for everyone still missing it this year. `candidates` proposes
whom to tick — the staff on duty on the day, narrowed by field, team and "not yet
covered in this period" — and says who already has the service inside the rule's
period around the day, so nobody gets it twice by mistake. `enter_for_many` writes
every row in one transaction as one batch (`Batch` kind "entry-for-many", one audit
entry per provision), undone as a whole by `app.history.batches.undo_batch`; a refused
row is named by the person, and then nothing is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import ServiceProvision, ServiceType, Staff, Team
from app.db.vocabulary import Field
from app.errors import ValidationError
from app.i18n import translate
from app.records.commands import RowWrite, write_rows
from app.records.work import Work
from app.roster.duty import serving_between
from app.services.coverage import period_containing
from app.services.provisions import PROVISION
from app.sort_keys import person_key, sort_key

BATCH_KIND = "entry-for-many"
_FIELD_ORDER = {field: index for index, field in enumerate(Field)}


@dataclass(frozen=True)
class Candidate:
    """A person on duty on the day; `already` are their provisions of the service inside
    the rule's period around the day; `proposed` says whether to tick them."""

    staff_id: int
    name: str
    field: Field
    team_id: int | None
    team: str
    already: tuple[date, ...]
    proposed: bool


def candidates(
    session: Session,
    service_type_id: int,
    day: date,
    *,
    field: Field | str | None = None,
    team_id: int | None = None,
    not_covered: bool = False,
) -> list[Candidate]:
    """Everyone on duty on `day`, by field, team and name; those of `field` and
    `team_id` (when given) proposed, and with `not_covered` only those without the
    service in its period. Two queries."""
    service = session.get(ServiceType, service_type_id)
    if service is None:
        return []
    first, last = period_containing(service.rule, day)
    people = session.execute(
        select(Staff.id, Staff.name, Staff.field, Staff.team_id, Team.name)
        .outerjoin(Team, Team.id == Staff.team_id)
        .where(Staff.deleted_at.is_(None), serving_between(day, day))
    ).all()
    already: dict[int, list[date]] = defaultdict(list)
    for staff_id, provided in session.execute(
        select(ServiceProvision.staff_id, ServiceProvision.date)
        .join(Staff, Staff.id == ServiceProvision.staff_id)
        .where(
            Staff.deleted_at.is_(None),
            serving_between(day, day),
            ServiceProvision.deleted_at.is_(None),
            ServiceProvision.service_type_id == service_type_id,
            ServiceProvision.date.between(first, last),
        )
        .order_by(ServiceProvision.date)
    ):
        already[staff_id].append(provided)
    wanted_field = Field(field) if field else None
    found = [
        Candidate(
            staff_id=staff_id,
            name=name,
            field=staff_field,
            team_id=team,
            team=team_name or "",
            already=tuple(already.get(staff_id, ())),
            proposed=(wanted_field is None or staff_field == wanted_field)
            and (not team_id or team == team_id)
            and not (not_covered and staff_id in already),
        )
        for staff_id, name, staff_field, team, team_name in people
    ]
    return sorted(
        found,
        key=lambda c: (_FIELD_ORDER[c.field], sort_key(c.team), person_key(c.name), c.staff_id),
    )


def enter_for_many(
    work: Work,
    *,
    service_type_id: Any,
    day: Any,
    staff_ids: Sequence[int],
    details: str = "",
    amount: Any = None,
    handled_by: str = "",
    notes: str = "",
) -> list[int]:
    """One provision of the service for each person, in one batch; their ids.

    Every row is checked like a single provision (its messages name the person and
    the field); cautions (before arrival, already has it in the period) are asked per
    person and confirmed once for all.
    """
    chosen = list(dict.fromkeys(staff_ids))
    if not chosen:
        raise ValidationError(
            {"staff": [translate("EntryForMany", "tick at least one person")]},
            {"staff": translate("EntryForMany", "Staff")},
        )
    work.begin_batch(BATCH_KIND)
    session = work.session
    # Held for the whole batch: the session's identity map is weak, and every row's
    # checks look these up again (500 people: 2,000 look-ups answered from memory).
    people = session.scalars(select(Staff).where(Staff.id.in_(chosen))).all()
    service = (
        session.get(ServiceType, service_type_id) if isinstance(service_type_id, int) else None
    )
    names = {person.id: person.name for person in people}
    rows = [
        RowWrite(
            label=names.get(staff_id, f"#{staff_id}"),
            kind=PROVISION,
            values={
                "staff_id": staff_id,
                "service_type_id": service_type_id,
                "date": day,
                "details": details,
                "amount": amount,
                "handled_by": handled_by,
                "notes": notes,
            },
        )
        for staff_id in chosen
    ]
    written = write_rows(work, rows)
    del people, service  # kept alive until here on purpose
    return [record_id for record_id in written if record_id is not None]
