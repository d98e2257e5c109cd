"""设置 Settings (DESIGN.md §6, screen 6): one tab per concern.

General (office, clerk, language, backups), the two catalogs, units and teams, users
(sign-in), the recycle bin and the audit log. The main window's actions (Ctrl+N, Ctrl+E, …) go
to the tab on show, so each tab offers exactly what makes sense there. Each tab is
built when it is first shown (or asked for by `tab`): opening Settings reads only the
tab on show, not every catalog, user and page of the audit log (issue #14's memory).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import LedgerContext
from ui.host import PageHost
from ui.pages.history.audit_log_tab import AuditLogTab
from ui.pages.history.import_history_tab import ImportHistoryTab
from ui.pages.history.recycle_bin_tab import RecycleBinTab
from ui.pages.outcomes.metrics_tab import metrics_tab
from ui.pages.roster.units_tab import UnitsTab
from ui.pages.services.catalog_tab import services_tab
from ui.pages.settings.office_tab import OfficeTab
from ui.pages.settings.users_tab import UsersTab

translate = QCoreApplication.translate


@dataclass(frozen=True)
class SettingsTab:
    key: str
    title: str
    factory: Callable[[], QWidget]


def settings_tabs(context: LedgerContext, host: PageHost) -> list[SettingsTab]:
    """The tabs in order."""
    return [
        SettingsTab(
            "general",
            translate("SettingsPage", "General"),
            lambda: OfficeTab(context, host.shell),
        ),
        SettingsTab(
            "services", translate("SettingsPage", "Services"), lambda: services_tab(context)
        ),
        SettingsTab("metrics", translate("SettingsPage", "Metrics"), lambda: metrics_tab(context)),
        SettingsTab(
            "units",
            translate("SettingsPage", "Units and teams"),
            lambda: UnitsTab(context),
        ),
        SettingsTab("users", translate("SettingsPage", "Users"), lambda: UsersTab(context)),
        SettingsTab(
            "recycle_bin",
            translate("SettingsPage", "Recycle bin"),
            lambda: RecycleBinTab(context),
        ),
        SettingsTab(
            "imports",
            translate("SettingsPage", "Import history"),
            lambda: ImportHistoryTab(context),
        ),
        SettingsTab(
            "audit_log", translate("SettingsPage", "Audit log"), lambda: AuditLogTab(context)
        ),
    ]


class SettingsPage(QWidget):
    def __init__(self, context: LedgerContext, host: PageHost) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._keys: list[str] = []
        self._unbuilt: dict[str, SettingsTab] = {}
        for spec in settings_tabs(context, host):
            self.tabs.addTab(QWidget(), spec.title)  # the tab itself on first show
            self._keys.append(spec.key)
            self._unbuilt[spec.key] = spec
        layout.addWidget(self.tabs)
        last = QSettings().value("settings/tab", self._keys[0])
        self.tabs.setCurrentIndex(self._keys.index(last) if last in self._keys else 0)
        self.tab(self._keys[self.tabs.currentIndex()])
        self.tabs.currentChanged.connect(self._shown)

    def _shown(self, row: int) -> None:
        self.tab(self._keys[row])
        # Remembered so the window rebuilt in a new language reopens on the same tab.
        QSettings().setValue("settings/tab", self._keys[row])

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentIndex(self._keys.index(key))
        return self.tabs.currentWidget()

    def tab(self, key: str) -> QWidget:
        """The tab for `key`, built now if it has not been shown yet."""
        row = self._keys.index(key)
        spec = self._unbuilt.pop(key, None)
        if spec is not None:
            current = self.tabs.currentIndex()
            blocked = self.tabs.blockSignals(True)  # the swap is no change of tab
            stand_in = self.tabs.widget(row)
            assert stand_in is not None
            self.tabs.removeTab(row)
            self.tabs.insertTab(row, spec.factory(), spec.title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(blocked)
            stand_in.deleteLater()
        tab = self.tabs.widget(row)
        assert tab is not None
        return tab

    def _on_tab(self, action: str) -> Any:
        handler = getattr(self.tabs.currentWidget(), action, None)
        return handler() if callable(handler) else None

    # Page actions (main window menus and toolbar), offered by some tabs.
    def new_record(self) -> Any:
        return self._on_tab("new_record")

    def delete_selected(self) -> Any:
        return self._on_tab("delete_selected")

    def export_page(self) -> Any:
        return self._on_tab("export_page")

    def print_page(self) -> Any:
        """The list on the tab shown (units, teams, the audit log…); General prints nothing."""
        return self._on_tab("print_page")
