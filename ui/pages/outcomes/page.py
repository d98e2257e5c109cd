"""工作成效 Outcomes (DESIGN.md §6, screen 4): the ledger, the batch entry grid and the
mentorships, one tab each. The window's actions (New, Find, Delete, Print, Export) act on
the tab shown; leaving the page, or the grid tab, with unsaved grid cells asks first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ui.context import LedgerContext
from ui.dialogs.import_wizard import ImportWizard
from ui.pages.outcomes.grid_tab import GridTab
from ui.pages.outcomes.ledger_tab import LedgerTab
from ui.pages.outcomes.mentorships_tab import MentorshipsTab


class OutcomesPage(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Outcomes"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.ledger = LedgerTab(context)
        self.grid = GridTab(context)
        self.mentorships = MentorshipsTab(context)
        self.tabs.addTab(self.ledger, self.tr("Ledger"))
        self.tabs.addTab(self.grid, self.tr("Batch entry"))
        self.tabs.addTab(self.mentorships, self.tr("Mentorships"))
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setToolTip(
            self.tr(
                "Read outcomes (one row per entry, or the teams' monthly tables) or, on the "
                "Mentorships tab, mentorships from an .xlsx or .xls workbook: preview first"
            )
        )
        self.import_button.setEnabled(context.read_only is None)
        self.import_button.clicked.connect(self.import_from_excel)
        self.tabs.setCornerWidget(self.import_button)
        layout.addWidget(self.tabs, 1)
        self._tab = 0
        self.tabs.currentChanged.connect(self._tab_changed)

    def show_tab(self, key: str) -> QWidget:
        tab = {"ledger": self.ledger, "grid": self.grid, "mentorships": self.mentorships}[key]
        self.tabs.setCurrentWidget(tab)
        return tab

    def _tab_changed(self, index: int) -> None:
        leaving_grid = self._tab == self.tabs.indexOf(self.grid) and index != self._tab
        if leaving_grid and not self.grid.can_leave():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._tab)
            self.tabs.blockSignals(False)
            return
        self._tab = index

    def can_leave(self) -> bool:
        """The window asks before it shows another page or closes."""
        return self.grid.can_leave()

    def import_from_excel(self) -> ImportWizard:
        """The import wizard: mentorships on their tab, outcomes elsewhere."""
        what = "mentorships" if self.tabs.currentWidget() is self.mentorships else "outcomes"
        wizard = ImportWizard(self.context, what, self)
        wizard.open()
        return wizard

    # Page actions (main window menus and toolbar).
    def new_record(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.ledger:
            self.ledger.editing.new_record()
        elif current is self.mentorships:
            self.mentorships.editing.new_record()
        else:
            self.grid.new_highlight()

    def focus_search(self) -> None:
        current = self.tabs.currentWidget()
        search = getattr(current, "search", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    def delete_selected(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.ledger:
            self.ledger.editing.delete_selected()
        elif current is self.mentorships:
            self.mentorships.editing.delete_selected()

    def print_page(self) -> QObject | None:
        """The ledger or the mentorships as shown; the batch entry grid is no list."""
        current = self.tabs.currentWidget()
        if current is self.ledger:
            return self.ledger.print_page()
        if current is self.mentorships:
            return self.mentorships.print_page()
        return None

    def export_page(self) -> QObject | None:
        current = self.tabs.currentWidget()
        if current is self.mentorships:
            return self.mentorships.export()
        return self.ledger.export()
