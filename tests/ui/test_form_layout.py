"""The staff form: messages under a field never move the later fields; standard choice
lists (民族 56 + 2, 政治面貌, 学历, 职称) that typing filters, an unlisted value kept
and marked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from app.db.code_tables import ETHNIC_EXTRAS, ETHNIC_GROUPS, outside_list
from tests.ui.test_staff_form import open_new_form
from tests.ui.widget_helpers import retype, type_text
from ui.main_window import MainWindow


def place(widget: QWidget) -> tuple[int, int, int, int]:
    corner = widget.mapTo(widget.window(), QPoint(0, 0))
    return corner.x(), corner.y(), widget.width(), widget.height()


def test_a_message_appears_without_moving_the_later_fields(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    form = open_new_form(demo_window, qtbot)
    qtbot.waitExposed(form)
    later = {key: place(form.editors[key]) for key in ("political_status", "notes", "status")}
    size = form.size()
    qtbot.keyClicks(form.editors["start_date"], "2024-07-01")
    retype(qtbot, form.editors["actual_end"], "2024-06-01")
    message = form.errors["actual_end"]
    assert message.isVisible()
    assert "不能早于到岗日期" in message.text()  # names the field it compares with
    assert message.height() >= message.heightForWidth(message.width())  # not clipped
    qtbot.wait(1)  # let the layouts settle (one event loop pass)
    assert {key: place(form.editors[key]) for key in later} == later
    assert form.size() == size


def test_the_ethnic_group_list_holds_the_56_groups_and_two_extras(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    assert len(ETHNIC_GROUPS) == 56 == len(set(ETHNIC_GROUPS))
    assert ETHNIC_GROUPS[0] == "汉族" and ETHNIC_GROUPS[-1] == "基诺族"
    assert ETHNIC_EXTRAS == ("其他", "外国血统")
    form = open_new_form(demo_window, qtbot)
    combo = form.editors["ethnicity"]
    assert isinstance(combo, QComboBox) and combo.isEditable()
    items = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]
    assert items == [*ETHNIC_GROUPS, "其他", "外国血统"]
    # Typing filters: any part of the name.
    line = combo.lineEdit()
    line.setFocus()
    type_text(qtbot, line, "古")
    completer = combo.completer()
    found = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionModel().rowCount())
    ]
    assert found == ["蒙古族"]
    # An old spreadsheet's 「汉」 stays as written, marked as unlisted.
    retype(qtbot, line, "汉")
    assert combo.currentText() == "汉" and combo.property("unlisted") is True
    assert outside_list("ethnicity", "汉") and not outside_list("ethnicity", "汉族")
    retype(qtbot, line, "汉族")
    assert combo.property("unlisted") is False
    titles = form.editors["title"]
    assert isinstance(titles, QComboBox)
    assert [titles.itemText(i) for i in range(1, 5)] == ["正高级", "副高级", "中级", "初级"]
    qtbot.keyClick(form, Qt.Key.Key_Escape)


def test_a_message_longer_than_its_line_is_shown_whole_below_and_moves_nothing(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    form = open_new_form(demo_window, qtbot)
    qtbot.waitExposed(form)
    type_text(qtbot, form.editors["name"], "林海")
    qtbot.keyClicks(form.editors["start_date"], "2024-07-01")
    qtbot.waitUntil(lambda: not form.pending.isVisible())
    later = {key: place(form.editors[key]) for key in ("political_status", "notes", "status")}
    size = form.size()
    qtbot.keyClicks(form.editors["phone"], "12345")
    message = form.errors["phone"]
    assert message.isVisible() and "13812345678" in message.text()
    assert not message.fits()  # too long for the field's width: shortened there…
    assert message.toolTip() == message.text()
    assert form.pending.isVisible()  # …and whole in the form's message area
    assert f"联系电话：{message.text()}" in form.pending.text().splitlines()
    assert {key: place(form.editors[key]) for key in later} == later
    assert form.size() == size
    retype(qtbot, form.editors["phone"], "13812345678")
    assert not message.isVisible() and not form.pending.isVisible()
