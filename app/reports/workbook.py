"""The quarterly summary as an Excel workbook: a sheet per section, charts below.

The sheets hold the same tables as the printout (`app.reports.tables`), but as
numbers a clerk can add up: coverage is a ratio shown with a percent format, change
and target progress are percents with one decimal under a "(%)" header.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.exchange.xlsx import Sheet, write_workbook
from app.i18n import translate
from app.reports.document import Chart
from app.reports.figures import QuarterlySummary
from app.reports.tables import (
    NONE_MARK,
    ReportTable,
    ValueKind,
    heading_line,
    period_line,
    report_title,
    summary_tables,
)

NUMBER_FORMATS = {ValueKind.RATIO: "0.0%", ValueKind.PERCENT: "0.0"}


def write_summary_workbook(
    path: Path | str, summary: QuarterlySummary, charts: Sequence[Chart]
) -> Path:
    """Write the workbook of `summary`, each chart under its table; return its path."""
    notes = [report_title(summary), heading_line(summary), period_line(summary)]
    images = {chart.key: chart.png for chart in charts}
    sheets = [
        _sheet(table, notes, [images[table.key]] if table.key in images else [])
        for table in summary_tables(summary)
    ]
    return write_workbook(path, sheets)


def _sheet(table: ReportTable, notes: list[str], images: list[bytes]) -> Sheet:
    headers = [
        translate("Report", "{header} (%)").format(header=column.header)
        if column.kind is ValueKind.PERCENT
        else column.header
        for column in table.columns
    ]
    rows = [[NONE_MARK if value is None else value for value in row] for row in table.rows]
    formats = {
        index: NUMBER_FORMATS[column.kind]
        for index, column in enumerate(table.columns)
        if column.kind in NUMBER_FORMATS
    }
    return Sheet(
        title=table.title,
        headers=headers,
        rows=rows,
        notes=notes,
        number_formats=formats,
        images=images,
        landscape=len(headers) > 8,
    )
