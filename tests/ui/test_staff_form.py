"""The staff form: typed in and saved, checked as the clerk types, edited, a unit added
on the spot, a date picked from the calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import AuditEntry, Staff, Unit
from app.db.vocabulary import Gender
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import activate, click, click_row, retype, texts, type_text
from ui.dialogs.staff_form import StaffForm
from ui.dialogs.unit_form import UnitForm
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage

VALID_ID = "11010519491231002X"  # the GB 11643 standard's own example


def open_new_form(window: MainWindow, qtbot: QtBot) -> StaffForm:
    page = window.go_to("staff")
    assert isinstance(page, StaffPage)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.editing.form
    assert isinstance(form, StaffForm) and form.isVisible()
    return form


def stored(window: MainWindow, name: str) -> Staff | None:
    with window.context.ledger.session() as session:
        staff = session.scalar(select(Staff).where(Staff.name == name))
        if staff is not None:
            session.expunge(staff)
        return staff


def test_a_staff_member_is_typed_in_and_saved(demo_window: MainWindow, qtbot: QtBot) -> None:
    form = open_new_form(demo_window, qtbot)
    assert form.windowTitle() == "新增帮扶人才"
    assert not form.save_button.isEnabled()  # name and start date still missing
    type_text(qtbot, form.editors["name"], "林 海")  # the padding space goes
    qtbot.keyClicks(form.editors["id_number"], VALID_ID.lower())
    assert form.editors["birth_date"].text() == "1949-12-31"
    assert form.editors["gender"].currentData() == Gender.FEMALE.value
    type_text(qtbot, form.editors["phone"], "１３９ １２３４ ５６７８")  # full-width, spaced
    choose = form.editors["sending_unit_id"]
    choose.setCurrentIndex(choose.findText("北京丰台医院"))
    qtbot.keyClicks(form.editors["start_date"], "2024/7/1")
    qtbot.keyClicks(form.editors["planned_end"], "2025-06-30")
    assert form.save_button.isEnabled()
    activate(qtbot, form)
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(
            form.editors["planned_end"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    staff = stored(demo_window, "林海")
    assert staff is not None
    assert staff.id_number == VALID_ID and staff.phone == "13912345678"
    assert staff.start_date == date(2024, 7, 1) and staff.actual_end is None
    page = demo_window.page("staff")
    assert page.list.selected_text() == "林海"  # type: ignore[attr-defined]
    assert page.detail.title.text() == "林海"  # type: ignore[attr-defined]


def test_an_invalid_id_number_keeps_save_disabled_and_says_why(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    form = open_new_form(demo_window, qtbot)
    type_text(qtbot, form.editors["name"], "林海")
    qtbot.keyClicks(form.editors["start_date"], "2024-07-01")
    assert form.save_button.isEnabled()
    qtbot.keyClicks(form.editors["id_number"], "110105194912310021")  # wrong check digit
    error = form.errors["id_number"]
    assert error.isVisible() and "校验" in error.text()
    assert not form.save_button.isEnabled()
    retype(qtbot, form.editors["planned_end"], "2024-01-01")  # before the start
    assert form.errors["planned_end"].isVisible()
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_window, "林海") is None
    dialogs.confirm.append(True)
    with qtbot.waitSignal(form.rejected):
        qtbot.keyClick(form, Qt.Key.Key_Escape)


def test_editing_a_person_changes_only_what_was_typed(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = demo_window.go_to("staff")
    assert isinstance(page, StaffPage)
    click_row(qtbot, page.list, "马晓东")
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    form = page.editing.form
    assert isinstance(form, StaffForm) and form.windowTitle() == "修改帮扶人才"
    assert form.editors["team_id"].currentText() == "教育帮扶团队"
    retype(qtbot, form.editors["post"], "教研室主任")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert page.list.selected_text("post") == "教研室主任"
    with demo_window.context.ledger.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.action == "update"
        changed = {k for k in entry.after or {} if (entry.before or {}).get(k) != entry.after[k]}
        assert changed == {"post"}


def test_a_missing_unit_is_added_from_the_staff_form(window: MainWindow, qtbot: QtBot) -> None:
    form = open_new_form(window, qtbot)
    combo = form.editors["receiving_unit_id"]
    assert combo.count() == 3  # blank, separator, "新增…"
    combo.activated.emit(combo.count() - 1)
    unit_form = combo.form
    assert isinstance(unit_form, UnitForm) and unit_form.isVisible()
    assert combo.currentIndex() == 0  # "新增…" never stays chosen
    assert unit_form.editors["kind"].currentText() == "受援单位"
    type_text(qtbot, unit_form.editors["name"], "扎赉特旗第二中学")
    with qtbot.waitSignal(unit_form.saved):
        click(qtbot, unit_form.save_button)
    assert combo.currentText() == "扎赉特旗第二中学"
    with window.context.ledger.session() as session:
        assert (
            session.scalar(select(Unit.kind).where(Unit.name == "扎赉特旗第二中学")) == "receiving"
        )


def test_a_date_is_picked_from_the_calendar(window: MainWindow, qtbot: QtBot) -> None:
    form = open_new_form(window, qtbot)
    start = form.editors["start_date"]
    calendar = start.show_calendar()  # type: ignore[union-attr]
    calendar.clicked.emit(QDate(2024, 3, 1))
    assert start.text() == "2024-03-01"  # type: ignore[union-attr]
    type_text(qtbot, form.editors["name"], "林海")
    assert form.save_button.isEnabled()


def test_new_staff_shows_up_in_the_roster_and_the_dashboard_leaves_welcome(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.page("dashboard").welcome.start_button.click()  # type: ignore[attr-defined]
    page = window.page("staff")
    form = page.editing.form  # type: ignore[attr-defined]
    assert isinstance(form, StaffForm) and form.isVisible()
    type_text(qtbot, form.editors["name"], "林海")
    qtbot.keyClicks(form.editors["start_date"], "2024-07-01")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert texts(page.list) == ["林海"]  # type: ignore[attr-defined]
    assert not window.page("dashboard").welcome.isVisibleTo(window)  # type: ignore[attr-defined]
