"""Who is on duty when: DESIGN.md §5's staff dates, in one place.

A person serves from `start_date` to their end, the actual end if set, else the
planned end (the last day served, inclusive). A person with neither end has no end
yet and counts as serving for ever. Reports use these dates, never `status`.

The rules come twice on purpose, as SQL clauses for the reports' aggregate queries
and as `Serving` for the per-month coverage rule decided in Python; the two are
written side by side so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, String, and_, case, func, or_, type_coerce

from app.db.models import Staff
from app.db.vocabulary import DutyState, StaffStatus
from app.periods import Quarter


def staff_end() -> ColumnElement[date]:
    """The last day served, NULL when no end is known."""
    return func.coalesce(Staff.actual_end, Staff.planned_end)


def serving_between(first: date, last: date) -> ColumnElement[bool]:
    """On duty on at least one day of [first, last] (eligible for services in Q)."""
    end = staff_end()
    return and_(Staff.start_date <= last, or_(end.is_(None), end >= first))


def on_duty_at_end(quarter: Quarter) -> ColumnElement[bool]:
    """Still serving after the quarter's last day (the head count)."""
    end = staff_end()
    return and_(Staff.start_date <= quarter.end, or_(end.is_(None), end > quarter.end))


def arrived_in(quarter: Quarter) -> ColumnElement[bool]:
    return Staff.start_date.between(quarter.start, quarter.end)


def departed_in(quarter: Quarter) -> ColumnElement[bool]:
    """Last day served falls in the quarter (NULL, no end, never departs)."""
    return staff_end().between(quarter.start, quarter.end)


def duty_state(today: date) -> ColumnElement[str]:
    """The status a person has on `today` (a `DutyState` code), from the dates: what the
    roster shows and filters on. On duty exactly when `serving_between(today, today)`.
    A planned end that passed without an actual end awaits the clerk's confirmation
    (「已过期满，待确认离岗」, whatever the stored status says); after an actual end the
    stored status says why they left (rotated, ended early, else completed)."""
    left = and_(Staff.actual_end.is_not(None), Staff.actual_end < today)
    return type_coerce(
        case(
            (Staff.start_date > today, DutyState.NOT_ARRIVED.value),
            (
                and_(Staff.actual_end.is_(None), Staff.planned_end < today),
                DutyState.AWAITING_DEPARTURE.value,
            ),
            (and_(left, Staff.status == StaffStatus.ROTATED), DutyState.ROTATED.value),
            (and_(left, Staff.status == StaffStatus.ENDED_EARLY), DutyState.ENDED_EARLY.value),
            (left, DutyState.COMPLETED.value),
            else_=DutyState.ON_DUTY.value,
        ),
        String,
    )


def state_of(
    start: date, planned_end: date | None, actual_end: date | None, status: StaffStatus, today: date
) -> DutyState:
    """The Python twin of `duty_state`, for one record in hand (the person's file)."""
    end = actual_end or planned_end
    if start > today:
        return DutyState.NOT_ARRIVED
    if end is None or end >= today:
        return DutyState.ON_DUTY
    if actual_end is None:
        return DutyState.AWAITING_DEPARTURE
    if status is StaffStatus.ROTATED:
        return DutyState.ROTATED
    if status is StaffStatus.ENDED_EARLY:
        return DutyState.ENDED_EARLY
    return DutyState.COMPLETED


@dataclass(frozen=True)
class Serving:
    """One person's days of service, for rules decided in Python."""

    staff_id: int
    start: date
    end: date | None  # the last day served; None when no end is recorded

    def serves_between(self, first: date, last: date) -> bool:
        """The Python twin of `serving_between`."""
        return self.start <= last and (self.end is None or self.end >= first)
