"""Ctrl+P on a list prints what is shown: the filters named, every row in the order on
screen, the header on every page, 「第 N 页 共 M 页」; a person's file, one per page.

The print preview is scripted (it paints through `ui.printing`, as when a clerk opens
it); the document it paints is then written as a PDF and read back with poppler.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import clock
from app.db.ledger import Ledger
from app.db.models import AuditEntry, OutcomeEntry, ServiceProvision, ServiceType
from app.db.vocabulary import Field
from app.records import commands
from app.reports.document import PrintableDocument
from app.reports.list_document import MAX_PRINTED_ROWS
from app.roster.staff import STAFF
from tests.app.helpers import run
from tests.ui.conftest import ScriptedDialogs, open_window
from tests.ui.widget_helpers import activate, click, settings_tab, texts, type_text
from ui import printing
from ui.application import LedgerApplication
from ui.dialogs import ask
from ui.main_window import MainWindow
from ui.pages.roster.staff_page import StaffPage
from ui.pages.services.page import ServicesPage

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils needed"
)
WAIT_MS = 30_000
OFFICE = "扎赉特旗委组织部人才工作科"  # the demo's office name (Settings)
PRINTED = 70  # more on-duty staff than three landscape pages hold


@pytest.fixture
def crowded_demo(demo_path: Path) -> Path:
    """The demo ledger with PRINTED on-duty staff named 王测00 … and one who has left."""
    with clock.frozen(clock.now()), Ledger.open(demo_path) as ledger, ledger.session() as session:
        for number in range(PRINTED):
            values = {
                "name": f"王测{number:02d}",
                "field": Field.MEDICAL,
                "start_date": date(2024, 1, 1),
                "planned_end": date(2099, 12, 31),
            }
            run(session, commands.create, STAFF, values)
        gone = {
            "name": "王测离",
            "field": Field.MEDICAL,
            "start_date": date(2020, 1, 1),
            "planned_end": date(2021, 12, 31),
            "actual_end": date(2021, 12, 31),
        }
        run(session, commands.create, STAFF, gone)
    return demo_path


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch, dialogs: ScriptedDialogs) -> list[dict[str, Any]]:
    """Each print preview shown: its orientation, page count and the document it painted."""
    shown: list[dict[str, Any]] = []
    original = printing.paint_document

    def run_dialog(dialog: Any) -> int:
        assert isinstance(dialog, QPrintPreviewDialog)
        seen: dict[str, Any] = {"orientation": dialog.printer().pageLayout().orientation()}
        painted: list[PrintableDocument] = []

        def painting(document: PrintableDocument, device: Any) -> int:
            painted.append(document)
            return original(document, device)

        monkeypatch.setattr(printing, "paint_document", painting)
        dialog.findChild(QPrintPreviewWidget).updatePreview()  # what opening it does
        monkeypatch.setattr(printing, "paint_document", original)
        seen["pages"] = dialog.findChild(QPrintPreviewWidget).pageCount()
        seen["document"] = painted[0]
        seen["title"] = dialog.windowTitle()
        shown.append(seen)
        return 0

    monkeypatch.setattr(ask, "run_dialog", run_dialog)
    return shown


def pdf_pages(document: PrintableDocument, path: Path, *, landscape: bool) -> list[str]:
    """The document as a PDF, each page's text (spaces dropped: Qt spaces CJK freely)."""
    printing.render_pdf(document, path, landscape=landscape)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return [page.replace(" ", "").replace("\u3000", "") for page in done.stdout.split("\f")[:-1]]


def page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Page size:"))
    width, height = line.split()[2:5:2]
    return float(width), float(height)


def wait_for_preview(qtbot: QtBot, previews: list[dict[str, Any]], count: int = 1) -> dict:
    qtbot.waitUntil(lambda: len(previews) >= count, timeout=WAIT_MS)
    return previews[count - 1]


def staff_page(window: MainWindow) -> StaffPage:
    page = window.go_to("staff")
    assert isinstance(page, StaffPage)
    return page


