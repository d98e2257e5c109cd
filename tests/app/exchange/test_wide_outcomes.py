"""Monthly team tables (the wide shape): a sheet per team, people down, metrics across,
two-row merged headers, thousands separators, a 合计 row, the period from the title."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import cli
from app.db.ledger import Ledger
from app.db.models import AuditEntry, Batch, Metric, OutcomeEntry, Staff
from app.errors import ValidationError
from app.exchange.importing import ImportOptions, RowStatus
from app.exchange.imports import commit, is_wide, preview
from app.exchange.reading import read_workbook
from app.exchange.wide_outcomes import Figure, plan_wide
from app.exchange.wide_tables import period_from_title, wide_sheets
from app.history.batches import undo_batch
from app.outcomes.entries import OUTCOME
from app.outcomes.grid import PeriodCell, save_period_values
from app.periods import Month, Quarter
from app.records import commands
from app.records.closing import close_quarter
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


def _figures(session: Session) -> dict[tuple[str, str, str | None], Decimal]:
    """Every live entry as (person, metric, period) -> value."""
    rows = session.execute(
        select(Staff.name, Metric.name, OutcomeEntry.period, OutcomeEntry.value)
        .join(Staff, Staff.id == OutcomeEntry.staff_id)
        .join(Metric, Metric.id == OutcomeEntry.metric_id)
        .where(OutcomeEntry.deleted_at.is_(None))
    )
    return {(row[0], row[1], row[2]): row[3] for row in rows}


def _import(session: Session, path: Path, options: ImportOptions | None = None) -> Any:
    options = options or ImportOptions()
    book = read_workbook(path)
    planned = preview(session, clerk_actor(session), book, "outcomes", options)
    return run(
        session, commit, book, "outcomes", planned, options=options, confirmed=planned.cautions
    )


def test_the_commit_saves_the_figures_of_the_period_in_one_import_batch(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    result = _import(session, team_tables(tmp_path / "9月.xlsx"))
    assert result.committed
    assert _figures(session) == {
        ("张文", "手术", "2024-09"): Decimal(3),
        ("张文", "门急诊诊疗", "2024-09"): Decimal(1234),
        ("李娜", "门急诊诊疗", "2024-09"): Decimal(86),
        ("李娜", "会诊", "2024-09"): Decimal(2),
        ("王强", "听评课", "2024-09"): Decimal(12),
        ("王强", "集体教研", "2024-09"): Decimal(4),
    }
    entries = session.scalars(select(OutcomeEntry).where(OutcomeEntry.deleted_at.is_(None))).all()
    assert {entry.date for entry in entries} == {date(2024, 9, 30)}  # the period's last day
    batches = session.scalars(select(Batch)).all()
    assert [(b.kind, b.file_name, b.rows_added, b.rows_updated) for b in batches] == [
        ("import-outcomes", "9月.xlsx", 6, 0)
    ]
    audited = select(AuditEntry).where(AuditEntry.entity == "outcome_entry")
    assert {entry.batch_id for entry in session.scalars(audited)} == {batches[0].id}


def test_a_corrected_table_replaces_the_figures_and_a_blank_cell_clears_nothing(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    _import(session, team_tables(tmp_path / "9月.xlsx"))
    corrected = write_xlsx(
        tmp_path / "9月（更正）.xlsx",
        {"医疗队": [["2024年9月 医疗队"], ["姓名", "手术（例）", "门急诊诊疗（人次）"],
                    ["张文", 5, None], ["李娜", None, "1,086"]]},
    )  # fmt: skip
    second = _import(session, corrected)
    assert [plan.status for plan in second.rows] == [RowStatus.UPDATE, RowStatus.UPDATE]
    figures = _figures(session)
    assert len(figures) == 6  # replaced, not added
    assert figures[("张文", "手术", "2024-09")] == Decimal(5)
    assert figures[("张文", "门急诊诊疗", "2024-09")] == Decimal(1234)  # blank: kept
    assert figures[("李娜", "门急诊诊疗", "2024-09")] == Decimal(1086)
    assert session.scalar(select(func.count()).select_from(OutcomeEntry)) == 6
    again = _import(session, corrected)
    assert [plan.status for plan in again.rows] == [RowStatus.DUPLICATE, RowStatus.DUPLICATE]
    batches = session.scalars(select(Batch).order_by(Batch.id)).all()
    assert [(b.rows_added, b.rows_updated) for b in batches] == [(6, 0), (0, 2), (0, 0)]
    run(session, undo_batch, batches[1].id)  # the correction, undone as a whole
    assert _figures(session) == {**figures, ("张文", "手术", "2024-09"): Decimal(3),
                                 ("李娜", "门急诊诊疗", "2024-09"): Decimal(86)}  # fmt: skip


def test_the_grid_s_save_clears_a_blank_where_the_import_does_not(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    _import(session, team_tables(tmp_path / "9月.xlsx"))
    surgery = metric_id(session, "手术")
    cell = PeriodCell(people["张文"], None, surgery, "")
    saved = run(session, save_period_values, "2024-09", [cell])
    assert (saved.cleared, ("张文", "手术", "2024-09") in _figures(session)) == (1, False)


def test_a_wide_import_into_a_closed_quarter_is_refused_row_by_row(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    run(session, close_quarter, Quarter(2024, 3))
    book = read_workbook(team_tables(tmp_path / "t.xlsx"))
    result = preview(session, clerk_actor(session), book, "outcomes", ImportOptions())
    assert result.counts()[RowStatus.ERROR] == 4
    assert result.rows[0].messages() == [
        "2024Q3 is closed (its summary was reported), so records dated 2024-09-30 cannot "
        "change. Reopen the quarter with a reason first."
    ]


def test_import_outcomes_on_the_command_line_saves_a_wide_table_and_says_what_it_refused(
    db_path: Path, tmp_path: Path
) -> None:
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        for name, field in (("张文", "medical"), ("李娜", "medical"), ("王强", "education")):
            values = {"name": name, "field": field, "start_date": date(2022, 7, 1)}
            run(session, commands.create, STAFF, values)
    path = team_tables(tmp_path / "9月.xlsx")
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["import-outcomes", str(path), "--db", str(db_path)], out=out, err=err)
    assert code == cli.EXIT_REFUSED, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "9月.xlsx: 3 new, 0 updated, 0 unchanged duplicates, 0 with warnings, 1 refused"
    )
    assert "医疗队 row 6: column A (姓名): 赵六 is not on the roster" in lines
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        assert len(_figures(session)) == 6
    out = io.StringIO()
    again = ["import-outcomes", str(path), "--db", str(db_path), "--period", "2024Q3"]
    assert cli.run(again, out=out, err=err) == cli.EXIT_REFUSED
    with Ledger.open(db_path) as ledger, ledger.session() as session:
        periods = sorted({period for _, _, period in _figures(session)})
    assert periods == ["2024-09", "2024Q3"]  # the period given wins over the titles


def test_a_corrected_mapping_of_a_team_sheet_is_used_and_remembered(
    session: Session, people: dict[str, int], tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "9月.xlsx",
        {"医疗队": [["2024年9月"], ["姓名", "手术（例）", "门诊量（人次）"], ["张文", 3, "1,234"]]},
    )
    book = read_workbook(path)
    (found,) = wide_sheets(session, book, ImportOptions())
    assert found.layout.mapping == {0: "name", 1: "metric:手术"}  # 门诊量: no such metric
    options = ImportOptions(
        mappings={"医疗队": {0: "name", 1: "metric:手术", 2: "metric:门急诊诊疗"}}
    )
    planned = preview(session, clerk_actor(session), book, "outcomes", options)
    run(session, commit, book, "outcomes", planned, options=options)
    assert _figures(session)[("张文", "门急诊诊疗", "2024-09")] == Decimal(1234)
    (again,) = wide_sheets(session, book, ImportOptions())  # the next file, same headers
    assert again.layout.mapping == {0: "name", 1: "metric:手术", 2: "metric:门急诊诊疗"}
