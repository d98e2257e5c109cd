"""Outcome tables in the wide shape, as teams hand in their monthly figures.

A sheet per team; people down the side, metrics across, often under a two-row header
with the unit under or beside the metric's name (「手术（例）」); numbers with
thousands separators; a 合计 row that is never imported. The period comes from the
clerk (--period 2024-09 or the wizard), else from a title such as 「2024年9月」 or
「2024年第3季度」. Each figure becomes a cell (person, metric, value) of that period,
saved by the outcome grid's own command, so a wide import carries its period exactly
as the grid does: one live figure per person, metric and period, and re-importing a
corrected table replaces what the earlier import stored. A blank cell is no figure
(it never clears a stored one); a person not on the roster is an error naming the
sheet and the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import select

from app.db.models import Metric, OutcomeEntry
from app.db.vocabulary import Field
from app.errors import Refusal, ValidationError
from app.exchange.aliases import INSTRUCTION_SHEETS, PERSON_ALIASES, header_key, split_unit
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
from app.exchange.layout import FieldSpec, Layout, field_matcher, find_layout
from app.exchange.people import Person, PersonFinder
from app.exchange.reading import SheetData, SourceBook, UnreadableWorkbook
from app.i18n import translate
from app.periods import Month, Period, Quarter, parse_period
from app.records.validation import InvalidValue, parse_decimal
from app.records.work import Work

METRIC_KEY = "metric:"
_NO_FIGURE = {"-", "—", "–", "/", "无", "——"}
_MONTH_TITLE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_QUARTER_TITLE = re.compile(r"(\d{4})\s*年\s*第\s*([1-4一二三四])\s*季度")
_QUARTER_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class Figure:
    """One figure of the period: a person's value of a metric (the grid's cell)."""

    staff_id: int
    metric_id: int
    value: Decimal


@dataclass
class WideSheet:
    sheet: SheetData
    layout: Layout
    period: Period
    metrics: dict[int, list[Metric]] = field(default_factory=dict)  # column -> candidates


def _person_fields() -> list[FieldSpec]:
    return [FieldSpec(key, partial(str, key), aliases) for key, aliases in PERSON_ALIASES.items()]


def _matcher(metrics: dict[str, list[Metric]]) -> Any:
    people = field_matcher(_person_fields())

    def match(text: str) -> str | None:
        key = people(text)
        if key is not None:
            return key
        name, _unit = split_unit(text)
        wanted = header_key(name)
        return METRIC_KEY + wanted if wanted in metrics else None

    return match


def period_from_title(sheet: SheetData, layout: Layout) -> Period | None:
    """「2024年9月」 or 「2024年第3季度」 in the rows above the header or the sheet's name."""
    texts = [sheet.name] + [
        str(value) for row in sheet.rows[: layout.header_top - 1] for value in row if value
    ]
    for text in texts:
        if quarter := _QUARTER_TITLE.search(text):
            number = quarter.group(2)
            return Quarter(int(quarter.group(1)), _QUARTER_DIGITS.get(number) or int(number))
        month = _MONTH_TITLE.search(text)
        if month and 1 <= int(month.group(2)) <= 12:
            return Month(int(month.group(1)), int(month.group(2)))
    return None


def wide_sheets(session: Any, book: SourceBook, options: ImportOptions) -> list[WideSheet]:
    """Every sheet laid out as a wide table (a name column and metric columns)."""
    metrics: dict[str, list[Metric]] = {}
    for metric in session.scalars(select(Metric).where(Metric.deleted_at.is_(None))):
        metrics.setdefault(header_key(metric.name), []).append(metric)
    match = _matcher(metrics)
    chosen = [book.sheet(options.sheet)] if options.sheet else book.sheets
    found: list[WideSheet] = []
    for sheet in chosen:
        if not options.sheet and (sheet.hidden or INSTRUCTION_SHEETS.search(sheet.name)):
            continue
        try:
            layout = find_layout(sheet, match, header_row=options.header_row)
        except UnreadableWorkbook:
            continue
        if options.mapping is not None:
            layout.mapping = dict(options.mapping)
        columns = {
            column: key for column, key in layout.mapping.items() if key.startswith(METRIC_KEY)
        }
        if not columns or "name" not in layout.mapping.values():
            continue
        period = _period(options, sheet, layout)
        wide = WideSheet(sheet, layout, period)
        for column, key in columns.items():
            wide.metrics[column] = _by_unit(metrics[key[len(METRIC_KEY) :]], layout.headers[column])
        found.append(wide)
    if not found:
        raise UnreadableWorkbook(
            translate(
                "Import",
                "{file} has no outcome table: no sheet has a 姓名 column and columns named "
                "after metrics, nor one row per entry (指标, 数值).",
            ).format(file=book.file_name)
        )
    return found


