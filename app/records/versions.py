"""Optimistic locking as the clerk meets it: 「此记录已被 张三 于 10:42 修改」.

Every record a clerk edits carries a version (`app.db.base.Versioned`). A form reads it
with the values it shows (`version_of`) and hands it to `commands.update`; when another
window or user saved the record meanwhile, the update is refused before anything is
checked or written, with who saved it last and when (from the audit log), so the form
can keep the clerk's input and offer to reload the record and apply it again. The
database holds the same rule for writes racing each other inside one moment: its
UPDATE matches only the version read, and `perform` runs such a command again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import AuditEntry
from app.errors import StaleRecordError
from app.i18n import translate
from app.records.kinds import RecordKind, get_live


def version_of(session: Session, kind: RecordKind, record_id: int) -> int | None:
    """The version of a live record (None for a kind without one)."""
    return getattr(get_live(session, kind, record_id), "version", None)


def refuse_if_changed(session: Session, kind: RecordKind, record: Any, expected: int) -> None:
    """StaleRecordError when `record` is no longer at the `expected` version."""
    if getattr(record, "version", expected) == expected:
        return
    last = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == kind.entity, AuditEntry.entity_id == record.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    ).first()
    who = last.who if last is not None and last.who else translate("Records", "another user")
    at = last.at if last is not None else None
    when = (
        "?"
        if at is None
        else at.strftime("%H:%M" if at.date() == clock.today() else "%Y-%m-%d %H:%M")
    )
    raise StaleRecordError(
        translate(
            "Records",
            "This record was changed by {who} at {time} while you were editing it.",
        ).format(who=who, time=when),
        entity=kind.entity,
        record_id=record.id,
        changed_by=who,
        changed_at=at,
    )
