"""The provision ledger (服务记录台账): every service delivered, with filters and a total.

A `RecordList` over `app.services.lists.ProvisionList`: search, filters and sorting are
SQL, rows load as they scroll, the amount total is one aggregate query over exactly
the rows shown. After an entry for many, a bar offers to undo the whole batch.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.db.base import label_of
from app.db.listing import ListQuery
from app.db.models import ServiceProvision, Staff
from app.db.vocabulary import Field
from app.history.batches import undo_batch
from app.numbers import number_text
from app.records.permissions import Permission
from app.records.work import Changes
from app.reports.quarters import report_quarters
from app.roster.lists import team_choices
from app.services.catalog import service_choices
from app.services.lists import ProvisionList, handled_by_choices, staff_choices
from app.services.provisions import PROVISION
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.entry_for_many import EntryForManyDialog
from ui.dialogs.provision_form import ProvisionForm
from ui.icons import icon
from ui.list_printing import chosen_filters
from ui.pages.roster.staff_page import FilterCombo, vocabulary_choices
from ui.tasks import LatestResult
from ui.widgets.date_edit import DateEdit
from ui.widgets.quarter_combo import quarter_text
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList

translate = QCoreApplication.translate


class LazyFilterCombo(FilterCombo):
    """A filter whose long list (5,000 staff) is read when first opened, not with the page."""

    def reload(self) -> None:
        if getattr(self, "_opened", False):
            super().reload()
        elif self.count() == 0:
            self.addItem(self._everything, "")

    def showPopup(self) -> None:
        if not getattr(self, "_opened", False):
            self._opened = True
            self.reload()
        super().showPopup()


class UndoBar(QFrame):
    """ "Entered 中秋慰问 for 12 staff. [Undo]" after an entry for many."""

    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.context = context
        self.batch_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.undo_button = QPushButton(self.tr("Undo this entry"))
        self.undo_button.clicked.connect(self.undo)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        self.hide()

    def offer(self, batch_id: int, count: int, service: str) -> None:
        self.batch_id = batch_id
        self.text.setText(
            self.tr("Entered {service} for {count} staff in one batch.").format(
                service=service, count=count
            )
        )
        self.undo_button.setEnabled(True)
        self.show()

    def undo(self) -> None:
        """Remove every provision of the batch, unless later edits touched one."""
        if self.batch_id is None:
            return
        self.undo_button.setEnabled(False)
        op = self.context.write(
            partial(undo_batch, batch_id=self.batch_id), parent=self, backup_first="undo"
        )
        op.done.connect(lambda _done: self._undone())
        op.failed.connect(self._refused)

    def _undone(self) -> None:
        self.batch_id = None
        self.text.setText(self.tr("The entry for many was undone."))
        self.undo_button.hide()

    def _refused(self, error: Exception) -> None:
        self.undo_button.setEnabled(True)
        ask.show_error(self, str(error))


class LedgerTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entry: EntryForManyDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        first = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search name, service, details, handled by or notes (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(300)
        first.addWidget(self.search, 2)
        self.quarter = FilterCombo(self.tr("All quarters"), self._quarter_choices)
        first.addWidget(self.quarter)
        first.addWidget(QLabel(self.tr("or from")))
        self.date_from = DateEdit()
        first.addWidget(self.date_from)
        first.addWidget(QLabel(self.tr("to")))
        self.date_to = DateEdit()
        first.addWidget(self.date_to)
        layout.addLayout(first)

        second = QHBoxLayout()
        self.filters: dict[str, FilterCombo] = {
            "service_type_id": FilterCombo(
                self.tr("All services"), lambda: context.read(service_choices)
            ),
            "staff_id": LazyFilterCombo(self.tr("All staff"), lambda: context.read(staff_choices)),
            "field": FilterCombo(self.tr("All fields"), vocabulary_choices(Field)),
            "team_id": FilterCombo(self.tr("All teams"), lambda: context.read(team_choices)),
            "handled_by": LazyFilterCombo(
                self.tr("Anyone handling"),
                lambda: [(who, who) for who in context.read(handled_by_choices)],
            ),
        }
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(self.apply_filters)
            second.addWidget(combo, 1)
        self.clear_button = QPushButton(self.tr("Show all"))
        self.clear_button.clicked.connect(self.clear_filters)
        second.addWidget(self.clear_button)
        layout.addLayout(second)

        self.undo_bar = UndoBar(context)
        layout.addWidget(self.undo_bar)
        self.list = RecordList(
            context, ProvisionList(), ListQuery(sort_key="date", descending=True)
        )  # the newest first, as in the outcome ledger
        self.editing = RecordEditing(
            self.list, PROVISION, lambda record_id: ProvisionForm(context, record_id, self)
        )
        writable = context.can(Permission.ENTER)
        self.entry_button = self.list.add_button(
            self.tr("Entry for many…"),
            self.entry_for_many,
            enabled_when=lambda: writable,
            before=self.editing.new_button,
        )
        export = self.list.add_button(
            self.tr("Export to Excel…"), self.export_page, needs_selection=False
        )
        export.setToolTip(self.tr("The records as listed, with the filters applied (Ctrl+E)"))
        self.list.add_print_button(self.print_page)
        self.total_label = QLabel()
        self.total_label.setObjectName("ledgerTotal")
        self.list.button_row.insertWidget(0, self.total_label)
        layout.addWidget(self.list, 1)

        self.search.textChanged.connect(self.list.set_search)
        self.quarter.currentIndexChanged.connect(self._quarter_chosen)
        for edit in (self.date_from, self.date_to):
            edit.textChanged.connect(self._dates_typed)
        self._total = LatestResult(context.tasks, self)
        self._total.ready.connect(self._total_ready)
        self.list.model.modelReset.connect(self._show_total)
        context.bus.changed.connect(self._on_changed)
        self._show_total()

    # ----------------------------------------------------------------- filters
    def _quarter_choices(self) -> list[tuple[object, str]]:
        quarters = self.context.read(report_quarters, clock.today())
        return [(str(quarter), quarter_text(quarter)) for quarter in reversed(quarters)]

    def _quarter_chosen(self) -> None:
        if self.quarter.currentData():  # a quarter replaces a typed date range
            for edit in (self.date_from, self.date_to):
                edit.blockSignals(True)
                edit.clear()
                edit.blockSignals(False)
        self.apply_filters()

    def _dates_typed(self) -> None:
        if self.date_from.date() or self.date_to.date():
            self.quarter.blockSignals(True)
            self.quarter.setCurrentIndex(0)
            self.quarter.blockSignals(False)
        self.apply_filters()

    def current_filters(self) -> dict[str, Any]:
        filters: dict[str, Any] = {key: combo.currentData() for key, combo in self.filters.items()}
        filters["quarter"] = self.quarter.currentData()
        filters["date_from"] = self.date_from.date()  # None while blank or half typed
        filters["date_to"] = self.date_to.date()
        return filters

    def apply_filters(self) -> None:
        self.list.set_filters(self.current_filters())

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (*self.filters.values(), self.quarter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.apply_filters()

    def _show_total(self) -> None:
        """The sum of the amounts listed, computed off the GUI thread: the rows paint
        first, the total follows a moment later."""
        listing, query = self.list.model.listing, self.list.model.query
        assert isinstance(listing, ProvisionList)
        self.total_label.setText(self.tr("Total amount: …"))
        self._total.request(lambda session, _progress: listing.amount_total(session, query))

    def _total_ready(self, total: Decimal) -> None:
        self.total_label.setText(
            self.tr("Total amount: {total} yuan").format(total=number_text(total) or "0")
        )

    def total_ready(self) -> bool:
        return not self._total.is_busy()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches({"team"}):
            self.filters["team_id"].reload()
        if changes.touches({"staff"}):
            self.filters["staff_id"].reload()
        if changes.touches({"service_type"}):
            self.filters["service_type_id"].reload()
        if changes.touches({"service_provision"}):
            self.filters["handled_by"].reload()
            self.quarter.reload()

    # ----------------------------------------------------------------- actions
    def entry_for_many(self, defaults: dict[str, Any] | None = None) -> EntryForManyDialog:
        dialog = EntryForManyDialog(self.context, self, defaults=defaults)
        dialog.entered.connect(self.undo_bar.offer)
        dialog.finished.connect(dialog.deleteLater)
        self.entry = dialog
        dialog.open()
        return dialog

    def new_record(self) -> None:
        self.editing.new_record()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def delete_selected(self) -> None:
        self.editing.delete_selected()

    def export_page(self) -> QObject | None:
        return self.list.export(self.tr("Service records"))

    def print_page(self) -> QObject:
        """The ledger as shown: the quarter or dates, the filters and search named."""
        named: list[tuple[str, QWidget]] = [
            (self.tr("Quarter"), self.quarter),
            (self.tr("From"), self.date_from),
            (self.tr("To"), self.date_to),
            (label_of(ServiceProvision, "service_type_id"), self.filters["service_type_id"]),
            (label_of(ServiceProvision, "staff_id"), self.filters["staff_id"]),
            (label_of(Staff, "field"), self.filters["field"]),
            (label_of(Staff, "team_id"), self.filters["team_id"]),
            (label_of(ServiceProvision, "handled_by"), self.filters["handled_by"]),
        ]
        return self.list.print_list(self.tr("Service records"), chosen_filters(named))
