"""总览 on the demo ledger in the autumn of 2024: key figures, three charts, live updates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from app import clock
from app.records import commands
from app.records.work import Changes
from app.reports import charts
from app.roster.staff import STAFF
from tests.ui.widget_helpers import write
from ui.main_window import MainWindow
from ui.pages.dashboard.page import DashboardPage

WAIT_MS = 30_000  # the first charts also load matplotlib and its font cache


@pytest.fixture
def autumn_2024() -> Iterator[None]:
    """Today is a day of 2024Q4 (listed before the window, so the window sees it too)."""
    with clock.frozen(datetime(2024, 11, 15, 10, 0)):
        yield


def dashboard(window: MainWindow, qtbot: QtBot) -> DashboardPage:
    page = window.go_to("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(page.overview.is_ready, timeout=WAIT_MS)
    return page


def test_the_overview_shows_this_quarters_figures_and_three_charts(
    autumn_2024: None, demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = dashboard(demo_window, qtbot)
    overview = page.overview
    assert overview.isVisible() and not page.welcome.isVisible()
    assert overview.title.text() == "2024年第4季度概况"
    assert overview.on_duty_card.value.text() == "18"
    assert overview.on_duty_card.detail.text() == "医疗 6 · 教育 6 · 科技 5 · 综合 1"
    assert overview.moves_card.value.text() == "0 / 0"
    assert overview.coverage_card.value.text() == "89%"
    assert overview.coverage_card.detail.text() == "免费健康体检：18 人中 16 人"
    table = overview.outcomes
    rows = [
        [table.item(row, column).text() for column in range(4)] for row in range(table.rowCount())
    ]
    assert rows[0] == [
        "医疗",
        "手术（例）",
        "8",
        "71",
    ]  # the seeds' 71 surgeries by the end of 2024
    assert ["科技", "农牧民培训（人次）"] in [row[:2] for row in rows]
    canvases = overview.canvases()
    assert len(canvases) == 3 and all(canvas.isVisible() for canvas in canvases)
    qtbot.waitUntil(  # the layout settles after the charts arrive
        lambda: all(canvas.width() > 200 and canvas.height() > 200 for canvas in canvases),
        timeout=WAIT_MS,
    )


def test_a_new_staff_member_updates_the_figures(
    autumn_2024: None, demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = dashboard(demo_window, qtbot)
    before = page.overview.canvases()
    write(
        qtbot,
        demo_window.context,
        partial(
            commands.create,
            kind=STAFF,
            values={"name": "何平", "field": "medical", "start_date": "2024-11-01"},
        ),
    )
    assert not page.overview.is_ready()  # recomputing in the background
    qtbot.waitUntil(page.overview.is_ready, timeout=WAIT_MS)
    assert page.overview.on_duty_card.value.text() == "19"
    assert page.overview.on_duty_card.detail.text().startswith("医疗 7 ·")
    assert page.overview.moves_card.value.text() == "1 / 0"
    assert page.overview.coverage_card.detail.text().endswith("19 人中 16 人")
    assert len(page.overview.canvases()) == 3 and page.overview.canvases() != before


def test_without_a_chinese_font_the_overview_says_so_instead_of_drawing_boxes(
    autumn_2024: None,
    demo_window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = dashboard(demo_window, qtbot)
    assert not page.overview.font_label.isVisible()
    monkeypatch.setattr(charts, "missing_font_message", lambda: "没有找到中文字体")
    demo_window.context.bus.announce(Changes.of("outcome_entry"))
    qtbot.waitUntil(page.overview.is_ready, timeout=WAIT_MS)
    assert page.overview.font_label.isVisible()
    assert page.overview.font_label.text() == "没有找到中文字体"


def test_nothing_is_computed_while_the_welcome_panel_shows(window: MainWindow) -> None:
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    assert page.welcome.isVisible() and not page.overview.isVisible()
    assert page.overview.prepared is None and not page.overview._latest.is_busy()
