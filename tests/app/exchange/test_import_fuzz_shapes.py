"""Importer fuzz beside test_import_fuzz.py, over what that one leaves out: the wide
monthly team tables, several sheets, merged cells, tab / LF / CR / DEL / zero-width
characters, huge and non-finite numbers. Nothing raises but the typed errors of
app/errors.py, and an import refused as a whole changes no table. Random bytes on the
command line are exit code 1."""

from __future__ import annotations

import io
import math
from datetime import date, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import cli
from app.db.base import Base
from app.errors import LedgerError
from app.exchange.importing import ImportOptions
from app.exchange.imports import commit, preview
from app.exchange.reading import read_workbook
from app.records import commands
from app.records.settings import clerk_actor
from app.roster.staff import STAFF
from tests.app.exchange.workbooks import ZHANG
from tests.app.helpers import run

HEADERS = {
    "staff": ["姓名", "身份证号", "性别", "领域", "派出单位", "受援单位", "到岗时间",
              "期满时间", "联系电话", "帮扶团队", "状态", "领队"],
    "services": ["姓名", "身份证号", "受援单位", "服务项目", "落实日期", "金额", "经办人", "备注"],
    "mentorships": ["导师", "徒弟", "徒弟单位", "结对日期", "结束日期", "培养目标"],
    "outcomes": ["姓名", "帮扶团队", "指标", "领域", "日期", "期间", "数值", "说明", "亮点"],
    "wide": ["姓名", "身份证号", "手术（例）", "门急诊诊疗", "听评课（节）", "会诊（次）"],
}  # fmt: skip
PLAUSIBLE = ["张文", "李　娜", "ＺＨＡＮＧ", "医疗", "教育", "男", "女", "生活补助发放",
             "手术", "听评课", "医疗帮扶队", "2024-09", "2024Q3", "2022年7月1日", "2022.7",
             "20220701", "1,234", "１２", "合计", "制表人：王丽", "—", ZHANG, ZHANG[:-1] + "X",
             "扎赉特旗人民医院", "北京丰台医院", "是", "否", "在岗", "=1+1", "\u3000"]  # fmt: skip
# Text as clerks' files hold it; XML cannot carry most C0 controls (openpyxl refuses
# them), so of those only tab, LF and CR are written, with DEL and zero-width marks.
ALPHABET = st.sampled_from(
    list("张李王赵文娜强队医疗教育手术合计年月日") + list("ＡＢ１２３（）：　")
    + list("ab19-/.,: ") + ["\t", "\n", "\r", "\x7f", "\u200b", "\ufeff", "\U0001f600"]
)  # fmt: skip
CELLS = st.one_of(
    st.none(),
    st.sampled_from(PLAUSIBLE),
    st.text(ALPHABET, max_size=12),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1.52223e17, 1e308, -0.0, 5e-324, 12.5]),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 12, 31)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31)),
)


@st.composite
def workbooks(draw: st.DrawFn, kind: str) -> list[tuple[str, list[list[Any]], list[str]]]:
    """Sheets of (name, rows, merges): a title row or none, a header drawn from the
    kind's spellings (shuffled, some left out) or random cells, then random rows."""
    sheets = []
    for index in range(draw(st.integers(1, 2))):
        headers = draw(st.lists(st.sampled_from(HEADERS[kind]), min_size=1, unique=True))
        if draw(st.booleans()):
            headers = [draw(CELLS) if draw(st.integers(0, 4)) == 0 else h for h in headers]
        width = len(headers)
        rows: list[list[Any]] = []
        if draw(st.booleans()):
            rows.append([draw(st.sampled_from(["2024年9月 工作量", "名册", None]))])
        rows.append(headers)
        rows += draw(st.lists(st.lists(CELLS, min_size=width, max_size=width), max_size=6))
        merges = []
        if len(rows) > 1 and width > 1 and draw(st.booleans()):
            top = draw(st.integers(1, len(rows)))
            left = draw(st.integers(1, width - 1))
            merges.append(f"{get_column_letter(left)}{top}:{get_column_letter(left + 1)}{top}")
        name = draw(st.sampled_from(["医疗队", "花名册", "Sheet", "填表说明", "成效"]))
        sheets.append((f"{name}{index}", rows, merges))
    return sheets


def save(sheets: list[tuple[str, list[list[Any]], list[str]]], path: Path) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows, merges in sheets:
        ws = workbook.create_sheet(name)
        for row in rows:
            ws.append([_storable(value) for value in row])
        for cells in merges:
            ws.merge_cells(cells)
    workbook.save(path)
    return path


def _storable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # a file cannot hold nan/inf as a number: as Excel shows #NUM!
    return value


def table_counts(session: Session) -> dict[str, int]:
    return {
        table.name: session.scalar(select(func.count()).select_from(table)) or 0
        for table in Base.metadata.sorted_tables
    }


@pytest.fixture
def roster(session: Session) -> Session:
    for name, field, id_number in (("张文", "medical", ZHANG), ("李娜", "education", None)):
        values = {"name": name, "field": field, "start_date": date(2022, 7, 1)}
        run(session, commands.create, STAFF, {**values, "id_number": id_number})
    return session


def import_once(session: Session, path: Path, what: str, strict: bool) -> None:
    """Preview and commit; only typed errors, and a refused import writes nothing."""
    before = table_counts(session)
    try:
        book = read_workbook(path)
        options = ImportOptions(period="2024-09" if strict else None)
        planned = preview(session, clerk_actor(session), book, what, options)
    except LedgerError as error:
        event(f"not previewed: {type(error).__name__}")
        assert table_counts(session) == before
        return
    assert table_counts(session) == before  # the preview writes nothing
    event(f"previewed, {len(planned.rows)} rows, {len(planned.errors)} refused")
    try:
        run(
            session,
            commit,
            book,
            what,
            planned,
            options=options,
            strict=strict,
            confirmed=planned.cautions,
        )
    except LedgerError as error:
        event(f"refused as a whole: {type(error).__name__}")
        assert table_counts(session) == before  # refused as a whole: nothing changed
    else:
        event("committed" if table_counts(session) != before else "committed nothing")


FUZZ = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("kind", ["staff", "services", "mentorships", "outcomes", "wide"])
def test_random_workbooks_meet_only_typed_errors_and_refusals_change_nothing(
    roster: Session, kind: str
) -> None:
    what = "outcomes" if kind == "wide" else kind

    @FUZZ
    @given(workbooks(kind), st.booleans())
    def fuzz(sheets: list[tuple[str, list[list[Any]], list[str]]], strict: bool) -> None:
        with TemporaryDirectory() as folder:
            import_once(roster, save(sheets, Path(folder) / "随机.xlsx"), what, strict)

    fuzz()


def test_random_bytes_on_the_command_line_are_exit_code_1(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "坏文件.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 3)
    err = io.StringIO()
    code = cli.run(["import-staff", str(path), "--db", str(db_path)], out=io.StringIO(), err=err)
    assert code == cli.EXIT_ERROR
    assert err.getvalue().startswith("Error: ") and "坏文件.xls" in err.getvalue()
