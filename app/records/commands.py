"""Create, update, delete to the recycle bin, restore and purge any kind of record.

Each function is a step of a command (`app.records.work`): it validates, checks
closed quarters, raises the kind's cautions, writes and audits inside the command's
transaction, and the work collects what changed. `write_rows` is the batch form: many
rows in one transaction, every refused row reported, nothing written when any is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from app.db.base import Record
from app.errors import InUseError, NotFoundError, Refusal, ValidationError
from app.i18n import translate
from app.records.audit import snapshot
from app.records.closing import ensure_open
from app.records.kinds import RecordKind, find, get_live, refuse_unknown_fields
from app.records.permissions import Permission, require, require_field
from app.records.versions import refuse_if_changed
from app.records.work import Work


@dataclass(frozen=True)
class Checked:
    """What a create or an update would write, found without writing anything: the
    clean values, the fields that change (all of them for a new record) and the
    cautions the clerk would be asked about. An import's preview is made of these."""

    clean: dict[str, Any]
    changed: frozenset[str]
    cautions: list[tuple[str, str, str]]


def check_create(session: Session, kind: RecordKind, values: Mapping[str, Any]) -> Checked:
    """Validate a new record as `create` would; raises what `create` would raise."""
    refuse_unknown_fields(kind, values)
    clean = kind.normalise(session, dict(values), None)
    ensure_open(session, kind.period_dates(clean))
    return Checked(clean, frozenset(clean), kind.cautions(session, clean, None))


def check_update(
    session: Session, kind: RecordKind, record_id: int, values: Mapping[str, Any]
) -> Checked:
    """Validate changes as `update` would (no cautions when nothing changes)."""
    refuse_unknown_fields(kind, values)
    record = get_live(session, kind, record_id)
    current = kind.editable_values(record)
    clean = kind.normalise(session, {**current, **values}, record)
    changed = frozenset(key for key, value in clean.items() if current.get(key) != value)
    if not changed:
        return Checked(clean, changed, [])
    if kind.report_fields is None or changed & kind.report_fields:
        ensure_open(session, kind.period_dates(current) + kind.period_dates(clean))
    return Checked(clean, changed, kind.cautions(session, clean, record))


def create(
    work: Work, kind: RecordKind, values: Mapping[str, Any], *, row: str | None = None
) -> int:
    """Validate and add a record; its id. `row` names it in a batch's messages."""
    session = work.session
    require(work.actor, kind.permission)
    checked = check_create(session, kind, values)
    permit_fields(work, kind, None, checked.clean)
    _raise_cautions(work, kind, checked.cautions, row)
    record = kind.model(**checked.clean)
    session.add(record)
    session.flush()
    work.audit(action="create", entity=kind.entity, entity_id=record.id, after=snapshot(record))
    return record.id


def update(
    work: Work,
    kind: RecordKind,
    record_id: int,
    values: Mapping[str, Any],
    *,
    row: str | None = None,
    expected_version: int | None = None,
) -> bool:
    """Validate and apply changes to some fields; False when nothing changed.
    `expected_version` (the one a form showed) refuses a record saved meanwhile."""
    session = work.session
    require(work.actor, kind.permission)
    # Held for the whole command: the session's identity map is weak, and a record
    # loaded again under READ COMMITTED would carry the version another clerk has
    # just committed, so the UPDATE would no longer be made only at the version checked.
    record = get_live(session, kind, record_id)
    if expected_version is not None:
        refuse_if_changed(session, kind, record, expected_version)
    checked = check_update(session, kind, record_id, values)
    if not checked.changed:
        return False
    permit_fields(work, kind, record, kind.editable_values(record), checked.clean)
    before = snapshot(record)
    _raise_cautions(work, kind, checked.cautions, row)
    for key in checked.changed:
        setattr(record, key, checked.clean[key])
    session.flush()
    work.audit(
        action="update",
        entity=kind.entity,
        entity_id=record.id,
        before=before,
        after=snapshot(record),
    )
    return True


