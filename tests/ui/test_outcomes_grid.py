"""工作成效 → Batch entry, driven as a clerk does: typing (Enter moves down, Tab right),
pasting from Excel, Save, correcting, bad cells, leaving with unsaved cells."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import AuditEntry, Metric, OutcomeEntry
from app.errors import DiskFull
from app.outcomes.grid import PeriodCell, save_period_values
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.records.work import perform
from app.reports.summary import quarterly_summary
from app.roster.staff import STAFF
from app.roster.units import TEAM
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, wait_for_writes, write
from ui.grid_model import BAD, CHANGED
from ui.main_window import MainWindow
from ui.pages.outcomes import grid_tab
from ui.pages.outcomes.grid_tab import GridTab
from ui.pages.outcomes.page import OutcomesPage
from ui.widgets.outcome_grid import GridView


@dataclass(frozen=True)
class Office:
    team: int
    people: list[int]  # 张文, 李娜, 王强: on duty all 2024


@pytest.fixture
def office(window: MainWindow, qtbot: QtBot) -> Office:
    context = window.context
    team = write(
        qtbot,
        context,
        lambda work: commands.create(work, TEAM, {"name": "医疗帮扶队", "field": "medical"}),
    ).value
    people = [
        write(
            qtbot,
            context,
            lambda work, name=name: commands.create(
                work,
                STAFF,
                {"name": name, "field": "medical", "start_date": "2024-01-02", "team_id": team},
            ),
        ).value
        for name in ("张文", "李娜", "王强")
    ]
    return Office(team, people)


def open_grid(window: MainWindow, office: Office, period: str = "2024-09") -> GridTab:
    page = window.go_to("outcomes")
    assert isinstance(page, OutcomesPage)
    tab = page.show_tab("grid")
    assert isinstance(tab, GridTab)
    tab.choose(period, team_id=office.team)
    return tab


def go_to_cell(view: GridView, row: int, column: int) -> None:
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))


def type_cell(qtbot: QtBot, view: GridView, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the current cell as a clerk does: the first key opens the editor (and
    replaces what the cell held), the rest goes into it, then Enter or Tab."""
    qtbot.keyClick(view, text[0])
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, text[1:])
    start = view.currentIndex()
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(
        lambda: (
            view.state() != QAbstractItemView.State.EditingState and view.currentIndex() != start
        )
    )


def cell(tab: GridTab, row: int, column: int) -> str:
    return tab.model.data(tab.model.index(row, column))


def stored(window: MainWindow) -> list[tuple[int | None, int | None, str, str | None, Decimal]]:
    with window.context.ledger.session() as session:
        rows = session.execute(
            select(
                OutcomeEntry.staff_id,
                OutcomeEntry.team_id,
                Metric.name,
                OutcomeEntry.period,
                OutcomeEntry.value,
            )
            .join(Metric, Metric.id == OutcomeEntry.metric_id)
            .where(OutcomeEntry.deleted_at.is_(None))
            .order_by(OutcomeEntry.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def surgeries(window: MainWindow) -> tuple[object, ...]:
    summary = window.context.read(quarterly_summary, Quarter(2024, 3))
    line = next(o for o in summary.outcomes if o.metric == "手术")
    visits = next(o for o in summary.outcomes if o.metric == "门急诊诊疗")
    return line.quarter, visits.quarter


def save(qtbot: QtBot, tab: GridTab) -> None:
    click(qtbot, tab.save_button)
    wait_for_writes(qtbot, tab.context)


def test_typed_and_pasted_figures_are_saved_and_come_back(
    window: MainWindow, office: Office, qtbot: QtBot
) -> None:
    tab = open_grid(window, office)
    view = tab.view
    assert [tab.model.headerData(r, Qt.Orientation.Vertical) for r in range(4)] == [
        "李娜",  # 拼音 order: lǐ, wáng, zhāng
        "王强",
        "张文",
        "医疗帮扶队（团队）",
    ]
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "手术\n（例）"
    before = surgeries(window)
    go_to_cell(view, 0, 0)
    type_cell(qtbot, view, "12")  # Enter: down to 王强
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 0)
    type_cell(qtbot, view, "7", Qt.Key.Key_Tab)  # Tab: right, to his 门急诊诊疗
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 1)
    assert not tab.notice.isVisible() or tab.notice.text() == ""
    # A block copied from Excel: thousands separator, full-width digits, trailing spaces.
    go_to_cell(view, 2, 0)
    QApplication.clipboard().setText("3\t1,250 \n４\t８０\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [cell(tab, 2, 0), cell(tab, 2, 1), cell(tab, 3, 0), cell(tab, 3, 1)] == [
        "3",
        "1250",
        "4",
        "80",
    ]
    assert tab.model.data(tab.model.index(2, 1), Qt.ItemDataRole.BackgroundRole).color() == CHANGED
    save(qtbot, tab)
    zhang, li, wang = office.people
    assert sorted(stored(window), key=str) == sorted(
        [
            (li, None, "手术", "2024-09", 12),
            (wang, None, "手术", "2024-09", 7),
            (zhang, None, "手术", "2024-09", 3),
            (zhang, None, "门急诊诊疗", "2024-09", 1250),
            (None, office.team, "手术", "2024-09", 4),
            (None, office.team, "门急诊诊疗", "2024-09", 80),
        ],
        key=str,
    )
    assert "6" in tab.notice.text()  # 「已保存：新增 6 项…」
    assert not tab.model.changed_cells()
    # The summary's figures change by exactly the saved values.
    assert surgeries(window) == (before[0] + 26, before[1] + 1330)
    # Reopen the same period (after another one): the values are there to correct.
    tab.choose("2024-08", team_id=office.team)
    assert cell(tab, 0, 0) == ""
    tab.choose("2024-09", team_id=office.team)
    assert [cell(tab, row, 0) for row in range(4)] == ["12", "7", "3", "4"]


