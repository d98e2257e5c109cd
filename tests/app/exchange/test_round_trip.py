"""The acceptance round trip of issue #11: `export --what all --full-id` from the demo
ledger, the four imports of that one workbook into an empty ledger (each finding its own
sheet), the same export again: the two workbooks hold the same data, cell by cell."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select

from app import cli
from app.db.ledger import Ledger
from app.db.models import Team
from app.outcomes.grid import PeriodCell, save_period_values
from tests.app.helpers import metric_id, run, staff_id
from ui.i18n import install_core_translator


def command(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), out=out, err=err)
    assert code == cli.EXIT_OK, (argv, out.getvalue(), err.getvalue())
    return code, out.getvalue()


def cells(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cells under the title row (whose date may differ)."""
    workbook = openpyxl.load_workbook(path)
    found = {}
    for ws in workbook.worksheets:
        assert str(ws["A1"].value).startswith("扎赉特旗委组织部")
        found[ws.title] = [list(row) for row in ws.iter_rows(min_row=2, values_only=True)]
    return found


def add_period_figures(demo: Path) -> None:
    """Figures of the outcome grid (a month, a quarter, a team's) beside the dated ones."""
    with Ledger.open(demo) as ledger, ledger.session() as session:
        zhang, surgery = staff_id(session, "张文"), metric_id(session, "手术")
        team = session.scalars(select(Team.id).order_by(Team.id)).first()
        run(session, save_period_values, "2024-08", [PeriodCell(zhang, None, surgery, 7)])
        run(
            session,
            save_period_values,
            "2024Q3",
            [PeriodCell(zhang, None, surgery, "1,250"), PeriodCell(None, team, surgery, 30)],
        )


def test_export_all_import_every_sheet_and_export_again_gives_the_same_cells(
    demo_path: Path, db_path: Path, tmp_path: Path
) -> None:
    install_core_translator("zh_CN")  # as a clerk runs it: Chinese headers and sheets
    add_period_figures(demo_path)
    first, second = tmp_path / "第一次.xlsx", tmp_path / "第二次.xlsx"
    export = ("export", "--what", "all", "--full-id")
    command(*export, "--xlsx", str(first), "--db", str(demo_path))
    with Ledger.open(db_path) as ledger, ledger.session() as session:  # the same office name
        from app.records.settings import get_setting, save_settings

        with Ledger.open(demo_path) as demo, demo.session() as demo_session:
            office = get_setting(demo_session, "office_name")
        run(session, save_settings, {"office_name": office})
    reports = [
        command(name, str(first), "--db", str(db_path))[1].splitlines()[0]
        for name in ("import-staff", "import-services", "import-outcomes", "import-mentorships")
    ]
    before = cells(first)
    sizes = [len(before[sheet]) - 2 for sheet in before]  # less the blank and header rows
    assert [report.split("：")[1].split("，")[0] for report in reports] == [
        f"新增 {size} 行" for size in sizes
    ]
    assert all("拒绝 0 行" in report for report in reports)
    command(*export, "--xlsx", str(second), "--db", str(db_path))
    after = cells(second)
    assert list(after) == ["帮扶人才", "服务记录", "工作成效", "师徒结对"]
    for sheet, rows in before.items():
        assert len(after[sheet]) == len(rows), sheet
        for number, (was, now) in enumerate(zip(rows, after[sheet], strict=True), start=2):
            assert was == now, (sheet, number)
    outcomes = before["工作成效"]
    period = outcomes[1].index("期间")
    assert sorted(row[period] for row in outcomes[2:] if row[period]) == [
        "2024-08",
        "2024Q3",
        "2024Q3",
    ]
    id_column = before["帮扶人才"][1].index("身份证号")
    assert all("*" not in str(row[id_column]) for row in before["帮扶人才"][2:] if row[id_column])
