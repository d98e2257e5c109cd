"""A window on a server ledger shows another clerk's save without being asked: the
change notice arrives on the data-changed signal and the open page refreshes."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.db.ledger import Ledger
from app.records import commands
from app.records.work import Actor, perform
from app.roster.staff import STAFF
from tests.ui.conftest import open_window
from tests.ui.widget_helpers import texts
from ui.application import LedgerApplication
from ui.pages.roster.staff_page import StaffPage


def test_another_clerks_new_person_appears_on_the_open_staff_page(
    application: LedgerApplication, qtbot: QtBot, server_ledger: Ledger
) -> None:
    url = server_ledger.backend.url.render_as_string(hide_password=False)  # type: ignore[union-attr]
    server_ledger.close()
    window = open_window(application, qtbot, url)  # type: ignore[arg-type]
    assert window.context.live.wait_until_listening()
    page = window.go_to("staff")
    assert isinstance(page, StaffPage)
    assert texts(page.list) == []
    with Ledger.open(url) as other:  # another clerk's app on the same database
        other.backend.origin = "another-clerk"  # type: ignore[union-attr]
        values = {"name": "林海", "field": "medical", "start_date": "2024-07-01"}
        with qtbot.waitSignal(window.context.bus.changed, timeout=2000):
            perform(other, partial(commands.create, kind=STAFF, values=values), actor=Actor("张三"))
    qtbot.waitUntil(lambda: texts(page.list) == ["林海"], timeout=2000)


def test_settings_on_a_server_ledger_say_the_server_keeps_the_backups(
    application: LedgerApplication, qtbot: QtBot, server_ledger: Ledger
) -> None:
    url = server_ledger.backend.url.render_as_string(hide_password=False)  # type: ignore[union-attr]
    server_ledger.close()
    window = open_window(application, qtbot, url)  # type: ignore[arg-type]
    page = window.go_to("settings")
    notes = [label.text() for label in page.findChildren(QLabel)]
    assert any("pg_dump" in text for text in notes)
    buttons = {button.text(): button for button in page.findChildren(QPushButton)}
    assert not buttons["立即备份"].isEnabled()
