"""How each kind of record is checked, named and protected: one `RecordKind` per entity.

A kind (staff, unit, provision, …) is described once, next to its rules: how its
input is normalised, how it is named in messages, what still refers to it, which of
its dates tie it to a quarter, and which cautions its values raise. The commands of
`app.records.commands` then validate, check closed quarters, audit and write any kind
the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import BOOKKEEPING, DERIVED, Record, SoftDeletable, label_of
from app.db.vocabulary import Field
from app.errors import NotFoundError, ValidationError
from app.i18n import translate
from app.records.permissions import Permission
from app.records.validation import Problems

# Columns the records layer manages itself; never taken from user input.
MANAGED = frozenset({"id", "deleted_at"}) | BOOKKEEPING | DERIVED
ID_LIMIT = 2**63  # ids are 64-bit integers on every backend; a larger one names nothing

# (session, values, the record being edited or None) -> clean values
Normaliser = Callable[[Session, dict[str, Any], Any], dict[str, Any]]
# (session, clean values, the record being edited or None) -> [(code, field, message)]
CautionRule = Callable[[Session, dict[str, Any], Any], list[tuple[str, str, str]]]
# (session, a record's column values) -> the field the record belongs to (a clerk's limit)
FieldOf = Callable[[Session, Mapping[str, Any]], Field | None]


def _no_blockers(session: Session, record: Record, purge: bool) -> list[str]:
    return []


def _no_cautions(
    session: Session, values: dict[str, Any], current: Any
) -> list[tuple[str, str, str]]:
    return []


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record is checked, named and protected.

    `normalise(session, values, current)` returns clean column values or raises
    ValidationError; `cautions(session, clean, current)` lists what the clerk must
    confirm (codes stable across a retry); `blockers(session, record, purge)` lists
    what still refers to a record (deleting is refused while it is non-empty);
    `period_fields` are the dates that tie a record to quarters (`dated_by` derives
    others); a change is checked against closed quarters only when it touches
    `report_fields` (all when None). Writing it needs `permission` (a catalog's by
    default: only an administrator); `field_of(session, values)` says whose field a
    record belongs to, so a clerk limited to one field writes only that field's records.
    """

    model: type[Record]
    normalise: Normaliser
    describe: Callable[[Any], str]
    blockers: Callable[[Session, Any, bool], list[str]] = _no_blockers
    cautions: CautionRule = _no_cautions
    period_fields: tuple[str, ...] = ()
    report_fields: frozenset[str] | None = None
    # The days that tie a record to quarters when they are not date columns (a yearly
    # target: its year's first day, so a year with a closed quarter keeps its target).
    dated_by: Callable[[Mapping[str, Any]], list[date | None]] | None = None
    permission: Permission = Permission.CATALOG
    field_of: FieldOf | None = None

    @property
    def entity(self) -> str:
        return str(self.model.__tablename__)

    def label(self, field: str) -> str:
        return label_of(self.model, field) if field in self.model.__table__.columns else field

    def editable_values(self, record: Record) -> dict[str, Any]:
        return {
            column.key: getattr(record, column.key)
            for column in self.model.__table__.columns
            if column.key not in MANAGED
        }

    def period_dates(self, values: Mapping[str, Any]) -> list[date | None]:
        dates = [values.get(field) for field in self.period_fields]
        return dates + (self.dated_by(values) if self.dated_by is not None else [])

    @property
    def in_recycle_bin_table(self) -> bool:
        return issubclass(self.model, SoftDeletable)


def field_through(*links: tuple[str, type[Record]]) -> FieldOf:
    """The field of the record the first set one of these (column, model) links points
    at: a provision's person, an outcome's person or else its team."""

    def field_of(session: Session, values: Mapping[str, Any]) -> Field | None:
        for column, model in links:
            target_id = values.get(column)
            if isinstance(target_id, int):
                return getattr(session.get(model, target_id), "field", None)
        return None

    return field_of


def refuse_unknown_fields(kind: RecordKind, values: Mapping[str, Any]) -> None:
    columns = kind.model.__table__.columns
    unknown = [key for key in values if key not in columns or key in MANAGED]
    if unknown:
        raise ValidationError(
            {key: [translate("Records", "is not a field of this record")] for key in unknown}
        )