def delete(work: Work, kind: RecordKind, record_id: int) -> None:
    """Move a record to the recycle bin (tables without a bin lose the row)."""
    session = work.session
    require(work.actor, kind.permission)
    record = get_live(session, kind, record_id)
    permit_fields(work, kind, record, kind.editable_values(record))
    _refuse_if_blocked(work, kind, record, purge=False)
    ensure_open(session, kind.period_dates(kind.editable_values(record)))
    before = snapshot(record)
    after: dict[str, Any] | None = None
    if kind.in_recycle_bin_table:
        record.deleted_at = clock.now()
        after = snapshot(record)
    else:
        session.delete(record)
    session.flush()
    work.audit(action="delete", entity=kind.entity, entity_id=record_id, before=before, after=after)


def restore(work: Work, kind: RecordKind, record_id: int) -> None:
    """Bring a record back from the recycle bin, checking it is still valid."""
    session = work.session
    require(work.actor, kind.permission)
    record = find(session, kind, record_id)
    permit_fields(work, kind, record, kind.editable_values(record))
    if not kind.in_recycle_bin_table or record.deleted_at is None:
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
    work.audit(
        action="restore",
        entity=kind.entity,
        entity_id=record_id,
        before=before,
        after=snapshot(record),
    )


def purge(work: Work, kind: RecordKind, record_id: int) -> None:
    """Erase a record from the recycle bin for good (the only hard delete)."""
    session = work.session
    require(work.actor, Permission.RESTORE)
    record = find(session, kind, record_id)
    if kind.in_recycle_bin_table and record.deleted_at is None:
        raise InUseError(
            translate("Records", "{name} is not in the recycle bin; delete it first.").format(
                name=kind.describe(record)
            )
        )
    _refuse_if_blocked(work, kind, record, purge=True)
    before = snapshot(record)
    session.delete(record)
    session.flush()
    work.audit(action="purge", entity=kind.entity, entity_id=record_id, before=before)


def permit_fields(
    work: Work, kind: RecordKind, record: Record | None, *value_sets: Mapping[str, Any]
) -> None:
    """Refuse a field-limited clerk a record outside their field: as it is and as it
    would be (a clerk limited to 医疗 can neither move a person out of 医疗 nor in)."""
    if kind.field_of is None or work.actor.field is None:
        return
    for values in value_sets:
        field_name = kind.field_of(work.session, values)
        if field_name != work.actor.field:
            named = (
                kind.describe(record)
                if record is not None
                else str(values.get("name") or translate("Records", "the new record"))
            )
            require_field(work.actor, field_name, named)


def _refuse_if_blocked(work: Work, kind: RecordKind, record: Record, *, purge: bool) -> None:
    blockers = kind.blockers(work.session, record, purge)
    if blockers:
        raise InUseError(
            translate("Records", "{name} cannot be deleted: {blockers}.").format(
                name=kind.describe(record), blockers=translate("Records", ", ").join(blockers)
            )
        )


def _raise_cautions(
    work: Work, kind: RecordKind, cautions: list[tuple[str, str, str]], row: str | None
) -> None:
    for code, field_name, message in cautions:
        work.caution(
            caution_code(code, row), field_name, message, label=kind.label(field_name), row=row
        )


def caution_code(code: str, row: str | None) -> str:
    """How a caution is confirmed: its code, prefixed by the batch row it belongs to."""
    return f"{row}:{code}" if row else code


# ----------------------------------------------------------------- batches
@dataclass(frozen=True)
class RowWrite:
    """One row of a batch command: create (no `record_id`), update, or remove.

    `label` is how the clerk knows the row (「第 7 行」 of a sheet, a person's name in
    entry for many); every message about the row carries it.
    """

    label: str
    kind: RecordKind
    values: Mapping[str, Any] = field(default_factory=dict)
    record_id: int | None = None
    remove: bool = False


