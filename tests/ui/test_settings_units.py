"""Settings → Units and teams: add a unit, refuse deleting one in use, choose a leader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Staff, Team
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import (
    click,
    click_row,
    settings_tab,
    texts,
    type_text,
    wait_for_writes,
)
from ui.dialogs.team_form import TeamForm
from ui.main_window import MainWindow


def test_a_unit_is_added_and_listed(window: MainWindow, qtbot: QtBot) -> None:
    tab = settings_tab(window, "units")
    click(qtbot, tab.unit_editing.new_button)
    form = tab.unit_editing.form
    assert form is not None and form.windowTitle() == "新增单位"
    type_text(qtbot, form.editors["name"], "北京市第十二中学")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert texts(tab.units) == ["北京市第十二中学"]
    assert tab.units.selected_text("kind") == "派出单位"


def test_a_unit_in_use_is_not_deleted(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    tab = settings_tab(demo_window, "units")
    click_row(qtbot, tab.units, "北京丰台医院")
    dialogs.confirm.append(True)
    qtbot.keyClick(tab.units.view, Qt.Key.Key_Delete)
    wait_for_writes(qtbot, demo_window.context)
    assert len(dialogs.errors) == 1 and "北京丰台医院" in dialogs.errors[0]
    assert "北京丰台医院" in texts(tab.units)


def test_the_leader_is_chosen_among_the_teams_members(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    tab = settings_tab(demo_window, "units")
    assert tab.teams.model.rowCount() == 3
    click_row(qtbot, tab.teams, "教育帮扶团队")
    tab.teams.view.setFocus()
    demo_window.page("settings").new_record()  # Ctrl+N follows the list in use
    assert isinstance(tab.team_editing.form, TeamForm)
    tab.team_editing.form.reject()
    click(qtbot, tab.team_editing.edit_button)
    form = tab.team_editing.form
    assert isinstance(form, TeamForm)
    leaders = [form.leader.itemText(i) for i in range(form.leader.count())]
    assert leaders[:2] == ["（无）", "胡小蒙"] and "张文" not in leaders
    form.leader.setCurrentIndex(form.leader.findText("孙峰"))
    assert form.is_dirty()
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert tab.teams.selected_text("leader") == "孙峰"
    with demo_window.context.ledger.session() as session:
        team = session.scalar(select(Team.id).where(Team.name == "教育帮扶团队"))
        leaders_now = session.scalars(
            select(Staff.name).where(Staff.team_id == team, Staff.is_leader.is_(True))
        ).all()
    assert leaders_now == ["孙峰"]


def test_both_lists_show_every_name_and_column_in_full_at_1280_pixels(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    demo_window.resize(1280, 800)
    tab = settings_tab(demo_window, "units")
    for record_list, columns in ((tab.units, (0, 2)), (tab.teams, (0, 3))):
        view = record_list.view
        qtbot.waitUntil(lambda view=view: view.model().rowCount() > 0)
        model, metrics = view.model(), view.fontMetrics()
        for column in columns:  # names, regions and receiving units, each in full
            widest = max(
                metrics.horizontalAdvance(str(model.index(row, column).data()))
                for row in range(model.rowCount())
            )
            assert view.columnWidth(column) > widest, model.headerData(column, Qt.Horizontal)
        assert not view.horizontalScrollBar().isVisible()  # the last column on screen too
