"""The quarterly summary's tables, once: the printout and the workbook both show these.

Cells keep their raw values (counts, `Decimal` figures, coverage as a 0–1 ratio, None);
each column says what kind of value it holds, and each output formats that kind its
own way (text with "—" and "%" on paper, numbers with number formats in Excel), so
the two cannot show different columns, orders or figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any

from app.db.vocabulary import Field
from app.i18n import translate
from app.numbers import number_text
from app.reports.figures import QuarterlySummary

NONE_MARK = "—"


class ValueKind(Enum):
    """What a report column holds, so each output formats it its own way."""

    TEXT = "text"
    NUMBER = "number"  # a count or a Decimal figure
    RATIO = "ratio"  # a 0–1 share, shown as a percent (coverage)
    PERCENT = "percent"  # already a percent with one decimal (change, target progress)


@dataclass(frozen=True)
class ReportColumn:
    """A column's header, the kind of its values, and its share of the printed width."""

    header: str
    kind: ValueKind = ValueKind.TEXT
    weight: float = 1.0


@dataclass(frozen=True)
class ReportTable:
    """One section: `title` heads it on paper and names its sheet in the workbook."""

    key: str
    title: str
    columns: tuple[ReportColumn, ...]
    rows: tuple[tuple[Any, ...], ...]


def report_title(summary: QuarterlySummary) -> str:
    return translate(
        "Report", "{county} “group-style” assistance work: quarterly summary, {year} Q{number}"
    ).format(
        county=summary.heading.county, year=summary.quarter.year, number=summary.quarter.number
    )


def heading_line(summary: QuarterlySummary) -> str:
    """Office, date made and clerk, as printed under the title."""
    heading = summary.heading
    return translate("Report", "Office: {office}    Made on: {date}    Clerk: {clerk}").format(
        office=heading.office, date=long_date(heading.made_on), clerk=heading.clerk
    )


def period_line(summary: QuarterlySummary) -> str:
    return translate("Report", "Period: {start} to {end}").format(
        start=long_date(summary.quarter.start), end=long_date(summary.quarter.end)
    )


def long_date(day: date) -> str:
    return translate("Report", "{month}/{day}/{year}").format(
        year=day.year, month=day.month, day=day.day
    )


def summary_tables(summary: QuarterlySummary) -> list[ReportTable]:
    return [
        staff_table(summary),
        service_table(summary),
        outcome_table(summary),
        highlight_table(summary),
        mentorship_table(summary),
    ]


def staff_table(summary: QuarterlySummary) -> ReportTable:
    """One row: the head count per field at the quarter's end, the total, and the moves."""
    staff = summary.staff
    fields = list(staff.on_duty_by_field)
    columns = (
        *(ReportColumn(field.label(), ValueKind.NUMBER) for field in fields),
        ReportColumn(translate("Report", "Total on duty"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Arrived in the quarter"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Departed in the quarter"), ValueKind.NUMBER),
    )
    row = (
        *(staff.on_duty_by_field[field] for field in fields),
        staff.on_duty_total,
        staff.arrived,
        staff.departed,
    )
    return ReportTable("staff", translate("Report", "Staff"), columns, (row,))


def service_table(summary: QuarterlySummary) -> ReportTable:
    columns = (
        ReportColumn(translate("Report", "Service"), weight=2.2),
        ReportColumn(translate("Report", "Rule"), weight=1.3),
        ReportColumn(translate("Report", "Provisions"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Eligible"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Covered"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Coverage"), ValueKind.RATIO),
    )
    rows = tuple(
        (
            line.service,
            line.rule.label(),
            line.provisions,
            line.eligible,
            line.covered,
            line.coverage,
        )
        for line in summary.services
    )
    return ReportTable("services", translate("Report", "Services"), columns, rows)


def has_targets(summary: QuarterlySummary) -> bool:
    return any(line.target is not None for line in summary.outcomes)


def outcome_table(summary: QuarterlySummary) -> ReportTable:
    """Every metric with its field first (the printout groups rows by it)."""
    columns = [
        ReportColumn(translate("Report", "Field")),
        ReportColumn(translate("Report", "Metric"), weight=1.8),
        ReportColumn(translate("Report", "Unit"), weight=0.9),
        ReportColumn(translate("Report", "This quarter"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Previous quarter"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Change"), ValueKind.PERCENT),
        ReportColumn(translate("Report", "Year to date"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "Cumulative"), ValueKind.NUMBER),
    ]
    targets = has_targets(summary)
    if targets:
        columns += [
            ReportColumn(translate("Report", "Target for the year"), ValueKind.NUMBER),
            ReportColumn(translate("Report", "Progress"), ValueKind.PERCENT),
        ]
    rows = []
    for line in sorted(summary.outcomes, key=lambda line: list(Field).index(line.field)):
        row: tuple[Any, ...] = (
            line.field.label(),
            line.metric,
            line.unit,
            line.quarter,
            line.previous,
            line.change,
            line.ytd,
            line.cumulative,
        )
        rows.append((*row, line.target, line.target_progress) if targets else row)
    return ReportTable("outcomes", translate("Report", "Outcomes"), tuple(columns), tuple(rows))


def highlight_table(summary: QuarterlySummary) -> ReportTable:
    columns = (
        ReportColumn(translate("Report", "Date"), weight=1.3),
        ReportColumn(translate("Report", "Staff or team"), weight=1.5),
        ReportColumn(translate("Report", "Highlight"), weight=6),
    )
    rows = tuple((item.date, item.staff, item.text) for item in summary.highlights)
    return ReportTable("highlights", translate("Report", "Highlights"), columns, rows)


def mentorship_table(summary: QuarterlySummary) -> ReportTable:
    columns = (
        ReportColumn(translate("Report", "Pairs active in the quarter"), ValueKind.NUMBER),
        ReportColumn(translate("Report", "New pairs in the quarter"), ValueKind.NUMBER),
    )
    row = (summary.mentorships.active, summary.mentorships.new)
    return ReportTable("mentorships", translate("Report", "Mentorships"), columns, (row,))


def format_cell(value: Any, kind: ValueKind) -> str:
    """A cell as printed: "—" for no value, percents with one decimal, plain numbers."""
    if value is None:
        return NONE_MARK
    if kind is ValueKind.RATIO:
        return f"{one_decimal(Decimal(str(value)) * 100)}%"
    if kind is ValueKind.PERCENT:
        return f"{one_decimal(Decimal(value))}%"
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
