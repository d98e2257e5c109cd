"""Importing outcome tables in the wide shape, as teams hand in their monthly figures.

Where the tables are (sheets, headers, metric columns, period) is `wide_tables`'s
business; here each person row becomes figures of its sheet's period, saved by the
outcome grid's own command (`app.outcomes.grid.save_period_values`), so a wide import
carries its period exactly as the grid does: one live figure per person, metric and
period, and re-importing a corrected table of that period replaces what the earlier
import stored instead of adding to it.

The one difference from the grid, on purpose: a blank cell in an imported table is
no figure and never clears a stored one ("updates never erase"); only the grid's
Save, where the clerk empties a cell they see, clears a figure. So only filled cells
ever reach the grid's command from here. A person not on the roster is an error
naming the sheet and the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Metric, OutcomeEntry, Staff
from app.db.vocabulary import Field
from app.errors import QuarterClosedError, Refusal
from app.exchange.cells import is_blank
from app.exchange.importing import (
    ImportOptions,
    Preview,
    Problem,
    RowPlan,
    RowStatus,
    SourceRow,
    source_rows,
)
from app.exchange.layout import remember_mapping
from app.exchange.people import Person, PersonFinder
from app.exchange.reading import SourceBook
from app.exchange.wide_tables import WIDE_KIND, WideSheet, wide_sheets
from app.i18n import translate
from app.outcomes.entries import off_duty_message, retired_message
from app.outcomes.grid import PeriodCell, save_period_values
from app.outcomes.grid_data import owner_labels
from app.periods import Period
from app.records.closing import ensure_open
from app.records.commands import caution_code
from app.records.validation import InvalidValue, parse_decimal
from app.records.work import Work

_NO_FIGURE = {"-", "—", "–", "/", "无", "——"}


@dataclass(frozen=True)
class Figure:
    """One figure of the period: a person's value of a metric (the grid's cell)."""

    staff_id: int
    metric_id: int
    value: Decimal


Stored = dict[tuple[int | None, int | None, str | None], Decimal | None]


def _stored(session: Session, periods: set[str]) -> Stored:
    rows = session.execute(
        select(
            OutcomeEntry.staff_id, OutcomeEntry.metric_id, OutcomeEntry.period, OutcomeEntry.value
        ).where(
            OutcomeEntry.deleted_at.is_(None),
            OutcomeEntry.period.in_(list(periods)),
            OutcomeEntry.staff_id.is_not(None),
        )
    )
    return {(row[0], row[1], row[2]): row[3] for row in rows}


def _closed(session: Session, period: Period) -> str | None:
    try:
        ensure_open(session, [period.end])
    except QuarterClosedError as error:
        return str(error)
    return None


def plan_wide(work: Work, book: SourceBook, options: ImportOptions) -> Preview:
    """The preview of a wide import: one plan per person row, the figures in its cells."""
    session = work.session
    sheets = wide_sheets(session, book, options)
    preview = Preview(
        book.file_name, book.checksum, "outcomes", [wide.layout for wide in sheets], []
    )
    people = PersonFinder(session)
    stored = _stored(session, {str(wide.period) for wide in sheets})
    for wide in sheets:
        assert wide.period is not None  # wide_sheets refuses a sheet without one
        closed = _closed(session, wide.period)
        rows, skipped = source_rows(wide.sheet, wide.layout)
        preview.skipped += skipped
        for row in rows:
            plan = _plan_row(row, wide, people, stored)
            if closed and plan.status is not RowStatus.ERROR:
                plan.status, plan.cells = RowStatus.ERROR, []
                plan.problems.append(row.problem(None, closed))
            preview.rows.append(plan)
            work.check_cancelled()
    _mark_repeats(preview.rows)
    _off_duty(session, sheets, preview.rows)
    return preview


def _mark_repeats(plans: list[RowPlan]) -> None:
    """A person twice in one period's tables is an error naming the first row."""
    seen: dict[tuple[int, str], RowPlan] = {}
    for plan in plans:
        if plan.status is RowStatus.ERROR or not plan.cells:
            continue
        key = (plan.cells[0].staff_id, str(plan.identity))
        if key in seen:
            first = seen[key]
            message = translate("Import", "repeats row {row} ({name}); keep one of the two").format(
                row=first.source.row, name=first.name
            )
            plan.status, plan.cells = RowStatus.ERROR, []
            plan.problems.append(plan.source.problem(None, message))
        else:
            seen[key] = plan