ROW_PROGRESS_STEP = 50
CHUNK = 50  # rows written under one savepoint while none is refused


def write_rows(
    work: Work,
    rows: Sequence[RowWrite],
    *,
    after_row: Callable[[RowWrite, int | None], None] | None = None,
) -> list[int | None]:
    """Write every row in the command's one transaction; the id each row wrote.

    A refused row (its input, a closed quarter, a conflict with another record, also
    one found only by the database at flush) is reported and the next row is still
    checked. When any row was refused, a ValidationError names every refused row and
    its fields, and the whole command writes nothing. `after_row(row, id)` adds a
    row's own extra writes.

    Rows go in chunks under one savepoint each (savepoints cost as much as the rows'
    own statements); a chunk with a refused row is rolled back and written again a
    row at a time, each in its own savepoint, so every refused row is found.
    """
    problems: dict[str, dict[str, list[str]]] = {}
    labels: dict[str, str] = {}
    written: list[int | None] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        ids = _write_chunk(work, chunk, after_row)
        if ids is None:
            ids = [_write_alone(work, row, after_row, problems, labels) for row in chunk]
        written += ids
        for index in range(start + 1, start + len(chunk) + 1):
            if index % ROW_PROGRESS_STEP == 0 or index == len(rows):
                work.progress(index, len(rows))
                work.check_cancelled()
    if problems:
        raise ValidationError(labels=labels, rows=problems)
    return written


def _write_row(
    work: Work, row: RowWrite, after_row: Callable[[RowWrite, int | None], None] | None
) -> int | None:
    record_id: int | None
    if row.remove:
        assert row.record_id is not None
        delete(work, row.kind, row.record_id)
        record_id = row.record_id
    elif row.record_id is None:
        record_id = create(work, row.kind, row.values, row=row.label)
    else:
        update(work, row.kind, row.record_id, row.values, row=row.label)
        record_id = row.record_id
    if after_row is not None:
        after_row(row, record_id)
    return record_id


def _write_chunk(
    work: Work,
    chunk: Sequence[RowWrite],
    after_row: Callable[[RowWrite, int | None], None] | None,
) -> list[int | None] | None:
    """The chunk's ids, or None (and nothing of it kept) when a row was refused.

    What the work noted for the rolled-back rows (changes, cautions) need not be taken
    back: the chunk is written again row by row, its refused row is refused again, and
    the batch then raises without committing."""
    try:
        with work.session.begin_nested():
            return [_write_row(work, row, after_row) for row in chunk]
    except (ValidationError, Refusal, IntegrityError):
        return None


def _write_alone(
    work: Work,
    row: RowWrite,
    after_row: Callable[[RowWrite, int | None], None] | None,
    problems: dict[str, dict[str, list[str]]],
    labels: dict[str, str],
) -> int | None:
    """One row in its own savepoint; its problems noted when it is refused."""
    try:
        with work.session.begin_nested():
            return _write_row(work, row, after_row)
    except ValidationError as error:
        _merge(problems.setdefault(row.label, {}), error.errors)
        labels.update(error.labels or {key: row.kind.label(key) for key in error.errors})
    except Refusal as error:
        problems.setdefault(row.label, {}).setdefault("", []).append(str(error))
    except IntegrityError as error:
        problems.setdefault(row.label, {}).setdefault("", []).append(conflict_message(error))
    return None


def _merge(target: dict[str, list[str]], errors: Mapping[str, Sequence[str]]) -> None:
    for key, messages in errors.items():
        target.setdefault(key, []).extend(messages)


def conflict_message(error: IntegrityError) -> str:
    """A row the database refused although it passed our checks (a concurrent writer)."""
    return translate(
        "Records", "conflicts with a record saved meanwhile (another window or user): {reason}"
    ).format(reason=str(error.orig).splitlines()[0])
