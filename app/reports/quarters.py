"""Which quarters a summary can be made for, and which one the clerk most likely wants.

The Reports page offers every quarter from the one holding the ledger's first dated
record up to the current one; it starts on the latest quarter that has ended, because
a summary is made after the quarter it reports on.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

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


def default_report_quarter(quarters: list[Quarter], today: date) -> Quarter:
    """The latest of `quarters` that has ended by `today`, else the last (current) one."""
    ended = [quarter for quarter in quarters if quarter.end < today]
    return ended[-1] if ended else quarters[-1]
