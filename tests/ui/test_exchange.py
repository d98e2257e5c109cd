"""The import wizard end to end on a messy roster, the import history's undo, and the
Staff page's export with ID numbers in full."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import AuditEntry, Staff
from app.records import commands
from app.records.settings import backup_policy
from app.roster.lists import staff_count
from app.roster.staff import STAFF
from tests.app.exchange.workbooks import ZHANG, messy_roster
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import click, click_row, settings_tab, texts, wait_for_writes, write
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow


def open_wizard(qtbot: QtBot, window: MainWindow) -> ImportWizard:
    """From the welcome panel's button, as a clerk on a new ledger does."""
    click(qtbot, window.page("dashboard").welcome.import_button)  # type: ignore[attr-defined]
    wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    assert len(wizards) == 1
    wizard = wizards[0]
    qtbot.waitExposed(wizard)
    return wizard


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def backups_named(window: MainWindow, reason: str) -> list[Path]:
    ledger = window.context.ledger
    folder = window.context.read(backup_policy, ledger.path).folder
    return sorted(folder.glob(f"*-{reason}.db"))


def test_a_messy_roster_goes_in_through_the_wizard_and_comes_out_by_undo(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    roster = messy_roster(tmp_path / "花名册.xlsx", sending="原单位名称")  # no alias: unmapped
    wizard = open_wizard(qtbot, window)
    assert window.current_key() == "staff"

    dialogs.paths.append(roster)
    click(qtbot, wizard.file_page.choose)
    assert wizard.file_page.path.text() == str(roster)
    next_page(qtbot, wizard)

    sheet_page = wizard.sheet_page
    assert sheet_page.sheet.currentText() == "花名册"  # not the instructions
    assert sheet_page.header_row.value() == 3  # under the title and the 填报单位 line
    next_page(qtbot, wizard)

    mapping = wizard.mapping_page
    column_f = mapping.combos[5]
    assert mapping.table.item(5, 1).text() == "原单位名称"
    assert column_f.currentText() == "（不导入）"
    column_f.setCurrentIndex(column_f.findData("sending_unit"))  # the clerk corrects it
    assert column_f.currentText() == "派出单位"
    next_page(qtbot, wizard)

    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.result is not None)
    assert preview.counts.text() == "新增 7，更新 0，重复未变 0，警告 1，拒绝 3"
    rows = {preview.rows.item(row, 0).text(): row for row in range(preview.rows.rowCount())}
    row_7 = rows["花名册 第 7 行"]
    assert preview.rows.item(row_7, 1).text() == "拒绝"
    assert (
        preview.rows.item(row_7, 3)
        .text()
        .startswith("D 列（公民身份号码）：Excel 把身份证号存成了数字（1.52223E+17）")
    )
    assert "将同时新建：派出单位 北京市丰台区中医医院" in preview.created.text()

    dialogs.paths.append(tmp_path / "待改正")
    click(qtbot, preview.save_refused)
    refused = openpyxl.load_workbook(tmp_path / "待改正.xlsx").active
    assert [row[2] for row in refused.iter_rows(min_row=2, values_only=True)] == [
        "王　强",
        "赵六",
        "张文",
    ]
    assert refused.cell(1, refused.max_column).value == "拒绝原因"

    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))  # 导入
    wait_for_writes(qtbot, window.context)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert dialogs.infos[-1].startswith("已导入：新增 7，更新 0，重复未变 0，警告 1，拒绝 3。")
    assert window.context.read(staff_count) == 8
    assert backups_named(window, "import")  # DESIGN §8: a backup before every import
    staff_list = window.page("staff").list  # type: ignore[attr-defined]
    assert "周八" in texts(staff_list)
    sending = {
        name: unit
        for name, unit in zip(texts(staff_list), texts(staff_list, "sending_unit"), strict=True)
    }
    assert sending["张文"] == "北京市丰台区中医医院"  # the corrected column went in

    history = settings_tab(window, "imports")
    assert texts(history.list, "file_name") == ["花名册.xlsx"]
    assert texts(history.list, "rows_added") == [str(8 + 8)]  # 8 staff and 8 units
    click_row(qtbot, history.list, "花名册.xlsx", "file_name")
    dialogs.confirm.append(True)
    click(qtbot, history.undo_button)
    wait_for_writes(qtbot, window.context)
    assert dialogs.errors == []
    assert window.context.read(staff_count) == 0
    assert backups_named(window, "undo")  # and before its undo
    assert texts(history.list, "undone_at")[0] != ""
    assert not history.undo_button.isEnabled()


