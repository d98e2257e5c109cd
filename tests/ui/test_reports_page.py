"""季度汇总 on the demo ledger: choose a quarter, preview, print, PDF, Excel; and the
acceptance test of closing a quarter: a record dated in it cannot change until the
quarter is reopened with a reason."""

from __future__ import annotations

import subprocess
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import AuditEntry, Staff
from app.periods import Quarter
from app.records import commands
from app.records.closing import is_closed
from app.roster.staff import STAFF
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, click_row, retype, wait_for_writes, write
from ui import printing
from ui.dialogs.staff_form import StaffForm
from ui.main_window import MainWindow
from ui.pages.reports.page import ReportsPage
from ui.pages.roster.staff_page import StaffPage

WAIT_MS = 30_000  # the first charts also load matplotlib and its font cache
TITLE = "扎赉特旗“组团式”帮扶工作季度汇总（2024年第3季度）"
Q3 = Quarter(2024, 3)


def open_reports(window: MainWindow, qtbot: QtBot, quarter: str = "2024年第3季度") -> ReportsPage:
    """The Reports page with `quarter` chosen in its drop-down, once its summary shows."""
    page = window.go_to("reports")
    assert isinstance(page, ReportsPage)
    combo = page.quarter_combo
    row = combo.findText(quarter)
    assert row >= 0, f"{quarter} is not offered"
    combo.setCurrentIndex(row)
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    return page


