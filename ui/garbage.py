"""Python's cycle collector, run on the GUI thread only.

The collector runs on whichever thread crosses its allocation threshold. Freeing a Qt
object there (a finished task, a slot's closure) on the worker thread makes Qt take
its signal lock and PySide then wait for the interpreter lock, which the GUI thread
holds while it waits for that same signal lock to connect a new task: the window
freezes for good (seen as rare hangs of the test suite under load, traced with
py-spy). As Anki does, automatic collection is switched off and the GUI thread
collects on a timer, by the same generation thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Owned by the application; collects what the thresholds call for, every second."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @staticmethod
    def collect() -> int:
        """Collect the oldest generation whose count passed its threshold; what was freed."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        return gc.collect(max(due)) if due else 0


def collect_on_the_gui_thread(parent: QObject) -> GuiThreadCollector:
    """The application's one collector (created on the first call)."""
    existing = parent.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(parent)
