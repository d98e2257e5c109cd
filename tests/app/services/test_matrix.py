"""The coverage matrix: cells, dates and percents by hand on report_dataset; column
figures equal to `report --json` on the demo; the same cells in the Excel workbook."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy.orm import Session

from app import cli
from app.db.ledger import Ledger
from app.db.vocabulary import CoverageStatus
from app.exchange.coverage_workbook import write_coverage_workbook
from app.periods import Quarter
from app.services.matrix import cell_text, coverage_matrix, figures_text, percent_text
from tests.app.report_dataset import Dataset, build_dataset

Q3 = Quarter(2024, 3)
AS_OF = date(2024, 10, 8)


@pytest.fixture
def data(session: Session) -> Dataset:
    return build_dataset(session)


def test_the_2024q3_matrix_by_hand(session: Session, data: Dataset) -> None:
    matrix = coverage_matrix(session, Q3, as_of=AS_OF)
    assert [c.name for c in matrix.columns] == ["公寓", "体检", "慰问", "走访", "补助", "入学协调"]
    # by field (医疗, 教育, 科技), then name in 拼音 (jiǎ, yǐ; bǐng, dīng; wù); 己 left in
    # June, 庚 comes in October
    shown = {row.name: [cell_text(cell) for cell in row.cells] for row in matrix.rows}
    assert list(shown) == ["甲", "乙", "丙", "丁", "戊"]
    assert shown == {
        "乙": ["✓ 07-20", "✓ 07-15", "✓ 07-01", "✓ 09-30", "✗ Overdue", "—"],
        "甲": ["✓ 01-05", "✓ 05-14", "○ Due", "✗ Overdue", "✓ 09-10", "—"],
        "丁": ["✗ Overdue", "✓ 09-30", "○ Due", "✗ Overdue", "✓ 09-10", "—"],
        "丙": ["✗ Overdue", "✗ Overdue", "✓ 09-15", "✓ 07-01", "✓ 09-30", "—"],
        "戊": ["✓ 06-03", "✓ 01-10", "✓ 08-01", "✗ Overdue", "✓ 08-05", "—"],
    }
    assert [percent_text(row.rate) for row in matrix.rows] == ["60%", "80%", "60%", "40%", "80%"]
    assert [figures_text(column) for column in matrix.columns] == [
        "3/5 60%",
        "4/5 80%",
        "3/5 60%",
        "2/5 40%",
        "4/5 80%",
        "—",
    ]
    first = matrix.rows[0].cells[0]  # 甲's apartment, 5 January 2023, opens that provision
    assert (first.status, first.day) == (CoverageStatus.DONE, date(2023, 1, 5))
    assert first.provision_id is not None
    assert matrix.counts() == {
        CoverageStatus.DONE: 16,
        CoverageStatus.DUE: 2,
        CoverageStatus.OVERDUE: 7,
        CoverageStatus.NOT_APPLICABLE: 5,
    }


def test_filtering_by_field_narrows_rows_and_figures(session: Session, data: Dataset) -> None:
    matrix = coverage_matrix(session, Q3, field="education", as_of=AS_OF)
    assert [row.name for row in matrix.rows] == ["丙", "丁"]
    assert [(c.eligible, c.covered) for c in matrix.columns] == [
        (2, 0),
        (2, 1),
        (2, 1),
        (2, 1),
        (2, 2),
        (None, None),
    ]
    assert coverage_matrix(session, Q3, team_id=999, as_of=AS_OF).rows == ()


@pytest.mark.parametrize("quarter", ["2023Q1", "2023Q3", "2024Q1", "2024Q2", "2024Q4"])
def test_column_figures_equal_report_json_on_the_demo(demo_path: Path, quarter: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert (
        cli.run(
            ["report", "--db", str(demo_path), "--quarter", quarter, "--json"], out=out, err=err
        )
        == 0
    )
    printed = [
        (line["service"], line["rule"], line["eligible"], line["covered"], line["coverage"])
        for line in json.loads(out.getvalue())["services"]
    ]
    with Ledger.open(demo_path) as ledger, ledger.session() as session:
        matrix = coverage_matrix(session, Quarter.parse(quarter))
    assert [
        (c.name, c.rule.value, c.eligible, c.covered, c.rate) for c in matrix.columns
    ] == printed
    assert len(printed) == 10 and any(line[3] for line in printed)  # not all empty
    assert all(len(row.cells) == 10 for row in matrix.rows)


def test_the_workbook_holds_the_same_cells_and_a_legend(
    session: Session, data: Dataset, tmp_path: Path
) -> None:
    matrix = coverage_matrix(session, Q3, as_of=AS_OF)
    sheet = openpyxl.load_workbook(write_coverage_workbook(tmp_path / "m.xlsx", matrix)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Service coverage 2024Q3 (as of 2024-10-08)"
    assert [line[0] for line in values[1:5]] == [
        "✓ Done: received in the rule's period (the date of the provision)",
        "○ Due: not yet received; its period is still open",
        "✗ Overdue: not received and its period has passed (a once-service: 30 days after arrival)",
        "— Not applicable: a service on demand has no period",
    ]
    header = values.index(next(row for row in values if row[0] == "Name"))
    assert values[header][3:] == (
        "公寓 (Once per assignment)",
        "体检 (Yearly)",
        "慰问 (Half-yearly)",
        "走访 (Quarterly)",
        "补助 (Monthly)",
        "入学协调 (On demand)",
        "Done",
    )
    assert values[header + 1][0] == "甲"  # 拼音 order: jiǎ before yǐ
    assert values[header + 2] == (
        "乙",
        "Medical",
        None,
        "✓ 07-20",
        "✓ 07-15",
        "✓ 07-01",
        "✓ 09-30",
        "✗ Overdue",
        "—",
        "80%",
    )
    assert values[-1][:4] == ("Coverage", None, None, "3/5 60%")
    overdue = sheet.cell(row=header + 3, column=8)  # 乙's 补助 (甲 comes first)
    assert overdue.value == "✗ Overdue" and overdue.fill.start_color.rgb.endswith("F6C4C0")
    assert sheet.page_setup.orientation == "landscape"
