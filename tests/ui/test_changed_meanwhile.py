"""Two clerks on one record: the second save is refused with who changed it, the form
keeps the input, and reloading applies it onto the other clerk's version."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Staff
from app.records import commands
from app.records.work import Actor, perform
from app.roster.staff import STAFF
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, click_row, retype, wait_for_writes
from ui.dialogs.staff_form import StaffForm
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage


def test_a_record_saved_meanwhile_is_reloaded_and_the_input_applied_again(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    page = demo_window.go_to("staff")
    assert isinstance(page, StaffPage)
    click_row(qtbot, page.list, "马晓东")
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    form = page.editing.form
    assert isinstance(form, StaffForm)
    retype(qtbot, form.editors["post"], "教研室主任")
    ledger = demo_window.context.ledger
    with ledger.session() as session:
        person = session.scalars(select(Staff.id).where(Staff.name == "马晓东")).one()
    perform(  # another clerk, while this form is open
        ledger,
        partial(commands.update, kind=STAFF, record_id=person, values={"phone": "13800001111"}),
        actor=Actor("张三"),
    )
    dialogs.confirm.append(True)  # reload and apply again
    click(qtbot, form.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert form.isVisible()
    assert any("此记录已被 张三 于" in asked for asked in dialogs.asked)
    assert form.editors["post"].text() == "教研室主任"  # the clerk's input, kept
    assert form.editors["phone"].text() == "13800001111"  # the other clerk's change
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    with ledger.session() as session:
        saved = session.get(Staff, person)
        assert saved is not None
        assert (saved.post, saved.phone, saved.version) == ("教研室主任", "13800001111", 3)
