"""The one application-wide "data changed" signal (STYLE.md).

After every write the UI emits which kinds of records changed; each page refreshes
itself from that, instead of pages calling each other or polling.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    """`changed` carries a frozenset of entity names, e.g. {"staff", "unit"}."""

    changed = Signal(frozenset)

    def announce(self, *entities: str) -> None:
        self.changed.emit(frozenset(entities))
