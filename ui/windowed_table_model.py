"""A table model for lists too long to read every id first (the outcome ledger).

`RecordTableModel` holds the ordered ids of every matching row, which costs a third
of a second at 500,000 rows. This one asks the listing how many rows match and then
reads windows of ids (with their display values) as they scroll into view, so
opening, filtering and scrolling cost the same for 500 rows or 500,000; the
scrollbar still spans every row, as in Excel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex

from app.records.work import Changes
from ui.table_models import Index, RecordTableModel

WINDOW = 200


class WindowedTableModel(RecordTableModel):
    """`hold(True)` while no view shows it (a hidden tab): changes then only mark it
    stale, and `hold(False)` reloads it once if anything changed meanwhile."""

    _held = False
    _stale = False

    def hold(self, held: bool) -> None:
        self._held = held
        if not held and self._stale:
            self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if self._held and changes.touches(self.listing.entities):
            self._stale = True
            return
        super()._on_changed(changes)

    def reload(self) -> None:
        self._stale = False
        self.beginResetModel()
        self._count = self.context.read(self.listing.count, self.query)
        self._windows: dict[int, list[int]] = {}
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def _window(self, row: int) -> list[int]:
        number = row // WINDOW
        if number not in self._windows:
            ids = self.context.read(self.listing.window, self.query, number * WINDOW, WINDOW)
            self._windows[number] = ids
            self._cache.update(self.context.read(self.listing.rows, ids))
        return self._windows[number]

    def record_id(self, row: int) -> int:
        ids = self._window(row)
        return ids[row % WINDOW] if row % WINDOW < len(ids) else -1

    def row_of(self, record_id: int) -> int | None:
        for number, ids in self._windows.items():
            if record_id in ids:
                return number * WINDOW + ids.index(record_id)
        row = self.context.read(self.listing.position, self.query, record_id)
        return row

    def _row(self, row: int) -> tuple[Any, ...]:
        return self._cache.get(self.record_id(row), ("",) * len(self._columns))