def _period(options: ImportOptions, sheet: SheetData, layout: Layout) -> Period:
    if options.period:
        return parse_period(options.period)
    period = period_from_title(sheet, layout)
    if period is None:
        raise ValidationError(
            {
                "period": [
                    translate(
                        "Import",
                        "sheet {sheet} does not say its month; give the period (--period "
                        "2024-09 or 2024Q3) or put 「2024年9月」 in its title",
                    ).format(sheet=sheet.name)
                ]
            },
            {"period": translate("Quarters", "Period")},
        )
    return period


def _by_unit(candidates: list[Metric], header: str) -> list[Metric]:
    """Metrics of one name in several fields: the header's unit may tell which."""
    _name, unit = split_unit(header)
    same_unit = [metric for metric in candidates if unit and metric.unit == unit]
    return same_unit or candidates


def _stored(session: Any, periods: set[str]) -> dict[tuple[int, int, str], Decimal | None]:
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
        rows, skipped = source_rows(wide.sheet, wide.layout)
        preview.skipped += skipped
        for row in rows:
            preview.rows.append(_plan_row(row, wide, people, stored))
            work.check_cancelled()
    seen: dict[tuple[int, str], RowPlan] = {}
    for plan in preview.rows:
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
    return preview


def _plan_row(
    row: SourceRow,
    wide: WideSheet,
    people: PersonFinder,
    stored: dict[tuple[int, int, str], Decimal | None],
) -> RowPlan:
    person, problems = people.find(row)
    name = person.name if person else str(row.values.get("name") or "")
    plan = RowPlan(row, RowStatus.ERROR, name, problems=problems)
    plan.identity = str(wide.period)
    if person is None:
        return plan
    sheet = wide.sheet
    for column, candidates in wide.metrics.items():
        raw = sheet.value(row.row, column + 1)
        if is_blank(raw) or (isinstance(raw, str) and raw.strip() in _NO_FIGURE):
            continue
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
        if value is not None:
            plan.cells.append(Figure(person.id, metric.id, value))
            key = (person.id, metric.id, str(wide.period))
            if key in stored and stored[key] != value:
                plan.changed.append(metric.name)
    if plan.problems:
        plan.cells = []
        return plan
    news = [f for f in plan.cells if (f.staff_id, f.metric_id, str(wide.period)) not in stored]
    if not plan.cells:
        plan.status = RowStatus.DUPLICATE
    elif plan.changed:
        plan.status = RowStatus.UPDATE
    elif news:
        plan.status = RowStatus.NEW
    else:
        plan.status = RowStatus.DUPLICATE
    return plan


def _metric_for(candidates: list[Metric], person: Person) -> Metric | None:
    if len(candidates) == 1:
        return candidates[0]
    same_field = [metric for metric in candidates if metric.field == Field(person.field)]
    return same_field[0] if len(same_field) == 1 else None


def commit_wide(
    work: Work, book: SourceBook, options: ImportOptions, *, strict: bool = False
) -> Preview:
    """Save every valid row's figures through the outcome grid's command, one period
    per sheet, in the command's one transaction."""
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
        if plan.status in (RowStatus.NEW, RowStatus.UPDATE):
            periods.setdefault(str(plan.identity), []).extend(plan.cells)
    for period, figures in periods.items():
        save_period_figures(work, period, figures)
    preview.committed = True
    return preview


def save_period_figures(work: Work, period: str, figures: list[Figure]) -> None:
    """The one place a wide import writes: the outcome grid's `save_period_values`."""
    raise Refusal(
        translate(
            "Import",
            "Saving a wide table's figures arrives with the outcome grid; use --dry-run to "
            "check the table meanwhile.",
        )
    )
