"""帮扶人才: the roster on the demo ledger — search, filters, sorting, the person's file,
delete to the recycle bin and restore, export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import (
    click,
    click_row,
    settings_tab,
    texts,
    type_text,
    wait_for_writes,
)
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage


def staff_page(window: MainWindow) -> StaffPage:
    page = window.go_to("staff")
    assert isinstance(page, StaffPage)
    return page


def choose(combo: object, text: str) -> None:
    index = combo.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_the_roster_lists_every_staff_member_with_masked_id_numbers(
    demo_window: MainWindow,
) -> None:
    page = staff_page(demo_window)
    assert page.list.model.rowCount() == 21
    assert page.list.count_label.text() == "共 21 条"
    headers = [
        page.list.model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(page.list.model.columnCount())
    ]
    assert headers[:11] == [
        "姓名",
        "性别",
        "帮扶领域",
        "派出单位",
        "受援单位",
        "挂任职务",
        "帮扶团队",
        "领队",
        "到岗日期",
        "计划期满",
        "状态",
    ]
    for number in texts(page.list, "id_number"):
        assert number[6:14] == "********"


def test_search_typed_in_the_box_reduces_the_rows(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = staff_page(demo_window)
    qtbot.keyClick(demo_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    type_text(qtbot, page.search, "农林科学院")
    assert sorted(texts(page.list)) == sorted(["徐兴健", "白玉梅", "张海涛", "李春生", "高娜"])
    page.search.clear()
    qtbot.keyClicks(page.search, "1393")  # part of a phone number
    assert 0 < page.list.model.rowCount() < 21


def test_each_filter_reduces_the_rows_and_show_all_clears_them(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = staff_page(demo_window)
    choose(page.filters["field"], "科技")
    assert page.list.model.rowCount() == 5
    choose(page.filters["field"], "全部领域")
    choose(page.filters["status"], "提前结束")
    assert texts(page.list) == ["吴琳"]
    choose(page.filters["status"], "全部状态")
    choose(page.filters["team_id"], "教育帮扶团队")
    assert page.list.model.rowCount() == 7
    choose(page.filters["receiving_unit_id"], "扎赉特旗中等职业学校")
    assert texts(page.list) == ["孙峰"]  # filters combine
    click(qtbot, page.clear_button)
    assert page.list.model.rowCount() == 21
    assert all(combo.currentIndex() == 0 for combo in page.filters.values())


def test_clicking_a_header_sorts_in_sql(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = staff_page(demo_window)
    header = page.list.view.horizontalHeader()
    start_column = [
        page.list.model.column_key(c) for c in range(page.list.model.columnCount())
    ].index("start_date")
    header.setSortIndicator(start_column, Qt.SortOrder.DescendingOrder)
    assert texts(page.list, first=1) == ["高娜"]  # the latest arrival
    team_column = start_column - 2
    header.setSortIndicator(team_column, Qt.SortOrder.AscendingOrder)
    assert texts(page.list)[-1] == "刘建国"  # no team: blanks last


def test_choosing_a_person_shows_their_file(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = staff_page(demo_window)
    assert page.detail.placeholder.isVisible()
    click_row(qtbot, page.list, "徐兴健")
    assert page.detail.title.text() == "徐兴健"
    assert page.detail.tabs.isVisible()
    assert page.detail.tabs.tabText(1).startswith("服务 ")
    assert page.detail.tabs.tabToolTip(1).startswith("服务保障（")
    assert page.detail.provisions.rowCount() > 0
    assert page.detail.outcomes.rowCount() > 0
    assert page.detail.mentees.rowCount() > 0


def test_the_files_four_tabs_read_in_full_in_a_1280_pixel_window(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    demo_window.resize(1280, 800)
    page = staff_page(demo_window)
    click_row(qtbot, page.list, "徐兴健")
    bar = page.detail.tabs.tabBar()
    qtbot.waitUntil(lambda: bar.tabRect(3).right() > 0)
    for index in range(bar.count()):
        needed = bar.fontMetrics().horizontalAdvance(bar.tabText(index))
        padding = 2 * 14  # style.qss: QTabBar::tab { padding: 6px 14px }
        assert bar.tabRect(index).width() >= needed + padding, bar.tabText(index)  # not elided
        assert bar.tabRect(index).right() <= bar.width()  # reachable without arrows


def test_delete_moves_to_the_bin_and_restore_brings_back(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    page = staff_page(demo_window)
    click_row(qtbot, page.list, "高娜")
    dialogs.confirm.append(True)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Delete)
    wait_for_writes(qtbot, demo_window.context)
    assert dialogs.asked[-1].startswith("将“高娜”移入回收站吗？")
    assert "高娜" not in texts(page.list)
    assert page.detail.placeholder.isVisible()

    bin_tab = settings_tab(demo_window, "recycle_bin")
    click_row(qtbot, bin_tab.list, "高娜")
    click(qtbot, bin_tab.restore_button)
    wait_for_writes(qtbot, demo_window.context)
    assert "高娜" in texts(staff_page(demo_window).list)


def test_export_writes_the_filtered_list(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = staff_page(demo_window)
    choose(page.filters["field"], "科技")
    target = tmp_path / "科技人员.xlsx"
    dialogs.paths.append(target)
    task = page.export_page()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet.max_row == 8  # title, blank, header + five
    assert sheet.cell(3, 1).value == "姓名"
