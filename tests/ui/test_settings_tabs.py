"""Settings builds a tab when it is first shown: opening the page reads only its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.pages.history.audit_log_tab import AuditLogTab
from ui.pages.settings.office_tab import OfficeTab
from ui.pages.settings.page import SettingsPage


def test_only_the_tab_on_show_is_built_until_another_is_chosen(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = demo_window.go_to("settings")
    assert isinstance(page, SettingsPage)
    tabs = page.tabs
    assert isinstance(tabs.currentWidget(), OfficeTab)  # the first tab, on a first run
    built = [type(tabs.widget(row)).__name__ for row in range(tabs.count())]
    assert built.count("QWidget") == tabs.count() - 1  # the others are stand-ins
    audit = tabs.tabBar().tabRect(tabs.count() - 1).center()
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=audit)  # 「操作日志」
    assert isinstance(tabs.currentWidget(), AuditLogTab)
    assert tabs.tabText(tabs.currentIndex()) == "操作日志"
    assert isinstance(page.tab("general"), OfficeTab)  # the first one is kept
