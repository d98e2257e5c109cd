"""The one way lists look and behave: a table over a `RecordTableModel`."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

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
    header = view.horizontalHeader()
    header.setSectionsMovable(True)  # the clerk's order is what an export writes
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda position: column_menu(view, position))
    size_columns(view, model)
    hide_columns(view, model)
    return view


def hide_columns(view: QTableView, model: RecordTableModel) -> None:
    """Columns a listing keeps for the record's rest start hidden (right-click shows them)."""
    for index, column in enumerate(model.listing.columns()):
        view.setColumnHidden(index, column.hidden)


def column_menu(view: QTableView, position: QPoint) -> None:
    """Right-click on the header: tick the columns to show."""
    model = view.model()
    menu = QMenu(view)
    for index in range(model.columnCount()):
        action = menu.addAction(str(model.headerData(index, Qt.Orientation.Horizontal)))
        action.setCheckable(True)
        action.setChecked(not view.isColumnHidden(index))
        action.toggled.connect(lambda shown, index=index: view.setColumnHidden(index, not shown))
    menu.popup(view.horizontalHeader().mapToGlobal(position))


def shown_columns(view: QTableView, model: RecordTableModel) -> list[str]:
    """The keys of the columns on screen, in the order the clerk sees them."""
    header = view.horizontalHeader()
    logical = [header.logicalIndex(visual) for visual in range(header.count())]
    return [model.column_key(index) for index in logical if not header.isSectionHidden(index)]


def shown_widths(view: QTableView) -> list[int]:
    """The widths of the columns on screen (as `shown_columns` lists them), in pixels: a
    printed list shares the paper's width the same way."""
    header = view.horizontalHeader()
    logical = [header.logicalIndex(visual) for visual in range(header.count())]
    return [header.sectionSize(index) for index in logical if not header.isSectionHidden(index)]


def size_columns(view: QTableView, model: RecordTableModel) -> None:
    """Columns as wide as their listing says a typical value is, never less than the header."""
    metrics = view.fontMetrics()
    char = metrics.horizontalAdvance("0")
    for index, column in enumerate(model.listing.columns()):
        if column.width:
            header = metrics.horizontalAdvance(column.label()) + 3 * char
            view.setColumnWidth(index, max(column.width * char + 2 * char, header))
