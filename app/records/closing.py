"""Closing a quarter after its summary is printed (季度关账), and reopening it.

While a quarter is closed, no record dated in it may be created, changed or deleted,
so the printed figures and the database agree. Every close and reopen is audited and
names the acting user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import QuarterClose
from app.errors import QuarterClosedError, ValidationError
from app.i18n import translate
from app.periods import Quarter
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
    """The quarter's latest closing; None when it was never closed."""
    row = session.scalar(
        select(QuarterClose)
        .where(QuarterClose.quarter == str(quarter))
        .order_by(QuarterClose.id.desc())
        .limit(1)
    )
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


def is_closed(session: Session, quarter: Quarter) -> bool:
    return _open_close_row(session, quarter) is not None


def closed_message(day: date) -> str:
    return translate(
        "Closing",
        "{quarter} is closed (its summary was reported), so records dated {date} "
        "cannot change. Reopen the quarter with a reason first.",
    ).format(quarter=Quarter.containing(day), date=day.isoformat())


def ensure_open(session: Session, dates: Iterable[date | None]) -> None:
    """Raise QuarterClosedError when any of `dates` lies in a closed quarter."""
    closed = closed_quarters(session)
    if not closed:
        return
    for day in dates:
        if day is not None and Quarter.containing(day) in closed:
            raise QuarterClosedError(closed_message(day))


def close_quarter(work: Work, quarter: Quarter) -> None:
    session = work.session
    if is_closed(session, quarter):
        raise QuarterClosedError(
            translate("Closing", "{quarter} is already closed.").format(quarter=quarter)
        )
    session.info.pop(_CLOSED, None)
    row = QuarterClose(quarter=str(quarter), closed_at=clock.now(), closed_by=work.actor.name)
    session.add(row)
    session.flush()
    work.audit(
        action="close", entity="quarter_close", entity_id=row.id, after={"quarter": str(quarter)}
    )


def reopen_quarter(work: Work, quarter: Quarter, *, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": [translate("Closing", "say why the quarter is reopened")]},
            {"reason": translate("Closing", "Reason")},
        )
    row = _open_close_row(work.session, quarter)
    if row is None:
        raise QuarterClosedError(
            translate("Closing", "{quarter} is not closed.").format(quarter=quarter)
        )
    work.session.info.pop(_CLOSED, None)
    row.reopened_at = clock.now()
    row.reopened_by = work.actor.name
    row.reopen_reason = reason
    work.audit(
        action="reopen",
        entity="quarter_close",
        entity_id=row.id,
        before={"quarter": str(quarter)},
        after={"quarter": str(quarter), "reason": reason},
    )


def _open_close_row(session: Session, quarter: Quarter) -> QuarterClose | None:
    return session.scalar(
        select(QuarterClose).where(
            QuarterClose.quarter == str(quarter), QuarterClose.reopened_at.is_(None)
        )
    )
