"""Text that looks like a formula stays text in EVERY workbook the app writes: each
ledger's list, the coverage matrix (the Services page's and the command line's),
`export --what all`, the quarterly summary's workbook and the refused rows of an
import. Checked with openpyxl: the same text back, a string cell, no formula at all."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Mentorship, OutcomeEntry, ServiceProvision, ServiceType, Staff, Team
from app.exchange.coverage_workbook import write_coverage_workbook
from app.exchange.importing import ImportOptions
from app.exchange.imports import preview, write_refused_rows
from app.exchange.list_export import export_lists, parts_named, sheets_named
from app.exchange.reading import read_workbook
from app.exchange.xlsx import Sheet, write_workbook
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.periods import Quarter
from app.records import commands
from app.records.kinds import RecordKind
from app.records.settings import clerk_actor
from app.reports.summary import quarterly_summary
from app.reports.workbook import write_summary_workbook
from app.roster.staff import STAFF
from app.roster.units import TEAM
from app.services.catalog import SERVICE_TYPE
from app.services.matrix import coverage_matrix
from app.services.provisions import PROVISION
from tests.app.exchange.workbooks import write_xlsx
from tests.app.helpers import run

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "=1+1", "\t=1+1", "\r+2"]
Q3 = Quarter(2024, 3)
_RISKY = ("=", "+", "-", "@", "\t", "\r", "\n")


def read_back(text: str) -> str:
    """What a reader gets: XML turns a carriage return into a line feed (Excel shows the
    same line break); everything else comes back to the character."""
    return text.replace("\r", "\n")


def formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [
            match
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            for match in re.findall(r"<f[ >].*?</f>", archive.read(name).decode())
        ]


def risky_cells(path: Path) -> dict[str, set[str]]:
    """Every cell value beginning like a formula → the data types it was stored as."""
    found: dict[str, set[str]] = {}
    for ws in openpyxl.load_workbook(path):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(_RISKY):
                    found.setdefault(cell.value, set()).add(cell.data_type)
    return found


def plant(
    session: Session,
    kind: RecordKind,
    model: Any,
    field: str,
    where: Any = None,
    texts: list[str] = HOSTILE,
) -> set[str]:
    """Give the first records of `model` the hostile `texts` in `field`; the texts as
    stored (the record's rules may trim a leading tab)."""
    statement = select(model.id).where(model.deleted_at.is_(None)).order_by(model.id)
    if where is not None:
        statement = statement.where(where)
    ids = list(session.scalars(statement.limit(len(texts))))
    for record_id, text in zip(ids, texts, strict=False):
        run(session, commands.update, kind, record_id, {field: text})
    return {str(getattr(session.get(model, record_id), field)) for record_id in ids}


def check(path: Path, expected: set[str]) -> None:
    expected = {read_back(text) for text in expected}
    found = risky_cells(path)
    assert expected <= set(found), (path.name, expected - set(found))
    assert all(types == {"s"} for types in found.values()), (path.name, found)
    assert formulas(path) == [], path.name


def test_formula_like_text_stays_text_in_every_exported_workbook(
    demo_session: Session, tmp_path: Path
) -> None:
    session = demo_session
    in_q3 = ServiceProvision.date.between(Q3.start, Q3.end)
    planted = {
        "staff": plant(session, STAFF, Staff, "post"),
        "services": plant(session, PROVISION, ServiceProvision, "details", in_q3),
        "outcomes": plant(session, OUTCOME, OutcomeEntry, "description", OutcomeEntry.value > 0),
        "mentorships": plant(session, MENTORSHIP, Mentorship, "goal"),
    }
    unique = [text for text in HOSTILE if not text.startswith("\t")]  # names are unique
    teams = plant(session, TEAM, Team, "name", texts=unique)  # the matrix's team column
    plant(session, SERVICE_TYPE, ServiceType, "name", texts=unique)  # its column headings
    assert all(len(texts) >= 5 for texts in planted.values())
    assert any(text.startswith(_RISKY) for text in teams)
    for what, texts in planted.items():
        path = export_lists(session, tmp_path / f"{what}.xlsx", parts_named(what)).path
        check(path, texts)
    every = set().union(*planted.values(), teams)
    more = sheets_named(session, "all", Q3)
    path = export_lists(session, tmp_path / "all.xlsx", parts_named("all", Q3), more=more).path
    check(path, every)
    matrix = coverage_matrix(session, Q3)
    check(write_coverage_workbook(tmp_path / "coverage.xlsx", matrix), teams & _texts(matrix))
    assert any(heading.startswith(_RISKY) for heading in _headings(tmp_path / "coverage.xlsx"))
    # The quarterly summary's workbook: highlights typed by the clerk.
    person = session.scalars(select(Staff.id).where(Staff.deleted_at.is_(None))).first()
    for text in HOSTILE:
        values = {"date": date(2024, 8, 1), "staff_id": person, "is_highlight": True}
        run(session, commands.create, OUTCOME, {**values, "description": text})
    summary = quarterly_summary(session, Q3)
    check(write_summary_workbook(tmp_path / "summary.xlsx", summary, []), {"=1+1", "+1+1"})
    # The refused rows of an import, as they were in the file, with the reason.
    source = write_xlsx(
        tmp_path / "in.xlsx",
        {"名册": [["姓名", "挂任职务", "到岗日期"], *[["", text, ""] for text in HOSTILE]]},
    )
    book = read_workbook(source)
    planned = preview(session, clerk_actor(session), book, "staff", ImportOptions())
    check(write_refused_rows(tmp_path / "refused.xlsx", book, planned), set(HOSTILE))
    # The writer itself, with nothing in between: the same text back, to the character.
    raw = write_workbook(tmp_path / "raw.xlsx", [Sheet("表", ["文本"], [[t] for t in HOSTILE])])
    ws = openpyxl.load_workbook(raw).active
    assert [(cell.value, cell.data_type) for (cell,) in ws.iter_rows(min_row=2)] == [
        (read_back(text), "s") for text in HOSTILE
    ]


def _texts(matrix: Any) -> set[str]:
    return {row.team for row in matrix.rows if row.team}


def _headings(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path).active
    return [str(cell.value) for row in ws.iter_rows() for cell in row if cell.value]