def find(session: Session, kind: RecordKind, record_id: int) -> Any:
    """The record, live or in the recycle bin; NotFoundError once purged."""
    record = session.get(kind.model, record_id)
    if record is None:
        raise NotFoundError(
            translate("Records", "No such record (id {id}); it may have been purged.").format(
                id=record_id
            )
        )
    return record


def get_live(session: Session, kind: RecordKind, record_id: int) -> Any:
    """The record if it exists and is not in the recycle bin, else NotFoundError."""
    record = find(session, kind, record_id)
    if getattr(record, "deleted_at", None) is not None:
        raise NotFoundError(
            translate("Records", "{name} is in the recycle bin; restore it first.").format(
                name=kind.describe(record)
            )
        )
    return record


def describe(session: Session, kind: RecordKind, record_id: int) -> str:
    """How a record is named to the clerk, e.g. in "Delete {name}?"."""
    return kind.describe(find(session, kind, record_id))


def current_values(session: Session, kind: RecordKind, record_id: int) -> dict[str, Any]:
    """The editable values of a live record as plain data (what a form starts from)."""
    return kind.editable_values(get_live(session, kind, record_id))


def problems_with(
    session: Session, kind: RecordKind, values: Mapping[str, Any], record_id: int | None = None
) -> dict[str, list[str]]:
    """Messages per field for these values, writing nothing (forms check as the clerk types)."""
    try:
        refuse_unknown_fields(kind, values)
        current = get_live(session, kind, record_id) if record_id is not None else None
        merged = {**kind.editable_values(current), **values} if current else dict(values)
        kind.normalise(session, merged, current)
    except ValidationError as error:
        return error.errors
    finally:
        session.rollback()
    return {}


@dataclass(frozen=True)
class Reference:
    """A column that points at a record, and how to say "{count} of those" in a message."""

    column: Any  # an ORM attribute such as Staff.team_id
    message: str  # translated template with {count}


def count_references(
    session: Session, record_id: int, references: list[Reference], *, purge: bool
) -> list[str]:
    """Messages for each kind of row still pointing at `record_id`.

    Rows in the recycle bin still block a purge (they would dangle) but not a delete.
    """
    messages = []
    for reference in references:
        model = reference.column.class_
        query = select(func.count()).select_from(model).where(reference.column == record_id)
        if not purge and issubclass(model, SoftDeletable):
            query = query.where(model.deleted_at.is_(None))
        count = session.scalar(query) or 0
        if count:
            messages.append(reference.message.format(count=count))
    return messages


def check_reference(
    session: Session,
    problems: Problems,
    values: Mapping[str, Any],
    field: str,
    model: type[Record],
    *,
    required: bool = True,
) -> Any:
    """The row `values[field]` refers to, when it exists and is not in the recycle bin;
    else a message under `field` (naming the row by its name)."""
    record_id = values.get(field)
    if record_id in (None, ""):
        if required:
            problems.require(field, None)
        return None
    usable = isinstance(record_id, int) and 0 < record_id < ID_LIMIT
    record = session.get(model, record_id) if usable else None
    if record is None:
        problems.add(field, translate("Records", "no such record (id {id})").format(id=record_id))
        return None
    if isinstance(record, SoftDeletable) and record.deleted_at is not None:
        problems.add(
            field,
            translate("Records", "{name} is in the recycle bin").format(
                name=getattr(record, "name", f"#{record.id}")
            ),
        )
        return None
    return record


def unique_name_problem(
    session: Session, model: type[Record], name: str, current: Record | None, **scope: Any
) -> str | None:
    """A message when another row (even one in the recycle bin) already has this name."""
    query = select(model).where(model.name == name)  # type: ignore[attr-defined]
    for column, value in scope.items():
        query = query.where(getattr(model, column) == value)
    if current is not None:
        query = query.where(model.id != current.id)
    other = session.scalar(query)
    if other is None:
        return None
    if getattr(other, "deleted_at", None) is not None:
        return translate("Records", "{name} already exists in the recycle bin; restore it").format(
            name=name
        )
    return translate("Records", "{name} already exists").format(name=name)
