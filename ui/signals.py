"""The one application-wide "data changed" signal (STYLE.md).

After every write the write runner emits the command's own `Changes` (which kinds and
which records); each page refreshes itself from that, instead of pages calling each
other or polling.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.records.work import Changes


class DataBus(QObject):
    """`changed` carries an `app.records.work.Changes`."""

    changed = Signal(object)

    def announce(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)