def choose(combo: Any, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def press_ctrl_p(qtbot: QtBot, window: MainWindow, target: Any) -> None:
    activate(qtbot, window)
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def assert_paged(pages: list[str], headers: tuple[str, ...]) -> None:
    """The header row on every page and the page numbers in the footer."""
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        for header in headers:
            assert header in text, (number, header)
        assert f"第{number}页共{len(pages)}页" in text


def top_name(page: str, names: list[str]) -> str | None:
    """The name heading the page (its first few lines), if one of `names` does."""
    top = page.strip().splitlines()[:3]
    return next((name for name in names if name in top), None)


def test_ctrl_p_prints_the_roster_as_shown(
    application: LedgerApplication,
    qtbot: QtBot,
    crowded_demo: Path,
    previews: list[dict[str, Any]],
    tmp_path: Path,
) -> None:
    window = open_window(application, qtbot, crowded_demo)
    page = staff_page(window)
    choose(page.filters["status"], "在岗")
    type_text(qtbot, page.search, "测")
    page.list.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # 姓名 ↓, as a header click
    qtbot.waitUntil(lambda: page.list.model.rowCount() == PRINTED, timeout=WAIT_MS)
    shown = texts(page.list, "name")
    assert shown == [f"王测{number:02d}" for number in reversed(range(PRINTED))]

    press_ctrl_p(qtbot, window, page.list.view)
    preview = wait_for_preview(qtbot, previews)
    assert preview["orientation"] == QPageLayout.Orientation.Landscape
    pages = pdf_pages(preview["document"], tmp_path / "roster.pdf", landscape=True)
    width, height = page_size(tmp_path / "roster.pdf")
    assert width > height  # A4 landscape
    assert preview["pages"] == len(pages) >= 3
    assert f"{OFFICE}帮扶人才花名册" in pages[0]
    assert "筛选：状态＝在岗；搜索“测”" in pages[0]
    assert f"打印日期{clock.today().isoformat()}" in pages[0].replace("：", "")
    printed = re.findall(r"王测(?:\d\d|离)", "".join(pages))
    assert printed == shown  # exactly the filtered rows, in the order on screen
    assert_paged(pages, ("姓名", "受援单位", "状态"))


def test_ctrl_p_on_a_windowed_ledger_prints_every_matching_row(
    demo_window: MainWindow,
    qtbot: QtBot,
    previews: list[dict[str, Any]],
    demo_path: Path,
    tmp_path: Path,
) -> None:
    services = demo_window.go_to("services")
    assert isinstance(services, ServicesPage)
    ledger = services.show_ledger()
    choose(ledger.filters["service_type_id"], "生活补助发放")
    qtbot.waitUntil(lambda: ledger.list.model.rowCount() > 0, timeout=WAIT_MS)
    press_ctrl_p(qtbot, demo_window, ledger.list.view)
    preview = wait_for_preview(qtbot, previews)
    pages = pdf_pages(preview["document"], tmp_path / "ledger.pdf", landscape=True)

    with Ledger.open(demo_path) as opened, opened.session() as session:
        expected = session.scalar(
            select(func.count())
            .select_from(ServiceProvision)
            .join(ServiceType, ServiceProvision.service_type_id == ServiceType.id)
            .where(ServiceType.name == "生活补助发放", ServiceProvision.deleted_at.is_(None))
        )
    assert expected and expected > 40  # more than one page, more than a window loads at first
    assert f"{OFFICE}服务记录" in pages[0]
    assert "筛选：服务项目＝生活补助发放" in pages[0]
    assert f"共{expected}条" in pages[0]
    body = "".join(pages)
    assert body.count("生活补助发放") == expected + 1  # every row, and the filter line
    assert_paged(pages, ("日期", "服务项目"))


def test_ctrl_p_on_the_audit_log_names_its_filter(
    demo_window: MainWindow,
    qtbot: QtBot,
    previews: list[dict[str, Any]],
    demo_path: Path,
    tmp_path: Path,
) -> None:
    tab = settings_tab(demo_window, "audit_log")
    choose(tab.entity_combo, "帮扶人才")
    qtbot.waitUntil(lambda: tab.list.model.rowCount() > 0, timeout=WAIT_MS)
    press_ctrl_p(qtbot, demo_window, tab.list.view)
    preview = wait_for_preview(qtbot, previews)
    pages = pdf_pages(preview["document"], tmp_path / "audit.pdf", landscape=True)
    with Ledger.open(demo_path) as opened, opened.session() as session:
        expected = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "staff")
        )
    assert f"{OFFICE}操作日志" in pages[0]
    assert "筛选：类别＝帮扶人才" in pages[0] and f"共{expected}条" in pages[0]
    assert_paged(pages, ("时间", "操作人"))


