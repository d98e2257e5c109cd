"""服务保障 Services (DESIGN.md §6, screen 3): the provision ledger and the coverage matrix.

Two tabs. The main window's actions go to the tab on show: Ctrl+N a new provision
(on the matrix: an entry for many), Ctrl+F the search, Delete the chosen provision,
Ctrl+E and Ctrl+P the ledger as listed or the matrix as shown. The service
catalog itself is kept in Settings → Services.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ui.context import LedgerContext
from ui.dialogs.entry_for_many import EntryForManyDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.provision_form import ProvisionForm
from ui.pages.services.ledger_tab import LedgerTab
from ui.pages.services.matrix_tab import MatrixTab


class ServicesPage(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Services"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.ledger = LedgerTab(context)
        self.matrix = MatrixTab(context)
        self.tabs.addTab(self.ledger, self.tr("Service records"))
        self.tabs.addTab(self.matrix, self.tr("Coverage matrix"))
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setToolTip(
            self.tr("Read service records from an .xlsx or .xls workbook: preview first")
        )
        self.import_button.setEnabled(context.read_only is None)
        self.import_button.clicked.connect(self.import_from_excel)
        self.tabs.setCornerWidget(self.import_button)
        layout.addWidget(self.tabs, 1)
        self.matrix.entry_requested.connect(self.entry_for_many)
        self.tabs.setCurrentIndex(int(str(QSettings().value("services/tab", 0) or 0)))
        self.tabs.currentChanged.connect(lambda row: QSettings().setValue("services/tab", row))

    def show_matrix(self) -> MatrixTab:
        self.tabs.setCurrentWidget(self.matrix)
        return self.matrix

    def show_ledger(self) -> LedgerTab:
        self.tabs.setCurrentWidget(self.ledger)
        return self.ledger

    def entry_for_many(self, defaults: dict[str, Any] | None = None) -> EntryForManyDialog:
        return self.ledger.entry_for_many(defaults)

    def record(self, staff_id: int, service_id: int) -> ProvisionForm:
        """The provision form prefilled for one person and service (a reminder's action)."""
        return self.show_matrix().record(staff_id, service_id)

    def import_from_excel(self) -> ImportWizard:
        """The import wizard on a workbook of service records."""
        wizard = ImportWizard(self.context, "services", self)
        wizard.open()
        return wizard

    # Page actions (main window menus and toolbar).
    def new_record(self) -> None:
        if self.tabs.currentWidget() is self.matrix:
            self.entry_for_many()
        else:
            self.ledger.new_record()

    def focus_search(self) -> None:
        tab = self.tabs.currentWidget()
        search = self.matrix.search if tab is self.matrix else self.ledger.search
        search.setFocus()
        search.selectAll()

    def delete_selected(self) -> None:
        if self.tabs.currentWidget() is self.ledger:
            self.ledger.delete_selected()

    def print_page(self) -> Any:
        if self.tabs.currentWidget() is self.matrix:
            return self.matrix.print_page()
        return self.ledger.print_page()

    def export_page(self) -> QObject | None:
        if self.tabs.currentWidget() is self.matrix:
            return self.matrix.export_page()
        return self.ledger.export_page()
