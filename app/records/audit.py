"""Snapshots for the audit trail (操作日志): a row's columns before and after a change.

The entries themselves are written by `Work.audit`, which knows who acts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Date, DateTime, Numeric, inspect
from sqlalchemy import Enum as SQLEnum

from app.db.base import BOOKKEEPING, Record


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
        if column.key not in BOOKKEEPING
    }


def from_snapshot(model: type[Record], values: Mapping[str, Any]) -> dict[str, Any]:
    """Column values back from a snapshot (undoing a batch restores a row's earlier state)."""
    columns = model.__table__.columns
    restored: dict[str, Any] = {}
    for key, value in values.items():
        if key not in columns or key == "id" or key in BOOKKEEPING:
            continue
        kind = columns[key].type
        if value is None:
            restored[key] = None
        elif isinstance(kind, DateTime):
            restored[key] = datetime.fromisoformat(value)
        elif isinstance(kind, Date):
            restored[key] = date.fromisoformat(value)
        elif isinstance(kind, Numeric):
            restored[key] = Decimal(str(value))
        elif isinstance(kind, SQLEnum) and kind.enum_class is not None:
            restored[key] = kind.enum_class(value)
        else:
            restored[key] = value
    return restored