def _off_duty(session: Session, sheets: list[WideSheet], plans: list[RowPlan]) -> None:
    """Figures of someone not on duty in the period: a warning the clerk confirms, with
    the very caution code the grid's command asks for ("<row>:off-duty")."""
    periods = {wide.sheet.name: wide.period for wide in sheets}
    written = [plan for plan in plans if plan.status in (RowStatus.NEW, RowStatus.UPDATE)]
    owners = {(plan.cells[0].staff_id, None) for plan in written}
    labels = owner_labels(session, owners)
    for plan in written:
        staff_id = plan.cells[0].staff_id
        period = periods[plan.source.sheet]
        staff = session.get(Staff, staff_id)
        message = off_duty_message(staff, period.start, period.end) if staff and period else None
        if message is None:
            continue
        plan.warnings.append(plan.source.problem("name", message))
        plan.cautions.append(caution_code("off-duty", labels[(staff_id, None)]))
        plan.status = RowStatus.WARNING


def _plan_row(row: SourceRow, wide: WideSheet, people: PersonFinder, stored: Stored) -> RowPlan:
    person, problems = people.find(row)
    name = person.name if person else str(row.values.get("name") or "")
    plan = RowPlan(row, RowStatus.ERROR, name, problems=problems)
    plan.identity = str(wide.period)
    if person is None:
        return plan
    news = 0
    for column, candidates in wide.metrics.items():
        raw = wide.sheet.value(row.row, column + 1)
        if is_blank(raw) or (isinstance(raw, str) and raw.strip() in _NO_FIGURE):
            continue  # no figure: a blank never clears a stored one
        metric = _metric_for(candidates, person)
        header = wide.layout.headers[column]
        if metric is None:
            message = translate("Import", "{name} is a metric of several fields").format(
                name=header
            )
            plan.problems.append(Problem(column, header, message))
            continue
        try:
            value = parse_decimal(raw)
        except InvalidValue as error:
            plan.problems.append(Problem(column, header, str(error)))
            continue
        if value is None:
            continue
        key = (person.id, metric.id, str(wide.period))
        if key not in stored and (retired := retired_message(metric)):
            plan.problems.append(Problem(column, header, retired))
            continue
        plan.cells.append(Figure(person.id, metric.id, value))
        if key not in stored:
            news += 1
        elif stored[key] != value:
            plan.changed.append(metric.name)
    if plan.problems:
        plan.cells = []
    elif plan.changed:
        plan.status = RowStatus.UPDATE
    elif news:
        plan.status = RowStatus.NEW
    else:
        plan.status = RowStatus.DUPLICATE  # every figure already stored, or none
    return plan


def _metric_for(candidates: list[Metric], person: Person) -> Metric | None:
    if len(candidates) == 1:
        return candidates[0]
    same_field = [metric for metric in candidates if metric.field == Field(person.field)]
    return same_field[0] if len(same_field) == 1 else None


def commit_wide(
    work: Work, book: SourceBook, options: ImportOptions, *, strict: bool = False
) -> Preview:
    """The import command: every valid row's figures saved through the outcome grid's
    command, one call per period, all in this command's one batch and transaction."""
    preview = plan_wide(work, book, options)
    if strict and preview.errors:
        raise Refusal(
            translate(
                "Import", "{count} rows were refused, so nothing was imported (strict)."
            ).format(count=len(preview.errors))
        )
    work.begin_batch("import-outcomes", file_name=book.file_name, checksum=book.checksum)
    periods: dict[str, list[Figure]] = {}
    for plan in preview.rows:
        if plan.status in (RowStatus.NEW, RowStatus.UPDATE, RowStatus.WARNING):
            periods.setdefault(str(plan.identity), []).extend(plan.cells)
    for period, figures in periods.items():
        save_period_figures(work, period, figures)
    for layout in preview.layouts:
        remember_mapping(work, WIDE_KIND, layout.headers, layout.mapping)
    preview.committed = True
    return preview


def save_period_figures(work: Work, period: str, figures: list[Figure]) -> Any:
    """The one place a wide import writes: the outcome grid's `save_period_values`,
    joining the import's batch. Only filled cells come here, so nothing is cleared."""
    cells = [PeriodCell(f.staff_id, None, f.metric_id, f.value) for f in figures]
    return save_period_values(work, period, cells)
