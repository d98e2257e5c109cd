"""帮扶人才 Staff (DESIGN.md §6, screen 2): the roster, its filters and a person's file.

The table is a `RecordList` over `app.roster.StaffList`: search, filters and sorting
run in SQL, rows load as they scroll into view. Teams and units are kept in
Settings → Units and teams (and can be added from the staff form).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.db.base import label_of
from app.db.models import Staff
from app.db.vocabulary import DutyState, Field, UnitKind, Vocabulary
from app.records.permissions import Permission
from app.records.work import Changes, Done
from app.roster.departures import confirm_departures
from app.roster.lists import StaffList, team_choices, unit_choices
from app.roster.staff import STAFF
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.staff_form import StaffForm
from ui.icons import icon
from ui.list_printing import chosen_filters, print_staff_files
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList
from ui.widgets.staff_detail import StaffDetail

FilterChoice = tuple[object, str]  # (the filter value: a code or an id, its text)


class FilterCombo(QComboBox):
    """ "All …" first (no filter), then the choices; item data is the filter value."""

    def __init__(self, everything: str, choices: Callable[[], Sequence[FilterChoice]]) -> None:
        super().__init__()
        self._everything, self._choices = everything, choices
        self.reload()

    def reload(self) -> None:
        """Refill (a team was added or renamed) and keep the chosen value."""
        keep = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._everything, "")
        for value, text in self._choices():
            self.addItem(text, value)
        self.setCurrentIndex(max(self.findData(keep), 0) if keep else 0)
        self.blockSignals(False)


def vocabulary_choices(enum_class: type[Vocabulary]) -> Callable[[], list[FilterChoice]]:
    return lambda: [(member.value, member.label()) for member in enum_class]


class StaffPage(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Staff"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, unit, post or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(260)
        bar.addWidget(self.search, 2)
        self.filters: dict[str, FilterCombo] = {
            "field": FilterCombo(self.tr("All fields"), vocabulary_choices(Field)),
            "status": FilterCombo(self.tr("All statuses"), vocabulary_choices(DutyState)),
            "team_id": FilterCombo(self.tr("All teams"), lambda: context.read(team_choices)),
            "receiving_unit_id": FilterCombo(
                self.tr("All receiving units"),
                lambda: context.read(unit_choices, UnitKind.RECEIVING),
            ),
        }
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(self.apply_filters)
            bar.addWidget(combo, 1)
        self.clear_button = QPushButton(self.tr("Show all"))
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.list = RecordList(context, StaffList())
        self.editing = RecordEditing(
            self.list, STAFF, lambda record_id: StaffForm(context, record_id, self)
        )
        self.confirm_button = self.list.add_button(
            self.tr("Confirm departure"),
            self.confirm_departure,
            enabled_when=lambda: context.can(Permission.ENTER) and bool(self.list.selected_ids()),
        )
        self.confirm_button.setToolTip(
            self.tr(
                "Record the planned end as the actual end for the selected staff whose "
                "planned end has passed (期满离岗)"
            )
        )
        export = self.list.add_button(
            self.tr("Export to Excel…"), self.export_page, needs_selection=False
        )
        export.setToolTip(self.tr("The staff as listed, with the filters applied (Ctrl+E)"))
        self.full_id = QCheckBox(self.tr("Full ID numbers"))
        self.full_id.setToolTip(
            self.tr("Export ID numbers unmasked (personal data; recorded in the audit log)")
        )
        self.full_id.setEnabled(context.can(Permission.EXPORT_IDS))  # an administrator's
        self.list.button_row.insertWidget(self.list.button_row.indexOf(export), self.full_id)
        # One 「打印…」 button with two choices: the roster as shown, or the selected files.
        self.print_button = self.list.add_print_button(self.print_page)
        menu = QMenu(self.print_button)
        menu.setToolTipsVisible(True)
        menu.addAction(self.tr("Print the roster as shown…"), self.print_page)
        self.files_action = menu.addAction(self.tr("Print files of the selected staff…"))
        self.files_action.triggered.connect(self.print_files)
        self.files_action.setToolTip(self.tr("Each selected person's file on a page of its own"))
        menu.aboutToShow.connect(
            lambda: self.files_action.setEnabled(bool(self.list.selected_ids()))
        )
        self.print_button.setMenu(menu)
        self.import_button = self.list.add_button(
            self.tr("Import from Excel…"),
            self.import_from_excel,
            enabled_when=lambda: context.can(Permission.ENTER),
            before=export,
        )
        self.import_button.setToolTip(
            self.tr("Read a roster from an .xlsx or .xls workbook: preview first, then import")
        )
        splitter.addWidget(self.list)
        self.detail = StaffDetail(context)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([860, 400])
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.list.set_search)
        self.list.selection_changed.connect(lambda: self.detail.show_staff(self.list.selected_id()))
        context.bus.changed.connect(self._on_changed)

    def apply_filters(self) -> None:
        self.list.set_filters({key: combo.currentData() for key, combo in self.filters.items()})

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply_filters()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches({"team", "unit"}):
            for key in ("team_id", "receiving_unit_id"):
                self.filters[key].reload()

    def confirm_departure(self) -> QObject | None:
        """Confirm the departure on the planned end of the selected staff (one audited
        update each, through the write path); those still on duty are left alone."""
        ids = self.list.selected_ids()
        if not ids:
            return None
        op = self.context.write(partial(confirm_departures, staff_ids=ids), parent=self)
        op.done.connect(self._departures_confirmed)
        op.failed.connect(lambda error: ask.show_error(self, str(error)))
        return op

    def _departures_confirmed(self, done: Done[int]) -> None:
        if done.value == 0:
            ask.show_info(
                self,
                self.tr("None of the selected staff has a planned end that has passed."),
            )
        else:
            self.detail.show_staff(self.list.selected_id())

    # Page actions (main window menus and toolbar).
    def new_record(self) -> None:
        self.editing.new_record()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def delete_selected(self) -> None:
        self.editing.delete_selected()

    def export_page(self) -> QObject | None:
        return self.list.export(self.tr("Staff"), full=self.full_id.isChecked())

    def print_page(self) -> QObject:
        """The roster as shown (花名册): filters named, every row, on A4 landscape."""
        named = [(label_of(Staff, key), combo) for key, combo in self.filters.items()]
        return self.list.print_list(self.tr("Staff roster"), chosen_filters(named))

    def print_files(self) -> QObject | None:
        """Each selected person's file, each starting a page (个人档案)."""
        ids = self.list.selected_ids()
        return print_staff_files(self, self.context, ids) if ids else None

    def import_from_excel(self) -> ImportWizard:
        """The import wizard on a roster (file → sheet → header → columns → preview)."""
        wizard = ImportWizard(self.context, "staff", self)
        wizard.open()
        return wizard
