"""Create, update, soft-delete, restore and purge any kind of record, one way.

Each kind of record (staff, unit, provision, …) is described once by a `Kind`: how
its input is checked, how it is named in messages, what still refers to it, and which
of its dates tie it to a quarter. The functions here then validate, check closed
quarters, write the audit entry and commit in one transaction, or write nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import Record, SoftDeletable, label_of
from app.errors import InUseError, NotFoundError, ValidationError
from app.i18n import translate
from app.records.audit import record_change, snapshot
from app.records.closing import ensure_open
from app.records.transactions import transaction

# Columns the records layer manages itself; never taken from user input.
MANAGED = frozenset({"id", "created_at", "updated_at", "deleted_at", "import_batch_id"})

# (session, values, the record being edited or None) -> clean values
Normaliser = Callable[[Session, dict[str, Any], Any], dict[str, Any]]


def _no_blockers(session: Session, record: Record, purge: bool) -> list[str]:
    return []


@dataclass(frozen=True)
class Kind:
    """How one kind of record is checked, named and protected.

    `normalise(session, values, current)` returns clean column values or raises
    ValidationError; `blockers(session, record, purge)` lists what still refers to a
    record (deleting is refused while it is non-empty); `period_fields` are the dates
    that tie a record to quarters; a change is checked against closed quarters only
    when it touches `report_fields` (all fields when None).
    """

    model: type[Record]
    normalise: Normaliser
    describe: Callable[[Any], str]
    blockers: Callable[[Session, Any, bool], list[str]] = _no_blockers
    period_fields: tuple[str, ...] = ()
    report_fields: frozenset[str] | None = None

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
        return [values.get(field) for field in self.period_fields]


def refuse_unknown_fields(kind: Kind, values: Mapping[str, Any]) -> None:
    columns = kind.model.__table__.columns
    unknown = [key for key in values if key not in columns or key in MANAGED]
    if unknown:
        raise ValidationError(
            {key: [translate("Records", "is not a field of this record")] for key in unknown}
        )


def add(
    session: Session, kind: Kind, values: Mapping[str, Any], *, import_batch_id: int | None = None
) -> Record:
    """Validate and add a record inside the caller's transaction (imports add many)."""
    refuse_unknown_fields(kind, values)
    clean = kind.normalise(session, dict(values), None)
    ensure_open(session, kind.period_dates(clean))
    record = kind.model(**clean)
    if import_batch_id is not None:
        record.import_batch_id = import_batch_id  # type: ignore[attr-defined]
    session.add(record)
    session.flush()
    record_change(
        session,
        action="create",
        entity=kind.entity,
        entity_id=record.id,
        after=snapshot(record),
        import_batch_id=import_batch_id,
    )
    return record


def change(
    session: Session,
    kind: Kind,
    record_id: int,
    values: Mapping[str, Any],
    *,
    import_batch_id: int | None = None,
) -> bool:
    """Validate and apply changes inside the caller's transaction; False when none."""
    refuse_unknown_fields(kind, values)
    record = get_live(session, kind, record_id)
    before = snapshot(record)
    current = kind.editable_values(record)
    clean = kind.normalise(session, {**current, **values}, record)
    changed = {key for key, value in clean.items() if current.get(key) != value}
    if not changed:
        return False
    if kind.report_fields is None or changed & kind.report_fields:
        ensure_open(session, kind.period_dates(current) + kind.period_dates(clean))
    for key in changed:
        setattr(record, key, clean[key])
    session.flush()
    record_change(
        session,
        action="update",
        entity=kind.entity,
        entity_id=record.id,
        before=before,
        after=snapshot(record),
        import_batch_id=import_batch_id,
    )
    return True


def create(session: Session, kind: Kind, values: Mapping[str, Any]) -> int:
    """Create one record in its own transaction; return its id."""
    with transaction(session):
        return add(session, kind, values).id


def update(session: Session, kind: Kind, record_id: int, values: Mapping[str, Any]) -> bool:
    """Change some fields of a record in one transaction; False when nothing changed."""
    with transaction(session):
        return change(session, kind, record_id, values)