def test_the_preview_shows_the_chosen_quarters_summary(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = open_reports(demo_window, qtbot)
    assert page.preview.isVisible()
    text = page.preview.toPlainText()
    assert text.startswith(TITLE)
    assert "扎赉特旗委组织部人才工作科" in text and "王丽" in text  # office and clerk
    assert "门急诊诊疗" in text and "2159" in text  # the quarter's patient visits
    assert page.print_button.isEnabled() and page.excel_button.isEnabled()
    assert page.status_label.text().startswith("2024年第3季度未关账")


def test_switching_quarters_quickly_shows_only_the_last_one(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = open_reports(demo_window, qtbot)
    for name in ("2024年第1季度", "2024年第2季度", "2023年第4季度"):
        page.quarter_combo.setCurrentIndex(page.quarter_combo.findText(name))
    assert not page.is_ready() and not page.print_button.isEnabled()
    assert page.message.isVisible() and page.message.text() == "正在计算2023年第4季度汇总…"
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    assert page.preview.toPlainText().startswith(TITLE.replace("2024年第3", "2023年第4"))
    assert page.prepared is not None and page.prepared.quarter == Quarter(2023, 4)


def test_the_chosen_quarter_is_remembered(demo_window: MainWindow, qtbot: QtBot) -> None:
    open_reports(demo_window, qtbot, "2023年第2季度")
    fresh = ReportsPage(demo_window.context)  # as in the window of the next session
    qtbot.addWidget(fresh)
    assert fresh.quarter() == Quarter(2023, 2)
    assert fresh.prepared is None and not fresh._latest.is_busy()  # hidden: nothing computed


def test_save_as_pdf_writes_the_summary_with_its_title(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = open_reports(demo_window, qtbot)
    dialogs.paths.append(tmp_path / "季度汇总")  # typed without the extension
    click(qtbot, page.pdf_button)
    pdf = tmp_path / "季度汇总.pdf"
    assert pdf.exists() and dialogs.infos == [f"已保存到 {pdf}"]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert TITLE in text and "2159" in text


def test_export_excel_writes_a_sheet_per_section_in_the_background(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = open_reports(demo_window, qtbot)
    target = tmp_path / "汇总.xlsx"
    dialogs.paths.append(target)
    qtbot.keyClick(demo_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(dialogs.infos or dialogs.errors), timeout=WAIT_MS)
    assert dialogs.errors == [] and dialogs.infos == [f"已保存到 {target}"]
    workbook = load_workbook(target)
    assert workbook.sheetnames[:3] == ["人员", "服务保障", "工作成效"]
    assert page.is_ready()


def test_print_shows_the_preview_of_the_same_document(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[Any] = []
    monkeypatch.setattr(printing, "print_with_preview", lambda parent, doc: printed.append(doc))
    page = open_reports(demo_window, qtbot)
    qtbot.keyClick(demo_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert page.prepared is not None and printed == [page.prepared.document]
    assert printed[0].title == TITLE


def stored_start(window: MainWindow, name: str) -> date:
    with window.context.ledger.session() as session:
        return session.scalars(select(Staff.start_date).where(Staff.name == name)).one()


def edit_start_date(window: MainWindow, qtbot: QtBot, name: str, day: str) -> StaffForm:
    """Open the person's staff form from the roster and save a new start date."""
    page = window.go_to("staff")
    assert isinstance(page, StaffPage)
    click_row(qtbot, page.list, name)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    form = page.editing.form
    assert isinstance(form, StaffForm) and form.isVisible()
    retype(qtbot, form.editors["start_date"], day)
    click(qtbot, form.save_button)
    wait_for_writes(qtbot, window.context)
    return form


def test_a_closed_quarter_refuses_edits_until_reopened_with_a_reason(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    context = demo_window.context
    arrived = {"name": "林海", "field": "medical", "start_date": "2024-08-01"}
    write(qtbot, context, partial(commands.create, kind=STAFF, values=arrived))
    page = open_reports(demo_window, qtbot)
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()

    dialogs.confirm.append(True)
    click(qtbot, page.close_button)
    wait_for_writes(qtbot, context)
    assert dialogs.asked[-1].startswith("将2024年第3季度关账吗？")
    assert "2022年第2季度、2022年第3季度" in dialogs.asked[-1]  # the run back to the first record
    assert context.read(is_closed, Q3)
    assert page.status_label.text().startswith("2024年第3季度已于 ")
    assert "由 王丽 关账" in page.status_label.text()
    assert page.reopen_button.isEnabled() and not page.close_button.isEnabled()
    assert page.is_ready()  # closing changes no figure: nothing is recomputed

    form = edit_start_date(demo_window, qtbot, "林海", "2024-08-15")
    assert form.notice.isVisible() and form.notice.text() == (
        "2024Q3 已关账（季度汇总已上报），日期为 2024-08-01 的记录不能修改。"
        "请先说明原因并重新开账。"
    )
    assert dialogs.errors == []  # said in the form, above its buttons
    assert form.isVisible()  # the clerk's typing is kept
    assert form.editors["start_date"].text() == "2024-08-15"
    assert stored_start(demo_window, "林海") == date(2024, 8, 1)
    dialogs.confirm.append(True)  # discard the edit
    qtbot.keyClick(form, Qt.Key.Key_Escape)

    page = open_reports(demo_window, qtbot)
    dialogs.texts.extend([None, "", "补录到岗日期"])
    click(qtbot, page.reopen_button)  # cancelled
    click(qtbot, page.reopen_button)  # no reason given
    wait_for_writes(qtbot, context)
    assert dialogs.errors[-1] == "原因：请说明重新开账的原因"
    assert context.read(is_closed, Q3)
    click(qtbot, page.reopen_button)
    wait_for_writes(qtbot, context)
    assert not context.read(is_closed, Q3)
    assert page.status_label.text().endswith("由 王丽 重新开账（补录到岗日期）。")
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()

    errors_before = len(dialogs.errors)
    edit_start_date(demo_window, qtbot, "林海", "2024-08-15")
    staff = demo_window.page("staff")
    assert len(dialogs.errors) == errors_before and staff.editing.form is None  # type: ignore[attr-defined]
    assert stored_start(demo_window, "林海") == date(2024, 8, 15)

    with context.ledger.session() as session:
        audited = session.execute(
            select(AuditEntry.action, AuditEntry.after)
            .where(AuditEntry.entity == "quarter_close")
            .order_by(AuditEntry.id)
        ).all()
    assert [action for action, _ in audited] == ["close"] * 10 + ["reopen"]  # 2022Q2..2024Q3
    assert audited[-1].after == {"quarter": "2024Q3", "reason": "补录到岗日期"}


def test_closing_an_unfinished_quarter_warns_and_a_no_closes_nothing(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    page = demo_window.go_to("reports")
    assert isinstance(page, ReportsPage)
    current = Quarter.containing(date.today())
    page.quarter_combo.setCurrentIndex(0)  # newest first: today's quarter
    assert page.quarter() == current
    dialogs.confirm.append(False)
    click(qtbot, page.close_button)
    assert "尚未结束" in dialogs.asked[-1]
    assert not demo_window.context.read(is_closed, current)
