"""Settings → Audit log: who changed what, newest first, filtered, exported to Excel."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Staff
from app.records import commands
from app.records.work import Changes
from app.roster.staff import STAFF
from tests.app.helpers import run
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, click_row, settings_tab, texts, wait_for_writes
from ui.main_window import MainWindow


def test_the_log_lists_the_clerks_actions_and_filters_by_day_and_kind(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    context = demo_window.context
    with context.ledger.session() as session:
        newcomer = run(
            session,
            commands.create,
            STAFF,
            {"name": "钱多多", "field": "general", "start_date": "2025-01-02"},
        )
        liu = session.scalar(select(Staff.id).where(Staff.name == "刘建国"))
        run(session, commands.update, STAFF, liu, {"phone": "13812345678"})
        run(session, commands.delete, STAFF, liu)
        run(session, commands.delete, STAFF, newcomer)
    context.bus.announce(Changes.of("staff"))
    log = settings_tab(demo_window, "audit_log")
    everything = log.list.model.rowCount()

    recycle_bin = settings_tab(demo_window, "recycle_bin")  # restore and purge by clicking
    click_row(qtbot, recycle_bin.list, "刘建国")
    click(qtbot, recycle_bin.restore_button)
    wait_for_writes(qtbot, context)
    click_row(qtbot, recycle_bin.list, "钱多多")
    dialogs.confirm.append(True)
    click(qtbot, recycle_bin.purge_button)
    wait_for_writes(qtbot, context)

    log = settings_tab(demo_window, "audit_log")
    assert log.list.model.rowCount() == everything + 2  # refreshed by the data-changed signal
    assert texts(log.list, "action", first=6) == [
        "彻底删除",
        "恢复",
        "删除",
        "删除",
        "修改",
        "新增",
    ]
    assert texts(log.list, "entity", first=6) == ["帮扶人才"] * 6
    assert texts(log.list, "record", first=3) == ["钱多多", "刘建国", "钱多多"]
    assert texts(log.list, "who", first=1) == ["王丽"]
    assert texts(log.list, "changes", first=5)[4] == "联系电话：13929276530 → 13812345678"

    click_row(qtbot, log.list, "修改", "action")
    assert log.details.toPlainText().splitlines()[1:] == ["联系电话：13929276530 → 13812345678"]

    click(qtbot, log.since_check)  # from today: only this session's work
    log.since.setDate(QDate.currentDate())
    assert log.list.model.rowCount() == 6
    click(qtbot, log.since_check)
    click(qtbot, log.until_check)  # up to the demo's last day: none of it
    log.until.setDate(QDate(2024, 12, 31))
    assert log.list.model.rowCount() == everything - 4
    log.entity_combo.setCurrentIndex(log.entity_combo.findText("单位"))
    assert texts(log.list, "entity") == ["单位"] * 10
    assert log.list.count_label.text() == "共 10 条"

    dialogs.paths.append(tmp_path / "操作日志")
    demo_window.page_actions["export_page"].trigger()  # Ctrl+E on this tab
    qtbot.waitUntil(lambda: bool(dialogs.infos or dialogs.errors))
    saved = tmp_path / "操作日志.xlsx"
    assert dialogs.infos == [f"已保存 10 行到 {saved}"]
    sheet = load_workbook(saved).active
    assert sheet["A1"].value.startswith(
        "扎赉特旗委组织部人才工作科\u3000操作日志\u3000"
    )  # office, list, day
    assert [cell.value for cell in sheet[3]] == [
        "时间",
        "操作人",
        "操作",
        "类别",
        "记录",
        "变更内容",
    ]
    assert sheet.max_row == 13 and sheet["D4"].value == "单位"

    click(qtbot, log.clear_button)
    assert log.list.model.rowCount() == everything + 2
    assert not log.since.isEnabled() and not log.until.isEnabled()
    assert log.entity_combo.currentText() == "全部类别"
