"""When the GUI backs up (DESIGN.md §8): the policy; `app.db.backup` is the mechanism.

Before the first write of a session (so the state the clerk opened is kept), every few
minutes while changes happen, and on a clean exit when something changed since the
last one; also before a risky command (an import, an undo). Every backup runs on the
ledger's worker, never blocking the window; a quit waits only for the one in flight.
A failing automatic backup never stops the clerk's work: it is reported once, in words.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from app.db.backup import back_up
from app.db.ledger import Ledger
from app.errors import LedgerError
from app.records.settings import backup_policy, get_setting
from app.records.work import Changes
from ui.signals import DataBus
from ui.tasks import Progress, TaskRunner

MINUTE_MS = 60_000


class BackupScheduler(QObject):
    """`failed(str)` carries the reason an automatic backup could not be made."""

    failed = Signal(str)

    def __init__(
        self, ledger: Ledger, tasks: TaskRunner, bus: DataBus, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ledger, self._tasks = ledger, tasks
        self._lock = threading.Lock()
        self._session_saved = False  # the state as opened has been backed up
        self._dirty = False  # changes since the last backup
        self.last_error: str | None = None  # why the latest backup failed, if it did
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.back_up_soon)
        bus.changed.connect(self._changed)

    @property
    def active(self) -> bool:
        return self._ledger.read_only is None and self._ledger.file is not None

    # ----------------------------------------------------------------- on the worker
    def before_write(self, reason: str | None) -> None:
        """Run on the worker before a command: the session's first backup, or one named
        `reason` before a risky command (whose failure then refuses the command)."""
        if not self.active:
            return
        if reason is not None:
            self.back_up_now(reason)
            return
        with self._lock:
            first, self._session_saved = not self._session_saved, True
        if first:
            try:
                self.back_up_now("session")
            except LedgerError as error:  # the clerk's write goes on; the reason is told
                self.failed.emit(str(error))

    def back_up_now(self, reason: str) -> None:
        with self._ledger.session() as session:
            policy = backup_policy(session, self._ledger.path)
        back_up(self._ledger, policy, reason=reason)
        self._dirty = False

    # ----------------------------------------------------------------- on the GUI thread
    def _changed(self, changes: Changes) -> None:
        if not self.active or not changes:
            return
        self._dirty = True
        if not self._timer.isActive():
            with self._ledger.session() as session:
                minutes = int(get_setting(session, "backup_minutes"))
            self._timer.start(minutes * MINUTE_MS)

    def back_up_soon(self, reason: str = "auto") -> None:
        """A backup on the worker when something changed since the last one."""
        if not (self.active and self._dirty):
            return

        def job(_progress: Progress) -> None:
            try:
                self.back_up_now(reason)
            except LedgerError as error:
                self.last_error = str(error)
                raise

        self.last_error = None
        self._tasks.submit(job).failed.connect(self._report)

    def _report(self, error: BaseException) -> None:
        self.failed.emit(str(error))

    def finish(self) -> str | None:
        """On a clean exit: the last backup if anything changed, waited for; the reason it
        failed, if it did (the caller tells the clerk before the window goes)."""
        self._timer.stop()
        self.last_error = None
        self.back_up_soon("exit")
        self._tasks.wait()
        return self.last_error
