"""Settings → General: clerk in the status bar, bad input refused, language switch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.models import AuditEntry
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, retype, settings_tab, wait_for_writes
from ui.application import LedgerApplication
from ui.main_window import MainWindow


def audit_count(window: MainWindow) -> int:
    with window.context.ledger.session() as session:
        return session.query(AuditEntry).count()


def test_a_new_clerk_name_is_saved_and_shown_in_the_status_bar_at_once(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    office = settings_tab(demo_window, "general")
    assert office.editors["clerk_name"].text() == "王丽"
    assert not office.save_button.isEnabled()  # nothing changed yet
    retype(qtbot, office.editors["clerk_name"], "李明")
    click(qtbot, office.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert demo_window.clerk_label.text() == "经办人：李明"
    assert demo_window.context.setting("clerk_name") == "李明"
    assert not office.save_button.isEnabled()

    retype(qtbot, office.editors["county"], "科尔沁右翼前旗")
    qtbot.keyClick(office.editors["county"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, demo_window.context)
    assert demo_window.context.setting("county") == "科尔沁右翼前旗"


def test_bad_input_shows_a_message_beside_the_field_and_writes_nothing(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    office = settings_tab(demo_window, "general")
    before = audit_count(demo_window)
    retype(qtbot, office.editors["backup_keep"], "0")
    error = office.errors["backup_keep"]
    assert error.isVisible() and error.text() == "须为 1 至 999 的整数"
    assert office.editors["backup_keep"].property("invalid") is True
    assert not office.save_button.isEnabled()
    office.save()  # Ctrl+S is refused the same way
    assert demo_window.context.setting("backup_keep") == "10"
    assert audit_count(demo_window) == before and dialogs.errors == []

    retype(qtbot, office.editors["backup_keep"], "30")
    assert not error.isVisible()
    click(qtbot, office.revert_button)
    assert office.editors["backup_keep"].text() == "10" and not office.save_button.isEnabled()


def test_choosing_english_rebuilds_the_window_in_english_and_back(
    demo_window: MainWindow, application: LedgerApplication, qtbot: QtBot
) -> None:
    office = settings_tab(demo_window, "general")
    qtbot.keyClick(office.editors["language"], Qt.Key.Key_Down)  # 简体中文 → English
    click(qtbot, office.save_button)
    qtbot.waitUntil(lambda: application.window is not demo_window)
    english = application.window
    assert english is not None and english is not demo_window
    titles = [english.navigation.item(row).text() for row in range(english.navigation.count())]
    assert titles == ["Dashboard", "Staff", "Services", "Outcomes", "Quarterly summary", "Settings"]
    assert english.current_key() == "settings"  # the clerk stays where they were
    office = english.page("settings").tabs.currentWidget()  # type: ignore[attr-defined]
    assert office.save_button.text() == "Save" and english.clerk_label.text() == "Clerk: 王丽"
    assert english.context.setting("language") == "en"

    qtbot.keyClick(office.editors["language"], Qt.Key.Key_Up)
    click(qtbot, office.save_button)
    qtbot.waitUntil(lambda: application.window is not english)
    chinese = application.window
    assert chinese is not None and chinese is not english
    assert chinese.navigation.item(5).text() == "设置"
    assert chinese.context.setting("language") == "zh_CN"


def test_the_backup_folder_can_be_chosen(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: object
) -> None:
    office = settings_tab(window, "general")
    dialogs.paths.append(tmp_path)  # type: ignore[arg-type]
    click(qtbot, office.browse_button)
    click(qtbot, office.save_button)
    wait_for_writes(qtbot, window.context)
    assert window.context.setting("backup_dir") == str(tmp_path)


def test_back_up_now_then_restore_that_backup(
    demo_window: MainWindow,
    application: LedgerApplication,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
) -> None:
    office = settings_tab(demo_window, "general")
    click(qtbot, office.backup_now_button)
    qtbot.waitUntil(lambda: bool(dialogs.infos))  # backed up on the worker
    assert "备份已写入" in dialogs.infos[-1]
    backup = Path(dialogs.infos[-1].split("备份已写入 ")[-1])
    retype(qtbot, office.editors["county"], "科尔沁右翼前旗")
    click(qtbot, office.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert demo_window.context.setting("county") == "科尔沁右翼前旗"

    dialogs.paths.append(backup)
    dialogs.confirm.append(True)
    click(qtbot, office.restore_button)
    assert application.window is not None and application.window is not demo_window
    assert application.window.context.setting("county") == "扎赉特旗"
    kept = [p.name for p in backup.parent.iterdir() if p.name.endswith("before-restore.db")]
    assert len(kept) == 1 and dialogs.errors == []
