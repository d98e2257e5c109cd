"""The audit trail (操作日志): who changed what, with the row before and after."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app import clock
from app.db.models import AuditEntry, Record
from app.records.settings import get_setting


def json_safe(value: Any) -> Any:
    """A column value as JSON: dates as ISO text, decimals as text, enums as codes."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def snapshot(record: Record) -> dict[str, Any]:
    """Every column of a row, JSON-safe, for the audit's before/after."""
    mapper = inspect(type(record))
    return {
        column.key: json_safe(getattr(record, column.key))
        for column in mapper.column_attrs
        if column.key not in ("created_at", "updated_at")
    }


def record_change(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    import_batch_id: int | None = None,
) -> AuditEntry:
    """Add an audit entry to the session; the caller's transaction commits it."""
    entry = AuditEntry(
        at=clock.now(),
        who=get_setting(session, "clerk_name"),
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
        import_batch_id=import_batch_id,
    )
    session.add(entry)
    return entry
