"""`--self-test`: the installed program checks that every part it needs came with it.

A frozen build can lack what the source tree always has: the migrations Alembic reads
from files, a Qt plugin, matplotlib's data, a font that can draw Chinese. Each check
here uses the part the way a clerk's work does — a new ledger, the demo records, a
chart, the summary's PDF and workbook — in a temporary folder, and reads the result
back (the PDF's text layer, the workbook through openpyxl) rather than trusting that
writing it raised nothing. The first check that fails stops the test with its reason.
"""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.db.files import check_pdf, check_zip
from app.db.ledger import Ledger, head_revision
from app.db.models import OutcomeEntry, Staff
from app.demo.build import create_demo
from app.errors import LedgerError
from app.i18n import translate
from app.periods import Quarter

if TYPE_CHECKING:
    from app.reports.document import PrintableDocument
    from app.reports.prepared import PreparedSummary

QUARTER = Quarter(2024, 3)  # the demo's quarter of the news reports' figures
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

RenderPdf = Callable[["PrintableDocument", Path], Path]
CheckWindow = Callable[[Path], str]  # opens the main window on a ledger; what it saw


class SelfTestFailed(LedgerError):
    """One check failed; the message says which and why."""


def run_self_test(
    *,
    render_pdf: RenderPdf,
    check_window: CheckWindow | None,
    report: Callable[[str], None],
) -> None:
    """Run every check in a temporary folder, reporting each one that passed."""
    with tempfile.TemporaryDirectory(
        prefix="bangfu-self-test-", ignore_cleanup_errors=True
    ) as name:
        folder = Path(name)
        database = folder / "self-test.db"
        report(_check_database(database))
        if check_window is not None:
            report(check_window(database))
        with Ledger.open(database, create=False) as ledger, ledger.session() as session:
            from app.reports.prepared import prepare_summary

            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                prepared = prepare_summary(session, QUARTER, printable=True)
        report(_check_charts(prepared, [str(warning.message) for warning in caught]))
        report(_check_pdf(prepared, render_pdf(_document(prepared), folder / "summary.pdf")))
        report(_check_workbook(prepared, folder / "summary.xlsx"))


def failed(what: str, reason: str) -> SelfTestFailed:
    """The one way a check (here or in the window's check, ui/self_check.py) says it failed."""
    return SelfTestFailed(
        translate("SelfTest", "Self-test failed at {what}: {reason}").format(
            what=what, reason=reason
        )
    )


def _check_database(path: Path) -> str:
    what = translate("SelfTest", "Database")
    create_demo(path)
    with Ledger.open(path, create=False) as ledger:
        problems = ledger.check()
        with ledger.session() as session:
            staff = session.scalar(select(func.count(Staff.id))) or 0
            entries = session.scalar(select(func.count(OutcomeEntry.id))) or 0
    if problems:
        raise failed(what, "; ".join(problems))
    if not staff or not entries:
        raise failed(what, translate("SelfTest", "the demo data are missing"))
    return translate(
        "SelfTest",
        "Database: a new ledger at schema revision {revision}, the demo loaded "
        "({staff} staff, {entries} outcome entries), integrity check passed",
    ).format(revision=head_revision(), staff=staff, entries=entries)


def _check_charts(prepared: PreparedSummary, warned: list[str]) -> str:
    """Chinese needs a CJK font: without one matplotlib draws empty boxes, and says so."""
    what = translate("SelfTest", "Charts")
    if prepared.font_message:
        raise failed(what, prepared.font_message)
    missing = [message for message in warned if "missing from" in message]
    if missing:
        raise failed(what, missing[0])
    if not prepared.charts or not all(c.png.startswith(PNG_SIGNATURE) for c in prepared.charts):
        raise failed(what, translate("SelfTest", "no chart was drawn"))
    from app.reports.charts import cjk_font

    return translate(
        "SelfTest", "Charts: {count} charts with Chinese text drawn in the font {font}"
    ).format(count=len(prepared.charts), font=cjk_font())


def _document(prepared: PreparedSummary) -> PrintableDocument:
    assert prepared.document is not None  # prepared with printable=True
    return prepared.document


def _check_pdf(prepared: PreparedSummary, path: Path) -> str:
    from app.reports.pdf_reading import PdfUnreadable, page_count, pdf_text

    what = translate("SelfTest", "PDF")
    title = _document(prepared).title
    try:
        check_pdf(path)
        pages, text = page_count(path), pdf_text(path)
    except (LedgerError, PdfUnreadable) as error:
        raise failed(what, str(error)) from None
    if _squeezed(title) not in _squeezed(text):
        raise failed(
            what, translate("SelfTest", "its text lacks the title 「{title}」").format(title=title)
        )
    return translate(
        "SelfTest",
        "PDF: the summary of {quarter}, {pages} pages, its text has the title 「{title}」",
    ).format(quarter=QUARTER, pages=pages, title=title)


def _check_workbook(prepared: PreparedSummary, path: Path) -> str:
    from openpyxl import load_workbook

    from app.reports.tables import summary_tables
    from app.reports.workbook import write_summary_workbook

    what = translate("SelfTest", "Excel")
    write_summary_workbook(path, prepared.summary, prepared.charts)
    check_zip(path)
    workbook = load_workbook(path)
    try:
        sheets = len(workbook.worksheets)
        first = {str(cell.value) for row in workbook.worksheets[0].iter_rows() for cell in row}
        images = sum(len(sheet._images) for sheet in workbook.worksheets)
    finally:
        workbook.close()
    title = _document(prepared).title
    if sheets != len(summary_tables(prepared.summary)) or title not in first or not images:
        raise failed(what, translate("SelfTest", "the workbook does not hold the summary"))
    return translate(
        "SelfTest",
        "Excel: the workbook opens with openpyxl, {sheets} sheets under the title, {images} charts",
    ).format(sheets=sheets, images=images)


def _squeezed(text: str) -> str:
    return "".join(text.split())