def test_three_people_print_one_file_per_page(
    demo_window: MainWindow,
    qtbot: QtBot,
    previews: list[dict[str, Any]],
    tmp_path: Path,
) -> None:
    page = staff_page(demo_window)
    names = texts(page.list, "name")[:3]
    selection = page.list.view.selectionModel()
    for row in range(3):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(page.list.model.index(row, 0), flags)
    menu = page.print_button.menu()  # 「打印…」 offers the roster and the selected files
    assert menu is not None and page.files_action in menu.actions()
    menu.aboutToShow.emit()  # what opening it does (its exec() would block the test)
    assert page.files_action.isEnabled() and page.files_action.text() == "打印所选人员的个人档案…"
    page.files_action.trigger()
    preview = wait_for_preview(qtbot, previews)
    assert preview["orientation"] == QPageLayout.Orientation.Portrait
    pages = pdf_pages(preview["document"], tmp_path / "files.pdf", landscape=False)
    tops = {number: top_name(pages[number], names) for number in range(len(pages))}
    starts = [number for number, name in tops.items() if name is not None]
    assert [tops[number] for number in starts] == names  # each at the top of its own page
    for number, text in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in text
    first = "".join(pages[starts[0] : starts[1]])  # the first person's pages
    for part in ("个人档案", "基本信息", "服务保障记录", "工作成效汇总", "结对徒弟"):
        assert part in first, part


def test_the_outcome_ledger_prints_whole_or_asks_to_narrow_it(
    demo_window: MainWindow,
    qtbot: QtBot,
    previews: list[dict[str, Any]],
    dialogs: ScriptedDialogs,
    demo_path: Path,
    tmp_path: Path,
) -> None:
    outcomes = demo_window.go_to("outcomes")
    ledger = outcomes.show_tab("ledger")  # type: ignore[attr-defined]
    with Ledger.open(demo_path) as opened, opened.session() as session:
        live = OutcomeEntry.deleted_at.is_(None)
        everything = session.scalar(select(func.count()).select_from(OutcomeEntry).where(live))
        summer = session.scalar(
            select(func.count())
            .select_from(OutcomeEntry)
            .where(live, OutcomeEntry.date.between(date(2024, 7, 1), date(2024, 9, 30)))
        )
    assert everything and everything > MAX_PRINTED_ROWS and summer
    press_ctrl_p(qtbot, demo_window, ledger.list.view)
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=WAIT_MS)
    assert f"此列表共 {everything} 行" in dialogs.infos[-1] and "导出到 Excel" in dialogs.infos[-1]
    assert not previews  # nothing sent to the preview

    choose(ledger.period, "2024年第3季度")
    press_ctrl_p(qtbot, demo_window, ledger.list.view)
    preview = wait_for_preview(qtbot, previews)
    pages = pdf_pages(preview["document"], tmp_path / "outcomes.pdf", landscape=True)
    assert f"{OFFICE}成效台账" in pages[0] and "筛选：期间＝2024年第3季度" in pages[0]
    assert f"共{summer}条" in pages[0]
    assert len(re.findall(r"2024-0[789]-\d\d", "".join(pages))) == summer  # each row's date
    assert_paged(pages, ("日期", "指标"))


def test_units_teams_and_mentorships_print_from_their_buttons(
    demo_window: MainWindow, qtbot: QtBot, previews: list[dict[str, Any]]
) -> None:
    tab = settings_tab(demo_window, "units")
    for number, (records, title) in enumerate(((tab.units, "单位"), (tab.teams, "帮扶团队")), 1):
        button = next(b for b in records.findChildren(QPushButton) if b.text() == "打印…")
        click(qtbot, button)
        preview = wait_for_preview(qtbot, previews, number)
        assert preview["document"].title == f"{OFFICE}\u3000{title}"
        assert preview["orientation"] == QPageLayout.Orientation.Landscape
    outcomes = demo_window.go_to("outcomes")
    mentorships = outcomes.show_tab("mentorships")  # type: ignore[attr-defined]
    press_ctrl_p(qtbot, demo_window, mentorships.list.view)
    document = wait_for_preview(qtbot, previews, 3)["document"]
    assert document.title == f"{OFFICE}\u3000师徒结对" and "筛选：全部" in document.html


def test_ctrl_p_is_off_where_nothing_prints(
    demo_window: MainWindow, qtbot: QtBot, previews: list[dict[str, Any]]
) -> None:
    action = demo_window.page_actions["print_page"]
    demo_window.go_to("dashboard")
    assert not action.isEnabled()
    for key in ("staff", "services", "outcomes", "reports", "settings"):
        demo_window.go_to(key)
        assert action.isEnabled(), key
    settings_tab(demo_window, "general")
    action.trigger()  # the General tab has no list: nothing happens
    assert not previews
