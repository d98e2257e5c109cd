"""Confirming a departure on the planned end (「确认离岗」).

A person whose planned end has passed without an actual end reads 「已过期满，待确认离岗」
(`app.roster.duty.duty_state`); the clerk confirms with one click, for one person or
several selected at once. Each confirmation is an ordinary audited update through the
write path: the actual end becomes the planned end and the stored status 期满离岗.
"""

from __future__ import annotations

from collections.abc import Sequence

from app import clock
from app.db.vocabulary import DutyState, StaffStatus
from app.records.commands import update
from app.records.kinds import get_live
from app.records.work import Work
from app.roster.duty import state_of
from app.roster.staff import STAFF


def awaiting_departure(work: Work, staff_id: int) -> bool:
    """Whether the person's planned end has passed without an actual end (today)."""
    staff = get_live(work.session, STAFF, staff_id)
    state = state_of(
        staff.start_date, staff.planned_end, staff.actual_end, staff.status, clock.today()
    )
    return state is DutyState.AWAITING_DEPARTURE


def confirm_departures(work: Work, staff_ids: Sequence[int]) -> int:
    """Set the actual end to the planned end for each person awaiting it; the others are
    left alone (they are on duty, or their departure is already recorded). Returns how
    many were confirmed. A stored reason (rotated, ended early) is kept; on duty becomes
    期满离岗."""
    confirmed = 0
    for staff_id in staff_ids:
        if not awaiting_departure(work, staff_id):
            continue
        staff = get_live(work.session, STAFF, staff_id)
        status = staff.status if staff.status is not StaffStatus.ON_DUTY else None
        values = {"actual_end": staff.planned_end, "status": status or StaffStatus.COMPLETED}
        if update(work, STAFF, staff_id, values):
            confirmed += 1
    return confirmed
