"""Reading the audit trail (操作日志): who changed what, in words a clerk can follow.

`app.audit` stores each change as JSON snapshots of the row before and after; this
module turns them back into the UI's language: the action in Chinese (新增, 修改, …),
the kind of record, which record, and "字段：旧值 → 新值" with the columns' own labels,
vocabulary labels instead of codes, names instead of ids and ID numbers masked.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any

from sqlalchemy import Enum as SQLEnum
from sqlalchemy import Numeric, select
from sqlalchemy.orm import Session, selectinload

from app.db.base import DERIVED, Base, label_of
from app.db.listing import ListColumn, Listing, ListQuery
from app.db.models import AuditEntry
from app.history.kinds import KINDS, entity_label, model_of
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.numbers import number_text
from app.records.settings import LANGUAGE_NAMES, SETTINGS, setting_label
from app.roster.id_numbers import mask_id_number

ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("AuditLog", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditLog", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditLog", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("AuditLog", "Restored"),
    "purge": QT_TRANSLATE_NOOP("AuditLog", "Purged"),
    "close": QT_TRANSLATE_NOOP("AuditLog", "Closed quarter"),
    "reopen": QT_TRANSLATE_NOOP("AuditLog", "Reopened quarter"),
    "undo": QT_TRANSLATE_NOOP("AuditLog", "Undid a batch"),
    "undo-create": QT_TRANSLATE_NOOP("AuditLog", "Removed by undo"),
    "undo-update": QT_TRANSLATE_NOOP("AuditLog", "Restored by undo"),
    "undo-delete": QT_TRANSLATE_NOOP("AuditLog", "Brought back by undo"),
    "export-full-id": QT_TRANSLATE_NOOP("AuditLog", "Exported with full ID numbers"),
}

# Snapshot keys that are not columns with a label of their own.
EXTRA_LABELS: dict[str, str] = {
    "quarter": QT_TRANSLATE_NOOP("AuditLog", "Quarter"),
    "reason": QT_TRANSLATE_NOOP("AuditLog", "Reason"),
    "file": QT_TRANSLATE_NOOP("AuditLog", "File"),
    "rows": QT_TRANSLATE_NOOP("AuditLog", "Rows"),
    "sheet": QT_TRANSLATE_NOOP("AuditLog", "Sheet"),
}

# Bookkeeping the action already says (deleted_at) or a clerk never sees.
HIDDEN_KEYS = frozenset({"id", "deleted_at"}) | DERIVED
LONGEST_VALUE = 40

NEWEST_FIRST = ListQuery(sort_key="at", descending=True)


def action_label(action: str) -> str:
    return translate("AuditLog", ACTIONS[action]) if action in ACTIONS else action


class AuditLog(Listing):
    """Every audit entry, filtered by day range (`since`, `until`) and `entity`."""

    model = AuditEntry
    windowed = True  # a province's log holds a million entries: windows, never every id
    # Every write adds an entry, so a change to any table makes the log stale.
    entities = frozenset(Base.metadata.tables)
    default_sort = "at"

    def columns(self) -> list[ListColumn]:
        return [
            ListColumn("at", lambda: translate("AuditLog", "When"), AuditEntry.at),
            ListColumn("who", lambda: translate("AuditLog", "Who"), AuditEntry.who),
            ListColumn(
                "action",
                lambda: translate("AuditLog", "Action"),
                AuditEntry.action,
                format=action_label,
            ),
            ListColumn(
                "entity",
                lambda: translate("AuditLog", "Kind"),
                AuditEntry.entity,
                format=entity_label,
            ),
            # The last two are worded from the snapshots in `rows`, not sortable in SQL.
            ListColumn(
                "record",
                lambda: translate("AuditLog", "Record"),
                AuditEntry.entity_id,
                sortable=False,
            ),
            ListColumn(
                "changes",
                lambda: translate("AuditLog", "Changes"),
                AuditEntry.id,
                sortable=False,
            ),
        ]

    def filters(self) -> dict[str, Any]:
        return {
            "since": lambda statement, day: statement.where(AuditEntry.at >= _midnight(day)),
            "until": lambda statement, day: statement.where(
                AuditEntry.at < _midnight(day + timedelta(days=1))
            ),
            "entity": lambda statement, entity: statement.where(AuditEntry.entity == entity),
        }

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        rows = super().rows(session, ids)
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.id.in_(list(rows)))))
        loaded = prefetch(session, entries)  # noqa: F841 - held while the entries are worded
        worded = {
            entry.id: (record_name(session, entry), change_summary(session, entry))
            for entry in entries
        }
        return {key: (*row[:4], *worded[key]) for key, row in rows.items()}


def prefetch(session: Session, entries: Sequence[AuditEntry]) -> list[Any]:
    """Load every record the entries name (themselves and their snapshots' references),
    with the relations their descriptions read, in a few queries per kind: wording a page
    of the log then issues no query per entry (`session.get` finds them loaded). Keep the
    returned list while wording: the session holds its records only weakly."""
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        if entry.entity_id is not None:
            wanted.setdefault(entry.entity, set()).add(entry.entity_id)
        model = model_of(entry.entity)
        if model is None:
            continue
        for snapshot in (entry.before or {}, entry.after or {}):
            for key, value in snapshot.items():
                column = model.__table__.columns.get(key)
                if column is not None and column.foreign_keys and isinstance(value, int):
                    target = next(iter(column.foreign_keys)).column.table.name
                    wanted.setdefault(target, set()).add(value)
    loaded: list[Any] = []
    for entity, record_ids in wanted.items():
        model = model_of(entity)
        if model is not None and record_ids:
            statement = select(model).where(model.id.in_(sorted(record_ids)))
            loaded += session.scalars(statement.options(selectinload("*"))).all()
    return loaded


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min)


def record_name(session: Session, entry: AuditEntry) -> str:
    """Which record: described by its kind while it exists, else named from the snapshot."""
    kind = KINDS.get(entry.entity)
    if kind is not None and entry.entity_id is not None:
        record = session.get(kind.model, entry.entity_id)
        if record is not None:
            return kind.describe(record)
    snapshot = entry.after or entry.before or {}
    for key in ("name", "mentee_name", "quarter"):
        if snapshot.get(key):
            return str(snapshot[key])
    return f"#{entry.entity_id}" if entry.entity_id is not None else ""


def change_lines(session: Session, entry: AuditEntry) -> list[str]:
    """One line per changed field: "label：old → new", or "label：value" when nothing was before.

    A purge keeps no "after" and a delete or restore changes only `deleted_at`, so
    those actions have no lines: the action says it all.
    """
    if entry.after is None:
        return []
    before, after = entry.before or {}, entry.after
    colon, arrow = translate("AuditLog", ": "), translate("AuditLog", " → ")
    lines = []
    for key in [*after, *(key for key in before if key not in after)]:
        if key in HIDDEN_KEYS:
            continue
        new = format_value(session, entry.entity, key, after.get(key))
        label = field_label(entry.entity, key)
        if key not in before:  # a new record, or a value recorded only afterwards
            if after.get(key) not in (None, "") and after.get(key) is not False:
                lines.append(f"{label}{colon}{new}")
            continue
        old = format_value(session, entry.entity, key, before.get(key))
        if old != new:
            lines.append(f"{label}{colon}{old}{arrow}{new}")
    return lines


def change_summary(session: Session, entry: AuditEntry) -> str:
    return translate("AuditLog", "; ").join(change_lines(session, entry))


def entry_details(session: Session, entry_id: int) -> list[str]:
    """The full change lines of one entry, for the detail pane under the log."""
    entry = session.get(AuditEntry, entry_id)
    if entry is None:
        return []
    loaded = prefetch(session, [entry])
    lines = change_lines(session, entry)
    del loaded
    return lines


def field_label(entity: str, key: str) -> str:
    if entity == "setting" and key in SETTINGS:
        return setting_label(key)
    if key in EXTRA_LABELS:
        return translate("AuditLog", EXTRA_LABELS[key])
    model = model_of(entity)
    if model is not None and key in model.__table__.columns:
        return label_of(model, key)
    return key


def format_value(session: Session, entity: str, key: str, value: Any) -> str:
    """A snapshot value as the clerk knows it (labels, names, masked ID numbers)."""
    if value is None or value == "":
        return translate("AuditLog", "(empty)")
    if isinstance(value, bool):
        return translate("AuditLog", "yes") if value else translate("AuditLog", "no")
    if entity == "setting" and key == "language":
        return LANGUAGE_NAMES.get(str(value), str(value))
    model = model_of(entity)
    column = model.__table__.columns.get(key) if model is not None else None
    if column is not None:
        if column.info.get("personal"):
            return mask_id_number(str(value))
        if column.foreign_keys:
            return _referenced_name(session, column, value)
        if isinstance(column.type, SQLEnum) and column.type.enum_class is not None:
            return _vocabulary_label(column.type.enum_class, value)
        if isinstance(column.type, Numeric):
            return number_text(value)
    return _shortened(str(value))


def _referenced_name(session: Session, column: Any, value: Any) -> str:
    target = next(iter(column.foreign_keys)).column.table.name
    kind, model = KINDS.get(target), model_of(target)
    record = session.get(model, value) if model is not None else None
    if record is None:
        return f"#{value}"
    return kind.describe(record) if kind is not None else f"#{value}"


def _vocabulary_label(enum_class: type[Enum], value: Any) -> str:
    try:
        member = enum_class(value)
    except ValueError:
        return str(value)
    label = getattr(member, "label", None)
    return label() if callable(label) else str(value)


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"
