"""The four imports by name, as the command line and the wizard ask for them, and the
refused rows written back to a workbook the clerk can correct and import again.

An outcomes workbook is read in the long shape when one of its sheets has a row per
entry (指标 and 数值 columns), else as wide monthly team tables.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.exchange.importing import (
    Importer,
    ImportOptions,
    Preview,
    RowStatus,
    commit_import,
    preview_import,
    resolve_layouts,
)
from app.exchange.ledger_imports import MentorshipsImporter, OutcomesImporter, ServicesImporter
from app.exchange.reading import SourceBook, UnreadableWorkbook
from app.exchange.staff_import import StaffImporter
from app.exchange.wide_outcomes import commit_wide, plan_wide
from app.exchange.xlsx import Sheet, write_workbook
from app.i18n import translate
from app.records.work import Actor, Progress, Work

IMPORTERS: dict[str, Callable[[], Importer]] = {
    "staff": StaffImporter,
    "services": ServicesImporter,
    "mentorships": MentorshipsImporter,
    "outcomes": OutcomesImporter,
}


def is_wide(session: Session, book: SourceBook, what: str, options: ImportOptions) -> bool:
    """Whether an outcomes workbook holds wide team tables rather than one row per entry."""
    if what != "outcomes":
        return False
    try:
        layouts = resolve_layouts(session, book, OutcomesImporter(), options)
    except UnreadableWorkbook:
        return True
    mapped = set(layouts[0].mapping.values())
    return not ({"metric", "value"} <= mapped or {"metric", "description"} <= mapped)


def preview(
    session: Session,
    actor: Actor,
    book: SourceBook,
    what: str,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Preview:
    """Every row's plan, writing nothing."""
    if is_wide(session, book, what, options):
        work = Work(session, actor, progress=progress, cancelled=cancelled)
        try:
            return plan_wide(work, book, options)
        finally:
            session.rollback()
    return preview_import(
        session, actor, book, IMPORTERS[what](), options, progress=progress, cancelled=cancelled
    )


def commit(
    work: Work,
    book: SourceBook,
    what: str,
    preview: Preview,
    *,
    options: ImportOptions,
    strict: bool = False,
) -> Preview:
    """The import command: the rows `preview` found valid, as one batch in the
    command's transaction (nothing with `strict` when the preview refused a row)."""
    if preview.kind == "outcomes" and is_wide(work.session, book, what, options):
        return commit_wide(work, book, options, strict=strict)
    return commit_import(work, book, IMPORTERS[what](), preview, strict=strict)


def write_refused_rows(path: Path | str, book: SourceBook, preview: Preview) -> Path:
    """The refused rows as they were in the file (a sheet per source sheet, the same
    header), with a last column saying why, to fix and import again."""
    reason = translate("Import", "Reason refused")
    sheets = []
    for layout in preview.layouts:
        source = book.sheet(layout.sheet)
        refused = [plan for plan in preview.errors if plan.source.sheet == layout.sheet]
        rows = [[*source.rows[plan.source.row - 1], "；".join(plan.messages())] for plan in refused]
        width = max([len(layout.headers), *(len(row) - 1 for row in rows)])
        headers = [*layout.headers, *[""] * (width - len(layout.headers)), reason]
        rows = [[*row[:-1], *[None] * (width - len(row) + 1), row[-1]] for row in rows]
        sheets.append(Sheet(layout.sheet, headers, rows, total=len(rows)))
    return write_workbook(path, sheets)


def report_lines(preview: Preview) -> list[str]:
    """The preview in words: the counts, what is created on the way, every row that is
    refused or carries a warning (sheet and row number as Excel shows them)."""
    counts = preview.counts()
    lines = [
        translate(
            "Import",
            "{file}: {new} new, {updated} updated, {duplicate} unchanged duplicates, "
            "{warning} with warnings, {error} refused",
        ).format(
            file=preview.file_name,
            new=counts[RowStatus.NEW],
            updated=counts[RowStatus.UPDATE],
            duplicate=counts[RowStatus.DUPLICATE],
            warning=counts[RowStatus.WARNING],
            error=counts[RowStatus.ERROR],
        )
    ]
    if preview.skipped:
        lines.append(
            translate("Import", "{count} lines skipped (totals, footer lines).").format(
                count=preview.skipped
            )
        )
    if preview.new_records:
        created = "、".join(f"{what} {name}" for what, name in preview.new_records)
        lines.append(translate("Import", "New: {records}").format(records=created))
    colon = translate("Import", ": ")
    for plan in preview.rows:
        if plan.status in (RowStatus.ERROR, RowStatus.WARNING):
            lines += [f"{plan.label}{colon}{message}" for message in plan.messages()]
    return lines