def test_undo_is_refused_with_its_reason_after_a_later_edit(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    roster = messy_roster(tmp_path / "花名册.xlsx")
    wizard = open_wizard(qtbot, window)
    dialogs.paths.append(roster)
    click(qtbot, wizard.file_page.choose)
    for _ in range(3):
        next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.result is not None)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    wait_for_writes(qtbot, window.context)
    with window.context.ledger.session() as session:
        zhang = session.scalar(select(Staff.id).where(Staff.name == "张文"))
    write(qtbot, window.context, lambda work: commands.update(work, STAFF, zhang, {"post": "院长"}))

    history = settings_tab(window, "imports")
    click_row(qtbot, history.list, "花名册.xlsx", "file_name")
    dialogs.confirm.append(True)
    click(qtbot, history.undo_button)
    wait_for_writes(qtbot, window.context)
    assert len(dialogs.errors) == 1 and "撤销" in dialogs.errors[0]
    assert window.context.read(staff_count) == 8  # nothing undone


def test_cancel_before_the_commit_writes_nothing(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = window.go_to("staff")
    click(qtbot, page.import_button)  # type: ignore[attr-defined]  # the Staff page's own
    (wizard,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    dialogs.paths.append(messy_roster(tmp_path / "花名册.xlsx"))
    click(qtbot, wizard.file_page.choose)
    for _ in range(3):
        next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.result is not None)
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert not wizard.isVisible()
    assert window.context.read(staff_count) == 0


def test_an_export_with_full_id_numbers_asks_first_and_is_audited(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    write(
        qtbot,
        window.context,
        lambda work: commands.create(
            work,
            STAFF,
            {
                "name": "张文",
                "field": "medical",
                "id_number": ZHANG,
                "start_date": date(2022, 7, 1),
            },
        ),
    )
    page = window.go_to("staff")
    page.full_id.setChecked(True)  # type: ignore[attr-defined]
    assert page.export_page() is None  # type: ignore[attr-defined]  # the clerk said no
    assert "身份证号" in dialogs.asked[-1] and "操作日志" in dialogs.asked[-1]
    dialogs.confirm.append(True)
    dialogs.paths.append(tmp_path / "名册")
    assert page.export_page() is not None  # type: ignore[attr-defined]
    wait_for_writes(qtbot, window.context)
    ws = openpyxl.load_workbook(tmp_path / "名册.xlsx").active
    assert ZHANG in [cell.value for cell in ws[4]]
    assert dialogs.infos[-1].startswith("已保存 1 行到 ")
    with window.context.ledger.session() as session:
        audited = session.scalar(select(func.count()).where(AuditEntry.action == "export-full-id"))
    assert audited == 1


def test_the_export_writes_the_columns_on_screen_in_their_order(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page = demo_window.go_to("staff")
    view = page.list.view  # type: ignore[attr-defined]
    model = page.list.model  # type: ignore[attr-defined]
    keys = [model.column_key(column) for column in range(model.columnCount())]
    assert view.isColumnHidden(keys.index("ethnicity"))  # the record's rest starts hidden
    view.setColumnHidden(keys.index("gender"), True)  # the clerk hides a column …
    view.setColumnHidden(keys.index("ethnicity"), False)  # … shows another …
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(keys.index("phone")), 0)  # … and moves one first
    dialogs.paths.append(tmp_path / "名册")
    task = page.export_page()  # type: ignore[attr-defined]
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    headers = [cell.value for cell in openpyxl.load_workbook(tmp_path / "名册.xlsx").active[3]]
    assert headers[:3] == ["联系电话", "姓名", "帮扶领域"]
    assert "性别" not in headers and "民族" in headers
