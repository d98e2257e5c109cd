from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.db.backup import BackupPolicy, back_up
from app.db.ledger import Ledger
from app.db.paths import backup_dir_for, demo_db_path
from app.records import commands
from app.roster.lists import staff_count
from app.roster.units import UNIT
from tests.ui.conftest import ScriptedDialogs, open_window
from tests.ui.widget_helpers import write
from ui.application import LedgerApplication
from ui.dialogs.guide_dialog import GuideDialog
from ui.main_window import MainWindow


def test_every_page_can_be_visited_and_none_is_blank(demo_window: MainWindow) -> None:
    titles = [
        demo_window.navigation.item(row).text() for row in range(demo_window.navigation.count())
    ]
    assert titles == ["总览", "帮扶人才", "服务保障", "工作成效", "季度汇总", "设置"]
    for row in range(demo_window.navigation.count()):
        demo_window.navigation.setCurrentRow(row)
        page = demo_window.stack.currentWidget()
        assert page is demo_window.page(demo_window.current_key())
        headings = [label.text() for label in page.findChildren(QLabel, "pageTitle")]
        assert titles[row] in headings or row == 0  # the Dashboard's heading names the quarter


def test_title_and_status_bar_name_the_file_and_the_clerk(demo_window: MainWindow) -> None:
    assert "demo.db" in demo_window.windowTitle()
    assert demo_window.path_label.text().endswith("demo.db")
    assert demo_window.clerk_label.text() == "经办人：王丽"


def test_new_empty_ledger_shows_the_welcome_panel(window: MainWindow) -> None:
    dashboard = window.page("dashboard")
    assert dashboard.welcome.isVisible()  # type: ignore[attr-defined]
    assert dashboard.welcome.import_button.isEnabled()  # type: ignore[attr-defined]


def test_demo_button_opens_the_demo_as_a_separate_file(
    window: MainWindow, application: LedgerApplication, qtbot: QtBot
) -> None:
    real_path = window.context.ledger.path
    window.page("dashboard").welcome.demo_button.click()  # type: ignore[attr-defined]
    assert application.window is not None and application.window is not window
    assert application.context is not None
    assert application.context.ledger.path == demo_db_path().resolve() != real_path
    assert "演示数据" in application.window.windowTitle()


def test_last_page_and_recent_files_are_remembered(
    application: LedgerApplication, qtbot: QtBot, db_path: Path, demo_path: Path
) -> None:
    first = open_window(application, qtbot, db_path)
    first.go_to("outcomes")
    second = open_window(application, qtbot, demo_path)
    assert QSettings().value("main/page") == "outcomes"
    assert second.current_key() == "outcomes"
    assert application.recent_files()[:2] == [demo_path.resolve(), db_path.resolve()]


def test_a_refused_file_keeps_the_current_one_open(
    window: MainWindow, application: LedgerApplication, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    dialogs.paths.append(bad)
    window._open_database()
    assert application.window is window
    assert dialogs.errors and "不是帮扶台账数据库" in dialogs.errors[0]


def test_a_damaged_file_is_restored_from_its_newest_good_backup(
    application: LedgerApplication, qtbot: QtBot, demo_path: Path, dialogs: ScriptedDialogs
) -> None:
    with Ledger.open(demo_path) as ledger:
        back_up(ledger, BackupPolicy(backup_dir_for(demo_path), keep=10), reason="auto")
    data = bytearray(demo_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    demo_path.write_bytes(bytes(data))
    damaged = demo_path.read_bytes()
    dialogs.confirm.append(True)
    window = open_window(application, qtbot, demo_path)
    assert "损坏" in dialogs.asked[0] and "最新的完好备份" in dialogs.asked[0]
    assert "小时前" in dialogs.asked[0]  # how old the backup is
    assert window.context.read(staff_count) == 21
    kept = list(demo_path.parent.glob("demo.db.*.corrupt"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # aside, never deleted


def test_a_declined_restore_leaves_the_damaged_file_as_it_was(
    application: LedgerApplication, demo_path: Path, dialogs: ScriptedDialogs
) -> None:
    with Ledger.open(demo_path) as ledger:
        back_up(ledger, BackupPolicy(backup_dir_for(demo_path), keep=10), reason="auto")
    data = bytearray(demo_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    demo_path.write_bytes(bytes(data))
    dialogs.confirm.append(False)
    assert not application.open_database(demo_path)
    assert demo_path.read_bytes() == bytes(data) and dialogs.errors  # told why, nothing touched


def test_a_session_is_backed_up_before_its_first_write_and_on_closing(
    window: MainWindow, application: LedgerApplication, qtbot: QtBot
) -> None:
    folder = window.context.ledger.path.parent / "backups"
    assert not folder.exists()  # opening writes nothing
    for name in ("北京丰台医院", "北京市第十二中学"):
        write(
            qtbot,
            window.context,
            partial(commands.create, kind=UNIT, values={"name": name, "kind": "sending"}),
        )
    session_backup = next(folder.glob("*-session.db"))
    assert unit_names(session_backup) == []  # the state the clerk opened
    application.shutdown()
    exit_backup = next(folder.glob("*-exit.db"))
    assert unit_names(exit_backup) == ["北京丰台医院", "北京市第十二中学"]


def test_closing_without_changes_makes_no_backup(
    window: MainWindow, application: LedgerApplication
) -> None:
    folder = window.context.ledger.path.parent / "backups"
    application.shutdown()
    assert not folder.exists()


def unit_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [name for (name,) in connection.execute("SELECT name FROM unit ORDER BY id")]


def test_help_opens_the_guide_beside_the_window(demo_window: MainWindow, qtbot: QtBot) -> None:
    help_menu = demo_window.menuBar().actions()[-1].menu()
    guide_action = next(a for a in help_menu.actions() if a.text().startswith("使用说明"))
    assert guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    guide_action.trigger()
    guide = demo_window.guide
    assert isinstance(guide, GuideDialog)
    qtbot.waitUntil(guide.isVisible)
    assert not guide.isModal()  # the clerk follows the steps in the main window
    text = guide.text.toPlainText()
    for heading in ("第一次使用", "录入帮扶人才", "服务保障", "工作成效", "五步", "备份"):
        assert heading in text
    assert "季度关账" in text and "确认离岗" in text  # the buttons named as on screen
    guide.close()
