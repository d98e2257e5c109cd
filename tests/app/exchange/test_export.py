"""Exports as clerks need them: typed cells, the page set up for A4 landscape, ID numbers
masked unless asked (and then audited), and typed text never turned into a formula in
any workbook the app writes."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import AuditEntry
from app.errors import Cancelled
from app.exchange.importing import ImportOptions
from app.exchange.imports import preview, write_refused_rows
from app.exchange.list_export import ListExport, export_lists, export_lists_in_full, parts_named
from app.exchange.reading import read_workbook
from app.exchange.xlsx import Sheet, write_workbook
from app.outcomes.entries import OUTCOME
from app.periods import Quarter
from app.records import commands
from app.records.settings import clerk_actor, save_settings
from app.reports.summary import quarterly_summary
from app.reports.workbook import write_summary_workbook
from app.roster.lists import StaffList
from app.roster.staff import STAFF
from app.roster.units import UNIT
from tests.app.exchange.workbooks import ZHANG, write_xlsx
from tests.app.helpers import run, staff_id

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "=1+1"]
TODAY = date(2025, 1, 6)


def formulas(path: Path) -> list[str]:
    """Every formula element in every sheet of the file (there must be none)."""
    with zipfile.ZipFile(path) as archive:
        return [
            match
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            for match in re.findall(r"<f[ >].*?</f>", archive.read(name).decode())
        ]


def text_cells(path: Path) -> dict[str, str]:
    """Cell value → data type, for every cell holding one of the hostile texts."""
    found = {}
    for ws in openpyxl.load_workbook(path):
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in HOSTILE:
                    found[cell.value] = cell.data_type
    return found


def staff_with_hostile_text(session: Session) -> None:
    unit = run(session, commands.create, UNIT, {"name": "北京市丰台区中医医院", "kind": "sending"})
    for index, text in enumerate(HOSTILE):
        values = {
            "name": f"张{'一二三四五'[index]}",
            "field": "medical",
            "start_date": date(2022, 7, 1),
            "post": text,
            "sending_unit_id": unit,
            "id_number": ZHANG if index == 0 else None,
            "phone": "13812345678",
        }
        run(session, commands.create, STAFF, values)


def test_typed_text_comes_back_as_text_from_every_workbook(
    session: Session, demo_session: Session, tmp_path: Path
) -> None:
    staff_with_hostile_text(session)
    files = [
        export_lists(session, tmp_path / "list.xlsx", [ListExport(StaffList(), "帮扶人才")]).path,
        run(session, export_lists_in_full, tmp_path / "full.xlsx", parts_named("all")).path,
    ]
    # The refused rows of an import, written back for correction.
    source = write_xlsx(
        tmp_path / "in.xlsx",
        {"名册": [["姓名", "挂任职务", "到岗日期"], *[["", t, ""] for t in HOSTILE]]},
    )
    planned = preview(
        session, clerk_actor(session), read_workbook(source), "staff", ImportOptions()
    )
    files.append(write_refused_rows(tmp_path / "refused.xlsx", read_workbook(source), planned))
    # The quarterly summary's workbook: a highlight's description typed by the clerk.
    for text in HOSTILE:
        values = {
            "date": date(2024, 8, 1),
            "staff_id": staff_id(demo_session, "张文"),
            "is_highlight": True,
            "description": text,
        }
        run(demo_session, commands.create, OUTCOME, values)
    summary = quarterly_summary(demo_session, Quarter(2024, 3))
    files.append(write_summary_workbook(tmp_path / "summary.xlsx", summary, []))
    for path in files:
        assert text_cells(path) == dict.fromkeys(HOSTILE, "s"), path.name
        assert formulas(path) == [], path.name


def test_a_list_export_is_typed_and_set_up_for_a4_landscape(
    session: Session, tmp_path: Path
) -> None:
    run(session, save_settings, {"office_name": "扎赉特旗委组织部"})
    staff_with_hostile_text(session)
    with clock.frozen(datetime(2025, 1, 6, 9, 0)):
        exported = export_lists(
            session, tmp_path / "staff.xlsx", [ListExport(StaffList(), "帮扶人才")]
        )
    assert exported.rows == (5,)
    ws = openpyxl.load_workbook(exported.path)["帮扶人才"]
    assert ws["A1"].value == "扎赉特旗委组织部\u3000帮扶人才\u30002025-01-06"
    headers = [cell.value for cell in ws[3]]
    assert headers[:3] == ["Name", "Gender", "Field"] and "ID number" in headers
    # 拼音 order (er4, san1, si4, wu3, yi1), not code point order: 张一 comes last.
    assert [ws.cell(row, 1).value for row in range(4, 9)] == [
        "张二",
        "张三",
        "张四",
        "张五",
        "张一",
    ]
    first = {header: ws.cell(8, column) for column, header in enumerate(headers, start=1)}
    assert first["Name"].value == "张一"
    assert (first["ID number"].value, first["ID number"].number_format) == (
        "110105********0116"[:6] + "********" + ZHANG[-4:],
        "@",
    )
    assert (first["Phone"].value, first["Phone"].number_format) == ("13812345678", "@")
    assert first["Start date"].value == datetime(2022, 7, 1)
    assert first["Start date"].number_format == "yyyy-mm-dd"
    assert first["Sending unit"].value == "北京市丰台区中医医院"
    letter = first["Sending unit"].column_letter
    assert ws.column_dimensions[letter].width >= 2 * len("北京市丰台区中医医院")  # CJK: 2 each
    assert (
        ws.freeze_panes == "A4"
        and ws.auto_filter.ref == f"A3:{ws.cell(3, len(headers)).column_letter}8"
    )
    assert ws.print_title_rows == "$3:$3"
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == (
        "landscape",
        9,
        1,
        0,
    )
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddFooter.center.text == "Page &P of &N"


def test_the_screens_columns_in_the_screens_order(session: Session, tmp_path: Path) -> None:
    staff_with_hostile_text(session)
    part = ListExport(StaffList(), "帮扶人才", columns=["post", "name"])
    ws = openpyxl.load_workbook(export_lists(session, tmp_path / "s.xlsx", [part]).path).active
    assert [cell.value for cell in ws[3]] == ["Post", "Name"]
    assert ws.max_column == 2


def test_full_id_numbers_only_on_request_and_then_audited(session: Session, tmp_path: Path) -> None:
    staff_with_hostile_text(session)
    with clock.frozen(datetime(2025, 1, 6, 9, 30)):
        exported = run(session, export_lists_in_full, tmp_path / "full.xlsx", parts_named("staff"))
    ws = openpyxl.load_workbook(exported.path).active
    column = [cell.value for cell in ws[3]].index("ID number") + 1
    assert ws.cell(8, column).value == ZHANG  # 张一 (zhāng yī) comes last in 拼音 order
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export-full-id")).one()
    assert (entry.who, entry.at, entry.entity) == (
        "王丽" if entry.who else "",
        datetime(2025, 1, 6, 9, 30),
        "staff",
    )
    assert entry.after == {"file": str(exported.path), "rows": 5, "sheet": "Staff"}


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "big.xlsx"
    rows = ([index, "张文"] for index in range(5000))
    with pytest.raises(Cancelled):
        write_workbook(target, [Sheet("大表", ["序号", "姓名"], rows)], cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_a_number_columns_unit_goes_into_its_header(session: Session, tmp_path: Path) -> None:
    from sqlalchemy import Select

    from app.db.listing import ListColumn, Listing
    from app.db.models import ServiceProvision

    class Amounts(Listing):
        model = ServiceProvision

        def columns(self) -> list[ListColumn]:
            return [ListColumn("amount", lambda: "金额", ServiceProvision.amount, unit="元")]

        def base(self) -> Select:  # type: ignore[type-arg]
            return select(ServiceProvision.id)

    exported = export_lists(session, tmp_path / "a.xlsx", [ListExport(Amounts(), "金额")])
    assert openpyxl.load_workbook(exported.path).active["A3"].value == "金额 (元)"
