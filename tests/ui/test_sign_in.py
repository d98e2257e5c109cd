"""Sign-in and roles in the GUI (issue #15): a clerk limited to 医疗 cannot save an 教育
record, a viewer is offered no write action, the status bar names who works."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.ledger import Ledger
from app.db.models import AuditEntry, Staff
from app.db.vocabulary import Field, Role
from app.errors import SignInFailed
from app.records.users import add_user, sign_in, turn_sign_in_on
from app.records.work import Actor, perform
from tests.ui.conftest import ScriptedDialogs, open_window
from tests.ui.widget_helpers import click, click_row, retype, type_text, wait_for_writes
from ui import credentials
from ui.application import LedgerApplication
from ui.dialogs import ask
from ui.dialogs.sign_in_dialog import SignInDialog
from ui.dialogs.staff_form import StaffForm
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage
from ui.pages.settings.users_tab import UserDialog, UsersTab


@pytest.fixture
def office(demo_path: Path) -> Path:
    """The demo ledger with sign-in on: an administrator, a 医疗 clerk and a viewer."""
    boss = Actor("老周", Role.ADMIN)
    with Ledger.open(demo_path) as ledger:
        for command in (
            lambda work: turn_sign_in_on(work, "老周", "zhou-secret-1"),
            lambda work: add_user(work, "李医", Role.CLERK, Field.MEDICAL, "li-secret-12"),
            lambda work: add_user(work, "赵看", Role.VIEWER, None, "zhao-secret-1"),
        ):
            perform(ledger, command, actor=boss)
    return demo_path


@pytest.fixture
def keyring_store(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    """The credential store, kept in memory (never the test machine's own)."""
    stored: dict[tuple[str, str], str] = {}
    monkeypatch.setattr(credentials, "recall", lambda loc, name: stored.get((loc, name)))
    monkeypatch.setattr(
        credentials, "remember", lambda loc, name, pw: stored.__setitem__((loc, name), pw)
    )
    monkeypatch.setattr(credentials, "forget", lambda loc, name: stored.pop((loc, name), None))
    return stored


def signing_in(
    qtbot: QtBot, dialogs: ScriptedDialogs, *attempts: tuple[str, str], remember: bool = False
) -> Callable[[Any], int]:
    """A stand-in for ask.run_dialog that types each (name, password) into the sign-in
    dialog and presses Sign in, as a clerk would; other dialogs are recorded."""
    seen: list[str] = []

    def run(dialog: Any) -> int:
        if not isinstance(dialog, SignInDialog):
            dialogs.shown.append(dialog)
            return 0
        dialog.show()
        for name, password in attempts:
            retype(qtbot, dialog.name, name)
            retype(qtbot, dialog.password, password)
            if remember and not dialog.remember.isChecked():
                qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)  # tick 「记住密码」
            click(qtbot, dialog.ok_button)
            if dialog.notice.isVisible():
                seen.append(dialog.notice.text())
        result = dialog.result()
        dialog.hide()
        return result

    run.seen = seen  # type: ignore[attr-defined]
    return run


def staff_page(window: MainWindow) -> StaffPage:
    page = window.go_to("staff")
    assert isinstance(page, StaffPage)
    return page


def first_of(path: Path, field: Field) -> str:
    with Ledger.open(path) as ledger, ledger.session() as session:
        return session.scalars(
            select(Staff.name).where(Staff.field == field, Staff.deleted_at.is_(None))
        ).first()  # type: ignore[return-value]


def audits(window: MainWindow) -> int:
    with window.context.ledger.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_a_clerk_limited_to_medical_cannot_save_an_education_record(
    application: LedgerApplication,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    office: Path,
    keyring_store: dict[tuple[str, str], str],
) -> None:
    teacher = first_of(office, Field.EDUCATION)
    run = signing_in(qtbot, dialogs, ("李医", "wrong-password"), ("李医", "li-secret-12"))
    monkeypatch.setattr(ask, "run_dialog", run)
    window = open_window(application, qtbot, office)
    assert run.seen == ["用户名或密码错误。"]  # type: ignore[attr-defined]
    assert window.clerk_label.text() == "已登录：李医（填报员，医疗）"
    page = staff_page(window)
    assert window.page_actions["new_record"].isEnabled()  # a clerk enters records
    click_row(qtbot, page.list, teacher)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    form = page.editing.form
    assert isinstance(form, StaffForm) and form.isVisible()
    before = audits(window)
    retype(qtbot, form.editors["post"], "教研组长（新）")
    click(qtbot, form.save_button)
    wait_for_writes(qtbot, window.context)
    assert form.isVisible() and form.editors["post"].text() == "教研组长（新）"  # type: ignore[union-attr]
    assert form.notice.text() == (f"李医（填报员，医疗）只能录入医疗的记录；{teacher}属于教育。")
    assert audits(window) == before  # nothing written
    with window.context.ledger.session() as session:
        post = session.scalars(select(Staff.post).where(Staff.name == teacher)).one()
    assert post != "教研组长（新）"
    assert keyring_store == {}  # 「记住密码」 was not ticked


