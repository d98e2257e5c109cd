"""Which screens the main window shows, in DESIGN.md §6 order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.pages.coming import ComingPage

if TYPE_CHECKING:
    from ui.main_window import MainWindow, PageSpec


translate = QCoreApplication.translate


def page_specs(window: MainWindow) -> list[PageSpec]:
    from ui.main_window import PageSpec
    from ui.pages.dashboard import DashboardPage
    from ui.pages.reports import ReportsPage
    from ui.pages.settings import SettingsPage
    from ui.pages.staff import StaffPage

    context = window.context
    return [
        PageSpec(
            "dashboard",
            translate("Pages", "Dashboard"),
            "dashboard",
            lambda: DashboardPage(context, window),
        ),
        PageSpec(
            "staff",
            translate("Pages", "Staff"),
            "staff",
            lambda: StaffPage(context),
        ),
        PageSpec(
            "services",
            translate("Pages", "Services"),
            "services",
            lambda: ComingPage(
                translate("Pages", "Services"),
                [
                    translate(
                        "Pages",
                        "the ledger of service provisions, filtered by period, service and staff",
                    ),
                    translate(
                        "Pages",
                        "quick entry of one service for many staff at once (e.g. a festival visit)",
                    ),
                    translate(
                        "Pages",
                        "the coverage matrix: staff × services for a quarter (done, due, overdue)",
                    ),
                ],
            ),
        ),
        PageSpec(
            "outcomes",
            translate("Pages", "Outcomes"),
            "outcomes",
            lambda: ComingPage(
                translate("Pages", "Outcomes"),
                [
                    translate("Pages", "the ledger of outcome entries with filters"),
                    translate("Pages", "a monthly batch entry grid: staff rows × metric columns"),
                    translate("Pages", "mentorships (师徒结对)"),
                ],
            ),
        ),
        PageSpec(
            "reports",
            translate("Pages", "Quarterly summary"),
            "reports",
            lambda: ReportsPage(context),
        ),
        PageSpec(
            "settings",
            translate("Pages", "Settings"),
            "settings",
            lambda: SettingsPage(context, window),
        ),
    ]
