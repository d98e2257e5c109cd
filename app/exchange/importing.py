"""An import from a workbook: a preview of every row first, then one commit.

The same steps make the preview and the commit, so what the clerk saw is what gets
written: find the sheet, its header and the column mapping (`app.exchange.layout`);
read every data row (blank rows, footer lines such as 「制表人：」 and 合计 rows are
skipped); let the importer create the units and teams rows name but the ledger lacks;
plan each row — new, update (with the fields that change), unchanged duplicate,
warning (written, with a caution the clerk confirms by committing) or error (with its
reason, its column and its row number as Excel shows it); and a person repeated in
the file is an error naming the row where they first appear. The preview runs all
of it in a transaction that is rolled back; the commit runs it as one batch (file
name and checksum recorded) and writes the valid rows with `write_rows`, in the
command's one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy.orm import Session

from app.errors import Refusal, ValidationError
from app.exchange.aliases import is_footer, is_total
from app.exchange.cells import clean_cell, is_blank
from app.exchange.layout import (
    FieldSpec,
    Layout,
    choose_sheet,
    column_name,
    field_matcher,
    find_layout,
    remember_mapping,
    remembered_mapping,
)
from app.exchange.reading import SheetData, SourceBook, UnreadableWorkbook
from app.i18n import translate
from app.records.commands import Checked, RowWrite, caution_code, write_rows
from app.records.work import Actor, Progress, Work

PROGRESS_STEP = 100


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"
    DUPLICATE = "duplicate"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One message about a row: which column (0 for A; None for the whole row)."""

    column: int | None
    header: str
    message: str

    def text(self) -> str:
        if self.column is None:
            return self.message
        return translate("Import", "column {column} ({header}): {message}").format(
            column=column_name(self.column), header=self.header, message=self.message
        )


@dataclass(frozen=True)
class SourceRow:
    """A data row of a sheet: its Excel row number and its mapped, tidied cells."""

    sheet: str
    row: int
    values: dict[str, Any]
    layout: Layout

    def problem(self, key: str | None, message: str) -> Problem:
        column = self.layout.column_of(key) if key else None
        if column is None:
            return Problem(None, "", message)
        return Problem(column, self.layout.headers[column], message)


@dataclass
class RowPlan:
    """What the import does with one row, and why."""

    source: SourceRow
    status: RowStatus
    name: str = ""
    changed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    write: RowWrite | None = None
    identity: Any = None  # who or what the row is; a second row with it is an error
    cautions: list[str] = field(default_factory=list)
    cells: list[Any] = field(default_factory=list)  # a wide table's figures of the row

    @property
    def label(self) -> str:
        return row_label(self.source.sheet, self.source.row)

    def messages(self) -> list[str]:
        return [problem.text() for problem in (self.problems or self.warnings)]


def row_label(sheet: str, row: int) -> str:
    return translate("Import", "{sheet} row {row}").format(sheet=sheet, row=row)


@dataclass
class ImportOptions:
    """The clerk's choices (the wizard's steps); None means "find it"."""

    sheet: str | None = None
    header_row: int | None = None
    mapping: dict[int, str] | None = None
    period: str | None = None  # a wide outcome table's month or quarter
    # Wide outcome tables: the clerk's mapping of each team sheet, by sheet name.
    mappings: dict[str, dict[int, str]] = field(default_factory=dict)


@dataclass
class Preview:
    """Every row's plan, the records to be created on the way, and the counts."""

    file_name: str
    checksum: str
    kind: str
    layouts: list[Layout]
    rows: list[RowPlan]
    new_records: list[tuple[str, str]] = field(default_factory=list)  # (what, name)
    skipped: int = 0  # blank rows, footer lines and totals
    committed: bool = False

    def count(self, status: RowStatus) -> int:
        return sum(1 for plan in self.rows if plan.status is status)

    def counts(self) -> dict[RowStatus, int]:
        return {status: self.count(status) for status in RowStatus}

    @property
    def errors(self) -> list[RowPlan]:
        return [plan for plan in self.rows if plan.status is RowStatus.ERROR]

    @property
    def cautions(self) -> list[str]:
        return [code for plan in self.rows for code in plan.cautions]


