"""The GUI's write path: off the GUI thread, announced once, and no typed input ever lost."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Staff
from app.errors import DiskFull
from app.records import commands
from app.records.work import Changes, Work
from app.roster.staff import STAFF
from tests.faults import fill, mounted_tmpfs, remount_read_only
from tests.ui.conftest import ScriptedDialogs, open_window
from tests.ui.widget_helpers import click, click_row, retype, texts, wait_for_writes
from ui import exception_handler
from ui.application import LedgerApplication
from ui.dialogs.staff_form import StaffForm
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage

ROOT = Path(__file__).resolve().parents[2]


def staff_page(window: MainWindow) -> StaffPage:
    page = window.go_to("staff")
    assert isinstance(page, StaffPage)
    return page


def open_staff_form(window: MainWindow, qtbot: QtBot, name: str) -> StaffForm:
    page = staff_page(window)
    click_row(qtbot, page.list, name)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    form = page.editing.form
    assert isinstance(form, StaffForm) and form.isVisible()
    return form


def stored_post(window: MainWindow, name: str) -> str:
    with window.context.ledger.session() as session:
        return session.scalars(select(Staff.post).where(Staff.name == name)).one()


def test_a_write_runs_off_the_gui_thread_and_reaches_the_page_through_the_signal(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = staff_page(demo_window)
    ran_on: list[int] = []
    announced: list[Changes] = []
    demo_window.context.bus.changed.connect(announced.append)

    def add_person(work: Work) -> int:
        ran_on.append(threading.get_ident())
        values = {"name": "何平", "field": "medical", "start_date": "2024-11-01"}
        return commands.create(work, STAFF, values)

    op = demo_window.context.write(add_person)
    assert "何平" not in texts(page.list)  # nothing happened on the GUI thread yet
    with qtbot.waitSignal(op.done) as done:
        pass
    assert ran_on and ran_on[0] != threading.get_ident()
    new_id = done.args[0].value
    assert [changes.created for changes in announced] == [{"staff": [new_id]}]
    assert "何平" in texts(page.list)  # the list reloaded from the signal alone


def test_a_storage_error_during_a_save_keeps_the_form_and_what_was_typed(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(work: Work, **kwargs: Any) -> None:
        raise DiskFull("台账所在磁盘已满，本次修改未保存。请清理空间后重试；数据没有丢失。")

    monkeypatch.setattr(commands, "update", disk_full)
    form = open_staff_form(demo_window, qtbot, "刘建国")
    retype(qtbot, form.editors["post"], "副院长（新）")
    click(qtbot, form.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert form.isVisible() and form.editors["post"].text() == "副院长（新）"  # type: ignore[union-attr]
    assert form.notice.isVisible() and "磁盘已满" in form.notice.text()
    assert form.save_button.isEnabled() and dialogs.errors == []
    assert stored_post(demo_window, "刘建国") != "副院长（新）"

    monkeypatch.undo()  # the disk has room again: the same form saves
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert stored_post(demo_window, "刘建国") == "副院长（新）"


def test_a_caution_is_asked_once_and_a_no_saves_nothing(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = commands.update

    def cautious(work: Work, **kwargs: Any) -> bool:
        work.caution("unusual-post", "post", "很少见的职务", label="挂任职务")
        return original(work, **kwargs)

    monkeypatch.setattr(commands, "update", cautious)
    form = open_staff_form(demo_window, qtbot, "刘建国")
    retype(qtbot, form.editors["post"], "名誉院长")
    click(qtbot, form.save_button)  # the clerk answers no
    wait_for_writes(qtbot, demo_window.context)
    assert dialogs.asked[-1] == "挂任职务：很少见的职务\n\n仍要保存吗？"
    assert form.isVisible() and stored_post(demo_window, "刘建国") != "名誉院长"
    dialogs.confirm.append(True)
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert stored_post(demo_window, "刘建国") == "名誉院长"
    assert dialogs.asked.count("挂任职务：很少见的职务\n\n仍要保存吗？") == 2


@pytest.fixture
def read_only_demo(demo_path: Path, tmp_path: Path) -> Iterator[Path]:
    """The demo ledger on a write-protected medium."""
    with mounted_tmpfs(tmp_path / "cd", 4096) as folder:
        shutil.copy(demo_path, folder / "demo.db")
        remount_read_only(folder)
        yield folder / "demo.db"


def test_a_read_only_file_shows_a_banner_and_a_save_says_why_keeping_the_input(
    application: LedgerApplication,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    read_only_demo: Path,
) -> None:
    window = open_window(application, qtbot, read_only_demo)
    assert window.read_only_banner.isVisible()
    assert window.read_only_banner.text().startswith("只读：")
    staff_page(window)
    assert not window.page_actions["new_record"].isEnabled()
    assert not window.page_actions["delete_selected"].isEnabled()
    assert window.page_actions["export_page"].isEnabled()  # reading and exporting still work
    editing = staff_page(window).editing
    assert not editing.new_button.isEnabled() and not editing.delete_button.isEnabled()

    form = open_staff_form(window, qtbot, "刘建国")
    retype(qtbot, form.editors["post"], "副院长（新）")
    click(qtbot, form.save_button)
    wait_for_writes(qtbot, window.context)
    assert form.isVisible() and form.editors["post"].text() == "副院长（新）"  # type: ignore[union-attr]
    assert "只读" in form.notice.text()
    assert stored_post(window, "刘建国") != "副院长（新）"
    assert dialogs.errors == []  # no startup backup was attempted onto the read-only disk


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_logged_and_shown_and_the_app_keeps_running(
    demo_window: MainWindow,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.excepthook", exception_handler.handle)
    fired: list[bool] = []

    def buggy() -> None:
        fired.append(True)
        raise ZeroDivisionError("a bug in a slot")

    with caplog.at_level(logging.ERROR, logger="bangfu.gui"):
        QTimer.singleShot(0, buggy)
        qtbot.waitUntil(lambda: bool(dialogs.errors))
    assert fired and "a bug in a slot" in caplog.text and "ZeroDivisionError" in caplog.text
    assert "bangfu-ledger.log" in dialogs.errors[0] and "继续运行" in dialogs.errors[0]
    write_done = demo_window.context.write(
        partial(commands.update, kind=STAFF, record_id=1, values={"post": "仍可保存"})
    )
    with qtbot.waitSignal(write_done.done):
        pass


def test_a_second_start_on_the_same_file_brings_the_first_window_forward(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    path = demo_window.context.ledger.path
    second = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    _, err = second.communicate()
    assert second.returncode == 0 and "已在一个帮扶台账窗口中打开" in err  # it went away by itself
    qtbot.waitUntil(lambda: "已在本窗口中打开" in demo_window.statusBar().currentMessage())
    assert demo_window.context.ledger.check() == []  # the second start touched nothing


def test_a_save_onto_a_full_disk_keeps_the_form_and_says_so(
    application: LedgerApplication, qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    with mounted_tmpfs(tmp_path / "stick", 4096) as folder:
        shutil.copy(demo_path, folder / "demo.db")
        window = open_window(application, qtbot, folder / "demo.db")
        fill(folder, leave_kb=0)
        form = open_staff_form(window, qtbot, "刘建国")
        retype(qtbot, form.editors["post"], "副院长（主持工作）")
        click(qtbot, form.save_button)
        wait_for_writes(qtbot, window.context)
        assert form.isVisible() and form.editors["post"].text() == "副院长（主持工作）"  # type: ignore[union-attr]
        assert "磁盘" in form.notice.text() and "已满" in form.notice.text()
        application.shutdown()  # before the mount goes
