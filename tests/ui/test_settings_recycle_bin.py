"""Settings → Recycle bin: restore by clicking, purge after confirmation, refusals shown."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import clock
from app.db.models import Staff, Team
from app.records import commands
from app.records.work import Changes
from app.roster.lists import staff_count
from app.roster.staff import STAFF
from app.roster.units import set_team_leader
from tests.app.helpers import run
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, click_row, settings_tab, texts, wait_for_writes
from ui.main_window import MainWindow


def delete_staff(window: MainWindow, *names: str) -> None:
    """Delete through the app's own command, as the Staff page will, a minute apart."""
    with window.context.ledger.session() as session:
        for minute, name in enumerate(names):
            with clock.frozen(datetime(2025, 1, 6, 8, minute)):
                person = session.scalar(select(Staff.id).where(Staff.name == name))
                run(session, commands.delete, STAFF, person)
    window.context.bus.announce(Changes.of("staff"))


def test_a_deleted_person_is_listed_and_restored_by_clicking(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    delete_staff(demo_window, "刘建国", "杨静")
    recycle_bin = settings_tab(demo_window, "recycle_bin")
    assert recycle_bin.kind_combo.currentText() == "帮扶人才（2）"
    assert texts(recycle_bin.list) == ["杨静", "刘建国"]  # the latest deletion first
    assert texts(recycle_bin.list, "deleted_by") == ["王丽", "王丽"]
    assert demo_window.context.read(staff_count) == 19

    assert not recycle_bin.restore_button.isEnabled()  # nothing chosen yet
    click_row(qtbot, recycle_bin.list, "杨静")
    click(qtbot, recycle_bin.restore_button)
    wait_for_writes(qtbot, demo_window.context)
    assert texts(recycle_bin.list) == ["刘建国"]
    assert recycle_bin.kind_combo.currentText() == "帮扶人才（1）"
    assert demo_window.context.read(staff_count) == 20  # back in the roster


def test_purge_asks_first_and_is_refused_while_records_point_at_the_person(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    with demo_window.context.ledger.session() as session:
        newcomer = run(
            session,
            commands.create,
            STAFF,
            {"name": "钱多多", "field": "general", "start_date": "2025-01-02"},
        )
    delete_staff(demo_window, "钱多多", "张文")
    recycle_bin = settings_tab(demo_window, "recycle_bin")

    click_row(qtbot, recycle_bin.list, "钱多多")
    click(qtbot, recycle_bin.purge_button)  # the clerk says no
    assert dialogs.asked == ["要彻底删除“钱多多”吗？此操作无法撤销。"]
    assert texts(recycle_bin.list) == ["张文", "钱多多"]
    dialogs.confirm.append(True)
    click(qtbot, recycle_bin.purge_button)
    wait_for_writes(qtbot, demo_window.context)
    assert texts(recycle_bin.list) == ["张文"] and dialogs.errors == []
    with demo_window.context.ledger.session() as session:
        assert session.get(Staff, newcomer) is None  # gone for good

    click_row(qtbot, recycle_bin.list, "张文")
    dialogs.confirm.append(True)
    click(qtbot, recycle_bin.purge_button)
    wait_for_writes(qtbot, demo_window.context)
    assert len(dialogs.errors) == 1
    assert dialogs.errors[0].startswith("张文不能删除：") and "条服务记录" in dialogs.errors[0]
    assert texts(recycle_bin.list) == ["张文"]


def test_a_refused_restore_says_why(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    delete_staff(demo_window, "张文")  # the medical team's leader
    with demo_window.context.ledger.session() as session:
        team = session.scalar(select(Team.id).where(Team.name == "医疗帮扶队"))
        successor = session.scalar(select(Staff.id).where(Staff.name == "赵晓燕"))
        run(session, set_team_leader, team, successor)
    recycle_bin = settings_tab(demo_window, "recycle_bin")
    click_row(qtbot, recycle_bin.list, "张文")
    click(qtbot, recycle_bin.restore_button)
    wait_for_writes(qtbot, demo_window.context)
    assert dialogs.errors == ["领队：医疗帮扶队已有领队：赵晓燕"]
    assert texts(recycle_bin.list) == ["张文"]


def test_each_kind_has_its_list(demo_window: MainWindow) -> None:
    recycle_bin = settings_tab(demo_window, "recycle_bin")
    kinds = [recycle_bin.kind_combo.itemText(row) for row in range(recycle_bin.kind_combo.count())]
    assert kinds == [
        "帮扶人才",
        "单位",
        "帮扶团队",
        "服务记录",
        "成效记录",
        "师徒结对",
        "服务项目",
        "成效指标",
    ]
    recycle_bin.show_kind("mentorship")
    assert recycle_bin.list.model.listing.kind.entity == "mentorship"
    assert texts(recycle_bin.list) == []