def test_a_viewer_is_offered_no_write_action(
    application: LedgerApplication,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    office: Path,
    keyring_store: dict[tuple[str, str], str],
) -> None:
    monkeypatch.setattr(
        ask, "run_dialog", signing_in(qtbot, dialogs, ("赵看", "zhao-secret-1"), remember=True)
    )
    window = open_window(application, qtbot, office)
    assert window.clerk_label.text() == "已登录：赵看（查看）"
    assert keyring_store == {(window.context.ledger.location, "赵看"): "zhao-secret-1"}
    page = staff_page(window)
    assert not window.page_actions["new_record"].isEnabled()
    assert not window.page_actions["delete_selected"].isEnabled()
    assert window.page_actions["export_page"].isEnabled()  # reading and exporting
    editing = page.editing
    assert not editing.new_button.isEnabled() and not editing.delete_button.isEnabled()
    assert not page.import_button.isEnabled() and not page.full_id.isEnabled()
    click_row(qtbot, page.list, first_of(office, Field.MEDICAL))
    assert not editing.delete_button.isEnabled()


def test_cancelling_sign_in_leaves_the_ledger_closed(
    application: LedgerApplication, office: Path
) -> None:
    assert not application.open_database(office)  # the scripted dialog is cancelled
    assert application.context is None


def test_switching_user_rebuilds_the_window_for_the_new_rights(
    application: LedgerApplication,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    office: Path,
    keyring_store: dict[tuple[str, str], str],
) -> None:
    monkeypatch.setattr(ask, "run_dialog", signing_in(qtbot, dialogs, ("赵看", "zhao-secret-1")))
    window = open_window(application, qtbot, office)
    assert not window.page_actions["new_record"].isEnabled()
    monkeypatch.setattr(ask, "run_dialog", signing_in(qtbot, dialogs, ("老周", "zhou-secret-1")))
    window.switch_user_action.trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = application.window  # type: ignore[assignment]
    assert window is not None
    assert window.clerk_label.text() == "已登录：老周（管理员）"
    staff_page(window)
    assert window.page_actions["new_record"].isEnabled()
    assert window.context.actor == Actor("老周", Role.ADMIN)


def test_an_administrator_adds_and_disables_a_user_in_settings(
    application: LedgerApplication,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    office: Path,
    keyring_store: dict[tuple[str, str], str],
) -> None:
    sign_in_as_boss = signing_in(qtbot, dialogs, ("老周", "zhou-secret-1"))
    monkeypatch.setattr(ask, "run_dialog", sign_in_as_boss)
    window = open_window(application, qtbot, office)
    settings = window.go_to("settings")
    tab = settings.show_tab("users")  # type: ignore[attr-defined]
    assert isinstance(tab, UsersTab)
    assert [user.name for user in tab.users] == sorted(["老周", "李医", "赵看"])

    def fill_user(dialog: Any) -> int:
        assert isinstance(dialog, UserDialog)
        dialog.show()
        type_text(qtbot, dialog.name, "孙教")
        dialog.role.setCurrentIndex(dialog.role.findText("填报员"))
        dialog.field.setCurrentIndex(dialog.field.findText("教育"))
        type_text(qtbot, dialog.password, "sun-secret-12")
        click(qtbot, dialog.ok_button)
        return dialog.result()

    monkeypatch.setattr(ask, "run_dialog", fill_user)
    click(qtbot, tab.add_button)
    wait_for_writes(qtbot, window.context)
    row = next(i for i, user in enumerate(tab.users) if user.name == "孙教")
    assert tab.table.item(row, 1).text() == "填报员" and tab.table.item(row, 2).text() == "教育"
    tab.table.selectRow(row)
    click(qtbot, tab.disable_button)
    wait_for_writes(qtbot, window.context)
    row = next(i for i, user in enumerate(tab.users) if user.name == "孙教")
    assert tab.table.item(row, 3).text() == "已停用"
    with pytest.raises(SignInFailed, match="孙教"):
        sign_in(window.context.ledger, "孙教", "sun-secret-12")
