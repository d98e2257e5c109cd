"""A titled record list: the table, its row count and the buttons that act on it.

Every list in Settings (services, metrics, yearly targets, the recycle bin, the
audit log) is one of these over an `app.listing.Listing`, so they look, select,
sort, count, export and print the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.db.listing import Listing, ListQuery
from app.reports.list_document import ListFilter
from ui.context import LedgerContext
from ui.exporting import export_list
from ui.list_printing import print_list
from ui.record_view import hide_columns, make_record_table, shown_columns, shown_widths
from ui.table_models import RecordTableModel
from ui.windowed_table_model import WindowedTableModel

translate = QCoreApplication.translate


class RecordList(QWidget):
    """`activated` carries the id of a row opened by double-click or Enter."""

    activated = Signal(int)
    selection_changed = Signal()

    def __init__(
        self,
        context: LedgerContext,
        listing: Listing,
        query: ListQuery | None = None,
        *,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._buttons: list[tuple[QPushButton, Callable[[], bool]]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title_label = QLabel(title)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setVisible(bool(title))
        self.count_label = QLabel()
        self.count_label.setObjectName("rowCount")
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.count_label)
        layout.addLayout(header)
        self.model = self._make_model(listing, query)
        self.view = make_record_table(self.model, self)
        self.view.activated.connect(self._activate)  # double-click or Enter on a row
        self._watch_model()
        layout.addWidget(self.view, 1)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        layout.addLayout(self.button_row)

    # ----------------------------------------------------------------- building
    def add_button(
        self,
        text: str,
        handler: Callable[[], Any],
        *,
        needs_selection: bool = True,
        enabled_when: Callable[[], bool] | None = None,
        before: QPushButton | None = None,
    ) -> QPushButton:
        """A button under the list (at the end, or `before` another one). It is enabled
        while `enabled_when()` holds; by default, while a row is chosen if it acts on one."""
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: handler())
        if before is not None:
            self.button_row.insertWidget(self.button_row.indexOf(before), button)
        else:
            self.button_row.addWidget(button)
        if enabled_when is None:
            enabled_when = self._has_selection if needs_selection else lambda: True
        self._buttons.append((button, enabled_when))
        self.update_buttons()
        return button

    def on_delete_key(self, handler: Callable[[], Any]) -> None:
        """Delete acts on the table only, so it never eats a text field's key press."""
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(handler)

    def set_listing(self, listing: Listing, query: ListQuery | None = None) -> None:
        """Show another list in the same place (the recycle bin switching kinds)."""
        old_model, old_selection = self.model, self.view.selectionModel()
        self.model = self._make_model(listing, query)
        self.view.setModel(self.model)  # the view makes a new selection model
        hide_columns(self.view, self.model)
        old_selection.deleteLater()
        old_model.deleteLater()
        self._watch_model()

    def _make_model(self, listing: Listing, query: ListQuery | None) -> RecordTableModel:
        model_class = WindowedTableModel if listing.windowed else RecordTableModel
        model = model_class(self.context, listing, query)
        model.setParent(self)  # dies with the list, so it stops listening to the bus
        return model

    def _watch_model(self) -> None:
        self.model.modelReset.connect(self._on_reset)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self._on_reset()

    # ----------------------------------------------------------------- queries
    def set_filters(self, filters: Mapping[str, Any]) -> None:
        self.model.set_query(replace(self.model.query, filters=dict(filters)))

    def set_search(self, text: str) -> None:
        self.model.set_query(replace(self.model.query, search=text))

    def export(self, title: str, *, full: bool = False) -> QObject | None:
        """The list as shown (filters, order, the columns on screen) to an Excel workbook,
        in the background; with `full`, ID numbers unmasked (asked first, audited)."""
        return export_list(
            self,
            self.context,
            self.model.listing,
            self.model.query,
            title,
            columns=shown_columns(self.view, self.model),
            full=full,
        )

    def print_list(self, title: str, filters: Sequence[ListFilter] = ()) -> QObject:
        """The list as shown (filters named, search, order, the columns on screen, every
        row) to the print preview, A4 landscape; read in the background."""
        return print_list(
            self,
            self.context,
            self.model.listing,
            self.model.query,
            title,
            columns=shown_columns(self.view, self.model),
            widths=shown_widths(self.view),
            filters=filters,
        )

    def add_print_button(self, handler: Callable[[], Any]) -> QPushButton:
        """「打印…」 under the list, beside the export: what the page's Ctrl+P does."""
        button = self.add_button(translate("RecordList", "Print…"), handler, needs_selection=False)
        button.setToolTip(
            translate("RecordList", "Print the list as shown, with the filters applied (Ctrl+P)")
        )
        return button

    # ----------------------------------------------------------------- selection
    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None

    def selected_ids(self) -> list[int]:
        """Every chosen row's id, in display order (a command for several at once)."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.record_id(row) for row in rows]

    def selected_text(self, key: str | None = None) -> str:
        """The chosen row's text in column `key` (the first column when there is none)."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return ""
        keys = [self.model.column_key(column) for column in range(self.model.columnCount())]
        column = keys.index(key) if key in keys else 0
        return str(self.model.data(self.model.index(rows[0].row(), column)) or "")

    def select_id(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.record_id(index.row()))

    def _on_reset(self) -> None:
        rows = self.model.rowCount()
        self.count_label.setText(translate("RecordList", "Rows: {count}").format(count=rows))
        self.update_buttons()
        self.selection_changed.emit()

    def _on_selection(self) -> None:
        self.update_buttons()
        self.selection_changed.emit()

    def _has_selection(self) -> bool:
        return self.selected_id() is not None

    def update_buttons(self) -> None:
        for button, enabled_when in self._buttons:
            button.setEnabled(enabled_when())
