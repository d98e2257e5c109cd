"""Signing in to a server ledger, end to end in the GUI (issue #15): the app started as
`--db postgresql://…` goes the real launch path (`ui.launch.run`: the start window,
the loader thread, `LedgerApplication.open_database`), the sign-in dialog is driven as
a clerk would (type the name and password, click), and the signed-in login acts with
its server role: a 医疗 clerk cannot save an 教育 record, a viewer is offered no write
action and the server refuses a direct write. 「记住密码」 keeps a password only when
ticked (an in-memory credential store); wrong passwords get a message and a growing
delay, never a traceback.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import partial
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text

from app import clock
from app.db.ledger import Ledger
from app.db.models import AuditEntry, Staff
from app.db.postgres import address_of
from app.db.vocabulary import Field, Role
from app.errors import NotPermitted
from app.records import commands
from app.records.work import Actor, perform
from app.roster.units import UNIT
from tests import pg
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, click_row, retype, wait_for_writes
from ui import credentials, exception_handler, launch
from ui.application import LedgerApplication
from ui.dialogs import ask
from ui.dialogs.sign_in_dialog import SignInDialog
from ui.dialogs.staff_form import StaffForm
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage


class MemoryKeyring(KeyringBackend):
    """The credential store for tests: a dict, never the machine's own."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.stored.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What reached the exception handler (a traceback shown to the clerk): nothing."""
    seen: list[Any] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # launch installs its own
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(exception_handler, "handle", lambda *error: seen.append(error))
    return seen


Attempt = tuple[str, str, bool] | Callable[[], None]


def signing_in(qtbot: QtBot, dialogs: ScriptedDialogs, *attempts: Attempt) -> Any:
    """ask.run_dialog for the sign-in dialog: each (name, password, tick 「记住密码」)
    typed and Sign in clicked, as a clerk would; a callable runs between attempts."""
    seen: list[str] = []

    def run(dialog: Any) -> int:
        if not isinstance(dialog, SignInDialog):
            dialogs.shown.append(dialog)
            return 0
        dialog.show()
        for attempt in attempts:
            if callable(attempt):
                attempt()
                continue
            name, password, remember = attempt
            retype(qtbot, dialog.name, name)
            retype(qtbot, dialog.password, password)
            if remember != dialog.remember.isChecked():
                qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)
            click(qtbot, dialog.ok_button)
            if dialog.notice.isVisible():
                seen.append(dialog.notice.text())
        dialog.hide()
        return dialog.result()

    run.seen = seen  # type: ignore[attr-defined]
    return run


def launched(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, url: str) -> Iterator[MainWindow]:
    """`bangfu --db URL`: ui.launch.run as main.py calls it, its event loop being
    the test's own (qtbot's waits)."""
    qt_app = launch.create_qt_application()
    QSettings().clear()
    monkeypatch.setattr(launch, "_running", [])
    monkeypatch.setattr(qt_app, "exec", lambda: 0)
    assert launch.run(url) == 0

    def opened() -> LedgerApplication | None:
        for start in launch._running:
            application = start.application
            if isinstance(application, LedgerApplication) and application.context is not None:
                return application
        return None

    qtbot.waitUntil(lambda: opened() is not None, timeout=30_000)
    application = opened()
    assert application is not None and application.window is not None
    try:
        yield application.window
    finally:
        application.shutdown()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def audits(office: pg.Office) -> int:
    with Ledger.open(office.url()) as ledger, ledger.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def someone(office: pg.Office, field: Field) -> str:
    with Ledger.open(office.url()) as ledger, ledger.session() as session:
        return session.scalars(  # type: ignore[return-value]
            select(Staff.name)
            .where(Staff.field == field, Staff.deleted_at.is_(None))
            .order_by(Staff.id)
        ).first()


