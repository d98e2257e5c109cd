from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from app import cli
from app.reports.workbook import write_summary_workbook
from tests.app.summary_samples import charts, recent, summary


@pytest.fixture
def workbook(tmp_path: Path) -> openpyxl.Workbook:
    path = write_summary_workbook(tmp_path / "summary.xlsx", summary(), charts(summary(), recent()))
    return openpyxl.load_workbook(path)


def table(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[list[object]]:
    """The rows from the header down (the notes above it are the title and period)."""
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    return rows[4:]


def test_a_sheet_per_section_with_the_title_above(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["Staff", "Services", "Outcomes", "Highlights", "Mentorships"]
    for ws in workbook:
        assert ws["A1"].value.startswith("扎赉特旗 “group-style”") and ws["A1"].font.b
        assert ws["A2"].value == "Office: 旗委组织部<人才科>    Made on: 10/8/2024    Clerk: 王丽"
        assert ws["A3"].value == "Period: 7/1/2024 to 9/30/2024"
        assert ws.freeze_panes == "A6" and int(ws.page_setup.paperSize) == 9
        assert ws.page_setup.fitToWidth == 1


def test_staff_services_and_mentorships_are_numbers(workbook: openpyxl.Workbook) -> None:
    assert table(workbook["Staff"])[:2] == [
        [
            *("Medical", "Education", "Science & Technology", "General", "Total on duty"),
            *("Arrived in the quarter", "Departed in the quarter"),
        ],
        [7, 6, 5, 1, 19, 2, 1],
    ]
    services = table(workbook["Services"])
    assert services[0] == ["Service", "Rule", "Provisions", "Eligible", "Covered", "Coverage"]
    assert services[2] == ["免费健康体检", "Yearly", 4, 19, 13, pytest.approx(13 / 19)]
    assert services[4] == ["子女入学入托协调", "On demand", 1, "—", "—", "—"]
    assert workbook["Services"]["F7"].number_format == "0.0%"
    assert table(workbook["Mentorships"])[1] == [12, 3]


def test_outcomes_with_change_and_progress_in_percent(workbook: openpyxl.Workbook) -> None:
    ws = workbook["Outcomes"]
    rows = table(ws)
    assert rows[0] == [
        "Field",
        "Metric",
        "Unit",
        "This quarter",
        "Previous quarter",
        "Change (%)",
        "Year to date",
        "Cumulative",
        "Target for the year",
        "Progress (%)",
    ]
    assert rows[1] == ["Medical", "手术", "例", 9, 8, 12.5, 25, 71, 40, 62.5]
    assert rows[5] == [
        "Science & Technology",
        "亩产",
        "公斤/亩",
        "—",
        "—",
        "—",
        "—",
        608.9,
        "—",
        "—",
    ]
    assert ws["F6"].number_format == "0.0" and ws["J6"].number_format == "0.0"


def test_highlights_keep_their_text(workbook: openpyxl.Workbook) -> None:
    rows = table(workbook["Highlights"])
    assert rows[1][1:] == ["张文", "为七旬患者完成微创手术 <首例> & 当天下地"]
    assert rows[1][0].date().isoformat() == "2024-08-12"


def test_charts_sit_below_their_tables(workbook: openpyxl.Workbook) -> None:
    counts = {ws.title: len(ws._images) for ws in workbook}
    assert counts == {"Staff": 1, "Services": 1, "Outcomes": 1, "Highlights": 0, "Mentorships": 0}
    image = workbook["Services"]._images[0]
    assert image.anchor._from.row >= 5 + 5  # below the five services


def test_report_xlsx_from_the_command_line(demo_path: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    code = cli.run(
        [
            "report",
            "--quarter",
            "2024Q3",
            "--xlsx",
            str(tmp_path / "s.xlsx"),
            "--db",
            str(demo_path),
        ],
        out=out,
    )
    assert code == cli.EXIT_OK and "Summary saved to" in out.getvalue()
    assert openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames[0] == "Staff"
