"""Long work (reports with charts, exports, imports, backups) off the GUI thread.

Tasks run one at a time on a single worker thread (Anki's pattern), each with its
own database session; a progress dialog shows while the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.ledger import Ledger

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

    def start(self, parent: QWidget | None, label: str, work: Work) -> Task:
        """Run `work(session, progress)` in the background behind a progress dialog."""
        task = Task()
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(400)
        task.progressed.connect(
            lambda done, total: (dialog.setMaximum(total), dialog.setValue(done))
        )
        for signal in (task.finished, task.failed):
            signal.connect(dialog.close)
            signal.connect(lambda _result, task=task: self._running.discard(task))
        self._running.add(task)
        self._pool.start(_Runnable(self._ledger, work, task))
        return task

    def wait(self) -> None:
        """Let running work finish (before closing the database)."""
        self._pool.waitForDone()
