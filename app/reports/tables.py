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
from app.reports.figures import QuarterlySummary

NONE_MARK = "—"


class Kind(Enum):
    TEXT = "text"
    NUMBER = "number"  # a count or a Decimal figure
    RATIO = "ratio"  # a 0–1 share, shown as a percent (coverage)
    PERCENT = "percent"  # already a percent with one decimal (change, target progress)


@dataclass(frozen=True)
class Column:
    """A column's header, the kind of its values, and its share of the printed width."""

    header: str
    kind: Kind = Kind.TEXT
    weight: float = 1.0


@dataclass(frozen=True)
class ReportTable:
    """One section: `title` heads it on paper and names its sheet in the workbook."""

    key: str
    title: str
    columns: tuple[Column, ...]
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
        *(Column(field.label(), Kind.NUMBER) for field in fields),
        Column(translate("Report", "Total on duty"), Kind.NUMBER),
        Column(translate("Report", "Arrived in the quarter"), Kind.NUMBER),
        Column(translate("Report", "Departed in the quarter"), Kind.NUMBER),
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
        Column(translate("Report", "Service"), weight=2.2),
        Column(translate("Report", "Rule"), weight=1.3),
        Column(translate("Report", "Provisions"), Kind.NUMBER),
        Column(translate("Report", "Eligible"), Kind.NUMBER),
        Column(translate("Report", "Covered"), Kind.NUMBER),
        Column(translate("Report", "Coverage"), Kind.RATIO),
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
        Column(translate("Report", "Field")),
        Column(translate("Report", "Metric"), weight=1.8),
        Column(translate("Report", "Unit"), weight=0.9),
        Column(translate("Report", "This quarter"), Kind.NUMBER),
        Column(translate("Report", "Previous quarter"), Kind.NUMBER),
        Column(translate("Report", "Change"), Kind.PERCENT),
        Column(translate("Report", "Year to date"), Kind.NUMBER),
        Column(translate("Report", "Cumulative"), Kind.NUMBER),
    ]
    targets = has_targets(summary)
    if targets:
        columns += [
            Column(translate("Report", "Target for the year"), Kind.NUMBER),
            Column(translate("Report", "Progress"), Kind.PERCENT),
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
        Column(translate("Report", "Date"), weight=1.3),
        Column(translate("Report", "Staff or team"), weight=1.5),
        Column(translate("Report", "Highlight"), weight=6),
    )
    rows = tuple((item.date, item.staff, item.text) for item in summary.highlights)
    return ReportTable("highlights", translate("Report", "Highlights"), columns, rows)


def mentorship_table(summary: QuarterlySummary) -> ReportTable:
    columns = (
        Column(translate("Report", "Pairs active in the quarter"), Kind.NUMBER),
        Column(translate("Report", "New pairs in the quarter"), Kind.NUMBER),
    )
    row = (summary.mentorships.active, summary.mentorships.new)
    return ReportTable("mentorships", translate("Report", "Mentorships"), columns, (row,))


def format_cell(value: Any, kind: Kind) -> str:
    """A cell as printed: "—" for no value, percents with one decimal, plain numbers."""
    if value is None:
        return NONE_MARK
    if kind is Kind.RATIO:
        return f"{one_decimal(Decimal(str(value)) * 100)}%"
    if kind is Kind.PERCENT:
        return f"{one_decimal(Decimal(value))}%"
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def plain_number(value: Decimal) -> str:
    """15207, 761.5: no exponent, no trailing zeros, no thousands separator."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")
