"""One unit of work per user action: who acts, what changed, one transaction.

A command is a function `command(work, ...)` (Anki's `CollectionOp` is the model). It
writes through the records layer, which audits each row with `work.audit` and so tells
the work what changed; `perform` gives the command its transaction and returns the
command's value together with those `Changes`, which the GUI announces on its one
data-changed signal. Nothing is committed unless the whole command succeeds, no
caution is left unconfirmed and the clerk did not cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import clock
from app.db.ledger import Ledger
from app.db.models import AuditEntry, Batch
from app.db.sharing import announce
from app.db.vocabulary import Field
from app.errors import Cancelled, Caution, NeedsConfirmation, StaleRecordError, WriteConflict
from app.i18n import translate

T = TypeVar("T")
Progress = Callable[[int, int], None]  # (done, total)

# Audit actions by what they did to the row, for `Changes`.
_CREATED = frozenset({"create"})
_REMOVED = frozenset({"delete", "purge", "undo-create"})
WRITE_ATTEMPTS = 3  # a command colliding with another clerk's runs again, twice at most


@dataclass(frozen=True)
class Actor:
    """Who performs a command: the clerk named in Settings today, a signed-in user later.

    Audit entries, quarter closing and (later) permissions take the name and rights
    from here, never from a ledger-wide setting.
    """

    name: str
    role: str = "admin"
    field: Field | None = None  # a clerk limited to one field (server mode)


@dataclass
class Changes:
    """What a command wrote: record ids per entity (table name), by what happened.

    `touched` holds entities changed without a record id of their own (settings).
    """

    created: dict[str, list[int]] = field(default_factory=dict)
    updated: dict[str, list[int]] = field(default_factory=dict)
    removed: dict[str, list[int]] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    # What is already listed, so noting the 5,000th row of an import stays cheap.
    _noted: set[tuple[bool, bool, str, int]] = field(default_factory=set, repr=False, compare=False)

    def note(self, action: str, entity: str, entity_id: int | None) -> None:
        if entity_id is None:
            self.touched.add(entity)
            return
        target = (
            self.created
            if action in _CREATED
            else self.removed
            if action in _REMOVED
            else self.updated
        )
        key = (action in _CREATED, action in _REMOVED, entity, entity_id)
        if key not in self._noted:
            self._noted.add(key)
            target.setdefault(entity, []).append(entity_id)

    @property
    def entities(self) -> frozenset[str]:
        """Every kind of record that changed (what a page checks before refreshing)."""
        return frozenset({*self.created, *self.updated, *self.removed, *self.touched})

    def touches(self, entities: Collection[str]) -> bool:
        return not self.entities.isdisjoint(entities)

    def created_id(self, entity: str) -> int:
        """The id of the one `entity` record the command created (a form's new record)."""
        (record_id,) = self.created[entity][:1]
        return record_id

    def counts(self, entities: Collection[str] | None = None) -> tuple[int, int, int]:
        """(added, updated, removed) rows, over `entities` or every kind of record."""

        def total(group: dict[str, list[int]]) -> int:
            return sum(
                len(ids) for name, ids in group.items() if entities is None or name in entities
            )

        return total(self.created), total(self.updated), total(self.removed)

    def __bool__(self) -> bool:
        return bool(self.entities)

    @classmethod
    def of(cls, *entities: str) -> Changes:
        """Changes naming kinds only (something outside a command changed them)."""
        return cls(touched=set(entities))


@dataclass
class Done(Generic[T]):
    """A command that committed: what it returned and what it changed."""

    value: T
    changes: Changes


class Work:
    """The context every command receives: its session, its actor, and the bookkeeping
    of the transaction (audit, changes, cautions, progress, cancellation, batch)."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        *,
        confirmed: Collection[str] = (),
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.session = session
        self.actor = actor
        self.changes = Changes()
        self.batch: Batch | None = None
        self._confirmed = frozenset(confirmed)
        self._cautions: list[Caution] = []
        self._labels: dict[str, str] = {}
        self._progress = progress
        self._cancelled = cancelled

    # ----------------------------------------------------------------- audit
    def audit(
        self,
        *,
        action: str,
        entity: str,
        entity_id: int | None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Record who changed what (the caller's transaction commits it), and note it."""
        self.session.add(
            AuditEntry(
                at=clock.now(),
                who=self.actor.name,
                action=action,
                entity=entity,
                entity_id=entity_id,
                before=before,
                after=after,
                batch_id=self.batch.id if self.batch is not None else None,
            )
        )
        self.changes.note(action, entity, entity_id)

    # ----------------------------------------------------------------- batches
    def begin_batch(self, kind: str, *, file_name: str = "", checksum: str = "") -> Batch:
        """Make every later write of this command part of one batch, undone as a whole."""
        self.batch = Batch(
            kind=kind, file_name=file_name, checksum=checksum, made_by=self.actor.name
        )
        self.session.add(self.batch)
        self.session.flush()
        self.changes.note("create", "batch", self.batch.id)
        return self.batch

    def _count_batch(self) -> None:
        if self.batch is not None:
            records = self.changes.entities - {"batch"}
            added, updated, removed = self.changes.counts(records)
            self.batch.rows_added, self.batch.rows_updated = added, updated
            self.batch.rows_removed = removed

    # ----------------------------------------------------------------- cautions
    def caution(
        self, code: str, field: str, message: str, *, label: str = "", row: str | None = None
    ) -> None:
        """Something unusual the clerk must confirm; the command goes on checking, and
        nothing is committed while a caution is unconfirmed."""
        if code not in self._confirmed:
            self._cautions.append(Caution(code, field, message, row))
            if label:
                self._labels[field] = label

    # ----------------------------------------------------------------- long work
    def progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(done, total)

    def check_cancelled(self) -> None:
        """Stop a long command (nothing is committed) once the clerk pressed Cancel."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled(translate("Work", "Cancelled; nothing was saved."))

    # ----------------------------------------------------------------- ending
    def finish(self) -> None:
        """Before commit: refuse to commit with cautions left or after a cancel."""
        if self._cautions:
            raise NeedsConfirmation(self._cautions, self._labels)
        self.check_cancelled()
        self._count_batch()
        self.session.flush()
        announce(self.session, self.changes.entities)


@contextmanager
def unit_of_work(
    session: Session,
    actor: Actor,
    *,
    confirmed: Collection[str] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Work]:
    """Commit what the block did once, or roll all of it back on any error."""
    work = Work(session, actor, confirmed=confirmed, progress=progress, cancelled=cancelled)
    try:
        yield work
        work.finish()
        session.commit()
    except BaseException:
        session.rollback()
        raise


def perform(
    ledger: Ledger,
    command: Callable[[Work], T],
    *,
    actor: Actor,
    confirmed: Collection[str] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Done[T]:
    """Run `command(work)` in its own session and transaction; its value and its changes.

    Raises what the command raises (typed `LedgerError`s), `NeedsConfirmation` for
    unconfirmed cautions, `NotAllowed` on a read-only ledger; nothing is then written.
    When two clerks' transactions collide on a server (`WriteConflict`: a deadlock or
    serialization failure, nothing written), or a record's version moved under an
    UPDATE (another clerk saved it that moment), the command runs again from the start:
    it reads the records afresh, so its checks (and a form's version) see the other
    clerk's save.
    """
    ledger.refuse_if_read_only()
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with (
                ledger.session() as session,
                unit_of_work(
                    session, actor, confirmed=confirmed, progress=progress, cancelled=cancelled
                ) as work,
            ):
                value = command(work)
            break
        except WriteConflict:
            if attempt == WRITE_ATTEMPTS:
                raise
        except StaleDataError as error:  # a record's version moved under this UPDATE
            if attempt == WRITE_ATTEMPTS:
                raise StaleRecordError(
                    translate(
                        "Records",
                        "A record was changed by another user at the same moment, so "
                        "nothing was saved. Try again.",
                    )
                ) from error
    if work.changes:
        ledger.changed = True
    return Done(value, work.changes)
