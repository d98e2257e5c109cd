"""The one way lists look and behave: a table over a `RecordTableModel`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.table_models import RecordTableModel

ROW_HEIGHT = 28


def make_record_table(model: RecordTableModel, parent: QWidget | None = None) -> QTableView:
    """Fixed row height and interactive column widths: nothing measures every row, so a
    long list opens as fast as a short one. Clicking a header sorts in SQL."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep SQL order
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    vertical.hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    size_columns(view, model)
    return view


def size_columns(view: QTableView, model: RecordTableModel) -> None:
    """Columns as wide as their listing says a typical value is, never less than the header."""
    metrics = view.fontMetrics()
    char = metrics.horizontalAdvance("0")
    for index, column in enumerate(model.listing.columns()):
        if column.width:
            header = metrics.horizontalAdvance(column.label()) + 3 * char
            view.setColumnWidth(index, max(column.width * char + 2 * char, header))
