"""Reading what clerks hand in: the sheet, the header under titles and merged cells,
cells as Excel stores them (serial dates, numeric ID numbers, full-width text)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from app.exchange.cells import clean_cell, date_cell, lost_id_digits
from app.exchange.layout import choose_sheet, field_matcher, find_layout
from app.exchange.ledger_imports import ServicesImporter
from app.exchange.reading import UnreadableWorkbook, read_workbook
from app.exchange.staff_import import StaffImporter
from tests.app.exchange.workbooks import messy_roster, write_xlsx

STAFF = field_matcher(StaffImporter.fields)


def test_the_roster_sheet_is_chosen_over_the_instructions_and_its_header_found(
    tmp_path: Path,
) -> None:
    book = read_workbook(messy_roster(tmp_path / "r.xlsx"))
    assert [sheet.name for sheet in book.sheets] == ["填表说明", "花名册"]
    sheet = choose_sheet(book, STAFF, "staff")
    assert sheet.name == "花名册"
    title = "扎赉特旗“组团式”帮扶人才花名册（2024年）"
    assert sheet.rows[0][:12] == (title,) * 12  # merged across: every cell holds it
    layout = find_layout(sheet, STAFF)
    assert (layout.header_top, layout.header_bottom) == (3, 3)
    assert layout.headers[2] == "姓　名"


def test_each_import_finds_its_own_sheet_in_one_workbook(tmp_path: Path) -> None:
    book = read_workbook(
        write_xlsx(
            tmp_path / "all.xlsx",
            {
                "服务记录": [["落实日期", "帮扶人才", "服务项目", "服务内容"]],
                "帮扶人才": [["姓名", "性别", "派出单位", "受援单位", "到岗日期"]],
            },
        )
    )
    services = field_matcher(ServicesImporter().fields)
    assert choose_sheet(book, STAFF, "staff").name == "帮扶人才"
    assert choose_sheet(book, services, "services").name == "服务记录"


def test_a_two_row_header_with_cells_merged_down_and_units_below(tmp_path: Path) -> None:
    def match(text: str) -> str | None:
        return {"姓名": "name", "手术": "surgery", "门急诊诊疗": "visits"}.get(text.split("（")[0])

    path = write_xlsx(
        tmp_path / "w.xlsx",
        {
            "医疗队": [
                ["医疗队2024年9月工作成效统计表"],
                ["姓名", "手术", "门急诊诊疗"],
                [None, "例", "（人次）"],
                ["张文", 3, "1,200"],
            ]
        },
        merges={"医疗队": ["A1:C1", "A2:A3"]},
    )
    layout = find_layout(read_workbook(path).sheets[0], match)
    assert (layout.header_top, layout.first_row) == (2, 4)
    assert layout.headers == ["姓名", "手术（例）", "门急诊诊疗（人次）"]
    assert layout.mapping == {0: "name", 1: "surgery", 2: "visits"}


def test_a_unit_merged_down_several_rows_belongs_to_each(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "m.xlsx",
        {
            "名册": [
                ["姓名", "受援单位"],
                ["张文", "扎赉特旗人民医院"],
                ["李娜", None],
                ["王强", None],
            ]
        },
        merges={"名册": ["B2:B4"]},
    )
    sheet = read_workbook(path).sheets[0]
    assert [row[1] for row in sheet.rows[1:]] == ["扎赉特旗人民医院"] * 3


def test_cells_as_excel_stores_them() -> None:
    assert date_cell(45535) == date(2024, 8, 31)  # a serial (day 45535 since 1899-12-30)
    assert date_cell(datetime(2024, 8, 31, 0, 0)) == date(2024, 8, 31)
    assert date_cell(20240831) == 20240831  # yyyymmdd typed as a number: left for parse_date
    assert date_cell(2024.8) == 2024.8
    assert clean_cell("　ＺＨＯＵ\u00a0 Ｑｉ１２ ") == "ZHOU Qi12"
    assert clean_cell("   ") is None
    assert clean_cell("北京市（丰台区）") == "北京市（丰台区）"  # only digits and letters fold
    lost = "Excel stored this ID number as a number (1.52223E+17) and lost its last digits"
    for value in (152223199001011000, 1.52223199001011e17, "1.52223E+17"):
        assert (lost_id_digits(value) or "").startswith(lost)
    assert lost_id_digits("152223199001011234") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,id\n", r"is not an Excel workbook \(\.xlsx or \.xls\)"),
        (b"PK\x03\x04 not really a zip", "could not be read as a workbook"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused_with_the_reason(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableWorkbook, match=message):
        read_workbook(path)


def test_no_header_row_says_so(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", {"表": [["甲", "乙"], [1, 2]]})
    with pytest.raises(UnreadableWorkbook, match="No header row found in sheet 表"):
        find_layout(read_workbook(path).sheets[0], STAFF)