def delete(session: Session, kind: Kind, record_id: int) -> None:
    """Move a record to the recycle bin (tables without a bin lose the row)."""
    with transaction(session):
        record = get_live(session, kind, record_id)
        _refuse_if_blocked(session, kind, record, purge=False)
        ensure_open(session, kind.period_dates(kind.editable_values(record)))
        before = snapshot(record)
        if _in_recycle_bin_table(record):
            record.deleted_at = clock.now()
            after: dict[str, Any] | None = snapshot(record)
        else:
            session.delete(record)
            after = None
        session.flush()
        record_change(
            session,
            action="delete",
            entity=kind.entity,
            entity_id=record_id,
            before=before,
            after=after,
        )


def restore(session: Session, kind: Kind, record_id: int) -> None:
    """Bring a record back from the recycle bin, checking it is still valid."""
    with transaction(session):
        record = _get(session, kind, record_id)
        if not _in_recycle_bin_table(record) or record.deleted_at is None:
            raise NotFoundError(
                translate("Records", "{name} is not in the recycle bin.").format(
                    name=kind.describe(record)
                )
            )
        before = snapshot(record)
        values = kind.editable_values(record)
        kind.normalise(session, dict(values), record)
        ensure_open(session, kind.period_dates(values))
        record.deleted_at = None
        session.flush()
        record_change(
            session,
            action="restore",
            entity=kind.entity,
            entity_id=record_id,
            before=before,
            after=snapshot(record),
        )


def purge(session: Session, kind: Kind, record_id: int) -> None:
    """Erase a record from the recycle bin for good (the only hard delete)."""
    with transaction(session):
        record = _get(session, kind, record_id)
        if _in_recycle_bin_table(record) and record.deleted_at is None:
            raise InUseError(
                translate("Records", "{name} is not in the recycle bin; delete it first.").format(
                    name=kind.describe(record)
                )
            )
        _refuse_if_blocked(session, kind, record, purge=True)
        before = snapshot(record)
        session.delete(record)
        session.flush()
        record_change(
            session, action="purge", entity=kind.entity, entity_id=record_id, before=before
        )


def get_live(session: Session, kind: Kind, record_id: int) -> Any:
    """The record if it exists and is not in the recycle bin, else NotFoundError."""
    record = _get(session, kind, record_id)
    if _in_recycle_bin_table(record) and record.deleted_at is not None:
        raise NotFoundError(
            translate("Records", "{name} is in the recycle bin; restore it first.").format(
                name=kind.describe(record)
            )
        )
    return record


def _in_recycle_bin_table(record: Any) -> bool:
    return isinstance(record, SoftDeletable)


def describe(session: Session, kind: Kind, record_id: int) -> str:
    """How a record is named to the clerk, e.g. in "Delete {name}?"."""
    return kind.describe(_get(session, kind, record_id))


def current_values(session: Session, kind: Kind, record_id: int) -> dict[str, Any]:
    """The editable values of a live record as plain data (what a form starts from)."""
    return kind.editable_values(get_live(session, kind, record_id))


def _get(session: Session, kind: Kind, record_id: int) -> Any:
    record = session.get(kind.model, record_id)
    if record is None:
        raise NotFoundError(
            translate("Records", "No such record (id {id}); it may have been purged.").format(
                id=record_id
            )
        )
    return record


def _refuse_if_blocked(session: Session, kind: Kind, record: Record, *, purge: bool) -> None:
    blockers = kind.blockers(session, record, purge)
    if blockers:
        raise InUseError(
            translate("Records", "{name} cannot be deleted: {blockers}.").format(
                name=kind.describe(record), blockers=translate("Records", ", ").join(blockers)
            )
        )


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
    problems: Any,
    field: str,
    model: type[Record],
    record_id: Any,
    *,
    describe: Callable[[Any], str],
    required: bool = True,
) -> Any:
    """The referenced row when it exists and is not in the recycle bin; else a message."""
    if record_id in (None, ""):
        if required:
            problems.require(field, None)
        return None
    record = session.get(model, record_id) if isinstance(record_id, int) else None
    if record is None:
        problems.add(field, translate("Records", "no such record (id {id})").format(id=record_id))
        return None
    if isinstance(record, SoftDeletable) and record.deleted_at is not None:
        problems.add(
            field,
            translate("Records", "{name} is in the recycle bin").format(name=describe(record)),
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


def problems_with(
    session: Session, kind: Kind, values: Mapping[str, Any], record_id: int | None = None
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