class Importer(Protocol):
    """One kind of import (staff, services, mentorships, outcomes)."""

    @property
    def kind(self) -> str:
        """What the workbook holds ("staff"), also the remembered mappings' scope."""

    @property
    def batch_kind(self) -> str:
        """Batch.kind of the import ("import-staff")."""

    @property
    def fields(self) -> Sequence[FieldSpec]:
        """The fields it reads, with their header spellings."""

    def prepare(self, work: Work, rows: list[SourceRow]) -> None:
        """Before the rows: load what matching needs, create units and teams on demand."""

    def created_for(self, rows: list[SourceRow]) -> list[tuple[str, str]]:
        """What `prepare` created that these rows name: (what, name), as the preview
        lists them."""

    def plan(self, work: Work, row: SourceRow, *, check: bool = True) -> RowPlan:
        """What to do with one row (no write yet); without `check`, only whom it matches
        and what it would write (the commit of rows a preview checked)."""


# ----------------------------------------------------------------- reading the rows
def guess_layout(
    session: Session, book: SourceBook, importer: Importer, options: ImportOptions
) -> Layout:
    """The sheet and header the import reads, with the clerk's, the remembered or the
    guessed mapping (in that order)."""
    match = field_matcher(importer.fields)
    sheet = book.sheet(options.sheet) if options.sheet else choose_sheet(book, match, importer.kind)
    layout = find_layout(sheet, match, header_row=options.header_row)
    if options.mapping is not None:
        layout.mapping = dict(options.mapping)
    else:
        layout.mapping = remembered_mapping(session, importer.kind, layout.headers) or (
            layout.mapping
        )
    return layout


def missing_fields(importer: Importer, layout: Layout) -> list[str]:
    """The labels of the fields the import needs that no column is mapped to."""
    mapped = set(layout.mapping.values())
    return [spec.label() for spec in importer.fields if spec.required and spec.key not in mapped]


def resolve_layouts(
    session: Session, book: SourceBook, importer: Importer, options: ImportOptions
) -> list[Layout]:
    """`guess_layout`, refused when a field the import needs has no column."""
    layout = guess_layout(session, book, importer, options)
    missing = missing_fields(importer, layout)
    if missing:
        raise UnreadableWorkbook(
            translate("Import", "Sheet {sheet} has no column for: {fields}.").format(
                sheet=layout.sheet, fields="、".join(missing)
            )
        )
    return [layout]


def source_rows(sheet: SheetData, layout: Layout) -> tuple[list[SourceRow], int]:
    """The data rows under the header, and how many lines were skipped."""
    rows: list[SourceRow] = []
    skipped = 0
    for number in range(layout.first_row, len(sheet.rows) + 1):
        cells = sheet.rows[number - 1]
        filled = [value for value in cells if not is_blank(value)]
        if not filled:
            continue  # blank rows are not even counted
        first = str(filled[0]).strip()
        if is_footer(first) or any(isinstance(v, str) and is_total(v) for v in filled[:3]):
            skipped += 1
            continue
        values = {
            key: clean_cell(cells[column])
            for column, key in layout.mapping.items()
            if column < len(cells)
        }
        if all(is_blank(value) for value in values.values()):
            skipped += 1  # only unmapped columns filled (a running number)
            continue
        rows.append(SourceRow(sheet.name, number, values, layout))
    return rows, skipped


# ----------------------------------------------------------------- planning
def field_problem(
    row: SourceRow, field_name: str, message: str, *, keys: dict[str, str], label: str
) -> Problem:
    """A message about a record field, in the column the field was read from (or about
    the row, naming the field, when no column holds it)."""
    column = row.layout.column_of(keys.get(field_name, field_name))
    if column is not None:
        return Problem(column, row.layout.headers[column], message)
    return Problem(None, "", f"{label}{translate('Import', ': ')}{message}" if label else message)


def checked_plan(
    row: SourceRow,
    checked: Callable[[], Checked],
    *,
    write: RowWrite,
    keys: dict[str, str],
    name: str,
    labels: Callable[[str], str],
    check: bool = True,
) -> RowPlan:
    """Plan a row from the create or update check: an error per refused field (in its
    column), a duplicate when nothing changes, a warning for each caution. `keys` maps
    a record field to the import field it is read from (sending_unit_id → sending_unit).
    Without `check` the row is taken as the preview found it: valid."""
    if not check:
        status = RowStatus.NEW if write.record_id is None else RowStatus.UPDATE
        return RowPlan(row, status, name, write=write)
    try:
        result = checked()
    except ValidationError as error:
        problems = [
            field_problem(row, field_name, message, keys=keys, label=labels(field_name))
            for field_name, messages in error.errors.items()
            for message in messages
        ]
        return RowPlan(row, RowStatus.ERROR, name, problems=problems)
    except Refusal as error:
        return RowPlan(row, RowStatus.ERROR, name, problems=[row.problem(None, str(error))])
    if write.record_id is not None and not result.changed:
        return RowPlan(row, RowStatus.DUPLICATE, name)
    status = RowStatus.UPDATE if write.record_id is not None else RowStatus.NEW
    plan = RowPlan(row, status, name, write=write)
    if write.record_id is not None:
        plan.changed = [labels(key) for key in sorted(result.changed)]
    for code, field_name, message in result.cautions:
        plan.warnings.append(
            field_problem(row, field_name, message, keys=keys, label=labels(field_name))
        )
        plan.cautions.append(caution_code(code, plan.label))
    if plan.warnings:
        plan.status = RowStatus.WARNING
    return plan