def test_a_medical_clerk_signs_in_and_cannot_save_an_education_record(
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    server_demo_office: pg.Office,
    memory_keyring: MemoryKeyring,
    crashes: list[Any],
) -> None:
    office = server_demo_office
    clerk, password = office.users["clerk"], pg.PASSWORDS["clerk"]
    real_now, offset = clock.now, [timedelta()]
    monkeypatch.setattr(clock, "now", lambda: real_now() + offset[0])
    script = signing_in(
        qtbot,
        dialogs,
        (clerk, "wrong-password", False),  # a typo: no delay yet
        (clerk, "wrong-again-1", False),  # the second: the next try waits 2 s
        (clerk, password, False),  # too soon, however right
        lambda: offset.__setitem__(0, timedelta(seconds=3)),  # 3 s later
        (clerk, password, False),
    )
    monkeypatch.setattr(ask, "run_dialog", script)
    teacher = someone(office, Field.EDUCATION)
    for window in launched(qtbot, monkeypatch, office.url("clerk", password=False)):
        refused = "拒绝了用户名或密码"
        assert [refused in seen for seen in script.seen] == [True, True, False]
        assert script.seen[2] == "密码错误次数过多，请 2 秒后再试。"
        assert not crashes and not dialogs.errors
        assert memory_keyring.stored == {}  # 「记住密码」 was not ticked
        assert window.context.ledger.is_server
        assert window.clerk_label.text() == f"已登录：{clerk}（填报员，医疗）"
        page = window.go_to("staff")
        assert isinstance(page, StaffPage)
        assert window.page_actions["new_record"].isEnabled()
        before = audits(office)
        click_row(qtbot, page.list, teacher)
        qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
        form = page.editing.form
        assert isinstance(form, StaffForm) and form.isVisible()
        retype(qtbot, form.editors["post"], "教研组长（新）")
        click(qtbot, form.save_button)
        wait_for_writes(qtbot, window.context)
        assert form.isVisible() and form.editors["post"].text() == "教研组长（新）"  # type: ignore[union-attr]
        expected = f"{clerk}（填报员，医疗）只能录入医疗的记录；{teacher}属于教育。"
        assert form.notice.text() == expected
        # The app's check gone, the server refuses the same save itself.
        monkeypatch.setattr(commands, "require_field", lambda *args: None)
        click(qtbot, form.save_button)
        wait_for_writes(qtbot, window.context)
        assert form.isVisible()
        assert form.notice.text().startswith(
            f"服务器拒绝了这次修改：{clerk} 只能写入本领域的帮扶人才记录，这条记录属于其他领域。"
        )
        assert audits(office) == before  # nothing written
        assert not crashes and not dialogs.errors


def test_a_viewer_signs_in_remembering_the_password_and_may_not_write(
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    server_demo_office: pg.Office,
    memory_keyring: MemoryKeyring,
    crashes: list[Any],
) -> None:
    office = server_demo_office
    viewer, password = office.users["viewer"], pg.PASSWORDS["viewer"]
    monkeypatch.setattr(ask, "run_dialog", signing_in(qtbot, dialogs, (viewer, password, True)))
    url = office.url("viewer", password=False)
    for window in launched(qtbot, monkeypatch, url):
        address = address_of(url)
        assert memory_keyring.stored == {(credentials.SERVICE, f"{address}\n{viewer}"): password}
        assert window.clerk_label.text() == f"已登录：{viewer}（查看）"
        page = window.go_to("staff")
        assert isinstance(page, StaffPage)
        assert not window.page_actions["new_record"].isEnabled()
        assert not window.page_actions["delete_selected"].isEnabled()
        assert window.page_actions["export_page"].isEnabled()
        assert not page.editing.new_button.isEnabled()
        assert not page.import_button.isEnabled()
        before = audits(office)
        ledger = window.context.ledger  # connected as the viewer's own login role
        insert = text("INSERT INTO unit (name, kind) VALUES ('某医院', 'sending')")
        with (
            pytest.raises(NotPermitted, match="permission denied for table unit"),
            ledger.session() as session,
        ):
            session.execute(insert)
        as_admin = Actor(viewer, Role.ADMIN)  # claiming more than the login has
        values = {"name": "某医院", "kind": "派出单位"}
        with pytest.raises(NotPermitted):
            perform(ledger, partial(commands.create, kind=UNIT, values=values), actor=as_admin)
        assert audits(office) == before
        assert not crashes and not dialogs.errors
    # The next start offers the remembered password for that user.
    again = SignInDialog(address, lambda name, secret: Actor(name), user=viewer)
    assert again.password.text() == password and again.remember.isChecked()
