"""Fuzz the importers (DESIGN §8): random bytes as a workbook, and random workbooks
with real headers over cells of every type. Nothing may raise but the app's typed
errors, and an import that is refused leaves every table as it was."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.ledger import Ledger
from app.errors import LedgerError
from app.exchange.aliases import MENTORSHIP_ALIASES, OUTCOME_ALIASES, SERVICE_ALIASES, STAFF_ALIASES
from app.exchange.importing import ImportOptions, Preview, RowStatus
from app.exchange.imports import IMPORTERS, commit, is_wide, preview
from app.exchange.reading import read_workbook
from app.records.settings import clerk_actor
from tests.app.exchange.workbooks import write_xlsx
from tests.app.helpers import run

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
HEADERS = {
    "staff": STAFF_ALIASES,
    "services": SERVICE_ALIASES,
    "mentorships": MENTORSHIP_ALIASES,
    "outcomes": OUTCOME_ALIASES,
}
TABLES = {
    "staff": "staff",
    "services": "service_provision",
    "mentorships": "mentorship",
    "outcomes": "outcome_entry",
}
# What a worksheet can hold (no control characters).
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
# Values the demo ledger knows, by field (so that many rows match), among arbitrary ones.
PLAUSIBLE: dict[str, list[Any]] = {
    "name": ["张文", "李慧敏", "王志强", "新来的人"],
    "team": ["医疗团队"],
    "receiving_unit": ["扎赉特旗人民医院", "新的单位"],
    "sending_unit": ["北京丰台医院"],
    "field": ["医疗", "教育", "科技"],
    "gender": ["男", "女"],
    "service": ["人才公寓", "免费健康体检"],
    "metric": ["手术", "门诊诊疗", "教师培训"],
    "mentee_name": ["巴特尔"],
    "value": [3, "12", "1,200"],
    "is_highlight": ["是", "否"],
}
DATES = [date(2024, 8, 15), "2024-07-01", "2024.5.10", datetime(2023, 3, 1, 9, 30)]
CELL = st.one_of(
    st.none(),
    TEXT,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.times().map(lambda value: time(value.hour, value.minute)),
    st.sampled_from(["2024-09", "2024Q3", "2024.5.10", "1,200", "１２", " 7 ", "#N/A", "=1+1"]),
)


def counts(session: Session) -> dict[str, int]:
    return {
        table.name: session.scalar(select(func.count()).select_from(table)) or 0
        for table in Base.metadata.sorted_tables
    }


def plausible(key: str, *, clean: bool) -> st.SearchStrategy[Any]:
    """A cell for a column: what such a column holds, or (when not clean) anything."""
    known = PLAUSIBLE.get(key) or (DATES if "date" in key or "end" in key else [None])
    return st.sampled_from(known) if clean else st.one_of(st.sampled_from(known), CELL)


@st.composite
def workbooks(draw: st.DrawFn) -> tuple[str, list[list[Any]]]:
    """An import kind and a sheet: a title row sometimes, a header row of that kind's
    real column names (mostly with the required ones, sometimes strangers), then rows of
    plausible values and anything."""
    what = draw(st.sampled_from(sorted(IMPORTERS)))
    required = [spec.key for spec in IMPORTERS[what]().fields if spec.required]
    others = draw(st.permutations(sorted(set(HEADERS[what]) - set(required))))
    chosen = others[: draw(st.integers(min_value=0, max_value=len(others)))]
    if draw(st.integers(min_value=0, max_value=4)):  # mostly every required column
        chosen = draw(st.permutations([*required, *chosen]))
    header = [draw(st.sampled_from(HEADERS[what][key])) for key in chosen]
    header += draw(st.lists(TEXT, max_size=2))
    rows: list[list[Any]] = [["2024年台账"]] if draw(st.booleans()) else []
    rows.append(list(header))
    width = len(header)
    columns = [*chosen, *[""] * (width - len(chosen))]
    clean, messy = (
        st.tuples(*(plausible(key, clean=clean) for key in columns)).map(list)
        for clean in (True, False)
    )
    rows += draw(st.lists(st.one_of(clean, messy), max_size=8))
    return what, rows


def creations(result: Preview) -> int:
    """The records the preview said the import would create (new rows, and rows with a
    warning the clerk confirmed)."""
    written = (RowStatus.NEW, RowStatus.WARNING)
    return sum(
        plan.status in written and plan.write is not None and plan.write.record_id is None
        for plan in result.rows
    )


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".xlsx", ".xls", ".csv"]))
def test_random_bytes_as_a_workbook_are_refused_with_a_message(
    fuzz_folder: Path, content: bytes, suffix: str
) -> None:
    path = Path(tempfile.mkdtemp(dir=fuzz_folder)) / f"随机{suffix}"
    path.write_bytes(content)
    try:
        read_workbook(path)
    except LedgerError as refused:
        assert str(refused)


@FUZZ
@given(book=workbooks(), strict=st.booleans())
def test_random_workbooks_import_whole_or_change_nothing(
    demo_template: Path, fuzz_folder: Path, book: tuple[str, Sequence[Sequence[Any]]], strict: bool
) -> None:
    what, rows = book
    folder = Path(tempfile.mkdtemp(dir=fuzz_folder))
    path = write_xlsx(folder / "来表.xlsx", {"Sheet1": rows})
    shutil.copy(demo_template, folder / "ledger.db")
    ledger = Ledger.open(folder / "ledger.db")
    try:
        with ledger.session() as session:
            before = counts(session)
            try:
                source = read_workbook(path)
                options = ImportOptions(period="2024Q3")
                result = preview(session, clerk_actor(session), source, what, options)
                assert counts(session) == before  # a preview writes nothing
                event(f"{what}: " + ",".join(sorted({plan.status for plan in result.rows})))
                run(
                    session,
                    commit,
                    source,
                    what,
                    result,
                    options=options,
                    strict=strict,
                    confirmed=result.cautions,
                )
            except LedgerError as refused:
                assert str(refused)
                session.rollback()
                assert counts(session) == before
                return
            after = counts(session)
            if strict and any(plan.status is RowStatus.ERROR for plan in result.rows):
                assert after == before
            elif not is_wide(session, source, what, options):
                assert after[TABLES[what]] - before[TABLES[what]] == creations(result)
    finally:
        ledger.close()