def _mark_repeats(plans: list[RowPlan]) -> None:
    """A second row for the same person (or entry) is an error naming the first."""
    first: dict[Any, RowPlan] = {}
    for plan in plans:
        if plan.identity is None:
            continue
        earlier = first.setdefault(plan.identity, plan)
        if earlier is not plan:
            message = translate("Import", "repeats row {row} ({name}); keep one of the two").format(
                row=earlier.source.row, name=earlier.name
            )
            plan.status, plan.write, plan.warnings, plan.cautions = RowStatus.ERROR, None, [], []
            plan.problems = [*plan.problems, plan.source.problem(None, message)]


# ----------------------------------------------------------------- running
def _read_rows(book: SourceBook, layouts: list[Layout], preview: Preview) -> list[SourceRow]:
    rows: list[SourceRow] = []
    for layout in layouts:
        found, skipped = source_rows(book.sheet(layout.sheet), layout)
        rows += found
        preview.skipped += skipped
    return rows


def preview_import(
    session: Session,
    actor: Actor,
    book: SourceBook,
    importer: Importer,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Preview:
    """Plan every row, writing nothing: what committing would do. The units and teams
    the rows need are created to check the rows against them, then rolled back."""
    work = Work(session, actor, progress=progress, cancelled=cancelled)
    try:
        layouts = resolve_layouts(session, book, importer, options)
        preview = Preview(book.file_name, book.checksum, importer.kind, layouts, [])
        rows = _read_rows(book, layouts, preview)
        importer.prepare(work, rows)
        for index, row in enumerate(rows, start=1):
            preview.rows.append(importer.plan(work, row))
            if index % PROGRESS_STEP == 0:
                work.progress(index, len(rows))
                work.check_cancelled()
        _mark_repeats(preview.rows)
        written = [plan.source for plan in preview.rows if plan.write is not None]
        preview.new_records = importer.created_for(written)
        work.progress(len(rows), len(rows))
        return preview
    finally:
        session.rollback()


def commit_import(
    work: Work,
    book: SourceBook,
    importer: Importer,
    preview: Preview,
    *,
    strict: bool = False,
) -> Preview:
    """The command: write the rows `preview` found valid as one batch (the file's name
    and checksum recorded), in the command's one transaction; with `strict`, nothing
    when the preview refused a row. The rows with warnings need their cautions
    confirmed: the preview's `cautions`, passed to `perform` as `confirmed`. Should the
    ledger have changed since the preview so that a row is now refused, `write_rows`
    refuses the whole batch, naming the row."""
    if strict and preview.errors:
        raise Refusal(
            translate(
                "Import", "{count} rows were refused, so nothing was imported (strict)."
            ).format(count=len(preview.errors))
        )
    work.begin_batch(importer.batch_kind, file_name=book.file_name, checksum=book.checksum)
    wanted = {
        (plan.source.sheet, plan.source.row)
        for plan in preview.rows
        if plan.status in (RowStatus.NEW, RowStatus.UPDATE, RowStatus.WARNING)
    }
    rows = [
        row
        for row in _read_rows(book, preview.layouts, Preview("", "", "", [], []))
        if (row.sheet, row.row) in wanted
    ]
    importer.prepare(work, rows)  # units of refused rows: none
    writes = []
    for row in rows:
        plan = importer.plan(work, row, check=False)
        if plan.write is not None:
            writes.append(plan.write)
        work.check_cancelled()
    if writes:
        write_rows(work, writes)
    for layout in preview.layouts:
        remember_mapping(work, importer.kind, layout.headers, layout.mapping)
    preview.committed = True
    return preview
