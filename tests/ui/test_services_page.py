"""服务保障 on the demo ledger, today being 10 March 2025 (2025Q1 has no provision yet):
entry for many, the matrix and the Dashboard's reminders following it without a
restart, the provision form's refusals, printing and exporting the matrix."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import clock
from app.db.models import AuditEntry, Batch, ServiceProvision, ServiceType, Staff
from app.periods import Quarter
from app.reports.document import PrintableDocument
from app.services.reminders import ReminderKind
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, retype, type_text, wait_for_writes
from ui import printing
from ui.dialogs import ask
from ui.main_window import MainWindow
from ui.pages.dashboard.page import DashboardPage
from ui.pages.services.page import ServicesPage

WAIT_MS = 30_000
TODAY = date(2025, 3, 10)
MEDICAL_TEAM = ["刘洋", "周建华", "孙丽", "张文", "赵晓燕", "陈磊"]  # on duty on 10 March 2025
VISIT = "谈心谈话走访"  # quarterly: due by 31 March, within 30 days


@pytest.fixture
def spring_2025() -> Iterator[None]:
    with clock.frozen(datetime(2025, 3, 10, 9, 0)):
        yield


def services_page(window: MainWindow) -> ServicesPage:
    page = window.go_to("services")
    assert isinstance(page, ServicesPage)
    return page


def dashboard(window: MainWindow, qtbot: QtBot) -> DashboardPage:
    page = window.go_to("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(page.reminders.is_ready, timeout=WAIT_MS)
    return page


def due_visits(page: DashboardPage) -> set[str]:
    return {
        item.name
        for item in page.reminders.items
        if item.kind == ReminderKind.DUE and item.service == VISIT
    }


def stored_visits(window: MainWindow) -> list[tuple[str, date]]:
    with window.context.ledger.session() as session:
        rows = session.execute(
            select(Staff.name, ServiceProvision.date)
            .join(Staff, Staff.id == ServiceProvision.staff_id)
            .join(ServiceType, ServiceType.id == ServiceProvision.service_type_id)
            .where(ServiceType.name == VISIT, ServiceProvision.date >= date(2025, 1, 1))
            .order_by(Staff.name)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_entry_for_a_team_fills_the_matrix_and_lowers_the_reminders(
    spring_2025: None, demo_window: MainWindow, qtbot: QtBot
) -> None:
    board = dashboard(demo_window, qtbot)
    assert len(due_visits(board)) == 18  # everyone on duty still needs this quarter's visit
    before = board.reminders.total
    due = board.reminders.counts[ReminderKind.DUE]
    assert board.reminders.summary.text().splitlines()[1] == f"○ 30 天内到期：{due}"

    page = services_page(demo_window)
    matrix = page.show_matrix()
    assert matrix.quarter.quarter() == Quarter(2025, 1)
    matrix.team.setCurrentIndex(matrix.team.findText("医疗帮扶队"))
    column = next(c for c in matrix.matrix.columns if c.name == VISIT)  # type: ignore[union-attr]
    assert (column.eligible, column.covered) == (6, 0)
    click(qtbot, matrix.entry_button)
    dialog = page.ledger.entry
    assert dialog is not None and dialog.isVisible()
    assert dialog.team.currentText() == "医疗帮扶队"  # proposed from the matrix's filter
    dialog.service.setCurrentIndex(dialog.service.findText(VISIT))
    assert dialog.date.text() == "2025-03-10"
    ticked = [
        dialog.table.item(row, 0).text()
        for row in range(dialog.table.rowCount())
        if dialog.table.item(row, 0).checkState() == Qt.CheckState.Checked
    ]
    assert sorted(ticked) == sorted(MEDICAL_TEAM)
    assert dialog.table.rowCount() == 18  # everyone on duty that day can be added
    assert set(dialog.already_shown().values()) == {""}  # nobody has it yet this quarter
    type_text(qtbot, dialog.details, "季度谈心谈话")
    assert dialog.save_button.text() == "为 6 人登记"
    click(qtbot, dialog.save_button)
    wait_for_writes(qtbot, demo_window.context)

    assert stored_visits(demo_window) == sorted((name, TODAY) for name in MEDICAL_TEAM)
    with demo_window.context.ledger.session() as session:
        batch = session.scalars(select(Batch)).one()
        assert (batch.kind, batch.rows_added) == ("entry-for-many", 6)
        assert (
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.batch_id == batch.id)
            )
            == 6
        )
    model = matrix.model
    zhang = next(row for row in model.rows if row.name == "张文")
    visit_id = column.service_id
    assert model.index_of(zhang.staff_id, visit_id).data() == "✓ 03-10"
    total_row = model.rowCount() - 1
    visit_column = model.index_of(zhang.staff_id, visit_id).column()
    assert model.index(total_row, visit_column).data() == "6/6 100%"
    matrix.team.setCurrentIndex(0)  # the whole ledger: 6 of the 18 on duty
    assert model.index(model.rowCount() - 1, visit_column).data() == "6/18 33%"
    assert not page.ledger.undo_bar.isHidden()  # on the ledger tab

    board = dashboard(demo_window, qtbot)
    assert due_visits(board) == set(OTHERS_ON_DUTY)
    assert board.reminders.total == before - 6
    assert board.reminders.counts[ReminderKind.DUE] == due - 6

    ledger = services_page(demo_window).show_ledger()  # one undo for the whole batch
    assert ledger.undo_bar.text.text() == "已为 6 人批量登记“谈心谈话走访”。"
    click(qtbot, ledger.undo_bar.undo_button)
    wait_for_writes(qtbot, demo_window.context)
    assert stored_visits(demo_window) == []
    assert dashboard(demo_window, qtbot).reminders.total == before


# The demo's other staff whose assignments cover 10 March 2025.
OTHERS_ON_DUTY = [
    *("胡小蒙", "马晓东", "杨静", "郑伟", "黄雅琪", "孙峰"),
    *("徐兴健", "白玉梅", "张海涛", "李春生", "高娜"),
    "刘建国",
]


def audit_count(window: MainWindow) -> int:
    with window.context.ledger.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_a_bad_amount_blocks_save_and_writes_nothing(
    spring_2025: None, demo_window: MainWindow, qtbot: QtBot
) -> None:
    ledger = services_page(demo_window).show_ledger()
    rows_before, audited = ledger.list.model.rowCount(), audit_count(demo_window)
    click(qtbot, ledger.editing.new_button)
    form = ledger.editing.form
    assert form is not None and form.isVisible()
    assert (
        form.editors["date"].text() == "2025-03-10" and form.editors["handled_by"].text() == "王丽"
    )
    form.staff.setCurrentIndex(form.staff.findText("张文（医疗）"))
    form.service.setCurrentIndex(form.service.findText("生活补助发放"))
    for typed, message in (("-500", "不能为负数"), ("五百", "五百 不是数字")):
        retype(qtbot, form.editors["amount"], typed)
        assert form.errors["amount"].isVisible()
        assert message in form.errors["amount"].text()
        assert not form.save_button.isEnabled()
        qtbot.keyClick(form.editors["amount"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    retype(qtbot, form.editors["date"], "2025-03-11")
    assert "不能晚于今天（2025-03-10）" in form.errors["date"].text()
    wait_for_writes(qtbot, demo_window.context)
    assert audit_count(demo_window) == audited  # nothing written
    assert ledger.list.model.rowCount() == rows_before

    retype(qtbot, form.editors["date"], "2025-03-10")
    retype(qtbot, form.editors["amount"], "3,000")
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert ledger.list.model.rowCount() == rows_before + 1
    assert ledger.list.selected_text("amount") == "3000"
    qtbot.waitUntil(ledger.total_ready)
    assert (
        ledger.total_label.text().startswith("金额合计：") and "…" not in ledger.total_label.text()
    )


def test_open_cells_record_and_done_cells_open_their_provision(
    spring_2025: None, demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    matrix = services_page(demo_window).show_matrix()
    matrix.quarter.choose(Quarter(2024, 3))
    model = matrix.model
    row = next(each for each in model.rows if each.name == "周建华")
    health = next(c for c in matrix.matrix.columns if c.name == "免费健康体检")  # type: ignore[union-attr]
    index = model.index_of(row.staff_id, health.service_id)
    assert index.data() == "✗ 已逾期"  # the demo's planned gap
    matrix.view.scrollTo(index)
    qtbot.mouseClick(
        matrix.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=matrix.view.visualRect(index).center(),
    )
    form = matrix.form
    assert form is not None and form.isVisible() and form.record_id is None
    assert form.staff.currentText() == "周建华（医疗）"
    assert form.service.currentText() == "免费健康体检"
    assert form.editors["date"].text() == "2024-09-30"  # the quarter's last day: it fills it
    dialogs.confirm.append(True)  # 周建华 has no health check in 2024: no repeat; confirm anything
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert model.index_of(row.staff_id, health.service_id).data() == "✓ 09-30"

    done = model.index_of(row.staff_id, health.service_id)
    matrix.view.scrollTo(done)
    center = matrix.view.visualRect(done).center()
    qtbot.mouseClick(matrix.view.viewport(), Qt.MouseButton.LeftButton, pos=center)  # done: no form
    assert matrix.form is form
    qtbot.mouseDClick(matrix.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    opened = matrix.form
    assert opened is not None and opened.isVisible() and opened.record_id is not None
    assert opened.windowTitle() == "修改服务记录" and opened.editors["date"].text() == "2024-09-30"


def test_the_printed_matrix_is_landscape_with_its_legend(
    spring_2025: None,
    demo_window: MainWindow,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The dashboard draws its charts on the worker first; PDF text is laid out after that.
    qtbot.waitUntil(dashboard(demo_window, qtbot).overview.is_ready, timeout=WAIT_MS)
    page = services_page(demo_window)
    matrix = page.show_matrix()
    matrix.quarter.choose(Quarter(2024, 3))
    seen: dict[str, Any] = {}

    def run(dialog: QPrintPreviewDialog) -> int:  # what the clerk sees, while it is open
        seen["orientation"] = dialog.printer().pageLayout().orientation()
        dialog.findChild(QPrintPreviewWidget).updatePreview()  # paints through our painter
        return 0

    def painting(document: PrintableDocument, device: Any) -> int:
        seen["document"] = document
        seen["pages"] = original(document, device)
        return seen["pages"]

    original = printing.paint_document
    monkeypatch.setattr(ask, "run_dialog", run)
    monkeypatch.setattr(printing, "paint_document", painting)
    page.print_page()  # Ctrl+P
    assert seen["orientation"] == QPageLayout.Orientation.Landscape and seen["pages"] >= 1
    document = seen["document"]
    assert "<thead>" in document.html  # the header row repeats on every page
    for line in ("✓ 已落实：本周期内已享受", "○ 待落实", "✗ 已逾期", "— 不适用"):
        assert line in document.html
    pdf = printing.render_pdf(document, tmp_path / "matrix.pdf", landscape=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    width, height = (
        float(part)
        for part in next(
            line for line in info.stdout.splitlines() if line.startswith("Page size:")
        ).split()[2:5:2]
    )
    assert width > height  # A4 landscape: 842 × 595 points
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "图例" in text.stdout and "第1页共1页" in text.stdout and "周建华" in text.stdout

    dialogs.paths.append(tmp_path / "覆盖矩阵")
    task = page.export_page()  # Ctrl+E on the matrix tab: the coverage workbook
    assert task is not None
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=WAIT_MS)
    sheet = openpyxl.load_workbook(tmp_path / "覆盖矩阵.xlsx").active
    assert sheet is not None and sheet.cell(row=1, column=1).value.startswith(
        "服务保障覆盖情况 2024Q3"
    )


def test_a_date_before_arrival_is_asked_once_then_saved(
    spring_2025: None, demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    ledger = services_page(demo_window).show_ledger()
    click(qtbot, ledger.editing.new_button)
    form = ledger.editing.form
    assert form is not None
    form.staff.setCurrentIndex(form.staff.findText("高娜（科技）"))  # arrived 1 June 2024
    form.service.setCurrentIndex(form.service.findText("人才公寓"))
    retype(qtbot, form.editors["date"], "2024-05-28")
    dialogs.confirm.append(False)  # the first time: no, keep editing
    click(qtbot, form.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert dialogs.asked[-1].startswith("落实日期：早于高娜的到岗日期（2024-06-01）")
    assert form.isVisible() and len(dialogs.asked) == 1
    dialogs.confirm.append(True)
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert len(dialogs.asked) == 2  # asked again only because the clerk said no


def test_the_page_actions_of_the_main_window(
    spring_2025: None,
    demo_window: MainWindow,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    page = services_page(demo_window)
    ledger = page.show_ledger()
    actions = demo_window.page_actions
    assert all(action.isEnabled() for action in actions.values())
    actions["focus_search"].trigger()  # Ctrl+F
    assert ledger.search.hasFocus()
    type_text(qtbot, ledger.search, "探亲")
    ledger.quarter.setCurrentIndex(ledger.quarter.findData("2024Q3"))
    rows = ledger.list.model.rowCount()
    assert rows == 17  # a journey home each in July 2024, but 李春生's (the demo's gap)
    qtbot.waitUntil(ledger.total_ready)
    label = ledger.total_label.text()
    assert label.startswith("金额合计：") and label.endswith(" 元")
    ledger.list.view.selectRow(0)
    dialogs.confirm.append(True)
    actions["delete_selected"].trigger()  # to the recycle bin
    wait_for_writes(qtbot, demo_window.context)
    assert ledger.list.model.rowCount() == rows - 1
    dialogs.paths.append(tmp_path / "服务记录.xlsx")
    actions["export_page"].trigger()  # Ctrl+E: the ledger as listed
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=WAIT_MS)
    sheet = openpyxl.load_workbook(tmp_path / "服务记录.xlsx").active
    assert sheet is not None and sheet.max_row == 3 + rows - 1  # title, blank, header
    page.show_matrix()
    actions["new_record"].trigger()  # Ctrl+N on the matrix: an entry for many
    assert page.ledger.entry is not None and page.ledger.entry.isVisible()


def test_a_reminder_opens_where_it_is_handled(
    spring_2025: None, demo_window: MainWindow, qtbot: QtBot
) -> None:
    board = dashboard(demo_window, qtbot)
    visit = next(item for item in board.reminders.items if item.service == VISIT)
    form = board.reminders.handle(visit)
    assert demo_window.current_key() == "services"
    assert form is not None and form.isVisible()
    assert form.service.currentText() == VISIT  # type: ignore[attr-defined]
    assert form.editors["date"].text() == "2025-03-10"  # type: ignore[attr-defined]
    form.reject()
    board = dashboard(demo_window, qtbot)
    passed = next(i for i in board.reminders.items if i.kind == ReminderKind.END_PASSED)
    assert passed.name in ("李慧敏", "王志强")  # planned end 31 July 2023, never confirmed
    staff_form = board.reminders.handle(passed)
    assert staff_form is not None and staff_form.windowTitle() == "修改帮扶人才"
    assert staff_form.editors["name"].text() == passed.name  # type: ignore[attr-defined]
