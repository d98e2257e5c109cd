"""The one way the GUI writes: an `app/` command run on the ledger's worker thread.

Anki's `CollectionOp` is the model. `WriteRunner.submit` runs `command(work)` through
`app.records.work.perform` off the GUI thread, with the acting user; back on the GUI
thread it announces the command's own `Changes` on the data bus (so every page
refreshes) and then hands the caller the outcome on its `WriteOp`: `done` with the
value and changes, `failed` with the typed `LedgerError`, or `confirm` with the
cautions to ask about. It shows no dialog itself: a form keeps what the clerk typed
and shows the message beside the field or above its buttons. An exception that is
not a `LedgerError` is a bug and goes to the application's exception handler.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.errors import LedgerError, NeedsConfirmation
from app.records.work import Done, Work, perform
from ui.tasks import Progress, TaskRunner, show_progress

if TYPE_CHECKING:
    from app.db.ledger import Ledger
    from app.records.work import Actor
    from ui.signals import DataBus

Command = Callable[[Work], Any]


class WriteOp(QObject):
    """One command on its way; exactly one of `done`, `failed` and `confirm` fires."""

    done = Signal(object)  # app.records.work.Done
    failed = Signal(object)  # app.errors.LedgerError
    confirm = Signal(object)  # app.errors.NeedsConfirmation
    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = False

    def cancel(self) -> None:
        """Ask a long command to stop; it writes nothing if it has not committed yet."""
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled


class WriteRunner(QObject):
    """`busy_changed(bool)` says whether a write is in flight (tests wait for idle)."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        ledger: Ledger,
        tasks: TaskRunner,
        bus: DataBus,
        actor: Callable[[], Actor],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ledger, self._tasks, self._bus, self._actor = ledger, tasks, bus, actor
        self._in_flight: set[WriteOp] = set()
        # Run on the worker before each command (the GUI's backup policy): with a reason,
        # a backup the command needs (an import), whose failure refuses the command.
        self.before_write: Callable[[str | None], None] | None = None

    def submit(
        self,
        command: Command,
        *,
        confirmed: Collection[str] = (),
        progress_label: str | None = None,
        parent: QWidget | None = None,
        cancellable: bool = False,
        backup_first: str | None = None,
    ) -> WriteOp:
        """Run `command(work)` in one transaction on the worker. With `progress_label`,
        a progress dialog shows (with Cancel when `cancellable`) while it runs; with
        `backup_first` (a reason such as "import"), a backup is made first."""
        op = WriteOp(self)
        actor = self._actor()
        ledger = self._ledger
        before = self.before_write

        def job(progress: Progress) -> Done[Any]:
            ledger.refuse_if_read_only()
            if before is not None:
                before(backup_first)
            return perform(
                ledger,
                command,
                actor=actor,
                confirmed=confirmed,
                progress=progress,
                cancelled=op.is_cancelled,
            )

        task = self._tasks.submit(job)
        task.progressed.connect(op.progressed)
        task.finished.connect(lambda done: self._finished(op, done))
        task.failed.connect(lambda error: self._failed(op, error))
        if progress_label is not None:
            show_progress(parent, progress_label, task, op.cancel if cancellable else None)
        self._in_flight.add(op)
        if len(self._in_flight) == 1:
            self.busy_changed.emit(True)
        return op

    def is_idle(self) -> bool:
        return not self._in_flight

    def _finished(self, op: WriteOp, done: Done[Any]) -> None:
        self._bus.announce(done.changes)
        self._end(op, op.done, done)

    def _failed(self, op: WriteOp, error: BaseException) -> None:
        if isinstance(error, NeedsConfirmation):
            self._end(op, op.confirm, error)
        elif isinstance(error, LedgerError):
            self._end(op, op.failed, error)
        else:
            self._end(op, None, None)
            sys.excepthook(type(error), error, error.__traceback__)

    def _end(self, op: WriteOp, signal: Any, outcome: Any) -> None:
        self._in_flight.discard(op)
        if signal is not None:
            signal.emit(outcome)
        op.deleteLater()
        if not self._in_flight:
            self.busy_changed.emit(False)
