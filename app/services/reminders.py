"""Reminders (提醒): what the office must act on, always as of today.

Whatever quarter a page shows, reminders look at today:

- a service *overdue* now: a window of today's quarter still empty after its last
  day (`app.services.coverage`, the matrix's rule), for someone serving today;
- a service *due* within 30 days: an empty window that has begun and ends within
  30 days;
- an assignment *ending* within 60 days (its last day served, actual or planned);
- an assignment whose planned end has *passed* without an actual end: the summary no
  longer counts that person, so the clerk must confirm the departure.

Only people serving today get service reminders (nothing can be delivered after a
person left; the matrix still shows such a gap as overdue). A service retired by
today is not owed any more.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import Staff
from app.db.vocabulary import DutyState, ServiceRule
from app.periods import Quarter
from app.roster.duty import duty_state, serving_between, staff_end
from app.services.catalog import services_in
from app.services.coverage import load_coverage

DUE_SOON_DAYS = 30
ENDING_SOON_DAYS = 60


class ReminderKind(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    ENDING = "ending"
    END_PASSED = "end_passed"


@dataclass(frozen=True)
class Reminder:
    """One thing to do. `day` is when it falls due: the window's last day, or the
    assignment's (planned) last day."""

    kind: ReminderKind
    staff_id: int
    name: str
    day: date
    service_id: int | None = None
    service: str = ""


def reminders(session: Session, today: date | None = None) -> list[Reminder]:
    """Everything to act on as of `today` (default: the real today), most urgent first
    within each kind: overdue, due, ending, planned end passed."""
    today = today or clock.today()
    found = _service_reminders(session, today) + _assignment_reminders(session, today)
    order = list(ReminderKind)
    return sorted(found, key=lambda item: (order.index(item.kind), item.day, item.name))


def reminder_counts(items: list[Reminder]) -> dict[ReminderKind, int]:
    counted = Counter(item.kind for item in items)
    return {kind: counted.get(kind, 0) for kind in ReminderKind}


def _service_reminders(session: Session, today: date) -> list[Reminder]:
    quarter = Quarter.containing(today)
    counting = services_in(session, quarter)
    services = [
        service
        for service in counting
        if service.rule != ServiceRule.ON_DEMAND
        and (service.retired_on is None or today < service.retired_on)
    ]
    coverage = load_coverage(session, quarter, counting)
    names = dict(
        session.execute(
            select(Staff.id, Staff.name).where(
                Staff.deleted_at.is_(None), serving_between(today, today)
            )
        ).all()
    )
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    found = []
    for staff_id, name in names.items():
        for service in services:
            missing = coverage.missing(staff_id, service.id, service.rule)
            late = [window.due_by for window in missing if window.due_by < today]
            soon = [
                window.due_by
                for window in missing
                if window.first <= today <= window.due_by <= horizon
            ]
            if late:
                found.append(
                    Reminder(
                        ReminderKind.OVERDUE, staff_id, name, min(late), service.id, service.name
                    )
                )
            elif soon:
                found.append(
                    Reminder(ReminderKind.DUE, staff_id, name, min(soon), service.id, service.name)
                )
    return found


def _assignment_reminders(session: Session, today: date) -> list[Reminder]:
    end = staff_end()
    live = Staff.deleted_at.is_(None)
    ending = session.execute(
        select(Staff.id, Staff.name, end).where(
            live,
            Staff.start_date <= today,
            end.between(today, today + timedelta(days=ENDING_SOON_DAYS)),
        )
    )
    passed = session.execute(
        select(Staff.id, Staff.name, Staff.planned_end).where(
            live,
            duty_state(today) == DutyState.AWAITING_DEPARTURE.value,  # the one rule
        )
    )
    found = [Reminder(ReminderKind.ENDING, id_, name, day) for id_, name, day in ending]
    for id_, name, day in passed:
        assert day is not None  # planned_end < today holds only for a date
        found.append(Reminder(ReminderKind.END_PASSED, id_, name, day))
    return found