def test_a_correction_replaces_the_stored_figure(
    window: MainWindow, office: Office, qtbot: QtBot
) -> None:
    tab = open_grid(window, office)
    go_to_cell(tab.view, 0, 0)
    type_cell(qtbot, tab.view, "12")
    save(qtbot, tab)
    before = surgeries(window)
    go_to_cell(tab.view, 0, 0)
    type_cell(qtbot, tab.view, "15")
    save(qtbot, tab)
    assert stored(window) == [
        (office.people[1], None, "手术", "2024-09", 15)
    ]  # 李娜 (row 1), one row
    assert surgeries(window)[0] == before[0] + 3
    with window.context.ledger.session() as session:
        audit = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "outcome_entry")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert audit is not None and audit.action == "update"
    assert (audit.before["value"], audit.after["value"]) == ("12.0000", "15")


def test_a_bad_cell_is_marked_blocks_save_and_nothing_is_saved(
    window: MainWindow, office: Office, qtbot: QtBot
) -> None:
    tab = open_grid(window, office)
    view = tab.view
    go_to_cell(view, 0, 0)
    type_cell(qtbot, view, "5")
    go_to_cell(view, 0, 1)
    QApplication.clipboard().setText("abc\t-3\t1.23456\n")  # pasted, marked, not dropped
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [cell(tab, 0, c) for c in (1, 2, 3)] == ["abc", "-3", "1.23456"]
    for column in (1, 2, 3):
        index = tab.model.index(0, column)
        assert index.data(Qt.ItemDataRole.BackgroundRole).color() == BAD
        assert index.data(Qt.ItemDataRole.ToolTipRole)
    assert "不能为负数" in tab.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert not tab.save_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_writes(qtbot, tab.context)
    assert stored(window) == []
    # Ctrl+Z takes the paste back; the good cell alone then saves.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [cell(tab, 0, c) for c in (1, 2, 3)] == ["", "", ""]
    save(qtbot, tab)
    assert stored(window) == [(office.people[1], None, "手术", "2024-09", 5)]  # 李娜, first row


