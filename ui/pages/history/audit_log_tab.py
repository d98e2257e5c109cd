"""Settings → Audit log (操作日志): who changed what, newest first, filtered and exportable.

The wording (actions in Chinese, "字段：旧值 → 新值") comes from `app.audit_log`; this
tab only offers the filters, the list and the full change of the chosen entry.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.history.audit_log import NEWEST_FIRST, AuditLog, entry_details
from app.history.kinds import ENTITY_LABELS, entity_label
from ui.context import LedgerContext
from ui.list_printing import chosen_filters
from ui.widgets.record_list import RecordList


class AuditLogTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        filters = QHBoxLayout()
        today = date.today()
        self.since_check, self.since = self._day_filter(
            filters, self.tr("From"), today - timedelta(days=30)
        )
        self.until_check, self.until = self._day_filter(filters, self.tr("To"), today)
        self.entity_combo = QComboBox()
        self.entity_combo.addItem(self.tr("All kinds"), "")
        for entity in ENTITY_LABELS:
            self.entity_combo.addItem(entity_label(entity), entity)
        self.entity_combo.currentIndexChanged.connect(self.apply_filters)
        kind_label = QLabel(self.tr("Kind:"))
        kind_label.setBuddy(self.entity_combo)
        filters.addSpacing(12)
        filters.addWidget(kind_label)
        filters.addWidget(self.entity_combo)
        self.clear_button = QPushButton(self.tr("Show all"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters.addSpacing(12)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.list = RecordList(context, AuditLog(), NEWEST_FIRST)
        self.list.view.setColumnWidth(0, 130)
        self.list.view.setColumnWidth(1, 80)
        self.list.view.setColumnWidth(2, 90)
        self.list.view.setColumnWidth(3, 90)
        self.list.view.setColumnWidth(4, 200)
        export = self.list.add_button(
            self.tr("Export to Excel…"), self.export_page, needs_selection=False
        )
        export.setToolTip(self.tr("The entries as listed, with the filters applied (Ctrl+E)"))
        self.list.add_print_button(self.print_page)
        layout.addWidget(self.list, 1)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setFixedHeight(110)
        self.details.setPlaceholderText(self.tr("Choose an entry to see every field it changed."))
        layout.addWidget(self.details)
        self.list.selection_changed.connect(self._show_details)

    def _day_filter(self, row: QHBoxLayout, text: str, day: date) -> tuple[QCheckBox, QDateEdit]:
        """A day that filters only while its box is ticked (an untouched filter means any day)."""
        check = QCheckBox(text)
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self.apply_filters)
        edit.dateChanged.connect(self.apply_filters)
        row.addWidget(check)
        row.addWidget(edit)
        return check, edit

    def apply_filters(self) -> None:
        filters: dict[str, object] = {"entity": self.entity_combo.currentData()}
        if self.since_check.isChecked():
            filters["since"] = self.since.date().toPython()
        if self.until_check.isChecked():
            filters["until"] = self.until.date().toPython()
        self.list.set_filters(filters)

    def clear_filters(self) -> None:
        for check in (self.since_check, self.until_check):
            check.setChecked(False)
        self.entity_combo.setCurrentIndex(0)

    def _show_details(self) -> None:
        """The entry's line (when, who, what, which) above every field it changed."""
        entry_id = self.list.selected_id()
        if entry_id is None:
            self.details.clear()
            return
        keys = ("at", "who", "action", "entity", "record")
        heading = "  ".join(filter(None, (self.list.selected_text(key) for key in keys)))
        lines = self.context.read(entry_details, entry_id)
        self.details.setPlainText("\n".join([heading, *lines]))

    # Page actions (main window menus and toolbar).
    def export_page(self) -> QObject | None:
        return self.list.export(self.tr("Audit log"))

    def print_page(self) -> QObject:
        named: list[tuple[str, QWidget]] = [
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
            (self.tr("Kind"), self.entity_combo),
        ]
        return self.list.print_list(self.tr("Audit log"), chosen_filters(named))
