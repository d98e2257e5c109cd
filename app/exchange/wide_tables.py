"""Where a wide outcome table is: its sheets, headers, metric columns and period.

Teams hand in their monthly figures as a sheet per team, people down the side and
metrics across, often under a two-row header with the unit under or beside the
metric's name (「手术（例）」). A column is a metric's when its header, without the
unit, is a metric's name (several metrics of one name in different fields: the unit,
else the person's field, tells which). The clerk may correct the mapping sheet by
sheet (the wizard), and the mapping is remembered for the next file with the same
headers. The period comes from the clerk (--period 2024-09 or the wizard), else from
a title such as 「2024年9月」 or 「2024年第3季度」 (above the header or the sheet's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Metric
from app.errors import ValidationError
from app.exchange.aliases import INSTRUCTION_SHEETS, PERSON_ALIASES, header_key, split_unit
from app.exchange.importing import ImportOptions
from app.exchange.layout import (
    FieldSpec,
    Layout,
    Matcher,
    field_matcher,
    find_layout,
    remembered_mapping,
)
from app.exchange.people import person_label
from app.exchange.reading import SheetData, SourceBook, UnreadableWorkbook
from app.i18n import translate
from app.periods import Month, Period, Quarter, parse_period

METRIC_KEY = "metric:"
WIDE_KIND = "outcomes-wide"  # the remembered mappings' scope
_MONTH_TITLE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_QUARTER_TITLE = re.compile(r"(\d{4})\s*年\s*第\s*([1-4一二三四])\s*季度")
_QUARTER_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass
class WideSheet:
    """One team sheet as it is read: where its table is, which column is which metric
    (the candidates of that name), and its period (None: neither given nor titled)."""

    sheet: SheetData
    layout: Layout
    period: Period | None
    metrics: dict[int, list[Metric]] = field(default_factory=dict)  # column -> candidates


def metrics_by_name(session: Session) -> dict[str, list[Metric]]:
    """Live metrics by their compared name (several fields may share one)."""
    metrics: dict[str, list[Metric]] = {}
    for metric in session.scalars(
        select(Metric).where(Metric.deleted_at.is_(None)).order_by(Metric.sort_order, Metric.id)
    ):
        metrics.setdefault(header_key(metric.name), []).append(metric)
    return metrics


def person_fields() -> list[FieldSpec]:
    return [
        FieldSpec(key, partial(person_label, key), aliases, key == "name")
        for key, aliases in PERSON_ALIASES.items()
    ]


def wide_fields(session: Session) -> list[FieldSpec]:
    """What a wide table's column may fill: who (name, ID number, receiving unit) or a
    metric (by name: the wizard's choices)."""
    metrics = [
        FieldSpec(METRIC_KEY + key, partial(str, candidates[0].name), ())
        for key, candidates in metrics_by_name(session).items()
    ]
    return [*person_fields(), *metrics]


def wide_missing(layout: Layout) -> list[str]:
    """What a wide sheet's mapping lacks: the name column, or any metric column."""
    mapped = set(layout.mapping.values())
    missing = [spec.label() for spec in person_fields() if spec.required and spec.key not in mapped]
    if not any(key.startswith(METRIC_KEY) for key in mapped):
        missing.append(translate("Import", "a metric"))
    return missing


def _matcher(metrics: dict[str, list[Metric]]) -> Matcher:
    people = field_matcher(person_fields())

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


def _mapping(session: Session, options: ImportOptions, layout: Layout) -> dict[int, str]:
    """The clerk's mapping of this sheet, else the remembered one, else the guess."""
    if layout.sheet in options.mappings:
        return dict(options.mappings[layout.sheet])
    if options.sheet == layout.sheet and options.mapping is not None:
        return dict(options.mapping)
    return remembered_mapping(session, WIDE_KIND, layout.headers) or layout.mapping


def wide_sheets(
    session: Session, book: SourceBook, options: ImportOptions, *, need_period: bool = True
) -> list[WideSheet]:
    """Every sheet laid out as a wide table (a name column and metric columns).

    Raises UnreadableWorkbook when no sheet is; with `need_period`, ValidationError
    naming the first sheet whose period is neither given nor in its title."""
    metrics = metrics_by_name(session)
    match = _matcher(metrics)
    chosen = [book.sheet(options.sheet)] if options.sheet else book.sheets
    given = parse_period(options.period) if options.period else None
    found: list[WideSheet] = []
    for sheet in chosen:
        if not options.sheet and (sheet.hidden or INSTRUCTION_SHEETS.search(sheet.name)):
            continue
        try:
            layout = find_layout(sheet, match, header_row=options.header_row)
        except UnreadableWorkbook:
            continue
        layout.mapping = _mapping(session, options, layout)
        columns = {
            column: key[len(METRIC_KEY) :]
            for column, key in layout.mapping.items()
            if key.startswith(METRIC_KEY) and key[len(METRIC_KEY) :] in metrics
        }
        if not columns or "name" not in layout.mapping.values():
            continue
        wide = WideSheet(sheet, layout, given or period_from_title(sheet, layout))
        for column, key in columns.items():
            wide.metrics[column] = _by_unit(metrics[key], layout.headers[column])
        found.append(wide)
    if not found:
        raise UnreadableWorkbook(
            translate(
                "Import",
                "{file} has no outcome table: no sheet has a 姓名 column and columns named "
                "after metrics, nor one row per entry (指标, 数值).",
            ).format(file=book.file_name)
        )
    untitled = [wide.sheet.name for wide in found if wide.period is None]
    if need_period and untitled:
        raise ValidationError(
            {
                "period": [
                    translate(
                        "Import",
                        "sheet {sheet} does not say its month; give the period (--period "
                        "2024-09 or 2024Q3) or put 「2024年9月」 in its title",
                    ).format(sheet=untitled[0])
                ]
            },
            {"period": translate("Quarters", "Period")},
        )
    return found


def _by_unit(candidates: list[Metric], header: str) -> list[Metric]:
    """Metrics of one name in several fields: the header's unit may tell which."""
    _name, unit = split_unit(header)
    same_unit = [metric for metric in candidates if unit and metric.unit == unit]
    return same_unit or candidates


def wide_layouts(
    session: Session, book: SourceBook, options: ImportOptions
) -> list[tuple[Layout, Period | None]]:
    """The wizard's view of a wide workbook: each team sheet's layout and period."""
    return [
        (wide.layout, wide.period)
        for wide in wide_sheets(session, book, options, need_period=False)
    ]