def test_delete_clears_and_a_block_larger_than_the_grid_is_refused(
    window: MainWindow, office: Office, qtbot: QtBot
) -> None:
    tab = open_grid(window, office)
    view = tab.view
    go_to_cell(view, 0, 0)
    type_cell(qtbot, view, "9")
    save(qtbot, tab)
    go_to_cell(view, 0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert cell(tab, 0, 0) == "" and tab.model.changed_cells() == [(0, 0)]
    go_to_cell(view, 3, 6)
    QApplication.clipboard().setText("1\t2\t3\n4\t5\t6\n")  # 2 × 3 from the last row
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.notice.isVisible() and "2" in tab.notice.text()
    assert tab.model.changed_cells() == [(0, 0)]  # nothing of the block was pasted
    save(qtbot, tab)
    assert stored(window) == []  # cleared: to the recycle bin


def test_leaving_with_unsaved_cells_asks(
    window: MainWindow, office: Office, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    tab = open_grid(window, office)
    go_to_cell(tab.view, 0, 0)
    type_cell(qtbot, tab.view, "4")
    dialogs.confirm.append(False)
    window.navigation.setCurrentRow(0)  # the dashboard
    assert (
        window.current_key() == "outcomes"
        and window.stack.currentWidget() is tab.parent().parent().parent()
    )  # type: ignore[union-attr]
    tab.choose("2024-08", team_id=office.team)  # another period: asked again, and refused
    assert tab.current_period() is not None and str(tab.current_period()) == "2024-09"
    assert cell(tab, 0, 0) == "4"
    assert len(dialogs.asked) == 2
    dialogs.confirm.append(True)
    window.navigation.setCurrentRow(0)
    assert window.current_key() == "dashboard"
    assert stored(window) == []


def test_a_storage_error_keeps_every_typed_cell(
    window: MainWindow,
    office: Office,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = open_grid(window, office)
    go_to_cell(tab.view, 0, 0)
    type_cell(qtbot, tab.view, "4")
    type_cell(qtbot, tab.view, "6")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise DiskFull("台账所在磁盘已满，本次修改未保存。")

    monkeypatch.setattr(grid_tab, "save_period_values", disk_full)
    save(qtbot, tab)
    assert "磁盘已满" in tab.notice.text()
    assert [cell(tab, 0, 0), cell(tab, 1, 0)] == ["4", "6"]
    assert tab.model.changed_cells() == [(0, 0), (1, 0)] and tab.save_button.isEnabled()
    monkeypatch.undo()
    save(qtbot, tab)
    assert len(stored(window)) == 2


def test_someone_off_duty_is_asked_once_and_a_closed_quarter_is_read_only(
    window: MainWindow, office: Office, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    context = window.context
    left = write(
        qtbot,
        context,
        lambda work: commands.create(
            work,
            STAFF,
            {
                "name": "赵敏",
                "field": "medical",
                "start_date": "2024-01-02",
                "planned_end": "2024-08-15",
                "team_id": office.team,
            },
        ),
    ).value
    surgery = stored_metric(window, "手术")
    # An import stored a September figure for her (confirmed there); the grid shows it.
    perform(
        context.ledger,
        partial(save_period_values, period="2024-09", cells=[PeriodCell(left, None, surgery, 1)]),
        actor=context.actor,
        confirmed={"赵敏:off-duty"},
    )
    tab = open_grid(window, office)
    labels = [tab.model.headerData(r, Qt.Orientation.Vertical) for r in range(5)]
    assert labels[3] == "赵敏 ⚠" and cell(tab, 3, 0) == "1"
    go_to_cell(tab.view, 3, 0)
    type_cell(qtbot, tab.view, "2", Qt.Key.Key_Tab)
    type_cell(qtbot, tab.view, "3", Qt.Key.Key_Tab)
    dialogs.confirm.append(True)
    save(qtbot, tab)
    wait_for_writes(qtbot, context)
    assert len([q for q in dialogs.asked if "赵敏" in q]) == 1  # one question for two cells
    assert sorted(row[-1] for row in stored(window)) == [2, 3]
    write(qtbot, context, lambda work: close_quarter(work, Quarter(2024, 3)))
    tab.choose("2024-08", team_id=office.team)
    tab.choose("2024-09", team_id=office.team)
    assert tab.model.read_only and "2024Q3" in tab.notice.text()
    assert not tab.model.flags(tab.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert "2024Q3" in tab.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert not tab.save_button.isEnabled()


def stored_metric(window: MainWindow, name: str) -> int:
    with window.context.ledger.session() as session:
        return session.scalars(select(Metric.id).where(Metric.name == name)).one()


def test_arrows_move_and_a_highlight_is_entered_from_a_grid_row(
    window: MainWindow, office: Office, qtbot: QtBot
) -> None:
    tab = open_grid(window, office)
    view = tab.view
    go_to_cell(view, 0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 1)  # 王强
    click(qtbot, tab.highlight_button)
    form = tab.form
    assert form is not None and form.isVisible() and form.windowTitle() == "新增亮点"
    assert form.editors["staff_id"].currentText() == "王强"
    assert form.editors["date"].text() == "2024-09-30"  # the period's last day
    assert form.editors["is_highlight"].isChecked()
