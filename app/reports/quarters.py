"""Which quarters a summary can be made for, and which one the clerk most likely wants.

The Reports page offers every quarter from the one holding the ledger's first dated
record up to the current one; it starts on the latest quarter that has ended, because
a summary is made after the quarter it reports on.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import OutcomeEntry, ServiceProvision
from app.periods import Quarter
from app.records.closing import first_record_day


def report_quarters(session: Session, today: date) -> list[Quarter]:
    """From the first record's quarter to today's, oldest first (today's alone when empty)."""
    current = Quarter.containing(today)
    first = first_record_day(session)
    quarter = Quarter.containing(first) if first is not None and first <= today else current
    quarters = [quarter]
    while quarter < current:
        quarter = quarter.next()
        quarters.append(quarter)
    return quarters


def latest_quarter_with_data(session: Session, today: date) -> Quarter:
    """The Dashboard's first quarter: the latest up to today's holding a live service
    record or outcome entry (a ledger last used in December opens on Q4, not on an empty
    current quarter); today's quarter when there are none."""
    days = [
        session.scalar(select(func.max(column)).where(model.deleted_at.is_(None), column <= today))
        for model, column in (
            (ServiceProvision, ServiceProvision.date),
            (OutcomeEntry, OutcomeEntry.date),
        )
    ]
    found = [day for day in days if day is not None]
    return Quarter.containing(max(found) if found else today)


def default_report_quarter(quarters: list[Quarter], today: date) -> Quarter:
    """The latest of `quarters` that has ended by `today`, else the last (current) one."""
    ended = [quarter for quarter in quarters if quarter.end < today]
    return ended[-1] if ended else quarters[-1]
