"""Which screens the main window shows, in DESIGN.md §6 order.

Each page is built on its first visit (its module imported then too, so start-up
pays only for the first page) and receives the ledger's context and a `PageHost`,
never the window itself. `page_titles` is what the window shows before the ledger is
open (nothing of the database stack is imported for it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.host import PageHost

if TYPE_CHECKING:
    from ui.context import LedgerContext

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[], QWidget]


def page_titles() -> list[tuple[str, str, str]]:
    """Each page's key, title and icon, in the navigation's order."""
    return [
        ("dashboard", translate("Pages", "Dashboard"), "dashboard"),
        ("staff", translate("Pages", "Staff"), "staff"),
        ("services", translate("Pages", "Services"), "services"),
        ("outcomes", translate("Pages", "Outcomes"), "outcomes"),
        ("reports", translate("Pages", "Quarterly summary"), "reports"),
        ("settings", translate("Pages", "Settings"), "settings"),
    ]


def page_specs(context: LedgerContext, host: PageHost) -> list[PageSpec]:
    def dashboard() -> QWidget:
        from ui.pages.dashboard.page import DashboardPage

        return DashboardPage(context, host)

    def staff() -> QWidget:
        from ui.pages.roster.staff_page import StaffPage

        return StaffPage(context)

    def services() -> QWidget:
        from ui.pages.services.page import ServicesPage

        return ServicesPage(context)

    def outcomes() -> QWidget:
        from ui.pages.outcomes.page import OutcomesPage

        return OutcomesPage(context)

    def reports() -> QWidget:
        from ui.pages.reports.page import ReportsPage

        return ReportsPage(context)

    def settings() -> QWidget:
        from ui.pages.settings.page import SettingsPage

        return SettingsPage(context, host)

    factories = {
        "dashboard": dashboard,
        "staff": staff,
        "services": services,
        "outcomes": outcomes,
        "reports": reports,
        "settings": settings,
    }
    return [PageSpec(key, title, icon, factories[key]) for key, title, icon in page_titles()]
