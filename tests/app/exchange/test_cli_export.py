"""`export --what staff|services|outcomes|mentorships|coverage|all` on the demo ledger:
each list's sheet with the columns its page exports, `--quarter` keeping the dated
ledgers to that quarter, the coverage matrix with its percentages, one workbook for all."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from app import cli
from app.db.ledger import Ledger
from app.db.models import Mentorship, OutcomeEntry, ServiceProvision, Staff

ROOT = Path(__file__).resolve().parents[3]
Q3_START, Q3_END = date(2024, 7, 1), date(2024, 9, 30)


def export(db: Path, path: Path, *options: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["export", "--xlsx", str(path), "--db", str(db), *options], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def table(ws: openpyxl.worksheet.worksheet.Worksheet) -> tuple[list[str], list[list[object]]]:
    """The header (row 3, under the title row and a blank one) and the data rows."""
    rows = [list(row) for row in ws.iter_rows(min_row=3, values_only=True)]
    return [str(value) for value in rows[0]], rows[1:]


def counts(db: Path) -> dict[str, int]:
    """The rows each list of 2024Q3 should hold, counted straight from the tables."""
    with Ledger.open(db) as ledger, ledger.session() as session:
        live = Staff.deleted_at.is_(None)

        def count(statement: object) -> int:
            return session.scalar(statement) or 0  # type: ignore[call-overload]

        return {
            "staff": count(select(func.count()).select_from(Staff).where(live)),
            "services": count(
                select(func.count())
                .select_from(ServiceProvision)
                .join(Staff)
                .where(
                    live,
                    ServiceProvision.deleted_at.is_(None),
                    ServiceProvision.date.between(Q3_START, Q3_END),
                )
            ),
            "outcomes": count(
                select(func.count())
                .select_from(OutcomeEntry)
                .where(
                    OutcomeEntry.deleted_at.is_(None),
                    OutcomeEntry.date.between(Q3_START, Q3_END),
                )
            ),
            "mentorships": count(
                select(func.count())
                .select_from(Mentorship)
                .join(Staff, Staff.id == Mentorship.mentor_id)
                .where(
                    live,
                    Mentorship.deleted_at.is_(None),
                    Mentorship.start_date <= Q3_END,
                    (Mentorship.end_date.is_(None)) | (Mentorship.end_date >= Q3_START),
                )
            ),
        }


HEADERS = {
    "services": [
        "Date", "Staff", "Field", "Team", "Service", "Details", "Amount (yuan)", "Handled by",
        "Notes",
    ],
    "outcomes": [
        "Date", "Staff", "Team", "Field", "Metric", "Value", "Unit", "Highlight", "Description",
        "Period",
    ],
    "mentorships": [
        "Mentor", "Field", "Mentee", "Mentee unit", "Start date", "End date", "Goal", "Result",
    ],
}  # fmt: skip


def test_each_ledger_is_exported_with_its_pages_columns_and_kept_to_the_quarter(
    demo_path: Path, tmp_path: Path
) -> None:
    expected = counts(demo_path)
    assert min(expected.values()) > 0
    for what, headers in HEADERS.items():
        path = tmp_path / f"{what}.xlsx"
        code, out, _ = export(demo_path, path, "--what", what, "--quarter", "2024Q3")
        assert code == 0 and out.startswith(f"{expected[what]} rows exported to ")
        workbook = openpyxl.load_workbook(path)
        assert len(workbook.worksheets) == 1
        ws = workbook.active
        assert str(ws["A1"].value).startswith("扎赉特旗委组织部")
        found, rows = table(ws)
        assert (found, len(rows)) == (headers, expected[what]), what
        assert ws.page_setup.orientation == "landscape" and ws.oddFooter.center.text
        day = headers.index("Start date" if what == "mentorships" else "Date")
        for number, row in enumerate(rows, start=4):
            assert isinstance(row[day], datetime), (what, number)
            assert ws.cell(number, day + 1).number_format == "yyyy-mm-dd"
            if what != "mentorships":
                assert Q3_START <= row[day].date() <= Q3_END  # type: ignore[union-attr]
    _, services = table(openpyxl.load_workbook(tmp_path / "services.xlsx").active)
    assert {type(row[6]) for row in services if row[6] is not None} <= {int, float}
    _, outcomes = table(openpyxl.load_workbook(tmp_path / "outcomes.xlsx").active)
    assert {type(row[5]) for row in outcomes if row[5] is not None} <= {int, float}


def test_all_is_one_workbook_a_sheet_per_list_and_the_quarters_coverage(
    demo_path: Path, tmp_path: Path
) -> None:
    code, _, _ = export(demo_path, tmp_path / "all.xlsx", "--what", "all", "--quarter", "2024Q3")
    assert code == 0
    workbook = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert workbook.sheetnames == [
        "Staff", "Service records", "Outcomes", "Mentorships", "Coverage 2024Q3",
    ]  # fmt: skip
    staff_headers, staff = table(workbook["Staff"])
    assert len(staff) == counts(demo_path)["staff"]  # the roster is not dated: all of it
    id_column = staff_headers.index("ID number") + 1
    assert {
        workbook["Staff"].cell(row, id_column).data_type for row in range(4, 4 + len(staff))
    } == {"s"}
    coverage = workbook["Coverage 2024Q3"]
    rows = [list(row) for row in coverage.iter_rows(values_only=True)]
    header = next(row for row in rows if row[0] == "Name")
    assert header[:3] == ["Name", "Field", "Team"] and header[-1] == "Done"
    last = rows[-1]
    assert last[0] == "Coverage" and all(
        str(cell).endswith("%") or cell == "—" for cell in last[3:-1]
    )  # per service: covered / eligible and percent
    people = rows[rows.index(header) + 1 : -1]
    assert people and all(str(row[-1]).endswith("%") for row in people)  # per person
    assert coverage.page_setup.orientation == "landscape"
    code, _, _ = export(demo_path, tmp_path / "no-q.xlsx", "--what", "all")
    assert code == 0
    assert len(openpyxl.load_workbook(tmp_path / "no-q.xlsx").sheetnames) == 4


def test_coverage_needs_a_quarter_wrong_usage_in_chinese(demo_path: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--what", "coverage",
         "--xlsx", str(tmp_path / "c.xlsx"), "--db", str(demo_path)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert done.returncode == cli.EXIT_USAGE
    assert done.stderr.strip() == "错误：导出覆盖矩阵需要 --quarter（例如 --quarter 2024Q3）"
    assert not (tmp_path / "c.xlsx").exists()
    code, _, _ = export(demo_path, tmp_path / "c.xlsx", "--what", "coverage", "--quarter", "2024Q3")
    assert code == 0
    assert openpyxl.load_workbook(tmp_path / "c.xlsx").sheetnames == ["Coverage 2024Q3"]
