"""A lazy, SQL-backed table model over an `app.listing.Listing`.

It holds only the ordered ids of the matching rows and fetches display values in
blocks for the rows the view paints, with a cache dropped when data change (Anki's
browser model and Camelot's query proxy work the same way). Sorting and filtering
are new SQL queries, never a proxy over all rows in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.db.listing import ListColumn, Listing, ListQuery, cell_text
from app.records.work import Changes
from ui.context import LedgerContext

BLOCK = 100
Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self, context: LedgerContext, listing: Listing, query: ListQuery | None = None
    ) -> None:
        super().__init__()
        self.context, self.listing = context, listing
        self.query = query or ListQuery(sort_key=listing.default_sort)
        self._columns: list[ListColumn] = listing.columns()
        self._ids: list[int] = []
        self._cache: dict[int, tuple[Any, ...]] = {}
        context.bus.changed.connect(self._on_changed)
        self.reload()

    # ------------------------------------------------------------- queries
    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self.context.read(self.listing.ids, self.query)
        self._cache.clear()
        self.endResetModel()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(self.listing.entities):
            self.reload()

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def column_key(self, column: int) -> str:
        return self._columns[column].key

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].label() if 0 <= section < len(self._columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self._row(index.row())[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[index.column()].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.record_id(index.row())
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)) or not self._columns[column].sortable:
            return
        self.set_query(
            ListQuery(
                search=self.query.search,
                filters=self.query.filters,
                sort_key=self._columns[column].key,
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )

    def _row(self, row: int) -> tuple[Any, ...]:
        record_id = self.record_id(row)
        if record_id not in self._cache:
            self._cache.update(self.context.read(self.listing.rows, self._block(row)))
        return self._cache.get(record_id, ("",) * len(self._columns))

    def _block(self, row: int) -> list[int]:
        """The ids of the rows fetched together with `row` (the view paints neighbours)."""
        start = (row // BLOCK) * BLOCK
        return self._ids[start : start + BLOCK]
