"""Closing a quarter after its summary is printed (季度关账), and reopening it.

While a quarter is closed, no record dated in it may be created, changed or deleted,
so the printed figures and the database agree. A printout also shows year-to-date and
cumulative figures, which a change in an earlier quarter would move; so closed quarters
form one unbroken run from the ledger's first quarter: closing Q closes every earlier
quarter too, reopening Q reopens every later closed one (DESIGN.md §4). Every close and
reopen is audited and names the acting user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import Mentorship, OutcomeEntry, QuarterClose, ServiceProvision, Staff
from app.db.sharing import hold
from app.errors import QuarterClosedError, ValidationError
from app.i18n import translate
from app.periods import Quarter
from app.records.permissions import Permission, require
from app.records.work import Work


@dataclass(frozen=True)
class ClosingState:
    """The latest closing of a quarter, and its reopening if any (the Reports page's
    status line: who closed it and when, or who reopened it and why)."""

    quarter: Quarter
    closed_at: datetime
    closed_by: str
    reopened_at: datetime | None
    reopened_by: str
    reopen_reason: str

    @property
    def is_closed(self) -> bool:
        return self.reopened_at is None


def closing_state(session: Session, quarter: Quarter) -> ClosingState | None:
    """The quarter's latest closing; None when it was never closed. A quarter inside the
    closed run without a closing of its own (closed before runs existed) shows the
    closing of the next closed quarter, which froze it."""
    row = session.scalar(
        select(QuarterClose)
        .where(QuarterClose.quarter == str(quarter))
        .order_by(QuarterClose.id.desc())
        .limit(1)
    )
    if (row is None or row.reopened_at is not None) and is_closed(session, quarter):
        later = min(each for each in closed_quarters(session) if each >= quarter)
        row = _open_close_row(session, later)
    if row is None:
        return None
    return ClosingState(
        quarter=quarter,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
        reopened_at=row.reopened_at,
        reopened_by=row.reopened_by,
        reopen_reason=row.reopen_reason,
    )


def first_record_day(session: Session) -> date | None:
    """The earliest date of any live staff member, provision, outcome or mentorship."""
    firsts = [
        session.scalar(select(func.min(column)).where(model.deleted_at.is_(None)))
        for model, column in (
            (Staff, Staff.start_date),
            (ServiceProvision, ServiceProvision.date),
            (OutcomeEntry, OutcomeEntry.date),
            (Mentorship, Mentorship.start_date),
        )
    ]
    days = [day for day in firsts if day is not None]
    return min(days) if days else None


_CLOSED = "closed_quarters"  # session.info: (transaction, closed quarters) read in it


def closed_quarters(session: Session) -> set[Quarter]:
    """Quarters whose latest closing has not been reopened.

    Read once per transaction (every record of a 5,000-row import asks): a transaction
    sees no other writer's closing, and this module's own closing and reopening drop
    what was read."""
    transaction = session.get_transaction()
    cached = session.info.get(_CLOSED)
    if transaction is not None and cached is not None and cached[0] is transaction:
        return set(cached[1])
    rows = session.scalars(select(QuarterClose.quarter).where(QuarterClose.reopened_at.is_(None)))
    closed = {Quarter.parse(quarter) for quarter in rows}
    transaction = session.get_transaction()
    if transaction is not None:
        session.info[_CLOSED] = (transaction, frozenset(closed))
    return closed


def closed_through(session: Session) -> Quarter | None:
    """The last closed quarter: it and every quarter before it are closed (the run)."""
    return max(closed_quarters(session), default=None)


def is_closed(session: Session, quarter: Quarter) -> bool:
    last = closed_through(session)
    return last is not None and quarter <= last


def quarters_to_close(session: Session, quarter: Quarter) -> list[Quarter]:
    """What closing `quarter` closes: it and every open quarter before it back to the
    quarter of the ledger's first record, oldest first (the dialog lists them)."""
    last = closed_through(session)
    first_day = first_record_day(session)
    start = min(Quarter.containing(first_day), quarter) if first_day is not None else quarter
    if last is not None:
        start = max(start, last.next())
    run, each = [], start
    while each <= quarter:
        run.append(each)
        each = each.next()
    return run


def quarters_to_reopen(session: Session, quarter: Quarter) -> list[Quarter]:
    """What reopening `quarter` reopens: it and every later closed quarter, oldest first."""
    return sorted(each for each in closed_quarters(session) if each >= quarter)


def closed_message(day: date) -> str:
    return translate(
        "Closing",
        "{quarter} is closed (its summary was reported), so records dated {date} "
        "cannot change. Reopen the quarter with a reason first.",
    ).format(quarter=Quarter.containing(day), date=day.isoformat())


def ensure_open(session: Session, dates: Iterable[date | None]) -> None:
    """Raise QuarterClosedError when any of `dates` lies in a closed quarter.

    On a shared ledger the check holds the closing lock (shared) until commit, so a
    quarter cannot be closed between this check and the write it allows."""
    if hold(session, "closing"):
        session.info.pop(_CLOSED, None)  # read again now that no closing can run
    last = closed_through(session)
    if last is None:
        return
    for day in dates:
        if day is not None and day <= last.end:
            raise QuarterClosedError(closed_message(day))


def close_quarter(work: Work, quarter: Quarter) -> list[Quarter]:
    """Close `quarter` and every open quarter before it back to the ledger's first
    record's; return the quarters closed, oldest first."""
    require(work.actor, Permission.CLOSE)
    session = work.session
    _hold_exclusively(session)
    if is_closed(session, quarter):
        raise QuarterClosedError(
            translate("Closing", "{quarter} is already closed.").format(quarter=quarter)
        )
    closed = quarters_to_close(session, quarter)
    for each in closed:
        row = QuarterClose(quarter=str(each), closed_at=clock.now(), closed_by=work.actor.name)
        session.add(row)
        session.flush()
        work.audit(
            action="close", entity="quarter_close", entity_id=row.id, after={"quarter": str(each)}
        )
    session.info.pop(_CLOSED, None)  # what this transaction reads next includes them
    return closed


def reopen_quarter(work: Work, quarter: Quarter, *, reason: str) -> list[Quarter]:
    """Reopen `quarter` and every later closed quarter, with one reason; return them."""
    require(work.actor, Permission.CLOSE)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": [translate("Closing", "say why the quarter is reopened")]},
            {"reason": translate("Closing", "Reason")},
        )
    _hold_exclusively(work.session)
    reopened = quarters_to_reopen(work.session, quarter)
    if quarter not in reopened:
        raise QuarterClosedError(
            translate("Closing", "{quarter} is not closed.").format(quarter=quarter)
        )
    for each in reopened:
        row = _open_close_row(work.session, each)
        assert row is not None
        row.reopened_at = clock.now()
        row.reopened_by = work.actor.name
        row.reopen_reason = reason
        work.audit(
            action="reopen",
            entity="quarter_close",
            entity_id=row.id,
            before={"quarter": str(each)},
            after={"quarter": str(each), "reason": reason},
        )
    work.session.info.pop(_CLOSED, None)
    return reopened


def _hold_exclusively(session: Session) -> None:
    """Closing and reopening wait for every write that checked the quarters to commit."""
    if hold(session, "closing", exclusive=True):
        session.info.pop(_CLOSED, None)


def _open_close_row(session: Session, quarter: Quarter) -> QuarterClose | None:
    return session.scalar(
        select(QuarterClose).where(
            QuarterClose.quarter == str(quarter), QuarterClose.reopened_at.is_(None)
        )
    )
