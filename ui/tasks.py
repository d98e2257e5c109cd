"""Long work (reports with charts, exports, imports, backups) off the GUI thread.

Tasks run one at a time on a single worker thread (Anki's pattern), each with its
own database session; a progress dialog shows while the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.db.ledger import Ledger

Progress = Callable[[int, int], None]
Work = Callable[[Any, Progress], Any]  # (session, progress) -> result


class Task(QObject):
    """One piece of background work; connect to `finished` or `failed`."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, ledger: Ledger, work: Work, task: Task) -> None:
        super().__init__()
        self._ledger, self._work, self._task = ledger, work, task

    def run(self) -> None:
        try:
            with self._ledger.session() as session:
                result = self._work(session, self._task.progressed.emit)
        except Exception as error:  # reported to the GUI thread, which shows it
            self._task.failed.emit(error)
        else:
            self._task.finished.emit(result)


class TaskRunner:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._running: set[Task] = set()

    def start(self, parent: QWidget | None, label: str | None, work: Work) -> Task:
        """Run `work(session, progress)` in the background behind a progress dialog;
        without a `label`, quietly (a page that shows its own "computing" state)."""
        task = Task()
        if label is not None:
            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setCancelButton(None)
            dialog.setMinimumDuration(400)
            task.progressed.connect(
                lambda done, total: (dialog.setMaximum(total), dialog.setValue(done))
            )
            task.finished.connect(dialog.close)
            task.failed.connect(dialog.close)
        for signal in (task.finished, task.failed):
            signal.connect(lambda _result, task=task: self._running.discard(task))
        self._running.add(task)
        self._pool.start(_Runnable(self._ledger, work, task))
        return task

    def wait(self) -> None:
        """Let running work finish (before closing the database)."""
        self._pool.waitForDone()


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
