"""Database work off the GUI thread, one job at a time on the ledger's worker (Anki's pattern).

Reads that take a while (reports with charts, exports) and every write run here, in
order, each with its own database session; the window stays responsive meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.db.ledger import Ledger
from app.errors import Cancelled

translate = QCoreApplication.translate

Progress = Callable[[int, int], None]
Job = Callable[[Progress], Any]  # (progress) -> result
Work = Callable[[Any, Progress], Any]  # (session, progress) -> result


class Task(QObject):
    """One piece of background work; connect to `finished` or `failed`.

    The worker never emits these itself: a signal emitted from another thread finds
    its receivers at that moment, and a quick job (a refusal found at once) could end
    before the caller has connected to the task it was just handed, leaving the caller
    waiting for ever. The worker posts to `_ended`/`_stepped`, connected here before
    the job starts, and the GUI thread re-emits the public signals when it gets there
    — after the caller's connections are made.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    _stepped = Signal(int, int)
    _ended = Signal(bool, object)  # (succeeded, result or error)

    def __init__(self) -> None:
        super().__init__()
        self._stepped.connect(self.progressed.emit, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, succeeded: bool, outcome: Any) -> None:
        (self.finished if succeeded else self.failed).emit(outcome)


class _Runnable(QRunnable):
    def __init__(self, job: Job, task: Task) -> None:
        super().__init__()
        self._job, self._task = job, task

    def run(self) -> None:
        try:
            result = self._job(self._task._stepped.emit)
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self._task._ended.emit(False, error)
        else:
            self._task._ended.emit(True, result)


class TaskRunner:
    """The ledger's one worker thread."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._running: set[Task] = set()
        self._stopping = False  # closing: background reads give up at their next step

    def submit(self, job: Job) -> Task:
        """Run `job(progress)` on the worker; the task's signals arrive on the GUI thread,
        never before the caller has had the chance to connect to them (`Task`)."""
        task = Task()
        for signal in (task.finished, task.failed):
            signal.connect(lambda _result, task=task: self._release(task))
        self._running.add(task)
        self._pool.start(_Runnable(job, task))
        return task

    def start(
        self, parent: QWidget | None, label: str | None, work: Work, *, cancellable: bool = False
    ) -> Task:
        """Run the read `work(session, progress)` in its own session, behind a progress
        dialog; without a `label`, quietly (a page that shows its own "computing" state).
        With `cancellable`, the dialog's Cancel ends the work at its next progress step."""
        cancelled = [False]

        def job(progress: Progress) -> Any:
            def step(done: int, total: int) -> None:
                if self._stopping:
                    raise Cancelled(translate("Tasks", "Stopped: the ledger is closing."))
                if cancelled[0]:
                    raise Cancelled(translate("Tasks", "Cancelled."))
                progress(done, total)

            with self._ledger.session() as session:
                return work(session, step)

        task = self.submit(job)
        if label is not None:
            cancel = (lambda: cancelled.__setitem__(0, True)) if cancellable else None
            show_progress(parent, label, task, cancel)
        return task

    def _release(self, task: Task) -> None:
        """Drop our reference once the signal's every slot has run: released inside the
        emission, the task could be destroyed before the caller's own slots are called."""
        QTimer.singleShot(0, lambda: self._running.discard(task))

    def is_idle(self) -> bool:
        return not self._running

    def wait(self) -> None:
        """Let running work finish (before closing the database)."""
        self._pool.waitForDone()

    def stop_reads(self) -> None:
        """Closing: reads that report their steps end at the next one (a chart build does
        not hold up a quit); writes and backups still run to their end."""
        self._stopping = True


def show_progress(
    parent: QWidget | None, label: str, task: Task, cancel: Callable[[], None] | None = None
) -> QProgressDialog:
    """A window-modal progress dialog that follows `task` and closes when it ends; with
    `cancel`, its Cancel button calls it (a batch stops before it commits)."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if cancel is None:
        dialog.setCancelButton(None)
    else:
        dialog.setCancelButtonText(translate("Tasks", "Cancel"))
        dialog.canceled.connect(cancel)
    dialog.setMinimumDuration(400)

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    task.progressed.connect(show_progress)
    task.finished.connect(dialog.close)
    task.failed.connect(dialog.close)
    return dialog


class LatestResult(QObject):
    """A view computed in the background, of which only the newest result matters.

    A request made while one is running replaces any waiting one; when the running
    work ends its result is dropped and the newest request starts. So switching
    quarters quickly never queues up chart builds, and never shows an old quarter.
    """

    ready = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._task: Task | None = None
        self._waiting: Work | None = None

    def request(self, work: Work) -> None:
        self._waiting = work
        if self._task is None:
            self._start()

    def is_busy(self) -> bool:
        return self._task is not None

    def _start(self) -> None:
        work, self._waiting = self._waiting, None
        assert work is not None
        self._task = self._runner.start(None, None, work)
        self._task.finished.connect(self._finished)
        self._task.failed.connect(self._failed)

    def _finished(self, result: Any) -> None:
        self._end(self.ready, result)

    def _failed(self, error: Any) -> None:
        self._end(self.failed, error)

    def _end(self, signal: Any, outcome: Any) -> None:
        self._task = None
        if self._waiting is not None:
            self._start()
        else:
            signal.emit(outcome)
