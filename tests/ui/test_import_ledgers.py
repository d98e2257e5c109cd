"""The import wizard from the Services and Outcomes pages: a messy wide outcomes
workbook (team sheets, two-row headers with units, 合计, no month in the titles) with
one column mapped by hand and the period picked, committed, seen on the Outcomes page
and undone from Settings → Import history; each page opens the wizard on its kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Metric, OutcomeEntry, Staff
from app.records import commands
from app.roster.staff import STAFF
from tests.app.exchange.workbooks import write_xlsx
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, click_row, settings_tab, texts, wait_for_writes, write
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow


def the_wizard(qtbot: QtBot) -> ImportWizard:
    (wizard,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    qtbot.waitExposed(wizard)
    return wizard


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def monthly_tables(path: Path) -> Path:
    medical = [
        ["扎赉特旗人民医院医疗队工作量统计表"],  # no month: the clerk picks the period
        ["姓名", "手术", "门诊量", "会诊"],  # 门诊量: not a metric's name, mapped by hand
        [None, "例", "人次", "次"],
        ["张文", 3, "1,234", None],
        ["李　娜", "—", "８６", 2],
        ["赵六", 1, 10, 1],  # not on the roster
        ["合计", 4, "1,330", 3],
        ["填表人：王丽"],
    ]
    education = [
        ["教育组工作成效"],
        ["序号", "姓名", "听评课（节）"],
        [1, "王强", 12],
        ["合计", None, 12],
    ]
    return write_xlsx(
        path,
        {"填表说明": [["每队一张表"]], "医疗队": medical, "教育组": education},
        merges={"医疗队": ["A1:D1", "A2:A3"], "教育组": ["A1:C1"]},
    )


def figures(window: MainWindow) -> dict[tuple[str, str], Decimal]:
    with window.context.ledger.session() as session:
        rows = session.execute(
            select(Staff.name, Metric.name, OutcomeEntry.value)
            .join(Staff, Staff.id == OutcomeEntry.staff_id)
            .join(Metric, Metric.id == OutcomeEntry.metric_id)
            .where(OutcomeEntry.deleted_at.is_(None), OutcomeEntry.period == "2024-09")
        )
        return {(row[0], row[1]): row[2] for row in rows}


def test_a_wide_outcomes_workbook_through_the_wizard_then_undone(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    for name, field in (("张文", "medical"), ("李娜", "medical"), ("王强", "education")):
        values = {"name": name, "field": field, "start_date": date(2022, 7, 1)}
        write(qtbot, window.context, lambda work, v=values: commands.create(work, STAFF, v))
    page = window.go_to("outcomes")
    click(qtbot, page.import_button)  # type: ignore[attr-defined]
    wizard = the_wizard(qtbot)
    assert wizard.what == "outcomes"
    dialogs.paths.append(monthly_tables(tmp_path / "9月工作量.xlsx"))
    click(qtbot, wizard.file_page.choose)
    next_page(qtbot, wizard)

    mapping = wizard.mapping_page  # monthly tables: straight to their columns
    assert wizard.currentPage() is mapping
    assert [mapping.sheet.itemText(i) for i in range(mapping.sheet.count())] == [
        "医疗队",
        "教育组",
    ]
    assert [mapping.table.item(row, 1).text() for row in range(4)] == [
        "姓名", "手术（例）", "门诊量（人次）", "会诊（次）",
    ]  # fmt: skip
    visits = mapping.combos[2]
    assert visits.currentText() == "（不导入）"
    visits.setCurrentIndex(visits.findText("门急诊诊疗"))  # the clerk corrects it
    assert mapping.isComplete()
    next_page(qtbot, wizard)

    preview = wizard.preview_page
    assert preview.period.isVisible()  # no title says the month: the clerk gives it
    assert "医疗队" in preview.period_label.text() and "教育组" in preview.period_label.text()
    qtbot.waitUntil(lambda: "2024-09" in preview.counts.text() or preview.result is not None)
    assert preview.result is None  # refused until a period is given
    preview.period.setText("2024-09")
    preview.period.editingFinished.emit()
    qtbot.waitUntil(lambda: preview.result is not None)
    assert preview.counts.text() == "新增 3，更新 0，重复未变 0，警告 0，拒绝 1"
    rows = {preview.rows.item(row, 0).text(): row for row in range(preview.rows.rowCount())}
    assert preview.rows.item(rows["医疗队 第 6 行"], 3).text() == "A 列（姓名）：赵六不在名册中"

    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))  # 导入
    wait_for_writes(qtbot, window.context)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert dialogs.errors == []
    assert dialogs.infos == [
        "已导入：新增 3，更新 0，重复未变 0，警告 0，拒绝 1。可在“设置 → 导入记录”中撤销。"
    ]
    assert figures(window) == {
        ("张文", "手术"): Decimal(3),
        ("张文", "门急诊诊疗"): Decimal(1234),  # through the corrected column
        ("李娜", "门急诊诊疗"): Decimal(86),
        ("李娜", "会诊"): Decimal(2),
        ("王强", "听评课"): Decimal(12),
    }
    ledger = window.go_to("outcomes").ledger  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: ledger.list.model.rowCount() == 5)
    assert sorted(texts(ledger.list, "value")) == ["12", "1234", "2", "3", "86"]
    assert set(texts(ledger.list, "period")) == {"2024-09"}

    history = settings_tab(window, "imports")
    assert texts(history.list, "file_name") == ["9月工作量.xlsx"]
    click_row(qtbot, history.list, "9月工作量.xlsx", "file_name")
    dialogs.confirm.append(True)
    click(qtbot, history.undo_button)
    wait_for_writes(qtbot, window.context)
    assert dialogs.errors == []
    assert figures(window) == {}


def test_the_services_page_and_the_mentorships_tab_open_the_wizard_on_their_kind(
    window: MainWindow, qtbot: QtBot
) -> None:
    services = window.go_to("services")
    assert services.import_button.text() == "从 Excel 导入…"  # type: ignore[attr-defined]
    click(qtbot, services.import_button)  # type: ignore[attr-defined]
    wizard = the_wizard(qtbot)
    assert wizard.what == "services"
    wizard.reject()
    outcomes = window.go_to("outcomes")
    outcomes.show_tab("mentorships")  # type: ignore[attr-defined]
    click(qtbot, outcomes.import_button)  # type: ignore[attr-defined]
    (wizard,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible()
    ]
    assert wizard.what == "mentorships"
    wizard.reject()
