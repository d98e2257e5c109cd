"""Monthly team tables (the wide shape): a sheet per team, people down, metrics across,
two-row merged headers, thousands separators, a 合计 row, the period from the title."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.errors import Refusal, ValidationError
from app.exchange.importing import ImportOptions, RowStatus
from app.exchange.imports import commit, is_wide, preview
from app.exchange.reading import read_workbook
from app.exchange.wide_outcomes import Figure, period_from_title, plan_wide, wide_sheets
from app.outcomes.entries import OUTCOME
from app.periods import Month, Quarter
from app.records import commands
from app.records.settings import clerk_actor
from app.records.work import Work
from app.roster.staff import STAFF
from tests.app.exchange.workbooks import write_xlsx
from tests.app.helpers import metric_id, run


def team_tables(path: Path) -> Path:
    medical = [
        ["扎赉特旗人民医院医疗队2024年9月工作量统计表"],
        ["姓名", "手术", "门急诊诊疗", "会诊"],
        [None, "例", "人次", "次"],
        ["张文", 3, "1,234", None],
        ["李　娜", "—", "８６", 2],
        ["赵六", 1, 10, 1],
        ["合计", 4, "1,320", 3],
        ["填表人：王丽"],
    ]
    education = [
        ["教育组团工作成效（2024年9月）"],
        ["序号", "姓名", "听评课（节）", "集体教研（次）"],
        [1, "王强", 12, 4],
        [2, "", None, None],
        ["合  计", None, 12, 4],
    ]
    return write_xlsx(
        path,
        {"填表说明": [["每队一张表"]], "医疗队": medical, "教育组": education},
        merges={"医疗队": ["A1:D1", "A2:A3"], "教育组": ["A1:D1"]},
    )


@pytest.fixture
def people(session: Session) -> dict[str, int]:
    def person(name: str, field: str) -> int:
        values = {"name": name, "field": field, "start_date": date(2022, 7, 1)}
        return run(session, commands.create, STAFF, values)

    return {"张文": person("张文", "medical"), "李娜": person("李娜", "medical"),
            "王强": person("王强", "education")}  # fmt: skip


def test_every_team_sheet_is_read_into_figures_of_its_period(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    book = read_workbook(team_tables(tmp_path / "9月.xlsx"))
    assert is_wide(session, book, "outcomes", ImportOptions())
    sheets = wide_sheets(session, book, ImportOptions())
    assert [(wide.sheet.name, wide.period) for wide in sheets] == [
        ("医疗队", Month(2024, 9)),
        ("教育组", Month(2024, 9)),
    ]
    assert sheets[0].layout.headers == ["姓名", "手术（例）", "门急诊诊疗（人次）", "会诊（次）"]
    result = preview(session, clerk_actor(session), book, "outcomes", ImportOptions())
    assert result.skipped == 4  # two 合计 rows, the footer, a row with only its number
    fates = [
        (plan.source.sheet, plan.source.row, plan.status, plan.messages()) for plan in result.rows
    ]
    assert fates == [
        ("医疗队", 4, RowStatus.NEW, []),
        ("医疗队", 5, RowStatus.NEW, []),
        ("医疗队", 6, RowStatus.ERROR, ["column A (姓名): 赵六 is not on the roster"]),
        ("教育组", 3, RowStatus.NEW, []),
    ]
    assert result.rows[2].label == "医疗队 row 6"
    surgery, visits, consults = (
        metric_id(session, name) for name in ("手术", "门急诊诊疗", "会诊")
    )
    lessons, research = metric_id(session, "听评课"), metric_id(session, "集体教研")
    assert [plan.cells for plan in result.rows] == [
        [
            Figure(people["张文"], surgery, Decimal(3)),
            Figure(people["张文"], visits, Decimal(1234)),
        ],
        [Figure(people["李娜"], visits, Decimal(86)), Figure(people["李娜"], consults, Decimal(2))],
        [],
        [
            Figure(people["王强"], lessons, Decimal(12)),
            Figure(people["王强"], research, Decimal(4)),
        ],
    ]


def test_the_period_given_wins_over_the_title_and_a_table_without_one_is_refused(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    book = read_workbook(team_tables(tmp_path / "t.xlsx"))
    sheets = wide_sheets(session, book, ImportOptions(period="2024Q3"))
    assert {wide.period for wide in sheets} == {Quarter(2024, 3)}
    untitled = write_xlsx(tmp_path / "u.xlsx", {"医疗队": [["姓名", "手术"], ["张文", 1]]})
    with pytest.raises(ValidationError, match="sheet 医疗队 does not say its month"):
        wide_sheets(session, read_workbook(untitled), ImportOptions())
    layout = sheets[0].layout
    assert period_from_title(sheets[0].sheet, layout) == Month(2024, 9)


def test_a_stored_figure_of_the_period_makes_the_row_an_update(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    values = {
        "staff_id": people["张文"],
        "metric_id": metric_id(session, "手术"),
        "period": "2024-09",
        "value": 2,
    }
    run(session, commands.create, OUTCOME, values)
    book = read_workbook(team_tables(tmp_path / "t.xlsx"))
    with session.begin_nested():
        result = plan_wide(Work(session, clerk_actor(session)), book, ImportOptions())
    assert (result.rows[0].status, result.rows[0].changed) == (RowStatus.UPDATE, ["手术"])


def test_the_commit_goes_through_the_outcome_grids_command(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    book = read_workbook(team_tables(tmp_path / "t.xlsx"))
    result = preview(session, clerk_actor(session), book, "outcomes", ImportOptions())
    with pytest.raises(Refusal, match="arrives with the outcome grid"):
        run(session, commit, book, "outcomes", result, options=ImportOptions())
