"""Batches (批次) looked back on: the history of imports, entries for many and grid saves,
and undoing one as a whole.

A batch's audit entries say what it did to each record; undoing walks them newest
first: a record the batch created is removed for good (it never existed before), a
record it changed gets its earlier values back, a record it removed comes back. Undo
is refused, with the reason, when a later change touched one of those records, when
a record the batch created is used by a later one, or when a closed quarter holds one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, or_, select, tuple_
from sqlalchemy.orm import Session

from app import clock
from app.db.listing import ListColumn, Listing
from app.db.models import AuditEntry, Batch
from app.errors import NotFoundError, Refusal
from app.history.kinds import KINDS, entity_label, model_of
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.records.audit import from_snapshot, snapshot
from app.records.closing import ensure_open
from app.records.commands import permit_fields
from app.records.permissions import Permission, require
from app.records.work import Work

# Batch.kind -> what the clerk did, in the UI's words.
BATCH_KINDS: dict[str, str] = {
    "import-staff": QT_TRANSLATE_NOOP("Batches", "Staff import"),
    "import-services": QT_TRANSLATE_NOOP("Batches", "Service records import"),
    "import-outcomes": QT_TRANSLATE_NOOP("Batches", "Outcomes import"),
    "import-mentorships": QT_TRANSLATE_NOOP("Batches", "Mentorships import"),
    "entry-for-many": QT_TRANSLATE_NOOP("Batches", "Entry for many"),
    "outcome-grid": QT_TRANSLATE_NOOP("Batches", "Outcome grid"),
}


def batch_kind_label(kind: str) -> str:
    return translate("Batches", BATCH_KINDS[kind]) if kind in BATCH_KINDS else kind


class BatchHistory(Listing):
    """Every batch, newest first by default; filter `kind` (a Batch.kind) or `kinds`."""

    model = Batch
    entities = frozenset({"batch"})
    default_sort = "created_at"

    def columns(self) -> list[ListColumn]:
        return [
            ListColumn("created_at", lambda: translate("Batches", "When"), Batch.created_at),
            ListColumn("made_by", lambda: translate("Batches", "Who"), Batch.made_by),
            ListColumn(
                "kind", lambda: translate("Batches", "What"), Batch.kind, format=batch_kind_label
            ),
            ListColumn("file_name", lambda: translate("Batches", "File"), Batch.file_name),
            ListColumn(
                "rows_added", lambda: translate("Batches", "Added"), Batch.rows_added, numeric=True
            ),
            ListColumn(
                "rows_updated",
                lambda: translate("Batches", "Changed"),
                Batch.rows_updated,
                numeric=True,
            ),
            ListColumn(
                "rows_removed",
                lambda: translate("Batches", "Removed"),
                Batch.rows_removed,
                numeric=True,
            ),
            ListColumn("undone_at", lambda: translate("Batches", "Undone at"), Batch.undone_at),
        ]

    def filters(self) -> dict[str, Any]:
        return {
            "kind": lambda statement, kind: statement.where(Batch.kind == kind),
            "kinds": lambda statement, kinds: statement.where(Batch.kind.in_(list(kinds))),
        }


def _batch_entries(session: Session, batch_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.batch_id == batch_id, AuditEntry.entity_id.is_not(None))
            .order_by(AuditEntry.id.desc())
        )
    )


def _later_changes(session: Session, batch_id: int, entries: list[AuditEntry]) -> Select[Any]:
    """Audit entries after the batch that touch one of its records (outside the batch)."""
    last = max(entry.id for entry in entries)
    keys = list({(entry.entity, entry.entity_id) for entry in entries})
    return (
        select(AuditEntry)
        .where(
            AuditEntry.id > last,
            or_(AuditEntry.batch_id.is_(None), AuditEntry.batch_id != batch_id),
            tuple_(AuditEntry.entity, AuditEntry.entity_id).in_(keys),
        )
        .order_by(AuditEntry.id)
        .limit(1)
    )


def undo_batch(work: Work, batch_id: int) -> None:
    """Undo every change of a batch in this command's transaction, or refuse and write nothing."""
    session = work.session
    batch = session.get(Batch, batch_id)
    if batch is None:
        raise NotFoundError(translate("Batches", "No such batch (id {id}).").format(id=batch_id))
    # A clerk undoes their own batches (each row is then checked like any write: a
    # field-limited clerk's batch holds only their field); anyone else's needs an admin.
    require(work.actor, Permission.ENTER)
    if batch.made_by != work.actor.name:
        require(work.actor, Permission.RESTORE)
    if batch.undone_at is not None:
        raise Refusal(
            translate("Batches", "This batch was already undone on {when}.").format(
                when=batch.undone_at.strftime("%Y-%m-%d %H:%M")
            )
        )
    entries = _batch_entries(session, batch_id)
    if entries:
        later = session.scalar(_later_changes(session, batch_id, entries))
        if later is not None:
            raise Refusal(
                translate(
                    "Batches",
                    "{kind} #{id} was changed after this batch (by {who} on {when}); undo "
                    "is refused so that later work is not lost.",
                ).format(
                    kind=entity_label(later.entity),
                    id=later.entity_id,
                    who=later.who or "—",
                    when=later.at.strftime("%Y-%m-%d %H:%M"),
                )
            )
    for entry in entries:
        _undo_entry(work, entry)
    batch.undone_at = clock.now()
    batch.undone_by = work.actor.name
    work.audit(action="undo", entity="batch", entity_id=batch.id, after={"batch": batch.id})


def _undo_entry(work: Work, entry: AuditEntry) -> None:
    session = work.session
    model = model_of(entry.entity)
    assert model is not None and entry.entity_id is not None
    kind = KINDS.get(entry.entity)
    record = session.get(model, entry.entity_id)
    if record is None:  # purged meanwhile: nothing left to undo for it
        return
    current = snapshot(record)
    if kind is not None:  # the same rights as writing the record itself
        require(work.actor, kind.permission)
        values = from_snapshot(model, entry.before or current)
        permit_fields(work, kind, record, from_snapshot(model, current), values)
    period_fields = kind.period_fields if kind is not None else ()
    dates = [from_snapshot(model, current).get(field) for field in period_fields]
    if entry.action == "create":
        ensure_open(session, dates)
        blockers = kind.blockers(session, record, True) if kind is not None else []
        if blockers:
            raise Refusal(
                translate(
                    "Batches", "{name} was added by this batch and is used since: {uses}."
                ).format(
                    name=kind.describe(record) if kind else entry.entity_id,
                    uses="、".join(blockers),
                )
            )
        session.delete(record)
        session.flush()
        work.audit(
            action="undo-create", entity=entry.entity, entity_id=entry.entity_id, before=current
        )
        return
    earlier = from_snapshot(model, entry.before or {})
    ensure_open(session, dates + [earlier.get(field) for field in period_fields])
    for key, value in earlier.items():
        setattr(record, key, value)
    session.flush()
    work.audit(
        action=f"undo-{entry.action}",
        entity=entry.entity,
        entity_id=entry.entity_id,
        before=current,
        after=snapshot(record),
    )
