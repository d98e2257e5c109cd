"""The roster shows the status today and confirms a departure with one click."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock
from app.db.models import Staff
from app.db.vocabulary import DutyState, StaffStatus
from tests.ui.widget_helpers import click, click_row, texts, wait_for_writes
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage


def test_a_passed_planned_end_is_confirmed_from_the_roster(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    with clock.frozen(datetime(2026, 12, 1, 9, 0)):
        page = demo_window.go_to("staff")
        assert isinstance(page, StaffPage)
        combo = page.filters["status"]
        combo.setCurrentIndex(combo.findData(DutyState.AWAITING_DEPARTURE.value))
        wait_for_writes(qtbot, demo_window.context)
        assert "刘洋" in texts(page.list)
        assert set(texts(page.list, "status")) == {"已过期满，待确认离岗"}
        click_row(qtbot, page.list, "刘洋")
        assert page.confirm_button.isEnabled()
        click(qtbot, page.confirm_button)
        wait_for_writes(qtbot, demo_window.context)
        with demo_window.context.ledger.session() as session:
            person = session.scalars(select(Staff).where(Staff.name == "刘洋")).one()
            assert (person.actual_end, person.status) == (date(2026, 7, 31), StaffStatus.COMPLETED)
        qtbot.waitUntil(lambda: "刘洋" not in texts(page.list))


def test_every_tab_of_a_persons_file_is_reachable_without_scroll_arrows(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = demo_window.go_to("staff")
    assert isinstance(page, StaffPage)
    click_row(qtbot, page.list, "徐兴健")
    bar = page.detail.tabs.tabBar()
    assert bar.count() == 4 and not bar.usesScrollButtons()
    last = bar.tabRect(bar.count() - 1)
    assert bar.rect().contains(last.center())  # the fourth tab is on screen, clickable
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=last.center())
    assert page.detail.tabs.currentIndex() == 3
